"""Parquet: the store's tables, one file each, with their SQL types kept (dates as dates,
doubles as doubles, booleans as booleans).

Parquet copies tables rather than rendering items, so it is not an ``Exporter``: it reads each
table a page at a time (keyset on the primary key) and writes it as one row group per page.
The column types come from ``schema.TABLES``, so the files change when the schema does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..schema import TABLES
from ..store import Row, Store
from .reading import BATCH_SIZE, event_filter

ARROW_TYPES: dict[str, Any] = {
    "TEXT": pa.string(),
    "INTEGER": pa.int64(),
    "DOUBLE PRECISION": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}
STORY_TABLES = ("stories", "story_members")
COLUMN = re.compile(r"^(\w+) (TEXT|INTEGER|DOUBLE PRECISION|BOOLEAN|DATE|TIMESTAMP)\b(.*)$")
PRIMARY_KEY = re.compile(r"^PRIMARY KEY \(([^)]*)\)$")


def table_schema(table: str) -> tuple[Any, tuple[str, ...]]:
    """The Arrow schema of ``table`` and its primary key columns, read from ``schema.TABLES``."""
    fields: list[Any] = []
    key: tuple[str, ...] = ()
    for line in TABLES[table].strip().splitlines():
        line = line.strip().rstrip(",")
        if found := COLUMN.match(line):
            name, sql_type, rest = found.groups()
            fields.append(pa.field(name, ARROW_TYPES[sql_type], nullable="NOT NULL" not in rest))
            if "PRIMARY KEY" in rest:
                key = (name,)
        elif found := PRIMARY_KEY.match(line):
            key = tuple(c.strip() for c in found.group(1).split(","))
        else:
            raise ValueError(f"schema.TABLES[{table!r}]: cannot read {line!r}")
    return pa.schema(fields), key


def _filter(table: str, where: str | None) -> str:
    """The rows of ``table`` that belong to the events ``where`` selects (all without it)."""
    if not where or table in ("meta", "runs"):
        return "TRUE"
    events = event_filter(where)
    if table in ("events", "event_actors", "event_mentions", "event_mention_actors"):
        return f"(article_id, event_id) IN (SELECT article_id, event_id FROM {events} f)"
    if table == "articles":
        return f"id IN (SELECT article_id FROM {events} f)"
    if table == "story_members":
        return (
            "story_id IN (SELECT story_id FROM story_members m WHERE (m.article_id, m.event_id) "
            f"IN (SELECT article_id, event_id FROM {events} f))"
        )
    if table == "stories":
        return (
            "id IN (SELECT story_id FROM story_members m WHERE (m.article_id, m.event_id) "
            f"IN (SELECT article_id, event_id FROM {events} f))"
        )
    return f"article_id IN (SELECT article_id FROM {events} f)"


def _pages(
    store: Store, table: str, columns: list[str], key: tuple[str, ...], where: str | None
) -> Iterator[list[Row]]:
    select = f"SELECT {', '.join(columns)} FROM {table} WHERE {_filter(table, where)}"
    order = ", ".join(key)
    positions = [columns.index(k) for k in key]
    after: list[Any] | None = None
    while True:
        if after is None:
            rows = store.query(f"{select} ORDER BY {order} LIMIT ?", [BATCH_SIZE])
        else:
            marks = ", ".join("?" * len(key))
            rows = store.query(
                f"{select} AND ({order}) > ({marks}) ORDER BY {order} LIMIT ?",
                [*after, BATCH_SIZE],
            )
        if not rows:
            return
        yield rows
        after = [rows[-1][p] for p in positions]


def write_parquet(
    store: Store, folder: Path, where: str | None = None, stories: bool = False
) -> dict[str, int]:
    """Write each table (the story tables only, with ``stories``) to ``folder/<table>.parquet``;
    the rows written, table by table. ``where`` keeps the selected events and what they need:
    their articles, those articles' actors, places, times and quotes, and their stories."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for table in STORY_TABLES if stories else tuple(TABLES):
        schema, key = table_schema(table)
        columns = [f.name for f in schema]
        count = 0
        with pq.ParquetWriter(folder / f"{table}.parquet", schema) as writer:
            for rows in _pages(store, table, columns, key, where):
                arrays = [
                    pa.array([row[i] for row in rows], type=field.type)
                    for i, field in enumerate(schema)
                ]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
                count += len(rows)
        written[table] = count
    return written
