"""PolNeAR attributions (brat standoff): direct quotes found and their speakers."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .gold import parse_date
from .matching import actors_by_id, add_prf, overlaps
from .report import Extractor, Report, document_for


@dataclass(frozen=True)
class Attribution:
    """A PolNeAR attribution: content fragments, source fragments, and whether it is direct."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    direct: bool


@dataclass(frozen=True)
class QuoteItem:
    """A PolNeAR article with its attributions."""

    id: str
    split: str
    text: str
    published: dt.date | None
    attributions: tuple[Attribution, ...]


OPENING, CLOSING = '\u201c"\u00ab', '\u201d"\u00bb'


def is_direct(text: str, content: Sequence[tuple[int, int]]) -> bool:
    """Whether a content is a direct quote: it opens and closes with double quotation marks."""
    if not content:
        return False
    first = text[content[0][0] : content[0][1]].strip()
    last = text[content[-1][0] : content[-1][1]].rstrip(" \n.,;:!?")
    return first[:1] in OPENING and last[-1:] in CLOSING


def read_brat(ann: str, text: str) -> list[Attribution]:
    """Attributions of a brat standoff file over ``text``."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    found = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, _, ranges = fields[1].partition(" ")
            spans[fields[0]] = tuple(
                (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))
            )
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(part.split(":", 1) for part in fields[1].split() if ":" in part)
            content = tuple(sorted(spans.get(roles.get("Content", ""), ())))
            if content:
                source = spans.get(roles.get("Source", ""), ())
                found.append(Attribution(content, source, is_direct(text, content)))
    return found


def read_polnear(path: Path) -> Iterator[QuoteItem]:
    """PolNeAR articles of a split (``dev``, ``train``), or of dev then train (the root).

    Where an article has several annotators' files, the first by name is read.
    """
    root = path if (path / "metadata.tsv").exists() else path.parent
    splits = [path / "dev", path / "train"] if path == root else [path]
    dates: dict[str, dt.date | None] = {}
    if (root / "metadata.tsv").exists():
        with (root / "metadata.tsv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                dates[row["filename"]] = parse_date(row.get("publication_date", ""))
    for split in splits:
        for file in sorted((split / "text").glob("*.txt")):
            anns = sorted((split / "attributions").glob(f"{file.stem}*.ann"))
            if not anns:
                continue
            text = file.read_text(encoding="utf-8")
            attributions = read_brat(anns[0].read_text(encoding="utf-8"), text)
            yield QuoteItem(file.stem, split.name, text, dates.get(file.stem), tuple(attributions))


def score_quotes(items: Iterable[QuoteItem], run: Extractor, report: Report) -> None:
    """Direct quotes found (overlap with Content) and their speaker (overlap with Source)."""
    stats: dict[str, list[int]] = {}  # split: tp, fp, fn, speaker n, speaker right
    for item in items:
        doc = document_for(run, item.text, item.published, report)
        if doc is None:
            continue
        s = stats.setdefault(item.split, [0, 0, 0, 0, 0])
        actors = actors_by_id(doc)
        contents = [c for a in item.attributions for c in a.content]
        for quote in doc.quotes:
            if not any(overlaps((quote.start, quote.end), c) for c in contents):
                s[1] += 1
        for a in item.attributions:
            if not a.direct:
                continue
            found = [q for q in doc.quotes if any(overlaps((q.start, q.end), c) for c in a.content)]
            if not found:
                s[2] += 1
                continue
            s[0] += 1
            if not a.source:
                continue
            s[3] += 1
            quote = found[0]
            spans = (
                [(quote.speaker_span.start, quote.speaker_span.end)] if quote.speaker_span else []
            )
            if quote.speaker in actors:
                spans += [(m.start, m.end) for m in actors[quote.speaker].mentions]
            spoke = any(overlaps(span, src) for span in spans for src in a.source)
            s[4] += spoke
            if not spoke:
                gold = "; ".join(item.text[b:e] for b, e in a.source)
                report.miss(item.id, "direct-quote speaker", gold, quote.speaker_text)
    for split, (tp, fp, fn, n, right) in stats.items():
        name = split if len(stats) > 1 else ""
        add_prf(report, f"{name} direct quotes".strip(), tp, fp, fn)
        report.add(f"{name} direct-quote speaker".strip(), right, n)
