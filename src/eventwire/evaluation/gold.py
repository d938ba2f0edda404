"""Values as the gold files write them: dates in their several forms, numbers, JSON."""

from __future__ import annotations

import datetime as dt
import json
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


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` writes in one of the gold sets' forms; None for any other."""
    text = text.strip()
    for form in ("%Y-%m-%d", "%d %B %Y", "%Y%m%d", "%d-%B-%Y"):
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
