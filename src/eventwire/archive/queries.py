"""The web app's SQL: filtered events, the aggregates behind the map, timeline and network,
and stories.

Every function takes an open ``Store`` and an ``EventFilter`` (the same filter for every list,
aggregate and page, so a page's URL is shareable) and returns plain JSON-ready rows. Aggregates
are ``GROUP BY`` in the database: Python only ever sees one page of events or the grouped rows,
never all events. The SQL is written once for DuckDB and PostgreSQL (``?`` placeholders, no
engine-only functions: ``round(x * 100) / 100`` rather than ``round(x, 2)``, which PostgreSQL
has only for ``numeric``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from typing_extensions import TypedDict

from ..errors import BadInput
from ..records import Story
from .store import Store

BASES = ("stated", "coreferent", "inherited", "reported")
"""How an event's date was found (``events.date_basis``), what the ``basis`` filter takes."""
MAX_LIMIT = 500
"""The most rows one list request returns."""
MAX_MAP_POINTS = 5000
"""The most points the map gets: the busiest rounded coordinates."""
MAP_DECIMALS = 2
"""Map points group events by coordinates rounded to 2 decimals (about a kilometre)."""
MAX_TEXT_FILTER = 200
"""The longest free-text, actor or place filter accepted, in characters."""

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY = re.compile(r"[A-Z]{3}")


# --- the filter ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """Which events a list, aggregate or page shows; every field None shows them all."""

    type: str | None = None
    mode: str | None = None
    country: str | None = None  # ISO 3166 alpha-3 (or IGO, UNO, ...) of the event's place
    actor: str | None = None  # canonical name of a source or target actor
    place: str | None = None  # name of the event's place
    date_from: dt.date | None = None  # on events.event_day, inclusive
    date_to: dt.date | None = None
    basis: str | None = None  # date basis: stated, coreferent, inherited or reported
    q: str | None = None  # free text in a sentence reporting the event or the title, any case
    article: str | None = None  # article id

    @classmethod
    def parse(
        cls,
        params: Mapping[str, str | None],
        *,
        types: Collection[str] = (),
        modes: Collection[str] = (),
    ) -> EventFilter:
        """The filter in query-string ``params``; a bad value is ``BadInput`` whose ``where``
        is the parameter's name. Empty values (an empty form field) mean no filter. ``types``
        and ``modes``, when given, are the values ``type`` and ``mode`` may take."""
        values = {f.name: (params.get(f.name) or "").strip() or None for f in fields(cls)}
        for name in ("actor", "place", "q", "article", "type", "mode"):
            value = values[name]
            if value is not None and len(value) > MAX_TEXT_FILTER:
                raise BadInput(name, f"longer than {MAX_TEXT_FILTER} characters")
        type_, mode = values["type"], values["mode"]
        if type_ is not None and types and type_ not in types:
            raise BadInput("type", f"{type_!r} is not a PLOVER event type (e.g. ASSAULT)")
        if mode is not None and modes and mode not in modes:
            raise BadInput("mode", f"{mode!r} is not a PLOVER mode (e.g. aerial)")
        country = values["country"]
        if country is not None:
            country = country.upper()
            if not _COUNTRY.fullmatch(country):
                raise BadInput("country", f"{values['country']!r} is not an ISO 3166 alpha-3 code")
        basis = values["basis"]
        if basis is not None and basis not in BASES:
            raise BadInput("basis", f"{basis!r} is not one of {', '.join(BASES)}")
        date_from = _day(values["date_from"], "date_from")
        date_to = _day(values["date_to"], "date_to")
        if date_from and date_to and date_from > date_to:
            raise BadInput("date_to", f"{date_to} is before date_from {date_from}")
        return cls(
            type=type_,
            mode=mode,
            country=country,
            actor=values["actor"],
            place=values["place"],
            date_from=date_from,
            date_to=date_to,
            basis=basis,
            q=values["q"],
            article=values["article"],
        )

    def is_empty(self) -> bool:
        """Whether the filter lets every event through."""
        return all(getattr(self, f.name) is None for f in fields(self))

    def query_params(self) -> dict[str, str]:
        """The filter as query-string parameters (what ``parse`` reads back)."""
        return {
            f.name: value.isoformat() if isinstance(value, dt.date) else str(value)
            for f in fields(self)
            if (value := getattr(self, f.name)) is not None
        }


