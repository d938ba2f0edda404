"""Fuzzing ``eventwire.extract``: hostile text, mutated real articles and odd publication dates.

Whatever comes in, extraction either refuses it with one of eventwire's own errors or returns a
``Document`` whose every span slices the article text, whose every id reference resolves, whose
JSON validates against ``eventwire schema``, and which is the same when run again.

The CI run is bounded and deterministic (``CI_FUZZ``: fixed example counts, derandomised, no
example database); ``bench/fuzz.py`` runs the same strategies and ``check_*`` properties for as
long as it is given. Real articles come from ``../shared/corpus`` (public domain) at test time.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import extract
from eventwire.cli import main
from eventwire.errors import EventwireError
from eventwire.extraction.pipeline import extract_article
from eventwire.ingest.articles import read_json
from eventwire.records import Document
from eventwire.settings import Settings
from tests.spans import bad_spans, count_spans

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPUS = CORPUS / "voa_stories.public_domain.jsonl"

# Deterministic and database-less, so CI sees the same examples every run; each test sets its
# own max_examples so the file stays under a minute on two shared cores.
CI_FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

# --- what hostile text is made of --------------------------------------------------------------

CONTROLS = "".join(map(chr, [*range(0x20), 0x7F, *range(0x80, 0xA0)]))
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
COMBINING = "\u0300\u0301\u0308\u0327\u0336\u0489\u20dd\u0e49\u05b7\u064b"
# Lone surrogates cannot come from UTF-8 bytes, but a JSON "\ud800" escape decodes to one.
SURROGATES = "\ud800\udbff\udc00\udfff"
QUOTES = "\"'`“”‘’«»„‟‹›「」『』"
BRACKETS = "()[]{}<>⟨⟩（）"
PUNCTUATION = ".,;:!?…—–-/\\|@#$%^&*_~+=·•§¶¿¡"
SPACES = [" ", " ", " ", "\t", "\n", "\n\n", "\r\n", "\r", "\r\r\n", "\u00a0", "\u2028"]
SPACES += ["\u2029", "\u3000", "\u2009", "\x0c", "\x85", "\u200b", ""]
EMOJI = ["😀", "👍🏽", "👨‍👩‍👧", "🇺🇸", "🏳️‍🌈", "1️⃣", "🔥🔥🔥", "\U0001f1fa"]
# Printable oddities go anywhere; controls, NUL and surrogates (which make the text refused as
# binary or not UTF-8) only into one text in five, so most texts still reach the stages.
ODD = BIDI + ZERO_WIDTH + COMBINING + QUOTES + BRACKETS + PUNCTUATION
REFUSED = CONTROLS + SURROGATES
# What wakes every stage: actors, places, event verbs, dates, quote cues.
ACTORS = ["Iraqi forces", "Russian troops", "Police", "Kenyan police", "al-Shabab militants"]
ACTORS += ["President Joe Biden", "The U.N. Security Council", "Hamas", "Israeli soldiers"]
ACTORS += ["Ukraine's army", "Protesters", "Rebels", "Mohammed Shia al-Sudani", "they", "He"]
VERBS = ["attacked", "killed", "arrested", "met", "signed a ceasefire with", "condemned"]
VERBS += ["shelled", "accused", "will meet", "did not attack", "may sanction", "protested against"]
PLACES = ["Mosul", "Baghdad", "Kyiv", "Mogadishu", "Nairobi", "Gaza", "Washington", "Beijing"]
PLACES += ["Springfield", "Paris, Texas", "the north", "Lagos State"]
DATES = ["on Monday", "yesterday", "last week", "on March 14, 2025", "three days ago", "today"]
DATES += ["next January", "in July", "last year", "tomorrow", "on Feb. 29", "on 3/4/2021"]
DATES += ["one week after", "on 31 December", "in 2019", "this month", "next Sunday"]
CUES = ["said", "told reporters", "said in a statement", "wrote on X", "added"]
WORDS = [word for phrase in ACTORS + VERBS + PLACES + DATES + CUES for word in phrase.split()]


def _text_of(alphabet: str, *, min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=min_size, max_size=max_size)


def tokens(odd: str) -> st.SearchStrategy[str]:
    """One token: a word (maybe shouted, maybe marked), odd characters, emoji, or a very long
    token with no break in it."""
    return st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(str.upper),
        st.tuples(st.sampled_from(WORDS), _text_of(COMBINING + ZERO_WIDTH + BIDI)).map("".join),
        _text_of(odd),
        st.sampled_from(EMOJI),
        st.text(alphabet="abcXYZ019-'.", min_size=200, max_size=3000),
        st.tuples(st.sampled_from("a.-'\"(0😀\u0301"), st.integers(100, 5000)).map(
            lambda repeat: repeat[0] * repeat[1]
        ),
        st.text(max_size=6),
    )


SEPARATORS = st.sampled_from(SPACES)


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """Words, odd characters, emoji and long tokens joined by any kind of space, or none."""
    odd = ODD + REFUSED if draw(st.integers(0, 4)) == 0 else ODD
    parts = draw(st.lists(st.tuples(tokens(odd), SEPARATORS), max_size=40))
    return "".join(token + separator for token, separator in parts)


@st.composite
def hostile_sentences(draw: st.DrawFn) -> str:
    """News-like sentences (actor, verb, actor, place, date, quote) with odd characters and
    odd spacing between and inside their words."""
    odd = ODD + REFUSED if draw(st.integers(0, 4)) == 0 else ODD
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        a, b = draw(st.sampled_from(ACTORS)), draw(st.sampled_from(ACTORS))
        verb, place = draw(st.sampled_from(VERBS)), draw(st.sampled_from(PLACES))
        date, cue = draw(st.sampled_from(DATES)), draw(st.sampled_from(CUES))
        shape = draw(st.integers(0, 3))
        if shape == 0:
            sentences.append(f"{a} {verb} {b} in {place} {date}, {b} {cue}.")
        elif shape == 1:
            sentences.append(f'"{a} {verb} us {date}," {b} {cue}.')
        elif shape == 2:
            sentences.append(f"“{a} {verb} {b} in {place}” {cue} {a} {date}")  # no end, no close
        else:
            sentences.append(f"{a} {cue}: «{verb} {place}»")
    words = " ".join(sentences).split(" ")
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(words)))
        words.insert(at, draw(st.one_of(_text_of(odd), st.sampled_from(EMOJI))))
    return "".join(word + draw(SEPARATORS) for word in words)


HOSTILE_TEXT: st.SearchStrategy[str] = st.one_of(
    hostile_sentences(),
    hostile_text(),
    st.text(max_size=200),  # arbitrary Unicode, hypothesis's own mix
    st.text(alphabet=PUNCTUATION + QUOTES + BRACKETS, min_size=1, max_size=200),
    st.lists(tokens(ODD), max_size=30).map("".join),  # no whitespace at all
    st.lists(SEPARATORS, max_size=20).map("".join),  # only whitespace, or nothing
)

# --- odd publication dates -------------------------------------------------------------------

ODD_DATES = [
    dt.date.min,
    dt.date(1, 1, 2),
    dt.date(1, 3, 1),
    dt.date(1, 12, 31),
    dt.date(2024, 2, 29),
    dt.date(2000, 2, 29),
    dt.date(1900, 3, 1),
    dt.date(2100, 2, 28),
    dt.date(3000, 1, 1),
    dt.date(9999, 1, 1),
    dt.date(9999, 12, 1),
    dt.date.max,
]
DATE_STRINGS = [
    "0001-01-01",
    "9999-12-31",
    "2024-02-29",
    "2023-02-29",
    "2025-13-01",
    "0000-01-01",
    "2025-03-14T23:30:00-05:00",
    "9999-12-31T23:59:59+14:00",
    "0001-01-01T00:00:00-14:00",
    "2025-03-14 20:30:26Z",
    "20250314",
    "yesterday",
    "",
    "   ",
    "+002025-01-01",
]
# Fixed offsets rather than st.timezones(), which needs the system's tz database.
OFFSETS: st.SearchStrategy[dt.tzinfo] = st.builds(
    dt.timezone,
    st.timedeltas(dt.timedelta(hours=-23, minutes=-59), dt.timedelta(hours=23, minutes=59)),
)
PUBLISHED: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.sampled_from(ODD_DATES),
    st.dates(),
    st.datetimes(timezones=st.none() | OFFSETS),
    st.sampled_from(DATE_STRINGS),
    st.text(max_size=30),
)

# --- mutations of real articles --------------------------------------------------------------

SENTENCE_END = re.compile(r"(?<=[.?!\"”])\s+(?=[A-Z\"“])")


@st.composite
def mutated_article(draw: st.DrawFn, texts: list[str]) -> str:
    """A real article, often cut to a window, then deleted, inserted, duplicated, split into
    paragraphs and swapped, salted with odd characters at sentence boundaries, or truncated
    mid-word."""
    text = draw(st.sampled_from(texts))
    if draw(st.booleans()):  # half the examples a window, to keep the CI run short
        start = draw(st.integers(0, len(text) - 1))
        text = text[start : start + draw(st.integers(1, 2000))]
    for operation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        text = operation(draw, text, texts)
    return text


def _position(draw: st.DrawFn, text: str) -> int:
    return draw(st.integers(0, len(text)))


def _slice(draw: st.DrawFn, text: str) -> tuple[int, int]:
    a, b = _position(draw, text), _position(draw, text)
    return min(a, b), max(a, b)


def _delete(draw: st.DrawFn, text: str, texts: list[str]) -> str:
    start, end = _slice(draw, text)
    return text[:start] + text[end:]


def _insert(draw: st.DrawFn, text: str, texts: list[str]) -> str:
    other = draw(st.sampled_from(texts))
    start, end = _slice(draw, other)
    at = _position(draw, text)
    return text[:at] + other[start:end] + text[at:]


def _duplicate(draw: st.DrawFn, text: str, texts: list[str]) -> str:
    start, end = _slice(draw, text)
    at = _position(draw, text)
    return text[:at] + text[start:end] + text[at:]


def _boundaries(text: str) -> list[re.Match[str]]:
    return list(SENTENCE_END.finditer(text))


def _swap_paragraphs(draw: st.DrawFn, text: str, texts: list[str]) -> str:
    """Break at some sentence ends into paragraphs (the corpus has none), then swap two."""
    breaks = _boundaries(text)
    chosen = draw(st.sets(st.sampled_from(breaks), max_size=8)) if breaks else set()
    paragraphs, last = [], 0
    for m in sorted(chosen, key=lambda m: m.start()):
        paragraphs.append(text[last : m.start()])
        last = m.end()
    paragraphs.append(text[last:])
    i, j = draw(st.integers(0, len(paragraphs) - 1)), draw(st.integers(0, len(paragraphs) - 1))
    paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    return draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r", "\n \n"])).join(paragraphs)


def _salt_boundaries(draw: st.DrawFn, text: str, texts: list[str]) -> str:
    """Odd characters where one sentence ends and the next begins (at the end, if none does)."""
    ends = [m.start() for m in _boundaries(text)] or [len(text)]
    odd = ODD + REFUSED if draw(st.integers(0, 4)) == 0 else ODD
    for at in sorted(draw(st.lists(st.sampled_from(ends), min_size=1, max_size=5)), reverse=True):
        salt = draw(st.one_of(_text_of(odd), st.sampled_from(EMOJI), SEPARATORS))
        text = text[:at] + salt + text[at:]
    return text


def _truncate_mid_word(draw: st.DrawFn, text: str, texts: list[str]) -> str:
    inside = [i for i in range(1, len(text)) if text[i - 1].isalnum() and text[i].isalnum()]
    return text[: draw(st.sampled_from(inside))] if inside else text


def _shout(draw: st.DrawFn, text: str, texts: list[str]) -> str:
    """A stretch in capitals or lower case, as headlines and careless scrapes have it."""
    start, end = _slice(draw, text)
    change = draw(st.sampled_from([str.upper, str.lower]))
    return text[:start] + change(text[start:end]) + text[end:]


MUTATIONS = [
    _delete,
    _insert,
    _duplicate,
    _swap_paragraphs,
    _salt_boundaries,
    _truncate_mid_word,
    _shout,
]


@functools.cache
def corpus_texts() -> list[str]:
    """The article texts of the public-domain VOA corpus in ../shared."""
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines]


@pytest.fixture(scope="module")
def texts():
    """Corpus texts; only here may the suite skip, never under CI."""
    if not CORPUS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CORPUS} is missing under CI")
        pytest.skip(f"{CORPUS} is not here (it lives beside the project in ../shared)")
    return corpus_texts()


# --- the properties --------------------------------------------------------------------------

SETTINGS = Settings.from_env({})


@functools.cache
def schema_validator() -> jsonschema.protocols.Validator:
    """A validator for the schema ``eventwire schema`` prints, formats (dates) checked."""
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


# A TIMEX3 value: a year, a month or a day of the proleptic Gregorian calendar (years 1-9999).
DATE_VALUE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")


def is_calendar_value(value: str) -> bool:
    """True when ``value`` is YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    if not DATE_VALUE.fullmatch(value):
        return False
    year, month, day = [*value.split("-"), "01", "01"][:3]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def check_document(document: Document) -> None:
    """Assert every property an extracted ``Document`` must have, whatever its input was."""
    data = json.loads(document.model_dump_json())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in schema_validator().iter_errors(data)]
    assert errors == [], errors
    assert Document.model_validate_json(document.model_dump_json()) == document

    assert bad_spans(data) == []
    if document.actors or document.events or document.quotes or document.places:
        assert count_spans(data) > 0

    ids = [x.id for group in (document.actors, document.places, document.times) for x in group]
    ids += [x.id for group in (document.events, document.quotes) for x in group]
    assert len(ids) == len(set(ids)), f"ids repeat: {sorted(ids)}"
    actors = {actor.id for actor in document.actors}
    places = {place.id for place in document.places}
    for event in document.events:
        assert set(event.source) <= actors, (event.id, event.source)
        assert set(event.target) <= actors, (event.id, event.target)
        assert event.place is None or event.place in places, (event.id, event.place)
        if event.when is not None and event.when.date is not None:
            assert is_calendar_value(event.when.date), (event.id, event.when)
    for quote in document.quotes:
        assert quote.speaker is None or quote.speaker in actors, (quote.id, quote.speaker)
    for time in document.times:
        assert time.value is None or is_calendar_value(time.value), (time.id, time.value)
        assert (time.value is None) == (time.reason is not None), time


