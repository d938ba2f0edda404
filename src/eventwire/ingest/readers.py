"""Readers: files, folders and stdin in; each record out as an ``Entry`` or a ``Quarantined``.

Formats go by extension: ``.txt`` (one article), ``.json`` (an object or a list of them),
``.jsonl`` (an object a line), ``.csv`` (columns named by ``ReadOptions``), ``.html``/``.htm``
(main text, title and date by trafilatura), and ``.gz`` of any of these by the inner extension.
Nothing here raises on bad input: a record that cannot be read becomes a ``Quarantined`` naming
where it was and why, and the rest of the input goes on. A folder's files of other types are
yielded as ``Skipped`` so they can be counted; a file named explicitly must be readable.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from ..errors import (
    BadArchive,
    BadCsv,
    BadDate,
    BadInput,
    BadJson,
    BinaryInput,
    EmptyText,
    MissingText,
    NoArticles,
    NotUtf8,
    UnknownFormat,
    Unreadable,
)
from ..records import Article, Location, Quarantined
from .articles import decode, parse_date, read_article, read_json, read_record

STDIN = "-"
STDIN_NAME = "<stdin>"
GZIP_MAGIC = b"\x1f\x8b"
# Errors a gzip stream raises when it is truncated or corrupt (BadGzipFile is an OSError).
ARCHIVE_ERRORS = (EOFError, zlib.error, OSError)


@dataclass(frozen=True)
class ReadOptions:
    """How to read the inputs: the CSV column names, and the longest article accepted."""

    text_column: str = "text"
    title_column: str = "title"
    url_column: str = "url"
    source_column: str = "source"
    published_column: str = "published"
    max_chars: int = 1_000_000


@dataclass(frozen=True)
class Entry:
    """An article read from the input, and where it was."""

    article: Article
    location: Location


@dataclass(frozen=True)
class Skipped:
    """A file in a folder that is of no type eventwire reads; counted, never silently dropped."""

    path: str
    suffix: str


Item = Entry | Quarantined | Skipped


def quarantined(error: BadInput, location: Location, article_id: str | None = None) -> Quarantined:
    """The quarantine record for ``error`` at ``location``."""
    return Quarantined(
        location=location, error=type(error).__name__, reason=error.reason, article_id=article_id
    )


def read_paths(
    paths: Iterable[str], options: ReadOptions | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Every record in ``paths`` (files, folders, ``-`` for ``stdin``), in a stable order.

    A path that yields no article and no quarantined record at all is itself quarantined as
    ``NoArticles``, so an empty folder or a folder of PDFs is reported, not passed over.
    """
    options = options or ReadOptions()
    for path in paths:
        if path == STDIN:
            items = read_stdin(stdin, options)
        elif os.path.isdir(path):
            items = read_folder(path, options)
        else:
            items = read_file(path, options, named=True)
        skipped: list[str] = []
        reported = False
        for item in items:
            if isinstance(item, Skipped):
                skipped.append(item.suffix)
            else:
                reported = True
            yield item
        if not reported:
            name = STDIN_NAME if path == STDIN else path
            reason = "no files of a type eventwire reads"
            if skipped:
                reason += f" ({len(skipped)} skipped: {_suffix_counts(skipped)})"
            yield quarantined(NoArticles(name, reason), Location(file=name))


