"""Fuzz ``eventwire.extract`` for a given time with the strategies and properties of
``tests/test_fuzz.py``, and report inputs per second and crashes.

    .venv/bin/python bench/fuzz.py [--minutes 30] [--crashes /tmp/eventwire-fuzz] [--seed 1]

Rounds of ``--round`` examples go to each target in turn (hostile text, JSON records, mutated
real articles, real articles on odd dates), each round with its own seed, until the time is up.
A crash is any exception that is not an ``EventwireError``, or a broken property; hypothesis
shrinks it, and the minimal failing input goes to ``--crashes/<n>/`` (``input.json`` and
``traceback.txt``); the slowest input of each target goes to ``slowest-<n>.json`` (a hang is a
finding too). Exits 1 when anything crashed. A program, not a test: run it ``nice``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests package

from tests.test_fuzz import (
    CI_FUZZ,
    CORPUS,
    HOSTILE_TEXT,
    JSON_RECORDS,
    ODD_DATES,
    PUBLISHED,
    check_extract,
    check_json,
    corpus_texts,
    mutated_article,
)


@dataclass
class Target:
    """One thing to fuzz: a strategy for its arguments and the property check to run on them."""

    name: str
    arguments: st.SearchStrategy[tuple[Any, ...]]
    check: Callable[..., object]
    inputs: int = 0
    seconds: float = 0.0
    crashes: int = 0
    slowest: float = 0.0
    slowest_input: tuple[Any, ...] = ()


@dataclass
class Crash:
    """A distinct failure: where it was raised, and the first minimal input that shows it."""

    key: str
    target: str
    folder: Path
    times: int = 1


@dataclass
class Run:
    """Everything the run found, kept while it goes on."""

    folder: Path
    crashes: dict[str, Crash] = field(default_factory=dict)
    last: tuple[str, tuple[Any, ...]] | None = None


def targets() -> list[Target]:
    """Every fuzz target of the test suite, in the order rounds visit them."""
    texts = corpus_texts()
    return [
        Target("hostile text", st.tuples(HOSTILE_TEXT, PUBLISHED), check_extract),
        Target("JSON records", st.tuples(JSON_RECORDS), check_json),
        Target("mutated articles", st.tuples(mutated_article(texts), PUBLISHED), check_extract),
        Target(
            "articles, odd dates",
            st.tuples(st.sampled_from(texts), st.sampled_from(ODD_DATES) | st.dates()),
            check_extract,
        ),
    ]


def encodable(value: Any) -> Any:
    """``value`` as JSON can hold it: dates as ISO text, with their Python repr beside."""
    if isinstance(value, dt.date):
        return {"repr": repr(value), "iso": value.isoformat()}
    return value


def failure_key(error: BaseException) -> str:
    """What tells one bug from another: the exception class and the innermost eventwire frame."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/eventwire/" in f.filename] or frames
    where = f"{ours[-1].filename.rsplit('/src/', 1)[-1]}:{ours[-1].lineno}" if ours else "?"
    return f"{type(error).__name__} at {where}"


def save_input(path: Path, name: str, arguments: tuple[Any, ...], **extra: Any) -> None:
    """Write one input as JSON; ensure_ascii keeps lone surrogates and controls writable."""
    saved = {"target": name, **extra, "arguments": [encodable(a) for a in arguments]}
    path.write_text(json.dumps(saved, indent=2, ensure_ascii=True) + "\n")


def record_crash(run: Run, target: Target, error: BaseException) -> None:
    """Save the minimal input hypothesis replayed last, unless this bug is already saved."""
    target.crashes += 1
    key = failure_key(error)
    if key in run.crashes:
        run.crashes[key].times += 1
        return
    folder = run.folder / f"{len(run.crashes) + 1:03d}"
    folder.mkdir(parents=True, exist_ok=True)
    name, arguments = run.last or (target.name, ())
    save_input(folder / "input.json", name, arguments, failure=key)
    (folder / "traceback.txt").write_text(
        "".join(traceback.format_exception(error)), encoding="utf-8", errors="backslashreplace"
    )
    run.crashes[key] = Crash(key, target.name, folder)
    print(f"crash: {target.name}: {key} -> {folder}", file=sys.stderr, flush=True)


def run_round(run: Run, target: Target, examples: int, round_seed: int) -> None:
    """``examples`` inputs for ``target`` under one seed; a failure is shrunk and recorded."""

    @seed(round_seed)
    @settings(CI_FUZZ, derandomize=False, max_examples=examples, report_multiple_bugs=False)
    @given(target.arguments)
    def fuzz(arguments: tuple[Any, ...]) -> None:
        run.last = (target.name, arguments)
        target.inputs += 1
        started = time.perf_counter()
        target.check(*arguments)
        took = time.perf_counter() - started
        if took > target.slowest:
            target.slowest, target.slowest_input = took, arguments

    started = time.perf_counter()
    try:
        fuzz()
    except Exception as error:  # any failure is a finding: record it and go on fuzzing
        record_crash(run, target, error)
    finally:
        target.seconds += time.perf_counter() - started


def report(all_targets: list[Target], run: Run, elapsed: float) -> str:
    """A Markdown table of inputs, rates and crashes per target, and the crashes found."""
    lines = [
        f"fuzzed {elapsed / 60:.1f} min on {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}",
        "",
        "| target | inputs | seconds | inputs/s | slowest input (s) | crashes |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t in all_targets:
        rate = t.inputs / t.seconds if t.seconds else 0.0
        lines.append(
            f"| {t.name} | {t.inputs:,} | {t.seconds:.0f} | {rate:.1f} | {t.slowest:.2f} "
            f"| {t.crashes} |"
        )
    inputs = sum(t.inputs for t in all_targets)
    crashes = sum(t.crashes for t in all_targets)
    slowest = max(t.slowest for t in all_targets)
    lines.append(
        f"| all | {inputs:,} | {elapsed:.0f} | {inputs / elapsed:.1f} | {slowest:.2f} | {crashes} |"
    )
    for crash in run.crashes.values():
        lines.append(f"\n- {crash.key} ({crash.target}, {crash.times}x): {crash.folder}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Fuzz until the time is up; 0 when nothing crashed, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=30.0, help="how long to fuzz")
    parser.add_argument(
        "--crashes",
        type=Path,
        default=Path(tempfile.gettempdir()) / "eventwire-fuzz",
        help="crash folder",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the first round")
    parser.add_argument("--round", type=int, default=50, help="examples per round")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        parser.error(f"{CORPUS} is missing: the mutations need the real articles in ../shared")

    all_targets = targets()
    check_extract("Loaded before the clock starts.", None)  # spaCy and the gazetteer
    run = Run(args.crashes)
    started = time.perf_counter()
    deadline = started + args.minutes * 60
    round_number = 0
    while time.perf_counter() < deadline:
        target = all_targets[round_number % len(all_targets)]
        run_round(run, target, args.round, args.seed + round_number)
        round_number += 1
    # The slowest input of each target, kept: a hang is a finding even when nothing raised.
    args.crashes.mkdir(parents=True, exist_ok=True)
    for number, target in enumerate(all_targets, start=1):
        slowest = args.crashes / f"slowest-{number}.json"
        save_input(slowest, target.name, target.slowest_input, seconds=round(target.slowest, 3))
    print(report(all_targets, run, time.perf_counter() - started), flush=True)
    return 1 if run.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
