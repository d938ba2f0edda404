"""PETRARCH2 validation records (``PETR2_GSR_validation.xml``): CAMEO root, source, target.

The event that codes a gold coding is the most confident predicted event whose type the gold
CAMEO root covers (``cameo_roots`` in ``data/eval_mappings.yaml``); else the most confident
event. No event counts as wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import Event
from .gold import parse_date
from .matching import GoldActor, actors_by_id, any_match, best_event, cameo_actor, mappings
from .report import Confusion, Extractor, Report, Row, document_for


@dataclass(frozen=True)
class CameoCoding:
    """One hand-corrected CAMEO coding of a sentence."""

    code: str
    source: GoldActor | None
    target: GoldActor | None

    @property
    def root(self) -> str:
        """The two-digit CAMEO root."""
        return self.code[:2]


@dataclass(frozen=True)
class PetrarchItem:
    """A PETRARCH2 validation sentence with its codings (none: the sentence codes no event)."""

    id: str
    text: str
    published: dt.date | None
    codings: tuple[CameoCoding, ...]


SENTENCE = re.compile(r"<Sentence\s([^>]*?)/?>(.*?)(?=<Sentence\s|</Sentences>|\Z)", re.S)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def read_petrarch(path: Path) -> Iterator[PetrarchItem]:
    """The sentences of a PETRARCH validation file (not well-formed XML: read by pattern)."""
    content = path.read_text(encoding="utf-8")
    content = content[content.find("<Sentences>") :]
    for m in SENTENCE.finditer(content):
        attributes = dict(ATTRIBUTE.findall(m.group(1)))
        body = m.group(2)
        text_match = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not text_match:
            continue
        codings = []
        for tag in re.findall(r"<EventCoding\s([^>]*?)/?>", body):
            a = dict(ATTRIBUTE.findall(tag))
            if "eventcode" in a:
                codings.append(
                    CameoCoding(
                        a["eventcode"],
                        cameo_actor(a.get("sourcecode", "")),
                        cameo_actor(a.get("targetcode", "")),
                    )
                )
        yield PetrarchItem(
            id=attributes.get("id", ""),
            text=" ".join(text_match.group(1).split()),
            published=parse_date(attributes.get("date", "")),
            codings=tuple(codings),
        )


def _typed(types: Sequence[str]) -> Callable[[Event], bool]:
    return lambda e: e.type in types


def score_petrarch(items: Iterable[PetrarchItem], run: Extractor, report: Report) -> None:
    """CAMEO root (through PLOVER types), source and target code of PETRARCH2 sentences."""
    roots: dict[str, list[str]] = mappings()["cameo_roots"]
    confusion = Confusion("CAMEO root against our type")
    root_n = root_ok = src_n = src_ok = tar_n = tar_ok = quiet_n = quiet_ok = unmapped = 0
    for item in items:
        doc = document_for(run, item.text, item.published, report)
        if doc is None:
            continue
        if not item.codings:
            quiet_n += 1
            quiet_ok += not doc.events
            continue
        actors = actors_by_id(doc)
        for coding in item.codings:
            covering = roots.get(coding.root, [])
            if not covering:
                unmapped += 1
                continue
            event = best_event(doc.events, _typed(covering))
            predicted = event.type if event else "none"
            confusion.add(coding.root, predicted)
            root_n += 1
            root_ok += predicted in covering
            if predicted not in covering:
                report.miss(item.id, "CAMEO root", coding.root, predicted)
            if coding.source:
                src_n += 1
                src_ok += event is not None and any_match([coding.source], event.source, actors)
            if coding.target:
                tar_n += 1
                tar_ok += event is not None and any_match([coding.target], event.target, actors)
    report.add("CAMEO root accuracy", root_ok, root_n)
    report.add("source actor code", src_ok, src_n)
    report.add("target actor code", tar_ok, tar_n)
    report.add("no-event sentences left without events", quiet_ok, quiet_n)
    report.rows.append(
        Row("codings with a root no PLOVER type covers (not scored)", None, unmapped)
    )
    report.confusions.append(confusion)
