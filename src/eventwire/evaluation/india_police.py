"""IndiaPoliceEvents: sentence labels KILL, ARREST and FORCE as police ASSAULT/COERCE events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Actor, Event
from .gold import parse_date, read_jsonl
from .matching import actors_by_id, add_prf, mappings, overlaps
from .report import Extractor, Report, document_for


@dataclass(frozen=True)
class LabelledSentence:
    """A sentence of an article (character range) and its gold labels."""

    start: int
    end: int
    labels: frozenset[str]


@dataclass(frozen=True)
class PoliceItem:
    """An IndiaPoliceEvents article with its labelled sentences."""

    id: str
    text: str
    published: dt.date | None
    sentences: tuple[LabelledSentence, ...]


def read_police(path: Path) -> Iterator[PoliceItem]:
    """The articles of IndiaPoliceEvents, sentences located in the text in order."""
    dates = {
        r["doc_id"]: parse_date(r.get("date", "")) for r in read_jsonl(path / "metadata.jsonl")
    }
    sentences: dict[int, list[dict[str, Any]]] = {}
    for s in read_jsonl(path / "sents.jsonl"):
        sentences.setdefault(s["doc_id"], []).append(s)
    for raw in read_jsonl(path / "docs.jsonl"):
        text, cursor, found = raw["doc_text"], 0, []
        for s in sorted(sentences.get(raw["doc_id"], []), key=lambda s: int(s["sent_id"])):
            start = text.find(s["sent_text"], cursor)
            if start < 0:
                continue
            cursor = start + len(s["sent_text"])
            found.append(LabelledSentence(start, cursor, frozenset(s["sent_labels"])))
        yield PoliceItem(str(raw["doc_id"]), text, dates.get(raw["doc_id"]), tuple(found))


def _police(actor: Actor) -> bool:
    return actor.sector == "COP" or "police" in actor.name.lower()


def police_says(event: Event, rule: dict[str, Any], actors: dict[str, Actor]) -> bool:
    """Whether ``event`` is one the police label ``rule`` describes, with police as source."""
    if event.type not in rule["types"] or event.negated or event.hypothetical:
        return False
    if "modes" in rule and event.mode not in rule["modes"]:
        return False
    if rule.get("fatal") and not (event.fatalities or 0) > 0:
        return False
    return any(_police(actors[i]) for i in event.source if i in actors)


def passages(events: Iterable[Event]) -> Iterator[Event]:
    """Each passage that mentions an event, as what that passage itself says: the labels are
    a sentence's, so a sentence is scored on its own words, not on the event it is part of."""
    for event in events:
        if not event.mentions:
            yield event
        for m in event.mentions:
            yield event.model_copy(
                update={
                    "type": m.type,
                    "mode": m.mode,
                    "source": m.source,
                    "target": m.target,
                    "fatalities": m.fatalities,
                    "negated": m.negated,
                    "hypothetical": m.hypothetical,
                    "sentence": m.sentence,
                }
            )


def score_police(items: Iterable[PoliceItem], run: Extractor, report: Report) -> None:
    """Sentence-level KILL, ARREST and FORCE as police ASSAULT/COERCE events."""
    rules: dict[str, dict[str, Any]] = mappings()["police_labels"]
    counts = {label: [0, 0, 0] for label in rules}  # tp, fp, fn
    for item in items:
        doc = document_for(run, item.text, item.published, report)
        if doc is None:
            continue
        actors = actors_by_id(doc)
        for label, rule in rules.items():
            spans = [
                (m.sentence.start, m.sentence.end)
                for m in passages(doc.events)
                if police_says(m, rule, actors)
            ]
            for s in item.sentences:
                said = any(overlaps((s.start, s.end), span) for span in spans)
                gold = label in s.labels
                counts[label][0] += said and gold
                counts[label][1] += said and not gold
                counts[label][2] += gold and not said
                if said != gold:
                    ours = label if said else "not " + label
                    report.miss(item.id, f"{label}, {s.start}-{s.end}", sorted(s.labels), ours)
    for label, (tp, fp, fn) in counts.items():
        add_prf(report, label, tp, fp, fn)
