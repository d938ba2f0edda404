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


def mentions_of(event: Event) -> list[Mention]:
    """The passages an event was read from: its mentions, or itself when it has none."""
    return list(event.mentions) or [mention_of(event)]


def _filled(
    own: list[str], others: list[list[str]], before: list[list[str]]
) -> tuple[list[str], str | None]:
    if own:
        return own, "stated"
    for found in others:
        if found:
            return found, "coreferent"
    for found in reversed(before):
        if found:
            return found, "inherited"
    return [], None


def group(document: Document, members: list[Event]) -> Event:
    """One event told by every mention of ``members``: the first mention's values, each
    missing one filled from another mention (coreferent), from mentions of other events before
    it (inherited) or, for the place, the article's first place (article)."""
    told = sorted((m for e in members for m in mentions_of(e)), key=lambda m: m.trigger.start)
    first, rest = told[0], told[1:]
    before = sorted(
        (m for e in document.events if e not in members for m in mentions_of(e)),
        key=lambda m: m.trigger.start,
    )
    before = [m for m in before if m.trigger.start < first.trigger.start]
    source, source_basis = _filled(
        first.source, [m.source for m in rest], [m.source for m in before]
    )
    target, target_basis = _filled(
        first.target, [m.target for m in rest], [m.target for m in before]
    )
    places, place_basis = _filled(
        [first.place] if first.place else [],
        [[m.place] if m.place else [] for m in rest],
        [[m.place] if m.place else [] for m in before],
    )
    place = places[0] if places else None
    if place is None and document.places:
        place, place_basis = document.places[0].id, "article"
    when = first.when if first.when and first.when.basis == "stated" else None
    if when is None:
        stated = next((m.when for m in rest if m.when and m.when.basis == "stated"), None)
        when = When(**{**stated.model_dump(), "basis": "coreferent"}) if stated else None
    when = when or members[0].when
    return members[0].model_copy(
        update={
            "trigger": first.trigger,
            "sentence": first.sentence,
            "mode": first.mode or members[0].mode,
            "source": source,
            "target": target,
            "place": place,
            "when": when,
            "undated_reason": None if when else members[0].undated_reason,
            "fatalities": next((m.fatalities for m in told if m.fatalities is not None), None),
            "source_basis": source_basis,
            "target_basis": target_basis,
            "place_basis": place_basis,
            "mentions": told,
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
