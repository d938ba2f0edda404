"""spaCy's attribute ruler and lemmatizer, done as table lookups: the same output, faster.

In ``en_core_web_sm`` the attribute ruler (coarse part of speech and morphology from the
tagger's tags, plus a few word exceptions) runs spaCy's token Matcher over 179 patterns for
every token, and the lemmatizer makes a Python token object per word: together about a
tenth of parsing time. Their answers depend only on a word, its tag and dependency label and
its neighbours' words, so we work each distinct case out once, with the component's own
patterns and lemmatizer, and after that look it up. ``tests/test_parse.py`` checks that every
token of real news gets exactly what the spaCy components give.
"""

import re
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, MorphAnalysis, Token
from spacy.tokens._retokenize import set_token_attrs

# Token attributes the patterns may test, in the order of a case's key.
TESTED = (LOWER, TAG, DEP, IS_SPACE)
TESTED_NAMES = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
# What the table sets in bulk; anything else a pattern sets goes token by token.
BULK = (POS, MORPH, LEMMA)

Case = tuple[str, str, str, bool]
Test = Callable[[Case], bool]


class Unsupported(Exception):
    """A pattern the table cannot reproduce exactly: keep spaCy's own component."""


def _gate(spec: dict[str, Any]) -> tuple[int, frozenset[str]] | None:
    """The word (or else the tag) a token must have for ``spec`` to match it, if any: a case
    need only be tried against the patterns gated by its own word and tag, and the ungated."""
    for name in ("LOWER", "TAG"):
        wanted = spec.get(name)
        if isinstance(wanted, str):
            return TESTED_NAMES[name], frozenset([wanted])
        if isinstance(wanted, dict) and set(wanted) == {"IN"}:
            return TESTED_NAMES[name], frozenset(wanted["IN"])
    return None


class Gates:
    """Tests (by their index in a list) filed under the word or tag they need."""

    def __init__(self, specs: list[dict[str, Any]]) -> None:
        self.open: list[int] = []
        self.gated: dict[tuple[int, str], list[int]] = {}
        for k, spec in enumerate(specs):
            gate = _gate(spec)
            if gate is None:
                self.open.append(k)
                continue
            for value in gate[1]:
                self.gated.setdefault((gate[0], value), []).append(k)

    def candidates(self, case: Case) -> list[int]:
        """The tests that may match ``case``, in their order."""
        found = [*self.open, *self.gated.get((0, case[0]), ()), *self.gated.get((1, case[1]), ())]
        return sorted(set(found))


def _test(spec: dict[str, Any]) -> Test:
    """A function of a case for one token's Matcher spec (``{"TAG": "NN", "LOWER": ...}``)."""
    checks: list[tuple[int, str, Any]] = []
    for name, wanted in spec.items():
        if name not in TESTED_NAMES:
            raise Unsupported(name)
        if not isinstance(wanted, dict):
            checks.append((TESTED_NAMES[name], "==", wanted))
            continue
        if len(wanted) != 1 or next(iter(wanted)) not in ("IN", "NOT_IN", "REGEX"):
            raise Unsupported(str(wanted))
        op, value = next(iter(wanted.items()))
        if op == "REGEX":
            value = re.compile(value)
        elif op in ("IN", "NOT_IN"):
            value = frozenset(value)
        checks.append((TESTED_NAMES[name], op, value))

    def test(case: Case) -> bool:
        for at, op, value in checks:
            here = case[at]
            if op == "==":
                ok = here == value
            elif op == "IN":
                ok = here in value
            elif op == "NOT_IN":
                ok = here not in value
            else:
                ok = bool(value.search(str(here)))
            if not ok:
                return False
        return True

    return test


