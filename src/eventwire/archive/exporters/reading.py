"""What the exporters read: stored events (or stories) with their actors, place and article,
a page at a time.

Pages follow the key (keyset pagination: "after this article id and ordinal"), not an offset,
so each page costs the same and the driver holds one page in memory whatever the store's size.
``--where`` is a filter over the ``events`` table only: it is applied in a subquery of
``events`` alone, so its column names cannot be taken for another table's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ...errors import BadInput
from ...records import Actor, Event, Mention, Place, Span, Story, When
from ..store import Row, Store, mentions_from

BATCH_SIZE = 1000
"""Events (or stories) a page; each page also reads its articles' actors and places."""

WHERE_HINT = (
    "--where is a filter over the events table, e.g. "
    "\"type = 'ASSAULT' AND event_day >= DATE '2025-01-01'\""
)


@dataclass(frozen=True)
class ArticleInfo:
    """The article an exported event comes from, without its text."""

    id: str
    url: str | None
    title: str | None
    source: str | None
    published: dt.date | None
    language: str


@dataclass(frozen=True)
class EventItem:
    """One stored event as every exporter sees it: the event, its actors, place and article."""

    article: ArticleInfo
    event: Event
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    place: Place | None
    day: dt.date | None  # the first day of the event's date (the store's event_day)
    story_id: str | None
    coded: dt.datetime | None  # when the run that stored it started
    # What each of event.mentions names, in the same order.
    mention_sources: tuple[tuple[Actor, ...], ...] = ()
    mention_targets: tuple[tuple[Actor, ...], ...] = ()
    mention_places: tuple[Place | None, ...] = ()


@dataclass(frozen=True)
class StoryItem:
    """One stored story, with what its member articles say about where it was reported."""

    story: Story
    outlets: tuple[str, ...]  # the member articles' sources, in order of publication
    urls: tuple[str, ...]
    notes: str | None  # the sentence of its first reported member


def event_filter(where: str | None) -> str:
    """The ``events`` rows ``where`` selects, as a subquery (all of them without a filter)."""
    return f"(SELECT * FROM events WHERE ({where}))" if where else "events"


def count_events(store: Store, where: str | None) -> int:
    """How many stored events ``where`` selects; a filter the database refuses is ``BadInput``
    with the database's own reason."""
    return _checked_count(store, f"SELECT count(*) FROM {event_filter(where)} e", where)


def count_stories(store: Store, where: str | None) -> int:
    """How many stored stories have a member event that ``where`` selects."""
    return _checked_count(
        store, f"SELECT count(*) FROM stories s WHERE {_story_filter(where)}", where
    )


def _checked_count(store: Store, sql: str, where: str | None) -> int:
    try:
        return int(store.query(sql)[0][0])
    except store.errors as e:
        if not where:
            raise
        reason = str(e).strip().splitlines()[0]
        raise BadInput("--where", f"{reason} ({WHERE_HINT})") from e


def _story_filter(where: str | None) -> str:
    if not where:
        return "TRUE"
    return (
        "s.id IN (SELECT m.story_id FROM story_members m WHERE (m.article_id, m.event_id) IN "
        f"(SELECT article_id, event_id FROM {event_filter(where)} f))"
    )


def has_stories(store: Store) -> bool:
    """Whether ``eventwire fuse`` has put any event into a story."""
    return bool(store.query("SELECT count(*) FROM story_members")[0][0])


# --- events --------------------------------------------------------------------------------

EVENT_COLUMNS = (
    "e.article_id, e.ordinal, e.event_id, e.type, e.mode, e.cameo_root, e.place_id, "
    "e.event_date, e.date_precision, e.date_basis, e.date_text, e.date_start, e.date_end, "
    "e.undated_reason, e.trigger_start, e.trigger_end, e.trigger_text, e.sentence_start, "
    "e.sentence_end, e.sentence_text, e.negated, e.hypothetical, e.future, e.fatalities, "
    "e.confidence, a.url, a.title, a.source, a.published, a.language, r.started, e.event_day, "
    "e.source_basis, e.target_basis, e.place_basis"
)


