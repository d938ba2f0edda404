"""Dates: the publication date, and every date expression resolved against it.

Our own rules, not dateparser's: it misreads "we", "one week after", "July this year" and
"early on Monday evening". Values are TIMEX3-style (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) at
the precision the words give. Without a publication date a relative expression keeps
``value: null`` and a reason: we never guess the anchor.

Durations ("for years", "three weeks") are not dates and are left out. Week-level expressions
("last week") are reported with a null value and a reason, since our precision stops at day,
month and year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from .records import Span, Time, TimePrecision

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

MONTH = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"  # noqa: E501
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
COUNT = r"(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
UNIT = r"(?P<unit>day|week|month|year)s?"
# Words in the sentence before a weekday that make it point forward.
FUTURE = re.compile(
    r"\b(will|would|shall|'ll|going to|is to|are to|plans? to|scheduled|expected to)\b"
)


@dataclass(frozen=True)
class Found:
    """A date expression before it becomes a ``Time``."""

    start: int
    end: int
    value: str | None
    precision: TimePrecision | None
    reason: str | None = None


RELATIVE = "relative date with no publication date to resolve it against"


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(date: dt.date | None, precision: TimePrecision) -> str | None:
    if date is None:
        return None
    return {"day": date.isoformat(), "month": date.isoformat()[:7], "year": str(date.year)}[
        precision
    ]


def _year_for(month: int, day: int, published: dt.date) -> int:
    """The year of a day and month given without one: the nearest past occurrence, for news."""
    candidate = _day(published.year, month, day)
    if candidate and candidate > published + dt.timedelta(days=31):
        return published.year - 1
    return published.year


def _shift(date: dt.date, count: int, unit: str) -> dt.date:
    if unit == "day":
        return date + dt.timedelta(days=count)
    if unit == "week":
        return date + dt.timedelta(weeks=count)
    months = date.year * 12 + date.month - 1 + (count if unit == "month" else 12 * count)
    year, month = divmod(months, 12)
    return _day(year, month + 1, min(date.day, 28)) or date


def weekday_date(name: str, published: dt.date, forward: bool) -> dt.date:
    """The named weekday: on or before ``published``, or after it when ``forward``."""
    delta = (published.weekday() - WEEKDAYS.index(name.lower())) % 7
    if forward:
        return published + dt.timedelta(days=(7 - delta) % 7 or 7)
    return published - dt.timedelta(days=delta)


Rule = Callable[[re.Match[str], dt.date | None, str], Found | None]


def _absolute_day(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    date = _day(int(m["year"]), _month(m["month"]), int(m["day"]))
    return Found(m.start(), m.end(), _iso(date, "day"), "day") if date else None


def _iso_day(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    date = _day(int(m["year"]), int(m["mon"]), int(m["day"]))
    return Found(m.start(), m.end(), _iso(date, "day"), "day") if date else None


def _day_month(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    month, day = _month(m["month"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    if published is None:
        return Found(m.start(), m.end(), None, "day", "day and month with no year to place them")
    date = _day(_year_for(month, day, published), month, day)
    return Found(m.start(), m.end(), _iso(date, "day"), "day")


def _month_year(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    date = dt.date(int(m["year"]), _month(m["month"]), 1)
    return Found(m.start(), m.end(), _iso(date, "month"), "month")


def _month_relative(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    start = m.start("which") if m.groupdict().get("which") else m.start("month")
    if published is None:
        return Found(start, m.end(), None, "month", RELATIVE)
    month = _month(m["month"])
    which = (m.groupdict().get("which") or "").lower()
    year = published.year
    if which in ("last", "last year"):
        year -= 1 if which == "last year" or month >= published.month else 0
    elif which == "next year":
        year += 1
    elif which == "next":
        year += 1 if month <= published.month else 0
    elif which == "" and month > published.month and not FUTURE.search(sentence):
        year -= 1  # "in July": the most recent July, unless the sentence looks ahead
    return Found(start, m.end(), f"{year:04d}-{month:02d}", "month")


def _year(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    return Found(m.start("year"), m.end("year"), m["year"], "year")


def _weekday(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    end = m.start("weekday") + len(m["weekday"])
    if published is None:
        return Found(m.start(), end, None, "day", RELATIVE)
    which = (m["which"] or "").lower()
    before = sentence[: max(0, sentence.find(m.group()))]
    forward = which in ("next", "this coming") or (which == "" and bool(FUTURE.search(before)))
    date = weekday_date(m["weekday"], published, forward)
    if which == "last" and date == published:
        date -= dt.timedelta(days=7)
    return Found(m.start(), end, date.isoformat(), "day")


def _deictic(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    word = m.group().lower()
    if published is None:
        return Found(m.start(), m.end(), None, "day", RELATIVE)
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    return Found(m.start(), m.end(), (published + dt.timedelta(days=offset)).isoformat(), "day")


def _this_period(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    which, unit = m["which"].lower(), m["unit"].lower()
    if unit == "week":
        return Found(m.start(), m.end(), None, None, "week-level dates are not resolved")
    precision: TimePrecision = "year" if unit == "year" else "month"
    if published is None:
        return Found(m.start(), m.end(), None, precision, RELATIVE)
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1}[which]
    date = _shift(published.replace(day=1), step, unit)
    return Found(m.start(), m.end(), _iso(date, precision), precision)


def _ago(m: re.Match[str], published: dt.date | None, sentence: str) -> Found | None:
    count, unit = NUMBERS.get(m["count"].lower()) or int(m["count"]), m["unit"].lower()
    precision: TimePrecision = "year" if unit == "year" else "month" if unit == "month" else "day"
    if unit == "week":
        precision = "day"
    if published is None:
        return Found(m.start(), m.end(), None, precision, RELATIVE)
    return Found(m.start(), m.end(), _iso(_shift(published, -count, unit), precision), precision)


# Order matters: earlier rules win where two overlap.
RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b"), _absolute_day),
    (re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b"), _absolute_day),
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"), _iso_day),
    (
        re.compile(rf"\b{MONTH}\s+(?P<which2>this year|last year|next year)\b"),
        lambda m, p, s: _month_relative_combined(m, p, s),
    ),
    (re.compile(rf"\b{MONTH}\s+(?:of\s+)?{YEAR}\b"), _month_year),
    (re.compile(rf"\b{MONTH}\.?\s+{DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)"), _day_month),
    (re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}\b"), _day_month),
    (re.compile(rf"\b(?:(?P<which>last|next)\s+){MONTH}\b"), _month_relative),
    (
        re.compile(rf"(?:\b(?:[Ii]n|[Ss]ince|during|until|by|early|late|of)\s+|mid-){MONTH}\b"),
        _month_relative,
    ),
    (re.compile(rf"\b(?:(?P<which>last|next|this coming|this)\s+)?{WEEKDAY}(?:'s)?"), _weekday),
    (re.compile(r"\b(?:yesterday|today|tonight|tomorrow)\b", re.I), _deictic),
    (
        re.compile(
            r"\b(?P<which>this|current|last|past|previous|next)\s+(?P<unit>year|month|week)\b",
            re.I,
        ),
        _this_period,
    ),
    (re.compile(rf"\b{COUNT}\s+{UNIT}\s+ago\b", re.I), _ago),
    (
        re.compile(
            rf"(?:\b(?:in|In|since|Since|during|until|Until|by|By|from|From|of|early|late|mid-|"
            rf"between|and|to|before|after|before|spring|summer|autumn|fall|winter)\s+){YEAR}\b"
            r"(?![-\u2013]\d)"
        ),
        _year,
    ),
    (re.compile(rf"^\s*{YEAR}\b(?=,)"), _year),
]


def _month_relative_combined(
    m: re.Match[str], published: dt.date | None, sentence: str
) -> Found | None:
    """ "July this year", "last July", "March next year"."""
    if published is None:
        return Found(m.start(), m.end(), None, "month", RELATIVE)
    month = _month(m["month"])
    which = (m["which2"] or "").lower()
    year = published.year + {"this year": 0, "last year": -1, "next year": 1}[which]
    return Found(m.start(), m.end(), f"{year:04d}-{month:02d}", "month")


ANCHORED = re.compile(rf"\b{COUNT}\s+{UNIT}\s+(?P<dir>after|before|later|earlier)\b", re.I)


def _anchored(
    sentence: str, offset: int, found: list[Found], published: dt.date | None
) -> list[Found]:
    """ "one week after X": the date of X, reckoned from the other date its sentence gives.

    In "Monday's transfers come one week after the army launched ...", the launch is one
    week before that Monday; "two days before the vote" is two days after the sentence's date.
    """
    results = []
    for m in ANCHORED.finditer(sentence):
        start, end = offset + m.start(), offset + m.end()
        anchors = [
            f for f in found if f.value and f.precision == "day" and offset <= f.start < start
        ]
        count = NUMBERS.get(m["count"].lower()) or int(m["count"])
        unit, direction = m["unit"].lower(), m["dir"].lower()
        if direction in ("later", "earlier"):
            continue  # reckoned from an event, not a date: left to the events stage
        if not anchors:
            reason = RELATIVE if published is None else "no date in the sentence to count from"
            results.append(Found(start, end, None, None, reason))
            continue
        anchor = dt.date.fromisoformat(anchors[-1].value or "")
        sign = -1 if direction == "after" else 1
        results.append(Found(start, end, _shift(anchor, sign * count, unit).isoformat(), "day"))
    return results


PUBLISHED_LINE = re.compile(
    r"^[ \t]*(?:(?:Posted|Published|Updated|Last updated|First published|Dated?)\b:?[ \t]*"
    r"(?:on[ \t]+)?)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?(?P<date>.+?)[ \t]*$",
    re.M,
)


def find_published(text: str) -> tuple[dt.date, Span] | None:
    """The publication date stated near the top of the text ("Posted August 31, 2017")."""
    head = text[:600]
    for line in PUBLISHED_LINE.finditer(head):
        words = line["date"]
        labelled = line.group().strip() != words.strip()
        if not labelled and len(words) > 40:
            continue
        for pattern, rule in RULES[:3]:
            m = pattern.search(words)
            if m is None:
                continue
            # A bare date line holds only the date (and a time); a labelled one may say more.
            if not labelled and (m.start() > 0 or len(words) - m.end() > 16):
                continue
            found = rule(m, None, words)
            if found and found.value:
                start = line.start("date") + m.start()
                end = line.start("date") + m.end()
                return dt.date.fromisoformat(found.value), Span(
                    start=start, end=end, text=text[start:end]
                )
    return None


def find(doc: Doc, published: dt.date | None) -> list[Time]:
    """Every date expression in ``doc``; relative ones resolved against ``published``."""
    text = doc.text
    taken: list[Found] = []
    for sent in doc.sents:
        sentence, offset = sent.text, sent.start_char
        in_sentence: list[Found] = []
        for pattern, rule in RULES:
            for m in pattern.finditer(sentence):
                found = rule(m, published, sentence)
                if found is None:
                    continue
                found = Found(
                    found.start + offset,
                    found.end + offset,
                    found.value,
                    found.precision,
                    found.reason,
                )
                if not any(f.start < found.end and found.start < f.end for f in in_sentence):
                    in_sentence.append(found)
        in_sentence.sort(key=lambda f: f.start)
        in_sentence += [
            f
            for f in _anchored(sentence, offset, in_sentence, published)
            if not any(g.start < f.end and f.start < g.end for g in in_sentence)
        ]
        taken += in_sentence
    taken.sort(key=lambda f: f.start)
    return [
        Time(
            id=f"t{i}",
            start=f.start,
            end=f.end,
            text=text[f.start : f.end],
            value=f.value,
            precision=f.precision if f.value else None,
            reason=f.reason if f.value is None else None,
        )
        for i, f in enumerate(taken, start=1)
    ]
