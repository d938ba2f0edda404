"""Every error eventwire raises on purpose.

EventwireError          base; anything else escaping is a bug and keeps its traceback
├── BadInput            an input we cannot read: .where names it, .reason says why
│   ├── EmptyText       nothing but whitespace
│   ├── NotUtf8         bytes that are not UTF-8 text
│   ├── BinaryInput     NUL or other control bytes: not an article
│   ├── TooLarge        over the size limit (settings.max_chars)
│   └── BadDate         a publication date we cannot read
└── ResourceError       a model, dictionary or gazetteer that cannot be loaded
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class BadInput(EventwireError):
    """An input we cannot read; .where names it, .reason says why."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


class EmptyText(BadInput):
    """The input holds no text."""


class NotUtf8(BadInput):
    """The input's bytes are not UTF-8."""


class BinaryInput(BadInput):
    """The input is binary data, not text."""


class TooLarge(BadInput):
    """The input is over the size limit."""


class BadDate(BadInput):
    """A date given by the caller cannot be read."""


class ResourceError(EventwireError):
    """A model, dictionary or gazetteer cannot be loaded; the message says how to fix it."""
