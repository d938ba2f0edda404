"""The type model: a small linear scorer of PLOVER types (and modes) for a sentence and trigger.

The rules find triggers and roles; this model reads the words around a trigger and says how
likely each type is, so that ``events.py`` can settle the pairs the rules confuse most (SUPPORT
and AGREE, CONCEDE or RETREAT and AGREE, COERCE and SANCTION, ACCUSE and REQUEST) and find an
event in a sentence where no rule fired. Its features are hashed strings read off the parse
(the trigger's lemma and dependents, its head, the subject, the words and word pairs of the
sentence), so it adds no parsing and costs well under a millisecond a sentence.

The weights (``data/type_model.npz``) are trained by ``eventwire.training.type_model`` on
sentences we wrote from the PLOVER codebook and on PLOVER GSR and PETRARCH2 sentences; as it is
built from CC BY-SA 4.0 data, the file is CC BY-SA 4.0 with attribution to the PLOVER project.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from ..errors import ResourceError
from .parse import words_of

NONE = "NONE"  # the label of a sentence that reports no political event
# Dependents of the trigger whose words say what kind of act it is.
CHILD_DEPS = frozenset(
    {
        "dobj",
        "prep",
        "prt",
        "xcomp",
        "ccomp",
        "nsubj",
        "nsubjpass",
        "agent",
        "neg",
        "attr",
        "acomp",
        "dative",
        "compound",
        "amod",
        "advmod",
        "oprd",
        "conj",
        "aux",
        "poss",
    }
)
# Verbs that only report another act: the act is the main verb ("officials said X attacked").
REPORTING = frozenset(
    {"say", "tell", "add", "announce", "confirm", "report", "state", "claim", "note", "explain"}
)
NEGATIVE_HEADS = frozenset({"refuse", "deny", "decline", "fail", "reject"})


def main_verb(sentence: TokenSpan) -> Token:
    """The verb a sentence is about: its root, or the act a reporting root reports; for
    "X is ready (willing, prepared) to send troops", the act offered ("send")."""
    verb = sentence.root
    if verb.lemma_.lower() in REPORTING:
        for child in verb.children:
            if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                verb = child
                break
    if verb.pos_ == "AUX":
        for child in verb.children:
            if child.dep_ == "acomp":
                for act in child.children:
                    if act.dep_ == "xcomp" and act.pos_ == "VERB":
                        return act
    return verb


def features(sentence: TokenSpan, trigger: Token) -> list[str]:
    """The feature strings of ``trigger`` in ``sentence``."""
    lemma = trigger.lemma_.lower()
    found = ["bias", f"t:{lemma}", f"td:{trigger.dep_}", f"tp:{trigger.pos_}:{lemma}"]
    negated = False
    for child in trigger.children:
        dep = child.dep_
        if dep not in CHILD_DEPS:
            continue
        word = child.lemma_.lower()
        found.append(f"c:{dep}:{word}")
        found.append(f"tc:{lemma}:{dep}:{word}")
        negated = negated or dep == "neg"
        if dep == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.append(f"p:{word}:{pobj.lemma_.lower()}")
                    found.append(f"tp:{lemma}:{word}")
        elif dep in ("dobj", "xcomp"):
            found.append(f"to:{lemma}:{word}")
            for grand in child.children:
                if grand.dep_ in ("dobj", "prep", "prt", "compound"):
                    found.append(f"g:{dep}:{word}:{grand.lemma_.lower()}")
        elif dep in ("nsubj", "nsubjpass") and child.ent_type_:
            found.append(f"se:{dep}:{child.ent_type_}")
    head = trigger.head
    if head.i != trigger.i:
        head_lemma = head.lemma_.lower()
        found.append(f"h:{trigger.dep_}:{head_lemma}")
        negated = negated or head_lemma in NEGATIVE_HEADS
    if negated:
        found.append("neg")
    previous = ""
    lemmas = words_of(sentence.doc).lemma
    for token in sentence:
        if token.is_punct or token.is_space:
            continue
        word = lemmas[token.i] if token.is_alpha else "#"
        if token.is_alpha and not token.is_stop:
            found.append(f"w:{word}")
        if previous:
            found.append(f"b:{previous}_{word}")
        previous = word
    return found


DENSE = 192  # the trigger's vector and the sentence's mean vector from spaCy's tok2vec


def dense(sentence: TokenSpan, trigger: Token) -> NDArray[np.float32]:
    """The parser's own context vectors (``doc.tensor``) of the trigger and of the sentence,
    each scaled to unit length: they carry what words mean beyond the ones seen in training."""
    tensor = sentence.doc.tensor
    found = np.zeros(DENSE, dtype=np.float32)
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] < sentence.end:
        return found
    half = DENSE // 2
    if tensor.shape[1] != half:
        return found
    for at, row in ((0, tensor[trigger.i]), (half, tensor[sentence.start : sentence.end].mean(0))):
        norm = float(np.linalg.norm(row))
        if norm > 0:
            found[at : at + half] = row / norm
    return found


def _codes(names: list[str]) -> NDArray[np.int64]:
    return np.fromiter((zlib.crc32(n.encode("utf-8")) for n in names), np.int64, len(names))


def hashed(names: list[str], size: int) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """Feature strings as distinct bucket indices with values scaled to unit length."""
    return _buckets(_codes(names), size)


def _buckets(codes: NDArray[np.int64], size: int) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    idx = np.unique(codes % size)
    values = np.full(len(idx), 1.0 / np.sqrt(max(len(idx), 1)), dtype=np.float32)
    return idx, values


@dataclass(frozen=True)
class Scores:
    """What the model says about one trigger: each type's probability, and the likeliest mode
    of each type (None: no mode)."""

    probs: dict[str, float]
    modes: dict[str, str | None]

    @property
    def best(self) -> str:
        return max(self.probs, key=lambda t: self.probs[t])


@dataclass(frozen=True)
class TypeModel:
    """Weights of the type head and the mode head over hashed features."""

    types: tuple[str, ...]
    type_weights: NDArray[np.float32]  # (buckets, types)
    type_dense: NDArray[np.float32]  # (DENSE, types)
    type_bias: NDArray[np.float32]
    modes: tuple[str, ...]  # "TYPE/mode", or "TYPE/" for none
    mode_weights: NDArray[np.float32]  # (mode buckets, modes)
    mode_dense: NDArray[np.float32]  # (DENSE, modes)
    mode_bias: NDArray[np.float32]

    @classmethod
    def load(cls, path: Path) -> TypeModel:
        """The model saved at ``path`` (``numpy.savez_compressed``, float16 weights)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls(
                    types=tuple(str(t) for t in data["types"]),
                    type_weights=data["type_weights"].astype(np.float32),
                    type_dense=data["type_dense"].astype(np.float32),
                    type_bias=data["type_bias"].astype(np.float32),
                    modes=tuple(str(m) for m in data["modes"]),
                    mode_weights=data["mode_weights"].astype(np.float32),
                    mode_dense=data["mode_dense"].astype(np.float32),
                    mode_bias=data["mode_bias"].astype(np.float32),
                )
        except (OSError, KeyError, ValueError) as err:
            raise ResourceError(f"{path}: not a type model ({err})") from err

    def save(self, path: Path) -> None:
        """Written compressed, weights as float16 (the shipped file stays small)."""
        np.savez_compressed(
            path,
            types=np.array(self.types),
            type_weights=self.type_weights.astype(np.float16),
            type_dense=self.type_dense.astype(np.float16),
            type_bias=self.type_bias.astype(np.float16),
            modes=np.array(self.modes),
            mode_weights=self.mode_weights.astype(np.float16),
            mode_dense=self.mode_dense.astype(np.float16),
            mode_bias=self.mode_bias.astype(np.float16),
        )

    def score_features(
        self, names: list[str], vector: NDArray[np.float32], modes: bool = True
    ) -> Scores:
        """Type probabilities (and, if ``modes``, each type's likeliest mode) for a list of
        feature strings and the dense vector."""
        codes = _codes(names)
        idx, values = _buckets(codes, self.type_weights.shape[0])
        logits = values @ self.type_weights[idx] + vector @ self.type_dense + self.type_bias
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        probabilities = {t: float(p) for t, p in zip(self.types, probs.tolist(), strict=True)}
        found: dict[str, str | None] = {}
        if not modes:
            return Scores(probabilities, found)
        midx, mvalues = _buckets(codes, self.mode_weights.shape[0])
        mode_logits = mvalues @ self.mode_weights[midx] + vector @ self.mode_dense + self.mode_bias
        best: dict[str, float] = {}
        for label, logit in zip(self.modes, mode_logits.tolist(), strict=True):
            type_, _, mode = label.partition("/")
            if logit > best.get(type_, -np.inf):
                best[type_], found[type_] = logit, mode or None
        return Scores(probabilities, found)

    def score(
        self, sentence: TokenSpan, trigger: Token | None = None, modes: bool = True
    ) -> Scores:
        """Scores for ``trigger`` (by default the sentence's main verb) in ``sentence``;
        ``modes=False`` skips the mode head (most sentences need only the types)."""
        trigger = trigger or main_verb(sentence)
        return self.score_features(*self.read(sentence, trigger), modes)

    def read(self, sentence: TokenSpan, trigger: Token) -> tuple[list[str], NDArray[np.float32]]:
        """The features and the dense vector of ``trigger`` in ``sentence``, to score more
        than once (types, then modes) without reading them again."""
        return features(sentence, trigger), dense(sentence, trigger)


