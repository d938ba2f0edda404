"""How fast fusion is: 100,000 events synthesised from real extracted ones, fused in memory and
through a DuckDB store.

    .venv/bin/python bench/fuse.py [--events 100000] [--no-store] [--seed 1]

Input: ``../shared/corpus/voa_stories.public_domain.jsonl`` (Voice of America, public domain),
run through the real pipeline once. Each extracted article then stands for a family of
real-world events: the family's copy is moved by a random number of days and degrees, and one to
four "outlets" report it, each with a day and a few kilometres of its own noise, so there are
true duplicates to fuse and look-alikes to keep apart. Copies get a line of their own at the end
of the text, so each has its own article id and every span still slices its text.

Prints a Markdown table. This is a program, not a test: run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from eventwire.archive.fuse import (
    FuseSettings,
    candidate_pairs,
    fuse_events,
    fuse_store,
    reports_from_document,
)
from eventwire.archive.store import open_store
from eventwire.extraction.pipeline import extract_many
from eventwire.ingest.articles import read_record
from eventwire.records import Article, Document, Event, Place, Story, When
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "voa_stories.public_domain.jsonl"


def read_corpus(path: Path) -> list[Article]:
    """The corpus's articles, read the way ingest reads a JSON Lines record."""
    with path.open(encoding="utf-8") as lines:
        return [read_record(json.loads(line), f"{path}:{n}") for n, line in enumerate(lines, 1)]


def shift_date(value: str | None, days: int) -> str | None:
    """``value`` (YYYY, YYYY-MM or YYYY-MM-DD) moved by ``days``, at its own precision."""
    if not value:
        return value
    parts = [int(p) for p in value.split("-")]
    day = dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))) + dt.timedelta(days=days)
    return day.isoformat()[: len(value)]


def copy_of(document: Document, tag: str, days: int, dlat: float, dlon: float) -> Document:
    """A synthetic report: ``document`` moved by ``days`` and degrees, with its own id."""
    text = f"{document.article.text}\n\n[{tag}]"
    published = document.article.published
    article = Article(
        id=f"syn{tag}",
        title=document.article.title,
        source=f"outlet-{tag}",
        published=published + dt.timedelta(days=days) if published else None,
        published_from=document.article.published_from,
        text=text,
    )

    def moved_place(place: Place) -> Place:
        if place.lat is None or place.lon is None:
            return place
        lat = max(-85.0, min(85.0, place.lat + dlat))
        lon = (place.lon + dlon + 180) % 360 - 180
        return place.model_copy(update={"lat": lat, "lon": lon})

    def moved_when(when: When | None) -> When | None:
        if when is None:
            return None
        return when.model_copy(update={"date": shift_date(when.date, days)})

    def moved_event(event: Event) -> Event:
        mentions = [m.model_copy(update={"when": moved_when(m.when)}) for m in event.mentions]
        return event.model_copy(update={"when": moved_when(event.when), "mentions": mentions})

    return document.model_copy(
        update={
            "article": article,
            "places": [moved_place(p) for p in document.places],
            "events": [moved_event(e) for e in document.events],
        }
    )


def synthesise(documents: list[Document], events: int, seed: int) -> Iterator[Document]:
    """Synthetic documents until they hold at least ``events`` events."""
    rng = random.Random(seed)
    made = 0
    family = 0
    while made < events:
        original = documents[family % len(documents)]
        days = rng.randrange(-730, 730)
        dlat, dlon = rng.uniform(-25, 25), rng.uniform(-60, 60)
        for outlet in range(rng.randint(1, 4)):
            noise_days = rng.choice((-1, 0, 0, 1)) if outlet else 0
            yield copy_of(
                original,
                f"{family}-{outlet}",
                days + noise_days,
                dlat + rng.uniform(-0.05, 0.05),
                dlon + rng.uniform(-0.05, 0.05),
            )
            made += len(original.events)
        family += 1


def family_of(article_id: str) -> str:
    """The synthetic family an article id belongs to (``syn{family}-{outlet}``)."""
    return article_id.removeprefix("syn").split("-")[0]


