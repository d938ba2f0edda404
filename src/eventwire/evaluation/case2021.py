"""CASE 2021 task 2 snippets: a label per snippet, 25 of them ACLED sub-event types.

The snippet's main event is chosen as for an ACLED note (``acled.main_event``), among the
events ACLED codes at all where there are any (``coded_main_event``), and read as an
ACLED sub-event type as the ACLED export reads it (``acled_reading``): its PLOVER type and mode,
and the snippet's words and the event's actors where the sub-event type turns on more (a
grenade, ground taken, what the police did at a protest). A snippet with no event reads as
"none". The report also gives the share of labels the type and mode alone could give (the
codebook's crosswalk): what the reading adds beyond that is read from the words.

For the five labels outside ACLED (disasters, organised crime, diplomacy, attribution of
responsibility), the measure is the share where eventwire reports no political violence: no
event, neither negated nor hypothetical, of a type whose ACLED reading is political violence or
a demonstration (``VIOLENT_ACLED_TYPES``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..extraction.acled_reading import acled_reading
from ..extraction.codebook import Codebook
from ..records import Document, Event
from .acled import main_event
from .matching import mappings
from .report import Confusion, Extractor, Report, document_for

CASE_FILE = "test_set_final_release_with_labels.tsv"
# ACLED's event types of political violence and demonstrations; its sixth, "Strategic
# developments" (agreements, arrests, troop movements), is not violence.
VIOLENT_ACLED_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"}
)


@dataclass(frozen=True)
class CaseItem:
    """A CASE 2021 snippet with its label and the ACLED sub-event type it names (None outside
    ACLED)."""

    id: str
    text: str
    label: str
    sub_event_type: str | None


def read_case(path: Path) -> Iterator[CaseItem]:
    """The snippets of the CASE 2021 task 2 TSV (``id``, ``EventSnippet``, ``SubType``)."""
    labels: dict[str, str | None] = mappings()["case2021_labels"]
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            text = (row.get("EventSnippet") or "").strip()
            label = (row.get("SubType") or "").strip()
            if not text or label not in labels:
                continue
            yield CaseItem(str(row.get("id", "")).strip(), text, label, labels[label])


@cache
def _codebook() -> Codebook:
    return Codebook.load()


def _reading(event: Event, doc: Document) -> tuple[str | None, str | None]:
    """ACLED's reading of ``event``, with the snippet as its notes (a snippet is one report, as
    an ACLED note is)."""
    actors = {a.id: a for a in doc.actors}
    return acled_reading(
        _codebook(),
        event.type,
        event.mode,
        doc.article.text,
        [actors[i] for i in event.source if i in actors],
        [actors[i] for i in event.target if i in actors],
    )


def coded_main_event(doc: Document) -> Event | None:
    """The snippet's main event among those ACLED codes at all (``acled.main_event``'s choice
    over them): a coder reading a note looks for the violence, protest or strategic move in it,
    not for the visit or the talk beside it; the main event of all where none is coded."""
    coded = [e for e in doc.events if _reading(e, doc)[0] is not None]
    if not coded:
        return main_event(doc)
    return main_event(doc.model_copy(update={"events": coded}))


def acled_sub_event(event: Event | None, doc: Document) -> str:
    """The ACLED sub-event type of our event; "none" without an event or where ACLED codes no
    such event."""
    if event is None:
        return "none"
    return _reading(event, doc)[1] or "none"


def reports_political_violence(doc: Document) -> bool:
    """Whether any real event of ``doc`` is one ACLED would code as violence or a protest."""
    return any(
        _reading(e, doc)[0] in VIOLENT_ACLED_TYPES
        for e in doc.events
        if not (e.negated or e.hypothetical)
    )


def score_case(items: Iterable[CaseItem], run: Extractor, report: Report) -> None:
    """ACLED sub-event type of the 25 ACLED labels; no political violence for the other five."""
    labels: dict[str, str | None] = mappings()["case2021_labels"]
    codes = {sub: code for code, sub in labels.items() if sub}
    confusion = Confusion("CASE label against our ACLED sub-event type")
    sub_n = sub_ok = quiet_n = quiet_ok = 0
    quiet_by_label: dict[str, list[int]] = {}
    for item in items:
        doc = document_for(run, item.text, None, report)
        if doc is None:
            continue
        if item.sub_event_type is not None:
            predicted = acled_sub_event(coded_main_event(doc), doc)
            confusion.add(item.label, codes.get(predicted, predicted))
            sub_n += 1
            sub_ok += predicted == item.sub_event_type
            if predicted != item.sub_event_type:
                report.miss(item.id, "ACLED sub-event type", item.sub_event_type, predicted)
            continue
        violent = reports_political_violence(doc)
        counts = quiet_by_label.setdefault(item.label, [0, 0])
        counts[0] += 1
        counts[1] += not violent
        quiet_n += 1
        quiet_ok += not violent
        if violent:
            report.miss(item.id, "no political violence", item.label, "violence reported")
    report.add("ACLED sub-event type, 25 ACLED labels", sub_ok, sub_n)
    reachable = {sub for _, sub in _codebook().acled_export.values() if sub}
    within = sum(n for (gold, _), n in confusion.counts.items() if labels[gold] in reachable)
    report.add("labels the crosswalk can give (the ceiling)", within, sub_n)
    report.add("no political violence, 5 labels outside ACLED", quiet_ok, quiet_n)
    for label, (n, ok) in sorted(quiet_by_label.items()):
        report.add(f"no political violence, {label}", ok, n)
    report.confusions.append(confusion)