# Types the rules confuse, and what the model may turn each into (issue 10): cooperation said
# against cooperation done, a sanction against coercion, an accusation against a demand; a
# visit hosted against a decision welcomed ("welcomed"), a call made against a call on someone
# ("called"), a town taken by fighting against one taken over ("captured"); peacekeepers sent
# (AID, CAMEO 074) against troops massed ("deployed").
CONFUSABLE: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"SUPPORT", "CONCEDE", "RETREAT"}),
    "SUPPORT": frozenset({"AGREE"}),
    "CONCEDE": frozenset({"AGREE", "RETREAT"}),
    "RETREAT": frozenset({"AGREE", "CONCEDE"}),
    "COERCE": frozenset({"SANCTION", "ASSAULT"}),
    "SANCTION": frozenset({"COERCE"}),
    "ACCUSE": frozenset({"REQUEST"}),
    "REQUEST": frozenset({"ACCUSE", "CONSULT"}),
    "CONSULT": frozenset({"SUPPORT"}),
    "MOBILIZE": frozenset({"AID"}),
}
# Decided on the tune halves of PLV and the ACLED notes (see README, "Event types").
RETYPE_AT = 0.6  # the model's type must be at least this likely ...
RETYPE_MARGIN = 0.3  # ... and this much likelier than the rules' type
NEW_EVENT_AT = 0.5  # an event where no trigger fired: its type at least this likely
NEW_EVENT_CONFIDENCE = 0.3  # below any event a trigger found
MAIN_VERB_AT = 0.6  # an untriggered main verb beside the rules' events: its type this likely
# Verbs of thinking, wanting, having, being made of, seeming and going on: they tell a state of
# mind or of things, never an act between sides, whatever the words around them suggest
# ("China does not perceive Russia as a reliable partner", "it encompassed Guinea-Bissau").
STATIVE_VERBS = frozenset(
    {"think", "believe", "perceive", "see", "view", "consider", "know", "understand", "feel"}
    | {"want", "wish", "hope", "intend", "expect", "need", "like", "prefer"}
    | {"have", "get", "comprise", "encompass", "include", "contain", "consist", "involve"}
    | {"seem", "appear", "become", "remain", "continue", "come", "highlight", "focus", "note"}
    # verbs too general to name an act by themselves, whose sentence's other words the model
    # reads instead ("the student said", "police briefed the media", "will maintain
    # relations", "immigrants arrived in Houston"; not "take", "turn", "fly", "go": "have taken
    # dozens of Palestinians", "turned back the offer", "flew tents to the villagers", "went
    # down in the street")
    | {"say", "tell", "argue", "make", "arrive", "host", "brief", "inform"}
    | {"refrain", "maintain", "face"}
)


