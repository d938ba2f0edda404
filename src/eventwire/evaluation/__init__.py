"""Evaluation: eventwire's output scored against human-coded sets, one reader per format.

The sets live outside the project, in ``../shared/eval/`` (their terms forbid copying them
in). ``evaluate(set_path, limit, settings)`` picks the task from the path, reads the gold items
in file order, keeps those of the asked half (``halves``: tune or check, by a hash of each
item's id) and of those the first ``limit``, runs the pipeline on each text and returns a
``Report``: a row per measure (score, count) and confusion matrices.

Each format has its module (``plover_gsr``, ``petrarch2``, ``acled``, ``case2021``, ``plv``,
``india_police``, ``toponyms``, ``timebank``, ``polnear``) with its reader, its scorer and the
matching rules its figures depend on; ``matching`` holds the rules they share, ``report`` the
table.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import BadInput
from ..records import Document
from ..settings import Settings
from .acled import read_acled, score_acled
from .case2021 import CASE_FILE, read_case, score_case
from .halves import HALVES, Half, in_half
from .india_police import read_police, score_police
from .petrarch2 import read_petrarch, score_petrarch
from .plover_gsr import read_plover, score_plover
from .plv import PLV_FILE, read_plv, score_plv
from .polnear import read_polnear, score_quotes
from .report import Extractor, Report
from .timebank import read_timeml, score_dates
from .toponyms import PLACE_FILES, read_places, score_places

__all__ = ["HALVES", "KNOWN_SETS", "TASKS", "Half", "Report", "Task", "evaluate", "resolve_set"]

KNOWN_SETS = (
    "events/plover_gsr",
    "events/petrarch2/PETR2_GSR_validation.xml",
    "events/acled_dev",
    "events/acled_dev/kenya.csv",
    "events/case2021_task2",
    "events/zero_shot_plover",
    "events/india_police_events",
    "places",
    "dates",
    "quotes/polnear",
)


@dataclass(frozen=True)
class Task:
    """A gold set: its reader and its scorer."""

    name: str
    read: Callable[[Path], Iterator[Any]]
    score: Callable[[Iterable[Any], Extractor, Report], None]


TASKS = {
    "plover": Task("PLOVER GSR", read_plover, score_plover),
    "petrarch": Task("PETRARCH2 validation", read_petrarch, score_petrarch),
    "acled": Task("ACLED dev", read_acled, score_acled),
    "case": Task("CASE 2021 task 2", read_case, score_case),
    "plv": Task("PLV (zero-shot PLOVER)", read_plv, score_plv),
    "police": Task("IndiaPoliceEvents", read_police, score_police),
    "places": Task("places", read_places, score_places),
    "dates": Task("dates", read_timeml, score_dates),
    "quotes": Task("PolNeAR", read_polnear, score_quotes),
}


# Folders that stand for one file in them.
SET_FILES = {
    "plover_gsr": "PLOVER_GSR_CAMEO.json",
    "petrarch2": "PETR2_GSR_validation.xml",
    "case2021_task2": CASE_FILE,
    "zero_shot_plover": PLV_FILE,
}


def eval_root(cwd: Path | None = None) -> Path | None:
    """The folder of human-coded sets: ``../shared/eval`` beside the project (or the cwd)."""
    candidates = [
        (cwd or Path.cwd()) / ".." / "shared" / "eval",
        Path(__file__).resolve().parents[4] / "shared" / "eval",
    ]
    return next((c.resolve() for c in candidates if c.is_dir()), None)


def task_for(path: Path) -> str | None:
    """Which task the gold set at ``path`` is, from its name; None for an unknown set."""
    name, parts = path.name, set(path.parts)
    if name in {"plover_gsr", "PLOVER_GSR_CAMEO.json"}:
        return "plover"
    if name == "PETR2_GSR_validation.xml":
        return "petrarch"
    if "acled_dev" in parts and (path.is_dir() or path.suffix == ".csv"):
        return "acled"
    if name == CASE_FILE:
        return "case"
    if name == PLV_FILE:
        return "plv"
    if name == "india_police_events":
        return "police"
    if name == "places" or name in PLACE_FILES or name == "gwn_full.txt":
        return "places"
    if name in {"dates", "TBAQ-cleaned", "TimeBank", "AQUAINT"} or path.suffix == ".tml":
        return "dates"
    if "polnear" in parts and name in {"polnear", "dev", "train"}:
        return "quotes"
    return None


def resolve_set(set_path: Path, root: Path | None) -> tuple[Path, str]:
    """The gold set's full path and task; ``BadInput`` naming the path if there is none."""
    known = ", ".join(KNOWN_SETS)
    path = set_path
    if not path.exists():
        if root is None:
            raise BadInput(
                str(set_path),
                "no such gold set, and no ../shared/eval folder of human-coded sets beside the "
                "project or the current directory (the sets are not shipped with eventwire)",
            )
        path = root / set_path
        if not path.exists():
            raise BadInput(str(set_path), f"no such gold set in {root}; known sets: {known}")
    if path.is_dir() and path.name in SET_FILES:
        path = path / SET_FILES[path.name]
    task = task_for(path)
    if task is None:
        raise BadInput(str(set_path), f"not a gold set eventwire can read; known sets: {known}")
    return path, task


def split_key(item: Any) -> str:
    """What decides an item's half: its ``split_key`` where texts are shared between items
    (ACLED rows of one note), else its id."""
    key = getattr(item, "split_key", None) or item.id
    if not key:
        raise ValueError(f"a gold item without an id cannot be put in a half: {item!r:.80}")
    return str(key)


def evaluate(
    set_path: Path,
    limit: int | None,
    settings: Settings,
    *,
    half: Half = "all",
    extractor: Extractor | None = None,
) -> Report:
    """The pipeline's scores on the gold set at ``set_path`` (a path, or one relative to
    ``../shared/eval``), over the items of ``half`` (tune, check or all), the first ``limit``
    of them.

    ``extractor`` replaces the pipeline (tests); by default each text goes through
    ``eventwire.extract`` with its publication date and ``settings``. The report keeps its
    item-level misses for the tune half only. A set that yields no item is ``BadInput``.
    """
    if half not in HALVES:
        raise BadInput(str(set_path), f"no half {half!r}: use one of {', '.join(HALVES)}")
    path, task_name = resolve_set(Path(set_path), eval_root())
    if extractor is None:
        from ..extraction.pipeline import extract  # the pipeline loads spaCy: only when it runs

        def extractor(text: str, published: dt.date | None) -> Document:
            return extract(text, published, settings=settings, where=str(path))

    task = TASKS[task_name]
    items: Iterable[Any] = (i for i in task.read(path) if in_half(split_key(i), half))
    if limit is not None:
        items = itertools.islice(items, limit)
    report = Report(f"{task.name} ({set_path}, {half} half)", half=half)
    began = time.perf_counter()
    task.score(items, extractor, report)
    report.seconds = time.perf_counter() - began
    if report.documents == 0:
        where = "" if half == "all" else f" in its {half} half"
        raise BadInput(str(set_path), f"no gold items read from {path}{where}: nothing to score")
    if half != "tune":
        report.misses.clear()
    return report
