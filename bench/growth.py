"""Time and peak memory of extracting one document against its length, on real news text.

    .venv/bin/python bench/growth.py [--sizes 5000,20000,50000,100000,200000,500000,1000000]

Input: the stories of ``../shared/corpus/voa_stories.public_domain.jsonl`` (Voice of America,
public domain) joined in order, one paragraph each, separated by blank lines, as many whole
stories as fit in each size; past the corpus's 342,000 characters it starts again from the
first story, so a million characters hold each story about three times.

Each size runs in a fresh process that loads the resources first (not timed), then times
``eventwire.extract`` of the document: reading, parsing and every stage. The peak memory is
the process's own high-water mark (``getrusage``), model included. Prints a Markdown table with
the time per character and its ratio to that of the smallest size: a cost linear in length
keeps the ratio near 1. CPU time is the process's own, so other programs on the machine
disturb it less than the wall time; the ratio is of CPU time. This is a program, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "voa_stories.public_domain.jsonl"
SIZES = (5_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000)
PUBLISHED = "2025-03-14"  # when most of the corpus was published


def stories() -> list[str]:
    """The texts of the corpus's stories, in order."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines]


def document(size: int) -> str:
    """Whole stories of the corpus joined by blank lines, at most ``size`` characters (at
    least one story), cycling through the corpus when it is shorter than ``size``."""
    texts = stories()
    parts: list[str] = []
    length = 0
    k = 0
    while True:
        story = texts[k % len(texts)]
        grown = length + len(story) + (2 if parts else 0)
        if parts and grown > size:
            return "\n\n".join(parts)
        parts.append(story)
        length = grown
        k += 1


def measure(size: int) -> dict[str, float]:
    """Run in a child process: extract the document of ``size`` and report what it cost."""
    from eventwire.extraction import pipeline, resources
    from eventwire.settings import Settings

    text = document(size)
    settings = Settings.from_env()
    resources.load(settings)
    # One story first, untimed, so that no size pays for what the first call sets up.
    pipeline.extract(stories()[-1], PUBLISHED, settings=settings)
    loaded_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    found = pipeline.extract(text, PUBLISHED, settings=settings)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "chars": len(text),
        "paragraphs": text.count("\n\n") + 1,
        "wall": wall,
        "cpu": cpu,
        "loaded_mb": loaded_kb / 1024,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "events": len(found.events),
    }


def run(size: int) -> dict[str, float]:
    """``measure(size)`` in a fresh Python process, so that no size inherits another's heap."""
    child = subprocess.run(
        [sys.executable, __file__, "--child", str(size)],
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        raise SystemExit(f"size {size}: the child failed\n{child.stderr}")
    result: dict[str, float] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


def cpu_model() -> str:
    """The processor's name as Linux reports it, else the machine type."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def table(results: list[dict[str, float]]) -> str:
    """The Markdown table of the results, smallest first."""
    lines = [
        "| characters | paragraphs | events | time (s) | CPU (s) | CPU µs per character "
        "| ratio to smallest | peak memory (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = results[0]["cpu"] / results[0]["chars"]
    for r in results:
        per_char = r["cpu"] / r["chars"]
        lines.append(
            f"| {r['chars']:,.0f} | {r['paragraphs']:,.0f} | {r['events']:,.0f} "
            f"| {r['wall']:.1f} | {r['cpu']:.1f} | {per_char * 1e6:.1f} "
            f"| {per_char / base:.2f} | {r['peak_mb']:,.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Measure each size in its own process and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} not found: the benchmark reads the shared VOA corpus")
    results = []
    for size in sorted(int(s) for s in args.sizes.split(",")):
        results.append(run(size))
        r = results[-1]
        print(
            f"{r['chars']:>9,.0f} characters: {r['wall']:.1f} s, {r['cpu']:.1f} s CPU, "
            f"peak {r['peak_mb']:,.0f} MB (after loading {r['loaded_mb']:,.0f} MB)",
            file=sys.stderr,
        )
    print(f"Python {platform.python_version()} on {cpu_model()}, {os.cpu_count()} cores")
    print()
    print(table(results))


if __name__ == "__main__":
    main()
