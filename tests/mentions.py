"""Documents whose events have several mentions, built by hand from real extracted ones, so
that the store, exports, web and fusion can be tested on grouped events whatever the
extraction stage groups today.

``grouped`` folds every event of one type into one event (the first keeps its id) and gives
each role a basis, so that between them the events use every ``RoleBasis`` and date basis.
"""

from __future__ import annotations

from eventwire.records import Document, Event, Mention, When


def mention_of(event: Event) -> Mention:
    """The mention an ungrouped event stands for: its trigger, sentence and its own values."""
    return Mention(
        trigger=event.trigger,
        sentence=event.sentence,
        type=event.type,
        mode=event.mode,
        source=event.source,
        target=event.target,
        place=event.place,
        when=event.when,
        fatalities=event.fatalities,
        negated=event.negated,
        hypothetical=event.hypothetical,
        future=event.future,
    )


def _filled(
    members: list[Event], own: list[str], others: list[list[str]], fallback: list[str]
) -> tuple[list[str], str | None]:
    if own:
        return own, "stated"
    for found in others:
        if found:
            return found, "coreferent"
    if fallback:
        return fallback, "inherited"
    return [], None


def group(document: Document, members: list[Event]) -> Event:
    """One event told by ``members`` (in text order): the first's values, each missing one
    filled from another member (coreferent), the events before it (inherited) or the article's
    first place (article)."""
    first, rest = members[0], members[1:]
    outside = [e for e in document.events if e not in members]
    elsewhere = next((e.source for e in outside if e.source), [])
    source, source_basis = _filled(members, first.source, [e.source for e in rest], elsewhere)
    target, target_basis = _filled(members, first.target, [e.target for e in rest], elsewhere)
    place, place_basis = first.place, "stated" if first.place else None
    if place is None:
        place = next((e.place for e in rest if e.place), None)
        place_basis = "coreferent" if place else None
    if place is None:
        before = [e.place for e in outside if e.place and e.trigger.start < first.trigger.start]
        if before:
            place, place_basis = before[-1], "inherited"
        elif document.places:
            place, place_basis = document.places[0].id, "article"
    when = first.when
    if when is None or when.basis != "stated":
        stated = next((e.when for e in rest if e.when and e.when.basis == "stated"), None)
        if stated is not None:
            when = When(**{**stated.model_dump(), "basis": "coreferent"})
    return first.model_copy(
        update={
            "source": source,
            "target": target,
            "place": place,
            "when": when,
            "undated_reason": None if when else first.undated_reason,
            "fatalities": next((e.fatalities for e in members if e.fatalities is not None), None),
            "source_basis": source_basis,
            "target_basis": target_basis,
            "place_basis": place_basis,
            "mentions": [mention_of(e) for e in members],
        }
    )


def grouped(document: Document) -> Document:
    """``document`` with the events of each type grouped into one (ids of the first kept)."""
    by_type: dict[str, list[Event]] = {}
    for event in document.events:
        by_type.setdefault(event.type, []).append(event)
    events = [group(document, members) for members in by_type.values()]
    events.sort(key=lambda e: e.trigger.start)
    return document.model_copy(update={"events": events})


def bases(documents: list[Document]) -> set[str]:
    """Every (field, basis) the documents' events use, to check test data covers them all."""
    found: set[str] = set()
    for document in documents:
        for e in document.events:
            for name, basis in (
                ("source", e.source_basis),
                ("target", e.target_basis),
                ("place", e.place_basis),
                ("date", e.when.basis if e.when else None),
            ):
                if basis:
                    found.add(f"{name}:{basis}")
    return found
