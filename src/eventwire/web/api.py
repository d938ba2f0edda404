"""The JSON API under ``/api``: events, the timeline, map and network aggregates, articles with
their spans, stories, facets, and extraction of a pasted article.

Every answer is ``{"ok": true, ...}``; every error ``{"ok": false, "status", "error", "field"}``
(``app.py`` turns exceptions into it). Handlers hold no SQL: they call ``archive.queries``.
The HTML pages use the same dependencies (``request_store``, ``request_filter``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Annotated, Any, NotRequired

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from typing_extensions import TypedDict

from ..archive import queries
from ..archive.queries import (
    DayCount,
    Edge,
    EventFilter,
    EventRow,
    MapPoint,
    Member,
    Node,
    StoryRow,
)
from ..archive.store import Store
from ..extraction.pipeline import extract_article
from ..ingest.articles import parse_date, read_article
from ..records import Document
from ..settings import Settings
from .spans import TextSpan, spans
from .stores import StorePool

router = APIRouter(prefix="/api", tags=["api"])

_EXTRACTING = threading.Lock()  # one spaCy parse at a time: a pipeline is not for threads


# --- dependencies (the pages use them too) ----------------------------------------------------


def request_store(request: Request) -> Iterator[Store]:
    """A read-only store for the request, given back when it is answered."""
    pool: StorePool = request.app.state.stores
    with pool.reading() as store:
        yield store


def request_filter(
    request: Request,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode, e.g. aerial")] = None,
    country: Annotated[
        str | None, Query(description="ISO 3166 alpha-3 of the event's place")
    ] = None,
    actor: Annotated[str | None, Query(description="canonical name of a source or target")] = None,
    place: Annotated[str | None, Query(description="name of the event's place")] = None,
    date_from: Annotated[str | None, Query(description="first day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="last day, YYYY-MM-DD")] = None,
    basis: Annotated[
        str | None, Query(description="date basis: stated, coreferent, inherited or reported")
    ] = None,
    q: Annotated[str | None, Query(description="text in the sentence or the title")] = None,
    article: Annotated[str | None, Query(description="article id")] = None,
) -> EventFilter:
    """The events filter of the query string; a bad value is a 400 naming its field."""
    return EventFilter.parse(
        {
            "type": type,
            "mode": mode,
            "country": country,
            "actor": actor,
            "place": place,
            "date_from": date_from,
            "date_to": date_to,
            "basis": basis,
            "q": q,
            "article": article,
        },
        types=request.app.state.event_types,
        modes=request.app.state.event_modes,
    )


StoreDep = Annotated[Store, Depends(request_store)]
FilterDep = Annotated[EventFilter, Depends(request_filter)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="rows to return")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]


# --- answers ---------------------------------------------------------------------------------


class EventsPage(TypedDict):
    ok: bool
    total: int
    limit: int
    offset: int
    items: list[EventRow]


class Timeline(TypedDict):
    ok: bool
    days: list[DayCount]


class MapAnswer(TypedDict):
    ok: bool
    points: list[MapPoint]
    n_points: int  # before the cap
    capped: bool


class Network(TypedDict):
    ok: bool
    nodes: list[Node]
    edges: list[Edge]


class ArticleAnswer(TypedDict):
    ok: bool
    document: dict[str, Any]  # the Document JSON, as `eventwire extract` prints it
    spans: list[TextSpan]


class StoriesPage(TypedDict):
    ok: bool
    total: int
    limit: int
    offset: int
    items: list[StoryRow]


class StoryAnswer(TypedDict):
    ok: bool
    story: dict[str, Any]  # the Story record JSON
    members: list[Member]


class FacetsAnswer(TypedDict):
    ok: bool
    types: list[str]
    modes: list[str]
    countries: list[str]
    bases: list[str]
    first_day: str | None
    last_day: str | None


class ExtractRequest(TypedDict):
    text: str
    published: NotRequired[str | None]  # YYYY-MM-DD; relative dates resolve against it
    title: NotRequired[str | None]
    store: NotRequired[bool]  # store the document too (the server needs --allow-store)


class ExtractAnswer(TypedDict):
    ok: bool
    document: dict[str, Any]
    spans: list[TextSpan]
    stored: bool  # the article is in the store now
    already_present: bool  # it was there before this call


# --- endpoints -------------------------------------------------------------------------------


@router.get("/events")
def events(store: StoreDep, f: FilterDep, limit: Limit = 50, offset: Offset = 0) -> EventsPage:
    """A page of the events the filters select, latest day first, and how many there are."""
    return EventsPage(
        ok=True,
        total=queries.count_events(store, f),
        limit=limit,
        offset=offset,
        items=queries.list_events(store, f, limit, offset),
    )


@router.get("/timeline")
def timeline(store: StoreDep, f: FilterDep) -> Timeline:
    """Events per day and type."""
    return Timeline(ok=True, days=queries.timeline(store, f))


@router.get("/map")
def map_(store: StoreDep, f: FilterDep) -> MapAnswer:
    """Events grouped by rounded coordinates, the busiest points first (at most 5,000)."""
    points, n_points = queries.map_points(store, f)
    return MapAnswer(ok=True, points=points, n_points=n_points, capped=n_points > len(points))


@router.get("/network")
def network(store: StoreDep, f: FilterDep, limit: Limit = 50) -> Network:
    """The heaviest source-to-target edges (by event type) and the actors they join."""
    nodes, edges = queries.network(store, f, limit)
    return Network(ok=True, nodes=nodes, edges=edges)


@router.get("/articles/{article_id}")
def article(article_id: str, store: StoreDep) -> ArticleAnswer:
    """One stored article's document and its spans with the values they became."""
    document = store.get(article_id)
    if document is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return ArticleAnswer(ok=True, document=document.model_dump(mode="json"), spans=spans(document))