def iter_events(
    store: Store, where: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[EventItem]:
    """The events ``where`` selects, by article id and order in the article, a page at a time."""
    with_story = has_stories(store)
    story_column = (
        ", (SELECT min(m.story_id) FROM story_members m "
        "WHERE m.article_id = e.article_id AND m.event_id = e.event_id)"
        if with_story
        else ", NULL"
    )
    base = (
        f"SELECT {EVENT_COLUMNS}{story_column} FROM {event_filter(where)} e "
        "JOIN articles a ON a.id = e.article_id LEFT JOIN runs r ON r.id = e.run_id"
    )
    after: tuple[str, int] | None = None
    while True:
        if after is None:
            rows = store.query(f"{base} ORDER BY e.article_id, e.ordinal LIMIT ?", [batch_size])
        else:
            rows = store.query(
                f"{base} WHERE (e.article_id, e.ordinal) > (?, ?) "
                "ORDER BY e.article_id, e.ordinal LIMIT ?",
                [*after, batch_size],
            )
        if not rows:
            return
        yield from _event_items(store, rows)
        after = (rows[-1][0], rows[-1][1])


def _event_items(store: Store, rows: Sequence[Row]) -> Iterator[EventItem]:
    article_ids = sorted({r[0] for r in rows})
    actors = _actors(store, article_ids)
    places = _places(store, article_ids)
    roles = _roles(store, article_ids)
    mentions = _event_mentions(store, article_ids)
    for r in rows:
        aid, event_id = r[0], r[2]
        source = roles.get((aid, event_id, "source"), [])
        target = roles.get((aid, event_id, "target"), [])
        event = Event(
            id=event_id,
            type=r[3],
            mode=r[4],
            cameo_root=r[5],
            place=r[6],
            when=None
            if r[9] is None
            else When(date=r[7], precision=r[8], basis=r[9], text=r[10], start=r[11], end=r[12]),
            undated_reason=r[13],
            trigger=Span(start=r[14], end=r[15], text=r[16]),
            sentence=Span(start=r[17], end=r[18], text=r[19]),
            negated=r[20],
            hypothetical=r[21],
            future=r[22],
            fatalities=r[23],
            confidence=r[24],
            source=source,
            target=target,
            source_basis=r[32],
            target_basis=r[33],
            place_basis=r[34],
            mentions=mentions.get((aid, event_id), []),
        )
        yield EventItem(
            article=ArticleInfo(
                id=aid, url=r[25], title=r[26], source=r[27], published=r[28], language=r[29]
            ),
            event=event,
            source=tuple(actors[(aid, a)] for a in source),
            target=tuple(actors[(aid, a)] for a in target),
            place=None if r[6] is None else places[(aid, r[6])],
            day=r[31],
            story_id=r[35],
            coded=r[30],
            mention_sources=tuple(
                tuple(actors[(aid, a)] for a in m.source) for m in event.mentions
            ),
            mention_targets=tuple(
                tuple(actors[(aid, a)] for a in m.target) for m in event.mentions
            ),
            mention_places=tuple(
                None if m.place is None else places[(aid, m.place)] for m in event.mentions
            ),
        )


def _in(ids: Sequence[str]) -> str:
    return "(" + ", ".join("?" * len(ids)) + ")"


def _mentions(store: Store, table: str, key: str, ids: Sequence[str]) -> dict[Any, list[Span]]:
    found: dict[Any, list[Span]] = defaultdict(list)
    for aid, record_id, start, end, text in store.query(
        f"SELECT article_id, {key}, mention_start, mention_end, text FROM {table} "
        f"WHERE article_id IN {_in(ids)} ORDER BY article_id, {key}, position",
        ids,
    ):
        found[(aid, record_id)].append(Span(start=start, end=end, text=text))
    return found


def _actors(store: Store, ids: Sequence[str]) -> dict[tuple[str, str], Actor]:
    mentions = _mentions(store, "actor_mentions", "actor_id", ids)
    return {
        (r[0], r[1]): Actor(
            id=r[1],
            name=r[2],
            kind=r[3],
            country=r[4],
            sector=r[5],
            wikidata=r[6],
            dictionary_id=r[7],
            mentions=mentions.get((r[0], r[1]), []),
        )
        for r in store.query(
            "SELECT article_id, actor_id, name, kind, country, sector, wikidata, dictionary_id "
            f"FROM actors WHERE article_id IN {_in(ids)}",
            ids,
        )
    }


def _places(store: Store, ids: Sequence[str]) -> dict[tuple[str, str], Place]:
    mentions = _mentions(store, "place_mentions", "place_id", ids)
    return {
        (r[0], r[1]): Place(
            id=r[1],
            name=r[2],
            lat=r[3],
            lon=r[4],
            country=r[5],
            admin1=r[6],
            feature=r[7],
            precision=r[8],
            gazetteer_id=r[9],
            confidence=r[10],
            reason=r[11],
            mentions=mentions.get((r[0], r[1]), []),
        )
        for r in store.query(
            "SELECT article_id, place_id, name, lat, lon, country, admin1, feature, precision, "
            f"gazetteer_id, confidence, reason FROM places WHERE article_id IN {_in(ids)}",
            ids,
        )
    }


def _event_mentions(store: Store, ids: Sequence[str]) -> dict[tuple[str, str], list[Mention]]:
    mention_rows = store.query(
        f"SELECT * FROM event_mentions WHERE article_id IN {_in(ids)} "
        "ORDER BY article_id, event_id, position",
        ids,
    )
    if not mention_rows:
        return {}
    actor_rows = store.query(
        f"SELECT * FROM event_mention_actors WHERE article_id IN {_in(ids)} "
        "ORDER BY article_id, event_id, mention, role, position",
        ids,
    )
    return mentions_from(mention_rows, actor_rows)


def _roles(store: Store, ids: Sequence[str]) -> dict[tuple[str, str, str], list[str]]:
    roles: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for aid, event_id, role, actor_id in store.query(
        "SELECT article_id, event_id, role, actor_id FROM event_actors "
        f"WHERE article_id IN {_in(ids)} ORDER BY article_id, event_id, role, position",
        ids,
    ):
        roles[(aid, event_id, role)].append(actor_id)
    return roles


# --- stories -------------------------------------------------------------------------------


def iter_stories(
    store: Store, where: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[StoryItem]:
    """The stories with a member ``where`` selects, by id, a page at a time."""
    base = f"SELECT s.id, s.record FROM stories s WHERE {_story_filter(where)}"
    after: str | None = None
    while True:
        if after is None:
            rows = store.query(f"{base} ORDER BY s.id LIMIT ?", [batch_size])
        else:
            rows = store.query(f"{base} AND s.id > ? ORDER BY s.id LIMIT ?", [after, batch_size])
        if not rows:
            return
        members = _story_members(store, [r[0] for r in rows])
        for story_id, record in rows:
            story = Story.model_validate(json.loads(record))
            found = members.get(story_id, [])
            yield StoryItem(
                story=story,
                outlets=tuple(dict.fromkeys(source for source, _url, _note in found if source)),
                urls=tuple(dict.fromkeys(url for _source, url, _note in found if url)),
                notes=found[0][2] if found else None,
            )
        after = rows[-1][0]


def _story_members(
    store: Store, story_ids: Sequence[str]
) -> dict[str, list[tuple[str | None, str | None, str]]]:
    found: dict[str, list[tuple[str | None, str | None, str]]] = defaultdict(list)
    for story_id, source, url, sentence in store.query(
        "SELECT m.story_id, a.source, a.url, e.sentence_text FROM story_members m "
        "JOIN articles a ON a.id = m.article_id "
        "JOIN events e ON e.article_id = m.article_id AND e.event_id = m.event_id "
        f"WHERE m.story_id IN {_in(story_ids)} "
        "ORDER BY m.story_id, a.published NULLS LAST, m.article_id, e.ordinal",
        story_ids,
    ):
        found[story_id].append((source, url, sentence))
    return found