def retype(
    model: TypeModel, sentence: TokenSpan, trigger: Token, type_: str
) -> tuple[str, str | None] | None:
    """(type, mode) the model gives a rule's event of ``type_``, where the type is one the
    rules confuse with it and the model is sure; else None (keep the rules' type)."""
    allowed = CONFUSABLE.get(type_)
    if not allowed:
        return None
    read = model.read(sentence, trigger)
    probs = model.score_features(*read, modes=False).probs
    best = max(allowed, key=lambda t: probs.get(t, 0.0))
    if probs[best] >= RETYPE_AT and probs[best] - probs.get(type_, 0.0) >= RETYPE_MARGIN:
        if best == "ASSAULT":
            return best, None  # a weapon is the violence words' to name, not a guess
        return best, model.score_features(*read).modes.get(best)
    return None


# A reporter's question left unanswered reports nothing of the story: "did not respond to a
# request for comment", "could not be reached for comment". ("Declined to comment" is the
# rules' REJECT, as the PLV coders have it.)
ANSWER_VERBS = frozenset({"respond", "reply", "answer", "return", "comment", "reach"})


# Verbs that say what their object is "as" something: "describes Trump as an anomaly".
DESCRIBING = frozenset(
    {"describe", "characterize", "characterise", "portray", "depict", "regard", "view"}
)


