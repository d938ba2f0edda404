"""Every error eventwire raises on purpose.

EventwireError          base; anything else escaping is a bug and keeps its traceback
├── BadInput            an input we cannot read: .where names it, .reason says why
│   ├── EmptyText       nothing but whitespace
│   ├── NotUtf8         bytes that are not UTF-8 text
│   ├── BinaryInput     NUL or other control bytes: not an article
│   ├── TooLarge        over the size limit (settings.max_chars)
│   ├── BadDate         a publication date we cannot read
│   ├── BadJson         a JSON document or JSON line that does not parse
│   ├── BadCsv          a CSV file the csv module cannot split into rows
│   ├── MissingText     a record with no text field (JSON object, CSV row)
│   ├── BadArchive      a compressed file that is truncated or corrupt
│   ├── UnknownFormat   a named file whose extension eventwire cannot read
│   ├── Unreadable      a file the system will not let us read (missing, no permission)
│   └── NoArticles      a file or folder that yields no articles at all
├── ResourceError       a model, dictionary or gazetteer that cannot be loaded
└── StoreError          a store that cannot be opened, or is of another version
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


class BadJson(BadInput):
    """A JSON document or JSON line does not parse."""


class BadCsv(BadInput):
    """A CSV file cannot be split into rows."""


class MissingText(BadInput):
    """A record (JSON object, CSV row) has no text field."""


class BadArchive(BadInput):
    """A compressed file is truncated or corrupt."""


class UnknownFormat(BadInput):
    """A file named on the command line has an extension eventwire cannot read."""


class Unreadable(BadInput):
    """The system will not let us read a file: missing, a permission, an I/O error."""


class NoArticles(BadInput):
    """A file or folder yields no articles at all."""


class ResourceError(EventwireError):
    """A model, dictionary or gazetteer cannot be loaded; the message says how to fix it."""


class StoreError(EventwireError):
    """The store cannot be opened, is of another version, or refused a query; the message says
    what to run."""
