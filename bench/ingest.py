"""Throughput and memory of ingest against bare spaCy parsing, on real public-domain news.

    .venv/bin/python bench/ingest.py [--articles 2000] [--memory-articles 10000] [--no-ray]

Input: ``../shared/corpus/voa_stories.public_domain.jsonl`` (Voice of America, public domain),
repeated until there are enough articles; each copy gets a line of its own at the end so that
its id (a hash of the text) differs and ingest stores it rather than skipping it as present.

Each measurement runs in a fresh process, so each pays its own model load, and memory is read
from /proc every 0.2 s over the whole process tree: the peak of the largest single process (the
"per worker" figure) and the peak of the tree's sum. Bare parsing times itself after its model
is loaded; so that ingest is compared like for like, the start-up of eventwire (imports, spaCy
model, gazetteer, lexicon and type model loaded in a fresh process) is timed on its own as well,
and the table gives each ingest's ratio to bare parsing with and without it. Prints a Markdown
table. This is a program, not a test: run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "voa_stories.public_domain.jsonl"
BIN = Path(sys.executable).parent


@dataclass
class Result:
    name: str
    articles: int
    seconds: float
    peak_process_mb: float
    peak_tree_mb: float
    workers: int = 1

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def write_input(path: Path, count: int) -> None:
    """``count`` articles cycled from the corpus, each copy's text made unique."""
    stories = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for k in range(count):
            story = dict(stories[k % len(stories)])
            copy = k // len(stories)
            if copy:
                story["text"] = f"{story['text']}\n\nBenchmark copy {copy}."
                story["url"] = f"{story['url']}#copy-{copy}"
            out.write(json.dumps(story, ensure_ascii=False) + "\n")


def _tree_rss(root: int) -> tuple[float, float]:
    """(largest process, sum) resident memory in MB of ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    sizes, todo = [], [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return (max(sizes, default=0.0), sum(sizes))


def run(name: str, command: list[str], articles: int, workers: int = 1) -> Result:
    """Run ``command`` to the end, timing it and sampling its memory."""
    print(f"  {name} ...", file=sys.stderr, flush=True)
    peaks = [0.0, 0.0]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        while process.poll() is None:
            largest, total = _tree_rss(process.pid)
            peaks[0], peaks[1] = max(peaks[0], largest), max(peaks[1], total)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"{name} failed ({process.returncode}):\n{err[-3000:]}")
    if out.strip().startswith("{"):
        seconds = json.loads(out)["seconds"]  # bare parsing times itself, without the model load
    print(
        f"    {articles / seconds:.1f} articles/s; {err.strip().splitlines()[-1:]}", file=sys.stderr
    )
    return Result(name, articles, seconds, peaks[0], peaks[1], workers)


# What every eventwire command pays once before its first article: imports and resources.
STARTUP = textwrap.dedent(
    """
    from eventwire import cli  # noqa: F401
    from eventwire.extraction import resources
    from eventwire.settings import Settings
    resources.load(Settings.from_env())
    """
)

BARE = textwrap.dedent(
    """
    import json, sys, time
    import spacy
    from eventwire.settings import Settings
    nlp = spacy.load(Settings.from_env().spacy_model)
    texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    print(json.dumps({"seconds": time.perf_counter() - started}))
    """
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--memory-articles", type=int, default=10000)
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is missing: the benchmark reads the shared corpus")
    eventwire = str(BIN / "eventwire")
    work = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    try:
        small, large = work / "small.jsonl", work / "large.jsonl"
        write_input(small, args.articles)
        n = args.articles
        results = [
            run(
                "bare spaCy parsing (nlp.pipe), 1 process",
                [sys.executable, "-c", BARE, str(small)],
                n,
            )
        ]
        startup = run("eventwire start-up (no articles)", [sys.executable, "-c", STARTUP], 0)
        for workers in (1, 2):
            db = work / f"w{workers}.duckdb"
            command = [eventwire, "ingest", str(small), "--db", str(db), "--workers", str(workers)]
            command += ["--quarantine", str(work / "q.jsonl")]
            results.append(
                run(f"eventwire ingest, {workers} worker(s), DuckDB", command, n, workers)
            )
        if not args.no_ray:
            shards, db = work / "shards", work / "ray.duckdb"
            ray = run(
                "Ray engine (local, 2 CPUs): extraction to shards",
                [eventwire, "ingest", str(small), "--engine", "ray", "--out", str(shards)],
                n,
                2,
            )
            load = run(
                "eventwire load of the shards", [eventwire, "load", str(shards), "--db", str(db)], n
            )
            results += [ray, load]
        if args.memory_articles:
            write_input(large, args.memory_articles)
            command = [eventwire, "ingest", str(large), "--db", str(work / "large.duckdb")]
            command += ["--workers", "2", "--quarantine", str(work / "q.jsonl")]
            results.append(
                run(
                    f"eventwire ingest of {args.memory_articles}, 2 workers",
                    command,
                    args.memory_articles,
                    2,
                )
            )
        report(results, n, startup.seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(results: list[Result], n: int, startup: float) -> None:
    """The results as a Markdown table, with the ratios the targets are stated in; the last
    column leaves out the start-up (``startup`` seconds, paid once: workers load at once)."""
    bare = results[0].rate
    cpu = platform.processor() or platform.machine()
    print(
        f"\n{n} articles from the VOA public-domain corpus; {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}\n"
    )
    print(
        "| run | articles | seconds | articles/s | per core vs bare parsing "
        "| peak MB, largest process | peak MB, all processes | per core, start-up left out |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        per_core = r.rate / r.workers / bare
        steady = ""
        if r.name.startswith("eventwire ingest") and r.seconds > startup:
            steady = f"{r.articles / (r.seconds - startup) / r.workers / bare:.2f}"
        print(
            f"| {r.name} | {r.articles} | {r.seconds:.1f} | {r.rate:.1f} | {per_core:.2f} | "
            f"{r.peak_process_mb:.0f} | {r.peak_tree_mb:.0f} | {steady} |"
        )
    print(f"\neventwire start-up (imports and resources, a fresh process): {startup:.1f} s")
    by_name = {r.name.split(",")[0] + str(r.workers): r for r in results}
    one, two = by_name.get("eventwire ingest1"), by_name.get("eventwire ingest2")
    if one and two:
        print(f"\n2 workers against 1: {two.rate / one.rate:.2f}x")
    memory = [r for r in results if r.name.startswith("eventwire ingest of")]
    if two and memory:
        growth = memory[0].peak_process_mb / two.peak_process_mb
        print(
            f"largest process, {memory[0].articles} against {two.articles} articles: {growth:.2f}x"
        )


if __name__ == "__main__":
    main()
