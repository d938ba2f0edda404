"""The report ``eventwire eval`` prints: a row per measure, and confusion matrices.

``document_for`` runs the pipeline on one gold text and counts it, or counts why it was refused.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import BadInput
from ..records import Document

Extractor = Callable[[str, dt.date | None], Document]
"""Runs the pipeline on one text with its publication date."""


@dataclass(frozen=True)
class Row:
    """One measure: its score (None when nothing could be scored), over ``count`` items."""

    measure: str
    score: float | None
    count: int
    unit: str = "%"
    """``%`` for a share (score in 0..1), ``f1`` for an F1 or precision, ``km`` for a distance."""


@dataclass
class Confusion:
    """Gold labels against predicted labels, counted."""

    name: str
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: str, predicted: str) -> None:
        """Count one item coded ``gold`` and predicted ``predicted``."""
        self.counts[(gold, predicted)] += 1

    def labels(self) -> tuple[list[str], list[str]]:
        """The gold labels and the predicted labels, sorted."""
        return sorted({g for g, _ in self.counts}), sorted({p for _, p in self.counts})

    def table(self) -> str:
        """The matrix as aligned text: a row per gold label, a column per predicted one (each as
        wide as its label)."""
        gold, predicted = self.labels()
        width = max([len(label) for label in gold] + [len("gold \\ ours")])
        widths = [max(len(p), 4) for p in predicted]
        head = (
            "gold \\ ours".ljust(width)
            + " "
            + " ".join(p.rjust(w) for p, w in zip(predicted, widths, strict=True))
        )
        lines = [head]
        for g in gold:
            cells = " ".join(
                str(self.counts.get((g, p), 0) or ".").rjust(w)
                for p, w in zip(predicted, widths, strict=True)
            )
            lines.append(g.ljust(width) + " " + cells)
        return "\n".join(lines)

    def worst(self, n: int = 5) -> list[tuple[str, str, int]]:
        """The ``n`` most frequent confusions (gold differs from prediction)."""
        wrong = [(g, p, c) for (g, p), c in self.counts.items() if g != p]
        return sorted(wrong, key=lambda x: (-x[2], x[0], x[1]))[:n]


@dataclass(frozen=True)
class Miss:
    """One item a headline measure got wrong: what the gold says and what we said."""

    item: str
    measure: str
    gold: str
    ours: str


@dataclass
class Report:
    """What ``eventwire eval`` prints: rows of measures and confusion matrices.

    ``misses`` lists items a headline measure got wrong; ``evaluate`` keeps them for the tune
    half only, since the check half is scored in aggregate.
    """

    set_name: str
    rows: list[Row] = field(default_factory=list)
    confusions: list[Confusion] = field(default_factory=list)
    documents: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    half: str = "all"
    misses: list[Miss] = field(default_factory=list)

    def miss(self, item: str, measure: str, gold: object, ours: object) -> None:
        """Note that ``measure`` got item ``item`` wrong."""
        self.misses.append(Miss(item, measure, str(gold), str(ours)))

    def misses_table(self, n: int) -> str:
        """The first ``n`` misses, a line each: item id, measure, gold, ours."""
        lines = [f"first {min(n, len(self.misses))} of {len(self.misses)} misses (tune half)"]
        lines += [f"{m.item}\t{m.measure}\tgold {m.gold}\tours {m.ours}" for m in self.misses[:n]]
        return "\n".join(lines)

    def add(self, measure: str, hits: float, count: int, unit: str = "%") -> None:
        """Add a row scoring ``hits`` out of ``count`` (None when count is 0)."""
        self.rows.append(Row(measure, hits / count if count else None, count, unit))

    def score(self, measure: str) -> float | None:
        """The score of ``measure``; KeyError when there is no such row."""
        for row in self.rows:
            if row.measure == measure:
                return row.score
        raise KeyError(measure)

    def table(self) -> str:
        """The report as plain aligned text."""
        width = max([len(r.measure) for r in self.rows] + [len("measure")])
        lines = [
            f"{self.set_name}: {self.documents} texts in {self.seconds:.1f} s",
            f"{'measure'.ljust(width)}  {'score':>9}  {'count':>6}",
        ]
        lines += [f"{r.measure.ljust(width)}  {_format(r):>9}  {r.count:>6}" for r in self.rows]
        if self.skipped:
            reasons = ", ".join(f"{n} {name}" for name, n in sorted(self.skipped.items()))
            lines.append(f"skipped (the pipeline refused the text): {reasons}")
        for confusion in self.confusions:
            lines += ["", f"{confusion.name} (rows gold, columns ours)", confusion.table()]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "set": self.set_name,
            "half": self.half,
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "skipped": dict(self.skipped),
            "rows": [
                {"measure": r.measure, "score": r.score, "count": r.count, "unit": r.unit}
                for r in self.rows
            ],
            "confusions": [
                {
                    "name": c.name,
                    "counts": [
                        {"gold": g, "predicted": p, "count": n}
                        for (g, p), n in sorted(c.counts.items())
                    ],
                }
                for c in self.confusions
            ],
        }


def _format(row: Row) -> str:
    if row.score is None:
        return "-"
    if row.unit == "%":
        return f"{100 * row.score:.1f}%"
    if row.unit == "km":
        return f"{row.score:.1f} km"
    return f"{row.score:.3f}"


def document_for(
    run: Extractor, text: str, published: dt.date | None, report: Report
) -> Document | None:
    """The pipeline's Document for ``text``; None (counted) when it refuses the text."""
    report.documents += 1
    try:
        # "\r" to "\n" keeps every gold offset where it was ("\r\n" would become one character)
        return run(text.replace("\r", "\n"), published)
    except BadInput as e:
        report.skipped[type(e).__name__] += 1
        return None
