"""Fusion: the events of many articles that report one real-world event become one ``Story``.

The rule follows ACLED (one event per day, place and actors) with two changes taken from how
machine-read reports go wrong: dates and places count as the same within a tolerance
(``FuseSettings``), and a value one report lacks never keeps it apart. Pairs are only compared
inside blocks (same type, nearby days, same area cell, admin1 or actor), so a store of 100,000
events fuses in well under a minute rather than comparing every pair.

Clustering is constrained single linkage: pairs that *link* (positive evidence of one event)
are merged in order of strength, but two groups are only merged when no member of one
*conflicts* with a member of the other. This stops the chaining plain union-find suffers from
(Monday's strike linked to Tuesday's linked to Wednesday's), and it is how "never two
different events of one article in one story" is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from .. import __version__
from ..errors import BadInput
from ..records import (
    DateBasis,
    Disagreement,
    Document,
    Precision,
    Story,
    StoryActor,
    StoryPlace,
    StoryRef,
    StoryValue,
    TimePrecision,
)

if TYPE_CHECKING:
    from .store import Store

EARTH_KM = 6371.0088
KM_PER_DEGREE = 111.195

# Modes outlets mix up for one event: a drone strike is often called an airstrike, a suicide
# bomber's blast an explosion, and "destroyed" names what a strike did, not how.
COMPATIBLE_MODES: tuple[tuple[str, str], ...] = (
    ("aerial", "drone"),
    ("explosives", "suicide-attack"),
    *(
        ("destroy", weapon)
        for weapon in (
            "aerial",
            "drone",
            "explosives",
            "suicide-attack",
            "heavy-weapons",
            "firearms",
            "primitive",
        )
    ),
)


class FuseSettings(BaseModel):
    """How close two reports must be to be one event; every value has a default."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    window_days: int = 2
    """Days two reports' dates may lie apart (after widening by precision) and still match."""
    week_days: int = 7
    """Days a date of precision week (a reported date) spans, up to and including the date."""
    distance_km: float = 50.0
    """Greatest distance between two points (or a point and a code-less admin1) that match."""
    cell_degrees: float = 1.0
    """Size of the grid cells places are blocked by; neighbours within distance_km are searched."""
    compatible_modes: tuple[tuple[str, str], ...] = COMPATIBLE_MODES
    """Pairs of different modes that may still be one event; a missing mode matches any."""
    same_sentence_one_event: bool = True
    """Two events of one type in one sentence of one article are one event even when their
    dates differ: the parser dates each trigger by the nearest expression ("condemned on
    Saturday the strike that killed 15 on May 14")."""


@dataclass(frozen=True, slots=True)
class ReportActor:
    """An actor as fusion sees it; name, country and sector are its identity."""

    name: str
    country: str | None
    sector: str | None
    kind: str | None = None

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        return (self.name, self.country, self.sector)


