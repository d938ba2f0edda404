"""The store as the web app holds it: read-only connections for requests, and a writable one
only for the one call that stores an extracted article (``--allow-store``).

DuckDB: one read-only connection per process, and a cursor of it per request (a cursor is a
connection of its own to the same database, for one thread). A DuckDB file cannot be open in one
process both read-only and writable, so storing closes the read-only connection, waits for the
requests that use it, writes, and opens it again. PostgreSQL: a small pool of connections set to
``default_transaction_read_only``, and a fresh writable connection for a store.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..archive.store import Store, is_postgres_url, open_store
from ..settings import Settings

POOL_SIZE = 8
"""PostgreSQL connections kept open between requests."""


class StorePool:
    """Stores for the requests of one app."""

    def __init__(self, url: str, settings: Settings, size: int = POOL_SIZE) -> None:
        self.url = url
        self.settings = settings
        self.size = size
        self.postgres = is_postgres_url(url)
        self._root: Store | None = None  # DuckDB's read-only connection
        self._idle: list[Store] = []  # PostgreSQL's
        self._lock = threading.Lock()
        self._readers_done = threading.Condition(self._lock)
        self._readers = 0
        self._writing = False
        self.where = url  # without a password once open

    def open(self) -> None:
        """Open the store read-only, so that a missing or newer store fails at start-up."""
        store = open_store(self.url, self.settings, read_only=True)
        self.where = store.where
        with self._lock:
            if self.postgres:
                self._idle.append(store)
            else:
                self._root = store

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A read-only store for one request."""
        store = self._take()
        try:
            yield store
        finally:
            self._give_back(store)

    def _take(self) -> Store:
        with self._lock:
            while self._writing and not self.postgres:
                self._readers_done.wait()
            self._readers += 1
            if self.postgres:
                if self._idle:
                    return self._idle.pop()
            else:
                if self._root is None:
                    self._root = open_store(self.url, self.settings, read_only=True)
                cursor = self._root.conn.cursor()
                return Store(cursor, "duckdb", self._root.where, read_only=True)
        try:
            return open_store(self.url, self.settings, read_only=True)
        except BaseException:
            self._done_reading()
            raise

    def _give_back(self, store: Store) -> None:
        keep = False
        if self.postgres:
            keep = not store.conn.closed and not store.conn.broken
            with self._lock:
                keep = keep and len(self._idle) < self.size
                if keep:
                    self._idle.append(store)
        if not keep:
            store.close()
        self._done_reading()

    def _done_reading(self) -> None:
        with self._lock:
            self._readers -= 1
            self._readers_done.notify_all()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """A writable store for one call, while no request reads (DuckDB) and none starts; the
        caller must not hold a ``reading()`` store meanwhile (it would wait for itself)."""
        with self._lock:
            while self._writing:
                self._readers_done.wait()
            self._writing = True
            if not self.postgres:
                while self._readers:
                    self._readers_done.wait()
                if self._root is not None:
                    self._root.close()
                    self._root = None
        try:
            with open_store(self.url, self.settings, create=False) as store:
                yield store
        finally:
            with self._lock:
                self._writing = False
                self._readers_done.notify_all()

    def close(self) -> None:
        """Close every connection the pool holds."""
        with self._lock:
            for store in self._idle:
                store.close()
            self._idle.clear()
            if self._root is not None:
                self._root.close()
                self._root = None