def _outcome(run: Callable[[], Document]) -> Document | EventwireError:
    try:
        return run()
    except EventwireError as e:
        return e


def check_twice(run: Callable[[], Document]) -> Document | None:
    """Run ``run`` twice: both give the same ``Document`` (checked) or the same own error."""
    first, second = _outcome(run), _outcome(run)
    if isinstance(first, EventwireError):
        assert isinstance(second, EventwireError), second
        assert (type(first), str(first)) == (type(second), str(second))
        return None
    assert isinstance(second, Document)
    check_document(first)
    assert second.model_dump_json() == first.model_dump_json()
    return first


def check_extract(text: str, published: Any) -> Document | None:
    """The properties for ``extract(text, published)``."""
    return check_twice(lambda: extract(text, published, settings=SETTINGS, where="<fuzz>"))


def check_json(line: str) -> Document | None:
    """The properties for a JSON record read by ``read_json`` and then extracted."""
    return check_twice(
        lambda: extract_article(read_json(line, "<fuzz>", max_chars=SETTINGS.max_chars), SETTINGS)
    )


JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10)
JSON_VALUES = st.recursive(
    JSON_SCALARS, lambda inner: st.lists(inner) | st.dictionaries(st.text(max_size=5), inner)
)
JSON_RECORDS: st.SearchStrategy[str] = st.one_of(
    st.fixed_dictionaries(
        {"text": HOSTILE_TEXT},
        optional={
            "published": st.sampled_from(DATE_STRINGS) | JSON_VALUES,
            "date": st.sampled_from(DATE_STRINGS),
            "title": HOSTILE_TEXT | JSON_VALUES,
            "url": HOSTILE_TEXT,
            "source": st.text(max_size=20),
            "id": JSON_VALUES,
        },
    ).flatmap(
        lambda record: st.sampled_from([True, False]).map(
            lambda a: json.dumps(record, ensure_ascii=a)
        )
    ),
    JSON_VALUES.map(json.dumps),
    st.text(max_size=100),
)

# --- the tests -------------------------------------------------------------------------------


@settings(CI_FUZZ, max_examples=300)
@given(HOSTILE_TEXT, PUBLISHED)
def test_hostile_text_gives_a_sound_document_or_an_own_error(text, published):
    check_extract(text, published)


@settings(CI_FUZZ, max_examples=150)
@given(JSON_RECORDS)
def test_any_json_record_gives_a_sound_document_or_an_own_error(line):
    check_json(line)


def test_mutated_articles_give_sound_documents(texts):
    extracted = []

    @settings(CI_FUZZ, max_examples=40)
    @given(mutated_article(texts), PUBLISHED)
    def run(text, published):
        extracted.append(check_extract(text, published))

    run()
    # The check is not vacuous: many mutated articles still yield events (18 of 40 today).
    assert sum(bool(document and document.events) for document in extracted) > len(extracted) / 4


def test_real_articles_on_odd_dates_give_sound_documents(texts):
    @settings(CI_FUZZ, max_examples=20)
    @given(st.sampled_from(texts), st.sampled_from(ODD_DATES) | st.dates())
    def run(text, published):
        document = check_extract(text, published)
        assert document is not None
        assert document.article.published == published

    run()
