"""Events: PLOVER-typed events with source and target from the dependency parse."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from .records import Actor, Event, Place, Time


class EventLexicon:
    """Trigger words and patterns mapped to PLOVER type and mode; see data/event_lexicon.yaml."""

    @classmethod
    def load(cls, path: Path) -> EventLexicon:
        """The lexicon read from ``path``."""
        raise NotImplementedError


def find(
    doc: Doc,
    actors: Sequence[Actor],
    places: Sequence[Place],
    times: Sequence[Time],
    lexicon: EventLexicon,
) -> list[Event]:
    """Events in ``doc`` with their actors, place and date."""
    raise NotImplementedError