class AttributeTable:
    """The attribute ruler's patterns as a table from a token's case to what it sets."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        # One entry per single-token pattern: (order, test, attrs).
        self.single: list[tuple[int, Test]] = []
        # Two-token patterns: (order, first test, second test, index of the token set).
        self.pairs: list[tuple[int, Test, Test, int]] = []
        self.attrs: list[dict[int, int]] = list(ruler.attrs)
        specs: tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]] = (
            [],
            [],
            [],
        )
        for order, (patterns, index) in enumerate(
            zip(_patterns(ruler), ruler.indices, strict=True)
        ):
            for pattern in patterns:
                if any("OP" in token for token in pattern) or not 1 <= len(pattern) <= 2:
                    raise Unsupported(str(pattern))
                if len(pattern) == 1:
                    self.single.append((order, _test(pattern[0])))
                    specs[0].append(pattern[0])
                else:
                    self.pairs.append((order, _test(pattern[0]), _test(pattern[1]), index % 2))
                    specs[1].append(pattern[0])
                    specs[2].append(pattern[1])
        self.gates = (Gates(specs[0]), Gates(specs[1]), Gates(specs[2]))
        self.cases: dict[tuple[int, ...], tuple[tuple[int, ...], int, int]] = {}
        self.merged: dict[tuple[int, ...], tuple[dict[int, int], bool]] = {}

    def _case(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], int, int]:
        """Single patterns a token matches, and bitmasks of the pair halves it matches."""
        strings = self.vocab.strings
        case: Case = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        singles = tuple(
            self.single[k][0] for k in self.gates[0].candidates(case) if self.single[k][1](case)
        )
        first = sum(1 << k for k in self.gates[1].candidates(case) if self.pairs[k][1](case))
        second = sum(1 << k for k in self.gates[2].candidates(case) if self.pairs[k][2](case))
        found = self.cases[key] = (singles, first, second)
        return found

    def _merge(self, orders: tuple[int, ...]) -> tuple[dict[int, int], bool]:
        """What the patterns ``orders`` set, later patterns over earlier ones as spaCy does."""
        attrs: dict[int, int] = {}
        for order in orders:
            attrs.update(self.attrs[order])
        found = self.merged[orders] = (attrs, any(a not in BULK for a in attrs))
        return found

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        tested = doc.to_array(list(TESTED))
        cases = []
        for row in tested.tolist():
            key = tuple(row)
            cases.append(self.cases.get(key) or self._case(key))
        targets: list[list[int]] = [list(singles) for singles, _, _ in cases]
        if self.pairs:
            for i in range(n - 1):
                first, second = cases[i][1], cases[i + 1][2]
                if first & second:
                    for k, (order, _, _, index) in enumerate(self.pairs):
                        if first & second & (1 << k):
                            targets[i + index].append(order)
        values = doc.to_array(list(BULK))
        slow: list[tuple[int, dict[int, int]]] = []
        for i, orders in enumerate(targets):
            if not orders:
                continue
            key = tuple(sorted(orders))
            attrs, other = self.merged.get(key) or self._merge(key)
            for column, attr in enumerate(BULK):
                if attr in attrs:
                    values[i, column] = attrs[attr]
            if other:
                slow.append((i, attrs))
        doc.from_array(list(BULK), values)  # type: ignore[arg-type]
        for i, attrs in slow:
            set_token_attrs(doc[i], attrs)
        return doc


def _patterns(ruler: AttributeRuler) -> list[list[list[dict[str, Any]]]]:
    """Each pattern entry's token patterns, in the order the ruler numbered them."""
    return [list(entry["patterns"]) for entry in ruler.patterns]  # type: ignore[arg-type]


class LemmaTable:
    """The rule lemmatizer, asked once per word and part of speech and morphology."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise Unsupported(f"lemmatizer mode {lemmatizer.mode}")
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        if not self.lemmatizer._validated:
            self.lemmatizer._validate_tables()
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = values[:, 3].copy()
        missing = np.flatnonzero(lemmas == 0).tolist()
        rows = values.tolist()
        for i in missing:
            key = (rows[i][0], rows[i][1], rows[i][2])
            lemma = self.lemmas.get(key)
            if lemma is None:
                lemma = self.lemmas[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]
        return doc


def use_tables(nlp: Language) -> None:
    """Put the table versions in place of ``attribute_ruler`` and ``lemmatizer``, where the
    pipeline has them and their patterns are of the kinds the tables reproduce."""
    replacements: list[tuple[str, Callable[[Any], Callable[[Doc], Doc]]]] = [
        ("attribute_ruler", AttributeTable),
        ("lemmatizer", LemmaTable),
    ]
    for name, table in replacements:
        if name not in nlp.pipe_names:
            continue
        try:
            component = table(nlp.get_pipe(name))
        except Unsupported:
            continue
        nlp.replace_pipe(name, "eventwire_table", config={})
        nlp.get_pipe(name).use(component)  # type: ignore[attr-defined]


class TableComponent:
    """A pipeline slot for a table; ``use`` gives it the table (built from the old component)."""

    def __init__(self) -> None:
        self.table: Callable[[Doc], Doc] | None = None

    def use(self, table: Callable[[Doc], Doc]) -> None:
        self.table = table

    def __call__(self, doc: Doc) -> Doc:
        assert self.table is not None, "a table component used before it was given its table"
        return self.table(doc)


@Language.factory("eventwire_table")
def make_table(nlp: Language, name: str) -> TableComponent:
    """An empty slot; ``use_tables`` fills it."""
    return TableComponent()


# The tags a verb between its subject and its object is given in error, and the verb tag and
# morphology it gets back by its form.
MISTAGGED_AS = frozenset({"NN", "NNS", "JJ"})
VERB_FORMS = {
    "VBD": "Tense=Past|VerbForm=Fin",
    "VBZ": "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
    "VBP": "Tense=Pres|VerbForm=Fin",
}
# Left children that make a word a noun or an adjective whatever follows it: "the protest".
NOUN_MARKS = frozenset({"det", "poss", "amod", "nummod"})


def rule_lemmatizer(nlp: Language) -> Lemmatizer | None:
    """The pipeline's rule lemmatizer, also where a table stands in its slot; None without."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    pipe = nlp.get_pipe("lemmatizer")
    lemmatizer = getattr(getattr(pipe, "table", None), "lemmatizer", pipe)
    return lemmatizer if isinstance(lemmatizer, Lemmatizer) else None


