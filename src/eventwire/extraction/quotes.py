"""Quotes: direct and partial quotations and their speakers.

A quotation is found from its marks in the text, then its cue ("said", "told") and speaker from
the dependency parse. The quote's ``start:end`` covers the words between the marks: the marks
themselves, the spaces next to them and a trailing comma (which belongs to the reporter's
sentence; PolNeAR leaves it out of the content too) are left out. A quote that runs across
paragraphs in the newspaper convention is one quote, and its text keeps the paragraph break and
the mark that reopens the next paragraph, so that ``text == article[start:end]`` still holds.

The speaker is an actor id only where the words of the speaker phrase are a mention of a known
actor; a pronoun the actors stage left unresolved, or a phrase naming no known actor, gives
``speaker=None`` with the reason, never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from ..records import Actor, Quote, Span
from .actors import MentionIndex
from .parse import PARAGRAPH_BREAK, paragraphs, text_of, token_starts, words_of

# Reporting verbs, by lemma: the cue list of the brief, widened with the verbs of attribution
# that PolNeAR annotates most often as cues.
CUE_LEMMAS = frozenset(
    {
        *("say", "tell", "add", "declare", "state", "announce", "claim", "insist", "warn"),
        *("write", "note", "explain", "ask", "stress", "confirm", "deny", "reply", "respond"),
        *("admit", "vow", "urge", "assert", "argue", "acknowledge", "emphasise", "emphasize"),
        *("conclude", "continue", "recall", "predict", "tweet", "read", "comment", "shout"),
        *("yell", "scold", "quip", "remark", "complain", "testify", "exclaim", "retort"),
    }
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
# Dependants that belong to the name of a noun phrase ("US Army Col. Ryan Dillon",
# "Syria's main opposition group"), not its modifiers ("spokesman for ...").
NAME_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "flat", "case"})
# Prepositions by which a speaker speaks for an organisation: "a spokesman for the coalition".
BEHALF_PREPS = frozenset({"for", "of", "from"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

# Curly marks by code point: they look too much alike in an editor.
OPEN_DOUBLE, CLOSE_DOUBLE, OPEN_SINGLE, CLOSE_SINGLE = "\u201c", "\u201d", "\u2018", "\u2019"
MARKS = re.compile(f'["{OPEN_DOUBLE}{CLOSE_DOUBLE}{OPEN_SINGLE}{CLOSE_SINGLE}]')
CLOSING = f'"{CLOSE_DOUBLE}{CLOSE_SINGLE}'

NO_CUE = "no reporting verb or speaker near the quote"


@dataclass(frozen=True)
class _Marked:
    """A stretch in quotation marks: ``outer`` with the marks, ``inner`` the quoted words."""

    outer_start: int
    outer_end: int
    start: int
    end: int


@dataclass(frozen=True)
class _Attribution:
    """What the parse says about who said a quote."""

    cue: TokenSpan | None
    subject: TokenSpan | None
    weight: float


@dataclass(frozen=True)
class _SentenceCues:
    """What a sentence offers the quotes in and around it, found once for all of them: a
    sentence of thousands of quotes was scanned per quote, which took minutes."""

    cues: list[int]  # its reporting verbs' token indices, in order
    statement: _Attribution | None  # "in a statement", when it has one
    short_cue: Token | None  # its verb when the sentence only attributes: "He said."
    colon_cue: Token | None  # its last verb when it ends with ":"


@dataclass(frozen=True)
class _Sentences:
    """Where each sentence of a doc starts, and what each offers quotes once it was read.

    ``Token.sent`` walks the flags to its sentence's ends on each call, as long as the sentence.
    """

    starts: list[int]
    read: dict[tuple[int, int], _SentenceCues]

    @classmethod
    def of(cls, doc: Doc) -> _Sentences:
        return cls([sentence.start for sentence in doc.sents], {})

    def at(self, doc: Doc, i: int) -> TokenSpan:
        """The sentence holding token ``i``."""
        k = bisect_right(self.starts, i) - 1
        return doc[self.starts[k] : self.starts[k + 1] if k + 1 < len(self.starts) else len(doc)]


def marked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks, in text order."""
    return [(m.start, m.end) for m in _marked(text)]


