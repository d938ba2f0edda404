"""PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``): type, mode, source, target.

The event that codes a gold sentence is the predicted event whose trigger overlaps a gold EVT
span, the most confident first; else the most confident event. No event counts as wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Event
from .gold import read_json
from .matching import (
    GoldActor,
    actors_by_id,
    any_match,
    best_event,
    gold_country,
    gold_sector,
    mappings,
    overlaps,
)
from .report import Confusion, Extractor, Report, document_for


@dataclass(frozen=True)
class PloverItem:
    """A PLOVER GSR sentence: current type and mode, actors, and the EVT spans."""

    id: str
    text: str
    type: str
    mode: str | None
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    triggers: tuple[tuple[int, int], ...]


MARKUP = re.compile(r"\((SRC|TAR|EVT|SRC/TAR|TAR/SRC|LOC)\s*:\s*([^()]*)\)")


def markup_spans(text: str, markup: str, tag: str) -> list[tuple[int, int]]:
    """Spans in ``text`` of the phrases ``markup`` marks ``(TAG: phrase)``, found in order."""
    spans, cursor = [], 0
    for m in MARKUP.finditer(markup):
        phrase = m.group(2).strip()
        start = text.find(phrase, cursor) if phrase else -1
        if start < 0:
            continue
        cursor = start + len(phrase)
        if m.group(1) == tag:
            spans.append((start, cursor))
    return spans


def plover_current(event: str, mode: str | None) -> tuple[str | None, str | None]:
    """A PLOVER 0.5 (type, mode) as current (type, mode); mode None where it is not current."""
    maps = mappings()
    mode = maps["plover05_modes"].get(mode, mode) if mode else None
    kind = maps["plover05_type_by_mode"].get(f"{event}/{mode}")
    if kind is None:
        kind = (
            maps["plover05_types"].get(event, event) if event in maps["plover05_types"] else event
        )
    if kind is None:
        return None, None
    return kind, mode if mode in maps["modes"].get(kind, []) else None


def _gold_actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    found = []
    for raw in value:
        if isinstance(raw, dict) and (country := gold_country(raw.get("code"))):
            found.append(
                GoldActor(str(raw.get("actorText", "")), country, gold_sector(raw.get("sector")))
            )
    return tuple(found)


def read_plover(path: Path) -> Iterator[PloverItem]:
    """The coded sentences of ``PLOVER_GSR_CAMEO.json``, in file order."""
    for raw in read_json(path):
        kind, mode = plover_current(raw.get("event", ""), raw.get("mode"))
        text = raw.get("text")
        if kind is None or not text:
            continue
        info = raw.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        yield PloverItem(
            id=raw["id"],
            text=text,
            type=kind,
            mode=mode,
            source=_gold_actors(raw.get("source")),
            target=_gold_actors(raw.get("target")),
            triggers=tuple(markup_spans(text, markup, "EVT")),
        )


def _triggered_by(triggers: Sequence[tuple[int, int]]) -> Callable[[Event], bool]:
    """Whether any passage that mentions the event has a gold trigger as its trigger."""
    return lambda e: any(
        overlaps((m.start, m.end), t)
        for m in [e.trigger, *(m.trigger for m in e.mentions)]
        for t in triggers
    )


def score_plover(items: Iterable[PloverItem], run: Extractor, report: Report) -> None:
    """Event type, mode, source and target actor code of PLOVER GSR sentences."""
    confusion = Confusion("event type")
    typed = mode_n = mode_ok = src_n = src_ok = tar_n = tar_ok = 0
    for item in items:
        doc = document_for(run, item.text, None, report)
        if doc is None:
            continue
        event = best_event(doc.events, _triggered_by(item.triggers))
        predicted = event.type if event else "none"
        confusion.add(item.type, predicted)
        typed += predicted == item.type
        if predicted != item.type:
            report.miss(item.id, "event type", item.type, predicted)
        actors = actors_by_id(doc)
        if item.mode:
            mode_n += 1
            mode_ok += event is not None and (event.type, event.mode) == (item.type, item.mode)
        if item.source:
            src_n += 1
            src_ok += event is not None and any_match(item.source, event.source, actors)
        if item.target:
            tar_n += 1
            tar_ok += event is not None and any_match(item.target, event.target, actors)
    report.add("event type accuracy", typed, sum(confusion.counts.values()))
    report.add("mode accuracy", mode_ok, mode_n)
    report.add("source actor code", src_ok, src_n)
    report.add("target actor code", tar_ok, tar_n)
    report.confusions.append(confusion)
