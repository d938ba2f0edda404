"""CPU time per article of each extraction stage after parsing, in one process.

    .venv/bin/python bench/stages.py [--repeats 5] [--dump OUT.jsonl] [--profile 30]

Input: ``../shared/corpus/voa_stories.public_domain.jsonl`` (Voice of America, public domain)
and ``../shared/examples/seed-article.txt``. Every text is parsed once, before any timing; then
the stages of ``pipeline.extract_parsed`` run on the parses ``--repeats`` times, and each
stage's figure is the least CPU time (``time.process_time``) of the repeats: CPU time, not wall
time, so that other work on a shared machine does not count, and the least, as the noise there
is only ever added. ``--dump`` writes each article's full ``Document`` JSON, one a line, to
check that a change to speed leaves the output byte for byte the same. ``--profile N`` prints
cProfile's N functions of most cumulative time over one more pass.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from eventwire.extraction import actors, dates, events, grouping, pipeline, places, quotes
from eventwire.extraction import resources as resources_module
from eventwire.extraction.parse import parse
from eventwire.ingest.articles import parse_date, read_article
from eventwire.records import Article, Document
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "voa_stories.public_domain.jsonl"
SEED = SHARED / "examples" / "seed-article.txt"
STAGES = ("published", "actors", "places", "settle", "dates", "quotes", "events", "grouping")
T = TypeVar("T")


def read_articles(corpus: Path, seed: Path) -> list[Article]:
    """The corpus's stories with their dates, and the seed article with none given."""
    articles = []
    for number, line in enumerate(corpus.read_text(encoding="utf-8").splitlines(), start=1):
        story = json.loads(line)
        where = f"{corpus.name}:{number}"
        articles.append(
            read_article(
                story["text"],
                where,
                published=parse_date(story["published"], where),
                title=story.get("title"),
                url=story.get("url"),
            )
        )
    articles.append(read_article(seed.read_text(encoding="utf-8"), seed.name))
    return articles


def forget(doc: Doc) -> None:
    """Drop what the stages keep on a parse, so that each pass pays for it as the first did;
    but the text, which ``parse`` itself leaves there (as in production)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("eventwire_")]:
        if key != "eventwire_text":
            del doc.user_data[key]


def run_stages(
    article: Article, doc: Doc, res: resources_module.Resources, spent: dict[str, float]
) -> Document:
    """``pipeline.extract_parsed``, stage by stage, adding each stage's CPU time to ``spent``."""

    def timed(stage: str, step: Callable[..., T], *args: Any) -> T:
        began = time.process_time()
        try:
            return step(*args)
        finally:
            spent[stage] += time.process_time() - began

    if article.published is None:
        found = timed("published", dates.find_published, article.text)
        if found:
            article = article.model_copy(
                update={"published": found[0], "published_from": "text", "published_span": found[1]}
            )
    found_actors = timed("actors", actors.find, doc, res.actors)
    found_places = timed("places", places.find, doc, res.gazetteer, found_actors, res.common_nouns)
    countries = [p.country for p in found_places]
    found_actors = timed("settle", actors.settle, found_actors, res.actors, countries)
    found_times = timed("dates", dates.find, doc, article.published)
    found_quotes = timed("quotes", quotes.find, doc, found_actors)
    found_events = timed(
        "events",
        events.find,
        doc,
        found_actors,
        found_places,
        found_times,
        res.lexicon,
        article,
        res.type_model,
    )
    grouped = timed(
        "grouping", grouping.group, doc, found_events, found_actors, found_places, res.lexicon
    )
    return Document(
        article=article,
        actors=found_actors,
        places=found_places,
        times=found_times,
        events=grouped,
        quotes=found_quotes,
        warnings=pipeline.warnings_for(article),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--seed-article", type=Path, default=SEED)
    parser.add_argument("--dump", type=Path, help="write each Document's JSON here")
    parser.add_argument("--profile", type=int, default=0, help="print this many functions")
    args = parser.parse_args()
    res = resources_module.load(Settings.from_env())
    articles = read_articles(args.corpus, args.seed_article)
    parsed = [(article, parse(article.text, res.nlp)) for article in articles]
    n = len(parsed)

    best: dict[str, float] = {}
    totals: list[float] = []
    documents: list[Document] = []
    for _ in range(args.repeats):
        spent = dict.fromkeys(STAGES, 0.0)
        began = time.process_time()
        documents = []
        for article, doc in parsed:
            forget(doc)
            documents.append(pipeline.extract_parsed(article, doc, res))
        totals.append(time.process_time() - began)
        for article, doc in parsed:
            forget(doc)
            run_stages(article, doc, res, spent)
        for stage, seconds in spent.items():
            best[stage] = min(best.get(stage, seconds), seconds)

    print(f"{n} articles, least of {args.repeats} passes, CPU ms per article")
    print(
        f"extract_parsed: {1000 * min(totals) / n:.1f} (passes: "
        + ", ".join(f"{1000 * t / n:.1f}" for t in totals)
        + ")"
    )
    for stage in STAGES:
        print(f"  {stage}: {1000 * best[stage] / n:.1f}")

    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for document in documents:
                out.write(document.model_dump_json() + "\n")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for article, doc in parsed:
            forget(doc)
            pipeline.extract_parsed(article, doc, res)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
