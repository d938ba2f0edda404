import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from tests.spans import bad_spans, count_spans

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "somalia-strikes.txt"


@pytest.fixture
def runner():
    return CliRunner()


def test_extract_writes_json_whose_spans_all_hold(runner):
    result = runner.invoke(main, ["extract", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["article"]["published"] == "2024-03-14"
    assert count_spans(document) > 50
    assert bad_spans(document) == []


def test_extract_reads_stdin(runner):
    result = runner.invoke(
        main, ["extract", "-", "--published", "2025-05-16"], input="Rebels attacked Goma on Monday."
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["article"]["published_from"] == "given"
    assert [t["value"] for t in document["times"]] == ["2025-05-12"]


def test_extract_reads_a_json_article_with_metadata(runner, tmp_path):
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps({"text": "Rebels attacked Goma on Monday.", "published": "2025-05-16"})
    )
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["published_from"] == "metadata"


def test_table_format_lists_events(runner):
    result = runner.invoke(main, ["extract", str(EXAMPLE), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "EVENTS" in result.stdout
    assert "ASSAULT" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty: no text to read"),
        (b"\n \n", "empty: no text to read"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data (NUL bytes), not text"),
        (b"Caf\xe9 bombed", "not UTF-8 (byte 0xe9 at offset 3)"),
    ],
)
def test_unreadable_input_is_a_one_line_error(runner, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: {message}\n"


def test_huge_article_is_refused(runner, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Rebels attacked the town. " * 200_000)  # 5.2 MB
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}: 5,200,000 characters, over the limit")


def test_missing_file_is_an_error(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope.txt'}: No such file or directory\n"


def test_unreadable_published_date_is_a_usage_error(runner):
    result = runner.invoke(main, ["extract", "-", "--published", "31/08/2017"], input="Hi.")
    assert result.exit_code == 2
    assert "Invalid value for '--published': '31/08/2017' is not a date: use YYYY-MM-DD" in (
        result.output
    )


def test_text_without_words_is_flagged_not_failed(runner):
    result = runner.invoke(main, ["extract", "-"], input="--- *** 12345 ...")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["warnings"] == ["no sentences: the text has no words"]
    assert document["events"] == []


def test_schema_is_json_schema_of_the_document(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert set(schema["properties"]) >= {"article", "actors", "places", "events", "times", "quotes"}
