"""Long documents: parsed in pieces with offsets global to the text, and looked up by index.

The real text is the public-domain VOA corpus in ../shared, its stories joined by blank lines
into one long report; the tests over it skip where ../shared is absent, never under CI.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
from pathlib import Path

import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.extraction import pipeline, resources
from eventwire.extraction.actors import MentionIndex
from eventwire.extraction.offsets import Intervals, index_of
from eventwire.extraction.parse import LONG_TEXT, parse, parse_many, pieces, token_starts
from eventwire.extraction.places import NearPoints, _km
from eventwire.ingest.articles import read_article
from eventwire.records import Actor, Span

from .spans import bad_spans, count_spans

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPUS /= "voa_stories.public_domain.jsonl"
PUBLISHED = "2025-03-14"  # a Friday, when most of the corpus was published


@pytest.fixture(scope="module")
def long_text():
    """Seven VOA stories joined by blank lines: past LONG_TEXT, so parsed in pieces."""
    if not CORPUS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CORPUS} is missing under CI")
        pytest.skip(f"{CORPUS} is not here (it lives beside the project in ../shared)")
    stories = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    text = "\n\n".join(stories[:7])
    assert len(text) >= LONG_TEXT
    return text


@pytest.fixture(scope="module")
def res(settings):
    return resources.load(settings)


@pytest.fixture(scope="module")
def whole_and_pieces(long_text, res):
    """The long text parsed in one call and in pieces."""
    return res.nlp(long_text), parse(long_text, res.nlp)


# --- pieces ------------------------------------------------------------------------------


def joined_back(text, cuts):
    return "".join(text[start:end] for start, end in cuts)


@pytest.mark.parametrize(
    "text",
    [
        "One paragraph here.\n\nAnother one there.\n\n" * 20,
        "A line of a transcript.\nThe next line.\n" * 30,
        "A sentence ends. Another sentence starts and ends. " * 30,
        "words without a full stop " * 40,
        "x" * 1000,
        "",
        "short",
        "\n\n\n" + "Leading and trailing blank lines.\n\n\n" * 20,
    ],
)
def test_the_pieces_of_a_text_join_back_to_it_exactly(text):
    cuts = pieces(text, size=100)
    assert joined_back(text, cuts) == text
    assert all(end > start for start, end in cuts) or text == ""
    assert all(end - start >= 100 for start, end in cuts[:-1])


def test_a_piece_ends_after_a_blank_line_when_one_is_in_reach():
    text = ("A sentence of a paragraph. " * 3 + "\nA line.\n\n") * 10
    cuts = pieces(text, size=100)
    assert len(cuts) > 1
    for _, end in cuts[:-1]:
        assert text[:end].endswith("\n\n")


def test_without_blank_lines_a_piece_ends_after_a_line_break_then_a_full_stop_then_a_space():
    lines = "One line of a transcript\n" * 20
    assert all(lines[end - 1] == "\n" for _, end in pieces(lines, size=100)[:-1])
    sentences = "A sentence without a line break ends here. " * 20
    assert all(
        sentences[:end].endswith(". ") and sentences[end].isupper()
        for _, end in pieces(sentences, size=100)[:-1]
    )
    words = "words and more words " * 20
    assert all(words[end - 1] == " " for _, end in pieces(words, size=100)[:-1])


def test_a_run_of_spaces_is_not_split_between_two_pieces():
    text = ("Paragraph text goes on." + "\n\n   \n\n  ") * 30
    for _, end in pieces(text, size=100)[:-1]:
        assert text[end - 1].isspace()
        assert not text[end].isspace()


def test_a_text_below_the_threshold_is_one_piece_through_parse_many(nlp):
    text = "Rebels attacked the town of Kidal on Monday.\n\nThe army said it repelled them."
    [(doc, context)] = parse_many([(text, "ctx")], nlp)
    assert context == "ctx"
    assert doc.text == text


# --- pieces against the whole parse ------------------------------------------------------


def annotations(doc):
    return [
        (t.idx, t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.is_sent_start)
        for t in doc
    ]


def test_a_long_text_parsed_in_pieces_has_the_tokens_and_sentences_of_the_whole_parse(
    long_text, whole_and_pieces
):
    whole, joined = whole_and_pieces
    assert len(pieces(long_text)) > 1
    assert joined.text == long_text
    assert annotations(joined) == annotations(whole)
    assert [s.start_char for s in joined.sents] == [s.start_char for s in whole.sents]


def test_a_long_text_parsed_in_pieces_has_the_entities_of_the_whole_parse(whole_and_pieces):
    whole, joined = whole_and_pieces
    ents = [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert ents  # a check over no entities would prove nothing
    assert [(e.start_char, e.end_char, e.label_) for e in joined.ents] == ents


def test_the_document_from_pieces_equals_the_document_from_the_whole_parse(
    long_text, whole_and_pieces, res, settings
):
    whole, joined = whole_and_pieces
    published = dt.date.fromisoformat(PUBLISHED)
    article = read_article(long_text, "<long>", published=published, max_chars=settings.max_chars)
    from_pieces = pipeline.extract_parsed(article, joined, res)
    assert from_pieces == pipeline.extract_parsed(article, whole, res)
    assert from_pieces.events
    assert from_pieces.actors
    assert from_pieces.places


def test_every_span_of_a_long_document_slices_the_article_text(long_text, settings):
    document = pipeline.extract(long_text, PUBLISHED, settings=settings).model_dump(mode="json")
    assert count_spans(document) > 200
    assert bad_spans(document) == []


def test_extract_many_gives_a_long_article_among_short_ones_its_whole_document(long_text, settings):
    texts = ["Gunmen attacked a village in Mali on Tuesday.", long_text, "Protesters marched."]
    articles = [
        read_article(t, f"<{i}>", published=None, max_chars=settings.max_chars)
        for i, t in enumerate(texts)
    ]
    many = list(pipeline.extract_many(articles, settings, batch_size=2))
    assert [d.article.text for d in many] == texts
    assert many[1] == pipeline.extract_article(articles[1], settings)
    assert bad_spans(many[1].model_dump(mode="json")) == []


# --- look-ups by offset ------------------------------------------------------------------

stretches = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=40,
)


@hypothesis.settings(max_examples=200, deadline=None)
@given(stretches, st.integers(0, 230), st.integers(0, 40))
def test_intervals_find_what_a_scan_of_them_all_finds(items, start, length):
    end = start + length
    labelled = [(s, e, k) for k, (s, e) in enumerate(items)]
    index = Intervals(labelled)
    in_order = sorted(labelled, key=lambda item: item[0])  # stable: ties keep their order
    assert list(index.overlapping(start, end)) == [
        i for i in in_order if i[0] < end and start < i[1]
    ]
    assert index.overlaps(start, end) == any(s < end and start < e for s, e, _ in labelled)
    assert list(index.starting(start, end)) == [i for i in in_order if start <= i[0] < end]
    assert list(index.containing(start)) == [i for i in in_order if i[0] <= start < i[1]]


def test_intervals_of_nothing_find_nothing():
    index: Intervals[str] = Intervals([])
    assert not index
    assert list(index.overlapping(0, 10)) == []
    assert not index.overlaps(0, 10)


@pytest.mark.parametrize(
    ("position", "expected"), [(-1, -1), (0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (99, 2)]
)
def test_index_of_gives_the_last_start_at_or_before_a_position(position, expected):
    assert index_of([0, 5, 10], position) == expected


def actor(number, *spans):
    return Actor(
        id=f"a{number}",
        name=f"Actor {number}",
        kind="group",
        mentions=[Span(start=s, end=e, text="x" * (e - s)) for s, e in spans],
    )


def scan_at(actors, start, end):
    """MentionIndex.at as it was: a scan of every mention."""
    mentions = sorted(
        ((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda i: (i[0], -i[1])
    )
    best = None
    for m_start, m_end, a in mentions:
        overlap = min(end, m_end) - max(start, m_start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, a)
    return best[1] if best else None


def test_mention_index_finds_the_actor_a_scan_of_every_mention_finds():
    rng = random.Random(7)
    actors = []
    for number in range(1, 30):
        spans = []
        for _ in range(rng.randint(1, 6)):
            start = rng.randint(0, 2000)
            spans.append((start, start + rng.randint(1, 40)))
        actors.append(actor(number, *sorted(spans)))
    index = MentionIndex(actors)
    for _ in range(500):
        start = rng.randint(0, 2050)
        end = start + rng.randint(1, 60)
        assert index.at(start, end) == scan_at(actors, start, end)
        inside = []
        for m_start, m_end, owner in sorted(
            ((m.start, m.end, a) for a in actors for m in a.mentions),
            key=lambda i: (i[0], -i[1]),
        ):
            if m_start >= start and m_end <= end and owner not in inside:
                inside.append(owner)
        assert index.within(start, end) == inside


def test_mention_index_breaks_a_tie_of_overlap_by_the_earlier_then_longer_mention():
    first, second = actor(1, (10, 20)), actor(2, (15, 30))
    assert MentionIndex([second, first]).at(15, 20) is first
    longer, shorter = actor(3, (10, 30)), actor(4, (10, 14))
    assert MentionIndex([shorter, longer]).at(10, 14) is longer


def test_mention_index_gives_an_actors_mention_starts_in_a_range():
    a = actor(1, (5, 8), (40, 45), (90, 95))
    index = MentionIndex([a, actor(2, (41, 44))])
    assert index.starts_of(a, 0, 50) == [5, 40]
    assert index.starts_of(a, 41, 90) == []
    assert index.starts_of(actor(9, (0, 1)), 0, 100) == []


points = st.tuples(st.floats(-89.9, 89.9), st.floats(-180, 180))


@hypothesis.settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(points, st.sampled_from("abc")), max_size=20), points)
def test_near_points_band_is_what_the_distance_to_every_point_gives(named, point):
    near = NearPoints()
    for other, key in named:
        near.add(other, key)
    for besides in (None, "a"):
        # A point that "a" and another name both resolved to still counts besides "a".
        others = [p for p, k in named if besides is None or k != besides]
        closest = min((_km(point, p) for p in others), default=math.inf)
        expected = 2.0 if closest < 100 else 1.0 if closest < 400 else 0.0
        assert near.band(point, besides) == expected


def test_near_points_tell_a_neighbour_from_a_town_of_the_region_and_one_far_away():
    near = NearPoints()
    near.add((33.51, 36.29), "damascus")
    assert near.band((33.89, 35.50)) == 2.0  # Beirut, about 85 km
    assert near.band((36.20, 37.13)) == 1.0  # Aleppo, about 310 km
    assert near.band((51.5, -0.13)) == 0.0  # London
    assert near.band((33.89, 35.50), besides="damascus") == 0.0


def test_token_starts_are_kept_with_the_doc(nlp):
    doc = nlp("Troops entered Goma. Residents fled.")
    starts = token_starts(doc)
    assert starts == [t.idx for t in doc]
    assert token_starts(doc) is starts
