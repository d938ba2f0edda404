import datetime as dt

import pytest

from eventwire.dates import find, find_published, weekday_date

REF = dt.date(2025, 5, 16)  # a Friday


def values(nlp, text, published=REF):
    return [(t.text, t.value) for t in find(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels attacked Goma on Monday.", [("Monday", "2025-05-12")]),
        ("Talks will resume on Tuesday.", [("Tuesday", "2025-05-20")]),
        ("The vote is set for next Tuesday.", [("next Tuesday", "2025-05-20")]),
        ("Police said on Friday that ten died.", [("Friday", "2025-05-16")]),
        ("The army said yesterday it had won.", [("yesterday", "2025-05-15")]),
        ("He arrived on 3 March and left in 2019.", [("3 March", "2025-03-03"), ("2019", "2019")]),
        ("It happened on August 31, 2017.", [("August 31, 2017", "2017-08-31")]),
        (
            "It happened last July and in March 2020.",
            [("last July", "2024-07"), ("March 2020", "2020-03")],
        ),
        ("The city fell in July this year.", [("July this year", "2025-07")]),
        ("Fighting has gone on since 2015.", [("2015", "2015")]),
        ("Prices rose last month.", [("last month", "2025-04")]),
        ("The group formed three years ago.", [("three years ago", "2022")]),
        ("The weather was mild and 4,000 troops stayed.", []),
        ("We will fight for years.", []),
    ],
)
def test_expressions_resolve_against_the_publication_date(nlp, text, expected):
    assert values(nlp, text) == expected


def test_week_level_expressions_are_reported_unresolved(nlp):
    [time] = find(nlp("Hundreds protested last week."), REF)
    assert (time.text, time.value, time.reason) == (
        "last week",
        None,
        "week-level dates are not resolved",
    )


def test_relative_dates_without_a_publication_date_stay_null(nlp):
    [time] = find(nlp("Rebels attacked Goma on Monday."), None)
    assert time.value is None
    assert time.reason == "relative date with no publication date to resolve it against"


def test_absolute_dates_resolve_without_a_publication_date(nlp):
    assert values(nlp, "It began on 12 March 2024.", None) == [("12 March 2024", "2024-03-12")]


def test_same_weekday_as_publication_is_that_day():
    assert weekday_date("Friday", REF, forward=False) == REF


@pytest.mark.parametrize(
    ("text", "date", "span"),
    [
        ("Headline here\n\nPosted August 31, 2017\n\nBody.", "2017-08-31", "August 31, 2017"),
        ("Headline\nPublished: 12 March 2024 10:30 GMT\nBody.", "2024-03-12", "12 March 2024"),
        ("Headline\n2024-03-12\nBody text follows.", "2024-03-12", "2024-03-12"),
    ],
)
def test_publication_date_is_read_from_a_dateline(text, date, span):
    found = find_published(text)
    assert found is not None
    assert (found[0].isoformat(), found[1].text) == (date, span)
    assert text[found[1].start : found[1].end] == span


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked Goma.",
        "The deal signed on 3 March 2001 is old news, they said at length.\n",
    ],
)
def test_no_dateline_gives_no_publication_date(text):
    assert find_published(text) is None


def test_seed_dates(nlp, seed_text):
    published, span = find_published(seed_text)
    assert (published.isoformat(), span.text) == ("2017-08-31", "August 31, 2017")
    found = find(nlp(seed_text), published)
    by_text = {}
    for t in found:
        by_text.setdefault(t.text, set()).add(t.value)
    assert by_text["yesterday"] == {"2017-08-30"}
    assert by_text["Wednesday"] == {"2017-08-30"}
    assert by_text["Monday"] == {"2017-08-28"}
    assert by_text["Tuesday"] == {"2017-08-29"}
    assert by_text["July this year"] == {"2017-07"}
    assert by_text["2015"] == {"2015"}
    assert by_text["one week after"] == {"2017-08-21"}
    assert not [t for t in found if "Qalamoun" in t.text]
    assert all(t.value is None for t in find(nlp(seed_text), None) if t.text == "Monday")
