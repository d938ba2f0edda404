"""Export: stored events or stories as PLOVER JSON lines, ACLED-style CSV, GeoJSON or Parquet.

Each text format is an ``Exporter`` (scrapy's item exporters: ``start``, one item at a time,
``finish``), fed by ``export`` from pages of the store, so a store of any size exports in
bounded memory. Parquet copies whole tables and is ``parquet.write_parquet``. ``--where`` is a
filter over the ``events`` table; with ``stories`` a story is exported when any of its member
events is selected.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, TextIO

from ..store import Store
from .acled import AcledExporter, Crosswalk
from .geojson import GeoJsonExporter
from .parquet import write_parquet
from .plover import PloverExporter
from .reading import (
    BATCH_SIZE,
    EventItem,
    StoryItem,
    count_events,
    count_stories,
    has_stories,
    iter_events,
    iter_stories,
)

Format = Literal["plover", "acled", "geojson", "parquet"]
FORMATS: tuple[Format, ...] = ("plover", "acled", "geojson", "parquet")

__all__ = [
    "FORMATS",
    "AcledExporter",
    "CollectingExporter",
    "Crosswalk",
    "EventItem",
    "ExportSummary",
    "Exporter",
    "Format",
    "GeoJsonExporter",
    "PloverExporter",
    "StoryItem",
    "export",
    "export_to",
    "has_stories",
    "write_parquet",
]


class Exporter(Protocol):
    """Writes items in one format: ``start`` once, one ``export_*`` per item, ``finish`` once.

    ``export_*`` returns False for an item the format cannot hold (GeoJSON: no coordinates), so
    the driver can count what was left out.
    """

    def start(self) -> None: ...

    def export_event(self, item: EventItem) -> bool: ...

    def export_story(self, item: StoryItem) -> bool: ...

    def finish(self) -> None: ...


@dataclass
class CollectingExporter:
    """The in-memory double: keeps every item it is given, in order."""

    events: list[EventItem] = field(default_factory=list)
    stories: list[StoryItem] = field(default_factory=list)
    started: bool = False
    finished: bool = False

    def start(self) -> None:
        """Note that the export began."""
        self.started = True

    def export_event(self, item: EventItem) -> bool:
        """Keep the event."""
        self.events.append(item)
        return True

    def export_story(self, item: StoryItem) -> bool:
        """Keep the story."""
        self.stories.append(item)
        return True

    def finish(self) -> None:
        """Note that the export ended."""
        self.finished = True


@dataclass(frozen=True)
class ExportSummary:
    """What an export did: items selected, written, and left out because the format cannot
    hold them (GeoJSON: no coordinates)."""

    kind: Literal["events", "stories"]
    selected: int
    written: int

    @property
    def left_out(self) -> int:
        """Items selected but not written."""
        return self.selected - self.written


def export(
    store: Store,
    exporter: Exporter,
    *,
    where: str | None = None,
    stories: bool = False,
    batch_size: int = BATCH_SIZE,
) -> ExportSummary:
    """Feed ``exporter`` the events (or, with ``stories``, the stories) ``where`` selects.

    A ``where`` the database refuses is ``BadInput`` naming ``--where``, raised before anything
    is written.
    """
    selected = count_stories(store, where) if stories else count_events(store, where)
    written = 0
    exporter.start()
    if stories:
        for story in iter_stories(store, where, batch_size):
            written += exporter.export_story(story)
    else:
        for event in iter_events(store, where, batch_size):
            written += exporter.export_event(event)
    exporter.finish()
    return ExportSummary("stories" if stories else "events", selected, written)


def _exporter(
    fmt: str, stream: TextIO, crosswalk: Crosswalk, stories: bool, story_column: bool, bom: bool
) -> Exporter:
    if fmt == "plover":
        return PloverExporter(stream, crosswalk)
    if fmt == "acled":
        return AcledExporter(stream, crosswalk, stories=stories, story_column=story_column, bom=bom)
    return GeoJsonExporter(stream, crosswalk)


def export_to(
    store: Store,
    fmt: str,
    out: Path | None,
    stdout: TextIO,
    crosswalk: Crosswalk,
    *,
    where: str | None = None,
    stories: bool = False,
    bom: bool = False,
) -> ExportSummary:
    """Export in ``fmt`` to the file (Parquet: the folder) ``out``, or to ``stdout`` without one.

    A file is written beside ``out`` and renamed onto it at the end, so a failed export leaves
    no half-written file; Parquet needs a folder, as it writes one file per table.
    """
    if fmt not in FORMATS:
        raise ValueError(f"{fmt!r} is not one of {', '.join(FORMATS)}")
    where = where or None
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet writes one file per table: it needs a folder")
        selected = count_stories(store, where) if stories else count_events(store, where)
        written = write_parquet(store, out, where, stories)
        kind: Literal["events", "stories"] = "stories" if stories else "events"
        return ExportSummary(kind, selected, written[kind])
    story_column = not stories and has_stories(store)
    if out is None:
        exporter = _exporter(fmt, stdout, crosswalk, stories, story_column, bom)
        return export(store, exporter, where=where, stories=stories)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with open(handle, "w", encoding="utf-8", newline="") as stream:
            exporter = _exporter(fmt, stream, crosswalk, stories, story_column, bom)
            summary = export(store, exporter, where=where, stories=stories)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return summary