@dataclass(frozen=True, slots=True)
class ReportPlace:
    """Where a report puts its event, with the precision the gazetteer gave."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    precision: Precision


@dataclass(frozen=True, slots=True)
class Report:
    """One stored event with what fusion needs of it and of its article."""

    article_id: str
    event_id: str
    type: str
    mode: str | None = None
    published: dt.date | None = None
    source: tuple[ReportActor, ...] = ()
    target: tuple[ReportActor, ...] = ()
    place: ReportPlace | None = None
    date: str | None = None
    date_precision: TimePrecision | None = None
    date_basis: DateBasis | None = None
    fatalities: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    sentence_start: int | None = None

    @property
    def ref(self) -> StoryRef:
        return StoryRef(article_id=self.article_id, event_id=self.event_id)


class FuseSummary(BaseModel):
    """What one fuse run did, for the summary line and the tests."""

    model_config = ConfigDict(frozen=True)

    events: int
    left_out: dict[str, int]
    stories: int
    multi_article: int
    kept_ids: int
    run_id: str | None = None
    seconds: float

    def line(self) -> str:
        """One line for the terminal."""
        out = sum(self.left_out.values())
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(self.left_out.items()))
        return (
            f"fused {self.events - out} events into {self.stories} stories "
            f"({self.multi_article} from several articles, {self.kept_ids} ids kept); "
            f"{out} left out{f' ({why})' if why else ''}; {self.seconds:.1f} s"
        )


# --- reading reports ---------------------------------------------------------------------------


def reports_from_document(document: Document) -> list[Report]:
    """The reports of one extracted document, one per event, in the order of its events."""
    actors = {
        a.id: ReportActor(name=a.name, country=a.country, sector=a.sector, kind=a.kind)
        for a in document.actors
    }
    places = {
        p.id: ReportPlace(p.name, p.lat, p.lon, p.country, p.admin1, p.precision)
        for p in document.places
    }
    reports = []
    for event in document.events:
        when = event.when
        reports.append(
            Report(
                article_id=document.article.id,
                event_id=event.id,
                type=event.type,
                mode=event.mode,
                published=document.article.published,
                source=tuple(actors[a] for a in event.source),
                target=tuple(actors[a] for a in event.target),
                place=places.get(event.place) if event.place else None,
                date=when.date if when else None,
                date_precision=when.precision if when else None,
                date_basis=when.basis if when else None,
                fatalities=event.fatalities,
                negated=event.negated,
                hypothetical=event.hypothetical,
                future=event.future,
                sentence_start=event.sentence.start,
            )
        )
    return reports


EVENT_COLUMNS = """
    SELECT e.article_id, e.event_id, e.type, e.mode, a.published, e.event_date,
           e.date_precision, e.date_basis, e.fatalities, e.negated, e.hypothetical, e.future,
           e.sentence_start, p.name, p.lat, p.lon, p.country, p.admin1, p.precision
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id
    ORDER BY e.article_id, e.ordinal"""

ACTOR_COLUMNS = """
    SELECT ea.article_id, ea.event_id, ea.role, ac.name, ac.country, ac.sector, ac.kind
    FROM event_actors ea
    JOIN actors ac ON ac.article_id = ea.article_id AND ac.actor_id = ea.actor_id
    ORDER BY ea.article_id, ea.event_id, ea.role, ea.position"""


def load_reports(store: Store) -> list[Report]:
    """Every stored event as a report, in article and event order."""
    roles: dict[tuple[str, str, str], list[ReportActor]] = defaultdict(list)
    for article_id, event_id, role, name, country, sector, kind in store.query(ACTOR_COLUMNS):
        roles[article_id, event_id, role].append(ReportActor(name, country, sector, kind))
    reports = []
    for row in store.query(EVENT_COLUMNS):
        (article_id, event_id, type_, mode, published, date, precision, basis, fatalities) = row[:9]
        negated, hypothetical, future, sentence_start = row[9:13]
        name, lat, lon, country, admin1, place_precision = row[13:]
        reports.append(
            Report(
                article_id=article_id,
                event_id=event_id,
                type=type_,
                mode=mode,
                published=published,
                source=tuple(roles.get((article_id, event_id, "source"), ())),
                target=tuple(roles.get((article_id, event_id, "target"), ())),
                place=(
                    ReportPlace(name, lat, lon, country, admin1, place_precision)
                    if name is not None
                    else None
                ),
                date=date,
                date_precision=precision,
                date_basis=basis,
                fatalities=fatalities,
                negated=bool(negated),
                hypothetical=bool(hypothetical),
                future=bool(future),
                sentence_start=sentence_start,
            )
        )
    return reports


# --- the rules ---------------------------------------------------------------------------------


def date_span(report: Report, settings: FuseSettings) -> tuple[int, int] | None:
    """The first and last day (as ordinals) the report's date allows; None when undated."""
    if not report.date:
        return None
    parts = [int(p) for p in report.date.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1).toordinal(), dt.date(parts[0], 12, 31).toordinal()
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first.toordinal(), following.toordinal() - 1
    day = dt.date(parts[0], parts[1], parts[2]).toordinal()
    if report.date_precision == "week":
        return day - settings.week_days + 1, day
    return day, day


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _precise(place: ReportPlace | None) -> bool:
    """Whether a place can tell two events apart by itself: a point or an admin1 with
    coordinates."""
    return (
        place is not None
        and place.precision in ("point", "admin1")
        and place.lat is not None
        and place.lon is not None
    )


