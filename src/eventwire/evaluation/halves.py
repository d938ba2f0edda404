"""Tune and check halves: every development set split once, by a hash of each item's id.

Rules, dictionaries and training are written from the tune half; the check half is scored only
in aggregate, so its figure says what a user's unseen text would get. The split depends on the
id alone, never on file order or on the code, so it cannot drift as the sets or readers change.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "check", "all"]
HALVES: tuple[Half, ...] = ("tune", "check", "all")


def half_of(item_id: str) -> Literal["tune", "check"]:
    """The half an item belongs to: the low bit of the SHA-256 of its id."""
    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return "tune" if digest[-1] % 2 == 0 else "check"


def in_half(item_id: str, half: Half) -> bool:
    """Whether an item with this id is scored when ``half`` is asked for."""
    return half == "all" or half_of(item_id) == half
