"""Ingest: bytes or text in, a checked ``Article`` out, or a ``BadInput`` that says why not."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

from ..errors import (
    BadDate,
    BadInput,
    BadJson,
    BinaryInput,
    EmptyText,
    MissingText,
    NotUtf8,
    TooLarge,
)
from ..records import Article, PublishedFrom

# Control characters other than tab, newline, carriage return and form feed mark binary data.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A lone surrogate cannot be written in UTF-8; a JSON "\ud800" escape decodes to one.
SURROGATE = re.compile(r"[\ud800-\udfff]")


def decode(data: bytes, where: str) -> str:
    """The UTF-8 text of ``data`` (a leading byte-order mark dropped), or ``BadInput``; UTF-16
    where a byte-order mark says so (Windows' "Unicode" text files)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as e:
            raise NotUtf8(where, f"not UTF-16 as its byte-order mark says ({e.reason})") from e
    if b"\x00" in data[:8192]:
        raise BinaryInput(where, "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 1].hex()
        raise NotUtf8(where, f"not UTF-8 (byte 0x{bad} at offset {e.start})") from e
    return text.removeprefix("\ufeff")


def parse_date(value: str, where: str) -> dt.date:
    """The date of ``value``, written ``YYYY-MM-DD`` or as an ISO datetime; else ``BadDate``.

    A datetime keeps the calendar day it was written in (``2025-03-14 23:30:00-05:00`` is the
    14th): that is the day the outlet printed, which is what relative dates in its text count from.
    """
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError as e:
        raise BadDate(where, f"{value!r} is not a date: use YYYY-MM-DD") from e


def article_id(text: str) -> str:
    """First 16 hex digits of the sha256 of the whitespace-normalised text."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def guess_title(text: str) -> str | None:
    """The first line when it stands alone as a headline: short, unpunctuated, text after it."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= 200 and not first.endswith((".", '"', "”", ":")):
        return first
    return None


def read_article(
    text: str,
    where: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published_from: PublishedFrom = "given",
    max_chars: int = 1_000_000,
) -> Article:
    """A checked ``Article`` for ``text``; ``BadInput`` for text that cannot be an article."""
    for name, value in (("text", text), ("title", title), ("url", url), ("source", source)):
        surrogate = SURROGATE.search(value or "")
        if surrogate:
            raise NotUtf8(
                where,
                f"not UTF-8 (lone surrogate U+{ord(surrogate.group()):04X} "
                f"at offset {surrogate.start()} of the {name})",
            )
    if isinstance(published, dt.datetime):
        # The calendar day it was written in, as parse_date reads an ISO datetime.
        published = published.date()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > max_chars:
        raise TooLarge(
            where,
            f"{len(text):,} characters, over the limit of {max_chars:,} "
            "(split the text, or raise EVENTWIRE_MAX_CHARS)",
        )
    if not text.strip():
        raise EmptyText(where, "empty: no text to read")
    control = CONTROL.search(text)
    if control:
        raise BinaryInput(
            where,
            f"binary data, not text (control character {control.group()!r} "
            f"at offset {control.start()})",
        )
    # Metadata goes into every store and page too: PostgreSQL refuses NUL in text.
    for name, value in (("title", title), ("url", url), ("source", source)):
        control = CONTROL.search(value or "")
        if control:
            raise BinaryInput(
                where,
                f"the {name} holds a control character ({control.group()!r} "
                f"at offset {control.start()})",
            )
    return Article(
        id=article_id(text),
        url=url,
        title=title if title is not None else guess_title(text),
        source=source,
        published=published,
        published_from=published_from if published else "unknown",
        text=text,
    )


def read_json(text: str, where: str, *, max_chars: int = 1_000_000) -> Article:
    """An ``Article`` from a JSON object: ``text``, and title, url, source, published if there."""
    try:
        record: Any = json.loads(text)
    except json.JSONDecodeError as e:
        raise BadJson(where, f"not valid JSON ({e.msg} at line {e.lineno})") from e
    return read_record(record, where, max_chars=max_chars)


def read_record(record: Any, where: str, *, max_chars: int = 1_000_000) -> Article:
    """An ``Article`` from one parsed record (a JSON object, a CSV row mapped to our names).

    ``published`` (or ``date``) may be ``YYYY-MM-DD`` or an ISO datetime; title, url and source
    must be strings when present. Other fields are ignored: archives carry ids, authors, tags.
    """
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise MissingText(where, 'a JSON article must be an object with a "text" string')
    metadata: dict[str, str | None] = {}
    for name in ("title", "url", "source", "published", "date"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise BadInput(where, f'"{name}" must be a string, not {type(value).__name__}')
        metadata[name] = value.strip() or None if isinstance(value, str) else None
    published = metadata["published"] or metadata["date"]
    return read_article(
        record["text"],
        where,
        published=parse_date(published, f"{where}: published") if published else None,
        title=metadata["title"],
        url=metadata["url"],
        source=metadata["source"],
        published_from="metadata",
        max_chars=max_chars,
    )
