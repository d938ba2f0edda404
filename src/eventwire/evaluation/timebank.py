"""TimeML (TimeBank, AQUAINT): TIMEX3 DATE expressions found and their values."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .gold import parse_date
from .matching import add_prf, overlaps
from .report import Extractor, Report, Row, document_for


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 expression: span in the plain text, type and normalised value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class DateItem:
    """A TimeML document as plain text (tags stripped), its creation time and expressions."""

    id: str
    text: str
    published: dt.date | None
    timexes: tuple[Timex, ...]


def timeml_text(element: ET.Element) -> tuple[str, list[Timex]]:
    """The text of ``element`` with tags stripped, and the TIMEX3 spans in that text."""
    parts: list[str] = []
    found: list[Timex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3":
            found.append(Timex(start, length, node.get("type", ""), node.get("value", "")))

    walk(element)
    return "".join(parts), found


def read_timeml(path: Path) -> Iterator[DateItem]:
    """TimeML documents: one .tml file, or a folder's (TimeBank then AQUAINT where it holds them).

    The TBAQ-cleaned folder's ``testpipeline`` example is not part of the set.
    """
    if path.is_dir() and (path / "TBAQ-cleaned").is_dir():
        path = path / "TBAQ-cleaned"
    parts = [path / "TimeBank", path / "AQUAINT"]
    folders = [p for p in parts if p.is_dir()] or [path]
    files = [f for d in folders for f in sorted(d.glob("*.tml"))] if path.is_dir() else [path]
    for file in files:
        root = ET.parse(file).getroot()
        dct = root.find("DCT/TIMEX3")
        published = parse_date((dct.get("value") or "")[:10]) if dct is not None else None
        body = root.find("TEXT")
        if body is None:
            continue
        text, timexes = timeml_text(body)
        yield DateItem(file.stem, text, published, tuple(timexes))


CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def score_dates(items: Iterable[DateItem], run: Extractor, report: Report) -> None:
    """TIMEX3 DATE expressions found, and their values given the creation time."""
    tp = fp = fn = valued = right = odd = 0
    for item in items:
        doc = document_for(run, item.text, item.published, report)
        if doc is None:
            continue
        ours = [(t, (t.start, t.end)) for t in doc.times]
        dates = [x for x in item.timexes if x.type == "DATE"]
        others = [(x.start, x.end) for x in item.timexes if x.type != "DATE"]
        for _, span in ours:
            if not any(overlaps(span, (x.start, x.end)) for x in dates) and not any(
                overlaps(span, o) for o in others
            ):
                fp += 1
        for x in dates:
            found = [t for t, span in ours if overlaps(span, (x.start, x.end))]
            if not found:
                fn += 1
                continue
            tp += 1
            if not CALENDAR.match(x.value):
                odd += 1  # weeks, quarters, seasons, PRESENT_REF: not in our value format
                continue
            valued += 1
            right += found[0].value == x.value
            if found[0].value != x.value:
                report.miss(item.id, "DATE value", x.value, found[0].value)
    add_prf(report, "DATE expressions", tp, fp, fn)
    report.add("DATE value accuracy (found, YYYY[-MM[-DD]] gold)", right, valued)
    report.rows.append(Row("found DATE values in other forms (not scored)", None, odd))
