import time

import pytest


@pytest.mark.parametrize("character", ["😀", '"', "(", "\u0301"])
def test_a_long_run_without_whitespace_is_one_token_in_linear_time(nlp, character):
    # Found by tests/test_fuzz.py: spaCy split such a run one affix at a time, and 100,000
    # emoji, quotes or brackets in a row took minutes to tokenize.
    run = character * 100_000
    text = f"Rebels attacked Goma. {run} Police said."
    started = time.perf_counter()
    doc = nlp.tokenizer(text)
    assert time.perf_counter() - started < 5
    assert doc.text == text
    assert run in [token.text for token in doc]


def test_a_run_of_999_characters_is_split_into_affixes_as_before(nlp):
    # LONG_RUN starts at 1,000: real words and URLs stay as spaCy splits them.
    brackets = "(" * 995
    assert [token.text for token in nlp.tokenizer(f"{brackets}Goma")] == [*brackets, "Goma"]


def test_table_lookups_give_what_spacys_own_components_give(nlp, settings, seed_text):
    # The attribute ruler and lemmatizer are replaced by tables (extraction/attributes.py) for
    # speed; every token of real news must get the same tag, part of speech, morphology,
    # lemma, dependency and entity as spaCy's own pipeline gives it.
    import json
    from pathlib import Path

    import spacy

    from eventwire.extraction.attributes import TableComponent

    examples = Path(__file__).resolve().parents[1] / "examples"
    texts = [
        json.loads(line)["text"]
        for line in (examples / "voa-sample.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    texts += [seed_text, (examples / "somalia-strikes.txt").read_text(encoding="utf-8")]
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableComponent)
    assert isinstance(nlp.get_pipe("lemmatizer"), TableComponent)
    spacys = spacy.load(settings.spacy_model)
    spacys.add_pipe("eventwire_line_breaks", before="parser")
    spacys.add_pipe("eventwire_mistagged_verbs", after="lemmatizer")
    spacys.tokenizer = nlp.tokenizer
    differ = []
    count = 0
    for ours, theirs in zip(nlp.pipe(texts), spacys.pipe(texts), strict=True):
        for a, b in zip(ours, theirs, strict=True):
            count += 1
            mine = (a.tag_, a.pos_, str(a.morph), a.lemma_, a.dep_, a.head.i, a.ent_type_)
            spacy_gives = (b.tag_, b.pos_, str(b.morph), b.lemma_, b.dep_, b.head.i, b.ent_type_)
            if mine != spacy_gives:
                differ.append((a.text, mine, spacy_gives))
    assert count > 5000
    assert not differ, differ[:5]


def test_words_are_each_tokens_own_attributes_read_once(nlp):
    from eventwire.extraction.parse import words_of

    doc = nlp("Protesters MARCHED on the Ministry of Health.\n\nPolice said nothing.")
    words = words_of(doc)
    assert words.text == [t.text for t in doc]
    assert words.lower == [t.lower_ for t in doc]
    assert words.lemma == [t.lemma_.lower() for t in doc]
    assert words.pos == [t.pos_ for t in doc]
    assert words.dep == [t.dep_ for t in doc]
    assert words_of(doc) is words  # kept on the parse
    assert words_of(nlp("")).text == []


def test_an_abbreviation_joined_to_a_name_by_a_hyphen_is_two_names(nlp):
    words = [token.text for token in nlp.tokenizer("the U.S.-Taliban deal and U.S.-led forces")]
    assert words[:4] == ["the", "U.S.", "-", "Taliban"]
    assert "U.S.-led" in words  # a hyphen before a lower-case word still joins


def test_a_subheading_run_into_its_paragraph_is_its_own_sentence(nlp):
    text = (
        "Officials deny the claim. Recent attacks Since the beginning of the year, the group "
        "has ramped up attacks. Talks in The Hague began on Monday."
    )
    sentences = [s.text for s in nlp(text).sents]
    assert "Recent attacks" in sentences
    assert "Talks in The Hague began on Monday." in sentences


@pytest.mark.parametrize(
    ("text", "subheading", "sentence"),
    [
        (
            "Reserves are low. US support crucial Aurangzeb, speaking Sunday, dismissed concerns.",
            "US support crucial",
            "Aurangzeb, speaking Sunday, dismissed concerns.",
        ),
        (
            'It detects fractures. US ban on advanced chips "It will take time," Casanova said.',
            "US ban on advanced chips",
            '"It will take time," Casanova said.',
        ),
    ],
)
def test_a_subheading_in_headline_grammar_run_into_its_paragraph_is_its_own_sentence(
    nlp, text, subheading, sentence
):
    assert [s.text for s in nlp(text).sents][1:] == [subheading, sentence]


@pytest.mark.parametrize(
    "text",
    [
        "Police spokesman Charles Owino said two died.",
        "The new Kenyan constitution was passed on Monday.",
        "It is unclear Kenya, however, will act.",
        "The Albanians of southern Serbia are demanding autonomy.",
        'He called the decision "Unacceptable" on Monday.',
    ],
)
def test_a_name_after_a_title_or_an_adjective_stays_in_its_sentence(nlp, text):
    assert [s.text for s in nlp(text).sents] == [text]


def test_a_title_case_headline_is_read_as_a_sentence():
    from eventwire.extraction.parse import Headline, sentence_cased

    common = Headline(
        words=frozenset({"lift", "ban", "send", "aid", "attack", "arrest", "report", "edit"}),
        nouns=frozenset({"rebel", "police", "army"}),
    )
    text = "U.S. Lifts Travel Ban to Lebanon\nThe army said Rebels Attack towns."
    cased = sentence_cased(text, common)
    assert cased == "U.S. lifts Travel ban to Lebanon\nThe army said Rebels Attack towns."
    assert len(cased) == len(text)  # offsets carry over
    # the first word keeps its capital, acronyms theirs; a line in sentence case is left alone
    assert sentence_cased("Rebels Attack EU Base", common) == "Rebels attack EU Base"
    assert sentence_cased("Kenya, Uganda and Tanzania", common) == "Kenya, Uganda and Tanzania"
    # an actor's noun after a name is part of it; names keep their words
    assert sentence_cased("Kenya Police Arrest Free Syrian Army Fighters", common) == (
        "Kenya Police arrest Free Syrian Army Fighters"
    )
    assert sentence_cased("(Reporting by Jane Doe in New York; Editing by Tom Orr)", common) == (
        "(Reporting by Jane Doe in New York; editing by Tom Orr)"
    )


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Kenya Recalls Ambassador to Somalia", "SANCTION"),
        ("Police Arrest 20 Protesters in Lagos", "COERCE"),
        ("Russia Expels Two British Diplomats", "SANCTION"),
    ],
)
def test_headlines_in_title_case_report_their_acts(text, type_):
    import eventwire

    document = eventwire.extract(text)
    event = next(e for e in document.events if e.type == type_)
    assert event.source
    # the text and its spans are the article's own, capitals and all
    assert document.article.text == text
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert event.trigger.text[0].isupper()


