"""PLOVER/POLECAT-style JSON lines: one event (or story) a line.

Field names follow the PLOVER manual's "JSON Data Fields" chapter (draft 0.7b1: ``id``,
``date``, ``enddate``, ``source``, ``recipient``, ``event``, ``mode``, ``quad_code``,
``event_loc``, ``event_text``, ``text``, ``text_info``, ``link``, ``cite_info``, ``coder``,
``coded_date``; actor objects ``code``, ``sector``, ``actor_text``, ``identifier_id``,
``identifier_text``; location fields after GeoNames: ``geonameid``, ``name``, ``latitude``,
``longitude``, ``cc3``) and its size field ``dead``. What PLOVER has no name for keeps
eventwire's name (``date_basis``, ``trigger``, ``negated``, mention spans, ...); an event's
``mentions`` list each passage that reports it, with what that passage says (a mention's
actors and place by id and name: the event's own objects carry the rest). The README's
"Export" section lists every field.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from typing import Any, TextIO

from ... import __version__
from ...records import Actor, Place, Span, StoryActor, StoryPlace, When
from .acled import Crosswalk
from .reading import EventItem, StoryItem

# PLOVER's numeric quad categories.
QUAD_CODES = {
    "verbal-cooperation": 1,
    "material-cooperation": 2,
    "verbal-conflict": 3,
    "material-conflict": 4,
}


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _end_day(day: dt.date, precision: str | None) -> dt.date:
    """The last day a date of ``precision`` that starts on ``day`` may mean."""
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day.replace(month=12, day=31)
    return day


def _named(actor: Actor) -> dict[str, Any]:
    return {"actor_id": actor.id, "identifier_text": actor.name}


class PloverExporter:
    """PLOVER-style JSON, one record a line (the JSON Lines form the manual recommends)."""

    def __init__(self, stream: TextIO, crosswalk: Crosswalk) -> None:
        self.stream = stream
        self.crosswalk = crosswalk
        self.codebook = f"plover-eventwire-{crosswalk.codebook.version}"

    def start(self) -> None:
        """JSON Lines has no header."""

    def finish(self) -> None:
        """JSON Lines has no footer."""

    def _write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _quad(self, type_: str) -> int | None:
        found = self.crosswalk.codebook.types.get(type_)
        return QUAD_CODES.get(found.quad) if found else None

    def actor(self, actor: Actor) -> dict[str, Any]:
        """A PLOVER actor object for one of our actors."""
        return {
            "code": actor.country,
            "sector": actor.sector,
            "actor_text": actor.mentions[0].text if actor.mentions else None,
            "identifier_id": actor.wikidata,
            "identifier_text": actor.name,
            "kind": actor.kind,
            "actor_id": actor.id,
            "mentions": [_span(m) for m in actor.mentions],
        }

    def place(self, place: Place) -> dict[str, Any]:
        """A PLOVER location object (GeoNames field names) for one of our places."""
        country = self.crosswalk.countries.get(place.country or "")
        gazetteer_id = place.gazetteer_id or ""
        return {
            "geonameid": int(gazetteer_id.split(":", 1)[1])
            if gazetteer_id.startswith("geonames:")
            else None,
            "gazetteer_id": place.gazetteer_id,
            "name": place.name,
            "latitude": place.lat,
            "longitude": place.lon,
            "country_code": country.iso2 if country else None,
            "cc3": place.country,
            "admin1_code": place.admin1,
            "admin1": self.crosswalk.admin1(place),
            "feature": place.feature,
            "precision": place.precision,
            "confidence": place.confidence,
            "reason": place.reason,
            "place_id": place.id,
            "mentions": [_span(m) for m in place.mentions],
        }

    def mentions(self, item: EventItem) -> list[dict[str, Any]]:
        """Each passage that reports the event, with what that passage itself says of it."""
        found = []
        for i, m in enumerate(item.event.mentions):
            place = item.mention_places[i]
            when = m.when
            found.append(
                {
                    "trigger": _span(m.trigger),
                    "text": m.sentence.text,
                    "text_info": {"start": m.sentence.start, "end": m.sentence.end},
                    "event": m.type,
                    "mode": m.mode,
                    "source": [_named(a) for a in item.mention_sources[i]],
                    "recipient": [_named(a) for a in item.mention_targets[i]],
                    "event_loc": {"place_id": place.id, "name": place.name} if place else None,
                    **_date_fields(when),
                    "dead": m.fatalities,
                    "negated": m.negated,
                    "hypothetical": m.hypothetical,
                    "future": m.future,
                }
            )
        return found

    def export_event(self, item: EventItem) -> bool:
        """Write one event's line."""
        event, article, when = item.event, item.article, item.event.when
        self._write(
            {
                "id": f"{article.id}-{event.id}",
                "date": item.day.isoformat() if item.day else None,
                "enddate": _end_day(item.day, when.precision if when else None).isoformat()
                if item.day
                else None,
                **_date_fields(when),
                "undated_reason": event.undated_reason,
                "source": [self.actor(a) for a in item.source],
                "recipient": [self.actor(a) for a in item.target],
                "event": [event.type],
                "mode": event.mode,
                "quad_code": self._quad(event.type),
                "cameo_root": event.cameo_root,
                "event_loc": self.place(item.place) if item.place else None,
                "event_text": [m.trigger.text for m in event.mentions] or [event.trigger.text],
                "trigger": _span(event.trigger),
                "text": event.sentence.text,
                "text_info": {"start": event.sentence.start, "end": event.sentence.end},
                "dead": event.fatalities,
                "negated": event.negated,
                "hypothetical": event.hypothetical,
                "future": event.future,
                "confidence": event.confidence,
                "source_basis": event.source_basis,
                "target_basis": event.target_basis,
                "place_basis": event.place_basis,
                "mentions": self.mentions(item),
                "link": item.story_id,
                "cite_info": {
                    "citation": article.id,
                    "url": article.url,
                    "title": article.title,
                    "publication": article.source,
                    "published": article.published.isoformat() if article.published else None,
                    "language": article.language,
                },
                "coder": f"eventwire {__version__}",
                "codebook": self.codebook,
                "coded_date": item.coded.date().isoformat() if item.coded else None,
            }
        )
        return True

    def _story_actor(self, actor: StoryActor) -> dict[str, Any]:
        return {"code": actor.country, "sector": actor.sector, "identifier_text": actor.name}

    def _story_place(self, place: StoryPlace) -> dict[str, Any]:
        country = self.crosswalk.countries.get(place.country or "")
        return {
            "name": place.name,
            "latitude": place.lat,
            "longitude": place.lon,
            "country_code": country.iso2 if country else None,
            "cc3": place.country,
            "precision": place.precision,
        }

    def export_story(self, item: StoryItem) -> bool:
        """Write one story's line: PLOVER's fields, then every member and disagreement."""
        story = item.story
        self._write(
            {
                "id": story.id,
                "date": story.date_first.isoformat() if story.date_first else None,
                "enddate": story.date_last.isoformat() if story.date_last else None,
                "date_agreed": story.date,
                "date_basis": story.date_basis,
                "source": [self._story_actor(a) for a in story.source],
                "recipient": [self._story_actor(a) for a in story.target],
                "event": [story.type],
                "mode": story.mode,
                "quad_code": self._quad(story.type),
                "event_loc": self._story_place(story.place) if story.place else None,
                "dead": story.fatalities,
                "dead_min": story.fatalities_min,
                "dead_max": story.fatalities_max,
                "members": [m.model_dump(mode="json") for m in story.members],
                "articles": story.articles,
                "disagreements": [d.model_dump(mode="json") for d in story.disagreements],
                "publications": list(item.outlets),
                "urls": list(item.urls),
                "coder": f"eventwire {__version__}",
                "codebook": self.codebook,
            }
        )
        return True


def _date_fields(when: When | None) -> dict[str, Any]:
    """An event's or a mention's date: value, precision, basis and the words it was read from."""
    return {
        "date_value": when.date if when else None,
        "date_precision": when.precision if when else None,
        "date_basis": when.basis if when else None,
        "date_text": {"start": when.start, "end": when.end, "text": when.text}
        if when and when.text is not None
        else None,
    }
