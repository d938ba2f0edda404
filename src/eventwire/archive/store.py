"""The store: documents kept in DuckDB (a file, the default) or PostgreSQL (a team server).

Both engines get the same tables (``schema.py``) through the same code; only connecting,
placeholders and transactions differ. A batch of documents is written in one transaction, so a
process killed mid-batch leaves the store as it was before the batch: ingest is resumable by
running it again, and idempotent because an article already stored (same id: a hash of its text)
is skipped. The driver is the one writer; workers never open the store.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from .. import __version__
from ..errors import StoreError
from ..records import Actor, Article, Document, Event, Mention, Place, Quote, Span, Time, When
from ..settings import Settings
from .schema import MIGRATIONS, STORE_VERSION, TABLES, create_statements

Engine = Literal["duckdb", "postgresql"]
Row = tuple[Any, ...]

# PostgreSQL allows 65,535 parameters a statement; DuckDB has no such limit but likes batches too.
MAX_PARAMS = 30_000


def is_postgres_url(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL server rather than a DuckDB file."""
    return url.startswith(("postgresql://", "postgres://"))


def open_store(
    url: str | None = None,
    settings: Settings | None = None,
    *,
    read_only: bool = False,
    create: bool = True,
) -> Store:
    """The store at ``url`` (a DuckDB path or ``postgresql://...``; default ``settings.db_url``).

    A writable store is created if missing (unless ``create`` is false: commands that only work
    on what is stored) and migrated if older; a read-only one must exist.
    """
    url = url or (settings or Settings.from_env()).db_url
    if is_postgres_url(url):
        return _open_postgres(url, read_only, create)
    return _open_duckdb(url.removeprefix("duckdb://"), read_only, create)


def _open_duckdb(path: str, read_only: bool, create: bool) -> Store:
    import duckdb

    if (read_only or not create) and not Path(path).exists():
        raise StoreError(f"{path}: no store here (run `eventwire ingest PATH... --db {path}`)")
    try:
        conn = duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise StoreError(
                f"{path}: in use by another process (a DuckDB file has one writer at a time); "
                "wait for it to finish, or use PostgreSQL for several writers"
            ) from e
        raise StoreError(f"{path}: cannot open the store ({e})") from e
    except duckdb.Error as e:
        raise StoreError(f"{path}: not a DuckDB store ({e})") from e
    return _prepared(Store(conn, "duckdb", path, read_only), create)


def _open_postgres(url: str, read_only: bool, create: bool) -> Store:
    import psycopg

    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as e:
        raise StoreError(f"{_safe(url)}: cannot connect to PostgreSQL ({e})") from e
    if read_only:
        conn.execute("SET default_transaction_read_only = on")
    return _prepared(Store(conn, "postgresql", _safe(url), read_only), create)


def _prepared(store: Store, create: bool) -> Store:
    """``store`` with its tables checked or created; closed again if that fails."""
    try:
        if not create and store.version() is None:
            raise StoreError(
                f"{store.where}: not an eventwire store (run `eventwire ingest` first)"
            )
        store.prepare()
    except BaseException:
        store.close()
        raise
    return store