def agreement(stories: list[Story]) -> tuple[float, float]:
    """How fusion matches the synthesis: the share of stories drawn from one family only, and
    the share of events copied to several outlets whose copies all ended in one story."""
    pure = sum(len({family_of(m.article_id) for m in s.members}) == 1 for s in stories)
    story_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    outlets: dict[tuple[str, str], int] = defaultdict(int)
    for story in stories:
        for m in story.members:
            key = (family_of(m.article_id), m.event_id)
            story_of[key].add(story.id)
            outlets[key] += 1
    copied = [key for key, n in outlets.items() if n > 1]
    together = sum(len(story_of[key]) == 1 for key in copied)
    return pure / len(stories), together / len(copied) if copied else 1.0


def machine() -> str:
    """The CPU model and core count, for the table's caption."""
    model = platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {os.cpu_count()} cores"


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--no-store", action="store_true", help="skip the DuckDB run")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is not here (it lives beside the project in ../shared)")

    settings = Settings.from_env()
    started = time.perf_counter()
    originals = list(extract_many(read_corpus(CORPUS), settings))
    extract_s = time.perf_counter() - started
    n_events = sum(len(d.events) for d in originals)
    print(
        f"extracted {len(originals)} VOA articles ({n_events} events) in {extract_s:.0f} s",
        file=sys.stderr,
    )
    documents = list(synthesise(originals, args.events, args.seed))
    reports = [r for d in documents for r in reports_from_document(d)]
    fuse_settings = FuseSettings()

    rows = []
    sizes = [n for n in (10_000, 30_000) if n < len(reports)] + [len(reports)]
    for size in sizes:
        sample = reports[:size]
        started = time.perf_counter()
        pairs = candidate_pairs(sample, fuse_settings)
        blocking_s = time.perf_counter() - started
        started = time.perf_counter()
        stories = fuse_events(sample, fuse_settings)
        fuse_s = time.perf_counter() - started
        rows.append(
            (
                "fuse_events (memory)",
                f"{size:,}",
                f"{len({r.article_id for r in sample}):,}",
                f"{len(pairs):,}",
                f"{size * (size - 1) / 2:.1e}",
                f"{len(stories):,}",
                f"{sum(len(s.articles) > 1 for s in stories):,}",
                f"{blocking_s:.1f}",
                f"{fuse_s:.1f}",
            )
        )
        print(f"fused {size:,} reports in {fuse_s:.1f} s", file=sys.stderr)
    pure, together = agreement(stories)

    if not args.no_store:
        with tempfile.TemporaryDirectory() as folder:
            path = str(Path(folder) / "bench.duckdb")
            with open_store(path, settings) as store:
                started = time.perf_counter()
                run = store.start_run(settings, "bench/fuse.py")
                for i in range(0, len(documents), 500):
                    store.put_many(documents[i : i + 500], run)
                put_s = time.perf_counter() - started
                print(f"stored {len(documents):,} documents in {put_s:.0f} s", file=sys.stderr)
                summary = fuse_store(store, fuse_settings)
                again = fuse_store(store, fuse_settings)
            rows.append(
                (
                    "fuse_store (DuckDB)",
                    f"{summary.events:,}",
                    f"{len(documents):,}",
                    "",
                    "",
                    f"{summary.stories:,}",
                    f"{summary.multi_article:,}",
                    "",
                    f"{summary.seconds:.1f} (again: {again.seconds:.1f}, "
                    f"{again.kept_ids:,} ids kept)",
                )
            )

    print(
        f"\nMachine: {machine()}, Python "
        f"{platform.python_version()}; peak memory {peak_mb():.0f} MB; "
        f"{len(originals)} real articles ({n_events} events) in {len(documents):,} copies"
    )
    print(
        f"Against the synthesis ({len(reports):,} reports): {pure:.1%} of stories draw on one "
        f"family only; the copies of {together:.1%} of events reported by several outlets "
        "all ended in one story.\n"
    )
    header = (
        "run",
        "reports",
        "articles",
        "candidate pairs",
        "all pairs",
        "stories",
        "from several articles",
        "blocking s",
        "fuse s",
    )
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