def test_a_post_on_x_ends_its_sentence(nlp):
    doc = nlp(
        "He said in a statement posted on X. Militants linked with the group attacked a train."
    )
    assert [s.text for s in doc.sents] == [
        "He said in a statement posted on X.",
        "Militants linked with the group attacked a train.",
    ]
    # an initial is still an initial
    assert len(list(nlp("The report by J. Smith was published.").sents)) == 1


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "MOGADISHU, Somalia — Al-Shabab militants attacked a military base on Monday.",
            "Al-Shabab militants attacked a military base on Monday.",
        ),
        (
            "TEL AVIV (AP) — A gunman opened fire at a bus stop in central Israel.",
            "A gunman opened fire at a bus stop in central Israel.",
        ),
        (
            "ADDIS ABABA, Ethiopia - Ethiopia and Somalia agreed to hold talks.",
            "Ethiopia and Somalia agreed to hold talks.",
        ),
    ],
)
def test_a_dateline_run_into_the_first_sentence_is_not_its_subject(nlp, text, first):
    doc = nlp(text)
    assert [s.text for s in doc.sents][-1] == first


def test_a_dash_inside_a_sentence_opens_no_sentence(nlp):
    doc = nlp("The Al-Shabab militants — who attacked a base — retreated on Monday.")
    assert len(list(doc.sents)) == 1
    doc = nlp("Troops from Kenya — and Uganda — were deployed.")
    assert len(list(doc.sents)) == 1
