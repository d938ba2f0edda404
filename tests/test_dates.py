import datetime as dt

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from eventwire.extraction.dates import (
    OUT_OF_CALENDAR,
    RELATIVE,
    find,
    find_published,
    numeric_date,
    weekday_date,
    year_for,
)

REF = dt.date(2025, 5, 16)  # a Friday


def values(nlp, text, published=REF):
    return [(t.text, t.value) for t in find(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays: the last such day, that day itself, or the next one when the clause looks ahead
        ("Rebels attacked Goma on Monday.", [("Monday", "2025-05-12")]),
        ("Police said on Friday that ten died.", [("Friday", "2025-05-16")]),
        ("Talks will resume on Tuesday.", [("Tuesday", "2025-05-20")]),
        ("The envoys will meet on Friday.", [("Friday", "2025-05-23")]),
        ("Rebels are expected to withdraw on Sunday.", [("Sunday", "2025-05-18")]),
        ("The vote is set for next Tuesday.", [("next Tuesday", "2025-05-20")]),
        ("Shelling resumed last Friday.", [("last Friday", "2025-05-09")]),
        ("Monday's strikes killed four.", [("Monday", "2025-05-12")]),
        ("The army said early on Monday evening that it had won.", [("Monday", "2025-05-12")]),
        # deictic and calendar-relative words
        ("The army said yesterday it had won.", [("yesterday", "2025-05-15")]),
        ("Talks end tomorrow.", [("tomorrow", "2025-05-17")]),
        ("Prices rose last month.", [("last month", "2025-04")]),
        ("Elections are due next year.", [("next year", "2026")]),
        ("The group formed three years ago.", [("three years ago", "2022")]),
        # absolute dates, and days and months that borrow the publication year
        ("It happened on August 31, 2017.", [("August 31, 2017", "2017-08-31")]),
        ("It began on 12 March 2024.", [("12 March 2024", "2024-03-12")]),
        ("The truce was signed on 2017-08-31.", [("2017-08-31", "2017-08-31")]),
        ("The report is dated 25/12/2020.", [("25/12/2020", "2020-12-25")]),
        ("The talks on Saturday, 10 May 2025 failed.", [("Saturday, 10 May 2025", "2025-05-10")]),
        ("He arrived on 3 March and left in 2019.", [("3 March", "2025-03-03"), ("2019", "2019")]),
        ("The raid on Aug. 31 killed four.", [("Aug. 31", "2024-08-31")]),
        ("The ceasefire expires on June 20.", [("June 20", "2025-06-20")]),
        ("Talks will resume in February.", [("February", "2026-02")]),
        ("Clashes broke out in mid-July.", [("mid-July", "2024-07")]),
        ("Fighting flared in January.", [("January", "2025-01")]),
        (
            "It happened last July and in March 2020.",
            [("last July", "2024-07"), ("March 2020", "2020-03")],
        ),
        ("The city fell in July this year.", [("July this year", "2025-07")]),
        ("Fighting has gone on since 2015.", [("2015", "2015")]),
        ("The siege lasted from 2012 to 2016.", [("2012", "2012"), ("2016", "2016")]),
        # nothing to find: durations, vague words, numbers, names, habits
        ("The weather was mild and 4,000 troops stayed.", []),
        ("We will fight for years.", []),
        ("The siege lasted three weeks.", []),
        ("In the past year, 300 died.", []),
        ("Now the fighters are recently arrived.", []),
        ("Fighters left western Qalamoun.", []),
        ("The aid was criticised by Jan Egeland.", []),
        ("They may march on the capital.", []),
        ("Markets close on Mondays.", []),
        ("The unit lost 2015 soldiers in the 1990s.", []),
    ],
)
def test_expressions_resolve_against_the_publication_date(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Monday's transfers come one week after the army launched an offensive.",
            [("Monday", "2025-05-12"), ("one week after", "2025-05-05")],
        ),
        (
            "Two days before Monday's vote, rebels attacked Goma.",
            [("Two days before", "2025-05-10"), ("Monday", "2025-05-12")],
        ),
    ],
)
def test_counts_after_or_before_a_date_date_the_other_event(nlp, text, expected):
    assert values(nlp, text) == expected


