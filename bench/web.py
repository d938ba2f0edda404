"""How fast the web app answers on a store of 100,000 events: each page's first response and
each API call with a filter change, through a real `eventwire serve` on 127.0.0.1.

    .venv/bin/python bench/web.py [--events 100000] [--db URL] [--keep PATH] [--requests 20]

The store: ``../shared/corpus/voa_stories.public_domain.jsonl`` (Voice of America, public
domain) through the real pipeline once, then copies synthesised as ``bench/fuse.py`` makes them
(each article moved by days and degrees, reported by one to four outlets) until there are
``--events`` events, written with ``store.put_many`` and fused into stories (PostgreSQL is then
``ANALYZE``d, as autovacuum would do after a bulk load). ``--db`` takes a PostgreSQL URL instead
of a temporary DuckDB file; ``--keep PATH`` keeps the DuckDB store there. A store that already
holds events is measured as it is (migrated first if older).

Each measured request changes the filter (a different type, country, actor, date range, basis or
word each time), so no answer is served twice. A page's time is its HTML and then the API calls
its script makes, fetched at once as a browser does. Prints a Markdown table: median and 95th
percentile per page and per endpoint. This is a program, not a test: run it on an idle machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

from eventwire.archive.fuse import fuse_store
from eventwire.archive.store import open_store
from eventwire.extraction.pipeline import extract_many
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "voa_stories.public_domain.jsonl"
TARGET_MS = 300


def bench_fuse() -> ModuleType:
    """``bench/fuse.py``, whose synthesis of events this benchmark shares."""
    spec = importlib.util.spec_from_file_location("bench_fuse", Path(__file__).with_name("fuse.py"))
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_store(url: str, events: int, settings: Settings) -> str:
    """Fill the empty store at ``url`` with at least ``events`` events and fuse them; a line
    saying what was built."""
    synth = bench_fuse()
    started = time.perf_counter()
    originals = list(extract_many(synth.read_corpus(CORPUS), settings))
    extract_s = time.perf_counter() - started
    documents = list(synth.synthesise(originals, events, 1))
    with open_store(url, settings) as store:
        started = time.perf_counter()
        run = store.start_run(settings, "bench/web.py")
        for i in range(0, len(documents), 500):
            store.put_many(documents[i : i + 500], run)
        put_s = time.perf_counter() - started
        fused = fuse_store(store)
        if store.engine == "postgresql":
            # Fresh statistics, as autovacuum would gather them a minute after a bulk load.
            store.execute("ANALYZE")
        counts = store.counts()
    return (
        f"{len(originals)} VOA articles extracted in {extract_s:.0f} s; {counts['articles']:,} "
        f"articles, {counts['events']:,} events stored in {put_s:.0f} s; "
        f"{fused.stories:,} stories fused in {fused.seconds:.0f} s"
    )


def _has_events(url: str, settings: Settings) -> bool:
    """Whether ``url`` holds a store with events already (then it is measured as it is)."""
    if not url.startswith("postgresql://") and not Path(url).exists():
        return False
    with open_store(url, settings) as store:  # migrates an older store
        return store.counts()["events"] > 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(base: str, path: str) -> tuple[float, int, bytes]:
    """Seconds, status and body of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return time.perf_counter() - started, status, body


def get_json(base: str, path: str) -> Any:
    _seconds, status, body = get(base, path)
    if status != 200:
        raise SystemExit(f"GET {path}: {status} {body[:200]!r}")
    return json.loads(body)


def serve(url: str, port: int) -> subprocess.Popen[bytes]:
    """``eventwire serve`` on the store, answering once it does."""
    command = [str(Path(sys.executable).with_name("eventwire")), "serve", "--db", url]
    server = subprocess.Popen([*command, "--port", str(port)])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"eventwire serve exited with {server.returncode}") from None
            time.sleep(0.2)
    server.kill()
    raise SystemExit("eventwire serve did not answer in 120 s")


def filters(base: str) -> Iterator[dict[str, str]]:
    """Filters to change to, one after another: each field in turn, values from the store."""
    facets = get_json(base, "/api/facets")
    network = get_json(base, "/api/network?limit=20")
    actors = [node["name"] for node in network["nodes"]] or ["nobody"]
    points = get_json(base, "/api/map")["points"][:20]
    first, last = facets["first_day"] or "2020-01-01", facets["last_day"] or "2020-12-31"
    words = ["killed", "protest", "said", "attack", "police", "election", "talks", "fire"]
    i = 0
    while True:
        kind = i % 8
        pick = i // 8
        choice: dict[str, str]
        if kind == 0:
            choice = {"type": facets["types"][pick % len(facets["types"])]}
        elif kind == 1:
            choice = {"country": facets["countries"][pick % len(facets["countries"])]}
        elif kind == 2:
            choice = {"actor": actors[pick % len(actors)]}
        elif kind == 3:
            year = int(first[:4]) + pick % max(1, int(last[:4]) - int(first[:4]) + 1)
            choice = {"date_from": f"{year}-03-01", "date_to": f"{year}-05-31"}
        elif kind == 4:
            choice = {"basis": facets["bases"][pick % len(facets["bases"])]}
        elif kind == 5:
            choice = {"q": words[pick % len(words)]}
        elif kind == 6 and points:
            choice = {"place": points[pick % len(points)]["place_name"]}
        else:
            choice = {"type": "ASSAULT", "date_from": f"{first[:4]}-01-01"}
        i += 1
        yield choice


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(
    name: str, requests: int, one: Callable[[int], float], first: float | None = None
) -> tuple[str, str, str, str, str]:
    """One table row: ``one(i)`` timed ``requests`` times (seconds each)."""
    times = [one(i) * 1000 for i in range(requests)]
    first_ms = times[0] if first is None else first * 1000
    p95 = percentile(times, 0.95)
    verdict = "yes" if p95 < TARGET_MS and first_ms < TARGET_MS else "no"
    return name, f"{first_ms:.0f}", f"{statistics.median(times):.0f}", f"{p95:.0f}", verdict


