"""Export, on DuckDB and on PostgreSQL with the same tests: each format read back by its own
ecosystem's reader (json, the csv module, a JSON Schema of RFC 7946, pyarrow) and compared with
the store; --where, empty selections, a bad filter and stories."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import eventwire
from eventwire.archive.exporters import CollectingExporter, export
from eventwire.archive.exporters.acled import ACLED_COLUMNS, cell
from eventwire.archive.exporters.parquet import table_schema
from eventwire.archive.fuse import fuse_store
from eventwire.archive.schema import TABLES
from eventwire.archive.store import open_store
from eventwire.cli import main
from eventwire.extraction.codebook import Codebook

from .mentions import grouped

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "somalia-strikes.txt"
FUSE = Path(__file__).parent / "data" / "fuse"
REF = "2025-05-16"  # a Friday

# Written for these tests: no date in the text, so its events are dated by publication
# ("reported"); and a stated date at a place with coordinates.
UNDATED = (
    "Police arrest protesters in Nairobi\n\n"
    "Police in Nairobi arrested 30 protesters who blocked a road into the city centre, "
    "a police spokesman said."
)
DATED = (
    "Gunmen kill five in Maiduguri\n\n"
    "Gunmen shot dead five villagers near Maiduguri on Tuesday, May 13, 2025, residents said."
)
# No place at all: its events cannot be GeoJSON features.
NOWHERE = "Rebels kill two soldiers\n\nRebels killed two soldiers on Monday, the army said."
# An act told in a paragraph that names no place: at the dateline's town ("article").
DATELINED = (
    "KISUMU, Kenya - Police arrested 12 traders in Kisumu on Monday.\n\n"
    "The county governor condemned the arrests on Tuesday."
)

# RFC 7946, the parts a reader relies on, as a JSON Schema: a FeatureCollection of Features
# whose Point coordinates are [longitude, latitude] in range, with no "crs" member (7946 §4).
GEOJSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {"$ref": "#/$defs/feature"}},
    },
    "not": {"required": ["crs"]},
    "$defs": {
        "feature": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "geometry": {"$ref": "#/$defs/point"},
                "properties": {"type": ["object", "null"]},
            },
            "not": {"required": ["crs"]},
        },
        "point": {
            "type": "object",
            "required": ["type", "coordinates"],
            "properties": {
                "type": {"const": "Point"},
                "coordinates": {
                    "type": "array",
                    "minItems": 2,
                    "maxItems": 3,
                    "prefixItems": [
                        {"type": "number", "minimum": -180, "maximum": 180},
                        {"type": "number", "minimum": -90, "maximum": 90},
                    ],
                    "items": {"type": "number"},
                },
            },
        },
    },
}


@pytest.fixture(scope="module")
def documents(settings):
    """Real documents: the shipped example (its events grouped by hand into events of several
    mentions) and short articles written for these tests, as extracted."""
    example = eventwire.extract(
        EXAMPLE.read_text(encoding="utf-8"), "2024-05-14", settings=settings
    )
    return [
        grouped(example),
        eventwire.extract(UNDATED, REF, url="https://example.org/nairobi", settings=settings),
        eventwire.extract(DATED, REF, settings=settings),
        eventwire.extract(NOWHERE, REF, settings=settings),
        eventwire.extract(DATELINED, REF, settings=settings),
    ]


@pytest.fixture
def store(store_url, documents, settings):
    """The store's URL, holding the documents."""
    with open_store(store_url, settings) as opened:
        opened.put_many(documents, opened.start_run(settings, "test"))
    return store_url


def run(*args):
    return CliRunner().invoke(main, ["export", *args], catch_exceptions=False)


def query(url, settings, sql):
    with open_store(url, settings, read_only=True) as opened:
        return opened.query(sql)


def stored_events(url, settings, where="TRUE"):
    """(id, event_day, date_basis, place lat, place lon) of each event, from the store."""
    rows = query(
        url,
        settings,
        "SELECT e.article_id || '-' || e.event_id, e.event_day, e.date_basis, p.lat, p.lon "
        "FROM events e LEFT JOIN places p ON p.article_id = e.article_id "
        f"AND p.place_id = e.place_id WHERE {where}",
    )
    return {r[0]: r[1:] for r in rows}