def test_a_count_with_no_date_to_count_from_is_unresolved(nlp):
    [time] = find(nlp("The truce collapsed a week after it was signed."), REF)
    assert (time.text, time.value, time.reason) == (
        "a week after",
        None,
        "no date in the sentence to count from",
    )


@pytest.mark.parametrize(
    ("text", "span", "reason"),
    [
        ("Hundreds protested last week.", "last week", "week-level dates are not resolved"),
        ("Profits fell in the third quarter.", "the third quarter", "quarter-level"),
        ("Fighting eased last summer.", "last summer", "season-level"),
        ("The order is dated 3/4/2021.", "3/4/2021", "order of day and month"),
    ],
)
def test_dates_finer_or_coarser_than_ours_are_reported_unresolved(nlp, text, span, reason):
    [time] = find(nlp(text), REF)
    assert (time.text, time.value, time.precision) == (span, None, None)
    assert reason in (time.reason or "")


def test_relative_dates_without_a_publication_date_stay_null(nlp):
    times = find(nlp("Rebels attacked Goma on Monday, yesterday and in July this year."), None)
    assert [(t.text, t.value, t.reason) for t in times] == [
        ("Monday", None, RELATIVE),
        ("yesterday", None, RELATIVE),
        ("July this year", None, RELATIVE),
    ]


def test_absolute_dates_resolve_without_a_publication_date(nlp):
    assert values(nlp, "It began on 12 March 2024 and in 2019.", None) == [
        ("12 March 2024", "2024-03-12"),
        ("2019", "2019"),
    ]


def test_times_are_numbered_in_text_order_and_slice_the_text(nlp):
    doc = nlp("In 2019 the army said on Monday that talks will resume on 3 June.")
    times = find(doc, REF)
    assert [t.id for t in times] == ["t1", "t2", "t3"]
    assert all(doc.text[t.start : t.end] == t.text for t in times)
    assert [t.precision for t in times] == ["year", "day", "day"]


@pytest.mark.parametrize(
    ("text", "published", "span"),
    [
        ("Rebels attacked Goma on Friday.", dt.date.min, "Friday"),  # 0001-01-01 is a Monday
        ("Rebels attacked Goma yesterday.", dt.date.min, "yesterday"),
        ("Rebels attacked Goma three days ago.", dt.date(1, 1, 2), "three days ago"),
        ("Prices rose last year.", dt.date(1, 6, 1), "last year"),
        ("Fighting flared in December.", dt.date(1, 1, 2), "December"),
        ("Talks end tomorrow.", dt.date.max, "tomorrow"),
        ("Talks will resume in January.", dt.date(9999, 12, 2), "January"),
        ("Elections are due next year.", dt.date(9999, 1, 1), "next year"),
        ("The ceasefire expires on January 5.", dt.date(9999, 12, 31), "January 5"),
    ],
)
def test_relative_dates_past_the_ends_of_the_calendar_are_unresolved(nlp, text, published, span):
    # Found by tests/test_fuzz.py: these raised OverflowError, or gave "0000-12" and "1".
    assert [(t.text, t.value, t.reason) for t in find(nlp(text), published)] == [
        (span, None, OUT_OF_CALENDAR)
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Rebels attacked Goma yesterday.", dt.date(1, 1, 2), ("yesterday", "0001-01-01")),
        ("Prices rose last year.", dt.date(2, 3, 1), ("last year", "0001")),
        ("Talks end tomorrow.", dt.date(9999, 12, 30), ("tomorrow", "9999-12-31")),
    ],
)
def test_dates_at_the_ends_of_the_calendar_resolve_with_four_digit_years(
    nlp, text, published, expected
):
    assert values(nlp, text, published) == [expected]


def test_same_weekday_as_publication_is_that_day():
    assert weekday_date("Friday", REF, forward=False) == REF
    assert weekday_date("Friday", REF, forward=True) == REF + dt.timedelta(days=7)


@pytest.mark.parametrize(
    ("month", "day", "tense", "year"),
    [
        (3, 3, 0, 2025),  # weeks ago
        (6, 20, 0, 2025),  # a month ahead: an announced date
        (12, 1, 0, 2024),  # half a year ahead: last December, for news
        (12, 1, 1, 2025),  # unless the clause looks ahead
        (4, 1, 1, 2026),  # the next April, since this one has passed
    ],
)
def test_a_day_and_month_take_the_nearest_plausible_year(month, day, tense, year):
    assert year_for(month, day, REF, tense) == year


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("25", "12", dt.date(2020, 12, 25)), ("12", "25", dt.date(2020, 12, 25)), ("3", "4", None)],
)
def test_numeric_dates_count_only_when_unambiguous(a, b, expected):
    assert numeric_date(a, b, "2020") == expected


