"""The spans of one article for the article page and the API: every extracted value's
characters, with the value it became (computed here, on the server, so the page only draws)."""

from __future__ import annotations

from typing import NotRequired

from typing_extensions import TypedDict

from ..records import Document


class TextSpan(TypedDict):
    """A highlighted span of an article: what kind of value it gave, and the value."""

    start: int
    end: int
    kind: str  # actor, place, date, trigger, quote, speaker
    label: str
    ref: str  # the id of the record it belongs to (a1, p2, t3, e4, q5)
    mention: NotRequired[int]  # a trigger's place among its event's mentions, from 0


def _codes(*codes: str | None) -> str:
    given = [c for c in codes if c]
    return f" ({' '.join(given)})" if given else ""


def spans(document: Document) -> list[TextSpan]:
    """Every extracted span of ``document`` with the value it became, sorted by start (longer
    first where two start together)."""
    found: list[TextSpan] = []
    actor_names = {a.id: a.name for a in document.actors}
    for actor in document.actors:
        label = actor.name + _codes(actor.country, actor.sector, actor.wikidata)
        found += [
            TextSpan(start=m.start, end=m.end, kind="actor", label=label, ref=actor.id)
            for m in actor.mentions
        ]
    for place in document.places:
        where = (
            f"{place.lat:.4f}, {place.lon:.4f}"
            if place.lat is not None and place.lon is not None
            else "not placed" + (f": {place.reason}" if place.reason else "")
        )
        label = f"{place.name}{_codes(place.country)}: {where} ({place.precision})"
        found += [
            TextSpan(start=m.start, end=m.end, kind="place", label=label, ref=place.id)
            for m in place.mentions
        ]
    dated_by: dict[tuple[int, int], list[str]] = {}
    for event in document.events:
        for when in (event.when, *(m.when for m in event.mentions)):
            if when is not None and when.start is not None and when.end is not None:
                dating = dated_by.setdefault((when.start, when.end), [])
                if (label := f"{event.id} {when.basis}") not in dating:
                    dating.append(label)
    for time in document.times:
        label = time.value or f"unresolved: {time.reason or 'no date'}"
        if time.precision and time.value:
            label += f" ({time.precision})"
        if events_dated := dated_by.get((time.start, time.end)):
            label += f"; dates {', '.join(events_dated)}"
        found.append(
            TextSpan(start=time.start, end=time.end, kind="date", label=label, ref=time.id)
        )
    for event in document.events:
        when = event.when
        date = f"{when.date} ({when.basis})" if when is not None else "undated"
        flags = [
            name
            for name, on in (
                ("negated", event.negated),
                ("hypothetical", event.hypothetical),
                ("future", event.future),
            )
            if on
        ]
        label = f"{event.type}{'/' + event.mode if event.mode else ''}, {date}"
        if flags:
            label += f", {', '.join(flags)}"
        if not event.mentions:
            found.append(
                TextSpan(
                    start=event.trigger.start,
                    end=event.trigger.end,
                    kind="trigger",
                    label=label,
                    ref=event.id,
                )
            )
        for i, mention in enumerate(event.mentions):
            # Every passage that reports the event is lit, each saying which of them it is.
            said = f"; mention {i + 1} of {len(event.mentions)}"
            if mention.fatalities is not None:
                said += f", {mention.fatalities} dead"
            found.append(
                TextSpan(
                    start=mention.trigger.start,
                    end=mention.trigger.end,
                    kind="trigger",
                    label=label + said,
                    ref=event.id,
                    mention=i,
                )
            )
    for quote in document.quotes:
        if quote.speaker is not None:
            said = f"said by {actor_names.get(quote.speaker, quote.speaker_text or quote.speaker)}"
        else:
            said = f"speaker unresolved: {quote.unresolved_reason or 'not named'}"
        found.append(
            TextSpan(start=quote.start, end=quote.end, kind="quote", label=said, ref=quote.id)
        )
        if quote.speaker_span is not None:
            name = actor_names.get(quote.speaker or "", quote.speaker_text or "")
            found.append(
                TextSpan(
                    start=quote.speaker_span.start,
                    end=quote.speaker_span.end,
                    kind="speaker",
                    label=f"speaker of {quote.id}: {name}",
                    ref=quote.id,
                )
            )
    return sorted(found, key=lambda s: (s["start"], -s["end"], s["kind"], s["ref"]))
