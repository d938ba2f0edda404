"""Render a ``Document`` as plain-text tables for a person at a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from .records import Document

# How the table marks a value not stated in the event's first mention (its basis).
BASIS_MARKS = {"stated": "", "coreferent": " =", "inherited": " ^", "article": " @"}
BASIS_LEGEND = (
    "= from another mention of the event, ^ from its paragraph, @ the article's place; "
    "n: how many passages mention it"
)


def _marked(text: str, basis: str | None) -> str:
    return text + BASIS_MARKS.get(basis or "stated", "") if text else ""


def _grid(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int = 48) -> str:
    """Rows under headers in aligned columns; cells cut to ``width`` characters."""
    cells = [[h for h in headers]] + [
        [c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def table(document: Document) -> str:
    """Events, actors, places, dates and quotes as text tables."""
    article = document.article
    names = {actor.id: actor.name for actor in document.actors}
    places = {place.id: place.name for place in document.places}
    published = article.published.isoformat() if article.published else "unknown"
    out = [
        f"{article.title or '(untitled)'}",
        f"published {published} ({article.published_from}), article {article.id}",
        "",
        "EVENTS",
        _grid(
            ["id", "type", "mode", "source", "target", "when", "place", "trigger", "n", "flags"],
            [
                [
                    e.id,
                    e.type,
                    e.mode or "",
                    _marked(", ".join(names[a] for a in e.source), e.source_basis),
                    _marked(", ".join(names[a] for a in e.target), e.target_basis),
                    f"{e.when.date or '?'} ({e.when.basis})" if e.when else "undated",
                    _marked(places.get(e.place or "", ""), e.place_basis),
                    e.trigger.text,
                    str(len(e.mentions) or 1),
                    " ".join(
                        flag
                        for flag, on in (
                            ("negated", e.negated),
                            ("future", e.future),
                            ("hypothetical", e.hypothetical),
                        )
                        if on
                    ),
                ]
                for e in document.events
            ],
            width=28,
        ),
        BASIS_LEGEND,
        "",
        "ACTORS",
        _grid(
            ["id", "name", "kind", "country", "sector", "mentions"],
            [
                [
                    a.id,
                    a.name,
                    a.kind,
                    a.country or "",
                    a.sector or "",
                    " | ".join(dict.fromkeys(m.text for m in a.mentions)),
                ]
                for a in document.actors
            ],
        ),
        "",
        "PLACES",
        _grid(
            ["id", "name", "lat", "lon", "country", "precision", "mentions"],
            [
                [
                    p.id,
                    p.name,
                    f"{p.lat:.3f}" if p.lat is not None else "?",
                    f"{p.lon:.3f}" if p.lon is not None else "?",
                    p.country or "",
                    p.precision,
                    " | ".join(dict.fromkeys(m.text for m in p.mentions)),
                ]
                for p in document.places
            ],
        ),
        "",
        "DATES",
        _grid(
            ["id", "text", "value", "precision"],
            [[t.id, t.text, t.value or "?", t.precision or ""] for t in document.times],
        ),
        "",
        "QUOTES",
        _grid(
            ["id", "speaker", "cue", "quote"],
            [
                [
                    q.id,
                    names[q.speaker] if q.speaker else f"? ({q.unresolved_reason})",
                    q.cue or "",
                    q.text,
                ]
                for q in document.quotes
            ],
            width=60,
        ),
    ]
    if document.warnings:
        out += ["", *(f"warning: {w}" for w in document.warnings)]
    return "\n".join(out)


def rows(columns: Sequence[str], values: Sequence[Sequence[object]], fmt: str) -> str:
    """Query results as an aligned text table, CSV (with a header) or a JSON list of objects."""
    if fmt == "json":
        import json

        return json.dumps(
            [dict(zip(columns, row, strict=True)) for row in values],
            ensure_ascii=False,
            indent=2,
            default=str,
        )
    if fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(values)
        return out.getvalue().rstrip("\n")
    shown = [["" if v is None else str(v) for v in row] for row in values]
    return _grid(list(columns), shown, width=60) + f"\n({len(values)} rows)"