@pytest.mark.parametrize(
    ("text", "date", "span"),
    [
        ("Headline here\n\nPosted August 31, 2017\n\nBody.", "2017-08-31", "August 31, 2017"),
        ("Headline\nPublished: 12 March 2024 10:30 GMT\nBody.", "2024-03-12", "12 March 2024"),
        ("Headline\nUpdated 13/4/2021\nBody.", "2021-04-13", "13/4/2021"),
        ("Headline\n2024-03-12\nBody text follows.", "2024-03-12", "2024-03-12"),
        ("Headline\n\nAugust 31, 2017\n\nBody.", "2017-08-31", "August 31, 2017"),
        ("Headline\nMon 4 Sep 2017 10.30 BST\nBody.", "2017-09-04", "4 Sep 2017"),
        ("Headline\nFirst published on Monday, May 12, 2025\n", "2025-05-12", "May 12, 2025"),
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
        "Headline\nUpdated 3/4/2021\nBody.",  # March 4 or April 3
        "Headline\nPosted August 31\nBody.",  # no year
        "".join(f"Line {n}.\n" for n in range(6)) + "August 31, 2017\n",  # not near the top
        "x" * 520 + "\nPosted August 31, 2017\n",  # past the first 500 characters
    ],
)
def test_no_dateline_gives_no_publication_date(text):
    assert find_published(text) is None


def test_seed_publication_date_is_read_from_its_dateline(seed_text):
    found = find_published(seed_text)
    assert found is not None
    published, span = found
    assert (published.isoformat(), span.text) == ("2017-08-31", "August 31, 2017")
    assert seed_text[span.start : span.end] == span.text


@pytest.fixture(scope="module")
def seed_times(nlp, seed_text):
    doc = nlp(seed_text)
    found = find_published(seed_text)
    assert found is not None
    return doc, find(doc, found[0])


def by_text(times):
    found: dict[str, list[str | None]] = {}
    for t in times:
        found.setdefault(t.text, []).append(t.value)
    return found


def test_seed_dates_resolve_against_the_dateline(seed_times):
    found = by_text(seed_times[1])
    assert found["yesterday"] == ["2017-08-30"]
    assert found["Wednesday"] == ["2017-08-30"] * 3
    assert found["Monday"] == ["2017-08-28"] * 2  # "early on Monday evening", "Monday's transfers"
    assert found["Tuesday"] == ["2017-08-29"]
    assert found["July this year"] == ["2017-07"]
    assert found["2015"] == ["2015"]
    assert found["one week after"] == ["2017-08-21"]  # the launch, a week before that Monday


def test_seed_words_spacy_labels_date_without_a_date_in_them_are_left_out(seed_times):
    doc, times = seed_times
    assert "Qalamoun" in [e.text for e in doc.ents if e.label_ == "DATE"]  # spaCy's mistake
    assert not [t for t in times if "Qalamoun" in t.text or "years" in t.text]
    assert all(doc.text[t.start : t.end] == t.text for t in times)


def test_seed_weekdays_stay_null_without_a_publication_date(nlp, seed_text):
    times = find(nlp(seed_text), None)
    weekdays = [t for t in times if t.text in ("Monday", "Tuesday", "Wednesday")]
    assert len(weekdays) == 6
    assert all(t.value is None and t.reason == RELATIVE for t in weekdays)


WORDS = ["on", "Monday", "in", "July", "2015", "3/4/2021", "99999999", "days", "ago", "after"]


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "\n", "Posted", "Aug.", "31,", "2017"]), max_size=30))
def test_any_text_gives_spans_that_slice_it(nlp, words):
    text = " ".join(words)
    published = find_published(text)
    assert published is None or text[published[1].start : published[1].end] == published[1].text
    for time in find(nlp(text), REF):
        assert text[time.start : time.end] == time.text
        assert (time.value is None) == (time.reason is not None)