def english_words(nlp: Language, part: str) -> frozenset[str]:
    """The words the lemmatizer's index knows as ``part`` ("noun", "verb"): WordNet's, lower
    case. Empty where the pipeline has no such index."""
    lemmatizer = rule_lemmatizer(nlp)
    if lemmatizer is None:
        return frozenset()
    return frozenset(lemmatizer.lookups.get_table("lemma_index", {}).get(part, ()))


class MistaggedVerbs:
    """ "Residents of Nyalenda lynch a man", "Guards assaulted inmates": the tagger reads a
    verb between its subject and its object as a noun or an adjective (short lines in the
    present tense, as ACLED notes are written, most often), while the parser still gives it
    both. A word with a subject before it and an object after it, that the lemmatizer knows as
    a verb, is one: every stage after the parse reads it so."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.verbs: frozenset[str] | None = None

    def _lemmatizer(self) -> Lemmatizer:
        lemmatizer = rule_lemmatizer(self.nlp)
        assert lemmatizer is not None
        return lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or "lemmatizer" not in self.nlp.pipe_names:
            return doc
        strings = doc.vocab.strings
        tags = doc.to_array([TAG, DEP])
        wanted = {strings[t] for t in MISTAGGED_AS}
        heads = {strings["ROOT"], strings["conj"]}
        for i, (tag, dep) in enumerate(tags.tolist()):
            if tag in wanted and dep in heads:
                self._repair(doc[i])
        return doc

    def _repair(self, token: Token) -> None:
        word = token.text
        if not word[:1].islower() or word.endswith("ing"):
            return
        lefts, rights = list(token.lefts), list(token.rights)
        if not any(c.dep_ == "nsubj" for c in lefts) or not any(c.dep_ == "dobj" for c in rights):
            return
        if any(c.dep_ in NOUN_MARKS for c in lefts):
            return
        if token.dep_ == "conj" and token.head.pos_ != "VERB":
            return
        lemmatizer = self._lemmatizer()
        if self.verbs is None:
            self.verbs = english_words(self.nlp, "verb")
        if token.tag_ == "JJ":
            tag = "VBD" if word.endswith("ed") else "VBP"
        else:
            tag = "VBZ" if token.tag_ == "NNS" else "VBP"
        before = (token.tag_, token.pos_, str(token.morph))
        token.tag_, token.pos_ = tag, "VERB"
        token.morph = MorphAnalysis(token.vocab, VERB_FORMS[tag])
        lemma = lemmatizer.rule_lemmatize(token)[0]
        if lemma.lower() not in self.verbs:
            token.tag_, token.pos_ = before[0], before[1]  # "shot dead a Briton": no verb
            token.morph = MorphAnalysis(token.vocab, before[2])
            return
        token.lemma_ = lemma


@Language.factory("eventwire_mistagged_verbs")
def make_mistagged_verbs(nlp: Language, name: str) -> MistaggedVerbs:
    """Verbs the tagger read as nouns or adjectives, tagged as verbs again."""
    return MistaggedVerbs(nlp)