def _marked(text: str) -> list[_Marked]:
    """Quoted stretches, kept within a paragraph unless the next paragraph reopens the quote."""
    found: list[_Marked] = []
    paras = _blocks(text)
    open_at: int | None = None
    opener = ""
    nested = False  # a curly quote inside a straight one: "He called it “a lie”."
    for k, (p_start, p_end) in enumerate(paras):
        # A carried quote's reopening mark is not a closing one.
        skip = p_start if open_at is not None else -1
        for match in MARKS.finditer(text, p_start, p_end):
            i, mark = match.start(), match.group()
            if i == skip:
                continue
            if open_at is None:
                # A straight mark right after a letter or digit closes or measures (6'3"),
                # it does not open.
                if (mark == '"' and not (i and text[i - 1].isalnum())) or (
                    mark == OPEN_DOUBLE or (mark == OPEN_SINGLE and _opens_single(text, i))
                ):
                    open_at, opener, nested = i, mark, False
            elif opener == OPEN_SINGLE:
                if mark == CLOSE_SINGLE and _closes_single(text, i):
                    found.append(_inner(text, open_at, i + 1))
                    open_at = None
            elif opener == '"' and mark == OPEN_DOUBLE:
                nested = True
            elif mark == '"' or (mark == CLOSE_DOUBLE and not nested):
                # Either double mark closes either opening one: text pasted from two sources
                # often mixes them ("work-related”).
                found.append(_inner(text, open_at, i + 1))
                open_at = None
            elif mark == CLOSE_DOUBLE:
                nested = False
            elif mark == OPEN_DOUBLE:
                # A second curly opening mark: the first was never closed, so it ends here.
                found.append(_inner(text, open_at, i))
                open_at = i
        if open_at is None:
            continue
        next_opens = k + 1 < len(paras) and text[paras[k + 1][0]] in ('"', OPEN_DOUBLE)
        if opener == OPEN_SINGLE:
            # An unclosed single mark is more often an apostrophe or an elision than a quote.
            open_at = None
        elif not next_opens:
            found.append(_inner(text, open_at, p_end))
            open_at = None
    return [m for m in found if m.end > m.start]


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs, also split where a single line break is followed by a capital or a mark.

    Scraped text often separates paragraphs by one line break; splitting there too, by the rule
    the parser uses, keeps an unbalanced mark from running on through the rest of the article.
    """
    blocks: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        for match in PARAGRAPH_BREAK.finditer(text, start, end):
            blocks.append((start, match.start()))
            start = match.end()
            while start < end and text[start].isspace():
                start += 1
        blocks.append((start, end))
    return [(s, e) for s, e in blocks if e > s]


def _opens_single(text: str, i: int) -> bool:
    """Whether a left single mark opens a quote: after a space or bracket, before a letter."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in f'([-\u2013\u2014"{OPEN_DOUBLE}') and after.isalpha()


def _closes_single(text: str, i: int) -> bool:
    """Whether a right single mark closes a quote, not an apostrophe inside a word (don't)."""
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def _inner(text: str, outer_start: int, outer_end: int) -> _Marked:
    """The quoted words between the marks, without the marks, the spaces or a trailing comma."""
    start = outer_start + 1
    end = outer_end - 1 if text[outer_end - 1] in CLOSING else outer_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return _Marked(outer_start, outer_end, start, end)


def find(doc: Doc, actors: Sequence[Actor]) -> list[Quote]:
    """Quotations in ``doc``; a speaker the text never names is null, with the reason."""
    text = text_of(doc)
    marked = _marked(text)
    quoted: set[int] = set()
    for m in marked:
        outer = doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
        if outer is not None:
            quoted.update(t.i for t in outer)
    index = MentionIndex(actors)
    paras = _blocks(text)
    para_starts = [start for start, _ in paras]
    quotes: list[Quote] = []
    previous: tuple[int, _Attribution] | None = None
    sentences = _Sentences.of(doc)
    for m in marked:
        words = doc.char_span(m.start, m.end, alignment_mode="expand")
        if words is None or not len(words):
            continue
        para = _paragraph_of(paras, para_starts, m.start)
        attribution = _attribute(doc, words, m, quoted, sentences)
        if attribution.cue is None and previous is not None and previous[0] == para:
            # "A," he said. "B." -- the second quote goes on with the first one's speaker.
            attribution = _Attribution(previous[1].cue, previous[1].subject, 0.7)
        if _is_scare_quote(words, attribution):
            continue
        if attribution.subject is not None and attribution.subject.start <= words.start < (
            attribution.subject.end
        ):
            continue  # quotes inside the speaker's name: The "Islamic State" group said
        if attribution.cue is not None:
            previous = (para, attribution)
        quotes.append(_quote(doc, m, words, attribution, index, len(quotes) + 1))
    return quotes


