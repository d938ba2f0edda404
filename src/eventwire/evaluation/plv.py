"""Zero-shot PLOVER sentences (``PLV_train.tsv``): the event type of a news sentence.

Rows are actor pairs; a sentence with several pairs is one item, labelled by its first row (the
rows of one sentence agree in the file). The other columns are one model's predictions and are
not read. Our types become the set's 15 classes through ``plv_classes`` in
``data/eval_mappings.yaml`` (YIELD is CONCEDE or RETREAT).

The sentence's top event is the most confident event between the marked actors (an event whose
source or target is named inside a marked ``<s>``/``<t>`` phrase), else its most confident real
event (neither negated nor hypothetical), else any.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import Document, Event
from .matching import actors_by_id, best_event, mappings, overlaps, prf
from .report import Confusion, Extractor, Report, Row, document_for

PLV_FILE = "PLV_train.tsv"
TAG = re.compile(r"</?[st]>")


@dataclass(frozen=True)
class PlvItem:
    """A sentence, its gold class and the character spans of its marked actors."""

    id: str
    text: str
    label: str
    marked: tuple[tuple[int, int], ...]


def marked_spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence with ``<s>``/``<t>`` tags taken out, and the spans the tags enclosed."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length, opened, cursor = 0, None, 0
    for m in TAG.finditer(marked):
        piece = marked[cursor : m.start()]
        plain.append(piece)
        length += len(piece)
        cursor = m.end()
        if m.group().startswith("</"):
            if opened is not None:
                spans.append((opened, length))
            opened = None
        else:
            opened = length
    plain.append(marked[cursor:])
    return "".join(plain), spans


def read_plv(path: Path) -> Iterator[PlvItem]:
    """The sentences of ``PLV_train.tsv``, one item per ``sentence_id`` in file order."""
    items: dict[str, PlvItem] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            sentence_id = (row.get("sentence_id") or "").strip()
            label = (row.get("gold_root") or "").strip()
            text = row.get("sentence") or ""
            if not sentence_id or not label or not text.strip():
                continue
            plain, spans = marked_spans(row.get("marked_sentence") or "")
            if plain != text:
                spans = []  # the marks do not fit the sentence: choose without them
            if sentence_id in items:
                first = items[sentence_id]
                marked = tuple(sorted({*first.marked, *spans}))
                items[sentence_id] = PlvItem(first.id, first.text, first.label, marked)
            else:
                items[sentence_id] = PlvItem(sentence_id, text, label, tuple(spans))
    yield from items.values()


def plv_class(event: Event | None) -> str:
    """The PLV class of our event's type; "none" without an event."""
    if event is None:
        return "none"
    classes: dict[str, str] = mappings()["plv_classes"]
    return classes.get(event.type, event.type)


def top_event(doc: Document, marked: Sequence[tuple[int, int]]) -> Event | None:
    """The event between the marked actors, else the most confident real event, else any."""
    actors = actors_by_id(doc)

    def between(e: Event) -> bool:
        ids = [i for i in [*e.source, *e.target] if i in actors]
        mentions = [(m.start, m.end) for i in ids for m in actors[i].mentions]
        return any(overlaps(a, b) for a in mentions for b in marked)

    real = [e for e in doc.events if not (e.negated or e.hypothetical)]
    return best_event(real, between) or best_event(doc.events, lambda e: True)


def macro_f1(confusion: Confusion) -> float | None:
    """The mean over gold classes of each class's F1 (a class never predicted scores 0)."""
    gold, _ = confusion.labels()
    scores = []
    for label in gold:
        tp = confusion.counts.get((label, label), 0)
        fp = sum(n for (g, p), n in confusion.counts.items() if p == label and g != label)
        fn = sum(n for (g, p), n in confusion.counts.items() if g == label and p != label)
        f1 = prf(tp, fp, fn)[2]
        scores.append(f1 or 0.0)
    return sum(scores) / len(scores) if scores else None


def score_plv(items: Iterable[PlvItem], run: Extractor, report: Report) -> None:
    """Event type of the top event: accuracy, macro-F1 over the gold classes, confusions."""
    confusion = Confusion("PLV class against ours")
    for item in items:
        doc = document_for(run, item.text, None, report)
        if doc is None:
            continue
        predicted = plv_class(top_event(doc, item.marked))
        confusion.add(item.label, predicted)
        if predicted != item.label:
            report.miss(item.id, "event type", item.label, predicted)
    n = sum(confusion.counts.values())
    right = sum(c for (g, p), c in confusion.counts.items() if g == p)
    report.add("event type accuracy, top event", right, n)
    report.rows.append(Row("event type macro-F1", macro_f1(confusion), n, "f1"))
    report.confusions.append(confusion)