def naming(verb: Token) -> Token | None:
    """The noun a verb names its object ("calls Xi a dear friend": "friend"; "describes Trump
    as an anomaly": "anomaly"); None where it names nothing ("shot him dead" says what the act
    did, "took six hostage" is the act)."""
    children = list(verb.children)
    if not any(c.dep_ == "dobj" for c in children):
        return None
    named = next((c for c in children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")), None)
    if named is None and verb.lemma_.lower() in DESCRIBING:
        named = next(
            (
                pobj
                for prep in children
                if prep.dep_ == "prep" and prep.lower_ == "as"
                for pobj in prep.children
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
    return named


# A verb and object that say only that something happens: "the tariffs will take effect".
HAPPENING_IDIOMS = frozenset(
    {("take", "effect"), ("take", "place"), ("take", "shape"), ("take", "hold")}
    | {("take", "root"), ("come", "force")}
)


def _no_act(verb: Token) -> bool:
    """Whether the verb leaves a reporter's question unanswered, names its object something
    ("calls Xi a dear friend"), or only says that something happens ("will take effect"): each
    reports no act of the story."""
    if naming(verb) is not None:
        return True
    if any(
        (verb.lemma_.lower(), c.lemma_.lower()) in HAPPENING_IDIOMS
        for c in verb.children
        if c.dep_ in ("dobj", "pobj", "prep")
        for c in [c, *(g for g in c.children if g.dep_ == "pobj")]
    ):
        return True
    return verb.lemma_.lower() in ANSWER_VERBS and any(
        t.lemma_.lower() == "comment" for t in verb.subtree
    )


def new_event(model: TypeModel, sentence: TokenSpan) -> tuple[str, str | None] | None:
    """(type, mode) of the event a sentence with no trigger reports, where the model is sure
    enough that it reports one; else None."""
    verb = main_verb(sentence)
    if verb.pos_ != "VERB" or verb.lemma_.lower() in STATIVE_VERBS or _no_act(verb):
        return None  # "is", "has": a description; or a headline read as a noun phrase
    read = model.read(sentence, verb)
    scores = model.score_features(*read, modes=False)
    best = scores.best
    if best == NONE or scores.probs[best] < NEW_EVENT_AT:
        return None
    return best, model.score_features(*read).modes.get(best)


def main_verb_event(
    model: TypeModel, sentence: TokenSpan, triggered: set[int]
) -> tuple[Token, str, str | None] | None:
    """(verb, type, mode) of the act a sentence's main verb reports where no trigger covers
    it ("faulted the decision to allow ...", "returned artifacts to ...") and the model is
    sure: the rules found only the side clauses' events; else None. ``triggered``: indices
    of the tokens the rules' triggers cover."""
    verb = main_verb(sentence)
    if verb.pos_ != "VERB" or verb.i in triggered or verb.lemma_.lower() in STATIVE_VERBS:
        return None
    if _no_act(verb):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "xcomp", "ccomp") and any(
            t.i in triggered for t in child.subtree
        ):
            return None  # the rules read an act in what it governs: a light verb or a frame
    read = model.read(sentence, verb)
    scores = model.score_features(*read, modes=False)
    best = scores.best
    if best in (NONE, "ASSAULT") or scores.probs[best] < MAIN_VERB_AT:
        return None  # violence the rules' words know better than the model
    return verb, best, model.score_features(*read).modes.get(best)