def _paragraph_of(paras: list[tuple[int, int]], starts: list[int], pos: int) -> int:
    """The index of the paragraph holding character ``pos``; ``starts`` are the paragraphs'."""
    k = bisect_right(starts, pos) - 1
    return k if k >= 0 and pos < paras[k][1] else -1


# "..." ― Name: a name after a dash that follows the closing mark signs the quote.
NAME_WORD = r"[A-Z](?:\.|[\w'\u2019-]+)"  # "Quinlan", "A." (an initial)
SIGNATURE = re.compile(
    r"[ \t]*([\u2015\u2014\u2013]|--)[ \t]*"
    rf"({NAME_WORD}(?:[ \t]+(?:{NAME_WORD}|de|da|del|van|von|bin|al)){{0,5}})"
)


def _signature(doc: Doc, m: _Marked) -> _Attribution | None:
    """The dash and the name that sign a quote: '"We will win." ― Jorge Falcon'."""
    found = SIGNATURE.match(text_of(doc), m.outer_end)
    if found is None:
        return None
    dash = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    name = doc.char_span(found.start(2), found.end(2), alignment_mode="contract")
    if dash is None or name is None or not len(name):
        return None
    return _Attribution(dash, name, 0.9)


def _attribute(
    doc: Doc,
    words: TokenSpan,
    m: _Marked,
    quoted: set[int],
    sentences: _Sentences,
) -> _Attribution:
    """The cue and the speaker phrase of a quote, and how much the way they were found is worth.

    ``sentences`` keeps what was found in each sentence for the next quote in it.
    """
    # 0. A dash and a name after the closing mark sign the quote.
    signature = _signature(doc, m)
    if signature is not None:
        return signature
    # 1. A reporting verb above the quote in the parse: "declared "the end ..."".
    for token in words:
        if token.head.i in quoted or token.head == token:
            continue
        if token.head.i >= words.end or token.head.i < words.start:
            cue = _cue_above(token.head, quoted)
            if cue is not None:
                return _Attribution(_cue_span(doc, cue), _speaker_phrase(doc, cue, m, quoted), 1.0)
    # 2. The nearest reporting verb elsewhere in the quote's sentences.
    sent_start = sentences.at(doc, _token_at(doc, m.outer_start).i).start
    sent_end = sentences.at(doc, _token_at(doc, m.outer_end - 1).i).end
    found = _cues_of(doc[sent_start:sent_end], quoted, sentences)
    if found.cues:
        cue = doc[_nearest(found.cues, words.start, words.end)]
        return _Attribution(_cue_span(doc, cue), _speaker_phrase(doc, cue, m, quoted), 0.9)
    if found.statement is not None:
        return found.statement
    # 3. A cue-only sentence right after the quote ("...". He said.) or one before it ending ":".
    if sent_end < len(doc):
        after = _next_sentence(doc, sent_end, sentences)
        cue = _cues_of(after, quoted, sentences).short_cue if after is not None else None
        if cue is not None:
            return _Attribution(_cue_span(doc, cue), _speaker_phrase(doc, cue, m, quoted), 0.8)
    if sent_start > 0:
        cue = _cues_of(sentences.at(doc, sent_start - 1), quoted, sentences).colon_cue
        if cue is not None:
            return _Attribution(_cue_span(doc, cue), _speaker_phrase(doc, cue, m, quoted), 0.8)
    return _Attribution(None, None, 0.0)


