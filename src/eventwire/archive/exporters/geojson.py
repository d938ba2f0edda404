"""GeoJSON (RFC 7946): a FeatureCollection of Point features, one for each event (or story)
whose place has coordinates, with the ACLED-style row as its properties.

Coordinates are ``[longitude, latitude]``, the order RFC 7946 requires. Features are written as
they come, so the collection is never held in memory; an item without coordinates is not written
and the driver counts it, for a message, never in silence.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .acled import Crosswalk, event_row, story_row
from .reading import EventItem, StoryItem


class GeoJsonExporter:
    """A FeatureCollection of the items with coordinates, streamed feature by feature."""

    def __init__(self, stream: TextIO, crosswalk: Crosswalk) -> None:
        self.stream = stream
        self.crosswalk = crosswalk
        self.written = 0

    def start(self) -> None:
        """Open the collection."""
        self.stream.write('{"type": "FeatureCollection", "features": [')

    def _feature(self, feature_id: str, lat: float | None, lon: float | None, row: Any) -> bool:
        if lat is None or lon is None:
            return False
        feature = {
            "type": "Feature",
            "id": feature_id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": row,
        }
        self.stream.write(
            ("\n" if not self.written else ",\n") + json.dumps(feature, ensure_ascii=False)
        )
        self.written += 1
        return True

    def export_event(self, item: EventItem) -> bool:
        """Write the event's feature; False when its place has no coordinates."""
        place = item.place
        row: dict[str, Any] = event_row(item, self.crosswalk)
        row["story_id"] = item.story_id
        feature_id = f"{item.article.id}-{item.event.id}"
        if place is None:
            return False
        return self._feature(feature_id, place.lat, place.lon, row)

    def export_story(self, item: StoryItem) -> bool:
        """Write the story's feature; False when its place has no coordinates."""
        place = item.story.place
        row = story_row(item, self.crosswalk)
        if place is None:
            return False
        return self._feature(item.story.id, place.lat, place.lon, row)

    def finish(self) -> None:
        """Close the collection."""
        self.stream.write("\n]}\n")
