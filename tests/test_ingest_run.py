"""`eventwire ingest` end to end: summary, exit codes, quarantine file, and SIGKILL resumption."""

import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.archive.store import open_store
from eventwire.cli import main
from eventwire.errors import EventwireError

from .conftest import SHARED

DATA = Path(__file__).parent / "data" / "ingest"
CORPUS = SHARED / "corpus" / "voa_stories.public_domain.jsonl"
EVENTWIRE = Path(sys.executable).parent / "eventwire"


def store_state(url, settings):
    """Article ids with their event counts, and every table's row count but the runs'."""
    with open_store(url, settings, read_only=True) as store:
        events = dict(store.query("SELECT article_id, count(*) FROM events GROUP BY article_id"))
        state = {a: int(events.get(a, 0)) for a in store.article_ids()}
        counts = {t: n for t, n in store.counts().items() if t != "runs"}
    return state, counts


def test_ingest_stores_each_article_once_and_quarantines_the_rest(tmp_path, settings):
    db = str(tmp_path / "store.duckdb")
    quarantine = tmp_path / "q.jsonl"
    args = ["ingest", str(DATA), "--db", db, "--workers", "1", "--quarantine", str(quarantine)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 3, first.output
    line = first.stderr.splitlines()[0]
    assert line.startswith(
        "read 20, stored 10, already present 2, quarantined 8 (2 MissingText, 2 EmptyText, "
        "2 NotUtf8, 1 BadJson, 1 BadArchive), skipped 1 file (1 .pdf), "
    )
    assert line.endswith(" s")
    records = [json.loads(x) for x in quarantine.read_text().splitlines()]
    assert len(records) == 8
    assert {"where", "location", "error", "reason", "run", "time"} <= set(records[0])
    bad_line = next(r for r in records if r["error"] == "BadJson")
    assert bad_line["location"] == {"file": str(DATA / "stories.jsonl"), "line": 3}
    assert bad_line["where"] == f"{DATA / 'stories.jsonl'}:3"

    again = CliRunner().invoke(main, args)
    assert again.stderr.splitlines()[0].startswith(
        "read 20, stored 0, already present 12, quarantined 8 "
    )
    state, _ = store_state(db, settings)
    assert len(state) == 10


def test_a_clean_input_exits_0_and_writes_no_quarantine_file(tmp_path):
    quarantine = tmp_path / "q.jsonl"
    result = CliRunner().invoke(
        main,
        [
            *("ingest", str(DATA / "object.json"), "--db", str(tmp_path / "s.duckdb")),
            *("--workers", "1", "--quarantine", str(quarantine)),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("read 1, stored 1, already present 0, quarantined 0, ")
    assert not quarantine.exists()


def test_a_store_that_cannot_be_opened_is_a_fatal_error(tmp_path):
    (tmp_path / "not-a-store.duckdb").write_text("plain text, not a database")
    result = CliRunner().invoke(
        main,
        ["ingest", str(DATA / "object.json"), "--db", str(tmp_path / "not-a-store.duckdb")],
    )
    assert result.exit_code == 1
    assert "Error: " in result.stderr


def test_stdin_is_read_with_a_dash(tmp_path):
    lines = "".join(
        json.dumps({"text": t}) + "\n" for t in ("Troops left the town.", "Rebels came back.")
    )
    result = CliRunner().invoke(
        main, ["ingest", "-", "--db", str(tmp_path / "s.duckdb"), "--workers", "1"], input=lines
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("read 2, stored 2, ")


# --- killed and resumed --------------------------------------------------------------------


def short_articles(folder: Path, count=40):
    """The first ``count`` VOA stories cut to their first sentences, as one JSON Lines file.

    Read from ../shared at test time; only the cut copies are written, into the test's folder.
    """
    if not CORPUS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CORPUS} is missing under CI")
        pytest.skip(f"{CORPUS} is not here (it lives beside the project in ../shared)")
    path = folder / "stories.jsonl"
    with CORPUS.open(encoding="utf-8") as corpus, path.open("w", encoding="utf-8") as out:
        for line, _ in zip(corpus, range(count), strict=False):
            story = json.loads(line)
            # Long enough that extraction, not start-up, takes most of a run's time.
            cut = story["text"][:1500].rsplit(". ", 1)[0] + "."
            out.write(json.dumps({**story, "text": cut}) + "\n")
    return path


def ingest_process(source, db, folder, workers):
    return subprocess.Popen(
        [
            *(str(EVENTWIRE), "ingest", str(source), "--db", db, "--workers", str(workers)),
            *("--batch-size", "4", "--quarantine", str(folder / "q.jsonl")),
        ],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, to find its workers after the kill
    )


def group_members(pgid):
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def wait_for_group_to_end(pgid, seconds=20):
    deadline = time.monotonic() + seconds
    while group_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return group_members(pgid)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wait_until_cpu(run, seconds):
    """Return once process ``run`` has used ``seconds`` of CPU time (or has ended)."""
    tick = os.sysconf("SC_CLK_TCK")
    while run.poll() is None:
        try:
            fields = Path(f"/proc/{run.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return
        if (int(fields[11]) + int(fields[12])) / tick >= seconds:
            return
        time.sleep(0.02)


def wait_until_stored(url, count, run, seconds=60):
    """Return once the PostgreSQL store at ``url`` holds ``count`` articles (or ``run`` ended)."""
    import psycopg

    deadline = time.monotonic() + seconds
    with psycopg.connect(url, autocommit=True) as conn:
        while run.poll() is None and time.monotonic() < deadline:
            try:
                if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= count:
                    return
            except psycopg.errors.UndefinedTable:
                pass  # the store's tables are not made yet
            time.sleep(0.05)


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_killed_at_random_moments_ends_as_an_uninterrupted_run(
    tmp_path, request, settings, workers
):
    # DuckDB with the in-process engine, PostgreSQL with two worker processes: both stores,
    # and both engines, get killed.
    engine = "duckdb" if workers == 1 else "postgresql"
    from .stores import store_url

    urls = [store_url(engine, tmp_path / name) for name in ("whole", "killed")]
    whole_url, killed_url = (next(u) for u in urls)
    for u in urls:
        request.addfinalizer(u.close)
    for name in ("whole", "killed"):
        (tmp_path / name).mkdir(exist_ok=True)
    source = short_articles(tmp_path)

    started, cpu_before = time.monotonic(), children_cpu()
    whole = ingest_process(source, whole_url, tmp_path / "whole", workers)
    _, err = whole.communicate(timeout=120)
    duration, cpu = time.monotonic() - started, children_cpu() - cpu_before
    assert whole.returncode == 0, err
    expected, expected_counts = store_state(whole_url, settings)
    assert len(expected) == 40

    seed = random.randrange(2**32)
    rng = random.Random(seed)
    # The first kill lands in the middle of the work, the others anywhere (start-up included).
    # Wall time is a poor guide on a shared machine, so the middle is found another way: the
    # DuckDB file cannot be read while its writer holds it, so there it is a share of the CPU
    # time the uninterrupted run took; PostgreSQL can be watched, and there it is a number of
    # articles stored, and the kill follows at once: two workers store the other half of the
    # articles in well under a second on a fast machine. For DuckDB a random moment more follows,
    # so kills do not fall only between batches.
    first = 0.0 if engine == "postgresql" else rng.uniform(0, 0.3)
    moments = [first] + [rng.uniform(0.2, 0.9) * duration for _ in range(2)]
    stored_after_kill = []
    for kill, moment in enumerate(moments):
        run = ingest_process(source, killed_url, tmp_path / "killed", workers)
        if kill == 0 and engine == "postgresql":
            wait_until_stored(killed_url, rng.randint(4, 24), run)
        elif kill == 0:
            wait_until_cpu(run, rng.uniform(0.55, 0.8) * cpu)
        time.sleep(moment)
        os.kill(run.pid, signal.SIGKILL)  # the driver only, as the OOM killer would
        run.communicate(timeout=30)
        # Its workers notice their parent is gone and end too, rather than wait for ever.
        assert wait_for_group_to_end(run.pid) == [], f"workers outlived the driver (seed {seed})"
        try:
            state, _ = store_state(killed_url, settings)
        except EventwireError:  # killed before the store was made
            state = {}
        stored_after_kill.append(len(state))

    print(f"{engine}: run {duration:.1f} s, killed at {moments}, stored {stored_after_kill}")
    last = ingest_process(source, killed_url, tmp_path / "killed", workers)
    _, err = last.communicate(timeout=120)
    assert last.returncode == 0, err
    assert (store_state(killed_url, settings)) == (expected, expected_counts), (
        f"seed {seed}, kills at {moments}, stored after each {stored_after_kill}"
    )
    assert any(0 < n < 40 for n in stored_after_kill), (
        f"no kill landed mid-run (seed {seed}, kills at {moments}, stored {stored_after_kill})"
    )
    assert err.startswith(f"read 40, stored {40 - stored_after_kill[-1]}, ")