def _cues_of(sentence: TokenSpan, quoted: set[int], sentences: _Sentences) -> _SentenceCues:
    """What ``sentence`` offers quotes, from ``sentences`` when it was read already."""
    found = sentences.read.get((sentence.start, sentence.end))
    if found is None:
        cues = [t for t in sentence if t.i not in quoted and _is_cue(t)]
        ends = [t for t in sentence if not t.is_space]
        found = sentences.read[sentence.start, sentence.end] = _SentenceCues(
            [t.i for t in cues],
            _in_a_statement(sentence, quoted),
            _short_cue(sentence, quoted),
            cues[-1] if cues and ends and ends[-1].text == ":" else None,
        )
    return found


def _nearest(cues: list[int], start: int, end: int) -> int:
    """The first of the sorted token indices ``cues`` nearest the words ``start:end``.

    Distance falls towards ``start`` and grows after ``end``, so only the last cue before the
    words, those among them and the first after them can be nearest.
    """
    lo, hi = bisect_left(cues, start), bisect_left(cues, end)
    candidates = cues[max(lo - 1, 0) : hi + 1]
    return min(candidates, key=lambda i: min(abs(i - start), abs(i - end)))


def _token_at(doc: Doc, char: int) -> Token:
    """The token holding character ``char``, or the one before it where ``char`` is a space."""
    i = bisect_right(token_starts(doc), char) - 1
    return doc[max(i, 0)]


def _is_cue(token: Token) -> bool:
    """A reporting verb, or "according" of "according to"."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    return token.pos_ == "VERB" and token.lemma_.lower() in CUE_LEMMAS


def _cue_above(token: Token, quoted: set[int]) -> Token | None:
    """The first reporting verb on the way from ``token`` up to its sentence's root."""
    while True:
        if token.i not in quoted and _is_cue(token):
            return token
        if token.head == token:
            return None
        token = token.head


def _cue_span(doc: Doc, cue: Token) -> TokenSpan:
    """The cue's words: the verb, or "according to"."""
    return doc[cue.i : cue.i + 2] if cue.lower_ == "according" else doc[cue.i : cue.i + 1]


def _in_a_statement(sentence: TokenSpan, quoted: set[int]) -> _Attribution | None:
    """Cue "in a statement" with the sentence subject as speaker, when no verb reports."""
    doc = sentence.doc
    lowers = words_of(doc).lower
    for i in range(sentence.start, sentence.end):
        if lowers[i] != "statement" or i in quoted:
            continue
        token = doc[i]
        prep = token.head
        if prep.lower_ == "in":
            subject = _subject(prep.head, quoted)
            phrase = _phrase(subject) if subject is not None else None
            return _Attribution(doc[prep.i : token.i + 1], phrase, 0.8)
    return None


def _next_sentence(doc: Doc, i: int, sentences: _Sentences) -> TokenSpan | None:
    """The sentence starting at or after token ``i``, skipping line-break tokens."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return sentences.at(doc, i) if i < len(doc) else None


def _short_cue(sentence: TokenSpan, quoted: set[int]) -> Token | None:
    """The reporting verb of a sentence that only attributes ("He said."), or None."""
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    if len(words) > 8:
        return None
    for token in words:
        clausal = any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
        if token.i not in quoted and _is_cue(token) and not clausal:
            return token
    return None


def _speaker_phrase(doc: Doc, cue: Token, m: _Marked, quoted: set[int]) -> TokenSpan | None:
    """The words naming who spoke: the cue's subject, "according to X", or the words between."""
    if cue.lower_ == "according":
        objects = [c for c in doc[cue.i + 1].children if c.dep_ == "pobj"]
        return _phrase(objects[0]) if objects else None
    subject = _subject(cue, quoted)
    if subject is not None:
        return _phrase(subject)
    # "...Deir az-Zor" Hizballah and Syrian state television said: the parser, misled by the
    # missing comma, hangs the speaker on the quote; take the words between the quote and the cue.
    after_quote = _token_at(doc, m.outer_end - 1).i + 1
    if after_quote > cue.i:
        return None
    between = doc[after_quote : cue.i]
    has_noun = any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in between)
    if has_noun and not any(t.is_punct for t in between):
        return between
    return None