def page(base: str, path: str, calls: list[str]) -> float:
    """Seconds until the page's HTML and then all its API calls (at once) have answered."""
    started = time.perf_counter()
    _seconds, status, _body = get(base, path)
    if status != 200:
        raise SystemExit(f"GET {path}: {status}")
    if calls:
        with ThreadPoolExecutor(len(calls)) as pool:
            for _s, status, body in pool.map(lambda call: get(base, call), calls):
                if status != 200:
                    raise SystemExit(f"a call of {path}: {status} {body[:200]!r}")
    return time.perf_counter() - started


def run(base: str, requests: int) -> list[tuple[str, str, str, str, str]]:
    """The table's rows: pages first, then the API endpoints."""
    choices = filters(base)
    wanted = [next(choices) for _ in range(requests)]

    def query(i: int, extra: str = "") -> str:
        return urllib.parse.urlencode(wanted[i % len(wanted)]) + extra

    some = get_json(base, "/api/events?limit=100")["items"]
    article_ids = list(dict.fromkeys(item["article_id"] for item in some))
    stories = get_json(base, "/api/stories?limit=100")["items"]
    story_ids = [s["id"] for s in sorted(stories, key=lambda s: -s["n_articles"])]
    rows = []
    list_calls = ["/api/events?{q}", "/api/timeline?{q}", "/api/map?{q}", "/api/facets"]
    pages: list[tuple[str, Callable[[int], tuple[str, list[str]]]]] = [
        ("/ (events)", lambda i: (f"/?{query(i)}", [c.format(q=query(i)) for c in list_calls])),
        ("/network", lambda i: (f"/network?{query(i)}", [f"/api/network?{query(i)}"])),
        ("/stories", lambda i: (f"/stories?{query(i)}", [f"/api/stories?{query(i)}"])),
        (
            "/articles/{id}",
            lambda i: (
                f"/articles/{article_ids[i % len(article_ids)]}",
                [f"/api/articles/{article_ids[i % len(article_ids)]}"],
            ),
        ),
        (
            "/stories/{id}",
            lambda i: (
                f"/stories/{story_ids[i % len(story_ids)]}",
                [f"/api/stories/{story_ids[i % len(story_ids)]}"],
            ),
        ),
        ("/extract", lambda i: ("/extract", [])),
    ]
    for name, make in pages:

        def load_page(i: int, make: Callable[[int], tuple[str, list[str]]] = make) -> float:
            return page(base, *make(i))

        rows.append(measure(f"page {name}", requests, load_page))
    endpoints: list[tuple[str, Callable[[int], str]]] = [
        ("/api/events", lambda i: f"/api/events?{query(i)}"),
        ("/api/events, page 20", lambda i: f"/api/events?{query(i, '&offset=1000')}"),
        ("/api/timeline", lambda i: f"/api/timeline?{query(i)}"),
        ("/api/map", lambda i: f"/api/map?{query(i)}"),
        ("/api/network", lambda i: f"/api/network?{query(i)}"),
        ("/api/stories", lambda i: f"/api/stories?{query(i)}"),
        ("/api/facets", lambda i: "/api/facets"),
        ("/api/articles/{id}", lambda i: f"/api/articles/{article_ids[i % len(article_ids)]}"),
        ("/api/stories/{id}", lambda i: f"/api/stories/{story_ids[i % len(story_ids)]}"),
    ]
    for name, path in endpoints:

        def call(i: int, path: Callable[[int], str] = path) -> float:
            return _ok(base, path(i))

        rows.append(measure(name, requests, call))
    return rows


def _ok(base: str, path: str) -> float:
    seconds, status, body = get(base, path)
    if status != 200:
        raise SystemExit(f"GET {path}: {status} {body[:200]!r}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", help="an empty PostgreSQL database's URL (default: DuckDB)")
    parser.add_argument("--keep", type=Path, help="keep the DuckDB store here; reuse it if there")
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is not here (it lives beside the project in ../shared)")
    settings = Settings.from_env()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or str(args.keep or Path(folder) / "web.duckdb")
        built = "reused the store"
        if not _has_events(url, settings):
            built = build_store(url, args.events, settings)
        print(built, file=sys.stderr)
        with open_store(url, settings, read_only=True) as store:
            counts = store.counts()
        port = free_port()
        server = serve(url, port)
        try:
            rows = run(f"http://127.0.0.1:{port}", args.requests)
        finally:
            server.terminate()
            server.wait(30)
    engine = "PostgreSQL" if args.db else "DuckDB"
    load = " / ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"\n{engine} store: {counts['events']:,} events in {counts['articles']:,} articles, "
        f"{counts['stories']:,} stories; {args.requests} requests each, every one with another "
        f"filter. Machine: {bench_fuse().machine()} (shared), Python "
        f"{platform.python_version()}; load average at the end {load}.\n"
    )
    header = ("what", "first ms", "median ms", "p95 ms", f"< {TARGET_MS} ms")
    print("| " + " | ".join(header) + " |")
    print("|---|---:|---:|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
