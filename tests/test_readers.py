import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import NotUtf8
from eventwire.ingest.articles import decode, parse_date
from eventwire.ingest.readers import (
    Entry,
    ReadOptions,
    Skipped,
    count_records,
    read_paths,
    stdin_format,
)
from eventwire.records import Quarantined

DATA = Path(__file__).parent / "data" / "ingest"


def read(*names, options=None, stdin=None):
    paths = [n if n == "-" else str(DATA / n) for n in names]
    return list(read_paths(paths, options, stdin))


def entries(items):
    return [i for i in items if isinstance(i, Entry)]


def rejected(items):
    """(where, error class) of each quarantined item, ``DATA/`` cut off the location."""
    return [
        (str(i.location).removeprefix(f"{DATA}/"), i.error)
        for i in items
        if isinstance(i, Quarantined)
    ]


def test_a_text_file_is_one_article_with_its_headline_as_title():
    [entry] = read("article.txt")
    assert entry.article.title == "Families flee floods in Marlo"
    assert entry.article.text.startswith("Families flee floods in Marlo\n\nFlood waters")
    assert str(entry.location) == str(DATA / "article.txt")


def test_a_json_object_gives_its_metadata():
    [entry] = read("object.json")
    article = entry.article
    assert (article.title, article.url, article.source) == (
        "Dock workers arrested",
        "https://example.org/tessel",
        "Example Wire",
    )
    assert (article.published, article.published_from) == (dt.date(2025, 3, 14), "metadata")


def test_a_json_list_gives_one_article_per_element_and_names_the_bad_one_by_index():
    items = read("list.json")
    assert [e.location.index for e in entries(items)] == [0, 2]
    assert rejected(items) == [("list.json[1]", "MissingText")]
    # "date" stands in for "published", and an ISO datetime gives its day.
    assert [e.article.published for e in entries(items)] == [
        dt.date(2025, 3, 10),
        dt.date(2025, 3, 16),
    ]


def test_json_lines_are_read_line_by_line_and_bad_lines_quarantined_by_number():
    items = read("stories.jsonl")
    assert [e.location.line for e in entries(items)] == [1, 5]
    assert rejected(items) == [("stories.jsonl:3", "BadJson"), ("stories.jsonl:4", "EmptyText")]
    first = entries(items)[0].article
    assert (first.title, first.source, first.published) == (
        "Tractors block highway",
        "Example Wire",
        dt.date(2025, 3, 12),
    )


def test_a_line_that_is_not_utf8_is_quarantined_alone():
    items = read("mixed-bytes.jsonl")
    assert [e.location.line for e in entries(items)] == [1]
    [bad] = [i for i in items if isinstance(i, Quarantined)]
    assert (bad.error, bad.reason) == ("NotUtf8", "not UTF-8 (byte 0xe9 at offset 13)")


def test_csv_columns_are_named_by_the_options():
    options = ReadOptions(
        text_column="body", title_column="headline", published_column="day", url_column="link"
    )
    items = read("columns.csv", options=options)
    assert [e.location.row for e in entries(items)] == [2, 5]
    assert rejected(items) == [
        ("columns.csv: row 3", "EmptyText"),
        ("columns.csv: row 4", "MissingText"),
    ]
    clinics, pella = (e.article for e in entries(items))
    assert (clinics.title, clinics.url, clinics.published) == (
        "Clinics reach snowbound villages",
        "https://example.org/clinics",
        dt.date(2025, 3, 13),
    )
    assert (pella.url, pella.published) == (None, dt.date(2025, 3, 15))


def test_a_csv_without_the_text_column_says_which_columns_it_has():
    [bad] = read("columns.csv")
    assert bad.error == "MissingText"
    assert bad.reason == (
        "no 'text' column (the columns are 'headline', 'body', 'day', 'link'); "
        "name the text column with --text-column"
    )


def test_csv_default_columns_are_text_title_published():
    [entry] = read("defaults.csv")
    assert (entry.article.title, entry.article.published) == (
        "Bridge collapses",
        dt.date(2025, 3, 16),
    )