def _subject(verb: Token, quoted: set[int]) -> Token | None:
    """The subject of ``verb``, or of the verb it continues ("Dillon said, adding, ...")."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "footage of Trump saying ..."
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i not in quoted:
                # "Ahmed Hassan, who said ...": the speaker is the noun the clause hangs on.
                relative = verb.dep_ == "relcl" and child.tag_ in ("WP", "WDT")
                return verb.head if relative else child
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head == verb:
            return None
        verb = verb.head
    return None


def _phrase(head: Token) -> TokenSpan:
    """The noun phrase under ``head``, without relative clauses or punctuation at its edges."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in ("relcl", "acl", "punct"):
            tokens.extend(child.subtree)
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    return head.doc[first : last + 1]


def _name(head: Token) -> TokenSpan:
    """The name part of the noun phrase under ``head``: "US Army Col. Ryan Dillon"."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in NAME_DEPS:
            start = min(start, child.left_edge.i)
    return head.doc[start : head.i + 1]


def _is_scare_quote(words: TokenSpan, attribution: _Attribution) -> bool:
    """One or two words with no verb and no reporting verb taking them as its object."""
    content = [t for t in words if not (t.is_punct or t.is_space)]
    if not content:
        return True
    if len(content) > 2 or any(t.pos_ in ("VERB", "AUX") for t in content):
        return False
    cue = attribution.cue
    return cue is None or not any(
        t.head.i == cue.start and t.dep_ not in SUBJECT_DEPS for t in content
    )


def _quote(
    doc: Doc,
    m: _Marked,
    words: TokenSpan,
    attribution: _Attribution,
    index: MentionIndex,
    number: int,
) -> Quote:
    """The Quote record, with the speaker resolved to an actor where the text allows."""
    cue, phrase = attribution.cue, attribution.subject
    speaker: str | None = None
    reason: str | None = None
    confidence = 0.1
    if cue is None:
        reason = NO_CUE
    elif phrase is None:
        reason = f"no speaker is named for {cue.text!r}"
        confidence = 0.2
    else:
        actor, weight = _resolve(phrase, index)
        if actor is not None:
            speaker, confidence = actor.id, round(attribution.weight * weight, 2)
        elif phrase.root.lower_ in PRONOUNS and len(phrase) == 1:
            reason = f"{phrase.text!r} has no named antecedent in its paragraph or the one before"
            confidence = 0.3
        else:
            reason = f"{phrase.text!r} is not a known actor"
            confidence = 0.3
    return Quote(
        id=f"q{number}",
        kind=_kind(text_of(doc), m, words),
        text=text_of(doc)[m.start : m.end],
        start=m.start,
        end=m.end,
        speaker=speaker,
        speaker_text=phrase.text if phrase is not None else None,
        speaker_span=_span(phrase),
        cue=cue.text if cue is not None else None,
        cue_span=_span(cue),
        confidence=confidence,
        unresolved_reason=reason,
    )


def _resolve(phrase: TokenSpan, index: MentionIndex) -> tuple[Actor | None, float]:
    """The actor the speaker phrase names, and how sure: its name, an appositive, or whom for."""
    head = phrase.root
    if head.lower_ in PRONOUNS:
        # Only the actors stage may say whom a pronoun means: it adds it as a mention.
        return index.at(head.idx, head.idx + len(head)), 0.7
    # The first named actor wins in "Hizballah and Syrian state television said".
    candidates = [(_name(head), 0.9)]
    candidates += [(_name(c), 0.9) for c in head.children if c.dep_ == "appos"]
    candidates += [
        (_name(obj), 0.6)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in BEHALF_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    for name, weight in candidates:
        actor = index.at(name.start_char, name.end_char)
        if actor is not None:
            return actor, weight
    return None, 0.0


def _kind(text: str, m: _Marked, words: TokenSpan) -> Literal["full", "partial"]:
    """ "full" for a quote standing as its own clause, "partial" for words inside the reporter's."""
    i = m.outer_start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    stands_alone = i < 0 or text[i] in f".!?:,;{CLOSING}"
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    return "full" if stands_alone and has_verb else "partial"


def _span(words: TokenSpan | None) -> Span | None:
    """The record Span of a stretch of tokens."""
    if words is None:
        return None
    return Span(start=words.start_char, end=words.end_char, text=words.text)
