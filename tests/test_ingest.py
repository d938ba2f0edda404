import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import BadDate, BadInput, BinaryInput, EmptyText, NotUtf8, TooLarge
from eventwire.ingest.articles import (
    article_id,
    decode,
    guess_title,
    parse_date,
    read_article,
    read_json,
)


def test_decode_names_the_first_bad_byte():
    with pytest.raises(NotUtf8) as e:
        decode(b"caf\xe9 au lait", "news/a.txt")
    assert str(e.value) == "news/a.txt: not UTF-8 (byte 0xe9 at offset 3)"


def test_decode_drops_a_byte_order_mark():
    assert decode("\ufeffHello".encode(), "a") == "Hello"


def test_nul_bytes_are_binary():
    with pytest.raises(BinaryInput, match="binary data"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "img.png")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_blank_text_is_empty(text):
    with pytest.raises(EmptyText) as e:
        read_article(text, "blank.txt")
    assert str(e.value) == "blank.txt: empty: no text to read"


def test_text_over_the_limit_is_too_large():
    with pytest.raises(TooLarge, match="over the limit of 1,000"):
        read_article("word " * 300, "big.txt", max_chars=1000)


def test_control_characters_mark_binary_text():
    with pytest.raises(BinaryInput, match=r"offset 5"):
        read_article("Hello\x01world", "x")


def test_windows_line_ends_become_newlines():
    assert read_article("Title\r\n\r\nBody text.", "x").text == "Title\n\nBody text."


def test_same_text_same_id_whatever_the_spacing():
    assert article_id("Troops  left\nthe town.") == article_id("Troops left the town.")
    assert article_id("Troops left the town.") != article_id("Troops left the city.")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Rebels seize town\n\nRebels seized the town on Monday.", "Rebels seize town"),
        ("Rebels seized the town on Monday.", None),
        ("Rebels seized the town.\nThey left.", None),
    ],
)
def test_guess_title_takes_a_standalone_headline(text, title):
    assert guess_title(text) == title


def test_published_without_a_date_is_unknown():
    article = read_article("Troops left the town.", "x")
    assert (article.published, article.published_from) == (None, "unknown")


def test_given_date_is_marked_given():
    article = read_article("Troops left.", "x", published=dt.date(2025, 5, 16))
    assert article.published_from == "given"


def test_bad_date_names_the_value():
    with pytest.raises(BadDate) as e:
        parse_date("31/08/2017", "--published")
    assert str(e.value) == "--published: '31/08/2017' is not a date: use YYYY-MM-DD"


def test_a_datetime_published_keeps_the_calendar_day_it_was_written_in():
    # Found by tests/test_fuzz.py: a datetime with a time of day failed Article's validation.
    written = dt.datetime(2025, 3, 14, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    article = read_article("Troops left.", "x", published=written)
    assert (article.published, article.published_from) == (dt.date(2025, 3, 14), "given")


def test_lone_surrogates_in_the_text_are_not_utf8():
    # Found by tests/test_fuzz.py: a JSON "\ud800" escape crashed the article id with
    # UnicodeEncodeError, and in a title it crashed writing the output.
    with pytest.raises(NotUtf8) as e:
        read_article("Troops \ud800 left.", "a.txt")
    assert str(e.value) == "a.txt: not UTF-8 (lone surrogate U+D800 at offset 7 of the text)"


def test_lone_surrogates_in_json_metadata_are_not_utf8():
    with pytest.raises(NotUtf8) as e:
        read_json('{"text": "Troops left.", "title": "Raid \\udc00"}', "a.jsonl:3")
    assert str(e.value) == "a.jsonl:3: not UTF-8 (lone surrogate U+DC00 at offset 5 of the title)"


def test_json_article_takes_its_metadata():
    article = read_json(
        '{"text": "Troops left.", "title": "T", "published": "2025-05-16"}', "a.json"
    )
    assert article.published == dt.date(2025, 5, 16)
    assert article.published_from == "metadata"
    assert article.title == "T"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("[1, 2]", 'a JSON article must be an object with a "text" string'),
        ('{"title": "no text"}', 'a JSON article must be an object with a "text" string'),
        ("{oops", "not valid JSON (Expecting property name enclosed in double quotes at line 1)"),
    ],
)
def test_bad_json_article_says_why(raw, reason):
    with pytest.raises(BadInput) as e:
        read_json(raw, "a.json")
    assert e.value.reason == reason


@given(st.binary(max_size=300))
def test_any_bytes_give_an_article_or_bad_input(data):
    try:
        text = decode(data, "fuzz")
        article = read_article(text, "fuzz")
    except BadInput:
        return
    assert article.text.strip()


@pytest.mark.parametrize("field", ["title", "url", "source"])
def test_a_control_character_in_metadata_is_refused_naming_the_field(field):
    with pytest.raises(BinaryInput, match=rf"a.json: the {field} holds a control character"):
        read_article("Rebels attacked the town.", "a.json", **{field: "bad\x00value"})


def test_a_nul_in_a_json_title_is_refused_before_it_reaches_a_store():
    record = '{"text": "Rebels attacked the town.", "title": "bad\\u0000title"}'
    with pytest.raises(BinaryInput, match="the title holds a control character"):
        read_json(record, "a.json")