def _safe(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class Store:
    """An open store: documents in and out, runs, and SQL for everything else."""

    def __init__(self, conn: Any, engine: Engine, where: str, read_only: bool) -> None:
        self.conn = conn
        self.engine: Engine = engine
        self.where = where
        self.read_only = read_only
        self._in_transaction = False

    # --- SQL ------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        # Our statements use ``?``; psycopg wants ``%s``.
        return sql.replace("?", "%s") if self.engine == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement that returns nothing."""
        if self.engine == "postgresql":
            self.conn.execute(self._sql(sql), params or None)
        else:
            self.conn.execute(sql, list(params))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """The rows of one query, as tuples."""
        return self.query_with_columns(sql, params)[1]

    def query_with_columns(
        self, sql: str, params: Sequence[Any] = ()
    ) -> tuple[list[str], list[Row]]:
        """The column names and rows of one query."""
        if self.engine == "postgresql":
            with self.conn.cursor() as cursor:
                cursor.execute(self._sql(sql) if params else sql, params or None)
                columns = [c.name for c in cursor.description or ()]
                return columns, [tuple(r) for r in cursor.fetchall()] if columns else []
        cursor = self.conn.execute(sql, list(params))
        columns = [c[0] for c in cursor.description or ()]
        return columns, [tuple(r) for r in cursor.fetchall()] if columns else []

    def read_only_query(self, sql: str) -> tuple[list[str], list[Row]]:
        """An analyst's query, run so that it cannot change the store; its errors are
        ``StoreError`` with the database's own message."""
        try:
            if self.engine == "duckdb":
                if not self.read_only:
                    raise StoreError("read_only_query needs a store opened with read_only=True")
                return self.query_with_columns(sql)
            with self.conn.transaction(force_rollback=True):
                self.conn.execute("SET TRANSACTION READ ONLY")
                return self.query_with_columns(sql)
        except self.errors as e:
            raise StoreError(f"{self.where}: {str(e).strip()}") from e

    @property
    def errors(self) -> type[Exception]:
        """The driver's base error class."""
        if self.engine == "postgresql":
            import psycopg

            return psycopg.Error
        import duckdb

        return duckdb.Error

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside are stored together, or not at all."""
        if self._in_transaction:
            yield
            return
        self._in_transaction = True
        try:
            if self.engine == "postgresql":
                with self.conn.transaction():
                    yield
            else:
                self.conn.execute("BEGIN TRANSACTION")
                try:
                    yield
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
        finally:
            self._in_transaction = False

    def insert(self, table: str, rows: Sequence[Row]) -> None:
        """Insert ``rows`` (in the table's column order) in multi-row statements."""
        if not rows:
            return
        if self.engine == "duckdb":
            # DuckDB binds each parameter slowly; a column-wise Arrow batch goes in at once.
            import pyarrow as pa

            columns = {
                f"c{i}": pa.array(column) for i, column in enumerate(zip(*rows, strict=True))
            }
            self.conn.from_arrow(pa.table(columns)).insert_into(table)
            return
        width = len(rows[0])
        one = "(" + ", ".join("?" * width) + ")"
        per_statement = max(1, MAX_PARAMS // width)
        for i in range(0, len(rows), per_statement):
            chunk = rows[i : i + per_statement]
            sql = f"INSERT INTO {table} VALUES " + ", ".join([one] * len(chunk))
            self.execute(sql, [value for row in chunk for value in row])

    def close(self) -> None:
        """Close the connection; the store stays as last committed."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema ---------------------------------------------------------------------------

    def version(self) -> int | None:
        """The store's schema version; None for an empty database."""
        if "meta" not in self.tables():
            return None
        rows = self.query("SELECT value FROM meta WHERE key = 'store_version'")
        return int(rows[0][0]) if rows else None

    def tables(self) -> set[str]:
        """The names of the tables in the store."""
        if self.engine == "postgresql":
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        else:
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        return {name for (name,) in self.query(sql)}

    def prepare(self) -> None:
        """Create the tables of a new store, or check (and, if writable, migrate) an old one."""
        version = self.version()
        if version == STORE_VERSION:
            return
        if version is not None and version > STORE_VERSION:
            raise StoreError(
                f"{self.where}: written by a newer eventwire (store version {version}; this "
                f"eventwire {__version__} reads up to {STORE_VERSION}): upgrade eventwire"
            )
        if self.read_only:
            if version is None:
                raise StoreError(f"{self.where}: not an eventwire store (no meta table)")
            raise StoreError(
                f"{self.where}: store version {version} is older than {STORE_VERSION}; "
                f"run `eventwire migrate --db {self.where}`"
            )
        self.migrate(version)

    def migrate(self, version: int | None) -> None:
        """Bring the store from ``version`` (None: empty) to the current one, in one transaction."""
        with self.transaction():
            if version is None:
                stray = self.tables() & set(TABLES)
                if stray:
                    raise StoreError(
                        f"{self.where}: has tables {sorted(stray)} but no eventwire version; "
                        "use an empty database"
                    )
                for statement in create_statements():
                    self.execute(statement)
                self.execute("INSERT INTO meta VALUES ('store_version', ?)", [str(STORE_VERSION)])
                return
            for step in range(version, STORE_VERSION):
                for statement in MIGRATIONS[step]:
                    self.execute(statement)
            self.execute(
                "UPDATE meta SET value = ? WHERE key = 'store_version'", [str(STORE_VERSION)]
            )

    # --- documents ------------------------------------------------------------------------

    def finish(self) -> None:
        """Refresh the planner's statistics after a bulk write: PostgreSQL plans the web app's
        queries badly on tables it believes empty (seconds instead of milliseconds)."""
        if self.engine == "postgresql" and not self.read_only:
            self.execute("ANALYZE")

    def start_run(self, settings: Settings, command: str) -> str:
        """A new run's id, recorded with the eventwire version and settings that made it."""
        run_id = uuid.uuid4().hex[:16]
        with self.transaction():
            self.insert(
                "runs",
                [
                    (
                        run_id,
                        dt.datetime.now(dt.UTC).replace(tzinfo=None),
                        __version__,
                        command,
                        settings.model_dump_json(),
                    )
                ],
            )
        return run_id

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of the article ``ids`` are stored already."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), 1000):
            chunk = wanted[i : i + 1000]
            marks = ", ".join("?" * len(chunk))
            found.update(
                r[0] for r in self.query(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            )
        return found

    def put_many(self, documents: Sequence[Document], run_id: str) -> int:
        """Store the documents not stored yet, all in one transaction; how many were new."""
        with self.transaction():
            present = self.known(d.article.id for d in documents)
            rows: dict[str, list[Row]] = {table: [] for table in TABLES}
            for document in documents:
                if document.article.id in present:
                    continue
                present.add(document.article.id)
                for table, table_rows in rows_of(document, run_id).items():
                    rows[table].extend(table_rows)
            for table, table_rows in rows.items():
                self.insert(table, table_rows)
        return len(rows["articles"])

    def put(self, document: Document, run_id: str) -> bool:
        """Store one document; False when it was there already."""
        return self.put_many([document], run_id) == 1

    def get(self, article_id: str) -> Document | None:
        """The stored document of ``article_id``, equal to the one that was put; None if absent."""
        rows = {
            table: self.query(
                f"SELECT * FROM {table} WHERE {'id' if table == 'articles' else 'article_id'} = ?"
                + ("" if table in ("articles",) else " ORDER BY " + ORDER[table]),
                [article_id],
            )
            for table in DOCUMENT_TABLES
        }
        if not rows["articles"]:
            return None
        return document_from(rows)

    def article_ids(self) -> list[str]:
        """Every stored article id, sorted."""
        return [r[0] for r in self.query("SELECT id FROM articles ORDER BY id")]

    def counts(self) -> dict[str, int]:
        """Rows in each table."""
        return {t: int(self.query(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}


# --- documents as rows, and back -------------------------------------------------------------

DOCUMENT_TABLES = (
    "articles",
    "actors",
    "actor_mentions",
    "places",
    "place_mentions",
    "times",
    "events",
    "event_actors",
    "event_mentions",
    "event_mention_actors",
    "quotes",
)
ORDER = {
    "actors": "ordinal",
    "actor_mentions": "actor_id, position",
    "places": "ordinal",
    "place_mentions": "place_id, position",
    "times": "ordinal",
    "events": "ordinal",
    "event_actors": "event_id, role, position",
    "event_mentions": "event_id, position",
    "event_mention_actors": "event_id, mention, role, position",
    "quotes": "ordinal",
}


def _day(value: str | None) -> dt.date | None:
    """The first day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value, for ordering by day."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _when_columns(when: When | None) -> Row:
    if when is None:
        return (None, None, None, None, None, None, None)
    return (when.date, _day(when.date), when.precision, when.basis, when.text, when.start, when.end)


def _when_from(row: Row) -> When | None:
    date, _day_value, precision, basis, text, start, end = row
    if basis is None:
        return None
    return When(date=date, precision=precision, basis=basis, text=text, start=start, end=end)


def rows_of(document: Document, run_id: str) -> dict[str, list[Row]]:
    """The rows, table by table, that hold ``document``."""
    a = document.article
    ps = a.published_span
    aid = a.id
    rows: dict[str, list[Row]] = {table: [] for table in DOCUMENT_TABLES}
    rows["articles"].append(
        (
            aid,
            a.url,
            a.title,
            a.source,
            a.published,
            a.published_from,
            ps.start if ps else None,
            ps.end if ps else None,
            ps.text if ps else None,
            a.language,
            a.text,
            json.dumps(document.warnings, ensure_ascii=False),
            run_id,
        )
    )
    for i, actor in enumerate(document.actors):
        rows["actors"].append(
            (
                aid,
                actor.id,
                i,
                actor.name,
                actor.kind,
                actor.country,
                actor.sector,
                actor.wikidata,
                actor.dictionary_id,
            )
        )
        for j, m in enumerate(actor.mentions):
            rows["actor_mentions"].append((aid, actor.id, j, m.start, m.end, m.text))
    for i, place in enumerate(document.places):
        rows["places"].append(
            (
                aid,
                place.id,
                i,
                place.name,
                place.lat,
                place.lon,
                place.country,
                place.admin1,
                place.feature,
                place.precision,
                place.gazetteer_id,
                place.confidence,
                place.reason,
            )
        )
        for j, m in enumerate(place.mentions):
            rows["place_mentions"].append((aid, place.id, j, m.start, m.end, m.text))
    for i, t in enumerate(document.times):
        rows["times"].append((aid, t.id, i, t.start, t.end, t.text, t.value, t.precision, t.reason))
    for i, e in enumerate(document.events):
        rows["events"].append(
            (
                aid,
                e.id,
                i,
                e.type,
                e.mode,
                e.cameo_root,
                e.place,
                *_when_columns(e.when),
                e.undated_reason,
                e.trigger.start,
                e.trigger.end,
                e.trigger.text,
                e.sentence.start,
                e.sentence.end,
                e.sentence.text,
                e.negated,
                e.hypothetical,
                e.future,
                e.fatalities,
                e.confidence,
                run_id,
                e.source_basis,
                e.target_basis,
                e.place_basis,
            )
        )
        for role, actor_ids in (("source", e.source), ("target", e.target)):
            for j, actor_id in enumerate(actor_ids):
                rows["event_actors"].append((aid, e.id, role, j, actor_id))
        for k, mention in enumerate(e.mentions):
            rows["event_mentions"].append(_mention_row(aid, e.id, k, mention))
            for role, actor_ids in (("source", mention.source), ("target", mention.target)):
                for j, actor_id in enumerate(actor_ids):
                    rows["event_mention_actors"].append((aid, e.id, k, role, j, actor_id))
    for i, q in enumerate(document.quotes):
        rows["quotes"].append(
            (
                aid,
                q.id,
                i,
                q.kind,
                q.start,
                q.end,
                q.text,
                q.speaker,
                q.speaker_text,
                q.speaker_span.start if q.speaker_span else None,
                q.speaker_span.end if q.speaker_span else None,
                q.cue,
                q.cue_span.start if q.cue_span else None,
                q.cue_span.end if q.cue_span else None,
                q.confidence,
                q.unresolved_reason,
            )
        )
    return rows


def _mention_row(article_id: str, event_id: str, position: int, m: Mention) -> Row:
    return (
        article_id,
        event_id,
        position,
        m.trigger.start,
        m.trigger.end,
        m.trigger.text,
        m.sentence.start,
        m.sentence.end,
        m.sentence.text,
        m.type,
        m.mode,
        m.place,
        *_when_columns(m.when),
        m.fatalities,
        m.negated,
        m.hypothetical,
        m.future,
    )


def mention_from(r: Row, roles: dict[tuple[str, str, int, str], list[str]]) -> Mention:
    """One ``event_mentions`` row (all its columns, in order) as a ``Mention``; ``roles`` maps
    (article id, event id, position, role) to actor ids, from ``event_mention_actors``."""
    aid, event_id, position = r[0], r[1], r[2]
    return Mention(
        trigger=Span(start=r[3], end=r[4], text=r[5]),
        sentence=Span(start=r[6], end=r[7], text=r[8]),
        type=r[9],
        mode=r[10],
        place=r[11],
        when=_when_from(r[12:19]),
        fatalities=r[19],
        negated=r[20],
        hypothetical=r[21],
        future=r[22],
        source=roles.get((aid, event_id, position, "source"), []),
        target=roles.get((aid, event_id, position, "target"), []),
    )


def mentions_from(
    mention_rows: Iterable[Row], actor_rows: Iterable[Row]
) -> dict[tuple[str, str], list[Mention]]:
    """Rows of ``event_mentions`` and ``event_mention_actors`` (``SELECT *``, each in its key's
    order) as each event's mentions, by (article id, event id)."""
    roles: dict[tuple[str, str, int, str], list[str]] = {}
    for aid, event_id, mention, role, _position, actor_id in actor_rows:
        roles.setdefault((aid, event_id, mention, role), []).append(actor_id)
    found: dict[tuple[str, str], list[Mention]] = {}
    for r in mention_rows:
        found.setdefault((r[0], r[1]), []).append(mention_from(r, roles))
    return found


def _span(text: str, start: int | None, end: int | None) -> Span | None:
    return (
        None if start is None or end is None else Span(start=start, end=end, text=text[start:end])
    )


def _mentions(rows: list[Row]) -> dict[str, list[Span]]:
    by_id: dict[str, list[Span]] = {}
    for _article, record_id, _position, start, end, text in rows:
        by_id.setdefault(record_id, []).append(Span(start=start, end=end, text=text))
    return by_id


def document_from(rows: dict[str, list[Row]]) -> Document:
    """The ``Document`` held by one article's rows (as ``Store.get`` reads them)."""
    (aid, url, title, source, published, published_from, ps_start, ps_end, ps_text, language, text,
     warnings, _run) = rows["articles"][0]  # fmt: skip
    article = Article(
        id=aid,
        url=url,
        title=title,
        source=source,
        published=published,
        published_from=published_from,
        published_span=None if ps_start is None else Span(start=ps_start, end=ps_end, text=ps_text),
        language=language,
        text=text,
    )
    actor_mentions = _mentions(rows["actor_mentions"])
    place_mentions = _mentions(rows["place_mentions"])
    roles: dict[tuple[str, str], list[str]] = {}
    for _a, event_id, role, _position, actor_id in rows["event_actors"]:
        roles.setdefault((event_id, role), []).append(actor_id)
    actors = [
        Actor(
            id=r[1],
            name=r[3],
            kind=r[4],
            country=r[5],
            sector=r[6],
            wikidata=r[7],
            dictionary_id=r[8],
            mentions=actor_mentions.get(r[1], []),
        )
        for r in rows["actors"]
    ]
    places = [
        Place(
            id=r[1],
            name=r[3],
            lat=r[4],
            lon=r[5],
            country=r[6],
            admin1=r[7],
            feature=r[8],
            precision=r[9],
            gazetteer_id=r[10],
            confidence=r[11],
            reason=r[12],
            mentions=place_mentions.get(r[1], []),
        )
        for r in rows["places"]
    ]
    times = [
        Time(id=r[1], start=r[3], end=r[4], text=r[5], value=r[6], precision=r[7], reason=r[8])
        for r in rows["times"]
    ]
    mentions = mentions_from(rows["event_mentions"], rows["event_mention_actors"])
    events = [_event_from(r, roles, mentions.get((aid, r[1]), [])) for r in rows["events"]]
    quotes = [
        Quote(
            id=r[1],
            kind=r[3],
            start=r[4],
            end=r[5],
            text=r[6],
            speaker=r[7],
            speaker_text=r[8],
            speaker_span=_span(text, r[9], r[10]),
            cue=r[11],
            cue_span=_span(text, r[12], r[13]),
            confidence=r[14],
            unresolved_reason=r[15],
        )
        for r in rows["quotes"]
    ]
    return Document(
        article=article,
        actors=actors,
        places=places,
        times=times,
        events=events,
        quotes=quotes,
        warnings=json.loads(warnings),
    )


def _event_from(r: Row, roles: dict[tuple[str, str], list[str]], mentions: list[Mention]) -> Event:
    event_id = r[1]
    return Event(
        id=event_id,
        type=r[3],
        mode=r[4],
        cameo_root=r[5],
        place=r[6],
        when=_when_from(r[7:14]),
        undated_reason=r[14],
        trigger=Span(start=r[15], end=r[16], text=r[17]),
        sentence=Span(start=r[18], end=r[19], text=r[20]),
        negated=r[21],
        hypothetical=r[22],
        future=r[23],
        fatalities=r[24],
        confidence=r[25],
        source=roles.get((event_id, "source"), []),
        target=roles.get((event_id, "target"), []),
        source_basis=r[27],
        target_basis=r[28],
        place_basis=r[29],
        mentions=mentions,
    )
