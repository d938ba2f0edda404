"""The store, on DuckDB and on PostgreSQL with the same tests: documents in and out unchanged,
once each, whole batches or nothing, versions checked, analysts' SQL read-only."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

import pytest

import eventwire
from eventwire.archive import schema
from eventwire.archive.store import open_store, rows_of
from eventwire.errors import StoreError
from eventwire.records import Actor, RoleBasis, Span

from .conftest import SHARED
from .mentions import bases, grouped

ROLE_BASES = get_args(RoleBasis)
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "somalia-strikes.txt"
CORPUS = SHARED / "corpus" / "voa_stories.public_domain.jsonl"
# The same kind of stories shipped with the project, for a checkout without ../shared beside it.
SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voa-sample.jsonl"


@pytest.fixture(scope="module")
def documents(settings):
    """Real documents: the shipped example with its events grouped by hand into events of
    several mentions, and four public-domain VOA stories as extracted (from ../shared, else
    the shipped sample)."""
    example = eventwire.extract(
        EXAMPLE.read_text(encoding="utf-8"), "2024-05-14", settings=settings
    )
    docs = [grouped(example)]
    stories = CORPUS if CORPUS.exists() else SAMPLE
    for line in stories.read_text(encoding="utf-8").splitlines()[:4]:
        story = json.loads(line)
        docs.append(
            eventwire.extract(
                story["text"],
                story["published"][:10],
                title=story["title"],
                url=story["url"],
                settings=settings,
            )
        )
    return docs


def test_a_stored_document_comes_back_equal(store_url, documents, settings):
    assert any(len(e.mentions) > 2 for e in documents[0].events)
    every_basis = {
        *(f"{role}:{basis}" for role in ("source", "target") for basis in ROLE_BASES[:3]),
        *(f"place:{basis}" for basis in ROLE_BASES),
        "date:coreferent",
    }
    assert every_basis <= bases(documents)
    with open_store(store_url, settings) as store:
        run = store.start_run(settings, "test")
        assert store.put_many(documents, run) == len(documents)
        for document in documents:
            assert store.get(document.article.id) == document


def test_the_same_article_twice_is_stored_once(store_url, documents, settings):
    with open_store(store_url, settings) as store:
        run = store.start_run(settings, "test")
        store.put_many(documents[:2], run)
        before = store.counts()
        assert store.put_many([documents[1], documents[1], *documents[2:3]], run) == 1
        after = store.counts()
    assert after["articles"] == before["articles"] + 1
    assert after["events"] == before["events"] + len(documents[2].events)


def test_a_batch_that_fails_stores_nothing_and_loses_nothing(store_url, documents, settings):
    first, second, third = documents[0], documents[1], documents[2]
    twin = Actor(id="a1", name="Twin", kind="person", mentions=[Span(start=0, end=1, text="x")])
    broken = third.model_copy(update={"actors": [*third.actors, twin]})  # a1 twice
    with open_store(store_url, settings) as store:
        run = store.start_run(settings, "test")
        store.put(first, run)
        before = store.counts()
        with pytest.raises(Exception, match=r"(?i)constraint|duplicate|unique"):
            store.put_many([second, broken], run)
        assert store.counts() == before
        assert store.get(first.article.id) == first


def test_a_store_survives_closing_and_reopening(store_url, documents, settings):
    with open_store(store_url, settings) as store:
        store.put(documents[0], store.start_run(settings, "test"))
    with open_store(store_url, settings, read_only=True) as store:
        assert store.article_ids() == [documents[0].article.id]
        assert store.version() == schema.STORE_VERSION


def test_a_store_from_a_newer_eventwire_is_refused_with_what_to_do(store_url, settings):
    with open_store(store_url, settings) as store:
        store.execute("UPDATE meta SET value = '999' WHERE key = 'store_version'")
    with pytest.raises(StoreError, match=r"newer eventwire \(store version 999.*upgrade eventwire"):
        open_store(store_url, settings)


def test_an_older_store_is_migrated_when_opened_for_writing(store_url, settings, monkeypatch):
    with open_store(store_url, settings) as store:
        store.execute("UPDATE meta SET value = '0' WHERE key = 'store_version'")
    monkeypatch.setitem(schema.MIGRATIONS, 0, ("CREATE TABLE migrated (x INTEGER)",))
    with pytest.raises(StoreError, match=r"store version 0 is older.*eventwire migrate --db"):
        open_store(store_url, settings, read_only=True)
    with open_store(store_url, settings) as store:
        assert store.version() == schema.STORE_VERSION
        assert "migrated" in store.tables()


NEW_IN_3 = ("event_mentions", "event_mention_actors")
BASIS_COLUMNS = re.compile(r"\n\s*(source|target|place)_basis TEXT,")


def _version_2_store(url, document, settings):
    """A store as eventwire made it at version 2 (no mentions, no role bases), holding
    ``document``: the tables of today's schema less what version 3 added."""
    with open_store(url, settings) as store:
        for table in (*NEW_IN_3, "events"):
            store.execute(f"DROP TABLE {table}")
        store.execute(f"CREATE TABLE events ({BASIS_COLUMNS.sub('', schema.TABLES['events'])})")
        for statement in (*schema.INDEXES, *schema.WEB_INDEXES):
            if " ON events " in statement:
                store.execute(statement)
        store.execute("UPDATE meta SET value = '2' WHERE key = 'store_version'")
        rows = rows_of(document, store.start_run(settings, "version 2"))
        for table, table_rows in rows.items():
            if table == "events":
                table_rows = [row[:-3] for row in table_rows]
            if table not in NEW_IN_3:
                store.insert(table, table_rows)


