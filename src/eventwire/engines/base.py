"""The engine protocol: articles in, a ``Document`` or a ``Failure`` out for every one of them.

An engine only extracts. It never opens the store: the driver that feeds it is the one writer,
so a store has one writer however many processes or machines extract.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from ..errors import BadInput
from ..records import Article, Document


@dataclass(frozen=True)
class Failure:
    """An article extraction refused with a ``BadInput``: its class name and reason."""

    article_id: str
    error: str
    reason: str

    @classmethod
    def of(cls, article: Article, error: BadInput) -> Failure:
        """The failure of ``article`` with ``error``."""
        return cls(article.id, type(error).__name__, error.reason)


Outcome = Document | Failure


class Engine(Protocol):
    """Runs extraction over many articles."""

    def extract(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """A ``Document`` or a ``Failure`` for each article, in any order.

        Articles are pulled lazily, so the caller may feed an endless stream; any exception
        other than ``BadInput`` is a bug and propagates with its traceback.
        """
        ...
