"""The Ray engine on a local Ray instance: its shards, loaded into a DuckDB store, hold exactly
what the local extraction makes of the same articles, once each, with nothing dropped."""

from __future__ import annotations

import json
import os
import re
import sys

import pytest
from click.testing import CliRunner

from eventwire.archive.store import open_store
from eventwire.cli import main
from eventwire.engines.ray import load
from eventwire.errors import BadInput
from eventwire.extraction.pipeline import extract_article
from eventwire.ingest.readers import Entry, read_paths

from .conftest import SHARED

# Ray Data 2.60 sets its own deprecated DataContext fields (use_push_based_shuffle, use_polars)
# while copying the context for a run: warnings about Ray's code, raised in its context module.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")

CORPUS = SHARED / "corpus" / "voa_stories.public_domain.jsonl"
ARTICLES = 10
SUMMARY = re.compile(
    r"read (\d+), stored (\d+), already present (\d+), quarantined (\d+)(?: \(([^)]*)\))?, "
)


def _required(reason: str) -> None:
    """Skip for ``reason``, except under CI, where this test must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; under CI=true the Ray test must run (.ci/run installs it)")
    pytest.skip(reason)


def counts(output: str) -> tuple[int, int, int, int, str | None]:
    """The figures of a summary line in ``output``."""
    found = SUMMARY.search(output)
    assert found, output
    read, stored, present, quarantined, classes = found.groups()
    return int(read), int(stored), int(present), int(quarantined), classes


def invoke(args):
    """``eventwire ARGS`` in this process, with the ``sys.argv`` a real run would have (the
    commands record it as their provenance)."""
    argv = sys.argv
    sys.argv = ["eventwire", *args]
    try:
        return CliRunner().invoke(main, args)
    finally:
        sys.argv = argv


@pytest.fixture(scope="module")
def local_ray():
    """A Ray instance of this machine alone, with two CPUs; the engine joins it."""
    try:
        import ray
    except ImportError:
        _required("Ray is not installed (pip install -e '.[ray]' -c requirements-ray.lock)")
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def run(local_ray, tmp_path_factory):
    """Ten short public-domain VOA stories and one broken line, through `eventwire ingest
    --engine ray` into shards and `eventwire load` into a DuckDB store."""
    if not CORPUS.exists():
        _required(f"{CORPUS} is not here (it lives beside the project in ../shared)")
    stories = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    stories = sorted(stories, key=lambda story: len(story["text"]))[:ARTICLES]
    folder = tmp_path_factory.mktemp("ray")
    source = folder / "stories.jsonl"
    lines = [json.dumps(story, ensure_ascii=False) for story in stories]
    source.write_text("\n".join([*lines[:5], '{"text": "cut off', *lines[5:]]) + "\n")
    shards, db = folder / "shards", folder / "store.duckdb"
    ingest = ["ingest", str(source), "--engine", "ray", "--out", str(shards), "--batch-size", "4"]
    extracted = invoke(ingest)
    loaded = invoke(["load", str(shards), "--db", str(db)])
    return {
        "source": source,
        "shards": shards,
        "db": db,
        "ingest": ingest,
        "extracted": extracted,
        "loaded": loaded,
    }


def test_the_stored_documents_equal_the_local_extraction_of_the_same_articles(run, settings):
    entries = [e for e in read_paths([str(run["source"])]) if isinstance(e, Entry)]
    assert len(entries) == ARTICLES
    with open_store(str(run["db"]), settings, read_only=True) as store:
        assert sorted(store.article_ids()) == sorted(e.article.id for e in entries)
        for entry in entries:
            assert store.get(entry.article.id) == extract_article(entry.article, settings)


def test_ingest_writes_shards_and_lists_the_broken_line_beside_them(run):
    assert run["extracted"].exit_code == 3, run["extracted"].output
    assert counts(run["extracted"].output) == (ARTICLES + 1, ARTICLES, 0, 1, "1 BadJson")
    shards = sorted(run["shards"].glob("*.parquet"))
    assert len(shards) == -(-ARTICLES // 4)  # one shard a batch of four
    lines = (run["shards"] / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()
    quarantined = [json.loads(line) for line in lines]
    assert [(q["where"], q["error"]) for q in quarantined] == [(f"{run['source']}:6", "BadJson")]


def test_load_reports_what_it_read_stored_and_quarantined(run):
    assert run["loaded"].exit_code == 3, run["loaded"].output
    assert counts(run["loaded"].output) == (ARTICLES + 1, ARTICLES, 0, 1, "1 BadJson")


def test_loading_the_same_shards_again_stores_nothing_twice(run, settings):
    with open_store(str(run["db"]), settings) as store:
        before = store.counts()
        summary = load([str(run["shards"])], store)
        assert (summary.stored, summary.present) == (0, ARTICLES)
        assert store.counts()["articles"] == before["articles"]
        assert store.counts()["events"] == before["events"]


def test_ingest_again_into_the_same_shards_extracts_nothing(run):
    before = sorted(run["shards"].glob("*.parquet"))
    again = invoke(run["ingest"])
    assert counts(again.output) == (ARTICLES + 1, 0, ARTICLES, 1, "1 BadJson")
    assert sorted(run["shards"].glob("*.parquet")) == before


def test_the_store_run_names_the_ingest_that_made_the_documents(run, settings):
    ingest_run = next(run["shards"].glob("*.parquet")).name.split("-")[0]
    with open_store(str(run["db"]), settings, read_only=True) as store:
        commands = [row[0] for row in store.query("SELECT command FROM runs")]
    ingest = " ".join(["eventwire", *run["ingest"]])
    load_command = f"eventwire load {run['shards']} --db {run['db']}"
    assert f"{ingest} (run {ingest_run}); {load_command}" in commands


def test_without_ray_the_ray_engine_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets where it is absent
    (tmp_path / "a.txt").write_text("Troops withdrew from the town on Monday.")
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "a.txt"), "--engine", "ray", "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: the Ray engine needs Ray, which is not installed here: "
        "install eventwire[ray] (pip install 'eventwire[ray]')\n"
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.parquet", b"not parquet at all", "not a readable Parquet shard"),
        ("notes.txt", b"hello", "not a folder of shards nor a .parquet shard"),
    ],
)
def test_load_names_a_file_that_is_not_a_shard(tmp_path, settings, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with open_store(str(tmp_path / "s.duckdb"), settings) as store, pytest.raises(BadInput) as e:
        load([str(path)], store)
    assert e.value.where == str(path)
    assert e.value.reason.startswith(reason)


def test_load_refuses_a_folder_with_no_shards(tmp_path, settings):
    with open_store(str(tmp_path / "s.duckdb"), settings) as store, pytest.raises(BadInput) as e:
        load([str(tmp_path)], store)
    assert str(e.value) == f"{tmp_path}: no shards here (written by eventwire ingest --engine ray)"
