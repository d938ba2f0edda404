"""Throwaway stores for tests: a DuckDB file, and a PostgreSQL database created and dropped.

PostgreSQL tests need a server (EVENTWIRE_TEST_POSTGRES, default the local one with trust auth).
Where none answers they skip with a message saying how to run them; under CI=true they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES = os.environ.get(
    "EVENTWIRE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"
)
ENGINES = ["duckdb", "postgresql"]


def _admin_connection():
    import psycopg

    try:
        return psycopg.connect(POSTGRES, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        message = (
            f"no PostgreSQL server at {POSTGRES} ({str(e).strip()}); start one, or point "
            "EVENTWIRE_TEST_POSTGRES at a server where this user may create databases"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def postgres_database() -> Iterator[str]:
    """The URL of a new, empty database, dropped when the generator is closed."""
    admin = _admin_connection()
    name = f"eventwire_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE DATABASE {name}")
    try:
        yield POSTGRES.rsplit("/", 1)[0] + "/" + name
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def store_url(engine: str, tmp_path: Path) -> Iterator[str]:
    """A URL for an empty store of ``engine``; cleaned up afterwards."""
    if engine == "duckdb":
        yield str(tmp_path / "store.duckdb")
    else:
        yield from postgres_database()