def test_a_csv_row_that_is_not_utf8_is_quarantined_alone(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(b'text\n"Caf\xe9 owners protested."\n"Troops left the town."\n')
    items = list(read_paths([str(path)]))
    assert [(str(i.location), i.error) for i in items if isinstance(i, Quarantined)] == [
        (f"{path}: row 2", "NotUtf8")
    ]
    assert [e.article.text for e in entries(items)] == ["Troops left the town."]


def test_html_gives_main_text_title_date_and_url_without_the_page_furniture():
    [entry] = read("page.html")
    article = entry.article
    assert article.title == "Bridge collapses near Vell"
    assert article.published == dt.date(2025, 3, 17)
    assert article.url == "https://example.org/vell-bridge"
    assert "A road bridge collapsed near the border crossing" in article.text
    assert "repairs would take at least a month" in article.text
    assert "Subscribe" not in article.text
    assert "Sport" not in article.text


def test_html_with_no_main_text_is_quarantined(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Nothing here</title></head><body></body></html>")
    [bad] = read_paths([str(path)])
    assert (bad.error, bad.reason) == ("EmptyText", "no main text found in the HTML")


def test_a_gzipped_file_is_read_by_its_inner_extension():
    items = read("packed.jsonl.gz")
    assert [str(e.location).rsplit("/", 1)[1] for e in entries(items)] == [
        "packed.jsonl.gz:1",
        "packed.jsonl.gz:2",
    ]
    assert not rejected(items)


def test_a_truncated_gzip_keeps_the_whole_records_before_the_break():
    items = read("truncated.jsonl.gz")
    assert len(entries(items)) == 1
    [bad] = [i for i in items if isinstance(i, Quarantined)]
    assert bad.error == "BadArchive"
    assert bad.reason.startswith("truncated or corrupt gzip (")
    assert bad.reason.endswith("after 1 record; the rest is lost")


@pytest.mark.parametrize(
    ("name", "error", "reason"),
    [
        ("latin1.txt", "NotUtf8", "not UTF-8 (byte 0xe9 at offset 3)"),
        ("empty.txt", "EmptyText", "empty: no text to read"),
        (
            "notes.pdf",
            "UnknownFormat",
            "unknown file type '.pdf': eventwire reads csv, htm, html, json, jsonl, txt (or .gz)",
        ),
        ("missing.txt", "Unreadable", "No such file or directory"),
    ],
)
def test_an_unreadable_named_file_is_quarantined_with_its_reason(name, error, reason):
    [bad] = read(name)
    assert (bad.location.file, bad.error, bad.reason) == (str(DATA / name), error, reason)


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("a.jsonl", b"", "NoArticles"),
        ("a.jsonl", b"\n\n", "NoArticles"),
        ("a.json", b'{"text": "Troops left."', "BadJson"),
        ("a.json", b"[]", "NoArticles"),
        ("a.json", b"", "EmptyText"),
        ("a.csv", b"text\n", "NoArticles"),
    ],
)
def test_a_file_with_no_article_is_reported(tmp_path, name, content, error):
    path = tmp_path / name
    path.write_bytes(content)
    assert [i.error for i in read_paths([str(path)])] == [error]


def test_a_folder_is_read_recursively_in_sorted_order_and_other_files_are_counted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article.")
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "c.txt").write_text("Third article.")
    (tmp_path / "b" / "scan.pdf").write_bytes(b"%PDF")
    items = list(read_paths([str(tmp_path)]))
    assert [e.article.text for e in entries(items)] == [
        "First article.",
        "Second article.",
        "Third article.",
    ]
    assert [i.suffix for i in items if isinstance(i, Skipped)] == [".pdf"]