def _suffix_counts(suffixes: list[str]) -> str:
    counts: dict[str, int] = {}
    for suffix in suffixes:
        counts[suffix] = counts.get(suffix, 0) + 1
    return ", ".join(f"{n} {s}" for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def folder_files(folder: str) -> Iterator[str]:
    """The files under ``folder``, recursively, sorted by path so every run sees one order.

    Sorted as a whole (``a.txt``, ``b/1.txt``, ``c.txt``), which is what a user reading a listing
    expects, and what makes the order independent of the file system's.
    """
    found = [os.path.join(root, name) for root, _dirs, files in os.walk(folder) for name in files]
    yield from sorted(found, key=lambda path: Path(path).relative_to(folder).parts)


def read_folder(folder: str, options: ReadOptions) -> Iterator[Item]:
    """The records of every readable file under ``folder``; others come back as ``Skipped``."""
    for path in folder_files(folder):
        if format_of(path)[0] is None:
            yield Skipped(path, suffix_of(path))
        else:
            yield from read_file(path, options, named=False)


def suffix_of(path: str) -> str:
    """The extension a user would name: ``.jsonl.gz`` for a compressed file, else the last."""
    suffixes = [s.lower() for s in Path(path).suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return "".join(suffixes[-2:])
    return suffixes[-1] if suffixes else "(none)"


def format_of(path: str) -> tuple[str | None, bool]:
    """The format (``txt``, ``json``, ``jsonl``, ``csv``, ``html``) and whether it is gzipped."""
    name = Path(path.lower())
    compressed = name.suffix == ".gz"
    if compressed:
        name = name.with_suffix("")
    kind = {".htm": "html"}.get(name.suffix, name.suffix.removeprefix("."))
    return (kind if kind in READERS else None), compressed


def read_file(path: str, options: ReadOptions, *, named: bool) -> Iterator[Item]:
    """The records of one file; a file that cannot be opened or read is one ``Quarantined``."""
    kind, compressed = format_of(path)
    where = Location(file=path)
    if kind is None:
        if named:
            known = ", ".join(sorted({*READERS, "htm"}))
            reason = f"unknown file type {suffix_of(path)!r}: eventwire reads {known} (or .gz)"
            yield quarantined(UnknownFormat(path, reason), where)
        return
    try:
        raw = open(path, "rb")  # noqa: SIM115 (a generator: closed by the with below)
    except OSError as e:
        yield quarantined(Unreadable(path, e.strerror or str(e)), where)
        return
    with raw:
        stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb")) if compressed else raw
        yield from read_stream(stream, path, kind, options, compressed=compressed)


def read_stream(
    stream: IO[bytes], name: str, kind: str, options: ReadOptions, *, compressed: bool
) -> Iterator[Item]:
    """The records of an open stream; a stream that breaks off is reported after what it gave.

    Records read before a ``.gz`` turns out truncated are kept: they are whole, and losing them
    would punish the good part of the file for the bad end.
    """
    count = 0
    try:
        for item in READERS[kind](stream, name, options):
            count += 1
            yield item
    except ARCHIVE_ERRORS as e:
        if compressed:
            error: BadInput = BadArchive(name, f"truncated or corrupt gzip ({e})")
        else:
            error = Unreadable(name, f"read failed ({e})")
        if count:
            error.reason += f" after {count} record{'s' * (count != 1)}; the rest is lost"
        yield quarantined(error, Location(file=name))
        return
    if count == 0:
        yield quarantined(NoArticles(name, "no records in the file"), Location(file=name))


def read_txt(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[Item]:
    """One article: the whole file."""
    where = Location(file=name)
    try:
        text = decode(stream.read(), name)
        yield Entry(read_article(text, name, max_chars=options.max_chars), where)
    except BadInput as e:
        yield quarantined(e, where)


def read_json_file(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[Item]:
    """One article for a JSON object; one per element, each located by index, for a list."""
    where = Location(file=name)
    try:
        text = decode(stream.read(), name)
        if not text.strip():
            raise EmptyText(name, "empty: no JSON to read")
        records: Any = json.loads(text)
    except json.JSONDecodeError as e:
        yield quarantined(BadJson(name, f"not valid JSON ({e.msg} at line {e.lineno})"), where)
        return
    except BadInput as e:
        yield quarantined(e, where)
        return
    if isinstance(records, list):
        located = [(r, Location(file=name, index=i)) for i, r in enumerate(records)]
    else:
        located = [(records, where)]
    for record, at in located:
        try:
            yield Entry(read_record(record, str(at), max_chars=options.max_chars), at)
        except BadInput as e:
            yield quarantined(e, at)


def read_jsonl(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[Item]:
    """One article a line, read as a stream; blank lines are no records and are passed over."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        at = Location(file=name, line=number)
        try:
            text = decode(line.rstrip(b"\r\n"), str(at))
            yield Entry(read_json(text, str(at), max_chars=options.max_chars), at)
        except BadInput as e:
            yield quarantined(e, at)


def read_csv(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[Item]:
    """One article a row, the columns named by ``options``; the first row names the columns.

    Bytes are decoded with ``surrogateescape`` so that one row that is not UTF-8 is quarantined
    alone instead of ending the file.
    """
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        yield from _read_csv_rows(text, name, options)
    finally:
        text.detach()  # the caller closes the file; the wrapper must not


def _read_csv_rows(text: IO[str], name: str, options: ReadOptions) -> Iterator[Item]:
    # An article is one cell: the default limit (131,072) is shorter than many.
    csv.field_size_limit(max(options.max_chars * 4, csv.field_size_limit()))
    reader = csv.reader(text)
    where = Location(file=name)
    try:
        header = next(reader, None)
    except csv.Error as e:
        yield quarantined(BadCsv(name, f"not CSV ({e})"), where)
        return
    if header is None:
        yield quarantined(EmptyText(name, "empty: no header row"), where)
        return
    columns = _csv_columns([h.strip() for h in header], name, options)
    if isinstance(columns, BadInput):
        yield quarantined(columns, where)
        return
    row_number = 1
    while True:
        row_number += 1
        at = Location(file=name, row=row_number)
        try:
            row = next(reader, None)
        except csv.Error as e:
            yield quarantined(BadCsv(str(at), f"not CSV ({e}); the rest of the file is lost"), at)
            return
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue  # a blank line between rows is no record
        try:
            yield Entry(_csv_article(row, columns, str(at), options), at)
        except BadInput as e:
            yield quarantined(e, at)


def _csv_columns(header: list[str], name: str, options: ReadOptions) -> dict[str, int] | BadInput:
    """Our field name -> column number, from the header; a missing text column is an error."""
    wanted = {
        "text": options.text_column,
        "title": options.title_column,
        "url": options.url_column,
        "source": options.source_column,
        "published": options.published_column,
    }
    if options.published_column == "published" and "published" not in header:
        wanted["published"] = "date"  # as in JSON, "date" stands in for "published"
    if options.text_column not in header:
        found = ", ".join(repr(h) for h in header)
        return MissingText(
            name,
            f"no {options.text_column!r} column (the columns are {found}); "
            "name the text column with --text-column",
        )
    return {field: header.index(column) for field, column in wanted.items() if column in header}


def _csv_article(
    row: list[str], columns: dict[str, int], where: str, options: ReadOptions
) -> Article:
    record: dict[str, str | None] = {}
    for field, column in columns.items():
        cell = row[column] if column < len(row) else None
        if cell is not None and (bad := _first_escaped_byte(cell)) is not None:
            raise NotUtf8(where, f"not UTF-8 (byte 0x{bad:02x} in column {field!r})")
        record[field] = cell
    if record["text"] is None:
        raise MissingText(where, f"no text: the row ends before the {options.text_column!r} column")
    return read_record(record, where, max_chars=options.max_chars)


def _first_escaped_byte(cell: str) -> int | None:
    """The first byte that was not UTF-8 (decoded with surrogateescape), if any."""
    for char in cell:
        if "\udc80" <= char <= "\udcff":
            return ord(char) - 0xDC00
    return None


def read_html(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[Item]:
    """One article: the page's main text, title, URL, site and date, found by trafilatura.

    The bytes go to trafilatura undecoded: a page declares its own charset, and not being UTF-8
    is no fault in HTML. A page where trafilatura finds no main text is quarantined.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    where = Location(file=name)
    data = stream.read()
    try:
        if b"\x00" in data[:8192]:
            raise BinaryInput(name, "binary data (NUL bytes), not HTML")
        found = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
        page: dict[str, Any] = (
            {} if found is None else found if isinstance(found, dict) else found.as_dict()
        )
        text = page.get("text")
        if not isinstance(text, str) or not text.strip():
            raise EmptyText(name, "no main text found in the HTML")
        yield Entry(
            read_article(
                text,
                name,
                published=_html_date(page.get("date"), name),
                title=page.get("title") or None,
                url=page.get("url") or None,
                source=page.get("sitename") or None,
                published_from="metadata",
                max_chars=options.max_chars,
            ),
            where,
        )
    except BadInput as e:
        yield quarantined(e, where)


def _html_date(value: str | None, name: str) -> dt.date | None:
    """The page's date, or None when trafilatura found none it could write as a date."""
    if not value:
        return None
    try:
        return parse_date(value, name)
    except BadDate:
        # Not the reader's fault: the article stays, undated, and extraction says so.
        return None


def read_stdin(stdin: IO[bytes] | None, options: ReadOptions) -> Iterator[Item]:
    """Standard input: JSON Lines if it looks like them, a JSON document, or one text.

    Gzipped input is recognised by its magic bytes, since a pipe has no file name.
    """
    import sys

    data = (stdin or sys.stdin.buffer).read()
    compressed = data.startswith(GZIP_MAGIC)
    if compressed:
        try:
            data = gzip.decompress(data)
        except ARCHIVE_ERRORS as e:
            error = BadArchive(STDIN_NAME, f"truncated or corrupt gzip ({e})")
            yield quarantined(error, Location(file=STDIN_NAME))
            return
    yield from read_stream(
        io.BytesIO(data), STDIN_NAME, stdin_format(data), options, compressed=False
    )


def stdin_format(data: bytes) -> str:
    """``json`` for one JSON document, ``jsonl`` for JSON-looking lines, else ``txt``."""
    head = data.lstrip()
    if head.startswith((b"{", b"[")):
        try:
            json.loads(data)
        except ValueError:
            # Starts like JSON, is not one JSON document: JSON Lines (broken ones are quarantined).
            return "jsonl" if head.startswith(b"{") else "txt"
        return "json"
    return "txt"


def count_records(paths: Iterable[str]) -> int | None:
    """How many records ``paths`` hold, when that is cheap to know; None when it is not.

    Text and HTML files are one each and uncompressed JSON Lines are counted line by line;
    for CSV, JSON, ``.gz`` and stdin the count would cost a parse, so it is unknown.
    """
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        files = folder_files(path) if os.path.isdir(path) else iter([path])
        for file in files:
            kind, compressed = format_of(file)
            if kind is None:
                continue
            if compressed or kind in ("csv", "json"):
                return None
            if kind == "jsonl":
                try:
                    with open(file, "rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    total += 1  # reported as one quarantined record
            else:
                total += 1
    return total


READERS: dict[str, Callable[[IO[bytes], str, ReadOptions], Iterator[Item]]] = {
    "txt": read_txt,
    "json": read_json_file,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
}