def test_a_version_2_store_keeps_its_rows_and_takes_grouped_events(store_url, documents, settings):
    old = documents[1] if len(documents) > 1 else documents[0]
    flat = old.model_copy(
        update={
            "events": [
                e.model_copy(
                    update={
                        "mentions": [],
                        "source_basis": None,
                        "target_basis": None,
                        "place_basis": None,
                    }
                )
                for e in old.events
            ]
        }
    )
    _version_2_store(store_url, flat, settings)
    with pytest.raises(StoreError, match=r"store version 2 is older than 3.*eventwire migrate"):
        open_store(store_url, settings, read_only=True)
    with open_store(store_url, settings) as store:
        assert store.version() == schema.STORE_VERSION == 3
        assert set(NEW_IN_3) <= store.tables()
        assert store.get(flat.article.id) == flat
        assert store.put(documents[0], store.start_run(settings, "after migration"))
        assert store.get(documents[0].article.id) == documents[0]
        assert store.counts()["events"] == len(flat.events) + len(documents[0].events)


def test_analysts_sql_cannot_change_the_store(store_url, documents, settings):
    with open_store(store_url, settings) as store:
        store.put(documents[0], store.start_run(settings, "test"))
    with open_store(store_url, settings, read_only=True) as store:
        columns, rows = store.read_only_query("SELECT count(*) AS n FROM events")
        assert (columns, rows) == (["n"], [(len(documents[0].events),)])
        with pytest.raises(StoreError, match="read-only"):
            store.read_only_query("DELETE FROM events")
    with open_store(store_url, settings, read_only=True) as store:
        assert store.read_only_query("SELECT count(*) FROM events")[1][0][0] == len(
            documents[0].events
        )


def test_every_stored_span_slices_the_stored_text(store_url, documents, settings):
    with open_store(store_url, settings) as store:
        store.put_many(documents, store.start_run(settings, "test"))
        checks = (
            ("actor_mentions", "mention_start, mention_end, m.text"),
            ("place_mentions", "mention_start, mention_end, m.text"),
            ("events", "trigger_start, trigger_end, trigger_text"),
            ("event_mentions", "trigger_start, trigger_end, trigger_text"),
            ("event_mentions", "sentence_start, sentence_end, sentence_text"),
            ("event_mentions", "date_start, date_end, date_text"),
            ("quotes", "quote_start, quote_end, m.text"),
        )
        for table, columns in checks:
            rows = store.query(
                f"SELECT a.text, {columns} FROM {table} m JOIN articles a ON a.id = m.article_id "
                f"WHERE {columns.split(',')[0]} IS NOT NULL"
            )
            assert rows, table
            assert all(text[start:end] == found for text, start, end, found in rows), table


def test_a_missing_duckdb_file_is_not_created_by_a_reader(tmp_path, settings):
    path = tmp_path / "none.duckdb"
    with pytest.raises(StoreError, match=r"no store here \(run `eventwire ingest"):
        open_store(str(path), settings, read_only=True)
    assert not path.exists()


def test_a_file_that_is_not_a_store_is_named_in_the_error(tmp_path, settings):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match=str(path)):
        open_store(str(path), settings)


def test_the_sql_command_prints_rows_as_table_csv_or_json(store_url, documents, settings):
    import csv
    import io

    from click.testing import CliRunner

    from eventwire.cli import main

    with open_store(store_url, settings) as store:
        store.put_many(documents[:2], store.start_run(settings, "test"))
    query = "SELECT id, title FROM articles ORDER BY id"
    expected = sorted((d.article.id, d.article.title) for d in documents[:2])
    runner = CliRunner()
    as_csv = runner.invoke(main, ["sql", query, "--db", store_url, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    assert [tuple(r) for r in csv.reader(io.StringIO(as_csv.output))] == [
        ("id", "title"),
        *expected,
    ]
    as_json = runner.invoke(main, ["sql", query, "--db", store_url, "--format", "json"])
    assert [(r["id"], r["title"]) for r in json.loads(as_json.output)] == expected
    table = runner.invoke(main, ["sql", query, "--db", store_url])
    assert table.output.splitlines()[0].split() == ["id", "title"]
    assert table.output.rstrip().endswith("(2 rows)")
    refused = runner.invoke(main, ["sql", "DROP TABLE events", "--db", store_url])
    assert refused.exit_code == 1
    assert refused.output.startswith("Error: ")
    assert "read-only" in refused.output


def test_commands_that_work_on_stored_data_do_not_create_a_store(tmp_path, settings):
    from click.testing import CliRunner

    from eventwire.cli import main

    path = tmp_path / "typo.duckdb"
    result = CliRunner().invoke(main, ["fuse", "--db", str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}: no store here" in result.output
    assert not path.exists()


def test_finishing_a_bulk_write_gives_postgresql_its_statistics(store_url, documents, settings):
    with open_store(store_url, settings) as store:
        store.put_many(documents, store.start_run(settings, "test"))
        store.finish()
        if store.engine == "postgresql":
            (rows,) = store.query("SELECT reltuples FROM pg_class WHERE relname = 'events'")
            assert rows[0] == sum(len(d.events) for d in documents)