def test_plover_lines_read_back_as_the_stored_events(store, settings, tmp_path):
    out = tmp_path / "events.jsonl"
    result = run("--format", "plover", "--db", store, "--out", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stored = stored_events(store, settings)
    assert len(records) == len(stored) == len({r["id"] for r in records})
    texts = dict(query(store, settings, "SELECT id, text FROM articles"))
    for record in records:
        day, basis, lat, lon = stored[record["id"]]
        assert record["date"] == (day.isoformat() if day else None)
        assert record["date_basis"] == basis
        text = texts[record["cite_info"]["citation"]]
        # every span slices the article to the text it claims
        for actor in record["source"] + record["recipient"]:
            assert actor["identifier_text"]
            for m in actor["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
        start, end = record["text_info"]["start"], record["text_info"]["end"]
        assert text[start:end] == record["text"]
        assert (
            text[record["trigger"]["start"] : record["trigger"]["end"]] == record["event_text"][0]
        )
        if record["event_loc"]:
            assert (record["event_loc"]["latitude"], record["event_loc"]["longitude"]) == (lat, lon)
    assert "reported" in {r["date_basis"] for r in records}
    assert {r["event"][0] for r in records} <= set(Codebook.load().types)


def stored_mentions(url, settings):
    """Each event's mentions from the store: (trigger text, sentence text, fatalities), by
    "article-event" id, and each event's (source, target, place) basis."""
    mentions: dict[str, list[tuple[str, str, int | None]]] = {}
    for key, trigger, sentence, fatalities in query(
        url,
        settings,
        "SELECT article_id || '-' || event_id, trigger_text, sentence_text, fatalities "
        "FROM event_mentions ORDER BY article_id, event_id, position",
    ):
        mentions.setdefault(key, []).append((trigger, sentence, fatalities))
    bases = {
        r[0]: r[1:]
        for r in query(
            url,
            settings,
            "SELECT article_id || '-' || event_id, source_basis, target_basis, place_basis "
            "FROM events",
        )
    }
    return mentions, bases


def test_every_format_keeps_each_events_mentions_and_bases(store, settings, tmp_path):
    mentions, bases = stored_mentions(store, settings)
    assert max(len(m) for m in mentions.values()) > 2
    plover = [
        json.loads(line) for line in run("--format", "plover", "--db", store).stdout.splitlines()
    ]
    texts = dict(query(store, settings, "SELECT id, text FROM articles"))
    for record in plover:
        expected = mentions.get(record["id"], [])
        given = record["mentions"]
        assert [(m["trigger"]["text"], m["text"], m["dead"]) for m in given] == expected
        text = texts[record["cite_info"]["citation"]]
        for m in given:
            assert text[m["trigger"]["start"] : m["trigger"]["end"]] == m["trigger"]["text"]
            assert text[m["text_info"]["start"] : m["text_info"]["end"]] == m["text"]
        if expected:
            assert record["event_text"] == [trigger for trigger, _s, _f in expected]
        basis = (record["source_basis"], record["target_basis"], record["place_basis"])
        assert basis == bases[record["id"]]
    assert {r["place_basis"] for r in plover} >= {"stated", "coreferent", "inherited", "article"}

    rows = list(csv.DictReader(io.StringIO(run("--format", "acled", "--db", store).stdout)))
    for row in rows:
        key = f"{row['article_id']}-{row['event_id']}"
        expected = mentions.get(key, [])
        assert int(row["n_mentions"]) == max(1, len(expected))
        for _trigger, sentence, _fatalities in expected:
            assert cell(sentence) in row["notes"]
        assert (row["source_basis"], row["target_basis"], row["place_basis"]) == tuple(
            b or "" for b in bases[key]
        )
    assert len(rows) == len(bases)  # one row per grouped event, not per mention

    out = tmp_path / "events.geojson"
    assert run("--format", "geojson", "--db", store, "--out", str(out)).exit_code == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["place_basis"] for f in features} >= {"stated", "article"}
    for feature in features:
        assert feature["properties"]["place_basis"] == bases[feature["id"]][2]


def test_acled_csv_reads_back_with_the_csv_module(store, settings, tmp_path):
    out = tmp_path / "events.csv"
    assert run("--format", "acled", "--db", store, "--out", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a file gets the BOM Excel needs
    with out.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ())[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
        rows = list(reader)
    stored = stored_events(store, settings)
    assert sorted(f"{r['article_id']}-{r['event_id']}" for r in rows) == sorted(stored)
    for row in rows:
        day, basis, lat, lon = stored[f"{row['article_id']}-{row['event_id']}"]
        assert row["event_date"] == (day.isoformat() if day else "")
        assert row["date_basis"] == (basis or "")
        assert row["latitude"] == ("" if lat is None else str(lat))
        assert row["longitude"] == ("" if lon is None else str(lon))
        if basis == "reported":
            assert row["time_precision"] == "2"
        if row["fatalities_stated"] == "false":
            assert row["fatalities"] == "0"
    assert {r["date_basis"] for r in rows} >= {"reported", "stated"}
    assert "Somalia" in {r["country"] for r in rows}
    drone = [r for r in rows if r["plover_mode"] == "drone"]
    assert drone
    assert {r["sub_event_type"] for r in drone} == {"Air/drone strike"}
    assert any(r["fatalities_stated"] == "true" and int(r["fatalities"]) > 0 for r in rows)
    # "near Maiduguri" in any sentence reporting the event is ACLED's geo_precision 2; the town
    # itself, 1
    maiduguri = [r for r in rows if r["location"] == "Maiduguri"]
    assert "2" in {r["geo_precision"] for r in maiduguri}
    for row in maiduguri:
        assert row["geo_precision"] == ("2" if "near Maiduguri" in row["notes"] else "1")


def test_acled_csv_on_stdout_has_no_bom_unless_asked(store):
    plain = run("--format", "acled", "--db", store)
    assert plain.stdout.startswith("event_date,")
    assert run("--format", "acled", "--db", store, "--bom").stdout.startswith("\ufeffevent_date,")


def test_geojson_is_rfc_7946_and_counts_the_events_it_cannot_place(store, settings, tmp_path):
    out = tmp_path / "events.geojson"
    result = run("--format", "geojson", "--db", store, "--out", str(out))
    assert result.exit_code == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(collection, GEOJSON_SCHEMA)
    stored = stored_events(store, settings)
    placed = {k: v for k, v in stored.items() if v[2] is not None}
    assert placed
    assert {f["id"] for f in collection["features"]} == set(placed)
    for feature in collection["features"]:
        _day, _basis, lat, lon = placed[feature["id"]]
        assert feature["geometry"]["coordinates"] == [lon, lat]  # longitude first
        assert feature["properties"]["latitude"] == lat
    left_out = len(stored) - len(placed)
    assert left_out
    assert f"{left_out} of {len(stored)} events have no coordinates" in result.stderr


def test_parquet_tables_read_back_with_pyarrow_typed_as_stored(store, settings, tmp_path):
    out = tmp_path / "parquet"
    result = run("--format", "parquet", "--db", store, "--out", str(out))
    assert result.exit_code == 0, result.output
    with open_store(store, settings, read_only=True) as opened:
        counts = opened.counts()
    for table in TABLES:
        read = pq.read_table(out / f"{table}.parquet")
        assert read.num_rows == counts[table], table
        assert read.schema.equals(table_schema(table)[0]), table
    events = pq.read_table(out / "events.parquet").to_pylist()
    stored = stored_events(store, settings)
    assert {f"{e['article_id']}-{e['event_id']}" for e in events} == set(stored)
    types = pq.read_table(out / "events.parquet").schema
    assert str(types.field("event_day").type) == "date32[day]"
    assert str(types.field("confidence").type) == "double"
    assert str(types.field("negated").type) == "bool"
    for e in events:
        assert e["event_day"] == stored[f"{e['article_id']}-{e['event_id']}"][0]


WHERE = "type = 'ASSAULT' AND event_day >= DATE '2024-05-14'"


@pytest.mark.parametrize("fmt", ["plover", "acled"])
def test_where_keeps_the_events_the_database_selects(store, settings, fmt):
    result = run("--format", fmt, "--db", store, "--where", WHERE)
    assert result.exit_code == 0
    expected = stored_events(store, settings, WHERE.replace("type", "e.type"))
    assert expected
    lines = result.stdout.lstrip("\ufeff").splitlines()
    if fmt == "acled":
        ids = {
            f"{r['article_id']}-{r['event_id']}" for r in csv.DictReader(io.StringIO(result.stdout))
        }
    else:
        ids = {json.loads(line)["id"] for line in lines}
    assert ids == set(expected)


def test_where_in_parquet_keeps_the_articles_of_the_selected_events(store, settings, tmp_path):
    where = "fatalities IS NOT NULL"
    assert (
        run(
            "--format", "parquet", "--db", store, "--where", where, "--out", str(tmp_path)
        ).exit_code
        == 0
    )
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    stored = stored_events(store, settings, "e.fatalities IS NOT NULL")
    assert {f"{e['article_id']}-{e['event_id']}" for e in events} == set(stored)
    articles = {a["id"] for a in pq.read_table(tmp_path / "articles.parquet").to_pylist()}
    assert articles == {e["article_id"] for e in events}
    places = pq.read_table(tmp_path / "places.parquet").to_pylist()
    assert {p["article_id"] for p in places} <= articles


def test_a_bad_where_is_a_clear_error_and_writes_nothing(store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "events.csv"
    result = run(
        "--format", "acled", "--db", store, "--where", "no_such_column = 1", "--out", str(out)
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: --where: ")
    assert "no_such_column" in result.stderr
    assert "a filter over the events table" in result.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("fmt", ["plover", "acled", "geojson"])
def test_an_empty_selection_is_valid_empty_output_and_says_so(store, fmt):
    result = run("--format", fmt, "--db", store, "--where", "type = 'NO SUCH TYPE'")
    assert result.exit_code == 0
    assert "no events match --where: the export is empty" in result.stderr
    if fmt == "plover":
        assert result.stdout == ""
    elif fmt == "acled":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len(rows) == 1
        assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    else:
        collection = json.loads(result.stdout)
        jsonschema.validate(collection, GEOJSON_SCHEMA)
        assert collection["features"] == []


def test_parquet_needs_a_folder():
    result = run("--format", "parquet")
    assert result.exit_code == 2
    assert "parquet writes one file per table: give --out FOLDER" in result.stderr


def test_pages_give_every_event_once(store, settings):
    collected = CollectingExporter()
    with open_store(store, settings, read_only=True) as opened:
        summary = export(opened, collected, batch_size=4)
    ids = [f"{i.article.id}-{i.event.id}" for i in collected.events]
    assert len(ids) == len(set(ids)) == summary.written == summary.selected
    assert set(ids) == set(stored_events(store, settings))
    assert collected.started
    assert collected.finished


@pytest.fixture(scope="module")
def strike_reports(settings):
    """Three outlets' reports of one strike, from the fusion tests' articles."""
    published = {"strike_wire_a": "2025-05-15", "strike_wire_b": "2025-05-16"}
    documents = []
    for name, day in published.items():
        document = eventwire.extract(
            (FUSE / f"{name}.txt").read_text(encoding="utf-8"), day, settings=settings
        )
        article = document.article.model_copy(update={"source": f"Wire {name[-1].upper()}"})
        documents.append(document.model_copy(update={"article": article}))
    return documents


def test_stories_export_one_row_per_story_with_every_source(store_url, strike_reports, settings):
    with open_store(store_url, settings) as opened:
        opened.put_many(strike_reports, opened.start_run(settings, "test"))
        fuse_store(opened)
        stories = dict(opened.query("SELECT id, n_articles FROM stories"))
    result = run("--format", "acled", "--db", store_url, "--stories")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["story_id"] for r in rows} == set(stories)
    for row in rows:
        assert int(row["n_articles"]) == stories[row["story_id"]]
    shared = [r for r in rows if int(r["n_articles"]) > 1]
    assert shared, "the two wires' strike is one story"
    assert {"Wire A", "Wire B"} <= set(shared[0]["source"].split("; "))
    lines = run("--format", "plover", "--db", store_url, "--stories").stdout.splitlines()
    assert {json.loads(line)["id"] for line in lines} == set(stories)
    events = list(csv.DictReader(io.StringIO(run("--format", "acled", "--db", store_url).stdout)))
    assert {r["story_id"] for r in events} <= set(stories) | {""}
    assert {r["story_id"] for r in events} & set(stories)


def test_stories_before_fuse_say_to_run_it(store):
    result = run("--format", "plover", "--db", store, "--stories")
    assert result.exit_code == 0
    assert "no stories are in the store (run `eventwire fuse` first)" in result.stderr


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Jilib", "Jilib"),
        (-12.5, "-12.5"),
        (None, ""),
        (False, "false"),
        (0, "0"),
    ],
)
def test_a_cell_is_never_a_formula_a_spreadsheet_would_run(value, written):
    assert cell(value) == written


def test_every_plover_type_and_mode_has_its_acled_reading():
    codebook = Codebook.load()
    acled_names = {pair for pair in codebook.acled if pair[1] is not None}
    for name, found in codebook.types.items():
        for mode in (None, *sorted(found.modes)):
            event_type, sub_event_type = codebook.to_acled(name, mode)
            assert event_type is None or (event_type, sub_event_type) in acled_names
    assert codebook.to_acled("ASSAULT", "aerial") == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert codebook.to_acled("COERCE", "arrest") == ("Strategic developments", "Arrests")
    assert codebook.to_acled("CONSULT", "visit") == (None, None)
