"""The rules of fusion: when two reports can be one event, when they must be, and the blocks
that keep the comparisons few.

The rule follows ACLED (one event per day, place and actors) with changes for machine-read
reports: dates and places match within a tolerance (``FuseSettings``), a value one report lacks
never keeps two apart, and across articles a link needs positive evidence (precise places that
agree, or a shared actor). Pairs are only compared inside blocks (same type, nearby days, and
the same grid cell or a neighbour, admin1 or actor), so 100,000 events are compared in
~100,000 pairs rather than 5 billion.

Clustering is constrained single linkage: links are taken strongest first, but two groups merge
only when no member of one *conflicts* with a member of the other and every two of their
articles date the event within the window. This stops the chaining plain union-find suffers
from (Monday's strike linked to Wednesday's linked to Friday's), and it is how "never two
different events of one article in one story" is kept.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..records import DateBasis, Precision, RoleBasis, StoryRef, TimePrecision

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
    max_link_days: int = 31
    """A date vaguer than this many days (a year) cannot link two articles by itself."""
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
    place_basis: RoleBasis | None = None

    @property
    def ref(self) -> StoryRef:
        return StoryRef(article_id=self.article_id, event_id=self.event_id)

    @property
    def told_place(self) -> ReportPlace | None:
        """The place when the text ties it to this event (a sentence that reports it says it);
        None for a place taken from the paragraph or the article's dateline, which can neither
        keep two reports apart nor show that they are one."""
        return self.place if self.place_basis in TOLD else None


TOLD: tuple[RoleBasis | None, ...] = ("stated", "coreferent", None)
"""Bases of a place the text ties to the event; None: stored before bases were recorded, when
every place was read from the event's own sentence."""


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
    """Equal modes, a missing one, or a pair settings.compatible_modes allows (either way)."""
    if a is None or b is None or a == b:
        return True
    return (a, b) in settings.compatible_modes or (b, a) in settings.compatible_modes


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
    place_a, place_b = a.told_place, b.told_place
    if (
        place_a is not None
        and place_b is not None
        and places_agree(place_a, place_b, settings) is False
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
    if max(span_a[1] - span_a[0], span_b[1] - span_b[0]) >= settings.max_link_days:
        return None  # a year is too coarse to say two articles tell of one event
    place_a, place_b = a.told_place, b.told_place
    place_says = (
        places_agree(place_a, place_b, settings)
        if place_a is not None and place_b is not None
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
    """The grid cell of a point, or with ``probe`` every cell within distance_km of it.

    Columns count eastwards from the date line and wrap around it; far from the equator a
    degree of longitude is short, so more columns are searched there.
    """
    size = settings.cell_degrees
    columns_around = math.ceil(360 / size)
    row, col = math.floor(lat / size), math.floor(((lon + 180) % 360) / size)
    if not probe:
        yield ("cell", row, col)
        return
    reach_rows = math.ceil(settings.distance_km / (KM_PER_DEGREE * size))
    widest = min(89.0, abs(lat) + reach_rows * size)
    # One column more where 360 is no whole number of cells: the last one is narrower.
    narrow = 0 if columns_around * size == 360 else 1
    reach_cols = min(
        columns_around // 2,
        narrow
        + math.ceil(settings.distance_km / (KM_PER_DEGREE * size * math.cos(math.radians(widest)))),
    )
    for r in range(row - reach_rows, row + reach_rows + 1):
        for c in range(col - reach_cols, col + reach_cols + 1):
            yield ("cell", r, c % columns_around)


def _block_keys(
    report: Report, settings: FuseSettings
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Where a report is filed and where it looks for partners (before adding type and day)."""
    filed: list[tuple[Any, ...]] = []
    looks: list[tuple[Any, ...]] = []
    place = report.told_place
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
        if span is None or span[1] - span[0] >= settings.max_link_days:
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
