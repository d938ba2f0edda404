"""Quotes: direct and partial quotations and their speakers."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .records import Actor, Quote


def find(doc: Doc, actors: Sequence[Actor]) -> list[Quote]:
    """Quotations in ``doc``; a speaker the text never names is null, with the reason."""
    raise NotImplementedError