@router.get("/stories")
def stories(store: StoreDep, f: FilterDep, limit: Limit = 50, offset: Offset = 0) -> StoriesPage:
    """A page of the stories with a member event the filters select, latest first."""
    return StoriesPage(
        ok=True,
        total=queries.count_stories(store, f),
        limit=limit,
        offset=offset,
        items=queries.list_stories(store, f, limit, offset),
    )


@router.get("/stories/{story_id}")
def story(story_id: str, store: StoreDep) -> StoryAnswer:
    """One story (the Story record) and its member reports side by side."""
    found = queries.story(store, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r} in the store (run `eventwire fuse`?)")
    record, members = found
    return StoryAnswer(ok=True, story=record.model_dump(mode="json"), members=members)


@router.get("/facets")
def facets(store: StoreDep) -> FacetsAnswer:
    """The values the filter drop-downs offer: those of the stored events."""
    found = queries.facets(store)
    return FacetsAnswer(ok=True, **found)


@router.post("/extract")
def extract(body: ExtractRequest, request: Request) -> ExtractAnswer:
    """Extract a pasted article; with ``"store": true`` (and a server started with
    ``--allow-store``) store it too, through a writable store opened for this call only."""
    settings: Settings = request.app.state.settings
    wants_store = bool(body.get("store"))
    if wants_store and not request.app.state.allow_store:
        raise HTTPException(
            403, "storing is off: start the server with `eventwire serve --allow-store`"
        )
    given = body.get("published")
    article = read_article(
        body["text"],
        "text",
        published=parse_date(given, "published") if given else None,
        title=body.get("title") or None,
        max_chars=settings.max_chars,
    )
    with _EXTRACTING:
        document = extract_article(article, settings)
    present = False
    if wants_store:
        present = _store(request.app.state.stores, document, settings)
    return ExtractAnswer(
        ok=True,
        document=document.model_dump(mode="json"),
        spans=spans(document),
        stored=wants_store,
        already_present=present,
    )


def _store(pool: StorePool, document: Document, settings: Settings) -> bool:
    """Store ``document`` unless it is there; whether it was there already."""
    with pool.writing() as store:
        if store.known([document.article.id]):
            return True
        store.put(document, store.start_run(settings, "eventwire serve: POST /api/extract"))
    return False
