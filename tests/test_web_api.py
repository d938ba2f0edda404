"""The JSON API over a real store on DuckDB and PostgreSQL: real extracted articles (the
project's example and public-domain VOA stories), real stories from ``fuse_store``, FastAPI's
TestClient. Expected answers are computed from the extracted documents, not from the store."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventwire.archive import schema
from eventwire.archive.fuse import fuse_store
from eventwire.archive.store import open_store
from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.extraction.pipeline import extract_many
from eventwire.ingest.articles import read_article, read_record
from eventwire.records import Document
from eventwire.web.app import CSP, MAX_BODY_BYTES, create_app

from .conftest import SHARED
from .mentions import grouped
from .stores import ENGINES
from .stores import store_url as make_store_url

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "somalia-strikes.txt"
VOA = SHARED / "corpus" / "voa_stories.public_domain.jsonl"
N_VOA = 4
ITEM_KEYS = {
    "article_id", "event_id", "type", "mode", "cameo_root", "date", "date_precision",
    "date_basis", "day", "country", "place_name", "lat", "lon", "source", "target",
    "trigger_text", "sentence_text", "fatalities", "negated", "hypothetical", "confidence",
    "title", "url", "published", "story_id", "source_basis", "target_basis", "place_basis",
    "n_mentions",
}  # fmt: skip


def _articles():
    articles = [read_article(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE))]
    if not VOA.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{VOA} is missing under CI")
        return articles  # the example alone still tests every endpoint
    with VOA.open(encoding="utf-8") as lines:
        for n, line in zip(range(N_VOA), lines, strict=False):
            articles.append(read_record(json.loads(line), f"{VOA}:{n + 1}"))
    return articles


@pytest.fixture(scope="module")
def documents(settings):
    """The example with its events grouped by hand into events of several mentions, and the
    VOA stories as extracted."""
    found = list(extract_many(_articles(), settings))
    return [grouped(found[0]), *found[1:]]


@dataclass
class Archive:
    url: str
    documents: list[Document]
    client: TestClient


def _fill(url, documents, settings):
    with open_store(url, settings) as store:
        store.put_many(documents, store.start_run(settings, "test_web_api"))
        fuse_store(store)


@pytest.fixture(scope="module", params=ENGINES)
def archive(request, tmp_path_factory, documents, settings):
    """A store of the documents, fused, behind a read-only app (one per engine)."""
    urls = make_store_url(request.param, tmp_path_factory.mktemp(request.param))
    url = next(urls)
    _fill(url, documents, settings)
    with TestClient(create_app(url, settings)) as client:
        yield Archive(url, documents, client)
    next(urls, None)  # runs the generator's clean-up (drops the PostgreSQL database)


@pytest.fixture
def filled_url(store_url, documents, settings):
    """A store of its own for tests that write."""
    _fill(store_url, documents, settings)
    return store_url


def get(archive, path, status=200):
    response = archive.client.get(path)
    assert response.status_code == status, response.text
    return response.json()


# --- the oracle: what the documents say, without the store ------------------------------------


@dataclass(frozen=True)
class Fact:
    key: tuple[str, str]
    type: str
    mode: str | None
    country: str | None
    place: str | None
    lat: float | None
    lon: float | None
    actors: frozenset[str]
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    basis: str | None
    day: dt.date | None
    sentence: str
    title: str | None
    role_bases: tuple[str | None, str | None, str | None]
    n_mentions: int
    sentences: tuple[str, ...]  # every sentence reporting it


def _first_day(value):
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))


def facts(documents):
    found = []
    for d in documents:
        names = {a.id: a.name for a in d.actors}
        places = {p.id: p for p in d.places}
        for e in d.events:
            place = places.get(e.place) if e.place else None
            when = e.when
            found.append(
                Fact(
                    key=(d.article.id, e.id),
                    type=e.type,
                    mode=e.mode,
                    country=place.country if place else None,
                    place=place.name if place else None,
                    lat=place.lat if place else None,
                    lon=place.lon if place else None,
                    actors=frozenset(names[a] for a in [*e.source, *e.target]),
                    sources=tuple(names[a] for a in e.source),
                    targets=tuple(names[a] for a in e.target),
                    basis=when.basis if when else None,
                    day=_first_day(when.date) if when and when.date else None,
                    sentence=e.sentence.text,
                    title=d.article.title,
                    role_bases=(e.source_basis, e.target_basis, e.place_basis),
                    n_mentions=max(1, len(e.mentions)),
                    sentences=tuple(m.sentence.text for m in e.mentions) or (e.sentence.text,),
                )
            )
    return found


def keys(items):
    return {(i["article_id"], i["event_id"]) for i in items}


def all_events(archive, query=""):
    answer = get(archive, f"/api/events?limit=500&{query}")
    assert answer["total"] == len(answer["items"])
    return answer["items"]


# --- events ----------------------------------------------------------------------------------


def test_events_lists_every_stored_event_with_its_actors_place_and_article(archive):
    items = all_events(archive)
    by_key = {f.key: f for f in facts(archive.documents)}
    assert keys(items) == set(by_key)
    titles = {d.article.id: d.article.title for d in archive.documents}
    for item in items:
        assert set(item) == ITEM_KEYS
        fact = by_key[(item["article_id"], item["event_id"])]
        assert (item["type"], item["mode"], item["country"]) == (fact.type, fact.mode, fact.country)
        assert tuple(item["source"]) == fact.sources
        assert tuple(item["target"]) == fact.targets
        assert item["title"] == titles[item["article_id"]]
        assert item["story_id"] is not None or item["negated"] or item["hypothetical"]
        bases = (item["source_basis"], item["target_basis"], item["place_basis"])
        assert (bases, item["n_mentions"]) == (fact.role_bases, fact.n_mentions)
    assert max(i["n_mentions"] for i in items) > 2


def test_events_come_latest_day_first_and_pages_neither_overlap_nor_skip(archive):
    whole = all_events(archive)
    days = [i["day"] for i in whole if i["day"] is not None]
    assert days == sorted(days, reverse=True)
    assert all(i["day"] is None for i in whole[len(days) :])  # undated last
    paged = []
    for offset in range(0, len(whole), 7):
        answer = get(archive, f"/api/events?limit=7&offset={offset}")
        assert answer["limit"] == 7
        assert answer["offset"] == offset
        assert answer["total"] == len(whole)
        paged += answer["items"]
    assert [keys([i]) for i in paged] == [keys([i]) for i in whole]


def _filters(documents):
    """(query, predicate) pairs with values taken from the documents, so each selects some."""
    fs = facts(documents)
    placed = next(f for f in fs if f.country and f.place)
    acted = next(f for f in fs if f.actors)
    actor = sorted(acted.actors)[0]
    dated = sorted(f.day for f in fs if f.day)
    middle = dated[len(dated) // 2]
    word = next(w for w in fs[0].sentence.split() if len(w) > 4 and w.isalpha())
    # a word only a later mention's sentence gives
    later = next(
        w
        for f in fs
        for s in f.sentences[1:]
        for w in s.split()
        if len(w) > 5 and w.isalpha() and all(w.lower() not in t.lower() for t in f.sentences[:1])
    )
    article = documents[0].article.id
    return [
        (f"type={fs[0].type}", lambda f: f.type == fs[0].type),
        (f"mode={acted.mode or 'aerial'}", lambda f: f.mode == (acted.mode or "aerial")),
        (f"country={placed.country}", lambda f: f.country == placed.country),
        (f"country={placed.country.lower()}", lambda f: f.country == placed.country),
        (f"actor={actor}", lambda f: actor in f.actors),
        (f"place={placed.place}", lambda f: f.place == placed.place),
        ("basis=stated", lambda f: f.basis == "stated"),
        ("basis=reported", lambda f: f.basis == "reported"),
        (f"date_from={middle}", lambda f: f.day is not None and f.day >= middle),
        (f"date_to={middle}", lambda f: f.day is not None and f.day <= middle),
        (f"date_from={middle}&date_to={middle}", lambda f: f.day == middle),
        (
            f"q={word.upper()}",
            lambda f: any(word.lower() in s.lower() for s in f.sentences)
            or word.lower() in (f.title or "").lower(),
        ),
        ("q=100%", lambda f: "100%" in f.sentence or "100%" in (f.title or "")),
        (
            f"q={later}",
            lambda f: any(later.lower() in s.lower() for s in f.sentences)
            or later.lower() in (f.title or "").lower(),
        ),
        ("basis=coreferent", lambda f: f.basis == "coreferent"),
        (f"article={article}", lambda f: f.key[0] == article),
        (
            f"type={fs[0].type}&article={article}",
            lambda f: f.type == fs[0].type and f.key[0] == article,
        ),
        ("type=AID&type=", lambda f: True),  # an empty form field is no filter
    ]  # fmt: skip


def test_each_filter_selects_exactly_the_events_it_names(archive):
    fs = facts(archive.documents)
    for query, wanted in _filters(archive.documents):
        expected = {f.key for f in fs if wanted(f)}
        assert keys(all_events(archive, query)) == expected, query
        if query.startswith(("type=", "actor=", "date_from=", "basis=coreferent")) or (
            query.startswith("q=") and query != "q=100%"
        ):
            assert expected, f"{query} should select some events in the test store"


def test_timeline_counts_dated_events_per_day_and_type(archive):
    fs = facts(archive.documents)
    for query, wanted in [("", lambda f: True), *_filters(archive.documents)[:3]]:
        days = get(archive, f"/api/timeline?{query}")["days"]
        expected = Counter((f.day.isoformat(), f.type) for f in fs if f.day and wanted(f))
        assert {(d["day"], d["type"]): d["n"] for d in days} == dict(expected), query
        assert [(d["day"], d["type"]) for d in days] == sorted(expected)


def test_map_groups_events_with_coordinates_by_rounded_point(archive):
    fs = [f for f in facts(archive.documents) if f.lat is not None and f.lon is not None]
    answer = get(archive, "/api/map")
    points = answer["points"]
    assert answer["capped"] is False
    assert answer["n_points"] == len(points)
    assert sum(p["n"] for p in points) == len(fs)
    by_point = Counter((round(f.lat, 2), round(f.lon, 2)) for f in fs)
    assert {(p["lat"], p["lon"]): p["n"] for p in points} == dict(by_point)
    for p in points:
        assert sum(p["types"].values()) == p["n"]
    assert [p["n"] for p in points] == sorted((p["n"] for p in points), reverse=True)
    one_type = fs[0].type
    narrowed = get(archive, f"/api/map?type={one_type}")["points"]
    assert sum(p["n"] for p in narrowed) == sum(f.type == one_type for f in fs)


def test_network_counts_source_to_target_events_by_type(archive):
    fs = facts(archive.documents)
    expected = Counter((s, t, f.type) for f in fs for s in f.sources for t in f.targets)
    answer = get(archive, "/api/network?limit=500")
    edges = {(e["source"], e["target"], e["type"]): e["n"] for e in answer["edges"]}
    assert edges == dict(expected)
    assert expected, "the test store should have events with both a source and a target"
    names = {n["id"] for n in answer["nodes"]}
    assert names == {name for edge in edges for name in edge[:2]}
    for node in answer["nodes"]:
        assert node["n"] == sum(node["name"] in f.actors for f in fs)
    # A narrow filter (actor, place, article) takes another query: the same answer for its events.
    actor = max(expected, key=lambda edge: (expected[edge], edge))[0]
    narrow_and_wide = [
        (f"actor={actor}", lambda f: actor in f.actors),
        ("type=ASSAULT", lambda f: f.type == "ASSAULT"),
    ]
    for query, wanted in narrow_and_wide:
        chosen = [f for f in fs if wanted(f)]
        narrowed = Counter((s, t, f.type) for f in chosen for s in f.sources for t in f.targets)
        answer = get(archive, f"/api/network?limit=500&{query}")
        assert {(e["source"], e["target"], e["type"]): e["n"] for e in answer["edges"]} == dict(
            narrowed
        ), query
    top = get(archive, "/api/network?limit=1")["edges"]
    assert len(top) == 1
    assert top[0]["n"] == max(expected.values())


def test_facets_offer_the_stored_values(archive):
    fs = facts(archive.documents)
    answer = get(archive, "/api/facets")
    assert answer["types"] == sorted({f.type for f in fs})
    assert answer["modes"] == sorted({f.mode for f in fs if f.mode})
    assert answer["countries"] == sorted({f.country for f in fs if f.country})
    assert answer["bases"] == sorted({f.basis for f in fs if f.basis})
    days = [f.day for f in fs if f.day]
    assert (answer["first_day"], answer["last_day"]) == (
        min(days).isoformat(),
        max(days).isoformat(),
    )


# --- articles and stories --------------------------------------------------------------------


def test_an_article_comes_with_its_document_and_every_span_labelled(archive):
    document = archive.documents[0]
    answer = get(archive, f"/api/articles/{document.article.id}")
    assert answer["document"] == json.loads(document.model_dump_json())
    text = document.article.text
    spans = answer["spans"]
    assert [(s["start"], -s["end"]) for s in spans] == sorted(
        (s["start"], -s["end"]) for s in spans
    )
    assert {s["kind"] for s in spans} == {"actor", "place", "date", "trigger", "quote", "speaker"}
    mentions = sum(len(a.mentions) for a in document.actors)
    assert sum(s["kind"] == "actor" for s in spans) == mentions
    # every passage that reports an event is lit, once each
    told = {(e.id, i): m for e in document.events for i, m in enumerate(e.mentions)}
    assert any(i > 1 for _e, i in told)
    lit = {(s["ref"], s.get("mention")): s for s in spans if s["kind"] == "trigger"}
    assert sum(s["kind"] == "trigger" for s in spans) == len(lit) == len(told)
    assert set(lit) == set(told)
    for span in spans:
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert span["label"]
    actors = {a.id: a for a in document.actors}
    for span in spans:
        if span["kind"] == "actor":
            assert span["label"].startswith(actors[span["ref"]].name)
    events = {e.id: e for e in document.events}
    for span in spans:
        if span["kind"] == "trigger":
            event = events[span["ref"]]
            trigger = event.mentions[span["mention"]].trigger
            assert (span["start"], span["end"]) == (trigger.start, trigger.end)
            assert text[span["start"] : span["end"]] == trigger.text
            assert span["label"].startswith(event.type)
            if event.when is not None:
                assert f"{event.when.date} ({event.when.basis})" in span["label"]


def test_stories_list_what_fuse_stored_and_filter_by_member_events(archive):
    answer = get(archive, "/api/stories?limit=500")
    with open_store(archive.url, read_only=True) as store:
        stored = {r[0]: r[1] for r in store.query("SELECT id, n_events FROM stories")}
        members = store.query("SELECT story_id, article_id, event_id FROM story_members")
    assert answer["total"] == len(stored)
    assert {s["id"]: s["n_events"] for s in answer["items"]} == stored
    type_ = facts(archive.documents)[0].type
    by_type = {f.key for f in facts(archive.documents) if f.type == type_}
    expected = {s for s, a, e in members if (a, e) in by_type}
    narrowed = get(archive, f"/api/stories?limit=500&type={type_}")
    assert {s["id"] for s in narrowed["items"]} == expected
    assert narrowed["total"] == len(expected)
    assert get(archive, "/api/stories?limit=2&offset=1")["items"] == answer["items"][1:3]


def test_a_story_comes_with_its_members_side_by_side(archive):
    items = get(archive, "/api/stories?limit=500")["items"]
    chosen = max(items, key=lambda s: (s["n_events"], s["id"]))
    answer = get(archive, f"/api/stories/{chosen['id']}")
    assert answer["story"]["id"] == chosen["id"]
    refs = {(m["article_id"], m["event_id"]) for m in answer["story"]["members"]}
    assert {(m["article_id"], m["event_id"]) for m in answer["members"]} == refs
    texts = {d.article.id: d.article.text for d in archive.documents}
    events = {(d.article.id, e.id): e for d in archive.documents for e in d.events}
    for member in answer["members"]:
        sentence = member["sentence"]
        text = texts[member["article_id"]]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert member["type"] == chosen["type"]
        event = events[member["article_id"], member["event_id"]]
        bases = (member["source_basis"], member["target_basis"], member["place_basis"])
        assert bases == (event.source_basis, event.target_basis, event.place_basis)
        assert [m["trigger"]["text"] for m in member["mentions"]] == [
            m.trigger.text for m in event.mentions
        ]
        for mention in member["mentions"]:
            for part in ("trigger", "sentence"):
                span = mention[part]
                assert text[span["start"] : span["end"]] == span["text"]


def test_a_story_of_a_grouped_event_lists_each_mention_with_what_it_says(archive):
    document = archive.documents[0]
    event = max(document.events, key=lambda e: len(e.mentions))
    assert len(event.mentions) > 2
    item = all_events(archive, f"article={document.article.id}&type={event.type}")
    (story_id,) = {i["story_id"] for i in item if i["event_id"] == event.id}
    answer = get(archive, f"/api/stories/{story_id}")
    (member,) = [m for m in answer["members"] if m["event_id"] == event.id]
    names = {a.id: a.name for a in document.actors}
    places = {p.id: p.name for p in document.places}
    assert [
        (m["sentence"]["text"], m["fatalities"], m["source_actors"], m["place_name"])
        for m in member["mentions"]
    ] == [
        (
            m.sentence.text,
            m.fatalities,
            [names[a] for a in m.source],
            places[m.place] if m.place else None,
        )
        for m in event.mentions
    ]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/articles/nope", "no article 'nope' in the store"),
        ("/api/stories/nope", "no story 'nope' in the store (run `eventwire fuse`?)"),
        ("/api/nothing", "nothing at /api/nothing"),
    ],
)
def test_what_is_not_there_is_a_404_in_the_error_shape(archive, path, message):
    assert get(archive, path, 404) == {"ok": False, "status": 404, "error": message, "field": None}


def test_a_page_for_an_article_or_story_not_stored_is_a_404_saying_so(archive):
    article_id = archive.documents[0].article.id
    story_id = get(archive, "/api/stories?limit=1")["items"][0]["id"]
    for path in (f"/articles/{article_id}", f"/stories/{story_id}"):
        response = archive.client.get(path)
        assert response.status_code == 200, path
        assert "Not found" not in response.text
    for path, said in (
        ("/articles/nope", "No article &#39;nope&#39; in the store."),
        ("/stories/nope", "No story &#39;nope&#39; in the store"),
    ):
        response = archive.client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")
        assert said in response.text


# --- errors ----------------------------------------------------------------------------------


def test_the_error_shape_is_ok_status_error_and_field(archive):
    response = archive.client.get("/api/events?date_from=2024-02-30")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "ok": False,
        "status": 400,
        "error": "date_from: '2024-02-30' is not a date: use YYYY-MM-DD",
        "field": "date_from",
    }


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("type=FIGHT", "type"),
        ("mode=laser", "mode"),
        ("country=SO", "country"),
        ("country=S0M", "country"),
        ("basis=guessed", "basis"),
        ("date_from=14/03/2024", "date_from"),
        ("date_to=2024-3-1", "date_to"),
        ("date_from=2024-03-02&date_to=2024-03-01", "date_to"),
        (f"q={'x' * 201}", "q"),
        (f"actor={'x' * 201}", "actor"),
        ("limit=501", "limit"),
        ("limit=0", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
    ],
)
@pytest.mark.parametrize("endpoint", ["events", "stories", "timeline", "map", "network"])
def test_a_bad_filter_or_paging_value_is_a_400_naming_its_field(archive, endpoint, query, field):
    if field == "offset" and endpoint in ("timeline", "map", "network"):
        return  # these take no offset (an unknown parameter is ignored)
    if field == "limit" and endpoint in ("timeline", "map"):
        return
    answer = get(archive, f"/api/{endpoint}?{query}", 400)
    assert answer["field"] == field
    assert answer["error"].startswith(f"{field}: ")
    assert answer["ok"] is False


# --- security --------------------------------------------------------------------------------


def _every_kind_of_response(archive):
    article_id = archive.documents[0].article.id
    client = archive.client
    return {
        "events": client.get("/api/events"),
        "timeline": client.get("/api/timeline"),
        "map": client.get("/api/map"),
        "network": client.get("/api/network"),
        "facets": client.get("/api/facets"),
        "article": client.get(f"/api/articles/{article_id}"),
        "stories": client.get("/api/stories"),
        "openapi": client.get("/openapi.json"),
        "page": client.get("/"),
        "400": client.get("/api/events?basis=x"),
        "404": client.get("/nothing/here"),
        "405": client.delete("/api/events"),
        "403": client.post("/api/extract", json={"text": "Rebels attacked a town.", "store": True}),
        "413": client.post("/api/extract", content=b"x" * (MAX_BODY_BYTES + 1)),
    }


def test_every_response_carries_the_content_security_policy(archive):
    for name, response in _every_kind_of_response(archive).items():
        assert response.headers["content-security-policy"] == CSP, name
        assert response.headers["x-content-type-options"] == "nosniff", name
        assert response.headers["x-frame-options"] == "DENY", name
    assert "script-src 'self';" in CSP
    assert "unsafe-inline" not in CSP


def test_a_static_file_carries_the_policy_too(archive):
    static = ROOT / "src" / "eventwire" / "web" / "static"
    files = sorted(p for p in static.rglob("*") if p.is_file())
    if not files:
        pytest.skip("no static files yet")
    response = archive.client.get("/static/" + files[0].relative_to(static).as_posix())
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CSP


def test_a_body_over_the_limit_is_refused_with_413_before_any_handler(archive):
    body = json.dumps({"text": "x" * MAX_BODY_BYTES}).encode()
    response = archive.client.post("/api/extract", content=body)
    assert response.status_code == 413
    assert response.json() == {
        "ok": False,
        "status": 413,
        "error": f"request body over the limit of {MAX_BODY_BYTES:,} bytes",
        "field": None,
    }


def test_a_streamed_body_without_a_length_is_cut_at_the_limit_too(archive):
    def chunks():
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536

    response = archive.client.post(
        "/api/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413


def test_a_body_under_the_limit_reaches_the_handler(archive):
    body = json.dumps({"text": 12, "padding": "x" * (MAX_BODY_BYTES - 100)}).encode()
    assert len(body) <= MAX_BODY_BYTES
    answer = get_post(archive, body, 400)
    assert answer["field"] == "text"


def get_post(archive, body, status):
    response = archive.client.post(
        "/api/extract", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == status, response.text
    return response.json()


def test_a_form_post_is_not_taken_for_json(archive):
    response = archive.client.post(
        "/api/extract",
        content=b'{"text": "Rebels attacked a town.", "store": true}',
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 400
    assert response.json()["field"] == "body"


def test_requests_get_a_read_only_store(archive):
    app = archive.client.app
    with app.state.stores.reading() as store:
        assert store.read_only
        assert store.query("SELECT count(*) FROM articles")[0][0] == len(archive.documents)
        with pytest.raises(store.errors):
            store.execute("DELETE FROM articles")
    assert get(archive, "/api/events?limit=1")["total"] > 0


def _snapshot(url):
    with open_store(url, read_only=True) as store:
        return store.counts(), store.query("SELECT id FROM runs ORDER BY id")


def test_reading_and_extracting_without_store_write_nothing(filled_url, settings):
    before = _snapshot(filled_url)
    app = create_app(filled_url, settings, allow_store=True)
    with TestClient(app) as client:
        for path in ["/api/events", "/api/timeline", "/api/map", "/api/network", "/api/facets"]:
            assert client.get(path).status_code == 200
        answer = client.post("/api/extract", json={"text": "Rebels attacked a town on Monday."})
        assert answer.status_code == 200
        assert answer.json()["stored"] is False
    assert _snapshot(filled_url) == before


# --- extract ---------------------------------------------------------------------------------

TEXT = (
    "Police arrested 12 protesters in Nairobi on Tuesday, officials said.\n\n"
    '"We will not allow violence," the police chief told reporters.'
)


def test_extract_returns_the_document_and_its_spans_without_storing(archive):
    response = archive.client.post("/api/extract", json={"text": TEXT, "published": "2024-05-02"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["stored"] is False
    document = answer["document"]
    assert document["article"]["published"] == "2024-05-02"
    arrest = next(e for e in document["events"] if e["trigger"]["text"] == "arrested")
    assert (arrest["type"], arrest["mode"]) == ("COERCE", "arrest")
    assert arrest["when"]["date"] == "2024-04-30"  # the Tuesday before publication
    text = document["article"]["text"]
    kinds = {s["kind"] for s in answer["spans"]}
    assert {"trigger", "place", "date", "quote"} <= kinds
    for span in answer["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)


@pytest.mark.parametrize(
    ("body", "field", "error"),
    [
        ({"text": "   "}, "text", "text: empty: no text to read"),
        ({"text": TEXT, "published": "2024-13-01"}, "published", None),
        ({"text": TEXT, "store": "perhaps"}, "store", None),
        ({"published": "2024-05-02"}, "text", "text: Field required"),
    ],
)
def test_extract_names_the_bad_field(archive, body, field, error):
    response = archive.client.post("/api/extract", json=body)
    assert response.status_code == 400, response.text
    answer = response.json()
    assert answer["field"] == field
    if error is not None:
        assert answer["error"] == error


def test_extract_stores_only_when_the_server_allows_it(filled_url, settings):
    before = _snapshot(filled_url)
    with TestClient(create_app(filled_url, settings)) as client:
        refused = client.post("/api/extract", json={"text": TEXT, "store": True})
        assert refused.status_code == 403
        assert refused.json()["error"] == (
            "storing is off: start the server with `eventwire serve --allow-store`"
        )
    assert _snapshot(filled_url) == before
    with TestClient(create_app(filled_url, settings, allow_store=True)) as client:
        answer = client.post("/api/extract", json={"text": TEXT, "store": True}).json()
        assert (answer["stored"], answer["already_present"]) == (True, False)
        article_id = answer["document"]["article"]["id"]
        stored = client.get(f"/api/articles/{article_id}").json()  # read back through the app
        assert stored["document"] == answer["document"]
        n_events = len(answer["document"]["events"])
        assert client.get(f"/api/events?article={article_id}").json()["total"] == n_events
        again = client.post("/api/extract", json={"text": TEXT, "store": True}).json()
        assert (again["stored"], again["already_present"]) == (True, True)
    counts, runs = _snapshot(filled_url)
    assert counts["articles"] == before[0]["articles"] + 1
    assert len(runs) == len(before[1]) + 1  # one run for the one article stored


# --- the app as a whole ----------------------------------------------------------------------


def test_openapi_documents_every_endpoint_and_the_filters(archive):
    document = get(archive, "/openapi.json")
    paths = set(document["paths"])
    assert {
        "/api/events",
        "/api/timeline",
        "/api/map",
        "/api/network",
        "/api/articles/{article_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/extract",
        "/api/facets",
    } <= paths
    parameters = {p["name"] for p in document["paths"]["/api/events"]["get"]["parameters"]}
    assert parameters == {
        "type", "mode", "country", "actor", "place", "date_from", "date_to", "basis", "q",
        "article", "limit", "offset",
    }  # fmt: skip


def test_an_app_over_a_missing_store_fails_at_start(tmp_path, settings):
    with pytest.raises(StoreError, match="no store here"):
        create_app(str(tmp_path / "missing.duckdb"), settings)


def test_serve_says_what_is_wrong_with_the_store(tmp_path):
    missing = tmp_path / "missing.duckdb"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {missing}: no store here (run `eventwire ingest PATH... --db {missing}`)\n"
    )


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_eventwire_serve_answers_on_localhost(tmp_path, documents, settings):
    url = str(tmp_path / "store.duckdb")
    _fill(url, documents[:1], settings)
    port = _free_port()
    command = [str(Path(sys.executable).with_name("eventwire")), "serve", "--db", url]
    server = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert server.stdout is not None
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/facets") as response:
                    answer = json.load(response)
                    headers = response.headers
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "eventwire serve did not answer in 60 s"
                time.sleep(0.2)
        assert answer["ok"] is True
        assert answer["types"] == sorted({e.type for e in documents[0].events})
        assert headers["Content-Security-Policy"] == CSP
    finally:
        server.terminate()
        server.wait(10)
        server.stdout.close()


# --- the store version the web's indexes came with ---------------------------------------------


def _index_names(store):
    if store.engine == "postgresql":
        return {r[0] for r in store.query("SELECT indexname FROM pg_indexes")}
    return {r[0] for r in store.query("SELECT index_name FROM duckdb_indexes()")}


def test_a_version_1_store_is_migrated_to_the_web_indexes(store_url, settings):
    web = {statement.split("EXISTS ")[1].split()[0] for statement in schema.WEB_INDEXES}
    with open_store(store_url, settings) as store:  # a new store: version 3
        assert web <= _index_names(store)
        for name in web:  # back to what version 1 made
            store.execute(f"DROP INDEX {name}")
        store.execute("UPDATE meta SET value = '1' WHERE key = 'store_version'")
        assert not web & _index_names(store)
    with pytest.raises(StoreError, match="store version 1 is older than 3; run `eventwire migrate"):
        create_app(store_url, settings)  # the app reads only, so it cannot migrate
    result = CliRunner().invoke(main, ["migrate", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("store version 3\n")
    with open_store(store_url, settings, read_only=True) as store:
        assert store.version() == schema.STORE_VERSION == 3
        assert web <= _index_names(store)
