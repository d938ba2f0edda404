"""Actors: who is named in the article, from the actor dictionary and from NER, with coreference."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from .records import Actor


class ActorDictionary:
    """The shipped dictionary of conflict actors with their aliases; see data/actors.yaml."""

    @classmethod
    def load(cls, path: Path) -> ActorDictionary:
        """The dictionary read from ``path``."""
        raise NotImplementedError


def find(doc: Doc, dictionary: ActorDictionary) -> list[Actor]:
    """Actors named in ``doc``, every mention (pronouns resolved by coreference included)."""
    raise NotImplementedError


class MentionIndex:
    """Which actor a stretch of text refers to, for the stages that come after actors."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self._mentions = sorted(
            ((m.start, m.end, actor) for actor in actors for m in actor.mentions),
            key=lambda item: (item[0], -item[1]),
        )

    def within(self, start: int, end: int) -> list[Actor]:
        """Actors with a mention inside ``start:end``, in text order, each once."""
        found: list[Actor] = []
        for m_start, m_end, actor in self._mentions:
            if m_start >= start and m_end <= end and actor not in found:
                found.append(actor)
        return found

    def at(self, start: int, end: int) -> Actor | None:
        """The actor whose mention overlaps ``start:end`` most, or None."""
        best: tuple[int, Actor] | None = None
        for m_start, m_end, actor in self._mentions:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, actor)
        return best[1] if best else None
