"""What an analyst gets per article: events per story, and how many have a source, a target, a
place and a date, by the basis each came from (stated, coreferent, inherited, article).

    .venv/bin/python bench/voa_events.py [--sample 20] [--seed 1]

Input: ``../shared/corpus/voa_stories.public_domain.jsonl`` (Voice of America, public domain),
each story with its ``published`` date. There is no gold here: these are measured properties,
and ``--sample`` prints events drawn at random for reading by hand. Also prints the time
``extract_many`` takes per article and the part of it grouping takes.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.extraction import grouping, pipeline
from eventwire.ingest.articles import parse_date, read_article
from eventwire.records import Document, Event

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "voa_stories.public_domain.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="print this many events at random")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    articles = []
    for number, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), start=1):
        story = json.loads(line)
        where = f"{CORPUS.name}:{number}"
        articles.append(
            read_article(
                story["text"],
                where,
                published=parse_date(story["published"], where),
                title=story.get("title"),
                url=story.get("url"),
            )
        )
    spent = [0.0]
    group = grouping.group

    def timed(*a: Any, **k: Any) -> list[Event]:
        began = time.perf_counter()
        try:
            return group(*a, **k)
        finally:
            spent[0] += time.perf_counter() - began

    pipeline.grouping.group = timed  # type: ignore[attr-defined]
    began = time.perf_counter()
    documents = list(pipeline.extract_many(articles))
    took = time.perf_counter() - began
    print(report(documents))
    n = len(documents)
    print(f"\nextract_many: {1000 * took / n:.0f} ms/article; grouping {1000 * spent[0] / n:.1f}")
    if args.sample:
        pool = [(d, e) for d in documents for e in d.events]
        for document, event in random.Random(args.seed).sample(pool, args.sample):
            print()
            print(describe(document, event))


def report(documents: list[Document]) -> str:
    events = [e for d in documents for e in d.events]
    n = len(events) or 1
    counts = [len(d.events) for d in documents]
    real = [e for e in events if not (e.negated or e.hypothetical)]
    lines = [
        f"articles {len(documents)}, events {len(events)}, "
        f"{len(events) / max(1, len(documents)):.1f} per article (max {max(counts, default=0)}), "
        f"mentions per event {sum(len(e.mentions) for e in events) / n:.2f}",
        f"events neither negated nor hypothetical {len(real)} ({100 * len(real) / n:.0f}%), "
        f"{100 * sum(1 for e in real if e.source) / max(1, len(real)):.0f}% of them with a source",
        "",
        "| value | any | stated | coreferent | inherited | article/reported |",
        "|---|---|---|---|---|---|",
    ]
    rows: list[tuple[str, list[str | None]]] = [
        ("source", [e.source_basis for e in events]),
        ("target", [e.target_basis for e in events]),
        ("place", [e.place_basis for e in events]),
        ("date", [e.when.basis if e.when and e.when.date else None for e in events]),
    ]
    for name, bases in rows:
        c = Counter(bases)
        last = c["article"] + c["reported"]
        cells = [n - c[None], c["stated"], c["coreferent"], c["inherited"], last]
        lines.append(f"| {name} | " + " | ".join(f"{100 * v / n:.0f}%" for v in cells) + " |")
    return "\n".join(lines)


def describe(document: Document, event: Event) -> str:
    names = {a.id: a.name for a in document.actors}
    places = {p.id: f"{p.name} ({p.country})" for p in document.places}
    when = f"{event.when.date} ({event.when.basis})" if event.when else "undated"
    place = f"{places.get(event.place or '', '-')} ({event.place_basis})"
    return "\n".join(
        [
            f"{document.article.title} | {event.type}/{event.mode} {event.trigger.text!r}"
            + (" negated" if event.negated else "")
            + (" hypothetical" if event.hypothetical else ""),
            f"  source {[names[a] for a in event.source]} ({event.source_basis})"
            f"  target {[names[a] for a in event.target]} ({event.target_basis})",
            f"  place {place}  when {when}  fatalities {event.fatalities}",
            *(f"  - {m.trigger.text!r}: {m.sentence.text[:200]}" for m in event.mentions),
        ]
    )


if __name__ == "__main__":
    main()