def _day(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        if not _DAY.fullmatch(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadInput(name, f"{value!r} is not a date: use YYYY-MM-DD") from None


def _events_from(f: EventFilter, *, article: bool = False, place: bool = False) -> str:
    """``events e``, joined to its article ``a`` and its place ``p`` only where the filter or
    the caller needs them (most aggregates need neither)."""
    joined = ["events e"]
    if article:
        joined.append("JOIN articles a ON a.id = e.article_id")
    if place or f.country is not None or f.place is not None:
        joined.append(
            "LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id"
        )
    return " ".join(joined)


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (``TRUE`` for no filter) over ``_events_from(f)``, and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (
        ("e.type", f.type),
        ("e.mode", f.mode),
        ("p.country", f.country),
        ("p.name", f.place),
        ("e.date_basis", f.basis),
        ("e.article_id", f.article),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if f.date_from is not None:
        clauses.append("e.event_day >= ?")
        params.append(f.date_from)
    if f.date_to is not None:
        clauses.append("e.event_day <= ?")
        params.append(f.date_to)
    if f.actor is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM event_actors r JOIN actors ac ON ac.article_id = r.article_id "
            "AND ac.actor_id = r.actor_id WHERE r.article_id = e.article_id "
            "AND r.event_id = e.event_id AND ac.name = ?)"
        )
        params.append(f.actor)
    if f.q is not None:
        # strpos over lower() rather than ILIKE: no wildcards to escape, and PostgreSQL runs it
        # twice as fast. Titles are matched in articles alone, without joining every event;
        # the sentences of an event's later mentions in event_mentions (its first is its own).
        clauses.append(
            "(strpos(lower(e.sentence_text), ?) > 0 OR e.article_id IN "
            "(SELECT id FROM articles WHERE strpos(lower(title), ?) > 0) OR "
            "(e.article_id, e.event_id) IN (SELECT article_id, event_id FROM event_mentions "
            "WHERE position > 0 AND strpos(lower(sentence_text), ?) > 0))"
        )
        params.extend([f.q.lower()] * 3)
    return (" AND ".join(clauses) or "TRUE"), params


def _marks(values: Sequence[Any]) -> str:
    return "(" + ", ".join("?" * len(values)) + ")"


def _iso(value: Any) -> str | None:
    return (
        None if value is None else str(value.isoformat() if hasattr(value, "isoformat") else value)
    )


# --- events ----------------------------------------------------------------------------------


class EventRow(TypedDict):
    """One event as the events list shows it."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    cameo_root: str | None
    date: str | None
    date_precision: str | None
    date_basis: str | None
    day: str | None
    country: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    source: list[str]
    target: list[str]
    trigger_text: str
    sentence_text: str
    fatalities: int | None
    negated: bool
    hypothetical: bool
    confidence: float
    title: str | None
    url: str | None
    published: str | None
    story_id: str | None
    source_basis: str | None
    target_basis: str | None
    place_basis: str | None
    n_mentions: int  # passages reporting it: 1 for an event stored without its mentions


def count_events(store: Store, f: EventFilter) -> int:
    """How many events the filter selects."""
    where, params = _where(f)
    return int(store.query(f"SELECT count(*) FROM {_events_from(f)} WHERE {where}", params)[0][0])


def list_events(store: Store, f: EventFilter, limit: int = 50, offset: int = 0) -> list[EventRow]:
    """One page of the events the filter selects, latest day first (undated last)."""
    where, params = _where(f)
    rows = store.query(
        "SELECT e.article_id, e.event_id, e.type, e.mode, e.cameo_root, e.event_date, "
        "e.date_precision, e.date_basis, e.event_day, p.country, p.name, p.lat, p.lon, "
        "e.trigger_text, e.sentence_text, e.fatalities, e.negated, e.hypothetical, "
        "e.confidence, a.title, a.url, a.published, e.source_basis, e.target_basis, "
        "e.place_basis "
        f"FROM {_events_from(f, article=True, place=True)} WHERE {where} "
        "ORDER BY e.event_day DESC NULLS LAST, e.article_id, e.ordinal LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    keys = [(r[0], r[1]) for r in rows]
    names = actor_names(store, keys)
    stories = story_ids(store, keys)
    counted = mention_counts(store, keys)
    return [
        EventRow(
            article_id=r[0],
            event_id=r[1],
            type=r[2],
            mode=r[3],
            cameo_root=r[4],
            date=r[5],
            date_precision=r[6],
            date_basis=r[7],
            day=_iso(r[8]),
            country=r[9],
            place_name=r[10],
            lat=r[11],
            lon=r[12],
            source=names.get((r[0], r[1], "source"), []),
            target=names.get((r[0], r[1], "target"), []),
            trigger_text=r[13],
            sentence_text=r[14],
            fatalities=r[15],
            negated=bool(r[16]),
            hypothetical=bool(r[17]),
            confidence=float(r[18]),
            title=r[19],
            url=r[20],
            published=_iso(r[21]),
            story_id=stories.get((r[0], r[1])),
            source_basis=r[22],
            target_basis=r[23],
            place_basis=r[24],
            n_mentions=counted.get((r[0], r[1]), 1),
        )
        for r in rows
    ]


def actor_names(
    store: Store, keys: Sequence[tuple[str, str]]
) -> dict[tuple[str, str, str], list[str]]:
    """The canonical names of the source and target actors of the events ``keys`` (article id,
    event id), by (article id, event id, role), in the order the event names them."""
    wanted = set(keys)
    article_ids = sorted({k[0] for k in keys})
    found: dict[tuple[str, str, str], list[str]] = {}
    if not article_ids:
        return found
    rows = store.query(
        "SELECT r.article_id, r.event_id, r.role, ac.name FROM event_actors r JOIN actors ac "
        "ON ac.article_id = r.article_id AND ac.actor_id = r.actor_id "
        f"WHERE r.article_id IN {_marks(article_ids)} "
        "ORDER BY r.article_id, r.event_id, r.role, r.position",
        article_ids,
    )
    for article_id, event_id, role, name in rows:
        if (article_id, event_id) in wanted:
            found.setdefault((article_id, event_id, role), []).append(name)
    return found


def mention_counts(store: Store, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """How many mentions each of the events ``keys`` has (events stored without any are
    absent)."""
    wanted = set(keys)
    article_ids = sorted({k[0] for k in keys})
    if not article_ids:
        return {}
    rows = store.query(
        "SELECT article_id, event_id, count(*) FROM event_mentions "
        f"WHERE article_id IN {_marks(article_ids)} GROUP BY article_id, event_id",
        article_ids,
    )
    return {(a, e): int(n) for a, e, n in rows if (a, e) in wanted}


def story_ids(store: Store, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The story each of the events ``keys`` is in (events not fused yet are absent)."""
    wanted = set(keys)
    article_ids = sorted({k[0] for k in keys})
    if not article_ids:
        return {}
    rows = store.query(
        "SELECT article_id, event_id, min(story_id) FROM story_members "
        f"WHERE article_id IN {_marks(article_ids)} GROUP BY article_id, event_id",
        article_ids,
    )
    return {(a, e): s for a, e, s in rows if (a, e) in wanted}


# --- aggregates ------------------------------------------------------------------------------


class DayCount(TypedDict):
    """Events of one type on one day."""

    day: str
    type: str
    n: int


def timeline(store: Store, f: EventFilter) -> list[DayCount]:
    """Events per day and type (dated events only), by day then type."""
    where, params = _where(f)
    rows = store.query(
        f"SELECT e.event_day, e.type, count(*) FROM {_events_from(f)} "
        f"WHERE {where} AND e.event_day IS NOT NULL "
        "GROUP BY e.event_day, e.type ORDER BY e.event_day, e.type",
        params,
    )
    return [DayCount(day=str(_iso(day)), type=type_, n=int(n)) for day, type_, n in rows]


class MapPoint(TypedDict):
    """Events at one rounded coordinate."""

    lat: float
    lon: float
    place_name: str
    country: str | None
    n: int
    types: dict[str, int]


def map_points(
    store: Store, f: EventFilter, cap: int = MAX_MAP_POINTS
) -> tuple[list[MapPoint], int]:
    """The events with coordinates, grouped by coordinates rounded to ``MAP_DECIMALS``: the
    ``cap`` busiest points (most events first), and how many points there are in all."""
    where, params = _where(f)
    scale = 10**MAP_DECIMALS
    cells = (
        f"SELECT round(p.lat * {scale}) / {scale} AS lat, round(p.lon * {scale}) / {scale} AS lon,"
        " e.type AS type, count(*) AS n, min(p.name) AS place_name, min(p.country) AS country "
        f"FROM {_events_from(f, place=True)} "
        f"WHERE {where} AND p.lat IS NOT NULL AND p.lon IS NOT NULL "
        "GROUP BY 1, 2, 3"
    )
    rows = store.query(
        f"WITH cells AS ({cells}), "
        "points AS (SELECT lat, lon, sum(n) AS total, count(*) OVER () AS n_points FROM cells "
        "GROUP BY lat, lon ORDER BY total DESC, lat, lon LIMIT ?) "
        "SELECT c.lat, c.lon, c.type, c.n, c.place_name, c.country, p.total, p.n_points "
        "FROM cells c JOIN points p ON p.lat = c.lat AND p.lon = c.lon "
        "ORDER BY p.total DESC, c.lat, c.lon, c.type",
        [*params, cap],
    )
    points: dict[tuple[float, float], MapPoint] = {}
    for lat, lon, type_, n, place_name, country, total, _n_points in rows:
        point = points.get((lat, lon))
        if point is None:
            point = points[(lat, lon)] = MapPoint(
                lat=float(lat),
                lon=float(lon),
                place_name=place_name,
                country=country,
                n=int(total),
                types={},
            )
        # Several places may round to one point: name it by the first in order.
        point["place_name"] = min(point["place_name"], place_name)
        if country is not None and (point["country"] is None or country < point["country"]):
            point["country"] = country
        point["types"][type_] = int(n)
    return list(points.values()), int(rows[0][7]) if rows else 0


class Node(TypedDict):
    """An actor in the network: its canonical name (also its id), and its events."""

    id: str
    name: str
    country: str | None
    sector: str | None
    n: int


class Edge(TypedDict):
    """Events of one type whose source is one actor and whose target is another."""

    source: str
    target: str
    type: str
    n: int


def network(store: Store, f: EventFilter, limit: int = 50) -> tuple[list[Node], list[Edge]]:
    """Who acts on whom: the ``limit`` heaviest (source, target, type) edges over the events
    the filter selects, and the actors they join with the number of those events each is in.
    Actors are told apart by canonical name (the ``actor`` filter's value)."""
    where, params = _where(f)
    chosen = f"SELECT e.article_id, e.event_id, e.type FROM {_events_from(f)} WHERE {where}"
    if f.actor is not None or f.place is not None or f.article is not None:
        # Few events: reach each one's actors through the keys.
        ends = (
            "JOIN event_actors {r} ON {r}.article_id = fe.article_id "
            "AND {r}.event_id = fe.event_id AND {r}.role = '{role}' JOIN actors {x} "
            "ON {x}.article_id = {r}.article_id AND {x}.actor_id = {r}.actor_id"
        )
        pairs = (
            f"WITH fe AS ({chosen}) SELECT sa.name, ta.name, fe.type, count(*) AS n FROM fe "
            f"{ends.format(r='s', x='sa', role='source')} "
            f"{ends.format(r='t', x='ta', role='target')} GROUP BY sa.name, ta.name, fe.type"
        )
    else:
        # Many events: name every actor role once, then join the events to it twice (twice
        # to three times faster than joining actors per role, on both engines).
        pairs = (
            f"WITH fe AS ({chosen}), named AS (SELECT r.article_id, r.event_id, r.role, ac.name "
            "FROM event_actors r JOIN actors ac ON ac.article_id = r.article_id "
            "AND ac.actor_id = r.actor_id) "
            "SELECT s.name, t.name, fe.type, count(*) AS n FROM fe "
            "JOIN named s ON s.article_id = fe.article_id AND s.event_id = fe.event_id "
            "AND s.role = 'source' "
            "JOIN named t ON t.article_id = fe.article_id AND t.event_id = fe.event_id "
            "AND t.role = 'target' GROUP BY s.name, t.name, fe.type"
        )
    rows = store.query(f"{pairs} ORDER BY 4 DESC, 1, 2, 3 LIMIT ?", [*params, limit])
    edges = [Edge(source=s, target=t, type=type_, n=int(n)) for s, t, type_, n in rows]
    names = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    if not names:
        return [], edges
    # From the few actors named (an index on name) to their events; the filter's events are
    # joined only when there is a filter (every event is in the network otherwise).
    in_filter = (
        ""
        if f.is_empty()
        else "JOIN fe ON fe.article_id = r.article_id AND fe.event_id = r.event_id "
    )
    node_rows = store.query(
        f"WITH fe AS ({chosen}) SELECT ac.name, min(ac.country), min(ac.sector), "
        "count(DISTINCT r.article_id || ' ' || r.event_id) FROM actors ac "
        "JOIN event_actors r ON r.article_id = ac.article_id AND r.actor_id = ac.actor_id "
        f"{in_filter}WHERE ac.name IN {_marks(names)} GROUP BY ac.name ORDER BY ac.name",
        [*params, *names],
    )
    nodes = [
        Node(id=name, name=name, country=country, sector=sector, n=int(n))
        for name, country, sector, n in node_rows
    ]
    return nodes, edges


class Facets(TypedDict):
    """The values the filter drop-downs offer: those present in the store."""

    types: list[str]
    modes: list[str]
    countries: list[str]
    bases: list[str]
    first_day: str | None
    last_day: str | None


def facets(store: Store) -> Facets:
    """The types, modes, countries and date bases of the stored events, and their days."""
    # One pass over events grouped by (type, mode, basis): a few dozen rows, not one a value.
    groups = store.query(
        "SELECT type, mode, date_basis, min(event_day), max(event_day) FROM events "
        "GROUP BY type, mode, date_basis"
    )
    countries = store.query(
        "SELECT p.country FROM events e JOIN places p ON p.article_id = e.article_id "
        "AND p.place_id = e.place_id WHERE p.country IS NOT NULL GROUP BY p.country"
    )
    firsts = [g[3] for g in groups if g[3] is not None]
    lasts = [g[4] for g in groups if g[4] is not None]
    return Facets(
        types=sorted({g[0] for g in groups}),
        modes=sorted({g[1] for g in groups if g[1] is not None}),
        countries=sorted(c for (c,) in countries),
        bases=sorted({g[2] for g in groups if g[2] is not None}),
        first_day=_iso(min(firsts)) if firsts else None,
        last_day=_iso(max(lasts)) if lasts else None,
    )


# --- stories ---------------------------------------------------------------------------------


class StoryRow(TypedDict):
    """One story as the stories list shows it."""

    id: str
    type: str
    mode: str | None
    date_first: str | None
    date_last: str | None
    country: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    n_events: int
    n_articles: int
    fatalities_min: int | None
    fatalities_max: int | None


def _story_where(f: EventFilter) -> tuple[str, list[Any]]:
    """Stories with a member event that the filter selects (every story for no filter)."""
    if f.is_empty():
        return "TRUE", []
    where, params = _where(f)
    return (
        "s.id IN (SELECT m.story_id FROM story_members m JOIN "
        f"(SELECT e.article_id, e.event_id FROM {_events_from(f)} WHERE {where}) f "
        "ON f.article_id = m.article_id AND f.event_id = m.event_id)",
        params,
    )


def count_stories(store: Store, f: EventFilter) -> int:
    """How many stories have a member event that the filter selects."""
    where, params = _story_where(f)
    return int(store.query(f"SELECT count(*) FROM stories s WHERE {where}", params)[0][0])


def list_stories(store: Store, f: EventFilter, limit: int = 50, offset: int = 0) -> list[StoryRow]:
    """One page of the stories with a member event the filter selects, latest first, and
    among a day's stories those told by most articles first."""
    where, params = _story_where(f)
    rows = store.query(
        "SELECT s.id, s.type, s.mode, s.date_first, s.date_last, s.country, s.place_name, "
        "s.lat, s.lon, s.n_events, s.n_articles, s.fatalities_min, s.fatalities_max "
        f"FROM stories s WHERE {where} "
        "ORDER BY s.date_first DESC NULLS LAST, s.n_articles DESC, s.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [
        StoryRow(
            id=r[0],
            type=r[1],
            mode=r[2],
            date_first=_iso(r[3]),
            date_last=_iso(r[4]),
            country=r[5],
            place_name=r[6],
            lat=r[7],
            lon=r[8],
            n_events=int(r[9]),
            n_articles=int(r[10]),
            fatalities_min=r[11],
            fatalities_max=r[12],
        )
        for r in rows
    ]


class SpanRef(TypedDict):
    """Where a value stands in its article's text."""

    start: int
    end: int
    text: str


class MentionRow(TypedDict):
    """One passage that reports a member event, and what it says itself."""

    position: int
    trigger: SpanRef
    sentence: SpanRef
    type: str
    mode: str | None
    date: str | None
    date_basis: str | None
    place_name: str | None
    fatalities: int | None
    source_actors: list[str]
    target_actors: list[str]
    negated: bool
    hypothetical: bool
    future: bool


class Member(TypedDict):
    """One member report of a story: the event, where its article said it, and its values."""

    article_id: str
    event_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    type: str
    mode: str | None
    date: str | None
    date_precision: str | None
    date_basis: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    fatalities: int | None
    source_actors: list[str]
    target_actors: list[str]
    trigger: SpanRef
    sentence: SpanRef
    source_basis: str | None
    target_basis: str | None
    place_basis: str | None
    mentions: list[MentionRow]  # every passage of its article reporting it, in text order


def has_story(store: Store, story_id: str) -> bool:
    """Whether the store holds the story ``story_id``."""
    return bool(store.query("SELECT 1 FROM stories WHERE id = ?", [story_id]))


def story(store: Store, story_id: str) -> tuple[Story, list[Member]] | None:
    """The stored story ``story_id`` and its member reports (earliest article first); None
    when there is no such story."""
    found = store.query("SELECT record FROM stories WHERE id = ?", [story_id])
    if not found:
        return None
    record = Story.model_validate(json.loads(found[0][0]))
    rows = store.query(
        "SELECT m.article_id, m.event_id, a.title, a.url, a.source, a.published, e.type, e.mode,"
        " e.event_date, e.date_precision, e.date_basis, p.name, p.lat, p.lon, p.country, "
        "e.fatalities, e.trigger_start, e.trigger_end, e.trigger_text, e.sentence_start, "
        "e.sentence_end, e.sentence_text, e.source_basis, e.target_basis, e.place_basis "
        "FROM story_members m "
        "JOIN events e ON e.article_id = m.article_id AND e.event_id = m.event_id "
        "JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id "
        "WHERE m.story_id = ? ORDER BY a.published NULLS LAST, m.article_id, e.ordinal",
        [story_id],
    )
    names = actor_names(store, [(r[0], r[1]) for r in rows])
    mentions = mention_rows(store, story_id)
    members = [
        Member(
            article_id=r[0],
            event_id=r[1],
            title=r[2],
            url=r[3],
            source=r[4],
            published=_iso(r[5]),
            type=r[6],
            mode=r[7],
            date=r[8],
            date_precision=r[9],
            date_basis=r[10],
            place_name=r[11],
            lat=r[12],
            lon=r[13],
            country=r[14],
            fatalities=r[15],
            source_actors=names.get((r[0], r[1], "source"), []),
            target_actors=names.get((r[0], r[1], "target"), []),
            trigger=SpanRef(start=r[16], end=r[17], text=r[18]),
            sentence=SpanRef(start=r[19], end=r[20], text=r[21]),
            source_basis=r[22],
            target_basis=r[23],
            place_basis=r[24],
            mentions=mentions.get((r[0], r[1]), []),
        )
        for r in rows
    ]
    return record, members


def mention_rows(store: Store, story_id: str) -> dict[tuple[str, str], list[MentionRow]]:
    """The mentions of each member event of a story, by (article id, event id)."""
    rows = store.query(
        "SELECT n.article_id, n.event_id, n.position, n.trigger_start, n.trigger_end, "
        "n.trigger_text, n.sentence_start, n.sentence_end, n.sentence_text, n.type, n.mode, "
        "n.event_date, n.date_basis, p.name, n.fatalities, n.negated, n.hypothetical, n.future "
        "FROM story_members m JOIN event_mentions n "
        "ON n.article_id = m.article_id AND n.event_id = m.event_id "
        "LEFT JOIN places p ON p.article_id = n.article_id AND p.place_id = n.place_id "
        "WHERE m.story_id = ? ORDER BY n.article_id, n.event_id, n.position",
        [story_id],
    )
    names: dict[tuple[str, str, int, str], list[str]] = {}
    for article_id, event_id, mention, role, name in store.query(
        "SELECT r.article_id, r.event_id, r.mention, r.role, ac.name FROM story_members m "
        "JOIN event_mention_actors r ON r.article_id = m.article_id AND r.event_id = m.event_id "
        "JOIN actors ac ON ac.article_id = r.article_id AND ac.actor_id = r.actor_id "
        "WHERE m.story_id = ? ORDER BY r.article_id, r.event_id, r.mention, r.role, r.position",
        [story_id],
    ):
        names.setdefault((article_id, event_id, mention, role), []).append(name)
    found: dict[tuple[str, str], list[MentionRow]] = {}
    for r in rows:
        found.setdefault((r[0], r[1]), []).append(
            MentionRow(
                position=int(r[2]),
                trigger=SpanRef(start=r[3], end=r[4], text=r[5]),
                sentence=SpanRef(start=r[6], end=r[7], text=r[8]),
                type=r[9],
                mode=r[10],
                date=r[11],
                date_basis=r[12],
                place_name=r[13],
                fatalities=r[14],
                source_actors=names.get((r[0], r[1], r[2], "source"), []),
                target_actors=names.get((r[0], r[1], r[2], "target"), []),
                negated=bool(r[15]),
                hypothetical=bool(r[16]),
                future=bool(r[17]),
            )
        )
    return found
