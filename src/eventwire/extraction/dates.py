"""Dates: the publication date, and every date expression resolved against it.

Our own rules, not dateparser's: it misreads "we", "one week after", "July this year" and
"early on Monday evening", and it is slow when called per phrase. Candidates come from our
regexes and from spaCy's DATE entities; an entity is kept only when a rule finds a date word in
it (spaCy labels "Qalamoun" DATE). Values are TIMEX3-style (``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``) at the precision the words give.

What we report and what we leave out:

- Without a publication date a relative expression keeps ``value: null`` and a reason: we never
  guess the anchor. Absolute dates still resolve.
- Weeks, quarters and seasons ("last week", "the third quarter", "this summer") are reported with
  a null value and a reason: our precision stops at day, month and year.
- Durations ("for years", "three weeks") and vague words ("now", "recently") are not dates and
  are left out, as are "N days later/earlier", which count from an event rather than a date.
- "one week after" takes the date of the event it places, reckoned from a date in its sentence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..records import Span, Time, TimePrecision
from .parse import entities, text_of, token_starts

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

MONTH = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?!\w)"  # noqa: E501
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d\u2013-]|s\b)"
# Full names only where no day or year follows: "by Jan Egeland" is not a month.
MONTH_NAME = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?!\w)"  # noqa: E501
# "\b" after the name: "on Mondays" is a habit, not a date.
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
# "Saturday, April 25": the weekday is part of the expression, the date gives the value.
ON_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
PART = r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+))?"
PREPOSITION = r"(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|of|before|after|through)"
COUNT = r"(?P<count>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
UNIT = r"(?P<unit>day|week|fortnight|month|year)s?"

RELATIVE = "relative date with no publication date to resolve it against"
AMBIGUOUS = "numeric date whose order of day and month cannot be told"
NO_YEAR = "day and month with no year, and no publication date to take one from"
OUT_OF_CALENDAR = "counted from the publication date it falls outside the years 1 to 9999"
# Auxiliaries and verbs that put a clause in the future ("will meet", "is expected to meet").
FUTURE_AUX = {"will", "'ll", "ll", "shall", "wo", "would", "could", "might"}
FUTURE_VERBS = {"expect", "schedule", "plan", "set", "due", "go", "intend", "prepare"}


@dataclass(frozen=True)
class Found:
    """A date expression before it becomes a ``Time``."""

    start: int
    end: int
    value: str | None
    precision: TimePrecision | None
    reason: str | None = None


@dataclass(frozen=True)
class Context:
    """What a rule knows besides its match: the parse and the publication date."""

    doc: Doc
    published: dt.date | None
    starts: list[int]

    def token(self, char: int) -> Token:
        """The token holding character ``char``."""
        return self.doc[max(0, bisect.bisect_right(self.starts, char) - 1)]

    def tense(self, char: int) -> int:
        """+1 when the clause around ``char`` speaks of the future, -1 of the past, else 0."""
        token = self.token(char)
        verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), token.sent.root)
        chain = [verb]
        while chain[-1].dep_ == "xcomp":
            chain.append(chain[-1].head)  # "is expected to meet": the tense is on "expected"
        words = chain + [c for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")]
        # Checked first: "planned to leave on Thursday", "said he would go on Friday".
        if any(w.lower_ in FUTURE_AUX for w in words) or any(
            w.lemma_ in FUTURE_VERBS for w in chain[1:]
        ):
            return 1
        if any(w.tag_ == "VBD" or w.lower_ in ("has", "have", "'ve") for w in words):
            return -1
        return 0


Rule = Callable[[re.Match[str], Context], Found | None]


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _count(word: str) -> int:
    return NUMBERS.get(word.lower()) or int(word)


def _day(year: int, month: int, day: int) -> dt.date | None:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        # Not "no such day": the calendar ends, as date arithmetic past it raises.
        raise OverflowError(f"year {year} is outside the calendar")
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(date: dt.date, precision: TimePrecision) -> str:
    return {"day": date.isoformat(), "month": date.isoformat()[:7], "year": f"{date.year:04d}"}[
        precision
    ]


def _shift(date: dt.date, count: int, unit: str) -> dt.date:
    if unit in ("day", "week", "fortnight"):
        return date + dt.timedelta(days=count * {"day": 1, "week": 7, "fortnight": 14}[unit])
    months = date.year * 12 + date.month - 1 + (count if unit == "month" else 12 * count)
    year, month = divmod(months, 12)
    return _day(year, month + 1, min(date.day, 28)) or date


def year_for(month: int, day: int, published: dt.date, tense: int) -> int:
    """The year of a day and month given without one.

    The next such day when the clause speaks of the future; otherwise the nearest, counting a
    day ahead of publication as near only within three months, since news mostly reports what
    has happened (and a past-tense verb may still point ahead: "was extended to Nov. 16").
    """
    this = _day(published.year, month, day) or dt.date(published.year, month, 28)
    if tense > 0:
        return published.year + (this < published)
    if this > published + dt.timedelta(days=92):
        return published.year - 1
    if this < published - dt.timedelta(days=273):
        return published.year + 1
    return published.year


def weekday_date(name: str, published: dt.date, forward: bool) -> dt.date:
    """The named weekday: on or before ``published``, or after it when ``forward``."""
    delta = (published.weekday() - WEEKDAYS.index(name.lower())) % 7
    if forward:
        return published + dt.timedelta(days=(7 - delta) % 7 or 7)
    return published - dt.timedelta(days=delta)


def full_date(m: re.Match[str]) -> dt.date | None:
    """The date a match of one of the full-date patterns names, or None when it names none."""
    groups = m.groupdict()
    if groups.get("a"):
        return numeric_date(m["a"], m["b"], m["year"])
    month = int(m["mon"]) if groups.get("mon") else _month(m["month"])
    return _day(int(m["year"]), month, int(m["day"]))


def numeric_date(a: str, b: str, year: str) -> dt.date | None:
    """The date of a/b/year when only one of month/day and day/month reads as a date.

    3/14/2021 and 14/3/2021 are clear; 3/4/2021 is March or April by country, so it is None.
    """
    readings = {_day(int(year), int(a), int(b)), _day(int(year), int(b), int(a))} - {None}
    return readings.pop() if len(readings) == 1 else None


def _full_date(m: re.Match[str], ctx: Context) -> Found | None:
    date = full_date(m)
    if date:
        return Found(m.start(), m.end(), date.isoformat(), "day")
    if m.groupdict().get("a") and max(int(m["a"]), int(m["b"])) <= 12:
        return Found(m.start(), m.end(), None, None, AMBIGUOUS)
    return None


def _day_month(m: re.Match[str], ctx: Context) -> Found | None:
    month, day = _month(m["month"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.published is None:
        return Found(m.start(), m.end(), None, "day", NO_YEAR)
    date = _day(year_for(month, day, ctx.published, ctx.tense(m.start())), month, day)
    return Found(m.start(), m.end(), date.isoformat(), "day") if date else None


def _month_year(m: re.Match[str], ctx: Context) -> Found | None:
    return Found(m.start(), m.end(), f"{m['year']}-{_month(m['month']):02d}", "month")


def _month_this_year(m: re.Match[str], ctx: Context) -> Found | None:
    """ "July this year", "March last year": the month of a year counted from publication."""
    if ctx.published is None:
        return Found(m.start(), m.end(), None, "month", RELATIVE)
    year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["which"].lower()]
    return Found(m.start(), m.end(), f"{year:04d}-{_month(m['month']):02d}", "month")


def _month_alone(m: re.Match[str], ctx: Context) -> Found | None:
    """ "in July", "last July", "mid-July": the nearest such month, or as "last"/"next" say."""
    start = m.start("span")
    if ctx.published is None:
        return Found(start, m.end(), None, "month", RELATIVE)
    month, published = _month(m["month"]), ctx.published
    which = (m.groupdict().get("which") or "").lower()
    if which == "last":
        year = published.year - (month >= published.month)
    elif which == "next":
        year = published.year + (month <= published.month)
    elif (tense := ctx.tense(m.start("month"))) < 0 and month > published.month:
        year = published.year - 1  # "fighting broke out in July", told in May: last July
    else:
        year = year_for(month, 15, published, tense)
    return Found(start, m.end(), f"{year:04d}-{month:02d}", "month")


def _year(m: re.Match[str], ctx: Context) -> Found | None:
    return Found(m.start("year"), m.end("year"), m["year"], "year")


def _weekday(m: re.Match[str], ctx: Context) -> Found | None:
    end = m.end("weekday")
    if ctx.published is None:
        return Found(m.start(), end, None, "day", RELATIVE)
    which = (m["which"] or "").lower()
    forward = which in ("next", "this coming", "coming") or (
        not which and ctx.tense(m.start("weekday")) > 0
    )
    date = weekday_date(m["weekday"], ctx.published, forward)
    if which in ("last", "this past", "past") and date == ctx.published:
        date -= dt.timedelta(days=7)
    return Found(m.start(), end, date.isoformat(), "day")


def _deictic(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.published is None:
        return Found(m.start(), m.end(), None, "day", RELATIVE)
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m.group().lower()]
    date = ctx.published + dt.timedelta(days=offset)
    return Found(m.start(), m.end(), date.isoformat(), "day")


def _this_period(m: re.Match[str], ctx: Context) -> Found | None:
    which, unit = m["which"].lower(), m["unit"].lower()
    if unit == "week":
        return Found(m.start(), m.end(), None, None, "week-level dates are not resolved")
    precision: TimePrecision = "year" if unit == "year" else "month"
    if ctx.published is None:
        return Found(m.start(), m.end(), None, precision, RELATIVE)
    step = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[which]
    date = _shift(ctx.published.replace(day=1), step, unit)
    return Found(m.start(), m.end(), _iso(date, precision), precision)


def _ago(m: re.Match[str], ctx: Context) -> Found | None:
    unit = m["unit"].lower()
    precision: TimePrecision = "year" if unit == "year" else "month" if unit == "month" else "day"
    if ctx.published is None:
        return Found(m.start(), m.end(), None, precision, RELATIVE)
    date = _shift(ctx.published, -_count(m["count"]), unit)
    return Found(m.start(), m.end(), _iso(date, precision), precision)


def _unresolved(reason: str) -> Rule:
    return lambda m, ctx: Found(m.start(), m.end(), None, None, reason)


# Run over the whole text. Order matters: where two overlap, the earlier rule wins.
# Words one of which every match of a pattern holds (case folded): a text with none of them is
# not scanned for it. Most news names no "quarter" and nothing "ago", and each scan of an
# article costs about a fifth of a millisecond.
KEY_WORDS: dict[re.Pattern[str], tuple[str, ...]] = {}
SEASONS = ("spring", "summer", "autumn", "fall", "winter")


def _keyed(pattern: re.Pattern[str], *words: str) -> re.Pattern[str]:
    KEY_WORDS[pattern] = words
    return pattern


def _may_match(pattern: re.Pattern[str], folded: str) -> bool:
    words = KEY_WORDS.get(pattern)
    return words is None or any(word in folded for word in words)


RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(rf"\b{ON_WEEKDAY}{MONTH}\s+{DAY},?\s+{YEAR}"), _full_date),
    (re.compile(rf"\b{ON_WEEKDAY}{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}"), _full_date),
    (
        _keyed(re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"), "-"),
        _full_date,
    ),
    (
        _keyed(re.compile(r"\b(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<year>(?:19|20)\d\d)\b"), "/"),
        _full_date,
    ),
    (re.compile(rf"\b{PART}{MONTH}\s+(?P<which>this|last|next)\s+year\b"), _month_this_year),
    (re.compile(rf"\b{PART}{MONTH}\s+(?:of\s+)?{YEAR}"), _month_year),
    (re.compile(rf"\b{ON_WEEKDAY}{MONTH}\s+{DAY}(?!\s*,?\s*(?:19|20)\d\d)"), _day_month),
    (re.compile(rf"\b{ON_WEEKDAY}(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}"), _day_month),
    (re.compile(rf"\b(?P<span>(?P<which>[Ll]ast|[Nn]ext)\s+){MONTH_NAME}"), _month_alone),
    (
        re.compile(rf"\b(?P<span>(?:[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+)){MONTH_NAME}(?!\s+\d)"),
        _month_alone,
    ),
    (
        re.compile(rf"\b{PREPOSITION}\s+(?:the\s+)?(?P<span>){MONTH_NAME}(?!\s+\d)"),
        _month_alone,
    ),
    (
        re.compile(
            r"\b(?:(?P<which>[Ll]ast|[Nn]ext|[Tt]his coming|[Tt]his past|[Tt]his|[Cc]oming|[Pp]ast)"
            rf"\s+)?{WEEKDAY}"
        ),
        _weekday,
    ),
    (
        _keyed(
            re.compile(r"\b(?:yesterday|today|tonight|tomorrow)\b", re.I),
            *("yesterday", "today", "tonight", "tomorrow"),
        ),
        _deictic,
    ),
    (
        _keyed(
            re.compile(
                # Not "past": "in the past month, 300 died" is a stretch of time, not a month.
                r"\b(?P<which>this|current|last|previous|next)\s+(?P<unit>year|month|week)\b",
                re.I,
            ),
            *("year", "month", "week"),
        ),
        _this_period,
    ),
    (_keyed(re.compile(rf"\b{COUNT}\s+{UNIT}\s+ago\b", re.I), "ago"), _ago),
    (
        _keyed(
            re.compile(
                r"\b(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last|latest|current|"
                r"next|previous)[- ]quarter\b",
                re.I,
            ),
            "quarter",
        ),
        _unresolved("quarter-level dates are not resolved"),
    ),
    (
        _keyed(
            re.compile(
                r"\b(?:this|last|next|this past|this coming|early|late)\s+"
                r"(?:spring|summer|autumn|fall|winter)\b",
                re.I,
            ),
            *SEASONS,
        ),
        _unresolved("season-level dates are not resolved"),
    ),
    (
        re.compile(
            rf"(?:\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|of|between|and|to|before|"
            r"after|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Ee]arly|[Ll]ate)\s+|\bmid-)"
            rf"{YEAR}"
        ),
        _year,
    ),
]

# Run only inside spaCy DATE entities, which tell a year from a number and "May" from "may".
ENTITY_RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(rf"(?P<span>){MONTH_NAME}(?!\s+\d)"), _month_alone),
    (re.compile(rf"(?<![\d,.$])\b{YEAR}"), _year),
]

ANCHORED = _keyed(
    re.compile(rf"\b{COUNT}\s+{UNIT}\s+(?P<dir>after|before)\b", re.I), "after", "before"
)


def _anchored(m: re.Match[str], ctx: Context, found: list[Found]) -> Found:
    """ "one week after": the date of the event it places, counted from a date in its sentence.

    "Monday's transfers come one week after the army launched ...": the anchor comes first and
    the launch is one week before it. "Two days before Monday's vote, rebels attacked": the
    anchor follows, and the attack is two days before it.
    """
    sentence = ctx.token(m.start()).sent
    days = [
        f
        for f in found
        if f.value and f.precision == "day" and sentence.start_char <= f.start < sentence.end_char
    ]
    before = [f for f in days if f.end <= m.start()]
    after = [f for f in days if f.start >= m.end()]
    if not days:
        reason = RELATIVE if ctx.published is None else "no date in the sentence to count from"
        return Found(m.start(), m.end(), None, None, reason)
    sign = 1 if m["dir"].lower() == "after" else -1
    if after and (not before or after[0].start - m.end() < 20):
        anchor = after[0]  # the anchor is what "after"/"before" governs
    else:
        anchor, sign = before[-1], -sign
    unit = m["unit"].lower()
    precision: TimePrecision = "year" if unit == "year" else "month" if unit == "month" else "day"
    date = _shift(dt.date.fromisoformat(anchor.value or ""), sign * _count(m["count"]), unit)
    return Found(m.start(), m.end(), _iso(date, precision), precision)


def _resolve(m: re.Match[str], rule: Callable[[], Found | None]) -> Found | None:
    """What ``rule`` finds at ``m``, unresolved where its date falls outside years 1-9999.

    A publication date of 0001-01-01 or 9999-12-31 is odd but valid; "yesterday" or "next
    January" counted from it has no date we can write.
    """
    try:
        found = rule()
    except OverflowError:  # date arithmetic past 0001-01-01 or 9999-12-31
        start = m.start("span") if "span" in m.re.groupindex else m.start()
        return Found(start, m.end(), None, None, OUT_OF_CALENDAR)
    if found and found.value and not 1 <= int(found.value.split("-")[0]) <= 9999:
        return Found(found.start, found.end, None, None, OUT_OF_CALENDAR)
    return found


def _overlaps(found: Found, taken: list[Found]) -> bool:
    return any(f.start < found.end and found.start < f.end for f in taken)


def find(doc: Doc, published: dt.date | None) -> list[Time]:
    """Every date expression in ``doc``; relative ones resolved against ``published``."""
    text = text_of(doc)
    ctx = Context(doc, published, token_starts(doc))
    taken: list[Found] = []
    folded = text.casefold()
    for pattern, rule in RULES:
        if not _may_match(pattern, folded):
            continue
        for m in pattern.finditer(text):
            found = _resolve(m, functools.partial(rule, m, ctx))
            if found and not _overlaps(found, taken):
                taken.append(found)
    for ent in entities(doc):
        if ent.label_ != "DATE":
            continue
        for pattern, rule in ENTITY_RULES:
            for m in pattern.finditer(text, ent.start_char, ent.end_char):
                found = _resolve(m, functools.partial(rule, m, ctx))
                if found and not _overlaps(found, taken):
                    taken.append(found)
    for m in ANCHORED.finditer(text) if _may_match(ANCHORED, folded) else ():
        found = _resolve(m, functools.partial(_anchored, m, ctx, taken))
        if found and not _overlaps(found, taken):
            taken.append(found)
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


# --- publication date -----------------------------------------------------------------------

LABEL = re.compile(
    r"[ \t]*(?P<label>(?:Posted|Published|Updated|Last updated|First published|Dated?)\b"
    r"[ \t]*:?[ \t]*(?:on[ \t]+)?)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?",
    re.I,
)
# Dates that need nothing outside themselves; a dateline has no sentence to lend a year.
FULL_DATES = [
    re.compile(rf"{MONTH}[ \t]+{DAY},?[ \t]+{YEAR}"),
    re.compile(rf"{DAY}[ \t]+(?:of[ \t]+)?{MONTH},?[ \t]+{YEAR}"),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(r"(?P<a>\d\d?)[/.](?P<b>\d\d?)[/.](?P<year>(?:19|20)\d\d)\b"),
]
# What may follow a date alone on its line: a time and a zone ("10.30 BST", "at 3:05 pm EDT").
TRAILER = re.compile(
    r"[ \t]*(?:[,|\u2013\u2014-]?[ \t]*(?:at[ \t]+)?\d\d?[:.]\d\d(?:[ \t]*[ap]\.?m\.?)?"
    r"(?:[ \t]+[A-Z]{2,5}(?:[+-]\d\d?)?)?)?[ \t\r]*$",
    re.I,
)


def find_published(text: str) -> tuple[dt.date, Span] | None:
    """The publication date stated near the top of the text, with where it was read.

    A labelled dateline ("Posted August 31, 2017", "Published: 12 March 2024") in the first
    500 characters, or a line among the first five that holds only a date (and a time). Numeric
    dates count only when the order of day and month cannot be mistaken.
    """
    for number, line in enumerate(re.finditer(r"[^\n]+", text[:500])):
        label = LABEL.match(text, line.start(), line.end())
        labelled = bool(label and label["label"])
        if not labelled and number >= 5:
            continue
        for pattern in FULL_DATES:
            m = pattern.match(text, label.end() if label else line.start(), line.end())
            if m is None or not (labelled or TRAILER.match(text, m.end(), line.end())):
                continue
            date = full_date(m)
            if date:
                return date, Span(start=m.start(), end=m.end(), text=m.group())
    return None
