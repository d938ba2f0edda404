"""Offsets: look-ups of stretches of text by position, in logarithmic time.

The stages ask "which mention overlaps these characters?" once per token, mention or event;
answered by scanning every mention, a document's cost grows with the square of its length.
``Intervals`` keeps the stretches sorted by start and answers from the few that can overlap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Intervals(Generic[T]):
    """Half-open stretches ``[start, end)`` with a value each, sorted by start.

    Stretches with the same start keep the order they were given in, so a caller that took
    the first match of a scan in that order gets the same one here.
    """

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        ordered = sorted(items, key=lambda item: item[0])
        self._starts = [item[0] for item in ordered]
        self._items = ordered
        # The longest stretch bounds how far before ``start`` an overlapping one can begin.
        self._longest = max((end - start for start, end, _ in ordered), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """The stretches that share a character with ``[start, end)``, in order of start."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        for item in self._items[first:last]:
            if item[1] > start:
                yield item

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any stretch shares a character with ``[start, end)``."""
        return next(self.overlapping(start, end), None) is not None

    def starting(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """The stretches that start in ``[start, end)``, in order of start."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)
        yield from self._items[first:last]

    def containing(self, position: int) -> Iterator[tuple[int, int, T]]:
        """The stretches that hold the character at ``position``."""
        return self.overlapping(position, position + 1)


def index_of(starts: Sequence[int], position: int) -> int:
    """The index of the last of the sorted ``starts`` at or before ``position`` (-1: none)."""
    return bisect_right(starts, position) - 1
