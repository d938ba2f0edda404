"""Values as the gold files write them: dates in their several forms, numbers, JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def read_json(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON file that holds a list of them."""
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON-lines file, blank lines skipped."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


DAY_MONTH_YY = re.compile(r"^\d{2}-\d{2}-\d{2}$")


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` writes in one of the gold sets' forms; None for any other.

    ``dd-mm-yy`` (ACLED's Kenya export) is read only in that exact shape, years 1969-2068 as
    Python reads two digits.
    """
    text = text.strip()
    forms = ["%Y-%m-%d", "%d %B %Y", "%Y%m%d", "%d-%B-%Y"]
    if DAY_MONTH_YY.match(text):
        forms = ["%d-%m-%y"]
    for form in forms:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def parse_int(text: str | None) -> int | None:
    """The whole number ``text`` writes; None for anything else ("NA", "")."""
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def parse_float(text: str | None) -> float | None:
    """The number ``text`` writes; None for a blank, "NA" or anything else."""
    try:
        return float(text) if text not in (None, "", "NA") else None
    except ValueError:
        return None