def places_agree(a: ReportPlace, b: ReportPlace, settings: FuseSettings) -> bool | None:
    """True when two places say the same where, False when they cannot both be right, None
    when they do not conflict but are too coarse to say (a country, a region)."""
    if a.country and b.country and a.country != b.country:
        return False
    if not (_precise(a) and _precise(b)):
        return None
    if "admin1" in (a.precision, b.precision) and a.admin1 and b.admin1:
        # An admin1 matches what lies in it, and nothing in another admin1.
        return a.admin1 == b.admin1 or (
            a.precision == b.precision == "point" and _near(a, b, settings)
        )
    return _near(a, b, settings)


def _near(a: ReportPlace, b: ReportPlace, settings: FuseSettings) -> bool:
    assert a.lat is not None
    assert a.lon is not None
    assert b.lat is not None
    assert b.lon is not None
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= settings.distance_km


def actors_match(a: ReportActor, b: ReportActor) -> bool:
    """Whether two actors can be the same party: the same actor, or a state and one of its own
    (a state stands for its forces and people: "Yemen" and the Houthis)."""
    if a.key == b.key:
        return True
    if a.kind == "state" or b.kind == "state":
        return a.country is not None and a.country == b.country
    return False


def sides_agree(a: Sequence[ReportActor], b: Sequence[ReportActor]) -> bool:
    """A side missing on one report agrees with anything; otherwise one actor must match."""
    return not a or not b or any(actors_match(x, y) for x in a for y in b)


def modes_agree(a: str | None, b: str | None, settings: FuseSettings) -> bool:
    """Equal modes, a missing one, or a pair settings.compatible_modes allows."""
    return a is None or b is None or a == b or (a, b) in _mode_pairs(settings)


_MODE_PAIRS: dict[tuple[tuple[str, str], ...], frozenset[tuple[str, str]]] = {}


def _mode_pairs(settings: FuseSettings) -> frozenset[tuple[str, str]]:
    pairs = _MODE_PAIRS.get(settings.compatible_modes)
    if pairs is None:
        pairs = frozenset(settings.compatible_modes) | {
            (b, a) for a, b in settings.compatible_modes
        }
        _MODE_PAIRS[settings.compatible_modes] = pairs
    return pairs


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def conflict(a: Report, b: Report, settings: FuseSettings, *, dates: bool = True) -> str | None:
    """Why two reports cannot be one event, or None when nothing keeps them apart; with
    ``dates=False`` their dates are left to ``dates_agree``."""
    if a.type != b.type:
        return "types differ"
    if not modes_agree(a.mode, b.mode, settings):
        return f"modes {a.mode} and {b.mode}"
    if a.future != b.future:
        return "one is future"
    if not sides_agree(a.source, b.source):
        return "different sources"
    if not sides_agree(a.target, b.target):
        return "different targets"
    if (
        a.place is not None
        and b.place is not None
        and places_agree(a.place, b.place, settings) is False
    ):
        return "places apart"
    same_sentence = (
        a.article_id == b.article_id
        and a.sentence_start is not None
        and a.sentence_start == b.sentence_start
    )
    if dates and not (same_sentence and settings.same_sentence_one_event):
        span_a, span_b = date_span(a, settings), date_span(b, settings)
        if span_a and span_b and _gap(span_a, span_b) > settings.window_days:
            return "dates apart"
    return None


def _shared_actor(a: Report, b: Report) -> bool:
    """Whether both reports name the same actor on the same side; a civilian population
    ("Yemenis") is too common a victim to tell two events apart."""
    for x_side, y_side in ((a.source, b.source), (a.target, b.target)):
        keys = {x.key for x in x_side if x.sector != "CVL"}
        if any(y.key in keys for y in y_side):
            return True
    return False