def test_a_folder_with_nothing_readable_is_reported(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    items = list(read_paths([str(tmp_path)]))
    [report] = [i for i in items if isinstance(i, Quarantined)]
    assert (report.error, report.reason) == (
        "NoArticles",
        "no files of a type eventwire reads (2 skipped: 1 .docx, 1 .pdf)",
    )


def test_the_whole_fixture_folder_yields_every_record_once():
    items = read(".")
    assert len(entries(items)) == 12
    assert sorted(rejected(items)) == sorted(
        [
            ("columns.csv", "MissingText"),
            ("empty.txt", "EmptyText"),
            ("latin1.txt", "NotUtf8"),
            ("list.json[1]", "MissingText"),
            ("mixed-bytes.jsonl:2", "NotUtf8"),
            ("stories.jsonl:3", "BadJson"),
            ("stories.jsonl:4", "EmptyText"),
            ("truncated.jsonl.gz", "BadArchive"),
        ]
    )


def jsonl(*texts):
    return "".join(json.dumps({"text": t}) + "\n" for t in texts).encode()


@pytest.mark.parametrize(
    ("data", "texts", "errors"),
    [
        (jsonl("Troops left.", "Rebels came."), ["Troops left.", "Rebels came."], []),
        (jsonl("Troops left.") + b"{broken\n", ["Troops left."], ["BadJson"]),
        (b'[{"text": "Troops left."}, {"title": "x"}]', ["Troops left."], ["MissingText"]),
        (b'{\n  "text": "Troops left."\n}\n', ["Troops left."], []),
        (b"[Update] Troops left the town.", ["[Update] Troops left the town."], []),
        (b"Troops left the town.\n", ["Troops left the town.\n"], []),
        (gzip.compress(jsonl("Troops left.")), ["Troops left."], []),
        (gzip.compress(jsonl("Troops left."))[:-12], [], ["BadArchive"]),
        (b"  \n", [], ["EmptyText"]),
    ],
)
def test_stdin_is_json_lines_a_json_document_or_one_text(data, texts, errors):
    items = read("-", stdin=io.BytesIO(data))
    assert [e.article.text for e in entries(items)] == texts
    assert [i.error for i in items if isinstance(i, Quarantined)] == errors
    assert all(i.location.file == "<stdin>" for i in items if isinstance(i, Quarantined))


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b'{"text": "a"}\n{"text": "b"}\n', "jsonl"), (b"[1]", "json"), (b"Words.", "txt")],
)
def test_stdin_format_is_guessed_from_the_first_bytes(data, kind):
    assert stdin_format(data) == kind


def test_records_are_counted_when_that_is_cheap(tmp_path):
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.jsonl").write_bytes(jsonl("Two.", "Three.") + b"\n")
    assert count_records([str(tmp_path)]) == 3
    (tmp_path / "c.csv").write_text("text\nFour.\n")
    assert count_records([str(tmp_path)]) is None
    assert count_records(["-"]) is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-03-14", dt.date(2025, 3, 14)),
        ("2025-03-14 10:22:00Z", dt.date(2025, 3, 14)),
        ("2025-03-14T23:30:00-05:00", dt.date(2025, 3, 14)),
        (" 2025-03-14 ", dt.date(2025, 3, 14)),
    ],
)
def test_published_may_be_a_date_or_an_iso_datetime(value, day):
    assert parse_date(value, "x") == day


SUFFIXES = [".txt", ".json", ".jsonl", ".csv", ".html", ".jsonl.gz", ".txt.gz"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=200), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_format_give_articles_or_quarantined_records_never_an_exception(
    tmp_path, data, suffix
):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    items = list(read_paths([str(path)]))
    assert items
    assert all(isinstance(i, Entry | Quarantined) for i in items)
    assert all(e.article.text.strip() for e in entries(items))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_text_with_its_byte_order_mark_is_read(encoding):
    # Windows saves "Unicode" text as UTF-16 with a byte-order mark
    data = "\ufeffPolice arrested ten protesters in Nairobi.".encode(encoding)
    assert decode(data, "a.txt") == "Police arrested ten protesters in Nairobi."


def test_utf16_cut_short_is_refused_with_its_reason():
    with pytest.raises(NotUtf8, match="not UTF-16 as its byte-order mark says"):
        decode(b"\xff\xfeA\x00B", "a.txt")