def link(a: Report, b: Report, settings: FuseSettings) -> float | None:
    """How strongly two reports are one event (higher first), or None when they are not.

    In one article, events of one type that do not conflict are one event told twice (the
    headline, the lead, a later "the attack"). Across articles a link needs positive evidence:
    both dated within the window, and either precise places that agree or a shared actor.
    """
    if conflict(a, b, settings) is not None:
        return None
    if a.article_id == b.article_id:
        return 1000.0
    span_a, span_b = date_span(a, settings), date_span(b, settings)
    if span_a is None or span_b is None:
        return None
    if (span_a[1] - span_a[0]) > 31 or (span_b[1] - span_b[0]) > 31:
        return None  # a year is too coarse to say two articles tell of one event
    place_says = (
        places_agree(a.place, b.place, settings)
        if a.place is not None and b.place is not None
        else None
    )
    shared = _shared_actor(a, b)
    if not place_says and not shared:
        return None
    return 10.0 - _gap(span_a, span_b) + (2.0 if place_says else 0.0) + (1.0 if shared else 0.0)


# --- blocking ----------------------------------------------------------------------------------


def _bucket_range(first: int, last: int, width: int) -> range:
    return range(first // width, last // width + 1)


def _cells(
    lat: float, lon: float, settings: FuseSettings, probe: bool
) -> Iterator[tuple[Any, ...]]:
    """The grid cell of a point, or with ``probe`` every cell within distance_km of it."""
    size = settings.cell_degrees
    row, col = math.floor(lat / size), math.floor(lon / size)
    if not probe:
        yield ("cell", row, col)
        return
    columns_around = round(360 / size)
    reach_rows = math.ceil(settings.distance_km / (KM_PER_DEGREE * size))
    widest = min(89.0, abs(lat) + reach_rows * size)
    reach_cols = min(
        columns_around // 2,
        math.ceil(settings.distance_km / (KM_PER_DEGREE * size * math.cos(math.radians(widest)))),
    )
    for r in range(row - reach_rows, row + reach_rows + 1):
        for c in range(col - reach_cols, col + reach_cols + 1):
            yield ("cell", r, (c + columns_around // 2) % columns_around - columns_around // 2)


def _block_keys(
    report: Report, settings: FuseSettings
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Where a report is filed and where it looks for partners (before adding type and day)."""
    filed: list[tuple[Any, ...]] = []
    looks: list[tuple[Any, ...]] = []
    place = report.place
    if _precise(place):
        assert place is not None
        assert place.lat is not None
        assert place.lon is not None
        # Points and admin1s meet in grid cells (by distance) and in admin1 codes.
        filed.extend(_cells(place.lat, place.lon, settings, probe=False))
        looks.extend(_cells(place.lat, place.lon, settings, probe=True))
        if place.admin1 and place.country:
            filed.append(("admin1", place.country, place.admin1))
            if place.precision == "admin1":
                looks.append(("admin1", place.country, place.admin1))
    for actor in (*report.source, *report.target):
        if actor.sector != "CVL":
            filed.append(("actor", actor.key))
            if not _precise(place):
                # Without a precise place only a shared actor can link it: look there.
                looks.append(("actor", actor.key))
    return filed, looks


def candidate_pairs(reports: Sequence[Report], settings: FuseSettings) -> set[tuple[int, int]]:
    """Index pairs (i < j) of reports from different articles that share a block: same type,
    dates within the window, and the same area cell (or a neighbour), admin1 or actor."""
    width = max(1, settings.window_days)
    filed: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    looking: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        span = date_span(report, settings)
        if span is None or span[1] - span[0] > 31:
            continue
        own, around = _block_keys(report, settings)
        days = _bucket_range(*span, width)
        near_days = _bucket_range(
            span[0] - settings.window_days, span[1] + settings.window_days, width
        )
        for key in own:
            for day in days:
                filed[report.type, day, *key].append(i)
        for key in around:
            for day in near_days:
                looking[report.type, day, *key].append(i)
    pairs: set[tuple[int, int]] = set()
    for block, seekers in looking.items():
        found = filed.get(block)
        if not found:
            continue
        for i in seekers:
            article = reports[i].article_id
            for j in found:
                if i != j and reports[j].article_id != article:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


# --- clustering --------------------------------------------------------------------------------


def left_out_reason(report: Report) -> str | None:
    """Why a report is left out of fusion (it did not happen as told), or None."""
    if report.negated:
        return "negated"
    if report.hypothetical:
        return "hypothetical"
    return None


def cluster(reports: Sequence[Report], settings: FuseSettings) -> list[list[int]]:
    """Groups of report indexes that are one event each; every index is in one group."""
    links: list[tuple[float, int, int]] = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        by_article[report.article_id].append(i)
    for members in by_article.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if reports[i].type == reports[j].type:
                    strength = link(reports[i], reports[j], settings)
                    if strength is not None:
                        links.append((strength, i, j))
    for i, j in candidate_pairs(reports, settings):
        strength = link(reports[i], reports[j], settings)
        if strength is not None:
            links.append((strength, i, j))
    # Strongest first; the index pair breaks ties so the result does not depend on set order.
    links.sort(key=lambda t: (-t[0], t[1], t[2]))
    parent = list(range(len(reports)))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(reports))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _strength, i, j in links:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        gi, gj = groups[ri], groups[rj]
        if not _can_merge([reports[x] for x in gi], [reports[y] for y in gj], settings):
            continue
        if len(gi) < len(gj):
            ri, rj, gi, gj = rj, ri, gj, gi
        parent[rj] = ri
        gi.extend(gj)
        del groups[rj]
    return [sorted(g) for g in groups.values()]


def _can_merge(a: Sequence[Report], b: Sequence[Report], settings: FuseSettings) -> bool:
    """Whether two groups can be one story: no two members conflict (dates only within one
    article), and every two of its articles date it within the window."""
    for x in a:
        for y in b:
            if conflict(x, y, settings, dates=x.article_id == y.article_id):
                return False
    return dates_agree([*a, *b], settings)


def dates_agree(members: Sequence[Report], settings: FuseSettings) -> bool:
    """Whether every two articles among ``members`` give some dates within the window.

    An article's dates are those its text states for the members (stated or inherited), or
    its reported ones where it states none. Comparing articles rather than single events
    forgives a parser that dates one trigger by the wrong expression while its neighbour in
    the same sentence has the right one, yet still keeps Monday's and Friday's strikes apart.
    """
    stated: dict[str, list[tuple[int, int]]] = defaultdict(list)
    reported: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for r in members:
        span = date_span(r, settings)
        if span is not None:
            (reported if r.date_basis == "reported" else stated)[r.article_id].append(span)
    claims = [stated.get(article) or spans for article, spans in reported.items()]
    claims += [spans for article, spans in stated.items() if article not in reported]
    window = settings.window_days
    for n, first in enumerate(claims):
        for second in claims[n + 1 :]:
            if not any(_gap(x, y) <= window for x in first for y in second):
                return False
    return True


def fuse_events(
    reports: Sequence[Report],
    settings: FuseSettings | None = None,
    previous: Mapping[tuple[str, str], str] | None = None,
) -> list[Story]:
    """The stories the reports tell, sorted by first date then id; negated and hypothetical
    reports are left out (``fusable``).

    ``previous`` maps (article id, event id) to the story id an earlier run gave it: a story
    keeps the id of the earlier story it shares most members with, so re-running after more
    ingest updates stories in place.
    """
    settings = settings or FuseSettings()
    # A canonical order, so that ties between equally strong links break the same way
    # however the reports were read.
    kept = sorted(
        (r for r in reports if left_out_reason(r) is None),
        key=lambda r: (r.article_id, r.event_id),
    )
    seen: set[tuple[str, str]] = set()
    for r in kept:
        if (r.article_id, r.event_id) in seen:
            raise BadInput(f"event {r.article_id}/{r.event_id}", "given twice to fusion")
        seen.add((r.article_id, r.event_id))
    groups = [[kept[i] for i in g] for g in cluster(kept, settings)]
    ids = _story_ids(groups, previous or {})
    stories = [
        build_story(story_id, group, settings) for story_id, group in zip(ids, groups, strict=True)
    ]
    stories.sort(key=lambda s: (s.date_first or dt.date.max, s.id))
    return stories


def _hash_id(text: str) -> str:
    return "s" + hashlib.sha256(text.encode()).hexdigest()[:15]


def _story_ids(
    groups: Sequence[Sequence[Report]], previous: Mapping[tuple[str, str], str]
) -> list[str]:
    """An id per group: the earlier id it shares most members with, else a hash of its first
    member (a hash of all its members if that id is taken)."""
    offers: list[tuple[int, str, int]] = []
    for index, group in enumerate(groups):
        counts = Counter(
            previous[r.article_id, r.event_id]
            for r in group
            if (r.article_id, r.event_id) in previous
        )
        offers.extend((n, old, index) for old, n in counts.items())
    offers.sort(key=lambda t: (-t[0], t[1], t[2]))
    ids: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for _n, old, index in offers:
        if ids[index] is None and old not in taken:
            ids[index] = old
            taken.add(old)
    for index, group in enumerate(groups):
        if ids[index] is not None:
            continue
        keys = sorted(f"{r.article_id}/{r.event_id}" for r in group)
        story_id = _hash_id(keys[0])
        if story_id in taken:
            story_id = _hash_id("\n".join(keys))
        ids[index] = story_id
        taken.add(story_id)
    return [i for i in ids if i is not None]


# --- the story ---------------------------------------------------------------------------------


PRECISION_RANK = {"point": 0, "admin1": 1, "country": 2, "region": 3}


def _values(pairs: Iterable[tuple[str, StoryRef]]) -> list[StoryValue]:
    """Each distinct value with the references that give it, most references first."""
    refs: dict[str, list[StoryRef]] = defaultdict(list)
    for value, ref in pairs:
        refs[value].append(ref)
    ordered = sorted(refs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [StoryValue(value=v, refs=sorted(r, key=_ref_key)) for v, r in ordered]


def _ref_key(ref: StoryRef) -> tuple[str, str]:
    return (ref.article_id, ref.event_id)


def _actor_label(actor: ReportActor) -> str:
    code = " ".join(c for c in (actor.country, actor.sector) if c)
    return f"{actor.name} ({code})" if code else actor.name


def _side(members: Sequence[Report], side: str) -> tuple[list[StoryActor], list[StoryValue] | None]:
    """The actors every member naming this side names, and the values if members differ."""
    naming = [r for r in members if getattr(r, side)]
    sets = [frozenset(a.key for a in getattr(r, side)) for r in naming]
    common = frozenset.intersection(*sets) if sets else frozenset()
    actors = {a.key: a for r in naming for a in getattr(r, side)}
    agreed = [StoryActor(name=k[0], country=k[1], sector=k[2]) for k in sorted(common, key=str)]
    if len(set(sets)) <= 1:
        return agreed, None
    values = _values((_actor_label(actors[a.key]), r.ref) for r in naming for a in getattr(r, side))
    return agreed, values


def build_story(story_id: str, members: Sequence[Report], settings: FuseSettings) -> Story:
    """The story of one group of reports: consensus where members agree, every value where not."""
    members = sorted(members, key=lambda r: (r.article_id, r.event_id))
    disagreements: list[Disagreement] = []

    stated = [r for r in members if r.date and r.date_basis in ("stated", "inherited")]
    dated = stated or [r for r in members if r.date]
    spans = [s for r in dated if (s := date_span(r, settings))]
    dates = _values((r.date, r.ref) for r in stated if r.date)
    if len(dates) > 1:
        disagreements.append(Disagreement(field="date", values=dates))

    placed = [r for r in members if r.place is not None]
    places = _values((_place_label(r.place), r.ref) for r in placed if r.place)
    if len(places) > 1:
        disagreements.append(Disagreement(field="place", values=places))
    best = min(
        placed,
        key=lambda r: (
            PRECISION_RANK[r.place.precision] if r.place else 9,
            -sum(len(v.refs) for v in places if r.place and v.value == _place_label(r.place)),
            r.article_id,
            r.event_id,
        ),
        default=None,
    )
    place = best.place if best else None

    tolls = _values((str(r.fatalities), r.ref) for r in members if r.fatalities is not None)
    if len(tolls) > 1:
        disagreements.append(Disagreement(field="fatalities", values=tolls))
    counts = [int(v.value) for v in tolls]

    source, source_values = _side(members, "source")
    target, target_values = _side(members, "target")
    if source_values:
        disagreements.append(Disagreement(field="source", values=source_values))
    if target_values:
        disagreements.append(Disagreement(field="target", values=target_values))

    modes = Counter(r.mode for r in members if r.mode)
    return Story(
        id=story_id,
        type=members[0].type,
        mode=min(modes, key=lambda m: (-modes[m], m)) if modes else None,
        members=[r.ref for r in members],
        articles=sorted({r.article_id for r in members}),
        date=dates[0].value if len(dates) == 1 else None,
        date_first=dt.date.fromordinal(min(s[0] for s in spans)) if spans else None,
        date_last=dt.date.fromordinal(max(s[1] for s in spans)) if spans else None,
        date_basis=("stated" if stated else "reported") if spans else None,
        country=place.country if place else None,
        place=(
            StoryPlace(
                name=place.name,
                lat=place.lat,
                lon=place.lon,
                country=place.country,
                precision=place.precision,
            )
            if place
            else None
        ),
        fatalities=counts[0] if len(counts) == 1 else None,
        fatalities_min=min(counts) if counts else None,
        fatalities_max=max(counts) if counts else None,
        source=source,
        target=target,
        disagreements=disagreements,
    )


def _place_label(place: ReportPlace | None) -> str:
    assert place is not None
    return f"{place.name} ({place.country})" if place.country else place.name


# --- the store ---------------------------------------------------------------------------------


def fuse_store(store: Store, settings: FuseSettings | None = None) -> FuseSummary:
    """Recompute every story from the stored events and replace the old ones in one
    transaction; a story keeps its id while it keeps its members (or gains more)."""
    settings = settings or FuseSettings()
    started = time.perf_counter()
    reports = load_reports(store)
    previous = {
        (article_id, event_id): story_id
        for story_id, article_id, event_id in store.query(
            "SELECT story_id, article_id, event_id FROM story_members"
        )
    }
    stories = fuse_events(reports, settings, previous)
    run_id = uuid.uuid4().hex[:16]
    story_rows = [
        (
            s.id,
            s.type,
            s.mode,
            s.date_first.isoformat() if s.date_first else None,
            s.date_last.isoformat() if s.date_last else None,
            s.country,
            s.place.lat if s.place else None,
            s.place.lon if s.place else None,
            s.place.name if s.place else None,
            len(s.members),
            len(s.articles),
            s.fatalities_min,
            s.fatalities_max,
            s.model_dump_json(),
            run_id,
        )
        for s in stories
    ]
    member_rows = [(s.id, m.article_id, m.event_id) for s in stories for m in s.members]
    with store.transaction():
        store.insert(
            "runs",
            [
                (
                    run_id,
                    dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    __version__,
                    "fuse",
                    settings.model_dump_json(),
                )
            ],
        )
        store.execute("DELETE FROM story_members")
        store.execute("DELETE FROM stories")
        store.insert("stories", story_rows)
        store.insert("story_members", member_rows)
    left_out = Counter(reason for r in reports if (reason := left_out_reason(r)))
    kept = len({s.id for s in stories} & set(previous.values()))
    return FuseSummary(
        events=len(reports),
        left_out=dict(left_out),
        stories=len(stories),
        multi_article=sum(len(s.articles) > 1 for s in stories),
        kept_ids=kept,
        run_id=run_id,
        seconds=time.perf_counter() - started,
    )


def load_stories(store: Store) -> list[Story]:
    """The stored stories, by first date then id."""
    rows = store.query("SELECT record FROM stories ORDER BY date_first, id")
    return [Story.model_validate(json.loads(record)) for (record,) in rows]
