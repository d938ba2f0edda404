"""Events: PLOVER-typed events with source and target from the dependency parse.

Triggers come from the event lexicon (``data/event_lexicon.yaml``): verbs by lemma, with
multi-word verbs as chains of dependents ("rule out", "take action against"), and nouns as
runs of words ("air strike", "party to"). Around each trigger the parse gives

- the source: the subject, the agent of a passive ("by X"), the head a relative clause hangs
  off ("many Iraqis, who accused ..."), or for a noun its possessor and modifiers ("US
  airstrikes", "Hezbollah-negotiated deal");
- the target: the object, the object of against/on/at/with..., the subject of a passive;
- the modality: negated, future, hypothetical, from auxiliaries and the verbs above;
- speech frames: inside a quote, "we" (and, for speech acts, a missing subject) is the speaker
  of the sentence's reporting verb ("..., Dillon said");
- frames: an act inside a threat, demand, denial or accusation ("will not rule out strikes",
  "threatened to attack") is part of that event, not an event of its own.

Actors are found through ``MentionIndex``; a trigger whose actors are unknown still makes an
event, with empty source or target and a lower confidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from ..errors import ResourceError
from ..records import Actor, Article, Event, Place, Quote, Span, Time, When
from .actors import SPONSOR_WORDS, MentionIndex
from .codebook import Codebook
from .offsets import Intervals, index_of
from .parse import (
    DASHES,
    KIND_WORDS,
    named_by_of,
    paragraphs,
    said_subject,
    text_of,
    words_of,
)
from .places import DIRECTIONS, driven_from
from .places import _km as km
from .types import (
    NEW_EVENT_CONFIDENCE,
    TypeModel,
    main_verb,
    main_verb_event,
    naming,
    new_event,
    retype,
)

Role = str  # "source", "target" or "none"
FRAMES = (None, "absorb", "report")
SUBJECTS = ("nsubj", "csubj")
# Acts of force: events even when nobody is named as doing them or suffering them. (Dropping
# the bare nouns of force among them, "fear of arrest", cost two CASE check snippets and two
# PLV tune sentences for 24 of 1,304 VOA events, and was not kept.)
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
# The state's forces (PLOVER sectors): police and military.
FORCE_SECTORS = frozenset({"COP", "MIL"})
# Acts whose object, where it is a place, is where they happened ("attacked Mandera",
# "invaded Ukraine").
STRUCK_TYPES = frozenset({"ASSAULT", "COERCE"})
VISITING_VERBS = frozenset({"visit", "tour"})
# Words of a journey, whose "to" says where it went: "a visit to Quetta", "travelled to Kyiv".
JOURNEYS = frozenset({"visit", "tour", "trip", "travel", "journey", "fly"})
# Verbs that send forces somewhere, which is where the act is: "deployed troops to Kurram".
DEPLOYING = frozenset({"deploy", "redeploy", "dispatch", "send", "rush", "station", "move"})
# Dependents of a noun that name who did it ("US airstrikes", "Hezbollah-negotiated deal").
MODIFIERS = ("compound", "amod", "nmod", "npadvmod", "poss")
# Dependents that hold what a frame reports ("threatened to strike", "accused X of attacking").
COMPLEMENTS = ("dobj", "xcomp", "ccomp", "prep", "pcomp", "attr", "oprd", "acomp", "dative")
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me"})
THIRD_PERSON = frozenset({"it", "they", "he", "she"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Verbs that alone report no act between sides, whatever the words around them suggest to the
# type model: "Yeats once lamented in a poem", "Hassan Mudane lectures on African politics", "the
# military is still searching for bodies", "David Gee worked in San Francisco". ("say", "go" and
# "turn" stay: "said to be recruiting", "went on the rampage", "turned violent".)
NO_ACT_VERBS = frozenset(
    {
        "find",
        "look",
        "work",
        "present",
        "realize",
        "realise",
        "search",
        "lecture",
        "compete",
        "refer",
        "indicate",
        "lament",
        "chair",
        "reiterate",
        "keep",
        "seem",
        "become",
        "remain",
        "live",
        "know",
        "think",
        "believe",
        "want",
        "hope",
    }
)
# Nouns of doing whose "of" names the act done: "Trump's imposition of sanctions".
DOING_NOUNS = frozenset(
    {"imposition", "launch", "use", "resumption", "continuation", "escalation", "staging"}
)
# Nouns of an amount, whose "of" names what a verb is done to: "a total of 56 posts",
# "evacuated hundreds of residents".
QUANTITY_NOUNS = frozenset(
    {"total", "number", "series", "batch", "couple", "pair", "set"}
    | {"hundred", "thousand", "dozen", "score", "million", "handful"}
    # measures of goods: "500 tonnes of grain", "two truckloads of medicine"
    | {"tonne", "ton", "kilogram", "kilo", "litre", "liter", "gallon", "barrel", "bag", "sack"}
    | {"truckload", "consignment", "crate", "carton", "box", "shipload", "planeload"}
)
# Tags of a word that opens a noun phrase right after its verb: "burn a truck".
OBJECT_OPENING_TAGS = frozenset({"DT", "PDT", "CD", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS"})
# Nouns that count back over the actors just named: "the three parties", "both sides".
GROUP_NOUNS = frozenset({"party", "side", "group", "country", "state", "faction", "nation"})
# Such nouns for people, which may count back into the sentence before: "Trump hosted
# Erdogan. The two presidents ...", "both leaders", "the two ministers".
PERSON_GROUP_NOUNS = frozenset(
    {"leader", "president", "minister", "premier", "chancellor", "diplomat", "envoy", "king"}
)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
QUOTE_MARKS = {'"': '"', "“": "”", "«": "»"}
OPENING_MARKS = re.compile("|".join(map(re.escape, QUOTE_MARKS)))
# What follows a town's name in a road's name: "Mombasa Road, Nairobi", "the Nairobi-Nakuru
# highway", "Kismayo Road in Garissa" name a road, not where the act was.
ROAD = re.compile(
    r"(?:\s*-\s*[A-Z][\w']*(?: [A-Z][\w']*)?)*\s+(?:road|street|highway|avenue|lane|drive|"
    r"bypass|boulevard|superhighway|expressway)\b",
    re.IGNORECASE,
)


# A road between two towns named by both ends: "the Nakuru-Nairobi highway", "the
# Eldoret-Kitale road". An act on it is on the way out of the first-named town, which is where
# ACLED-style coding puts it (the road's own line is no point).
ROUTE_FROM = re.compile(
    r"-\s*[A-Z][\w']*(?: [A-Z][\w']*)?\s+(?:road|highway|route|expressway|superhighway)\b"
)


def road_name(text: str, end: int) -> bool:
    """Whether the place name that ends at ``end`` begins a road's name."""
    return ROAD.match(text, end) is not None


def route_start(text: str, end: int) -> bool:
    """Whether the place name that ends at ``end`` is the first end of a road between two
    towns ("Nakuru" in "the Nakuru-Nairobi highway")."""
    return ROUTE_FROM.match(text, end) is not None


# Nouns for the use of a thing, which their compound names: "internet services", "Twitter
# operations", "internet access".
SERVICES = frozenset({"service", "access", "operation", "connection", "network", "account"})
# A game's result and the contests games are played in: "beat Slovakia 2-1 in the final".
SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
CONTESTS = frozenset(
    {"final", "semi-final", "semifinal", "quarter-final", "quarterfinal", "tournament", "match"}
    | {"championship", "league", "cup", "olympics", "derby", "qualifier", "fixture", "set"}
)


# What is won or played on in a game, which no act of force takes: "stormed to victory",
# "captured the title", "invaded the pitch", "destroyed his opponent".
GAME_WORDS = CONTESTS | frozenset(
    {"title", "trophy", "pitch", "opponent", "medal", "crown", "goal", "race", "game", "podium"}
)
# What a side storms or is fired to or into in a game ("stormed to victory", "fired into the
# top corner"); as an object, a victory is also an election's ("protested Ruto's victory").
GAME_ENDS = frozenset({"victory", "win", "lead", "top", "corner", "net", "final"})
# The types whose acts need a party on both ends: force done to animals or by nature is none.
UNLIVING_RULED = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT"})


@dataclass(frozen=True)
class Entry:
    """One trigger of the lexicon: its words, what they mean, and how to read their roles."""

    words: tuple[str, ...]
    pos: str  # "verb" or "noun"
    type: str | None
    mode: str | None = None
    frame: str | None = None
    takes: Role = "target"
    negated_type: str | None = None
    negated_hypothetical: bool = False
    hypothetical: bool = False
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()  # "released a report" releases nobody
    not_subjects: frozenset[str] = frozenset()  # "tariffs targeting imports" attack nobody
    subjects: frozenset[str] = frozenset()  # "a bomb exploded": only with such a doer
    not_instruments: frozenset[str] = frozenset()  # "hit Canada with tariffs" hurts nobody
    left: frozenset[str] = frozenset()  # "withdrew from the deal": what is left behind
    needs_subject: bool = False  # "the Taliban let women work", not "Let us work"
    needs_object: bool = False  # "burned houses", not "fires are burning"
    names_object: bool = False  # "called the claims baseless", not "called for the charges"
    not_governors: frozenset[str] = frozenset()  # "poses a threat" names a danger
    governors: frozenset[str] = frozenset()  # "dispersed a crowd": only under these verbs
    not_context: frozenset[str] = frozenset()  # "a request for comment" is a reporter's
    needs_target: bool = False
    found: bool = False  # the subject found what the act left ("discovered bodies"): no doer
    received: bool = False  # the subject got what was given ("received tanks from Poland")
    settled: bool = False  # the words settle the type: the type model may not change it
    context: frozenset[str] = frozenset()
    sentence_context: frozenset[str] = frozenset()
    roles: tuple[tuple[str, Role], ...] = ()


@dataclass(frozen=True)
class Governing:
    """Verbs that turn the event named by their object into another: "suspended aid"
    is a sanction, "lifted the curfew" a concession."""

    verbs: tuple[tuple[str, ...], ...]
    change: dict[str, tuple[str, str | None]]  # old type -> (new type, new mode)
    nouns: frozenset[str] = frozenset()  # the same act named by a noun: "a suspension of aid"
    objects: frozenset[str] = frozenset()  # only these trigger nouns, where given


@dataclass(frozen=True)
class ActorRule:
    """An event whose sources are all of these sectors or kinds is another type: a crowd's
    violence is a riot, a state's protest is a complaint."""

    type: str
    sectors: frozenset[str]
    kinds: frozenset[str]
    ids: frozenset[str]  # actor dictionary ids, or patterns of them: "*-people"
    becomes: tuple[str, str | None]
    unless: frozenset[str] = frozenset()  # lemmas in the sentence that keep the type
    # lemmas of the words that name the doers which keep the type: "three men attacked" is
    # a few men's attack, not a crowd's riot
    not_doers: frozenset[str] = frozenset()
    # trigger lemmas the rule is limited to, where given: only "attacked" the newspaper is
    # words when a president does it, not "killed"
    triggers: frozenset[str] = frozenset()
    # kinds the targets must all be of, where given: a newspaper or a party attacked in
    # words, not a journalist
    target_kinds: frozenset[str] = frozenset()

    def applies(
        self,
        type_: str,
        sources: Sequence[Actor],
        words: set[str],
        doers: AbstractSet[str] = frozenset(),
        trigger: str = "",
        targets: Sequence[Actor] = (),
    ) -> bool:
        return (
            type_ == self.type
            and bool(sources)
            and (not self.triggers or trigger in self.triggers)
            and (not self.target_kinds or all(a.kind in self.target_kinds for a in targets))
            and not words & self.unless
            and not (doers and doers <= self.not_doers)
            and all(
                a.sector in self.sectors
                or a.kind in self.kinds
                or any(fnmatchcase(a.dictionary_id or "", p) for p in self.ids)
                for a in sources
            )
        )


@dataclass
class EventLexicon:
    """Trigger words and patterns mapped to PLOVER type and mode; see data/event_lexicon.yaml."""

    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    noun_roles: dict[str, Role] = field(default_factory=dict)
    verb_target_preps: frozenset[str] = frozenset()
    type_roles: dict[str, dict[str, Role]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    undergoing_verbs: frozenset[str] = frozenset()
    undergone_nouns: frozenset[str] = frozenset()
    instruments: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    speech_types: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    cooperative_types: frozenset[str] = frozenset()
    reciprocal_types: frozenset[str] = frozenset()
    hostile_types: frozenset[str] = frozenset()
    governing: list[Governing] = field(default_factory=list)
    demand_modals: frozenset[str] = frozenset()
    by_actor: list[ActorRule] = field(default_factory=list)
    descriptive_types: frozenset[str] = frozenset()
    codebook: Codebook | None = None
    stative_passives: frozenset[str] = frozenset()
    implicit_sources: dict[str, frozenset[str]] = field(default_factory=dict)
    death_words: frozenset[str] = frozenset()
    animals: frozenset[str] = frozenset()
    natural_forces: frozenset[str] = frozenset()
    livestock: frozenset[str] = frozenset()
    accidental_harm: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, codebook: Codebook | None = None) -> EventLexicon:
        """The lexicon read from ``path``, checked against the PLOVER codebook."""
        codebook = codebook or Codebook.load()
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
        except (OSError, yaml.YAMLError) as e:
            raise ResourceError(f"{path}: cannot read the event lexicon ({e})") from e
        if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
            raise ResourceError(f"{path}: no 'triggers' list")
        _no_bare_booleans(data, str(path))
        lexicon = cls(
            noun_roles=dict(data.get("noun_roles") or {}),
            verb_target_preps=frozenset(data.get("verb_target_preps") or ()),
            type_roles={k: dict(v) for k, v in (data.get("type_roles") or {}).items()},
            light_verbs=frozenset(data.get("light_verbs") or ()),
            undergoing_verbs=frozenset(data.get("undergoing_verbs") or ()),
            undergone_nouns=frozenset(data.get("undergone_nouns") or ()),
            instruments=sorted(
                (
                    (tuple(word.lower().split()), mode)
                    for mode, words in (data.get("instruments") or {}).items()
                    for word in words
                ),
                key=lambda item: -len(item[0]),
            ),
            speech_types=frozenset(data.get("speech_types") or ()),
            reporting_verbs=frozenset(data.get("reporting_verbs") or ()),
            place_preps=frozenset(data.get("place_preps") or ()),
            modality={k: frozenset(v) for k, v in (data.get("modality") or {}).items()},
            cooperative_types=frozenset(data.get("cooperative_types") or ()),
            hostile_types=frozenset(data.get("hostile_types") or ()),
            reciprocal_types=frozenset(data.get("reciprocal_types") or ()),
            governing=[
                _governing(group, f"{path}: governing verbs {number}", codebook)
                for number, group in enumerate(data.get("governing_verbs") or (), start=1)
            ],
            demand_modals=frozenset(data.get("demand_modals") or ()),
            descriptive_types=frozenset(data.get("descriptive_participles") or ()),
            codebook=codebook,
            stative_passives=frozenset(data.get("stative_passives") or ()),
            death_words=frozenset(data.get("death_words") or ()),
            animals=frozenset(data.get("animals") or ()),
            natural_forces=frozenset(data.get("natural_forces") or ()),
            livestock=frozenset(data.get("livestock") or ()),
            accidental_harm={
                k: frozenset(v) for k, v in (data.get("accidental_harm") or {}).items()
            },
            implicit_sources={
                k: frozenset(v) for k, v in (data.get("implicit_sources") or {}).items()
            },
            by_actor=[
                _actor_rule(rule, f"{path}: by_actor {number}", codebook)
                for number, rule in enumerate(data.get("by_actor") or (), start=1)
            ],
        )
        for type_ in (
            lexicon.cooperative_types
            | lexicon.hostile_types
            | lexicon.descriptive_types
            | lexicon.reciprocal_types
        ):
            if not codebook.is_valid(type_, None):
                raise ResourceError(f"{path}: {type_} is not a PLOVER type")
        for _, mode in lexicon.instruments:
            if not codebook.is_valid("ASSAULT", mode):
                raise ResourceError(f"{path}: instruments: {mode} is not an ASSAULT mode")
        seen: set[tuple[object, ...]] = set()
        for number, group in enumerate(data["triggers"], start=1):
            for entry in _entries(group, f"{path}: trigger group {number}", codebook):
                key = (
                    entry.pos,
                    entry.words,
                    entry.context,
                    entry.sentence_context,
                    entry.objects,
                    entry.left,
                    entry.subjects,
                )
                if key in seen:
                    raise ResourceError(
                        f"{path}: trigger group {number}: {' '.join(entry.words)!r} "
                        f"({entry.pos}) is listed twice"
                    )
                seen.add(key)
                table = lexicon.verbs if entry.pos == "verb" else lexicon.nouns
                table.setdefault(entry.words[0], []).append(entry)
        for table in (lexicon.verbs, lexicon.nouns):
            for entries in table.values():
                # Longest match first; of equal length, the one with conditions.
                entries.sort(key=lambda e: (-len(e.words), not _conditioned_entry(e)))
        return lexicon

    def roles(self, entry: Entry, type_: str) -> dict[str, Role]:
        """What each dependent of a noun trigger of ``entry`` names."""
        return {**self.noun_roles, **self.type_roles.get(type_, {}), **dict(entry.roles)}

    def preps(self, entry: Entry, type_: str) -> dict[str, Role]:
        """What the object of each preposition after a verb trigger names."""
        found = dict.fromkeys(self.verb_target_preps, "target")
        found = {**found, **self.type_roles.get(type_, {}), **dict(entry.roles)}
        found.pop("of", None)  # "of" names a role after nouns only ("withdrawal of troops")
        if found.get("from") == "source":
            # after a verb the doer is its subject: "rescued a man from a mob", "demanded
            # money from the state" ("aid from Japan", "threats from China": nouns)
            found.pop("from")
        return found


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that refuses a key given twice in one mapping: YAML would silently keep
    only the last ("verbs:" twice in one group loses the first list). libyaml's parser where
    PyYAML has it: every worker reads the lexicon at start, in a fifth of the time."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def _no_bare_booleans(node: Any, where: str) -> None:
    """YAML reads bare on/off/no as booleans; as a word or key that is a mistake in the file."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                raise ResourceError(f"{where}: key {key} is a YAML boolean; quote the word")
            _no_bare_booleans(value, f"{where}: {key}")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, bool):
                raise ResourceError(f"{where}: {item} in a list is a YAML boolean; quote the word")
            _no_bare_booleans(item, where)


def _conditioned_entry(entry: Entry) -> bool:
    """Whether ``entry`` holds only where its words, sentence or object say so."""
    return bool(
        entry.context or entry.sentence_context or entry.objects or entry.left or entry.subjects
    )


def _governing(group: Any, where: str, codebook: Codebook) -> Governing:
    """One group of governing verbs, its types checked against the codebook."""
    if not isinstance(group, dict) or not group.get("verbs") or not group.get("change"):
        raise ResourceError(f"{where}: needs verbs and change")
    change: dict[str, tuple[str, str | None]] = {}
    for old, new in group["change"].items():
        type_, _, mode = str(new).partition("/")
        if not codebook.is_valid(old, None) or not codebook.is_valid(type_, mode or None):
            raise ResourceError(f"{where}: {old} -> {new} is not in the PLOVER codebook")
        change[old] = (type_, mode or None)
    verbs = tuple(tuple(str(v).lower().split()) for v in group["verbs"])
    nouns = frozenset(str(n).lower() for n in group.get("nouns") or ())
    objects = frozenset(str(n).lower() for n in group.get("objects") or ())
    return Governing(verbs, change, nouns, objects)


def _actor_rule(rule: Any, where: str, codebook: Codebook) -> ActorRule:
    if not isinstance(rule, dict) or not rule.get("type") or not rule.get("becomes"):
        raise ResourceError(f"{where}: needs type and becomes")
    type_, _, mode = str(rule["becomes"]).partition("/")
    if not codebook.is_valid(rule["type"]) or not codebook.is_valid(type_, mode or None):
        raise ResourceError(f"{where}: {rule['type']} -> {rule['becomes']} is not in PLOVER")
    return ActorRule(
        rule["type"],
        frozenset(rule.get("sectors") or ()),
        frozenset(rule.get("kinds") or ()),
        frozenset(rule.get("actors") or ()),
        (type_, mode or None),
        frozenset(rule.get("unless") or ()),
        frozenset(rule.get("not_doers") or ()),
        frozenset(rule.get("triggers") or ()),
        frozenset(rule.get("target_kinds") or ()),
    )


def _entries(group: Any, where: str, codebook: Codebook) -> list[Entry]:
    """The entries of one group of the lexicon, each checked."""
    if not isinstance(group, dict) or "type" not in group:
        raise ResourceError(f"{where}: needs a type")
    type_, mode = group["type"], group.get("mode")
    negated = group.get("when_negated") or {}
    negated_type = negated.get("type")
    if type_ is None and negated_type is None:
        raise ResourceError(f"{where}: type null needs when_negated.type")
    for t in (type_, negated_type):
        if t is not None and not codebook.is_valid(t, mode if t == type_ else None):
            raise ResourceError(f"{where}: {t}/{mode} is not in the PLOVER codebook")
    if group.get("frame") not in FRAMES or group.get("takes", "target") not in ("target", "source"):
        raise ResourceError(f"{where}: frame must be absorb or report; takes target or source")
    words = [("verb", w) for w in group.get("verbs") or ()]
    words += [("noun", w) for w in group.get("nouns") or ()]
    if not words:
        raise ResourceError(f"{where}: no verbs or nouns")
    return [
        Entry(
            words=tuple(text.lower().replace("-", " - ").split()),
            pos=pos,
            type=type_,
            mode=mode,
            frame=group.get("frame"),
            takes=group.get("takes", "target"),
            negated_type=negated_type,
            negated_hypothetical=bool(negated.get("hypothetical")),
            hypothetical=bool(group.get("hypothetical")),
            objects=frozenset(group.get("objects") or ()),
            not_objects=frozenset(group.get("not_objects") or ()),
            not_subjects=frozenset(group.get("not_subjects") or ()),
            subjects=frozenset(group.get("subjects") or ()),
            not_instruments=frozenset(group.get("not_instruments") or ()),
            left=frozenset(group.get("left") or ()),
            needs_subject=bool(group.get("needs_subject")),
            needs_object=bool(group.get("needs_object")),
            names_object=bool(group.get("names_object")),
            not_governors=frozenset(group.get("not_governors") or ()),
            governors=frozenset(group.get("governors") or ()),
            not_context=frozenset(group.get("not_context") or ()),
            needs_target=bool(group.get("needs_target")),
            found=bool(group.get("found")),
            received=bool(group.get("received")),
            settled=bool(group.get("settled")),
            context=frozenset(group.get("context") or ()),
            sentence_context=frozenset(group.get("sentence_context") or ()),
            roles=tuple((group.get("roles") or {}).items()),
        )
        for pos, text in words
    ]


@dataclass
class _Match:
    """A trigger found in a sentence and what the parse says around it."""

    entry: Entry
    tokens: list[Token]
    head: Token
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    subject: Token | None = None
    governor: Token | None = None  # the light verb a noun trigger is the object of
    speaker_source: bool = False
    moved: bool = False  # whom the act sends is named, if not as a target ("sent troops")
    embedded: str | None = None  # the type of the act a frame reports
    mode: str | None = None  # a mode taken from a trigger merged into this one
    changed: tuple[str, str | None] | None = None  # (type, mode) a governing verb gives it
    demand: bool = False  # "X must ...": demanded of its subject
    blame: bool = False  # "officials said X was behind the attack": the speaker accuses X
    sides: bool = False  # its sources are the sides of a fight "between" them, not one party


# What a demand modal ("Iraq must cooperate") makes of a verb that is no trigger itself.
DEMAND = Entry(words=("must",), pos="verb", type="REQUEST", frame="absorb")
# What a speaker does who says someone was behind an act ("said the Taliban were responsible").
BLAME = Entry(words=("responsible",), pos="verb", type="ACCUSE", mode="allege")
# Verbs by which a speaker says someone did a crime: "committed war crimes", "amounted to
# genocide", "constitute crimes against humanity".
CRIME_VERBS = frozenset({"commit", "perpetrate", "amount", "constitute"})
CRIMES = frozenset(
    {"crime", "atrocity", "genocide", "massacre", "abuse", "violation", "murder", "torture"}
    | {"rape", "cleansing", "fraud", "offence", "offense", "terrorism", "persecution"}
)
# Acts one is said to be behind or responsible for, besides the lexicon's triggers.
BLAMED_FOR = frozenset(
    {
        "attack",
        "bombing",
        "blast",
        "explosion",
        "killing",
        "death",
        "plot",
        "assassination",
        "violence",
        "unrest",
        "shooting",
        "massacre",
        "abduction",
        "kidnapping",
        "it",
        "this",
    }
)


def _damage_done(event: Event, found: Sequence[Event]) -> bool:
    """ "Gunmen shot at the mayor's car, leaving him injured and the vehicle damaged", "A
    missile landed outside the hospital, shattering windows": damage that nobody is named doing,
    beside an attack in its sentence (by someone, or by a weapon it names), is the attack's own
    harm, not vandalism of its own."""
    return (
        event.type == "PROTEST"
        and event.mode == "vandalize"
        and not event.source
        and any(e.type == "ASSAULT" and (e.source or e.mode is not None) for e in found)
    )


def find(
    doc: Doc,
    actors: Sequence[Actor],
    places: Sequence[Place],
    times: Sequence[Time],
    lexicon: EventLexicon,
    article: Article,
    type_model: TypeModel | None = None,
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """Events in ``doc`` with their actors, place and date, in text order.

    ``quotes`` (from the quotes stage) lend their speakers to the acts told inside them.

    Only the publication date of ``article`` (the one ``doc`` parses) is read: it dates the
    events whose text names no date for them, marked ``reported``.
    """
    index = MentionIndex(actors)
    countries = frozenset(m.start for p in places if p.precision == "country" for m in p.mentions)
    reader = _Reader(doc, index, actors, lexicon, quotes, countries, places)
    # Times and place mentions by offset: each event looks only at those of its sentence.
    # A year that names a law ("the Immigration and Nationality Act of 1952", "the 1992
    # constitution") dates the law, which is no event: no act beside it or after it took it.
    dated = Intervals((t.start, t.end, t) for t in times if not _names_document(doc, t))
    # A place inside a longer actor name ("U.S. forces", "Iraqi officials") or before "-based",
    # "-led" ("a Moscow-based analyst") is the actor's nationality or seat, not where events are.
    named = Intervals((m.start, m.end, a.id) for a in actors for m in a.mentions)
    text = text_of(doc)
    located = Intervals(
        (m.start, m.end, (rank, k, place.id))
        for rank, place in enumerate(places)
        if place.gazetteer_id is not None
        for k, m in enumerate(place.mentions)
        if not any(s < m.start or e > m.end for s, e, _ in named.overlapping(m.start, m.end))
        and not (text[m.end : m.end + 1] == "-" and text[m.end + 1 : m.end + 2].islower())
        and (not road_name(text, m.end) or route_start(text, m.end))
    )
    events: list[Event] = []
    armed = {a.id for a in actors if a.kind in ("military", "armed_group")}
    after_accident = False
    # An article that tells of an accident and names no weapon or attacker anywhere: harm
    # nobody is named doing is the accident's, in any of its sentences ("Fresh explosions near
    # the blast site ... the explosions took place at a chemicals warehouse").
    told_accident = {sentence.start for sentence in doc.sents if _tells_accident(sentence, lexicon)}
    accident_article = bool(told_accident) and not _words_said(doc) & (
        lexicon.accidental_harm.get("unless", frozenset())
    )
    for sentence in doc.sents:
        if not any(t.is_alpha for t in sentence):
            continue
        if sentence.start > 0 and _subheading(sentence):
            continue  # "Recent attacks" over a story's part names its topic, not an act
        found = reader.sentence_events(sentence, located, dated)
        if type_model is not None:
            # The type model (types.py) settles types the rules confuse, and finds an event
            # where no trigger fired.
            found = reader.with_model(type_model, sentence, found, located, dated)
        found = [_on_computers(e, sentence, lexicon, armed) for e in found]
        found = _meetings_as_occasions(found)
        # "A boiler exploded at the plant. Four workers were injured.": the harm the next
        # sentence reports is the same accident's.
        accidental = [
            e
            for e in found
            if _accidental(e, sentence, lexicon, armed)
            or ((after_accident or accident_article) and _same_harm(e, sentence, lexicon, armed))
            or _done_by_thing(e, sentence, lexicon, index)
        ]
        events += [e for e in found if e not in accidental and not _damage_done(e, found)]
        # "Workers were hurt when a tank exploded. Four were injured.": the accident may be told
        # in a sentence of no event of its own.
        after_accident = bool(accidental) or sentence.start in told_accident
    # A trigger word inside a date ("Published March 14") is part of the date, not an event;
    # a trigger around one ("protested on Tuesday against") is not.
    events = [
        e
        for e in events
        if not any(
            t.start <= e.trigger.start and e.trigger.end <= t.end
            for _, _, t in dated.overlapping(e.trigger.start, e.trigger.end)
        )
    ]
    events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
    paras = paragraphs(text_of(doc))
    para_starts = [start for start, _ in paras]
    events = _sentence_dates(events, doc)
    events = [_narrative_date(e, dated, paras, para_starts, article.published, doc) for e in events]
    reasons: dict[tuple[int | None, int | None], str | None] = {}
    for t in times:
        reasons.setdefault((t.start, t.end), t.reason)
    events = [_reported_date(e, reasons, article) for e in events]
    by_sector: dict[frozenset[str], list[Actor]] = {}
    events = _crowd_sources(events, index)
    events = [_implicit_source(e, actors, lexicon, index, by_sector) for e in events]
    events = _claimed(events, doc, reader)
    # A protest or riot's toll leaves out deaths that were its cause ("residents rioted after
    # a driver killed a rider").
    # Only the sentences of such events are read: the others' deaths are nobody's toll.
    tolled = {(e.sentence.start, e.type) for e in events}
    deaths: dict[tuple[int, str], int] = {}
    # An act told beside an earlier one that was its cause has none of that one's dead ("jets
    # struck ..., a day after an attack on a base that killed nine soldiers").
    causes: dict[int, tuple[set[int], int | None]] = {}
    for sentence in doc.sents:
        start = sentence.start_char
        if (start, "ASSAULT") in tolled and (
            count := _deaths(sentence, lexicon.death_words, animals=lexicon.animals)
        ) is not None:
            deaths[start, "ASSAULT"] = count
            if before := _causes(sentence):
                after = _deaths(sentence, lexicon.death_words, before, lexicon.animals)
                causes[start] = (before, after)
        if (start, "PROTEST") in tolled and (
            count := _deaths(sentence, lexicon.death_words, _causes(sentence), lexicon.animals)
        ) is not None:
            deaths[start, "PROTEST"] = count
    events = [
        e.model_copy(update={"fatalities": _toll(e, doc, deaths, causes)})
        if (e.sentence.start, e.type) in deaths
        else e
        for e in events
    ]
    events = [e for e in events if not _reports_no_act(e, doc)]
    return [e.model_copy(update={"id": f"e{i}"}) for i, e in enumerate(events, start=1)]


# A bare noun taken as the object of one of these verbs or prepositions is talked of as a
# kind of act, one feared, awaited, urged or opposed, not one that took place ("inciting
# violence", "face deportation", "an end to violence", "campaign against bans", "complain
# about violence"). Other words take acts that happened ("residents hear gunfire", "violence
# included arson attacks", "in protest", "during clashes", "reports of looting").
GENERIC_VERBS = frozenset(
    {
        "await", "face", "risk", "fear", "avoid", "prevent", "incite", "ease", "curb", "deter",
        "tackle", "combat", "oppose", "advocate", "promote", "encourage", "condone", "justify",
        "glorify", "renounce", "escape",
    }
)  # fmt: skip
GENERIC_PREPOSITIONS = frozenset({"against", "to", "about", "for", "toward", "towards"})
# Words of a noun's phrase that single out an act: a determiner, a number, an adjective, or
# what follows it ("the attack", "two attacks", "renewed violence", "violence in Gao").
SPECIFIC_CHILDREN = frozenset(
    {"det", "poss", "nummod", "predet", "amod", "npadvmod", "prep", "acl", "relcl"}
)


def _reports_no_act(event: Event, doc: Doc) -> bool:
    """Whether the event's words name no act done: one missing or held back from, a kind of
    act, a judgement of such acts, how hard someone was hit, or a custody that goes on."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return trigger is not None and (
        _absent(trigger)
        or _generic(event, trigger)
        or _in_general(trigger)
        or _habitual(trigger)
        or _speaks_about(trigger)
        or _out_of_business(trigger)
        or _how_hard_hit(trigger)
        or (event.type == "COERCE" and _held_still(trigger))
    )


# Verbs of being somewhere a while: "remains in detention", "1,542 prisoners were in detention".
STAYING_VERBS = frozenset({"be", "remain", "stay", "languish", "sit", "spend"})


def _held_still(trigger: TokenSpan) -> bool:
    """Someone who is or remains "in detention" or "in custody": a state that goes on, told
    of the arrested, not an arrest (the arrest is its own word: "was arrested in May"), unless
    it says since when."""
    word = trigger.root
    prep = word.head
    return (
        word.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.head.lemma_.lower() in STAYING_VERBS
        # "in pretrial detention since September 30" tells when the arrest was
        and not any(c.lower_ == "since" for c in [*prep.head.children, *word.children])
    )


# Words that say how hard a place or people were hit: "the hardest hit", "worst hit".
HIT_DEGREES = frozenset({"hard", "harder", "hardest", "worst", "worse", "badly"})


def _how_hard_hit(trigger: TokenSpan) -> bool:
    """ "Communities will be the hardest hit", "the worst hit by the floods": how much someone
    suffers, whatever hits them (an attack that did is its own word: "by the attacks")."""
    word = trigger.root
    return word.lemma_.lower() == "hit" and any(
        c.dep_ in ("advmod", "amod") and c.lower_ in HIT_DEGREES for c in word.children
    )


# Verbs that say what an act is, or is held to be: "negotiating with armed groups is
# considered a crime", "attacking civilians remains a war crime".
JUDGING_VERBS = frozenset({"be", "consider", "remain", "constitute", "deem", "become", "regard"})


def _in_general(trigger: TokenSpan) -> bool:
    """An act named by a gerund that is the subject of what it is now held to be: a rule or a
    judgement about such acts, no act done ("Shelling the town was the army's answer" is one
    done: its verb is past), unless it names its doer or a party."""
    word = trigger.root
    if word.tag_ != "VBG" or word.dep_ not in ("csubj", "csubjpass", "nsubj"):
        return False
    head = word.head
    if head.lemma_.lower() not in JUDGING_VERBS:
        return False
    tensed = head if head.tag_ in ("VBZ", "VBP", "VBD") else None
    if tensed is None:  # "is considered": the tense is the auxiliary's
        tensed = next((c for c in head.children if c.dep_ in ("aux", "auxpass")), None)
    own_doer = any(c.dep_ in ("nsubj", "poss") for c in word.children)
    # "removing the sanctions on Burma is out of the question": a named party makes it one act
    named = any(t.pos_ == "PROPN" for t in word.subtree)
    return tensed is not None and tensed.tag_ in ("VBZ", "VBP") and not (own_doer or named)


def _habitual(trigger: TokenSpan) -> bool:
    """An act a relative clause in the simple present says someone does as a rule: "Central
    Command, which oversees U.S. military operations in the Middle East", "a group that carries
    out attacks across the Sahel", "laws that restrict women's work" describe who or what they
    are, not an act done."""
    word = trigger.root
    noun = word.dep_ == "dobj" and word.pos_ == "NOUN"
    verb = word.head if noun else word
    return (
        verb.dep_ == "relcl"
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)
        # the trigger's own verb only with its "that"/"which"/"who": "youths carrying
        # banners attack people" is a headline the parser read as a relative clause
        and (noun or any(c.lower_ in RELATIVE_PRONOUNS for c in verb.children))
    )


# What one is put out of when one's living goes: "forced farmers out of business".
LIVINGS = frozenset({"business", "work", "job", "market", "trade"})


def _out_of_business(trigger: TokenSpan) -> bool:
    """ "Restrictions forced a third of the farmers out of business": a living lost, not
    people driven out of a place."""
    verb = trigger.root
    return any(
        out.lower_ == "out" and of.lower_ == "of" and place.lemma_.lower() in LIVINGS
        for out in verb.children
        for of in out.children
        for place in of.children
        if place.dep_ == "pobj"
    )


def _speaks_about(trigger: TokenSpan) -> bool:
    """ "He talked about his childhood", "the text talks about security": one who speaks of
    a thing, with nobody to talk with, meets nobody ("talked with Putin about Ukraine" and
    "Xi and Biden talked about trade" are talks)."""
    verb = trigger.root
    if verb.lemma_.lower() != "talk" or verb.pos_ != "VERB":
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (
        "about" in preps
        and not preps & {"with", "to", "by"}
        and all(s.tag_ not in ("NNS", "NNPS") and s.lower_ not in ("we", "they") for s in subjects)
        and not any(c.dep_ == "conj" for s in subjects for c in s.children)
    )


def _absent(trigger: TokenSpan) -> bool:
    """An act named only as missing: "attacked without warning", "closed the border without
    agreement", "withdrew without firing a shot" tell of no warning, agreement or firing; one
    held back from, "refrain from discussing politics", of no talks."""
    word = trigger.root
    if word.dep_ not in ("pobj", "pcomp"):
        return False
    prep = word.head
    return prep.lower_ == "without" or (
        prep.lower_ == "from" and prep.head.lemma_.lower() in REFRAINING_VERBS
    )


# Verbs of holding back from an act: "refrain from discussing", "abstained from voting".
REFRAINING_VERBS = frozenset({"refrain", "abstain", "desist"})


def _generic(event: Event, trigger: TokenSpan) -> bool:
    """A noun that names a kind of act rather than an act: bare ("violence", "sanctions",
    "deportation"), taken as an object, with no doer, no one acted on, no place and no day
    of its own. News uses these to talk about acts in general; they report none."""
    if event.source or event.target or event.place is not None:
        return False
    if event.when is not None and event.when.basis == "stated":
        return False
    if len(trigger) != 1:
        return False
    noun = trigger.root
    if noun.pos_ != "NOUN":
        return False
    head = noun.head
    if noun.dep_ == "dobj":
        if head.pos_ != "VERB" or head.lemma_.lower() not in GENERIC_VERBS:
            return False
    elif not (noun.dep_ == "pobj" and head.lower_ in GENERIC_PREPOSITIONS):
        return False
    # "a weekend shootout": a determiner of its compound is the phrase's
    return not any(t.dep_ in SPECIFIC_CHILDREN for t in noun.subtree if t is not noun)


# Participles that tell who backs a force: the weapons after them are the backers'.
BACKING_VERBS = frozenset({"back", "support", "aid", "assist"})

# Modals of what may come to pass, not of what someone will do.
FORECAST_MODALS = frozenset({"could", "may", "might"})

# Acts someone suffers at another's hands: "at the hands of X" names their doer.
HARM_TYPES = frozenset({"ASSAULT", "COERCE"})

NAME_ENTITIES = frozenset({"ORG", "PERSON", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"})


def _accidental(event: Event, sentence: TokenSpan, lexicon: EventLexicon, armed: set[str]) -> bool:
    """Harm or damage that natural forces or an accident did ("floods killed 66", "a boiler
    exploded, injuring two"), or an attack on computers: nobody attacked people or property,
    so it is no ASSAULT or vandalism. The
    words are the lexicon's ``accidental_harm``, read in the trigger's sentence (less relative
    clauses about something else); a weapon, an attacker or an armed source named in the
    sentence keeps the event."""
    words = lexicon.accidental_harm
    if not words or not (
        event.type == "ASSAULT" or (event.type == "PROTEST" and event.mode == "vandalize")
    ):
        return False
    if any(s in armed for s in event.source):
        return False
    trigger = sentence.doc.char_span(
        event.trigger.start, event.trigger.end, alignment_mode="expand"
    )
    if trigger is None:
        return False
    # A relative clause about something else ("a driver who killed a rider in an accident")
    # says nothing of how this event came about.
    aside = {
        t.i
        for c in sentence
        if c.dep_ == "relcl" and trigger.root not in c.subtree
        for t in c.subtree
    }
    return _tells_accident(sentence, lexicon, aside)


def _words_said(span: Doc | TokenSpan) -> set[str]:
    """The words of ``span``, as written (lower-cased) and as lemmas (read from the kept
    arrays: this runs over every sentence)."""
    if isinstance(span, Doc):
        words, start, end = words_of(span), 0, len(span)
    else:
        words, start, end = words_of(span.doc), span.start, span.end
    return set(words.lower[start:end]) | set(words.lemma[start:end])


def _tells_accident(
    sentence: TokenSpan, lexicon: EventLexicon, aside: AbstractSet[int] = frozenset()
) -> bool:
    """Whether ``sentence`` (less the tokens ``aside``) names a natural force or an accident
    (the lexicon's ``accidental_harm`` ``causes``), or an explosion at an industrial site, and no
    weapon or attacker (``unless``)."""
    words = lexicon.accidental_harm
    said = _words_said(sentence) if words else set()
    if not said & (words.get("causes", frozenset()) | words.get("blasts", frozenset())):
        return False  # most sentences: nothing of the kind
    if said & words.get("unless", frozenset()):
        return False
    # Words of a name ("Storm Corps", "Flood Street") name no storm or flood.
    clause = [
        t
        for t in sentence
        if t.i not in aside and t.ent_type_ not in NAME_ENTITIES and t.pos_ != "PROPN"
    ]
    nouns = {t.lemma_.lower() for t in clause if t.pos_ in ("NOUN", "ADJ")}
    if nouns & words.get("causes", frozenset()):
        return True
    lemmas = {t.lemma_.lower() for t in clause} | {t.lower_ for t in clause}
    return bool(
        lemmas & words.get("blasts", frozenset()) and lemmas & words.get("sites", frozenset())
    )


def _done_by_thing(
    event: Event, sentence: TokenSpan, lexicon: EventLexicon, index: MentionIndex
) -> bool:
    """Harm or damage whose doer the sentence names as a vehicle or machine, not people (the
    ``accidental_harm`` ``vehicles``): "a forklift damaged a storage drum", "the tanker was
    struck by a bulk carrier" are accidents, not vandalism or an attack."""
    vandalism = event.type == "PROTEST" and event.mode == "vandalize"
    if event.source or not (vandalism or event.type == "ASSAULT"):
        return False
    words = lexicon.accidental_harm
    if not words or _words_said(sentence) & words.get("unless", frozenset()):
        return False
    trigger = sentence.doc.char_span(
        event.trigger.start, event.trigger.end, alignment_mode="expand"
    )
    if trigger is None or trigger.root.pos_ != "VERB":
        return False
    verb = trigger.root
    # "his motorbike hit and killed a person": a verb joined to another shares its subject
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + [
        o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
    ]
    vehicles = words.get("vehicles", frozenset())
    return any(
        doer.pos_ == "NOUN"
        and doer.lemma_.lower() in vehicles
        and index.at(doer.idx, doer.idx + len(doer)) is None
        for doer in doers
    )


def _on_computers(
    event: Event, sentence: TokenSpan, lexicon: EventLexicon, armed: set[str]
) -> Event:
    """An attack on computers ("hackers attacked the website", "a cyber attack") is no
    violence against people or property: PLOVER codes it COERCE, mode cyber."""
    if not (
        event.type == "ASSAULT" or (event.type == "PROTEST" and event.mode == "vandalize")
    ) or any(s in armed for s in event.source):
        return event
    said = _words_said(sentence)
    if not said & lexicon.accidental_harm.get("not_physical", frozenset()):
        return event
    codebook = lexicon.codebook
    return event.model_copy(
        update={
            "type": "COERCE",
            "mode": "cyber",
            "cameo_root": codebook.cameo_root("COERCE", "cyber") if codebook else None,
            "fatalities": None,
        }
    )


def _same_harm(event: Event, sentence: TokenSpan, lexicon: EventLexicon, armed: set[str]) -> bool:
    """Harm reported right after an accident, by the plain words of harm (``harm``: "were
    injured", "the blasts killed") with nobody doing it: the accident's toll, not an attack."""
    words = lexicon.accidental_harm
    if event.type != "ASSAULT" or event.source or not words:
        return False
    said = _words_said(sentence)
    if said & words.get("unless", frozenset()):
        return False
    trigger = sentence.doc.char_span(
        event.trigger.start, event.trigger.end, alignment_mode="expand"
    )
    return trigger is not None and trigger.root.lemma_.lower() in words.get("harm", frozenset())


NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}  # fmt: skip


def _count(token: Token) -> int | None:
    """How many people a noun phrase counts: "two civilians" 2, "a farmer" 1, "99 persons" 99."""
    if token.like_num and token.dep_ == "nummod":
        token = token.head
    for child in token.children:
        if child.dep_ in ("nummod", "det", "quantmod") or child.like_num:
            word = child.lower_.replace(",", "")
            if word.isdigit():
                return int(word)
            if word in NUMBER_WORDS:
                return NUMBER_WORDS[word]
    return _number(token)


def _lives(token: Token) -> int | None:
    """Deaths told without a verb of killing: "claimed 14 lives", "20 people lost their
    lives", "the death toll rose to 31", "leaving five dead"."""
    head, lemma = token.head, token.lemma_.lower()
    verb = head.lemma_.lower()
    if lemma == "life" and token.dep_ == "dobj":
        if verb in ("claim", "cost", "take"):
            return _count_all(token)
        if verb == "lose":
            return next((_count_all(c) for c in head.children if c.dep_ == "nsubj"), None)
    if lemma == "toll" and token.dep_ in ("nsubj", "nsubjpass"):
        if not any(c.lower_ in ("death", "casualty") for c in token.children):
            return None
        for child in head.children:
            if child.dep_ in ("dobj", "attr") and child.like_num:  # "reached 31", "is 31"
                return _count(child)
            if child.dep_ == "prep" and child.lower_ in ("to", "at"):  # "rose to", "stood at"
                number = next((g for g in child.children if g.dep_ == "pobj"), None)
                if number is not None and number.like_num:
                    return _count(number)
    if lemma == "dead" and token.dep_ == "dobj" and verb == "leave":
        return _count(token)  # "leaving five dead"
    return None


def _gunned_down(verb: Token) -> bool:
    """ "gunned down", "guns down two officers": shot dead."""
    return any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)


def _to_death(verb: Token) -> bool:
    """ "beaten to death", "hacked to death": a verb that kills by how it ends."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in verb.children
    )


def _number(token: Token) -> int | None:
    """The number a numeral says: "7", "three"."""
    word = token.lower_.replace(",", "")
    if not token.like_num:
        return None
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def _count_all(token: Token, animals: frozenset[str] = frozenset()) -> int | None:
    """How many people a noun phrase and those joined to it by "and" count: "two soldiers and
    a civilian" 3, "the chief" or "Moses ole Mpoe" 1; a plural that gives no number
    ("residents") adds none, and a noun joined without its own article is the same person
    told again ("a cleric and al Shabaab critic"); ``animals`` are no people ("50 cattle")."""
    if token.lemma_.lower() in animals:
        # "killing four and stealing cattle", parsed as "[four and stealing] cattle": the
        # number is the first verb's object
        own = next(
            (_number(c) for c in token.children if c.dep_ == "nummod" and _joins_verb(c)), None
        )
    else:
        own = _count(token)
        own = own if own is not None else _one(token)
    counts = [own]
    # "his wife and son" are two; "an outspoken cleric and al Shabaab critic" one
    possessed = any(c.dep_ == "poss" for c in token.children)
    for other in token.conjuncts:
        if other.lemma_.lower() in animals:
            continue
        n = _count(other)
        if n is None and (possessed or any(c.dep_ in ("det", "poss") for c in other.children)):
            n = _one(other)
        counts.append(n)
    found = [n for n in counts if n is not None]
    return sum(found) if found else None


def _joins_verb(token: Token) -> bool:
    """Whether a verb is joined to the word by "and"."""
    return any(c.dep_ == "conj" and c.pos_ == "VERB" for c in token.children)


# Words for nobody in particular: "whether anyone was killed".
ANYONE = frozenset({"anyone", "anybody", "someone", "somebody", "nobody", "one", "none"})


def _one(token: Token) -> int | None:
    """1 for a singular noun or a name ("the robber", "Mpoe"), else None."""
    if token.tag_ not in ("NN", "NNP") or token.like_num or token.lower_ in ANYONE:
        return None
    return 1


def _told_of_someone(verb: Token, words: frozenset[str]) -> bool:
    """Whether a death verb is not this event's deaths: in a clause that says who someone is
    ("a man accused of killing his father", "who allegedly killed a grandmother"), or an aim
    ("tries to lynch a man", "stormed the hospital to kill a patient")."""
    if _infinitive(verb) and not any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ in ("have", "be") for c in verb.children
    ):
        return True
    # of someone another death in the sentence befell: not "the policemen who killed a man"
    return any(
        (
            (t.dep_ == "relcl" and any(c.lower_ in ("who", "whom") for c in t.children))
            or (t.dep_ == "acl" and t.lemma_.lower() in SUSPECTED)
        )
        and t.head.head.lemma_.lower() in words
        for t in [verb, *verb.ancestors]
    )


# Participles that say who someone is by what he did: "a man accused of killing his father".
SUSPECTED = frozenset(
    {"accuse", "suspect", "believe", "allege", "want", "charge", "link", "blame", "convict"}
)


# Words that open what happened before an act, or why: "rioted after a driver killed two".
CAUSE_WORDS = frozenset({"after", "following", "over", "since", "because"})


def _causes(sentence: TokenSpan) -> set[int]:
    """Indices of the tokens of ``sentence`` in a clause or phrase that gives a cause or what
    came before ("after police killed two", "over the killing of a student")."""
    found: set[int] = set()
    words = words_of(sentence.doc)
    for i in range(sentence.start, sentence.end):
        if words.lower[i] in CAUSE_WORDS and words.dep[i] in ("mark", "prep"):
            token = sentence.doc[i]
            clause = token.head if words.dep[i] == "mark" else token
            found.update(t.i for t in clause.subtree)
    return found


def _toll(
    event: Event,
    doc: Doc,
    deaths: dict[tuple[int, str], int],
    causes: dict[int, tuple[set[int], int | None]],
) -> int | None:
    """The dead of ``event``'s sentence that are its own: of an attack outside the clause
    that tells its cause, those outside it (the dead a cause clause tells may be its own, or,
    as in "one died after activists and police clashed", the whole sentence's)."""
    start = event.sentence.start
    if event.type != "ASSAULT" or start not in causes:
        return deaths[start, event.type]
    clause, outside = causes[start]
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None or words.root.i in clause:
        return deaths[start, event.type]
    return outside


def _deaths(
    sentence: TokenSpan,
    words: frozenset[str],
    leave_out: set[int] | None = None,
    animals: frozenset[str] = frozenset(),
) -> int | None:
    """The deaths a sentence reports: the people a killing verb's object or passive subject
    counts ("killed two civilians", "five people were killed", "three died"), summed; none
    from the tokens ``leave_out``, nor ``animals`` ("13,700 dogs are slaughtered")."""
    total, found = 0, False
    read = words_of(sentence.doc)
    deathly = "death" in read.lower[sentence.start : sentence.end]
    for i in range(sentence.start, sentence.end):
        lemma = read.lemma[i]
        if leave_out and i in leave_out:
            continue
        if lemma in ("life", "toll", "dead") and (n := _lives(sentence.doc[i])) is not None:
            total, found = total + n, True
            continue
        to_death = deathly and read.pos[i] == "VERB" and _to_death(sentence.doc[i])
        gunned = lemma == "gun" and read.pos[i] == "VERB" and _gunned_down(sentence.doc[i])
        if not (to_death or gunned) and (lemma not in words or read.pos[i] not in ("VERB", "ADJ")):
            continue
        token = sentence.doc[i]
        if _told_of_someone(token, words):
            continue
        roles = ("dobj", "nsubjpass") if lemma not in ("die", "dead") else ("nsubj", "nsubjpass")
        for child in token.children:
            if child.dep_ in roles and (n := _count_all(child, animals)) is not None:
                total, found = total + n, True
        # "were shot and killed": the passive's subject is the verb's it is joined to
        if token.dep_ == "conj" and not any(c.dep_ in roles for c in token.children):
            for child in token.head.children:
                if child.dep_ == "nsubjpass" and (n := _count_all(child, animals)) is not None:
                    total, found = total + n, True
        # the killed named before the verb: "one person killed in police firing"
        participle = (
            token.dep_ == "acl"
            and token.tag_ == "VBN"
            and lemma not in ("die", "dead")
            and not _has_object(token)  # "The attack killed 7"
        )
        if participle and (n := _count_all(token.head, animals)) is not None:
            total, found = total + n, True
        # a headline's passive without "were": "7 killed.", "Four police killed, dozens hurt"
        headline = (
            lemma not in ("die", "dead")
            and token.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in token.children)
        )
        shared = any(c.dep_ == "conj" and _has_object(c) for c in token.children)
        if headline and not shared:
            # a number says who died; "a group lynched and killed a thief" is the doer
            for child in token.children:
                numbered = child.like_num or any(g.dep_ == "nummod" for g in child.children)
                if child.dep_ == "nsubj" and numbered and (n := _count(child)) is not None:
                    total, found = total + n, True
        if lemma == "dead" and token.dep_ == "amod" and (n := _number(token.head)) is not None:
            total, found = total + n, True  # "One dead, two injured"
        elif lemma == "dead" and token.dep_ in ("oprd", "acomp", "amod", "xcomp", "advcl"):
            # "9 cattle rustlers shot dead by police": the participle's noun
            shot = token.head
            noun = [shot.head] if shot.dep_ == "acl" else []
            for child in [shot, *shot.children, *noun]:
                if child.dep_ in ("dobj", "nsubj", "nsubjpass") and (n := _count(child)):
                    total, found = total + n, True
                    break
    return total if found else None


def _crowd_sources(events: list[Event], index: MentionIndex) -> list[Event]:
    """ "Riots broke out in the town": a protest whose noun is the only word for who protested
    (the actors stage reads it as the crowd, ``actors.CROWD_ACTS``) is that crowd's, or, where
    another protest names its doers, theirs: the nearest in its sentence ("Farmers held
    demonstrations, protesting delays"), else the latest before it ("Students blocked the
    road. The protest ...")."""

    def crowd(event: Event) -> list[str]:
        return [
            actor.id
            for start, _, actor in index.starting(event.trigger.start, event.trigger.end)
            if start == event.trigger.start and actor.id not in event.target
        ][:1]

    crowds = {n: crowd(e) for n, e in enumerate(events) if e.type == "PROTEST"}
    named = [
        (n, e)
        for n, e in enumerate(events)
        if n in crowds and e.source and e.source != crowds[n] and not (e.negated or e.hypothetical)
    ]
    out: list[Event] = []
    for n, event in enumerate(events):
        if crowds.get(n) and event.source in ([], crowds[n]):
            here = [e for _, e in named if e.sentence.start == event.sentence.start]
            here.sort(key=lambda e: abs(e.trigger.start - event.trigger.start))
            before = [e for m, e in named if m < n]
            doers = here[:1] or before[-1:]
            event = event.model_copy(
                update={"source": list(doers[0].source) if doers else crowds[n]}
            )
        out.append(event)
    return out


def _implicit_source(
    event: Event,
    actors: Sequence[Actor],
    lexicon: EventLexicon,
    index: MentionIndex,
    by_sector: dict[frozenset[str], list[Actor]],
) -> Event:
    """ "Fifty people were arrested, police said": an act with no source whose doer is
    understood (arrests by the police) takes the one actor of that sector in its sentence, or
    where its sentence names none, the article's one actor of that sector."""
    sectors = lexicon.implicit_sources.get(f"{event.type}/{event.mode}", frozenset())
    if event.source or not sectors:
        return event
    if sectors not in by_sector:  # the actors of these sectors, found once per article
        by_sector[sectors] = [a for a in actors if a.sector in sectors]
    able = [a for a in by_sector[sectors] if a.id not in event.target]
    found = [a for a in able if index.starts_of(a, event.sentence.start, event.sentence.end)]
    # "35 persons were arrested in this connection": by the article's one police force.
    found = found or able
    if len(found) != 1:
        return event
    return event.model_copy(update={"source": [found[0].id]})


# What one claims when one claims an attack: "claimed responsibility", "claimed the attack".
CLAIMED = frozenset({"responsibility", "credit", "attack", "bombing", "killing", "raid", "blast"})


# Verbs by which a text names who did an attack it does not give a doer.
CLAIMING_VERBS = frozenset({"claim", "plant", "blame", "attribute", "suspect", "believe", "think"})


def _suspected(verb: Token, reader: _Reader) -> list[Actor]:
    """Whom ``verb`` says is suspected of an attack: "Al Shabaab suspected.", "the rebels are
    suspected", "militants are believed to be responsible" (or "behind it")."""
    kids = list(verb.children)
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    responsible = any(
        t.lower_ in ("responsible", "behind")
        for c in kids
        if c.dep_ in ("xcomp", "ccomp")
        for t in c.subtree
    )
    if passive is not None and (responsible or verb.lemma_.lower() == "suspect"):
        return reader.phrase(passive)
    if (
        verb.lemma_.lower() == "suspect"
        and verb.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass") for c in kids)
    ):
        # a note's fragment: "Al Shabaab suspected."
        doer = next((c for c in kids if c.dep_ == "nsubj"), None)
        if doer is None and verb.dep_ == "acl":
            doer = verb.head
        return reader.phrase(doer) if doer is not None else []
    return []


def _according_to(verb: Token) -> Token | None:
    """The "to" of an "according to X" that ``verb`` carries: X says what the clause says."""
    for child in verb.children:
        if child.lower_ == "according" and child.dep_ == "prep":
            return next((c for c in child.children if c.lower_ == "to"), None)
    return None


def _blamed(word: Token, lex: EventLexicon, by_head: dict[int, _Match]) -> Token | None:
    """Who ``word`` ("responsible", "behind") says did an act: the subject of "was
    responsible", "were behind the bombing"; None where it is said of no act ("responsible
    for security", "behind the wall") or of nobody."""
    verb = word.head
    if word.lower_ not in ("responsible", "behind") or word.dep_ not in ("acomp", "prep"):
        return None
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_.lower() != "be" or doer is None:
        return None
    acts = [
        t
        for c in word.children
        if c.dep_ in ("prep", "pobj")
        for t in ([c] if c.dep_ == "pobj" else [g for g in c.children if g.dep_ == "pobj"])
    ]
    if word.lower_ == "behind" and not acts:
        return None
    if not all(
        t.i in by_head
        or t.lemma_.lower() in BLAMED_FOR
        # a noun that names an act alone, not the first word of a longer one ("security" of
        # "security assistance": "responsible for security" blames no one)
        or any(len(e.words) == 1 for e in lex.nouns.get(t.lemma_.lower(), []))
        for t in acts
    ):
        return None
    return doer


def _claimed(events: list[Event], doc: Doc, reader: _Reader) -> list[Event]:
    """ "Five soldiers were killed by an IED. Al-Shabaab claimed the attack.": an attack with
    no doer named takes the one who claims it, who the text says planted the bomb, whom it
    is blamed on, or who is suspected of it, in its sentence or the next; a denied claim ("no
    group has claimed") names nobody."""
    if not any(e.type == "ASSAULT" and not e.source for e in events):
        return events  # no attack lacks a doer
    sentences = list(doc.sents)
    claimants: dict[int, list[Actor]] = {}  # sentence start -> who claims its attacks
    words = words_of(doc)
    for number, sentence in enumerate(sentences):
        for i in range(sentence.start, sentence.end):
            lemma = words.lemma[i]
            token = doc[i]
            if words.lower[i] in ("responsible", "behind"):
                # "al-Shabaab was behind the attack", "... said X was responsible"
                doer = _blamed(token, reader.lex, {})
                if doer is not None and not _modality(token.head, reader.lex.modality)[0]:
                    for before in sentences[max(0, number - 1) : number + 1]:
                        claimants.setdefault(before.start_char, reader.phrase(doer))
                continue
            if words.pos[i] != "VERB" or lemma not in CLAIMING_VERBS:
                continue
            if _modality(token, reader.lex.modality)[0]:
                continue
            who: list[Actor] = []
            if lemma == "claim" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED for c in token.children
            ):
                subject = _subject(token)
                if subject is not None and not any(c.lower_ == "no" for c in subject.children):
                    who = reader.phrase(subject)
            elif lemma == "plant":
                who = [a for c in token.children if c.dep_ == "agent" for a in reader._pobj(c)]
            elif lemma in ("suspect", "believe", "think"):
                who = _suspected(token, reader)
            else:  # "a grenade attack blamed on Al-Shabaab", "attributed to the rebels"
                prep = "on" if lemma == "blame" else "to"
                heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
                who = [
                    a
                    for h in heads
                    for c in h.children
                    if c.dep_ == "prep" and c.lower_ == prep
                    for a in reader._pobj(c)
                ]
                if not who and lemma == "blame" and _blamed_for_act(token, reader.lex):
                    # "blamed al-Shabaab for the attack", "residents said, blaming Fulani
                    # militants": whom one blames is the one named
                    who = [
                        a
                        for c in token.children
                        if c.dep_ == "dobj"
                        and not any(
                            e.type in FORCE_TYPES
                            for e in reader.lex.nouns.get(c.lemma_.lower(), [])
                        )
                        for a in reader.phrase(c)
                    ]
            if who:
                for before in sentences[max(0, number - 1) : number + 1]:
                    claimants.setdefault(before.start_char, who)
    if not claimants:
        return events
    # "The BLA killed 400 people in 500 attacks": a sentence that names an attack's doer says
    # whose its other attacks are
    told = {e.sentence.start for e in events if e.type == "ASSAULT" and e.source}
    return [
        e.model_copy(update={"source": [a.id for a in claimants[e.sentence.start]]})
        if e.type == "ASSAULT"
        and not e.source
        and e.sentence.start in claimants
        and e.sentence.start not in told
        else e
        for e in events
    ]


def _blamed_for_act(verb: Token, lex: EventLexicon) -> bool:
    """Whether "blame" with a person or body as its object blames them for an act of force:
    "blamed al-Shabaab for the attack", or, as a participle, for the act its sentence told
    ("The village was attacked, residents said, blaming Fulani militants"); not "blamed
    India" for what it is said to back."""
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
        return True
    return any(
        o.lemma_.lower() in BLAMED_FOR
        or any(e.type in FORCE_TYPES for e in lex.nouns.get(o.lemma_.lower(), []))
        for h in [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for o in c.children
        if o.dep_ == "pobj"
    )


# How near in the parse a dated verb must be to date another act of its sentence: "voiced
# concern, with Sullivan speaking by phone Sunday" (two arcs), not "arrested elders who had
# come to discuss the killing of 51 civilians on 5 June" (five).
SENTENCE_DATE_ARCS = 3


def _arcs_between(a: Token, b: Token) -> int:
    """The number of dependency arcs on the path between two tokens of one sentence."""
    up = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return n + up[t.i]
    return len(up) + n + 1


def _sentence_dates(events: list[Event], doc: Doc) -> list[Event]:
    """An event whose words name no time happened on the day a verb near it in its sentence
    is dated to ("The US has voiced concern, with Sullivan speaking by phone Sunday"), before
    any day an earlier sentence names; not a noun's ("reject allegations linking the attack on
    the train", which was days before), nor a verb's far off in the parse."""
    donors: dict[int, list[tuple[Token, When]]] = {}
    for e in events:
        when = e.when
        if when is None or when.precision != "day" or when.basis != "stated":
            continue
        if e.hypothetical or e.negated:
            continue
        words = doc.char_span(e.trigger.start, e.trigger.end, "expand")
        if words is not None and words.root.pos_ == "VERB":
            donors.setdefault(e.sentence.start, []).append((words.root, when))
    if not donors:
        return events
    out = []
    for event in events:
        near = donors.get(event.sentence.start) if event.when is None else None
        own = doc.char_span(event.trigger.start, event.trigger.end, "expand") if near else None
        dated = next(
            (
                when
                for root, when in near or ()
                if own is not None and _arcs_between(own.root, root) <= SENTENCE_DATE_ARCS
            ),
            None,
        )
        if dated is not None:
            event = event.model_copy(
                update={"when": dated.model_copy(update={"basis": "inherited"})}
            )
        out.append(event)
    return out


# Nouns for laws, whose year is their name's: "the Act of 1952", "the 1992 constitution".
DOCUMENT_NOUNS = frozenset(
    {"act", "law", "constitution", "charter", "convention", "code", "statute", "ordinance"}
)


def _names_document(doc: Doc, time: Time) -> bool:
    """Whether ``time`` is part of a law's name: "the Immigration and Nationality Act of
    1952", "the 1951 Refugee Convention", "the 1992 constitution"."""
    words = doc.char_span(time.start, time.end, alignment_mode="expand")
    if words is None or time.precision != "year":
        return False
    root = words.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ not in ("compound", "nummod", "amod", "nmod", "npadvmod"):
        return False
    return head.lemma_.lower() in DOCUMENT_NOUNS


def _narrative_date(
    event: Event,
    times: Intervals[Time],
    paras: Sequence[tuple[int, int]],
    para_starts: Sequence[int],
    published: dt.date | None,
    doc: Doc,
) -> Event:
    """An event whose sentence names no time happened when the last dated sentence before it
    in its paragraph did: "On 8 May, gunmen attacked X. Two soldiers were killed.". Not a date
    after the article's own, unless the event is still to come: that is a deadline or a plan
    ("The Taliban want troops out by September 11. They denounced the delay."). Not a past
    clause's date for an act told in the present ("The biggest attack, in 2009, killed 25.
    Airstrikes kill 50 militants", "Last year the group attacked ... Both countries reject the
    claims"); a narrative told in the present, as ACLED's notes are, carries its date on."""
    if event.when is not None:
        return event
    number = index_of(para_starts, event.sentence.start)
    if number < 0 or event.sentence.start >= paras[number][1]:
        return event
    para = paras[number]
    before = [
        t
        for _, _, t in times.starting(para[0], event.sentence.start)
        if t.value is not None and t.end <= event.sentence.start
    ]
    if not before:
        return event
    time = max(before, key=lambda t: t.start)
    if (
        _tense_at(doc, event.trigger.start) == "present"
        and _tense_at(doc, time.start) == "past"  # a date alone ("31 July.") has none
    ):
        return event
    if (
        published is not None
        and time.value is not None
        and time.value > published.isoformat()[: len(time.value)]
        and not event.future
    ):
        return event
    value = time.value
    later = DAYS_LATER.search(event.sentence.text)
    if later and time.precision == "day" and value is not None:
        # "On 3 June, militants attacked a post. The army struck back the following day."
        count = (later["count"] or "a").lower()
        days = int(count) if count.isdigit() else NUMBER_WORDS[count]
        try:
            value = (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
        except (ValueError, OverflowError):
            return event
    when = When(
        date=value,
        precision=time.precision,
        text=time.text,
        start=time.start,
        end=time.end,
        basis="inherited",
    )
    return event.model_copy(update={"when": when})


def _tense_at(doc: Doc, char: int) -> str | None:
    """ "present" or "past" for the clause of the word at ``char``: its verb, or the verb its
    noun phrase hangs from; None where no verb or another tense (a perfect, a modal) tells it."""
    words = doc.char_span(char, char + 1, alignment_mode="expand")
    if words is None:
        return None
    token = words.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    helpers = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(h.tag_ == "MD" or h.lemma_ == "have" for h in helpers):
        return None  # "has killed", "had fled", "will attack": no simple tense
    tags = {h.tag_ for h in helpers} | {token.tag_}
    if tags & {"VBD"}:
        return "past"  # "attacked", "was killed"
    if tags & {"VBZ", "VBP"}:
        return "present"  # "attack", "are killed", "is fighting"
    return None


# A sentence that tells of what came days after the last one dated: its date is that one's
# and these days ("the following day", "two days later"); "the day after" counts one.
DAYS_LATER = re.compile(
    r"\b(?:the\s+(?:following|next)\s+day|the\s+day\s+after|"
    r"(?P<count>a|one|two|three|four|five|six|seven|[1-7])\s+days?\s+later)\b",
    re.IGNORECASE,
)


NO_DATE = "no date in the text and no publication date"


def _reported_date(
    event: Event, reasons: dict[tuple[int | None, int | None], str | None], article: Article
) -> Event:
    """An event its text does not date happened on or in the days before the article was
    published (ACLED codes such a report with time_precision 2); without a publication date it
    stays undated, and says why. A date named but unresolvable keeps the reason it has."""
    when = event.when
    if when is not None:
        if when.date is not None:
            return event
        reason = reasons.get((when.start, when.end))
        return event.model_copy(update={"undated_reason": reason or "the date cannot be resolved"})
    if article.published is None:
        return event.model_copy(update={"undated_reason": NO_DATE})
    where = article.published_span
    reported = When(
        date=article.published.isoformat(),
        precision="week",
        basis="reported",
        text=where.text if where else None,
        start=where.start if where else None,
        end=where.end if where else None,
    )
    return event.model_copy(update={"when": reported})


class _Reader:
    """Reads the events of one document, sentence by sentence."""

    def __init__(
        self,
        doc: Doc,
        index: MentionIndex,
        actors: Sequence[Actor],
        lexicon: EventLexicon,
        quotes: Sequence[Quote] = (),
        country_starts: frozenset[int] = frozenset(),
        places: Sequence[Place] = (),
    ) -> None:
        self.doc = doc
        # where the text names a country: "the Lower Shabelle region of Somalia"
        self.country_starts = country_starts
        # ids of places that are towns, which a name before "region" does not mean
        self.towns = frozenset(p.id for p in places if p.precision == "point")
        self.where = {p.id: p for p in places}
        # A quote that runs over several sentences has its speaker named in one of them only.
        self.quotes = [(q.start, q.end, q.speaker) for q in quotes if q.kind == "full"]
        self.index = index
        self.actors = actors
        self.lex = lexicon
        self.words = words_of(doc)
        self.settled: set[int] = set()  # trigger starts of events whose type is settled
        self._organisations: dict[str, Actor] = {}
        # Words the rules read as no event, which the type model must not make one of.
        self.no_event: set[int] = set()

    # Triggers

    def matches(self, sentence: TokenSpan) -> list[_Match]:
        """Triggers in ``sentence``, longest first, each token in one trigger at most."""
        used: set[int] = set()
        found: list[_Match] = []
        lemmas, lowers = self.words.lemma, self.words.lower
        verbs, nouns = self.lex.verbs, self.lex.nouns
        for i in range(sentence.start, sentence.end):
            # Most words start no trigger: passed over without making their token.
            if i in used or not (lemmas[i] in verbs or lemmas[i] in nouns or lowers[i] in nouns):
                continue
            token = self.doc[i]
            for match in self._at(token, sentence):
                if not used.intersection(t.i for t in match.tokens):
                    found.append(match)
                    used.update(t.i for t in match.tokens)
                    break
        by_head = {m.head.i: m for m in found}
        for i in range(sentence.start, sentence.end):
            if self.words.lower[i] not in self.lex.demand_modals or self.words.dep[i] != "aux":
                continue
            token = self.doc[i]
            verb = token.head
            subject = _subject(verb)
            if subject is not None and subject.lower_ in ("we", "i"):
                continue  # "We must see these attacks as a trend": a resolve, asked of nobody
            if verb.i in by_head:
                by_head[verb.i].demand = True
            elif verb.pos_ in ("VERB", "AUX") and token.i not in used:
                found.append(_Match(DEMAND, [token, verb], verb, demand=True))
        for i in range(sentence.start, sentence.end):
            if self.words.lower[i] in ("responsible", "behind") and i not in used:
                blame = self._blame(self.doc[i], by_head, used)
                if blame is not None:
                    found.append(blame)
            elif self.words.lemma[i] in CRIME_VERBS and i not in used:
                charge = self._crime_said(self.doc[i])
                if charge is not None:
                    found.append(charge)
        return sorted(found, key=lambda m: m.tokens[0].i)

    def _crime_said(self, verb: Token) -> _Match | None:
        """ "Ukraine said Russian troops had committed war crimes", "Amnesty said the army's
        actions amounted to crimes against humanity": a speaker's word that someone did a
        crime, an accusation of the doer (CAMEO 112), not a promise "committed" to."""
        crimes = [c for c in verb.children if c.dep_ in ("dobj", "pobj", "prep")]
        crimes += [g for c in crimes if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if not any(c.lemma_.lower() in CRIMES for c in crimes) or not self._said(verb):
            return None
        return _Match(BLAME, [verb], verb, blame=True)

    def _said(self, verb: Token) -> bool:
        """Whether someone is said to hold what ``verb``'s clause says: it is what a verb of
        saying reports ("officials said X was behind it"), or "according to" someone."""
        reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.lex.reporting_verbs
        return reported or _according_to(verb) is not None

    def _blame(self, word: Token, by_head: dict[int, _Match], used: set[int]) -> _Match | None:
        """ "Officials said the Taliban were responsible", "... was behind the attack": a
        speaker's word that someone did an act, an accusation (CAMEO 112). Only where a verb of
        saying is above it, and "responsible" is for an act, not for a duty ("responsible for
        security"), and "behind" is behind an act, not a wall."""
        verb = word.head
        if verb.i in used or _blamed(word, self.lex, by_head) is None or not self._said(verb):
            return None
        return _Match(BLAME, [verb, word], verb, blame=True)

    def _at(self, token: Token, sentence: TokenSpan) -> Iterable[_Match]:
        lemma, lower = self.words.lemma[token.i], self.words.lower[token.i]
        # "the abducted soldiers", "US-led": a participle used as an adjective reports nothing.
        dep = self.words.dep[token.i]
        # ... but "protesting teachers", "striking doctors" are protesting now ("warring
        # parties", "a striking resemblance" are not fighting or striking).
        adjective = dep == "amod"
        if self.words.pos[token.i] == "VERB" and (not adjective or token.tag_ == "VBG"):
            described = dep == "acl" and token.tag_ == "VBN"
            named = naming(token)
            for entry in self.lex.verbs.get(lemma, []):
                if adjective and not (entry.type == "PROTEST" and _people_noun(token.head)):
                    continue
                if described and entry.type in self.lex.descriptive_types:
                    continue  # "forces backed by Ethiopia" describes the forces
                chain = _chain(token, entry.words)
                if named is not None and not entry.context and named not in (chain or []):
                    continue  # "calls Xi a dear friend": a naming, not a call
                if chain and self._fits(entry, token, chain):
                    yield _Match(entry, chain, token)
        for entry in self.lex.nouns.get(lemma, []) + self.lex.nouns.get(lower, []):
            n = len(entry.words)
            run = sentence.doc[token.i : token.i + n]
            if token.i + n > sentence.end or not all(
                t.lemma_.lower() == w or t.lower_ == w
                for t, w in zip(run, entry.words, strict=True)
            ):
                continue
            head = run.root
            if head.pos_ == "PROPN" and (
                _in_name(head, sentence) or self._kind_at(head) in NAMED_BODIES
            ):
                # "the Government of National Accord", "the Alliance for Democracy"; a body
                # named by the word alone ("Amnesty urged Kenya")
                continue
            if head.dep_ == "compound" and head.head.lemma_.lower() in KINDS_OF_THINGS:
                continue  # "attack helicopters", "sanctions bills": a thing, not an act
            if head.lemma_.lower() == "riot" and head.head.lemma_.lower() in RIOT_GEAR:
                continue  # "riot police", "riot gear": who puts riots down, and with what
            if _in_phrase(head) or _felt_pressure(head):
                continue  # "in recognition of Women's Day": because of it, no recognition
            if head.pos_ in ("NOUN", "PROPN") and self._fits(entry, head, list(run)):
                yield _Match(entry, list(run), head)

    def _fits(self, entry: Entry, head: Token, tokens: list[Token]) -> bool:
        """Whether the conditions of ``entry`` hold around ``head``."""
        if entry.pos == "noun" and head.lemma_.lower() in BODY_NOUNS and self._names_body(head):
            return False
        if entry.context or entry.not_context:
            # of a verb that ends in a preposition, what the preposition takes ("called for an
            # inquiry"), not the rest of the verb's clause ("called for calm and said ...")
            ends_in_prep = entry.pos == "verb" and len(tokens) > 1 and tokens[-1].dep_ == "prep"
            span = list((tokens[-1] if ends_in_prep else head).subtree)
            if entry.pos == "verb" and not ends_in_prep:
                # of a verb, what it takes, not who does it ("the inquiry team urged calm"; a
                # passive's subject is what it takes: "a rescue train was dispatched")
                doers = [c for c in head.children if c.dep_ in ("nsubj", "csubj", "agent")]
                span = [t for t in span if not any(t in d.subtree for d in doers)]
            phrase = {t.lemma_.lower() for t in span} | {t.lower_ for t in span}
            if entry.context and not phrase & entry.context:
                return False
            if phrase & entry.not_context and (entry.pos == "noun" or entry.context):
                return False
        if entry.sentence_context:
            words = _words_said(head.sent)
            if not words & entry.sentence_context:
                return False
        if entry.objects:
            # the object, or the passive's subject ("weapons were seized"); of "a total of 56
            # posts", the posts
            objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            if not objects:
                # one object for two verbs: "will train and equip Malian soldiers"
                objects = [
                    o
                    for c in head.children
                    if c.dep_ == "conj" and c.pos_ == "VERB"
                    for o in c.children
                    if o.dep_ == "dobj"
                ]
            if head.dep_ == "acl" and head.tag_ == "VBN":
                objects.append(head.head)  # "a stash of projectiles found in Mosul"
            if head.lemma_.lower() in PROVIDING_VERBS | ANSWERING_VERBS:
                # what a side is given "with": "will supply Kyiv with rockets"; what one
                # answers with: "responded with water cannon"
                # (the parser may hang the "with" on the side: "supporting 300,000 people with
                # clean water")
                objects += [
                    g
                    for o in [head, *objects]
                    for c in o.children
                    if c.lower_ == "with"
                    for g in c.children
                ]
            objects += [counted for o in objects for counted in _counted(o)]
            # the parser may hang the noun under its adjective ("a silver pendant"); a
            # service is what it serves ("suspended mobile internet services")
            objects += [
                c
                for o in objects
                for c in o.children
                if c.dep_ == "amod" or (c.dep_ == "compound" and o.lemma_.lower() in SERVICES)
            ]
            # what a thing found holds: "packages containing explosive devices", "a car
            # loaded with explosives"
            objects += [g for o in objects for g in _contents(o)]
            # a state left counts as a place ("left Syria"); a state found is no weapon
            if not objects or not any(
                o.lemma_.lower() in entry.objects
                or o.lower_ in entry.objects  # "bases", which the lemmatiser reads as "basis"
                or (entry.type == "RETREAT" and self._is_state(o))
                or ("<people>" in entry.objects and self._names_people(o))
                or ("<media>" in entry.objects and self._kind_at(o) == "media")
                for o in objects
            ):
                return False
        if self._object_rules_out(entry, head):
            return False
        if entry.type in UNLIVING_RULED and self._done_by_or_to_no_party(entry, head):
            return False
        if entry.received and not any(
            self._pobj(c) for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
        ):
            # "UNHCR received $94 million", "received $33 million from the fund": a sum told,
            # no giver named
            return False
        if entry.left and not any(
            o.lemma_.lower() in entry.left or o.lower_ in entry.left for o in _left_behind(head)
        ):
            return False
        if entry.needs_subject and (not _doers(head) or _exhorts(head)):
            return False
        if entry.not_instruments and any(
            o.lemma_.lower() in entry.not_instruments for o in _prep_objects(head, ("with",))
        ):
            return False
        if entry.names_object and not any(
            c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "as")
            for c in head.children
        ):
            return False
        if (
            entry.needs_object
            and entry.pos == "verb"
            and not _acted_on(head)
            and not any(c.dep_ == "nsubj" for c in head.children)
            # "houses were looted and burnt by the raiders": the first verb's
            and not (head.dep_ == "conj" and _acted_on(head.head))
        ):
            # the parser may give the object to a later verb: "residents burn a truck
            # carrying meat they believe had been stolen"
            after = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
            if after is None or after.tag_ not in OBJECT_OPENING_TAGS:
                return False
        if (
            entry.type == "REQUEST"
            and entry.pos == "verb"
            and (_asks_a_question(head) or _asks_anonymity(head))
        ):
            return False
        if (
            entry.type == "ACCUSE"
            and entry.pos == "verb"
            and entry.mode != "investigate"  # "looked into the killings" is an inquiry
            and any(c.dep_ == "prep" and c.lower_ in ("into", "onto") for c in head.children)
        ):
            return False  # "slammed into the coast", "blasted into orbit": a body moving
        if entry.type == "PROTEST" and entry.pos == "noun" and self._state_in_protest(head):
            return False
        if entry.type == "THREATEN" and entry.pos == "verb" and _warns_of_a_fact(head):
            return False
        if entry.not_subjects:
            doers = _with_counted(_doers(head) or _described(head))
            if _any_named(entry.not_subjects, doers) or (
                STATE_DOER in entry.not_subjects and any(self._of_state(d) for d in doers)
            ):
                return False
        if entry.subjects and not _any_named(
            entry.subjects, _with_counted(_doers(head) or _described(head))
        ):
            return False
        if entry.pos == "noun" and entry.governors:
            governor = _governing_verb(head)
            if governor is None or governor.lemma_.lower() not in entry.governors:
                return False
        if entry.pos == "noun" and entry.not_governors:
            # the parser may hang the verb under its object: "with many facing daily threats"
            governors = [_governing_verb(head), *(c for c in head.lefts if c.tag_ == "VBG")]
            if any(g is not None and g.lemma_.lower() in entry.not_governors for g in governors):
                return False
        if entry.type == "CONSULT" and entry.pos == "noun" and _called_home_for(head):
            return False
        return not (entry.type is None and not self._negated(head, tokens))

    def _state_in_protest(self, noun: Token) -> bool:
        """Whether "in protest" tells how a state or its leader acted ("Venezuela recalled its
        ambassador in protest"): no crowd protested ("hundreds massed outside the consulate in
        protest" still did, as did "government employees" who struck in protest)."""
        prep = noun.head
        verb = prep.head
        # the parser may hang it on the object: "recalled his envoy in protest"
        if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN"):
            verb = verb.head
        if noun.dep_ != "pobj" or prep.lower_ != "in" or verb.pos_ != "VERB":
            return False
        if any(c.dep_ in ("det", "poss") for c in noun.children):
            return False  # "in the protest", "in their protest": a protest named
        subject = _subject(verb)
        return subject is not None and self._kind_at(subject) in ("state", "leader")

    def _kind_at(self, token: Token) -> str | None:
        """The kind of the actor ``token`` names, if it names one."""
        actor = self.index.at(token.idx, token.idx + len(token))
        return actor.kind if actor is not None else None

    def _of_state(self, token: Token) -> bool:
        """Whether ``token`` names a state or one of its organs ("China", "the coast guard",
        "police"): what ``not_subjects: [<state>]`` rules out."""
        return self._kind_at(token) in STATE_KINDS

    def _ruled_out(self, entry: Entry, acted_on: list[Token]) -> bool:
        """Whether all the verb acts on is what ``entry``'s ``not_objects`` rules out: those
        words, or with "<people>" a person ("dismissed the police chief" rejects nothing)."""
        return bool(acted_on) and all(
            (o.lemma_.lower() in entry.not_objects and not self._party_named(o))
            or ("<people>" in entry.not_objects and self._kind_at(o) in ("person", "leader"))
            for o in acted_on
        )

    def _names_body(self, noun: Token) -> bool:
        """Whether a noun of union ends an actor's name that starts before it: "the
        opposition alliance", "the Three Brotherhood Alliance" are bodies, no alliance made."""
        end = noun.idx + len(noun.text)
        return any(
            start < noun.idx and m_end == end
            for start, m_end, _ in self.index.starting(noun.sent.start_char, noun.idx)
        )

    def _object_rules_out(self, entry: Entry, head: Token) -> bool:
        """Whether what the trigger is done to rules ``entry`` out here: its ``not_objects``
        ("declined to comment"), or a side beaten in a game ("beat Slovakia 2-1")."""
        if entry.not_objects and self._ruled_out(entry, _ruled_on(entry, head)):
            return True
        if "<clause>" in entry.not_objects and any(c.dep_ == "ccomp" for c in head.children):
            return True  # "to demonstrate that the navy can defend the strait" shows something
        return entry.mode == "beat" and self._sports_result(head)

    def _done_by_or_to_no_party(self, entry: Entry, head: Token) -> bool:
        """Whether force is done to animals, by animals or nature, or in a game: "cattle were
        slaughtered", "hunters killed 54 wolves", "a cyclone destroyed homes", "locusts invaded",
        "stormed to victory", "captured the league title", "invaded the pitch". Herds an armed
        side raids or kills are its attack ("raiders drove off 300 cattle", "militia killed
        the herders' cattle"): an entry made for such objects, or a doer the actors know."""
        animals, forces = self.lex.animals, self.lex.natural_forces
        wild = animals - self.lex.livestock  # a herd is someone's: killed or seized, a loss
        acted_on = [o for o in _acted_on(head) if self._kind_at(o) is None]
        all_doers = [
            # "an elephant who had invaded a farm"
            head.head if d.lower_ in RELATIVE_PRONOUNS and head.dep_ == "relcl" else d
            for d in _doers(head)
        ]
        if (
            acted_on
            and not entry.objects
            and not any(self._kind_at(d) for d in all_doers)
            and all(o.lemma_.lower() in wild for o in acted_on)
        ):
            return True
        doers = [d for d in all_doers if self._kind_at(d) is None]
        if doers and all(d.lemma_.lower() in animals | forces for d in doers):
            return True
        if head.pos_ != "VERB":
            return False  # "protests against Kenyatta's victory" are protests
        return any(o.lemma_.lower() in GAME_WORDS for o in acted_on) or any(
            o.lemma_.lower() in GAME_WORDS | GAME_ENDS for o in _prep_objects(head, ("to", "into"))
        )

    def _sports_result(self, verb: Token) -> bool:
        """Whether "beat" reports a game: "Ukraine beat Slovakia 2-1", "Keys beat Azarenka in
        the semi-final"; a side or a player beaten where a score or a contest is named (fans
        beaten after a match were beaten)."""
        beaten = [c for c in verb.children if c.dep_ == "dobj"]
        if not beaten or not all(self._kind_at(o) in ("state", "person", None) for o in beaten):
            return False
        if any(_people_noun(o) for o in beaten):
            return False  # "beat fans", "beat two journalists"
        sentence = verb.sent
        return SCORE.search(sentence.text) is not None or any(
            t.lemma_.lower() in CONTESTS for t in sentence
        )

    def _party_named(self, noun: Token) -> bool:
        """Whether a word the lexicon rules out as an object is, here, a political party the
        actors know, named as one: "met the opposition", "met with Syrian opposition" (not
        "met with fierce opposition"; troops inspected stay troops)."""
        named = any(
            c.dep_ == "poss"
            or c.lower_ == "the"
            or (c.dep_ in ("amod", "compound") and self.index.at(c.idx, _end(c)) is not None)
            for c in noun.children
        )
        return named and self._kind_at(noun) == "party"

    def _is_state(self, token: Token) -> bool:
        return self._kind_at(token) == "state"  # "left Syria"

    # Roles

    def _names_people(self, noun: Token) -> bool:
        """Whether a noun phrase names a person or counts people of an armed group ("IS
        deputy caliph al-Rufay'i", "16 Shabaab fighters"): an object "<people>" asks for."""
        return any(a.kind in ("person", "leader") for a in self.phrase(noun))

    def phrase(self, token: Token, depth: int = 0) -> list[Actor]:
        """Actors the noun phrase headed by ``token`` names, with those joined to it by "and"."""
        if (crowd := self._crowd(token)) is not None:
            token = crowd  # "fired at protesting farmers": the farmers
        found: list[Actor] = []
        heads = [token, *token.conjuncts, *self._misparsed_conjuncts(token)]
        for head in heads:
            if head is token and self._named_by_appositive(token, depth):
                continue
            found += self._head_actors(head, depth)
        if not found and depth == 0:
            found = self._own_forces(token)
        return _unique(found)

    def _own_forces(self, token: Token) -> list[Actor]:
        """ "Pakistan's military said its forces killed six militants": forces a possessive
        pronoun gives to whoever says what they did are the speaker's own: a state's, its
        government's or an armed side's."""
        if token.lemma_.lower() not in ("force", "unit") or not any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children
        ):
            return []
        verb = token.head
        while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SAYING:
            return []
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if speaker is None:
            return []
        return [
            a
            for a in self._head_actors(speaker, 1)
            if a.kind in ("state", "government", "military", "armed_group")
        ]

    def _crowd(self, token: Token) -> Token | None:
        """The people an -ing form describes where the parser made them its object ("fired at
        protesting farmers", "attacked striking miners"): the -ing word of a protest right
        before a plural noun that names people; not "protesting price hikes"."""
        if token.tag_ != "VBG" or token.lemma_.lower() not in CROWD_PARTICIPLES:
            return None
        noun = next((c for c in token.children if c.dep_ == "dobj"), None)
        if noun is None or not _people_noun(noun) or noun.left_edge.i != token.i + 1:
            return None
        return noun if self.index.at(noun.idx, _end(noun)) is not None else None

    def _named_by_appositive(self, token: Token, depth: int) -> bool:
        """Whether a person's title has an appositive that names the person and says all the
        title says: "The ministry's spokesman, Wang Wenbin" and "Russia's foreign minister,
        Sergei Lavrov" are one party each, the one named, not a government and a person. The
        title stays where it gives a country or a sector the name lacks ("The army spokesman,
        Brig. Gen. Yahya Saree") or names a group the person speaks or fights for ("the Hamas
        leader, Ismail Haniyeh"). A plural's or a group's appositive may be a place or a
        misparse ("residents in Nduuri village, Embu East")."""
        if token.pos_ != "NOUN" or token.tag_ != "NN":
            return False
        for child in token.children:
            if child.dep_ == "appos" and child.i > token.i and child.pos_ == "PROPN":
                named = self.index.at(child.idx, _end(child))
                if named is not None and named.kind in ("person", "leader"):
                    return all(
                        titled.kind in STATE_ORGANS
                        and titled.country in (None, named.country)
                        and titled.sector in (None, named.sector)
                        for titled in self._head_actors(token, depth)
                    )
        return False

    def _misparsed_conjuncts(self, token: Token) -> list[Token]:
        """Parties joined to a phrase where the parser hangs them elsewhere: "The US, Russia
        and Switzerland" (Russia an apposition), "Barack Obama and Vladimir Putin" (Putin
        joined to "Obama" inside the name), "Israeli and Syrian forces" (joined adjectives),
        "the leaders of France and Germany" (Germany joined to the state in the name)."""
        mine = self.index.at(token.idx, _end(token))
        out: list[Token] = []
        for child in token.children:
            inside = mine is not None and self.index.at(child.idx, _end(child)) is mine
            if child.dep_ == "appos" and child.i > token.i:
                if not self._where_in_parenthesis(child):
                    out += [child, *child.conjuncts]
            elif mine is not None and child.dep_ == "prep" and child.lower_ in ("of", "from"):
                # "the foreign ministers of Egypt and Jordan": Jordan's too
                out += [
                    c
                    for p in child.children
                    if p.dep_ == "pobj"
                    and (state := self.index.at(p.idx, _end(p))) is not None
                    and state.kind == "state"
                    and state.country == mine.country
                    for c in p.conjuncts
                ]
            elif inside:
                out += [c for c in child.conjuncts if c.i > child.i]
            elif (
                child.dep_ in ("amod", "nmod", "compound") and child.i < token.i and child.conjuncts
            ):
                # "Israeli and Syrian forces"; "Al Shabaab and Kenyan police forces", "Mungiki
                # and Taliban gangs" (the first name hung on the noun as a modifier)
                out += [child, *child.conjuncts]
        return out

    def _where_in_parenthesis(self, appositive: Token) -> bool:
        """Whether an appositive is a state in parentheses, which says where a party is and
        adds none: "An unidentified armed group (Kenya)"; not "traditional hunters (Ode
        Militia)", which names them."""
        start = appositive.left_edge.i
        named = self.index.at(appositive.idx, _end(appositive))
        return (
            start > 0
            and self.doc[start - 1].text == "("
            and named is not None
            and named.kind == "state"
        )

    def _head_actors(self, head: Token, depth: int) -> list[Actor]:
        if _first_person(head):
            return []
        # "both leaders": those just named, before the leaders of no one the word may name
        group = self._group(head)
        if group:
            return group
        actor = self.index.at(head.idx, head.idx + len(head))
        if actor is not None:
            return [actor]
        if head.lower_ in THIRD_PERSON and head.dep_ in SUBJECTS and depth < 3:
            return self._reporter(head, depth)
        if head.tag_ == "VBG" and head.dep_ in SUBJECTS and depth < 3:
            # "The Red Cross operating in Iraq said": the parser may make the participle the
            # subject and the name its own
            doer = next((c for c in head.lefts if c.dep_ == "nsubj"), None)
            if doer is not None:
                return self.phrase(doer, depth + 1)
        for child in reversed(list(head.lefts)):
            if child.dep_ in MODIFIERS and child.lower_ not in SPONSOR_WORDS:
                modifier = self.index.at(child.left_edge.idx, _end(child.right_edge))
                if modifier is not None:
                    return [modifier]
        if head.i > 0 and head.left_edge.i > 0:
            # The parser may tag a name as a verb and leave it loose: "IS fighters".
            before = self.doc[head.left_edge.i - 1]
            found = self.index.at(before.idx, _end(before))
            if found is not None and before.dep_ in ("dep", "aux", "nsubj") and before.head != head:
                return [found]
        if depth < 3:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.phrase(pobj, depth + 1)
        return []

    def _reporter(self, pronoun: Token, depth: int) -> list[Actor]:
        """ "Japan said it had halted aid": a pronoun subject under a reporting verb is that
        verb's subject."""
        verb = pronoun.head
        for _ in range(3):
            if verb.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or verb.head.i == verb.i:
                return []
            verb = verb.head
            if verb.lemma_.lower() in self.lex.reporting_verbs:
                subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
                if subject is None or subject.lower_ in THIRD_PERSON:
                    return []
                return self.phrase(subject, depth + 1)
        return []

    def _group(self, head: Token) -> list[Actor]:
        """ "the three parties": the last three actors named before it in its sentence; "both
        leaders", the last two people named there or in the sentence before ("Modi met
        Ramgoolam. Both leaders ...")."""
        noun = head.lemma_.lower()
        people = noun in PERSON_GROUP_NOUNS
        if noun not in GROUP_NOUNS and not people:
            return []
        count = next((NUMBERS[c.lower_] for c in head.children if c.lower_ in NUMBERS), None)
        if count is None:
            return []
        sentence = head.sent
        starts = [sentence.start_char]
        if people and sentence.start > 0:
            # people, not sides: "urged both sides" after a sentence of two others
            starts.append(self.doc[sentence.start - 1].sent.start_char)
        for start in starts:
            last: dict[str, tuple[int, Actor]] = {}
            for actor in self.index.within(start, head.idx):
                if people and actor.kind not in ("person", "leader"):
                    continue
                mentions = self.index.starts_of(actor, start, head.idx)
                last[actor.id] = (max(mentions), actor)
            chosen = sorted(last.values(), key=lambda item: item[0])[-count:]
            if len(chosen) == count:
                return [actor for _, actor in chosen]
        return []

    def _ruler(self, children: list[Token]) -> list[Actor]:
        """Who rules where a thing is done "under" them: "books are banned under the Taliban",
        "barred from universities under Taliban rule" (the parser may hang "under" on the
        object of another preposition)."""
        nested = [g for c in children if c.dep_ == "prep" for o in c.children for g in o.children]
        found: list[Actor] = []
        for prep in children + nested:
            if prep.dep_ != "prep" or prep.lower_ != "under":
                continue
            found += self._pobj(prep)
            for ruled in prep.children:
                if ruled.dep_ == "pobj" and ruled.lemma_.lower() in RULE_NOUNS:
                    found += [
                        a
                        for m in ruled.children
                        if m.dep_ in ("compound", "poss", "amod") and m.i < ruled.i
                        for a in self.phrase(m)
                    ]
        return _unique(found)

    def _pobj(self, prep: Token) -> list[Actor]:
        """Actors after a preposition; where the parse lost its object, the words after it."""
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if _absolute(prep):
            return []  # "voiced concern, with Sullivan speaking by phone": a clause, no party
        if objects:
            return _unique([a for o in objects for a in self.phrase(o)])
        for token in self.doc[prep.i + 1 : min(prep.i + 5, prep.sent.end)]:
            if token.is_punct:
                break
            actor = self.index.at(token.idx, _end(token))
            if actor is not None:
                return [actor]
        return []

    def roles(self, match: _Match) -> None:
        """Fill the source and target of ``match`` from the parse."""
        entry = match.entry
        type_ = entry.type or entry.negated_type or ""
        source: list[Actor] = []
        target: list[Actor] = []
        last = match.tokens[-1]
        if len(match.tokens) > 1 and last.pos_ == "ADP":
            role = (
                "target" if entry.pos == "verb" else self.lex.roles(entry, type_).get(last.lower_)
            )
            if role in ("source", "target"):
                (source if role == "source" else target).extend(self._pobj(last))
        if entry.pos == "verb":
            self._verb_roles(match, type_, source, target)
        else:
            self._noun_roles(match, type_, source, target)
        if type_ in HARM_TYPES and (doers := self._at_hands_of(match.head)):
            source = doers  # "killed at the hands of Boko Haram fighters": theirs, whoever else
        if (
            type_ == "CONCEDE"
            and entry.pos == "verb"
            and source
            and not target
            and not _infinitive(match.head)
        ):
            # "allowed opposition leader Kizza Besigye to run": the one let do it (not "to
            # allow Haiti's elections to take place", a purpose)
            for clause in match.head.children:
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if (
                    clause.dep_ in ("ccomp", "xcomp")
                    and subject is not None
                    and not any(c.dep_ == "poss" for c in subject.children)
                ):
                    target += [a for a in self.phrase(subject) if a not in source]
        if entry.received:
            # "Ukraine received 30 tanks from Poland": given by whoever "from" names, to the
            # subject
            givers = [
                actor
                for prep in match.head.children
                if prep.dep_ == "prep" and prep.lower_ == "from"
                for actor in self._pobj(prep)
            ]
            source, target = givers, [a for a in source if a not in givers]
        if type_ in MOVING_TYPES and source:
            # "withdrew its troops from Syria", "deployed 500 soldiers to Estonia": the forces
            # moved are the doer's own, not whom the act is aimed at
            target = [a for a in target if not _own_forces(a, source)]
        if not target:
            target += self._where(match)
        match.source = _unique(source)
        match.target = [a for a in _unique(target) if a not in match.source]
        between = _between(match.head.children) + _between(match.head.head.children)
        match.sides = bool(match.source) and bool(between)
        if (
            not match.target
            and len(match.source) > 1
            and type_ in self.lex.reciprocal_types
            and match.entry.mode != "third-party"  # mediators who act together mediate for others
        ):
            match.target = list(match.source)  # "the US and Russia met": each met the other

    def _forecast(self, match: _Match, matches: list[_Match]) -> bool:
        """A warning that something could happen, told of no party and no act: "analysts warn
        that countries such as Senegal could become targets", "the UN warned that famine may
        kill millions". A threat warns of an act ("warned that sanctions could follow") or
        says what a party will do or suffer ("warned that his government would expel him")."""
        if match.entry.type != "THREATEN" or match.head.lemma_.lower() != "warn":
            return False
        acts = {m.head.i for m in matches}
        for clause in match.head.children:
            if clause.dep_ != "ccomp":
                continue
            if not any(c.dep_ == "aux" and c.lower_ in FORECAST_MODALS for c in clause.children):
                return False
            subject = _subject(clause)
            if (
                subject is not None
                and subject.pos_ in ("NOUN", "PROPN")
                and subject.i not in acts
                and self.index.at(subject.idx, _end(subject)) is None
            ):
                self.no_event.add(match.head.i)
                return True
            return False
        return False

    def _at_hands_of(self, head: Token) -> list[Actor]:
        """Whoever "at the hands of" names beside the act, or beside the verb that takes its
        noun: "suffered torture at the hands of security forces", "fleeing violence at the
        hands of the police"."""
        holders = [head]
        if head.dep_ in ("dobj", "nsubjpass", "pobj") and head.head.i != head.i:
            holders.append(head.head)
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ != "at":
                    continue
                for hands in prep.children:
                    if hands.dep_ != "pobj" or hands.lower_ != "hands":
                        continue
                    for of in hands.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            return [
                                a for o in of.children if o.dep_ == "pobj" for a in self.phrase(o)
                            ]
        return []

    def _where(self, match: _Match) -> list[Actor]:
        """A state the act happens in or goes to, as the target of an act that names none
        (CAMEO's convention): "lifted the curfew in Montenegro", "visit to Jordan"."""
        anchors = [match.head, *([match.head.head] if match.head.pos_ != "VERB" else [])]
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "to", "into"):
                    continue
                # of force or protest, the state named, not one that only says where a town
                # is ("clashed in Feni, Bangladesh"; a visit to "Kabul, Afghanistan" still
                # goes to the state)
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                if match.entry.type in ("ASSAULT", "PROTEST"):
                    objects = [o for o in objects if self._is_state(o)]
                states = [a for o in objects for a in self.phrase(o) if a.kind == "state"]
                if states:
                    return states[:1]
        return []

    def _verb_roles(
        self, match: _Match, type_: str, source: list[Actor], target: list[Actor]
    ) -> None:
        head, preps = match.head, self.lex.preps(match.entry, type_)
        passive = False
        children = [c for t in match.tokens for c in t.children if c not in match.tokens]
        stative = head.lemma_.lower() in self.lex.stative_passives
        # who is sent with help ("sent doctors to Guinea", "peacekeepers were deployed") or
        # mobilised ("called up 300,000 reservists") goes for the sender and receives nothing
        sent: list[Actor] | None = (
            [] if (type_ == "AID" and head.lemma_.lower() in SENT) or type_ == "MOBILIZE" else None
        )
        if (crowd := self._crowd(head)) is not None:
            source += self.phrase(crowd)  # "fired at protesting farmers": the farmers protest
            return
        for child in children:
            if child.dep_ == "xcomp" and self._crowd(child) is not None:
                target += self.phrase(child)  # "attacked protesting teachers"
            elif child.dep_ == "nsubjpass" and stative:
                source += self.phrase(child)  # "Israel is opposed to ...": Israel opposes
            elif child.dep_ == "nsubjpass":
                passive = True
                (target if sent is None else sent).extend(self.phrase(child))
            elif child.dep_ == "agent":
                source += self._pobj(child)
            elif child.dep_ == "dative" and child.pos_ == "ADP":
                target += self._pobj(child)  # the receiver: "sent supplies to Italy"
            elif child.dep_ in ("dobj", "dative"):
                # an act threatened or taken names its doer's forces, not a target: "threatened
                # military action against ...", "threatened mass protests" (another's act is
                # aimed at its doer: "dismissed Putin's response")
                acting = (
                    child.dep_ == "dobj"
                    and child.lemma_.lower() in ACT_OBJECTS
                    and not any(c.dep_ == "poss" for c in child.children)
                )
                if (sent is None or child.dep_ == "dative") and not acting:
                    target += self.phrase(child)
                elif sent is not None and child.dep_ == "dobj" and self.phrase(child):
                    match.moved = True  # the subject sends them: no source of their own
                # the parser hangs the receiver on the object: "sent medical supplies to Italy"
                for prep in child.children:
                    if prep.dep_ == "prep" and preps.get(prep.lower_) == "target":
                        target += self._pobj(prep)
            elif child.dep_ in ("compound", "poss") and child.i < head.i:
                # a gerund the parser calls a verb: "police firing", "the army's shelling"
                modifier = self.index.at(child.left_edge.idx, _end(child.right_edge))
                source += [modifier] if modifier is not None else []
            elif (
                child.dep_ == "prep"
                and child.lower_ == "by"
                and head.tag_ == "VBG"
                and head.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj", "pobj", "pcomp", "conj")
                and not any(c.dep_ in SUBJECTS for c in head.children)
                and (doers := self._pobj(child))
            ):
                # a gerund as a noun: "shelling by the army", "died in shelling by the army"
                # (the dead are not the gunners)
                source += doers
                passive = True
            elif child.dep_ == "prep" and preps.get(child.lower_) in ("source", "target"):
                (source if preps[child.lower_] == "source" else target).extend(self._pobj(child))
        for token in match.tokens:
            # "expelled the French ambassador": the envoy, a word of the trigger, is his state's
            if token.dep_ == "dobj" and token.head.i == head.i and token.lemma_.lower() in ENVOYS:
                # not the doer's own envoy: "recalled its ambassador to Turkey"
                doer = _subject(head)
                doers = [*source, *(self.phrase(doer) if doer is not None else [])]
                own = {a.country for a in doers if a.country}
                target += [
                    a for a in self.phrase(token) if a not in target and a.country not in own
                ]
        if sent and not source:
            source += sent  # those sent stand for their sender
        if passive and not source and type_ == "COERCE":
            source += self._ruler(children)
        # not "troops deployed": they deploy; "men accused of stealing cattle" are accused
        harm = type_ in ("ASSAULT", "COERCE", "ACCUSE")
        if harm and not passive and (patient := _reduced_passive(head, children)) is not None:
            target += self.phrase(patient)  # "two pupils seriously injured", "men arrested"
            passive = True
        if not passive and (undergoer := _state_passive(head)) is not None:
            target += self.phrase(undergoer)  # "Lai stands accused of collusion"
            passive = True
        # "The soldier escaped the ambush but was shot by militants", "The rebels fled after
        # being attacked by the army": the subject the passive shares with the verb before it
        # is the one it was done to; so too of a participle clause with its doer after "by":
        # "Ukraine and Russia exchanged prisoners, mediated by the UAE".
        shared_passive = (
            head.dep_ in ("conj", "pcomp", "advcl")
            and any(c.dep_ == "auxpass" for c in head.children)
        ) or (
            head.tag_ == "VBN"
            and head.dep_ == "advcl"
            and any(c.dep_ == "agent" for c in children)
            and not any(c.dep_ in SUBJECTS for c in head.children)
        )
        if not passive and shared_passive and (shared := _subject(head)) is not None:
            target += self.phrase(shared)
            passive = True
        if not passive:
            match.subject = _subject(head)
            # a subject that found what the act left, or the weapon that went off, is no doer
            no_doer = match.entry.found or bool(match.entry.subjects)
            if match.subject is not None and not no_doer:
                source += self.phrase(match.subject)
            elif head.dep_ == "amod" and head.tag_ == "VBG":
                source += self.phrase(head.head)  # "protesting teachers": the teachers protest
        if not source and (type_ == "ASSAULT" or type_ in self.lex.reciprocal_types):
            # "On 6 November, clash between pastoralists and farmers": both sides did it
            source += [a for prep in _between(children) for a in self._pobj(prep)]
        if passive and not source and type_ == "ASSAULT":
            source += self._other_side(children)
        if not target and type_ == "ASSAULT":
            # force used to scatter a crowd is used on it: "fired live rounds to disperse
            # demonstrators", "used tear gas to break up the rally"
            for clause in children:
                if clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in DISPERSING:
                    target += [
                        a for obj in clause.children if obj.dep_ == "dobj" for a in self.phrase(obj)
                    ]
        if not target:
            target += self._addressee(children, type_)

    def _other_side(self, children: list[Token]) -> list[Actor]:
        """Who fought whoever was hurt "in a gun battle with police", "during clashes with
        soldiers": the other side did it."""
        for prep in children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for fight in prep.children:
                if fight.dep_ != "pobj" or fight.lemma_.lower() not in FIGHTS:
                    continue
                for with_ in fight.children:
                    if with_.dep_ == "prep" and with_.lower_ == "with":
                        return self._pobj(with_)
        return []

    def _addressee(self, children: list[Token], type_: str) -> list[Actor]:
        """Whom an act answers or asks, where it has no object actor: "demanded that the US
        cancel the sale" asks the US; "rejected calls by Belarus's rulers" answers them."""
        for child in children:
            if child.dep_ == "ccomp" and type_ == "REQUEST" and child.pos_ in ("VERB", "AUX"):
                subject = next((c for c in child.children if c.dep_ in SUBJECTS), None)
                if subject is not None:
                    return self.phrase(subject)
            if child.dep_ == "dobj" and child.lemma_.lower() in SPEECH_ACTS:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
                        return self._pobj(prep)
        return []

    def _doer_nearby(self, noun: Token) -> list[Actor]:
        """Whose an act named by a noun with no doer of its own is, where the noun's phrase
        says: the second of two nouns shares the first's owner ("Chinese aggression and
        threats", "Iran's arrests and executions"), and an act that is what a noun of doing is
        "of" is that noun's owner's ("Trump's imposition of sanctions", "Russia's use of
        force")."""
        own = any(c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children)
        if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and not own:
            first = noun.head
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in DOING_NOUNS
        ):
            first = noun.head.head
        else:
            return []
        found: list[Actor] = []
        for child in first.children:
            if child.i > first.i:
                by = child.dep_ == "prep" and child.lower_ == "by"
                if by and first.lemma_.lower() in DOING_NOUNS:
                    found += self._pobj(child)  # "the imposition by the EU of sanctions"
                continue
            if child.dep_ == "poss" or any(g.tag_ == "POS" for g in child.children):
                found += self.phrase(child)
            elif child.dep_ in MODIFIERS:
                modifier = self.index.at(child.left_edge.idx, _end(child.right_edge))
                if modifier is not None and not self._after_anti(modifier, child):
                    found.append(modifier)
        return [] if _killed_one(noun, found) else found

    def _pair(self, modifier: Token, type_: str) -> list[Actor]:
        """The two sides a hyphened modifier names, for an act both sides do: "Russia-Ukraine
        talks", "the U.S.-Taliban deal", "Turkish-Iranian cooperation"."""
        start, end = modifier.left_edge.idx, _end(modifier.right_edge)
        if type_ not in self.lex.reciprocal_types or "-" not in text_of(self.doc)[start:end]:
            return []
        named = [(s, e, a) for s, e, a in self.index.starting(start, end) if e <= end]
        if len(named) != 2 or named[0][2] is named[1][2]:
            return []
        (_, first_end, first), (second_start, _, second) = named
        return [first, second] if text_of(self.doc)[first_end:second_start] in ("-", "–") else []

    def _noun_roles(
        self, match: _Match, type_: str, source: list[Actor], target: list[Actor]
    ) -> None:
        head, roles = match.head, self.lex.roles(match.entry, type_)
        if type_ == "PROTEST" and head.dep_ == "pobj" and head.head.lower_ == "in":
            roles = {**roles, "of": "target"}  # "in protest of police actions": protested
        if type_ == "ASSAULT" and head.dep_ == "pobj" and head.head.lower_ == "under":
            # "the police station came under attack from gunmen": the gunmen's, on the police
            roles = {**roles, "from": "source"}
            for attacked in (c for c in head.head.head.children if c.dep_ == "nsubj"):
                target += self.phrase(attacked)
        if head.lemma_.lower() in PROTESTERS and (itself := self.index.at(head.idx, _end(head))):
            source.append(itself)  # "police battle protesters": the protest is the protesters'
            return
        children = [c for t in match.tokens for c in t.children if c not in match.tokens]
        if head.dep_ == "compound" and head.head.pos_ == "NOUN":
            # "a mediation mission between Syria and the PLO": the roles hang off "mission";
            # so does the maker of a proposal or a package ("a U.S. ceasefire proposal")
            carrier = head.head.lemma_.lower() in CARRIERS
            children += [
                c
                for c in head.head.children
                if c.dep_ == "prep" or (carrier and c.dep_ in MODIFIERS and c.i < head.i)
            ]
        for child in children:
            # the parser may read a possessive as a subject: "al-Baghdadi's killing"
            possessive = child.dep_ == "poss" or any(g.tag_ == "POS" for g in child.children)
            if child.dep_ == "nsubj" and child.i < head.i and not possessive:
                # a noun with a subject is a verb misread: "Residents of X protest poor roads"
                source += self.phrase(child)
            elif possessive and child.i < head.i:
                role = roles.get("poss", "source")
                owners = self.phrase(child)
                if role == "source" and _killed_one(head, owners):
                    role = "target"  # "al-Rufay'i's killing": he was killed
                elif role == "target" and any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in head.children
                ):
                    role = "source"  # "Boko Haram's abduction of girls" was theirs
                (source if role == "source" else target).extend(owners)
            elif (
                child.dep_ in MODIFIERS and child.i < head.i and (pair := self._pair(child, type_))
            ):
                source += pair  # "Russia-Ukraine talks", "the U.S.-Taliban deal": both sides
            elif child.dep_ in MODIFIERS and child.i < head.i:
                modifier = self.index.at(child.left_edge.idx, _end(child.right_edge))
                if (
                    modifier is not None
                    and head.lemma_.lower() in PROTESTERS
                    and modifier.kind in ("military", "government", "state")
                ):
                    continue  # a headline's "GSU police battle protesters": not the crowd
                if modifier is not None:
                    # "anti-ISIS operations" are against ISIS.
                    (target if self._after_anti(modifier, child) else source).append(modifier)
            elif child.dep_ == "prep" and roles.get(child.lower_) in ("source", "target"):
                (source if roles[child.lower_] == "source" else target).extend(self._pobj(child))
                if child.lower_ == "of" and roles.get("by") == "source":
                    # the parser may hang the doer on the one the act was done to: "the
                    # detention of the opposition leader by Belarusian authorities"
                    source += [
                        actor
                        for pobj in child.children
                        if pobj.dep_ == "pobj"
                        for by in pobj.children
                        if by.dep_ == "prep" and by.lower_ == "by"
                        for actor in self._pobj(by)
                    ]
            elif child.dep_ == "acl" and self._crowd(child) is not None:
                target += self.phrase(child)  # "Gang attacks protesting students"
            elif child.dep_ in ("relcl", "acl") and not _set_in(child):
                for grandchild in child.children:
                    if grandchild.dep_ == "agent":
                        source += self._pobj(grandchild)
                    elif grandchild.dep_ in SUBJECTS and grandchild.lower_ not in RELATIVE_PRONOUNS:
                        source += self.phrase(grandchild)
        if not source:
            source += self._doer_nearby(head)
        first = head
        while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
            first = first.head  # "launched airstrikes and raids": both are launched
        first = _object_phrase(first)
        verb = first.head
        taken = first.dep_ == "dobj"
        if (
            first.dep_ == "nsubj"
            and verb.tag_ == "VBG"
            and verb.dep_ in ("ccomp", "xcomp")
            and verb.head.lemma_.lower() in self.lex.light_verbs
        ):
            # "China conducted the drills encircling Taiwan": the parser makes the drills the
            # subject of "encircling"; they are what was conducted
            verb, taken = verb.head, True
        if not source and (itself := self.index.at(head.idx, _end(head))) is not None:
            source.append(itself)  # "Protesters threw stones": the protest is theirs
        elif (
            first.dep_ == "pobj"
            and verb.lower_ == "in"
            and verb.head.lemma_.lower() in self.lex.stative_passives
        ):
            # "Serb forces were engaged in ethnic cleansing"
            doers = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            source += [a for c in doers for a in self.phrase(c)]
        elif (
            first.dep_ == "pobj"
            and not source
            and verb.lower_ == "with"
            and verb.head.lemma_.lower() in ANSWERING_VERBS
            and (subject := _subject(verb.head)) is not None
        ):
            # "Israel responded with airstrikes", "the army retaliated with shelling"
            source += self.phrase(subject)
        elif (
            first.dep_ == "pobj"
            and verb.lower_ == "under"
            and verb.head.lemma_.lower() in HOLDING_VERBS
            and type_ in ("COERCE", "SANCTION")
        ):
            # "police placed Bobi Wine under house arrest", "the town was put under curfew by
            # the army", "Suu Kyi remains under house arrest": who is held undergoes it
            holder = verb.head
            match.governor = holder
            for child in holder.children:
                if child.dep_ in ("dobj", "nsubjpass") or (
                    child.dep_ == "nsubj" and holder.lemma_.lower() in STAYING_VERBS
                ):
                    target += [a for a in self.phrase(child) if a not in source]
                elif child.dep_ == "nsubj" and not source:
                    source += self.phrase(child)
                elif child.dep_ == "agent" and not source:
                    source += self._pobj(child)
        elif (
            first.dep_ == "pobj"
            and not source
            # "said at a news conference", "said after talks with X": who spoke was there;
            # "retaliate for the killing": not the killers
            and (self._spoke_at(verb, type_) or (_in_act(verb, type_) and not _cause_told(first)))
        ):
            # "arrived on a visit", "came for talks", "have been on strike", "gathered in
            # protest": whoever came; "teachers on strike": the teachers; "said at a news
            # conference", "told reporters during a visit": the speaker.
            subject = _subject(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
            if subject is not None and head.lemma_.lower() in self.lex.undergone_nouns:
                target += self.phrase(subject)  # "Topuz is on trial": he is tried
            elif subject is not None and not _in_act(verb, type_):
                source += self.phrase(subject)[:1]  # the speaker, not his appositive's body
            elif subject is not None:
                source += self.phrase(subject)
            elif verb.lower_ == "on" and verb.head.pos_ in ("NOUN", "PROPN"):
                itself = self.index.at(verb.head.idx, _end(verb.head))
                source += [itself] if itself is not None else []
        elif (
            first.dep_ in ("nsubj", "nsubjpass")
            and verb.pos_ in ("VERB", "AUX")
            and not source
            and roles.get("between") == "source"
            and (sides := _between(verb.children))
        ):
            # "clashes erupted between X and Y", "fighting was reported between X and Y"
            # (only then: other subjects' verbs are read below)
            for child in sides:
                source += self._pobj(child)
        elif taken and (
            verb.lemma_.lower() in self.lex.undergoing_verbs
            or (type_ == "AID" and verb.lemma_.lower() in TAKING_VERBS)
        ):
            # "the army suffered an attack", "Iran faces sanctions from the EU": the subject
            # undergoes the act; "from" or "by" names who does it
            match.governor = verb
            match.subject = _subject(verb)
            if match.subject is not None:
                target += [a for a in self.phrase(match.subject) if a not in source]
            for child in verb.children:
                if not source and child.dep_ == "prep" and child.lower_ in ("from", "by"):
                    source += [a for a in self._pobj(child) if a not in target]
        elif taken and verb.lemma_.lower() in self.lex.light_verbs and not _names_as(verb):
            match.governor = verb
            match.subject = _subject(verb)
            if not source and match.subject is not None:
                source += self.phrase(match.subject)
            for child in verb.children:
                # "imposed sanctions on Iran", "sent aid to Ukraine", "gave Chad a grant"
                if child.dep_ == "dative" and not target:
                    # "gave Chad a grant"; "gave aid to Sudanese rebels" (a "to" the parser
                    # calls the dative)
                    target += self._pobj(child) if child.pos_ == "ADP" else self.phrase(child)
                via = roles.get(child.lower_) if child.dep_ == "prep" else None
                if via in ("source", "target") and not (target if via == "target" else source):
                    (source if via == "source" else target).extend(self._pobj(child))
        elif (
            first.dep_ == "nsubjpass"
            and (verb.lemma_.lower() in self.lex.light_verbs or verb.lemma_.lower() == "claim")
            and not source
            and (agents := [c for c in verb.children if c.dep_ == "agent"])
        ):
            # "the attack was carried out by al-Shabaab", "the drill was staged by marines";
            # "past attacks were claimed by Islamic State": who claims an act did it
            match.governor = verb
            for agent in agents:
                source += self._pobj(agent)
            for child in verb.children:
                # "sanctions were imposed by the EU on Russia"
                via = roles.get(child.lower_) if child.dep_ == "prep" else None
                if via == "target" and not target:
                    target.extend(self._pobj(child))
        elif first.dep_ == "dobj" and type_ == "ASSAULT" and verb.lemma_.lower() in REPELLING:
            # "the soldiers repelled an attack by JNIM": whoever repels an attack was attacked
            match.governor = verb
            subject = _subject(verb)
            if not target and subject is not None:
                target += [a for a in self.phrase(subject) if a not in source]
        elif first.dep_ == "dobj" and type_ == "CONSULT" and verb.lemma_.lower() in ADDRESSING:
            # "told a regional conference", "addressed the summit": the speaker attended it
            match.subject = _subject(verb)
            if not source and match.subject is not None:
                source += self.phrase(match.subject)[:1]
        elif first.dep_ == "attr" and verb.pos_ in ("VERB", "AUX"):
            # "we are not party to ...": the copula's subject.
            match.subject = _subject(verb)
            if not source and match.subject is not None:
                source += self.phrase(match.subject)
        elif not source and (doer := self._headline_doer(head)) is not None:
            source.append(doer)  # "Raiders attack village", "Residents of X protest over Y"
        elif first.dep_ in SUBJECTS and type_ == "ASSAULT" and verb.pos_ == "VERB" and not target:
            # "US airstrikes blocked the advance of an IS convoy": what the strikes hit.
            for child in verb.children:
                if child.dep_ == "dobj":
                    target += self.phrase(child)

    def _spoke_at(self, prep: Token, type_: str) -> bool:
        """Whether ``prep`` sets a meeting, visit or news conference as where its head, a
        verb of speaking, was said: the speaker held or attended it. Talks "with" someone that
        a clause is told after or during were its subject's, whatever it did then ("Following
        talks with Ramgoolam, Modi pledged aid")."""
        verb = prep.head.lemma_.lower()
        with_someone = prep.lower_ in ("during", "after", "following") and any(
            c.dep_ == "prep" and c.lower_ == "with" for p in prep.children for c in p.children
        )
        return (
            type_ == "CONSULT"
            and prep.lower_ in ("at", "during", "in", "after", "following")
            and (verb in self.lex.reporting_verbs or verb == "speak" or with_someone)
        )

    def _headline_doer(self, head: Token) -> Actor | None:
        """In a headline with no verb ("Raiders attack village", "Nurses at X hospital protest
        over pay") the parser reads the verb as a noun: a bare trigger that is also a verb
        trigger, after the sentence's first phrase naming an actor, is that actor's act."""
        sentence = head.sent
        if head.lemma_.lower() not in self.lex.verbs or any(
            c.dep_ in ("det", "poss", "amod", "nummod") for c in head.children
        ):
            return None
        before = self.doc[sentence.start : head.i]
        if not len(before) or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in before):
            return None
        first = before[0]
        actor = self.index.at(first.idx, _end(first))
        if actor is None or first.is_stop:
            return None
        return actor

    def _after_anti(self, actor: Actor, modifier: Token) -> bool:
        start, end = modifier.left_edge.idx, _end(modifier.right_edge)
        return any(
            text_of(self.doc)[max(0, m_start - 5) : m_start].lower().endswith(("anti-", "anti "))
            for m_start in self.index.starts_of(actor, start, end)
        )

    # Frames and speech

    def speaker(
        self, match: _Match, sentence: TokenSpan, quoted: list[tuple[int, int]]
    ) -> list[Actor]:
        """The speaker of the reporting verb of ``sentence``, outside the quoted words."""
        verbs = [
            t
            for t in sentence
            if t.lemma_.lower() in self.lex.reporting_verbs
            and t.pos_ == "VERB"
            and not _inside(t.idx, quoted)
        ]
        verbs.sort(key=lambda v: (not v.is_ancestor(match.head), abs(v.i - match.head.i)))
        for verb in verbs:
            for child in verb.children:
                if child.dep_ in SUBJECTS and not _inside(child.idx, quoted):
                    found = self.phrase(child)
                    if found:
                        return found[:1]
        return []

    def _quoted_in(self, sentence: TokenSpan) -> list[tuple[int, int]]:
        """Character ranges of ``sentence`` quoted: within its own marks, or in a quote the
        quotes stage found running over several sentences."""
        return _quoted(sentence) + [
            (max(start, sentence.start_char), min(end, sentence.end_char))
            for start, end, _ in self.quotes
            if start < sentence.end_char and end > sentence.start_char
        ]

    def quoted_by(self, token: Token) -> list[Actor]:
        """The speaker of the quote ``token`` is in, as the quotes stage found it."""
        for start, end, speaker in self.quotes:
            if start <= token.idx < end and speaker is not None:
                return [a for a in self.actors if a.id == speaker][:1]
        return []

    def organisation_of(self, speaker: Actor) -> Actor:
        """For "we" said by a spokesman: the organisation his appositive names, else him."""
        if speaker.kind not in ("person", "leader"):
            return speaker
        # Read once per speaker: a spokesman quoted all through a long report has many mentions.
        if speaker.id not in self._organisations:
            self._organisations[speaker.id] = self._organisation_of(speaker)
        return self._organisations[speaker.id]

    def _organisation_of(self, speaker: Actor) -> Actor:
        for mention in speaker.mentions:
            words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if words is None:
                continue
            for appos in (c for c in words.root.children if c.dep_ == "appos"):
                for prep in (c for c in appos.children if c.lower_ in ("for", "of")):
                    for actor in self._pobj(prep):
                        if actor.kind not in ("person", "leader"):
                            return actor
        return speaker

    def _negated(self, head: Token, tokens: list[Token]) -> bool:
        return _modality(head, self.lex.modality)[0]

    def sentence_events(
        self, sentence: TokenSpan, places: Intervals[tuple[int, int, str]], times: Intervals[Time]
    ) -> list[Event]:
        """The events one sentence reports."""
        matches = self.matches(sentence)
        if not matches:
            return []
        by_head = {m.head.i: m for m in matches}
        dropped: set[int] = set()
        for match in matches:
            head = match.head
            if (
                match.entry.pos == "verb"
                and head.lemma_.lower() in self.lex.light_verbs
                and not _names_as(head)
            ):
                objects = [c for c in head.children if c.dep_ == "dobj"]
                if any(o.i in by_head or any(c.i in by_head for c in o.conjuncts) for o in objects):
                    dropped.add(head.i)  # "signed a deal": the deal is the event
        merged: list[tuple[_Match, _Match]] = []
        for match in matches:
            head = match.head
            governor = by_head.get(head.head.i)
            if match.entry.pos != "noun" or governor in (None, match) or head.head.i in dropped:
                continue
            same = governor.entry.type == match.entry.type
            if head.dep_ == "compound" or (head.dep_ in ("appos", "dobj", "nsubj") and same):
                # "ceasefire agreement", "the agreement, the first deal", "a bomb hit ..."
                dropped.add(head.i)
                if same:
                    merged.append((match, governor))
        quoted = self._quoted_in(sentence)
        for match in matches:
            self.roles(match)
            self._governed(match)
            if match.demand or match.blame:
                said = self._demand_roles(match)
                # "officials must present evidence", told by the reporter: a rule or a need
                # that nobody is said to demand, so no demand; nor is one asked of no one by
                # no one ("results must be seen in context")
                if match.entry is DEMAND and (
                    not (said or _inside(match.head.idx, quoted))
                    or not (match.source or match.target)
                ):
                    dropped.add(match.head.i)
        governors = {m.governor.i for m in matches if m.changed and m.governor is not None}
        dropped |= {m.head.i for m in matches if m.head.i in governors and not m.changed}
        dropped |= self._purposes(matches)
        for noun, verb in merged:
            # "The strike, carried out by X, hit ...": what the noun knew goes to the verb.
            verb.mode = verb.mode or noun.entry.mode
            verb.source = verb.source or noun.source
            verb.target = verb.target or [a for a in noun.target if a not in verb.source]
        self._causes(matches)
        matches = [m for m in matches if m.head.i not in dropped]
        for match in matches:
            self._speech(match, sentence, quoted)
        absorbed = self._frames(matches)
        kept = [
            m
            for m in matches
            if m.head.i not in absorbed
            and not (m.entry.needs_target and not m.target)
            and not self._forecast(m, matches)
        ]
        clauses = {_clause(m.governor or m.head).i for m in kept}
        # where the words settle the type, the type model may not change it
        self.settled.update(
            min(t.idx for t in m.tokens) for m in kept if m.entry.settled and not m.changed
        )
        return [self._event(m, sentence, places, times, clauses) for m in kept]

    def _causes(self, matches: list[_Match]) -> None:
        """ "98 people were killed in police firing": the killing is the firing's doing, so it
        takes the firing's doer and mode (both stay events: the toll is the killing's)."""
        by_head = {m.head.i: m for m in matches}
        for match in matches:
            if match.entry.pos != "verb" or match.entry.type != "ASSAULT":
                continue
            for prep in match.head.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                    continue
                # the parser may hang "firing" off "police" ("in police firing")
                objects = list(prep.children)
                objects += [o for c in objects for o in c.children if o.dep_ == "acl"]
                for pobj in objects:
                    cause = by_head.get(pobj.i)
                    if cause is None or cause is match or cause.entry.type != "ASSAULT":
                        continue
                    match.source = match.source or cause.source
                    match.mode = (
                        match.mode or cause.mode or cause.entry.mode or self._instrument(cause)
                    )

    def _governed(self, match: _Match) -> None:
        """A noun trigger whose verb changes it: "suspended aid" (SANCTION), "lifted the
        curfew" (CONCEDE), "accepted the demands" (CONCEDE), "lodged a protest" (ACCUSE)."""
        type_ = match.entry.type
        if match.entry.pos != "noun" or type_ is None:
            return
        first = match.head
        while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
            first = first.head
        if self._governed_by_noun(match, first):
            return
        first = _object_phrase(first)
        if first.dep_ not in ("dobj", "nsubjpass"):
            return
        verb = first.head
        named = "".join(t.text_with_ws for t in match.tokens).strip().lower()
        for group in self.lex.governing:
            if type_ not in group.change:
                continue
            if group.objects and not ({named, match.head.lemma_.lower()} & group.objects):
                continue
            chain = next((c for words in group.verbs if (c := _chain(verb, words))), None)
            if chain is None:
                continue
            if type_ == "PROTEST" and self._ended_by_force(verb):
                return  # "police stopped the protest": a protest put down, as "dispersed"
            match.changed = group.change[type_]
            match.governor = verb
            # "Israel must end attacks": the change is demanded, not made
            match.demand = match.demand or any(
                c.dep_ == "aux" and c.lower_ in self.lex.demand_modals for c in verb.children
            )
            match.tokens = sorted({t.i: t for t in [*match.tokens, *chain]}.values(), key=_i)
            # The verb's subject does it; whoever the noun named is on the other side
            # ("accepted the rebels' demands").
            subject = _subject(verb)
            source = self.phrase(subject) if subject is not None else []
            others = [*match.target, *(match.source if source else [])]
            if not others:
                preps = [
                    c
                    for c in [*verb.children, *match.head.children]
                    if c.dep_ == "prep" and c.lower_ in self.lex.verb_target_preps
                ]
                others = [a for p in preps for a in self._pobj(p)]
            if source:
                match.subject, match.source = subject, source
            match.target = [a for a in _unique(others) if a not in match.source]
            return

    def _ended_by_force(self, verb: Token) -> bool:
        """Whether the police or the army are who end a protest: they stop it, the
        protesters give nothing up."""
        subject = _subject(verb)
        actors = self.phrase(subject) if subject is not None else []
        return any(a.sector in FORCE_SECTORS for a in actors)

    def _governed_by_noun(self, match: _Match, first: Token) -> bool:
        """A noun trigger inside the noun of a governing act: "announced a suspension of aid"
        (SANCTION), "the lifting of the curfew" (CONCEDE), "a freeze on aid"."""
        prep = first.head
        if first.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("of", "on", "to"):
            return False
        noun = prep.head
        if noun.pos_ != "NOUN":
            return False
        type_ = match.entry.type or ""
        for group in self.lex.governing:
            if type_ in group.change and noun.lemma_.lower() in group.nouns:
                match.changed = group.change[type_]
                match.governor = noun
                match.tokens = sorted({t.i: t for t in [*match.tokens, noun]}.values(), key=_i)
                if not match.target:
                    preps = [
                        c
                        for c in noun.children
                        if c.dep_ == "prep" and c.lower_ in self.lex.verb_target_preps
                    ]
                    match.target = [
                        a for p in preps for a in self._pobj(p) if a not in match.source
                    ]
                return True
        return False

    def _demand_roles(self, match: _Match) -> bool:
        """ "Russia said Sudan must return the helicopter": Russia demands it of Sudan; "Kabul
        said the Taliban were behind it": Kabul accuses the Taliban. Whether a verb of saying
        or a quote's speaker says who demands or accuses."""
        # of a noun, its verb's ("Israel must end attacks")
        verb = match.governor if match.entry.pos == "noun" and match.governor else match.head
        subject = _subject(verb)
        demanded = self.phrase(subject) if subject is not None else []
        speaker: list[Actor] = []
        said = False
        for _ in range(3):
            if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or verb.head.i == verb.i:
                break
            clause, verb = verb, verb.head
            said_by = _subject(verb)
            if verb.lemma_.lower() in self.lex.reporting_verbs:
                speaker = self.phrase(said_by) if said_by is not None else []
                said = True
                break
            if clause.dep_ == "ccomp" and said_by is not None and self.phrase(said_by):
                said = True  # "Rwandan rebels believe Kagame must ...": whoever holds it
        if not speaker and (according := _according_to(match.head)) is not None:
            speaker = self._pobj(according)  # "..., according to Human Rights Watch"
        if not speaker:
            # "'The administration must stop ...'": the quote's speaker demands it
            speaker = self.quoted_by(match.head)
        match.source = speaker
        match.target = [a for a in demanded or match.target if a not in speaker]
        # "Sudan must return it, Russia said" read with "said" beside the clause, not above
        # it; "..., according to the ministry"
        return (
            said
            or bool(speaker)
            or any(
                (t.dep_ in ("ROOT", "parataxis") and t.lemma_.lower() in self.lex.reporting_verbs)
                or (t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor().lower_ == "to")
                or t.text in (":", "--")
                for t in match.head.sent
            )
        )

    def _purposes(self, matches: list[_Match]) -> set[int]:
        """Heads of acts that are another's purpose: a demand a protest or a raid makes
        ("marched to demand reforms": the protest is the event); a call made to say
        something, and people sent to investigate (the saying, the inquiry is the event)."""
        protest = {m.head.i for m in matches if m.entry.type == "PROTEST"}
        protest |= {m.governor.i for m in matches if m.entry.type == "PROTEST" and m.governor}
        dropped = {
            m.head.i
            for m in matches
            if m.entry.type == "REQUEST"
            and m.head.dep_ in ("advcl", "xcomp", "acl", "conj")
            and m.head.head.i in protest
        }
        # "raided the mine, demanding food from the miners": what the raid was for
        force = {m.head.i for m in matches if m.entry.type in ("ASSAULT", "COERCE")}
        dropped |= {
            m.head.i
            for m in matches
            if m.entry.type == "REQUEST"
            and m.head.dep_ == "advcl"
            and m.head.tag_ == "VBG"
            and m.head.head.i in force
        }
        # A call made to say something is the saying: "called Erdogan to apologize" is an
        # apology (CAMEO codes what was said, not the line it went down), made to whom was called.
        calls = {
            m.head.i: m
            for m in matches
            if m.entry.type == "CONSULT"
            and m.entry.pos == "verb"
            and m.head.lemma_.lower() in CALLING_VERBS
        }
        for m in matches:
            if m.head.dep_ not in ("advcl", "xcomp") or m.head.pos_ != "VERB":
                continue
            call = calls.get(m.head.head.i)
            if call is not None and m.entry.type in self.lex.speech_types:
                m.source = m.source or call.source
                m.target = m.target or [a for a in call.target if a not in m.source]
                m.governor = call.head  # said on the call: its tense and negation hold
                dropped.add(call.head.i)
            elif m.entry.mode == "investigate" and m.head.head.lemma_.lower() in SENDING_VERBS:
                # "sent experts to Saudi Arabia to investigate the attacks": an inquiry
                sender = m.head.head
                subject = _subject(sender)
                if not m.source and subject is not None:
                    m.source = self.phrase(subject)
                m.governor = sender
                for prep in sender.children:
                    if not m.target and prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
                        m.target = self._pobj(prep)  # where they were sent
                dropped.add(sender.i)  # the sending, where a trigger made it an event
        return dropped

    def _speech(self, match: _Match, sentence: TokenSpan, quoted: list[tuple[int, int]]) -> None:
        """Inside a quote, "we" and a speech act's missing subject are the speaker."""
        if not _inside(match.head.idx, quoted):
            return
        subject = match.subject
        first_person = subject is not None and _first_person(subject)
        type_ = match.entry.type or match.entry.negated_type
        # a subject left out is the speaker's only in the sentence with the marks
        marked = _inside(match.head.idx, _quoted(sentence))
        missing = marked and not match.source and subject is None and type_ in self.lex.speech_types
        if not (first_person or missing):
            return
        speaker = self.speaker(match, sentence, quoted)
        if not speaker and first_person and (match.target or type_ in FORCE_TYPES):
            # "We will round up the cartels", in a quote whose speaker an earlier sentence
            # names; without a party or force, "we need to talk" is talk, not an act
            speaker = self.quoted_by(match.head)
        if speaker:
            match.source = [self.organisation_of(speaker[0]) if first_person else speaker[0]]
            match.target = [a for a in match.target if a not in match.source]
            match.speaker_source = True

    def _frames(self, matches: list[_Match]) -> set[int]:
        """Heads of triggers a frame absorbs; frames borrow the roles of the act they report."""
        absorbed: set[int] = set()
        for frame in matches:
            if frame.entry.frame is None:
                continue
            inside = _complement(frame)
            if _charge_answered(frame.head):
                # "accused Rwanda of backing M23, a charge Kigali denies": the parser makes
                # the accusation what is denied; it stands, and the denial answers it
                inside = {i for i in inside if i > frame.head.i}
            embedded = [m for m in matches if m is not frame and m.head.i in inside]
            if not embedded:
                if frame.entry.takes == "source" and not frame.target:
                    frame.target = [a for a in self._told_of(frame) if a not in frame.source]
                continue
            nearest = min(embedded, key=lambda m: _distance(m.head, frame.head))
            frame.embedded = nearest.entry.type
            if not frame.target:
                borrowed = nearest.source if frame.entry.takes == "source" else nearest.target
                frame.target = [a for a in borrowed if a not in frame.source]
            if frame.entry.frame == "absorb":
                absorbed.update(m.head.i for m in embedded)
        return absorbed

    def _told_of(self, frame: _Match) -> list[Actor]:
        """Whom a frame's clause tells of where it reports no act the rules know: "alleged
        the journalist had posted false messages" is an allegation against the journalist."""
        return [
            actor
            for clause in frame.head.children
            if clause.dep_ == "ccomp"
            for subject in clause.children
            if subject.dep_ in ("nsubj", "nsubjpass")
            for actor in self.phrase(subject)
        ]

    def with_model(
        self,
        model: TypeModel,
        sentence: TokenSpan,
        found: list[Event],
        places: Intervals[tuple[int, int, str]],
        times: Intervals[Time],
    ) -> list[Event]:
        """One sentence's events with the type model's word on them: a type the rules confuse
        settled where the model is sure, or, where no trigger fired, an event at the main verb
        when the model is sure the sentence reports one (with a low confidence)."""
        if not found:
            guess = new_event(model, sentence)
            verb = main_verb(sentence)
            if guess is None or verb.lemma_.lower() in NO_ACT_VERBS or self._declined(verb):
                return []
            event = self._model_event(verb, *guess, sentence, places, times)
            # An act the sentence says did not or may not happen, guessed by the model, is
            # more often its reading of "not" or "would" than a refusal or a threat: "the news
            # did not surprise him", "Erdogan will not say this officially".
            if event is None or event.negated or event.hypothetical:
                return []
            return [event.model_copy(update={"confidence": NEW_EVENT_CONFIDENCE})]
        revised = []
        for event in found:
            trigger = self.doc.char_span(
                event.trigger.start, event.trigger.end, alignment_mode="expand"
            )
            change = None
            settled = event.trigger.start in self.settled
            if trigger is not None and not event.negated and not settled:
                change = retype(model, sentence, trigger.root, event.type)
            if change is not None and change[0] == "AGREE" and not event.future:
                change = None  # an act done is no promise (PLOVER AGREE is to act later)
            if change is not None:
                type_, mode = change
                cameo = self.lex.codebook.cameo_root(type_, mode) if self.lex.codebook else None
                event = event.model_copy(update={"type": type_, "mode": mode, "cameo_root": cameo})
            revised.append(event)
        triggered: set[int] = set()
        for event in found:
            span = self.doc.char_span(
                event.trigger.start, event.trigger.end, alignment_mode="expand"
            )
            triggered.update(range(span.start, span.end) if span is not None else ())
        main = main_verb_event(model, sentence, triggered)
        if main is not None and not self._declined(main[0]):
            event = self._model_event(*main, sentence, places, times)
            # whose act it is ("we cannot feed" is no one's), and one that happened
            if event is not None and event.source and not event.negated:
                revised.append(event)
        return revised

    def _declined(self, verb: Token) -> bool:
        """Whether the rules know ``verb`` as a trigger word and found it none here because
        what it is done to, or who does it, rules it out ("delivered a speech", "provide
        impetus", "thousands of residents fled"): the model's guess at the same word should
        not undo that."""
        doers = _with_counted(_doers(verb))
        return any(
            self._object_rules_out(e, verb) or _any_named(e.not_subjects, doers)
            for e in self.lex.verbs.get(verb.lemma_.lower(), ())
            if len(e.words) == 1
        )

    def _model_event(
        self,
        head: Token,
        type_: str,
        mode: str | None,
        sentence: TokenSpan,
        places: Intervals[tuple[int, int, str]],
        times: Intervals[Time],
    ) -> Event | None:
        """The event the type model reads at ``head``, with the roles the parse gives it;
        None without an actor to do it or suffer it (not an event we can record)."""
        if head.i in self.no_event or _asks_a_question(head) or _asks_anonymity(head):
            return None  # "asked why the army had not acted" puts a question, as the rules read
        if _subheading(sentence):
            return None  # "Countering China" over a story's part names its topic
        entry = Entry(words=(head.lemma_.lower(),), pos="verb", type=type_, mode=mode)
        if type_ in UNLIVING_RULED and self._done_by_or_to_no_party(entry, head):
            return None  # "captured the league title", as the rules read
        match = _Match(entry, [head], head)
        self.roles(match)
        if match.target:  # "We will pursue them", in a quote: the speaker's, as for a trigger
            self._speech(match, sentence, self._quoted_in(sentence))
        if not (match.source or match.target):
            return None
        return self._event(match, sentence, places, times)

    # The record

    def _event(
        self,
        match: _Match,
        sentence: TokenSpan,
        places: Intervals[tuple[int, int, str]],
        times: Intervals[Time],
        clauses: set[int] | None = None,
    ) -> Event:
        entry, head = match.entry, match.head
        negated, future, hypothetical, intent = _modality(head, self.lex.modality, match.governor)
        type_, mode = match.changed or (entry.type, entry.mode or match.mode)
        if match.changed and type_ == "REQUEST" and match.governor is not None:
            # "sought aid from the UN": the seeking is the act, as real as its own verb
            negated, future, hypothetical, intent = _modality(
                match.governor, self.lex.modality, None
            )
        if match.demand:
            type_, mode, future, hypothetical = "REQUEST", None, False, False
        elif negated and entry.negated_type and not match.changed:
            # "will not rule out strikes": the negation belongs to the idiom.
            type_, negated = entry.negated_type, False
            mode = None
            hypothetical = hypothetical or entry.negated_hypothetical
        else:
            hypothetical = hypothetical or entry.hypothetical
        if type_ == "PROTEST" and hypothetical and _gathered_to(head):
            # "Many gather to protest", "took to the streets to protest the fee": those who
            # gathered or marched to protest were protesting, as sure as their gathering
            gathered = _modality(head.head, self.lex.modality)
            negated, future, hypothetical, intent = negated or gathered[0], *gathered[1:]
        forbidding = self.lex.modality.get("forbidding_verbs", frozenset())
        if (
            head.pos_ != "VERB"
            and head.dep_ == "dobj"
            and head.head.lemma_.lower() in forbidding
            and all(t.i != head.head.i for t in match.tokens)
        ):
            hypothetical = True  # "banning protests": named by the ban, not held
        if not match.demand and type_ in self.lex.cooperative_types:
            # PLOVER: refusing to cooperate is REJECT; saying one will, AGREE ("no evidence has
            # been released" is no one's refusal: only denied)
            if negated and not any(_nobody(c) for c in head.children):
                type_, mode, negated = "REJECT", None, False
                if intent:  # "will not negotiate": the refusal is made now
                    future = hypothetical = False
            elif intent:
                type_, mode, future, hypothetical = "AGREE", None, False, False
        elif (
            not negated
            and hypothetical
            and type_ in self.lex.hostile_types
            and match.source
            and _conditioned(match.governor or head)
            and _said(match.governor or head)
        ):
            # "may halt mediation if cooperation founders, the minister said": harm promised
            # on a condition is a threat, made when said
            match.embedded, type_, mode = type_, "THREATEN", None
            future = hypothetical = False
        elif not negated and intent and type_ in self.lex.hostile_types:
            # "would blockade Paris", "will extend the curfew": a threat, made when said; a plan
            # nobody announced ("militants planning to carry out attacks") is only possible.
            said = _said(match.governor or head)
            match.embedded, type_, mode = type_, "THREATEN", None
            future, hypothetical = not said and future, not said
            if said and not match.source and _agentless_passive(head):
                # "The Houthis said ships linked to Israel would be targeted": who says so
                # threatens it
                verb = _saying_verb(match.governor or head)
                sayer = _subject(verb) if verb is not None else None
                if sayer is not None:
                    match.source = [a for a in self.phrase(sayer) if a not in match.target]
        words = set(self.words.lemma[sentence.start : sentence.end])
        trigger = head.lemma_.lower()
        rules = self.lex.by_actor
        if match.sides:
            # a clash between two crowds is no one crowd's riot; one between two leaders is
            # still in words (the rules for one trigger word)
            rules = [r for r in rules if r.triggers]
        for rule in rules:
            # the words naming the doers, read only for a rule that asks
            doers = self._doer_words(match, sentence) if rule.not_doers else frozenset()
            if type_ and rule.applies(type_, match.source, words, doers, trigger, match.target):
                type_, mode = rule.becomes
                break
        crowd = (
            head.lemma_.lower() in PROTESTERS
            or bool(entry.governors)
            # "fired teargas to break up an anti-government demonstration": it was under way
            or (head.dep_ == "dobj" and head.head.lemma_.lower() in DISPERSING_VERBS)
        )
        if type_ == "PROTEST" and crowd and not negated:
            # "fired shots to disperse protesters": whatever is done to them, they protested
            future = hypothetical = False
        if type_ == "THREATEN" and mode is None and match.embedded == "ASSAULT":
            mode = "violence"  # a threat of force (CAMEO 138)
        if type_ == "ASSAULT" and mode is None:
            mode = self._instrument(match)
        first, last = min(match.tokens, key=lambda t: t.i), max(match.tokens, key=lambda t: t.i)
        when = _when(match, sentence, times, clauses or set())
        confidence = (
            0.35
            + 0.25 * bool(match.source)
            + 0.2 * bool(match.target or match.moved)
            + 0.1 * (entry.pos == "verb")
            + 0.05 * (when is not None)
            - 0.1 * match.speaker_source
            - 0.1 * (type_ == "THREATEN" and _aside(match.governor or head))
            - SETTING_PENALTY * _background(match.governor or head)
        )
        return Event(
            id="",
            type=type_ or "",
            mode=mode,
            cameo_root=self.lex.codebook.cameo_root(type_, mode)
            if self.lex.codebook and type_
            else None,
            source=[a.id for a in match.source],
            target=[a.id for a in match.target],
            place=self._place(match, sentence, places),
            when=when,
            trigger=_span(self.doc, first.idx, _end(last)),
            sentence=_span(self.doc, sentence.start_char, sentence.end_char),
            negated=negated,
            hypothetical=hypothetical,
            future=future,
            confidence=round(max(0.05, min(0.95, confidence)), 2),
        )

    def _instrument(self, match: _Match) -> str | None:
        """The mode of an ASSAULT from the weapon its clause names ("warplanes pounded")."""
        head = match.governor or match.head
        clause = head if head.pos_ == "VERB" else head.head
        sentence = head.sent
        # "Somali forces backed by US airstrikes attacked": the backers' weapons are theirs
        backing = {
            t.i
            for c in clause.subtree
            if c.dep_ == "acl" and self.words.lemma[c.i] in BACKING_VERBS
            for t in c.subtree
        }
        words = [
            t for t in clause.subtree if sentence.start <= t.i < sentence.end and t.i not in backing
        ]
        lemmas = [self.words.lemma[t.i] for t in words]
        # Every run of words of a weapon phrase's length, to look each phrase up in.
        lengths = {len(phrase) for phrase, _ in self.lex.instruments}
        runs = {tuple(lemmas[i : i + n]) for n in lengths for i in range(len(lemmas) - n + 1)}
        for phrase, mode in self.lex.instruments:
            if phrase in runs:
                return mode
        return None

    def _doer_words(self, match: _Match, sentence: TokenSpan) -> set[str]:
        """The lemmas of the words that name the event's sources in its sentence."""
        found = set()
        for actor in match.source:
            for m in actor.mentions:
                if sentence.start_char <= m.start < sentence.end_char:
                    words = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                    if words is not None:
                        found.add(words.root.lemma_.lower())
        return found

    def _place(
        self, match: _Match, sentence: TokenSpan, places: Intervals[tuple[int, int, str]]
    ) -> str | None:
        """The nearest resolved place joined by in/at/near... to the trigger or its object."""
        head = match.head
        anchors = {head.i}
        # what is said of or talked about is a topic, not where the words were said: "condemned
        # the attack in Kabul", "discussed the war in Gaza"
        if not (match.entry.type in self.lex.speech_types or head.lemma_.lower() in TOPIC_VERBS):
            anchors |= {c.i for c in head.children if c.dep_ in ("dobj", "nsubjpass")}
        # a part of a town in the trigger's own words: "took to the streets in Kisumu"
        anchors |= {t.i for t in match.tokens if t.lemma_.lower() in PLACE_PARTS}
        if match.governor is not None:
            anchors.add(match.governor.i)
        elif head.pos_ != "VERB" and head.head.pos_ == "VERB":
            anchors.add(head.head.i)
        # A town attacked or raided is where it happened: "gunmen attacked Mandera".
        # A town visited is where the visit was: "visited Kyiv", "toured Goma".
        struck = (
            {c.i for c in head.children if c.dep_ == "dobj"}
            if head.pos_ == "VERB"
            and (match.entry.type in STRUCK_TYPES or head.lemma_.lower() in VISITING_VERBS)
            else set()
        )
        # "shelled the city of Kherson", "captured the town of Goma", "took control of Wad
        # Madani"
        struck |= {
            p.i
            for i in list(struck)
            if self.doc[i].lemma_.lower() in NAMED_BY_OF
            for of in self.doc[i].children
            if of.dep_ == "prep" and of.lower_ == "of"
            for p in of.children
            if p.dep_ == "pobj"
        }
        if any(self.doc[i].lemma_.lower() == "control" for i in struck):
            # the parser often hangs the "of" on the verb: "took control | of Wad Madani"
            struck |= {
                p.i
                for of in head.children
                if of.dep_ == "prep" and of.lower_ == "of"
                for p in of.children
                if p.dep_ == "pobj"
            }
        # "shelled the outskirts of Kharkiv", "residential areas of Kharkiv", "Kharkiv's
        # residential areas": the town whose part was hit
        # "took to the streets of Kisumu": a part of a town in the trigger's own words
        parts = [i for i in struck if self.doc[i].lemma_.lower() in PLACE_PARTS | STRUCK_SITES]
        parts += [t.i for t in match.tokens if t.i != head.i and t.lemma_.lower() in PLACE_PARTS]
        struck |= {
            p.i
            for i in parts
            for c in self.doc[i].children
            for p in ([c] if c.dep_ == "poss" else c.children if c.lower_ == "of" else [])
            if p.dep_ in ("poss", "pobj")
        }
        # "shelled Kandahar province", "raided Mandera town": the name before the kind of
        # place; before a division, where it was found to name one (not a town elsewhere)
        named = {
            c.i: self.doc[i].lemma_.lower() in DIVISION_NOUNS - KIND_WORDS
            for i in list(struck)
            if self.doc[i].lemma_.lower() in DIVISION_NOUNS | KIND_WORDS
            # "the Red Sea port city of Jeddah": the "of" names a town, the compound its kind
            and not (named_by_of(self.doc[i]) and self.doc[i].lemma_.lower() not in DIVISION_NOUNS)
            for c in self.doc[i].children
            if c.dep_ == "compound" and c.pos_ == "PROPN"
        }
        # The trigger's own preposition ("called on", "cracked down on") takes its object.
        particles = {t.i for t in match.tokens if t.pos_ == "ADP" and t.i != head.i}
        # The nearest; on a tie the first place in the list, and its first mention.
        best: _PlaceKey | None = None
        # "fired missiles from the Black Sea at Odesa": where they struck, a town named so,
        # before whence they were fired ("fired rockets from Gaza at Israel": Gaza)
        launched: list[_PlaceKey] = []
        # "robbed a bus on the Nakuru-Nairobi highway": Nakuru, where the sentence names no
        # other place ("blocked the Nairobi-Mombasa highway and lit fires in Voi": not Nairobi)
        routes: list[_PlaceKey] = []
        attached: list[_PlaceKey] = []  # the places tied to the act itself
        text = text_of(self.doc)
        other_place = False  # a place named in the sentence that begins no such road
        best_start = -1
        for start, end, (rank, k, place) in places.starting(sentence.start_char, sentence.end_char):
            other_place = other_place or not route_start(text, end)
            words = self.doc.char_span(start, end, alignment_mode="expand")
            if words is None:
                continue
            home = None
            if not (
                words.root.i in struck
                or (words.root.i in named and not (named[words.root.i] and place in self.towns))
                or self._attached(words.root, anchors, head)
            ):
                home = _home(words.root, anchors)
                if home is None:
                    continue
            if (
                words.root.dep_ in MODIFIERS
                and self.index.at(start, end) is not None
                and not _part_of_place(words.root)
            ):
                continue  # "US airstrikes", "Syrian shelling": who struck, not where
            if words.root.dep_ == "pobj" and words.root.head.i in particles:
                continue  # "called on China": whom the act is aimed at, not where
            if self._outside_its_container(words.root, place, places, sentence):
                continue  # "the Kamukunji area of Nakuru" is not Nairobi's Kamukunji
            # the part named beside its owner is nearer the act: "in Kisumu's Nyalenda area"
            # ("in Sagaing region's Kanbalu township": the region's name is the owner's too)
            root = words.root
            owner = root.dep_ == "poss" or (
                root.dep_ == "compound"
                and root.head.dep_ == "poss"
                and root.head.lemma_.lower() in DIVISION_NOUNS | KIND_WORDS
            )
            # where the people live only where nothing else says, the first place named
            near = abs(start - (head.idx if home is None else home.idx))
            key = (home is not None, owner, near, rank, k, place)
            if route_start(text, end):
                routes.append(key)  # the town a road between two is named from
            elif _fired_from(words.root):
                launched.append(key)
            else:
                if home is None:
                    attached.append(key)
                if best is None or key < best:
                    best, best_start = key, start
        if launched and (best is None or best_start in self.country_starts):
            best = min([*launched, *([best] if best else [])])
        if best is None and routes and not other_place:
            best = min(routes)
        if best is not None:
            best = self._town_in(best, attached)
        if best is not None and best_start >= 0:
            # "took control of Bakhmut (Donetsk)": the parser may make the bracket the object;
            # the name it qualifies is the place
            best = self._named_before_bracket(best, best_start, places, sentence)
        return best[5] if best else None

    def _named_before_bracket(
        self,
        best: _PlaceKey,
        start: int,
        places: Intervals[tuple[int, int, str]],
        sentence: TokenSpan,
    ) -> _PlaceKey:
        """The place named just before the bracket that opens with ``best``'s name, if any."""
        text = text_of(self.doc)
        for _, end, (rank, k, place) in places.starting(sentence.start_char, start):
            if BRACKET_OPENS.fullmatch(text[end:start]) and place != best[5]:
                return (*best[:3], rank, k, place)
        return best

    def _town_in(self, best: _PlaceKey, attached: list[_PlaceKey]) -> _PlaceKey:
        """A town the act is also tied to inside the province or district chosen: "in Anbar
        province, near Ramadi" is at Ramadi."""
        division = self.where.get(best[5])
        if division is None or division.precision not in ("admin1", "admin2"):
            return best
        towns = [
            key
            for key in attached
            if (town := self.where.get(key[5])) is not None
            and town.precision == "point"
            and town.country == division.country
            and (division.precision != "admin1" or town.admin1 == division.admin1)
        ]
        return min(towns, default=best)

    def _outside_its_container(
        self,
        name: Token,
        place: str,
        places: Intervals[tuple[int, int, str]],
        sentence: TokenSpan,
    ) -> bool:
        """Whether a name before a division noun ("the Khan Yunis area of southern Gaza") was
        resolved away from what its "of" says it lies in: out of that country, or over
        CONTAINED_KM from that place, the gazetteer's namesake and not the place meant."""
        noun = name.head
        if name.dep_ != "compound" or noun.lemma_.lower() not in DIVISION_NOUNS:
            return False
        inside = {
            t.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree
        }
        here = self.where.get(place)
        for start, end, (_, _, other) in places.starting(sentence.start_char, sentence.end_char):
            words = self.doc.char_span(start, end, alignment_mode="expand")
            there = self.where.get(other)
            if words is None or words.root.i not in inside or here is None or there is None:
                continue
            if there.precision == "country":
                return here.country != there.country
            if there.precision == "admin1" and here.admin1 and there.admin1:
                # a province is larger than any radius: "Bijapur district of Chhattisgarh"
                return (here.country, here.admin1) != (there.country, there.admin1)
            if None in (here.lat, here.lon, there.lat, there.lon):
                return False
            return km((here.lat, here.lon), (there.lat, there.lon)) > CONTAINED_KM  # type: ignore[arg-type]
        return False

    def _attached(self, token: Token, anchors: set[int], head: Token) -> bool:
        if token.dep_ in ("compound", "amod", "nmod") and token.head.i == head.i:
            return True  # "the Aleppo bombing"
        placed = False  # reached through a preposition of place
        for _ in range(5):
            parent = token.head
            if parent is token:
                return False
            if placed and token.dep_ == "advcl" and parent.i in anchors and _when_clause(token):
                return True  # "were killed when their vehicle hit a landmine near Kidal"
            if token.dep_ in ("compound", "amod", "nmod") and parent.lemma_.lower() in NAMED_FOR:
                return False  # "withdrew from the Paris agreement": named where it was made
            if (
                token.dep_ == "compound"
                and named_by_of(parent)
                and parent.lemma_.lower() not in DIVISION_NOUNS
            ):
                # "in the Red Sea port city of Jeddah": Jeddah is where; but a division's
                # "of" says what it lies in: "the Lower Shabelle region of Somalia", "the
                # Khan Yunis area of southern Gaza" are in Lower Shabelle and Khan Yunis
                return False
            if (
                token.dep_ == "pobj"
                and parent.lower_ == "of"
                and parent.head.lower_ in DIRECTIONS
                and parent.head.head.i in anchors
            ):
                return True  # "ambushed a patrol 20 km east of Mandera": near Mandera
            driver = driven_from(parent) if token.dep_ == "pobj" else None
            if driver is not None and driver.i == head.i:
                return True  # "pushed rebels out of Dori", "expelled militants from Kidal"
            if token.dep_ == "pobj" and parent.lower_ == "from" and parent.head.pos_ == "NOUN":
                # "attacks on workers from Punjab", "hosts refugees from Somalia": where the
                # workers or the refugees come from
                return False
            if (
                token.dep_ == "pobj"
                and parent.lower_ == "from"
                and parent.head.lemma_.lower() in RECEIVING_VERBS | CARRYING_VERBS
            ):
                # "received aid from Japan", "planes carrying relief from the UAE": who gave
                # it, or whence it came, not where
                return False
            if (
                token.dep_ == "pobj"
                and parent.lower_ in self.lex.place_preps
                and parent.head.i in anchors
            ):
                return True
            if (
                token.dep_ == "pobj"
                and parent.lower_ == "to"
                and parent.head.i == head.i
                and head.lemma_.lower() in JOURNEYS
            ):
                return True  # "during a visit to Quetta": where the visit was
            if (
                token.dep_ == "pobj"
                and parent.lower_ in ("to", "into")
                and head.lemma_.lower() in DEPLOYING
                and (parent.head.i == head.i or parent.head.head.i == head.i)
            ):
                return True  # "deployed troops to the Kurram district": where they went
            if parent.dep_ in ("prep", "agent") and parent.lower_ not in self.lex.place_preps | {
                "of"
            }:
                # "fighting between Somali forces", "a deal mediated by China": the parties
                # of an act are not its place
                return False
            # the place of the clause's own act, not of a party in it ("as officials in Kabul")
            placed = placed or (
                token.dep_ == "pobj"
                and parent.lower_ in self.lex.place_preps
                and parent.head.pos_ in ("VERB", "AUX")
            )
            token = parent
        return False


# Nouns for what is said against someone: "a charge Kigali denies".
CHARGE_NOUNS = frozenset({"charge", "accusation", "claim", "allegation", "assertion"})


def _charge_answered(verb: Token) -> bool:
    """Whether the verb's subject is named as answering a charge told before it ("..., a charge
    Kigali denies", "an accusation Moscow rejects")."""
    return any(
        c.dep_ == "nsubj" and any(g.lemma_.lower() in CHARGE_NOUNS for g in c.lefts)
        for c in verb.children
    )


# Parts of a town or a country a possessive name says whose they are: "in Nairobi's central
# business district", "on Gaza's southern edge".
PLACE_PARTS = frozenset(
    {"district", "area", "suburb", "outskirts", "outskirt", "centre", "center", "edge"}
    | {
        "neighbourhood",
        "neighborhood",
        "quarter",
        "border",
        "north",
        "south",
        "east",
        "west",
        "coast",
        "port",
    }
    | {"capital", "province", "region", "city", "street", "heart", "downtown", "part"}
)


# What an attack hits in a place, named with the place's possessive: "struck Iran's nuclear
# sites", "hit Russia's oil refineries" happened in Iran, in Russia.
STRUCK_SITES = frozenset(
    {"site", "facility", "plant", "installation", "infrastructure", "refinery", "airport"}
    | {"airbase", "depot", "port", "grid", "pipeline", "embassy", "consulate", "city", "town"}
)


def _part_of_place(name: Token) -> bool:
    """Whether a possessive place name says whose part the place is ("Nairobi's central
    business district"), not who acted ("Moscow's decision")."""
    part = name.head
    if name.dep_ != "poss":
        return False
    # sites an attack hits, however many: "struck Iran's nuclear sites"
    if part.lemma_.lower() in STRUCK_SITES and part.dep_ == "dobj":
        return True
    # one part, not "many of Sudan's cities"
    return part.tag_ == "NN" and part.lemma_.lower() in PLACE_PARTS


# Nouns for the people who live somewhere: where those doing or suffering an act live is
# where it was, when nothing else says ("Residents of Nyalenda lynched a man").
DWELLERS = frozenset(
    {"resident", "villager", "inhabitant", "local", "townspeople", "townsfolk", "dweller"}
    | {"people", "youth", "community"}
)


def _home(name: Token, anchors: set[int]) -> Token | None:
    """The noun for people living at the place ``name`` that does or suffers the act: "Residents
    of Ma'an protested", "attacked villagers in Kolofata", "residents of Matuu town, Machakos
    county" (the town and its county both)."""
    token = name
    for _ in range(4):
        parent = token.head
        if parent is token:
            return None
        if (
            token.dep_ == "pobj"
            and parent.lower_ in ("of", "in", "from")
            and parent.head.lemma_.lower() in DWELLERS
            and parent.head.dep_ in ("nsubj", "nsubjpass", "dobj")
            and parent.head.head.i in anchors
        ):
            return parent.head
        if token.dep_ not in ("pobj", "appos", "conj", "compound", "prep"):
            return None
        token = parent
    return None


# A place's rank as the act's place: (named only as where people live, named as an owner,
# characters from the trigger, its rank and order in the list, its id); the least wins.
_PlaceKey = tuple[bool, bool, int, int, int, str]
# What an act is done to whose "of" names the place: "the town of Goma", "control of Wad Madani".
NAMED_BY_OF = KIND_WORDS | {"control"}
# What lies between a name and the bracket that qualifies it: "Bakhmut (Donetsk)".
BRACKET_OPENS = re.compile(r"\s*\(\s*")


# How far a place may lie from the place its division noun's "of" puts it in.
CONTAINED_KM = 150.0


# Kinds of division whose "of" names the country they are in, not themselves.
DIVISION_NOUNS = frozenset(
    {"region", "province", "district", "state", "county", "governorate", "department"}
    | {"prefecture", "zone", "area", "oblast", "territory", "municipality"}
)


def _when_clause(verb: Token) -> bool:
    """Whether a clause tells what happened as the act did: "when their vehicle hit a mine"
    ("as" and "while" also tell of other acts at the time: "as officials in Kabul said")."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ == "when" and c.i < verb.i for c in verb.children
    )


# What a side holds when others live "under" it: "under Taliban rule".
RULE_NOUNS = frozenset({"rule", "regime", "government", "administration", "control", "leadership"})


# Verbs whose subject takes the help that is their object: "accepted Chinese funding".
TAKING_VERBS = frozenset({"accept", "get", "obtain", "secure", "win"})

# Verbs of getting something from someone: "from X" names the giver, not the act's place.
RECEIVING_VERBS = frozenset(
    {"receive", "get", "obtain", "accept", "secure", "win", "seek", "request", "buy"}
    | {"purchase", "import", "borrow"}
)
# Verbs of carrying things somewhere: their "from" is where the things came from.
CARRYING_VERBS = frozenset(
    {"carry", "bring", "ship", "send", "fly", "airlift", "truck", "ferry", "transport"}
    | {"deliver", "donate", "export"}
)
# Verbs of sending fire somewhere: their "from" is where the shooters were.
FIRING_VERBS = frozenset({"fire", "launch", "lob", "shoot"})


def _fired_from(name: Token) -> bool:
    """Whether a place is named as whence fire was sent: "fired missiles from the Black Sea"."""
    prep = name.head
    return (
        name.dep_ == "pobj"
        and prep.lower_ == "from"
        and (
            prep.head.lemma_.lower() in FIRING_VERBS
            or prep.head.head.lemma_.lower() in FIRING_VERBS
        )
    )


# Nouns of acts that a verb may have as its object ("threatened military action"): the actors
# in their phrase do the act.
ACT_OBJECTS = frozenset(
    {
        "action",
        "operation",
        "intervention",
        "response",
        "retaliation",
        "offensive",
        "protest",
        "demonstration",
        "strike",
        "reprisal",
        "crackdown",
    }
)
# Fights whose other side did the harm to whoever was hurt in them: "killed in a shootout
# with police".
FIGHTS = frozenset(
    {"battle", "shootout", "firefight", "clash", "confrontation", "skirmish", "exchange"}
    | {"gunfight", "fighting", "encounter", "standoff", "crossfire"}
)


def is_fight(word: str) -> bool:
    """Whether a trigger's last word names a fight both sides wage ("gun battle", "clashes",
    "clashed")."""
    word = word.lower()
    return any(
        w in FIGHTS
        for w in (word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ed"))
    )


# Things named after the place they were made, which later acts on them are not at: "the
# Paris agreement", "the Minsk accords", "the Geneva Conventions".
NAMED_FOR = frozenset(
    {"agreement", "accord", "treaty", "convention", "protocol", "deal", "pact", "declaration"}
    | {"charter", "format", "process", "framework", "memorandum", "communique", "statute"}
)

# Nouns for what someone asked or offered: answering one answers whoever made it.
SPEECH_ACTS = frozenset(
    {"call", "appeal", "offer", "demand", "request", "proposal", "plea", "bid", "ultimatum"}
)


# Actors that are a state's own organs: a person who holds one of their titles carries their
# country and sector, and the title adds no party of its own.
STATE_ORGANS = frozenset({"state", "government", "military"})


# People whose name says they protest: their protest is real whatever the verb above says.
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "striker"})
# Verbs whose object is a gathering already under way: "to break up the demonstration".
DISPERSING_VERBS = frozenset({"disperse", "break", "scatter", "quell", "suppress", "disrupt"})


# Nouns that "in ... of" makes a set phrase of a cause or an occasion: "in recognition of".
IN_OF_PHRASES = frozenset({"recognition"})


def _in_phrase(noun: Token) -> bool:
    """Whether ``noun`` is the middle of a set phrase "in <noun> of" that gives a reason, not
    an act ("In recognition of International Women's Day, the charity cited ...")."""
    return (
        noun.lemma_.lower() in IN_OF_PHRASES
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def _felt_pressure(noun: Token) -> bool:
    """Whether ``noun`` is pressure felt from no one ("his firm was under huge pressure": a
    state of mind; "under pressure from the IMF" is the IMF's)."""
    return (
        noun.lemma_.lower() == "pressure"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "under"
        and not any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children)
    )


def _people_noun(token: Token) -> bool:
    """Whether a noun may name people ("teachers", "doctors"), not a thing ("resemblance"):
    a plural common noun, as those a participle says protest are."""
    return token.pos_ == "NOUN" and token.tag_ == "NNS"


def _names_as(verb: Token) -> bool:
    """Whether ``verb`` calls its object something ("called the strikes a war crime"): then it
    says what the object is, and does not carry it as a light verb does ("called a strike")."""
    return any(c.dep_ == "oprd" for c in verb.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose object or complement ``noun`` is: "poses a threat", "is a threat",
    "sees China as a threat", "facing threats of violence"."""
    while noun.dep_ == "conj":
        noun = noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        noun, head = head, head.head
    if noun.dep_ in ("dobj", "attr", "oprd", "prep", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of ``token``'s prepositions ``preps``: ("of",) of "hundreds of residents"."""
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _acted_on(verb: Token) -> list[Token]:
    """What ``verb`` is done to: its object, a passive's subject, or the noun a participle
    describes ("a report released on Monday"); what a noun is done to ("an attack on the
    constitutional order")."""
    if verb.pos_ in ("NOUN", "PROPN"):
        found = _prep_objects(verb, ("on", "against", "upon"))
        return found + [c for o in found for c in o.conjuncts]
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append(verb.head)
    return found + [c for o in found for c in o.conjuncts]  # "a report and ten hostages"


def _called_home_for(noun: Token) -> bool:
    """Whether ``noun`` is why an envoy was called home: "recalled its ambassador for
    consultations" brings them home (a sanction), it holds no talks with anyone."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    verb = noun.head.head
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
        verb = verb.head  # the parser may hang it on the envoy
    return verb.lemma_.lower() in ("recall", "withdraw")


# Verbs whose object is what is talked about: "discussed the war in Gaza".
TOPIC_VERBS = frozenset({"discuss", "debate", "address", "raise", "review", "examine"})
# What a clause that warns of something yet to come says it with: "warned that it would
# retaliate", "warned that they could face sanctions".
WARNING_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "'ll", "wo", "ca"})


def _warns_of_a_fact(verb: Token) -> bool:
    """Whether "warn" tells of how things are, not of what its speaker may do: "The UN warned
    that famine was imminent", "warned that deliveries had fallen" (not "warned that it would
    retaliate")."""
    if verb.lemma_.lower() != "warn":
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(
        a.dep_ == "aux" and a.lower_ in WARNING_MODALS
        for clause in clauses
        for a in clause.children
    )


# Nouns of union that also end the names of the bodies they make: "the opposition alliance".
BODY_NOUNS = frozenset({"alliance", "coalition", "partnership", "union", "pact", "front"})


def _ruled_on(entry: Entry, head: Token) -> list[Token]:
    """What ``entry``'s ``not_objects`` are checked against: what the trigger is done to; for a
    verb with no object, the infinitive it governs ("declined to comment" and "refused to
    confirm" withhold a comment, they refuse nothing); for a meeting, whom it is "with" too
    ("the plan met with opposition" met no one)."""
    acted_on = _acted_on(head)
    if entry.pos == "verb" and not acted_on:
        acted_on = [c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if entry.type == "CONSULT":
        acted_on += _prep_objects(head, ("with",))
    return acted_on


# What a meeting is the occasion of: "met Zelensky and reaffirmed support for Ukraine" reports
# the support; the meeting is how it was given.
OCCASIONED = frozenset({"SUPPORT", "AGREE", "AID", "COOPERATE", "REQUEST", "ACCUSE", "REJECT"})
OCCASION_PENALTY = 0.1


def _meetings_as_occasions(found: list[Event]) -> list[Event]:
    """A sentence's meetings, visits and calls rank below an act of the same side that they
    were the occasion of; both stay events."""
    acts = [e for e in found if e.type in OCCASIONED and not (e.negated or e.hypothetical)]
    return [
        e.model_copy(update={"confidence": round(max(0.05, e.confidence - OCCASION_PENALTY), 2)})
        if e.type == "CONSULT" and any(set(a.source) & set(e.source) for a in acts)
        else e
        for e in found
    ]


CONTAINING = frozenset({"contain", "carry", "hold", "load", "pack", "fill", "conceal", "hide"})
# Participles that say what a thing is taken to be: "packages identified as explosive devices".
IDENTIFIED_AS = frozenset({"identify", "describe", "believe", "suspect", "think", "confirm"})


def _contents(noun: Token) -> list[Token]:
    """What ``noun`` is said to hold or to be: "packages containing explosives" (explosives),
    "a car loaded with explosives", "bags filled with ammunition", "packages containing what
    appeared to be explosive devices", "packages identified as explosive devices"."""
    found = []
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in IDENTIFIED_AS:
            found += _prep_objects(child, ("as",))
            continue
        if child.dep_ != "acl" or child.lemma_.lower() not in CONTAINING:
            continue
        found += [g for g in child.children if g.dep_ == "dobj"]
        # "what appeared to be explosive devices"
        found += [
            attr
            for clause in child.children
            if clause.dep_ == "ccomp" and any(c.lower_ == "what" for c in clause.children)
            for be in clause.subtree
            if be.lemma_ == "be"
            for attr in be.children
            if attr.dep_ == "attr"
        ]
        found += _prep_objects(child, ("with", "of"))
    return found


QUESTION_WORDS = frozenset({"whether", "if", "what", "why", "how", "when", "where", "who", "which"})


def _asks_a_question(verb: Token) -> bool:
    """Whether "ask" puts a question, not a request: "asked whether he might back off", "asked
    the minister about the killings" (but "asked its allies for arms", "asked Israel to")."""
    if verb.lemma_.lower() not in ("ask", "query", "inquire", "enquire", "question"):
        return False
    children = list(verb.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in children):
        return False
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ == "ccomp" and child.left_edge.lower_ in QUESTION_WORDS:
            return True
    return False


def _asks_anonymity(verb: Token) -> bool:
    """Whether a request is a source's to the reporter not to be named ("who requested
    anonymity", "asked not to be identified"): how the story was told, not an act in it."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() == "anonymity":
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "for"
            and any(g.lemma_.lower() == "anonymity" for g in child.children)
        ):
            return True
        if (
            child.dep_ == "xcomp"
            and child.lemma_.lower() in ("name", "identify", "quote")
            and any(g.dep_ == "neg" for g in child.children)
        ):
            return True
    return False


def _exhorts(verb: Token) -> bool:
    """Whether ``verb`` opens an exhortation: "let us look at", "let's", "let me say"."""
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return after is not None and after.lower_ in ("us", "me", "'s")


def _left_behind(verb: Token) -> list[Token]:
    """What a verb of leaving leaves: its object ("quit the deal") or the object of its
    "from" or "of" ("withdrew from the deal", "pulled out of the talks", "walked away from")."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
    for child in verb.children:
        if child.lower_ in ("out", "away"):  # "of" may hang on the particle
            preps += [p for p in child.children if p.lower_ in ("from", "of")]
    found += [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return found + [c for o in found for c in o.conjuncts]


def _doers(verb: Token) -> list[Token]:
    """Who or what does ``verb``: its subject, the agent of a passive, the subject of the verb
    it is joined to ("the law bans X and targets Y"), or the noun an -ing participle describes
    ("legislation targeting Turkey")."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    found += [
        pobj
        for agent in verb.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
    ]
    if not found and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        found = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBG":
        found = [verb.head]
    if not found and (seen := _participle_object(verb)) is not None:
        found = [seen]
    return found


def _with_counted(tokens: list[Token]) -> list[Token]:
    """``tokens`` and what any of them counts: "thousands of residents" is residents too."""
    return [*tokens, *(c for t in tokens for c in _counted(t))]


# In a group's ``not_subjects``: a doer that is a state or one of its organs.
STATE_DOER = "<state>"
STATE_KINDS = frozenset({"state", "military", "government"})


def _any_named(words: AbstractSet[str], tokens: Sequence[Token]) -> bool:
    """Whether any of ``tokens`` is one of ``words`` (by lemma, or as written: "bases")."""
    return any(t.lemma_.lower() in words or t.lower_ in words for t in tokens)


def _participle_object(verb: Token) -> Token | None:
    """The object an -ing participle right after it describes, where the parser hangs the
    participle on the verb: "abused women and girls fleeing Boko Haram" (the women fled);
    not time spent ("spent years fighting the government")."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VBG":
        return None
    seen = next(
        (c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == verb.i),
        None,
    )
    if seen is None or seen.ent_type_ or seen.lemma_.lower() in SPANS_OF_TIME:
        return None
    return seen


# Nouns of a killing, whose person in the possessive is the one killed: "Khashoggi's murder".
KILLINGS = frozenset({"killing", "murder", "assassination", "execution", "slaying", "lynching"})


def _killed_one(noun: Token, owners: list[Actor]) -> bool:
    """Whether the possessive of a killing names whom it killed: a person, where no "of"
    names the dead ("the army's killing of civilians" is the army's)."""
    return (
        noun.lemma_.lower() in KILLINGS
        and bool(owners)
        and all(a.kind in ("person", "leader") for a in owners)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def _set_in(clause: Token) -> bool:
    """Whether a relative clause tells what happened during an act rather than who did it:
    "a raid in which the emir escaped", "the attack where three died" (its subject is no doer,
    unlike that of "the raid that the army carried out")."""
    for child in clause.children:
        if child.dep_ == "advmod" and child.lower_ in ("where", "when", "whereby"):
            return True
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.lower_ in RELATIVE_PRONOUNS for g in child.children
        ):
            return True
    return False


def _described(verb: Token) -> list[Token]:
    """The noun a participle describes where it has no subject ("hundreds of people massed
    outside the consulate": people), the counted noun for an amount."""
    if verb.dep_ != "acl":
        return []
    return _counted(verb.head) or [verb.head]


def _counted(noun: Token) -> list[Token]:
    """What an amount counts: "hundreds of residents", "a total of 56 posts"; none for a
    noun that is no amount."""
    if noun.lemma_.lower() not in QUANTITY_NOUNS:
        return []
    return _prep_objects(noun, ("of",))


def _object_phrase(noun: Token) -> Token:
    """The object a noun trigger is part of: "launched a mediation effort", "declared a state
    of siege", "suspended part of an aid program", "announced $500 million in aid" (the head
    of the phrase the verb takes)."""
    for _ in range(3):
        if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.dep_ == "dobj"
            # "received reports of executions": word of an act is not the act undergone
            and noun.head.head.lemma_.lower() not in ACCOUNT_NOUNS
        ):
            noun = noun.head.head
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "in"
            and noun.head.head.dep_ == "dobj"
            and _sum(noun.head.head)
        ):
            noun = noun.head.head  # "announced $500 million in military aid"
        else:
            break
    return noun


# Nouns for word of an act, whose "of" tells the act: "reports of summary executions".
ACCOUNT_NOUNS = frozenset(
    {"report", "account", "news", "allegation", "claim", "evidence", "rumour", "rumor", "word"}
    | {"video", "footage", "image", "photo", "picture", "testimony", "description", "sign"}
)


def _sum(token: Token) -> bool:
    """Whether ``token`` is an amount ("$500 million", "5 billion euros")."""
    return token.pos_ == "NUM" or any(c.dep_ == "nummod" for c in token.children)


def _after_dateline(verb: Token) -> Token | None:
    """The subject after a dash where the parser gives ``verb`` two ("KHARTOUM, Sudan —
    Paramilitary fighters attacked", "Continued attacks - police responded"); None where it
    does not. A hyphen inside a name ("Akpro-Misserete") is no dash."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    if len(subjects) < 2:
        return None
    first, last = subjects[0], subjects[-1]
    doc = verb.doc
    dash = any(
        t.text in DASHES
        and (t.text != "-" or (bool(doc[t.i - 1].whitespace_) and bool(t.whitespace_)))
        for t in doc[first.i + 1 : last.left_edge.i]
    )
    return last if dash else None


def _after_label(subject: Token, verb: Token) -> Token:
    """ "Looting: On 7 July, gunmen seized ...": the parser may take a label before a colon
    for the verb's subject; the subject after the colon is the one."""
    doc = verb.doc
    colon = next((t.i for t in doc[subject.i : verb.i] if t.text == ":"), None)
    if colon is None:
        return subject
    later = [c for c in verb.children if c.dep_ in SUBJECTS and subject.i < c.i < verb.i]
    if not later:
        # "VOA: Russia's President Vladimir Putin visited China": a speaker's label the parser
        # hangs the subject on as its appositive
        later = [c for c in subject.children if c.dep_ == "appos" and colon < c.i < verb.i]
    return later[-1] if later else subject


# Verbs of speaking to a gathering: "told a conference", "addressed the summit".
ADDRESSING = frozenset({"tell", "address", "brief"})


def _in_act(prep: Token, type_: str) -> bool:
    """Whether ``prep`` puts its object, an act, as what its head does: "on a visit", "for
    talks", and for a protest "in protest" ("gathered in protest"; "killed in an attack" is
    not the killer's)."""
    return prep.lower_ in ("on", "for") or (prep.lower_ == "in" and type_ == "PROTEST")


def _first_person(token: Token) -> bool:
    """ "we", "us" -- but not "the US"."""
    return token.lower_ in FIRST_PERSON and token.text != "US"


def _i(token: Token) -> int:
    return token.i


# What "riot" names the kind of, not a riot: "riot police", "riot gear".
RIOT_GEAR = frozenset({"police", "policeman", "officer", "gear", "squad", "shield", "unit"})
# Things a word of an act can name the kind of: weapons and craft ("attack helicopter",
# "assault rifle"), bills, songs and footage ("sanctions bill", "protest song"), experts.
KINDS_OF_THINGS = frozenset(
    {"helicopter", "aircraft", "plane", "jet", "drone", "submarine", "boat", "ship", "craft"}
    | {"rifle", "gun", "weapon", "vehicle", "dog", "aeroplane", "airplane", "carrier"}
    | {"bill", "legislation", "song", "video", "footage", "photo", "expert", "analyst"}
    | {"gap", "shortfall", "deficit"}  # "a 43% funding gap": a sum, not aid given
    | {"worker", "agency", "official", "leader", "organiser", "organizer"}  # "aid workers"
    | {"seeker", "limit", "group", "force", "unit"}  # "asylum seekers", "a strike group"
)


# Kinds of actor whose one-word name may also be a word for an act ("Amnesty").
NAMED_BODIES = frozenset({"organisation", "igo", "party", "media"})


def _in_name(token: Token, sentence: TokenSpan) -> bool:
    """Whether a capitalised noun is a word of a longer proper name (an organisation's, a
    treaty's, a place's) rather than an act: "National Accord", "Alliance for Democracy".
    Not in a headline written in title case, where every word is capitalised."""
    if all(t.is_title or t.is_upper for t in sentence if t.is_alpha and not t.is_stop):
        return False
    if token.ent_type_ in NAME_ENTITIES and not (
        token.ent_iob_ == "B"
        and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    ):
        return True  # inside an entity of more than one word
    for child in token.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in ("of", "for")
            and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)
        ):
            return True
    head = token.head
    if token.dep_ == "compound" and head.pos_ == "PROPN":
        return True
    return token.dep_ == "pobj" and head.lower_ in ("of", "for") and head.head.pos_ == "PROPN"


# Words that make a verb of two words as particles ("took over the town"), but which, past the
# verb's object and with an object of their own, open a phrase of their own.
PARTICLES = frozenset({"over", "out", "down", "up", "off", "back", "away"})
# Nouns of a stretch of time, which a preposition ending a multi-word verb never takes.
SPELLS = frozenset({"time", "while", "moment", "minute", "hour", "day", "week", "month", "year"})


# Verbs of asking whose "from" names whom the thing is asked of, wherever the parser hangs it.
ASKING_FROM = frozenset({"seek", "demand", "request", "ask"})


def _chain(token: Token, words: tuple[str, ...]) -> list[Token] | None:
    """The tokens of a multi-word verb: each word a dependent of the one before it, but not
    its subject, its particles and prepositions after the verb ("On Monday, he called" is no
    "call on"; "the road was blocked" is "block road")."""
    if token.lemma_.lower() != words[0]:
        return None
    chain, current = [token], token
    last = len(words) - 1
    for n, word in enumerate(words[1:], start=1):
        nxt = next(
            (
                c
                for c in current.children
                if (c.lemma_.lower() == word or c.lower_ == word)
                and (c.i > token.i or c.dep_ not in ("prep", "prt"))
                # the doer is no word of the act: "security forces used tear gas" is no
                # "use force" ("the road was blocked" still is "block road")
                and c.dep_ != "nsubj"
            ),
            None,
        )
        if nxt is None and n == last == 1 and word == "from" and words[0] in ASKING_FROM:
            # "demanded an apology from the minister": the parser may hang "from" on the thing
            # asked for
            nxt = next(
                (
                    p
                    for d in current.children
                    if d.dep_ == "dobj"
                    for p in d.children
                    if p.dep_ == "prep" and p.lower_ == "from"
                ),
                None,
            )
        if nxt is None and n == 1 and token.i + 1 < len(token.doc):
            # "handed over 50 tons of rice": the parser may read the particle as "over 50"
            after = token.doc[token.i + 1]
            if after.lower_ == word and after.dep_ == "quantmod" and after.head.like_num:
                nxt = after
        if nxt is None:
            return None
        if (
            n == 1
            and nxt.dep_ == "prep"
            and word in PARTICLES
            and any(c.dep_ == "pobj" for c in nxt.children)
            and any(c.dep_ == "dobj" and token.i < c.i < nxt.i for c in token.children)
        ):
            # "took aim at the bank over inflation" is no "take over" ("forced residents out
            # of their homes" still is "force out")
            return None
        if n == last and word == "in" and any(c.dep_ == "pobj" for c in nxt.children):
            return None  # "were given shelter in a school" is no "give in"
        if n == last and any(
            c.dep_ == "pobj" and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in SPELLS)
            for c in nxt.children
        ):
            # "called the allegations baseless on Monday" is no "call on", "voted down the
            # budget for a second time" no "vote for"
            return None
        chain.append(nxt)
        current = nxt
    return chain


# Verbs that say force was used to scatter a crowd: its object is the force's target.
DISPERSING = frozenset({"disperse", "scatter", "break", "quell", "repel", "drive"})


# Verbs of a fight both sides do, never done to anyone: no passive reading.
MUTUAL_VERBS = frozenset({"clash", "fight", "battle", "brawl", "skirmish", "feud", "quarrel"})


def _reduced_passive(verb: Token, children: list[Token]) -> Token | None:
    """The one a past participle with no auxiliary and no object was done to: its noun
    ("students injured in a clash", "the men arrested on Monday"), in headline style its
    subject ("A woman is killed and two pupils seriously injured", "Three arrested over ..."),
    or the subject of the passive it is joined to ("He was shot and killed")."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "dobj") for c in children):
        return None
    if verb.lemma_.lower() in MUTUAL_VERBS:
        return None  # "two communities clashed", tagged as a participle
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    after_passive = verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.head.children)
    if subject := next((c for c in children if c.dep_ == "nsubj"), None):
        # only where the auxiliary is plainly left out: after a passive, or a headline's count
        # ("Three arrested"); "a group of youths lynched" is the tagger's slip, an active verb
        counted = subject.like_num or any(c.dep_ == "nummod" for c in subject.children)
        return subject if after_passive or counted else None
    if after_passive:
        return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
    if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        # a participle clause beside its clause: "One of its leaders is dead, killed in a
        # strike", "Wounded in the raid, he was taken to hospital": the subject suffered it,
        # also one its verb borrows ("rebels attempt to pass through when attacked")
        own = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return own if own is not None else _subject(verb.head)
    if verb.dep_ in ("xcomp", "oprd", "ccomp") and verb.head.lemma_.lower() in REPORTED_AS:
        # "Two soldiers were reported killed", "five were confirmed dead"
        return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
    return None


# Verbs after which a past participle tells what their subject underwent: "stands accused",
# "remained detained", "lay wounded".
STATE_VERBS = frozenset(
    {"stand", "remain", "stay", "lie", "sit", "seem", "appear", "look", "feel", "become"}
)


def _state_passive(verb: Token) -> Token | None:
    """The subject of "stand", "remain" ... whose participle ``verb`` is: it underwent the
    act ("Lai stands accused", "two remained detained"), and did not do it."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acomp", "oprd", "xcomp", "advcl"):
        return None
    if verb.head.lemma_.lower() not in STATE_VERBS:
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


# Verbs whose passive reports what befell its subject: "were reported killed".
REPORTED_AS = frozenset({"report", "confirm", "feared", "fear", "believe", "say", "find"})


# Prepositions before a gerund whose doer is its clause's subject, passive or not: "was
# released after apologizing" ("by" names a means; "arrested for collaborating" an
# accusation, read apart).
GERUND_TIME_PREPS = frozenset({"after", "before", "while", "when", "upon", "on", "since"})


# Verbs whose object does the act of their infinitive: "forced Ukraine to withdraw".
OBJECT_CONTROL = frozenset(
    {"force", "compel", "oblige", "order", "instruct", "direct", "tell", "ask", "urge"}
    | {"allow", "permit", "authorize", "authorise", "empower", "mandate", "enable", "persuade"}
    | {"encourage", "invite", "push", "pressure", "pressurize", "press", "require", "convince"}
)


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``; borrowed from the verb or noun it depends on when it has none:
    "X was indicted and will resign" (X resigns), "resorted to throwing stones"."""
    borrowed = False
    for _ in range(4):
        # two subjects a dash parts are a misparse of a dateline ("KHARTOUM, Sudan —
        # Paramilitary fighters attacked"): the one after the dash is the verb's own
        nearest = _after_dateline(verb)
        for child in verb.children:
            if child.dep_ in SUBJECTS and (nearest is None or child.i == nearest.i):
                child = _after_label(child, verb)
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head  # "many Iraqis, who accused ..."
                return child
            if child.dep_ == "nsubjpass":
                # "X was indicted and will resign"; "Obama is scheduled to attend": X, Obama;
                # "X was released after apologizing": X apologized
                return child if borrowed else None
        if (named := _name_as_adverb(verb)) is not None:
            return named
        if verb.dep_ in ("acl", "relcl") and (effort := _effort_owner(verb)) is not None:
            if effort.pos_ != "VERB":
                return effort  # "the army's bid to retake the town"
            borrowed, verb = True, effort  # "launched an offensive to retake the town"
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        if verb.dep_ == "ccomp" and (said := said_subject(verb)) is not None:
            return said  # "a source said Ankara in recent years imposed controls"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.i:
            if _fight_named(verb):
                return None  # "fled after fighting in Darfur": a fight, not the refugees'
            if (accused := _accused_of(verb)) is not None:
                return accused
            # "was released after apologizing": the one the clause is about did it too
            borrowed = borrowed or verb.head.lower_ in GERUND_TIME_PREPS
            verb = verb.head.head  # "resorted to throwing", "guilty of violating"
            continue
        if (seen := _participle_object(verb)) is not None:
            return seen
        if (accused := _result_of_accused(verb)) is not None:
            return accused
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
            # "is scheduled to attend" raises its subject; "were reported killed" does not
            # ("are reported to have struck": an infinitive in the perfect raises it too)
            infinitive = verb.dep_ == "xcomp" and (verb.tag_ == "VB" or _infinitive(verb))
            borrowed = verb.dep_ == "conj" or infinitive
            if infinitive and verb.head.lemma_.lower() in OBJECT_CONTROL:
                # "forced Ukraine to withdraw", "authorised member states to use force": the
                # one told or let to act does it
                told = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
                if told is not None:
                    return told
            verb = verb.head
            continue
        if verb.dep_ == "dobj" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
            # "The World Bank resumed funding for Ethiopia": the parser's gerund object of a
            # verb of going on or stopping is its subject's act
            borrowed = True
            verb = verb.head
            continue
        return None
    return None


# An undertaking whose "to" infinitive is its maker's act ("an offensive to retake the town"),
# and the verbs by which a side makes it its own ("launched", "stepped up", "pressed ahead with").
EFFORT_NOUNS = frozenset(
    {"effort", "bid", "attempt", "operation", "offensive", "campaign", "drive", "push", "mission"}
    | {"plan", "move", "initiative", "crackdown", "assault", "counteroffensive", "endeavour"}
    | {"endeavor", "quest", "race", "scramble", "programme", "program"}
)
UNDERTAKING_VERBS = frozenset(
    {"launch", "begin", "start", "mount", "make", "intensify", "step", "continue", "lead"}
    | {"undertake", "spearhead", "conduct", "redouble", "renew", "resume", "stage", "move"}
    | {"press", "push", "forge", "announce", "unveil", "kick", "escalate", "expand"}
)


def _effort_owner(verb: Token) -> Token | None:
    """Who makes the undertaking a "to" infinitive hangs on: the noun's owner ("the army's bid
    to retake"), else the verb that launches it ("launched an offensive to retake", "moved
    ahead with efforts to take control"); None when the undertaking is no one's here ("Russia
    condemned the plan to annex")."""
    noun = verb.head
    if not _infinitive(verb) or noun.lemma_.lower() not in EFFORT_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    elif noun.dep_ != "dobj":
        return None
    if governor.pos_ == "VERB" and governor.lemma_.lower() in UNDERTAKING_VERBS:
        return governor
    return None


# Time a participle's doer spends: "spent years fighting", "took weeks negotiating".
SPANS_OF_TIME = frozenset(
    {"time", "year", "month", "week", "day", "hour", "decade", "night", "while", "minute"}
)
# A state's envoys, which a trigger may name as its own object ("expel ambassador").
ENVOYS = frozenset({"ambassador", "diplomat", "envoy", "consul", "attache", "attaché"})
# Verbs whose object is who did the act named after "of" or "for": "accused the RSF of
# killing civilians", "arrested him for looting".
ACCUSING_VERBS = frozenset(
    {"accuse", "suspect", "charge", "convict", "blame", "condemn", "criticize", "criticise"}
    | {"arrest", "sentence", "punish", "praise", "thank", "commend", "sanction", "indict"}
)


BLAMING_VERBS = frozenset({"accuse", "suspect", "charge", "convict", "blame", "indict"})


def _accused_of(verb: Token) -> Token | None:
    """The object of a verb of blame or praise whose act ``verb`` is: "accused the RSF of
    killing" (the RSF killed), not the accuser."""
    prep = verb.head
    if prep.lower_ not in ("of", "for") or prep.head.lemma_.lower() not in ACCUSING_VERBS:
        return None
    accused = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    accusing = prep.head
    if accused is None and accusing.lemma_.lower() in BLAMING_VERBS:
        # "Government forces were accused of killing protesters"; "the officer, who was
        # accused of shooting a teenager": the one accused ("was arrested for collaborating"
        # keeps the arrest as what is told)
        accused = next((c for c in accusing.children if c.dep_ == "nsubjpass"), None)
        if accused is not None and accused.lower_ in RELATIVE_PRONOUNS:
            accused = accusing.head if accusing.dep_ == "relcl" else None
    if (
        accused is not None
        and accused.lower_ in ("it", "them", "him", "her")
        and accusing.dep_ in ("advcl", "xcomp", "conj")
        and (before := next((c for c in accusing.head.children if c.dep_ == "dobj"), None))
        is not None
        and before.pos_ in ("PROPN", "NOUN")
    ):
        return before  # "blamed India, accusing it of providing support": India
    return accused


def _result_of_accused(verb: Token) -> Token | None:
    """The accused, where a participle tells what their act did and the parser hangs it on
    the accusation: "accused Azerbaijani troops of firing on its positions, wounding one
    soldier" (the troops wounded him, not the accuser)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < verb.head.i:
        return None
    accusing = verb.head
    if accusing.lemma_.lower() not in ACCUSING_VERBS:
        return None
    # the parser may hang "of firing" on the accused: "accused Azerbaijani troops of firing"
    accused = [c for c in accusing.children if c.dep_ == "dobj"]
    acts = [
        g
        for holder in (accusing, *accused)
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in ("of", "for")
        for g in c.children
        if g.dep_ == "pcomp" and g.i < verb.i
    ]
    return accused[0] if acts and accused else None


# Verbs whose subject does the act named after "with": "Israel responded with airstrikes".
ANSWERING_VERBS = frozenset({"respond", "retaliate", "react", "reply", "answer"})
# Prepositions of time: a fight after one of them with no one fought is named, not done by
# the subject of the clause ("fled after fighting in Darfur").
TIME_PREPOSITIONS = frozenset({"after", "before", "amid", "following", "during", "since"})


def _fight_named(verb: Token) -> bool:
    """Whether ``verb`` is a fight named after a preposition of time, as a noun is, with no
    one it is waged on: "after fighting in West Darfur" ("after fighting government troops"
    is the subject's)."""
    return (
        verb.head.lower_ in TIME_PREPOSITIONS
        and is_fight(verb.lower_)
        and not any(c.dep_ in ("dobj", "prep") and c.lower_ != "in" for c in verb.children)
    )


def _name_as_adverb(verb: Token) -> Token | None:
    """A name opening the sentence that the parser hangs on the verb as an adverb: "Qatar
    funded salaries" (``npadvmod``, no subject); a date there ("Monday, police ...") is not."""
    for child in verb.children:
        if child.i > verb.i:
            break
        if (
            child.dep_ == "npadvmod"
            and child.pos_ == "PROPN"
            and child.left_edge.i == child.sent.start
            and child.ent_type_ not in ("DATE", "TIME")
        ):
            return child
    return None


def _conditioned(token: Token) -> bool:
    """Whether the clause of ``token`` holds an "if" or "unless" clause: "will strike if"."""
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in CONDITIONS for g in child.children
            ):
                return True
        if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _aside(token: Token) -> bool:
    """Whether ``token`` is in a clause told beside the sentence's own act: a participle
    or relative clause ("attacked the village, threatening a leader"), or one after "after"."""
    for _ in range(5):
        if token.dep_ in ("advcl", "acl", "relcl"):
            return True
        if token.dep_ not in ("conj", "xcomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


# Verbs that name what is given after "with": "supply Kyiv with rockets".
PROVIDING_VERBS = frozenset({"supply", "provide", "support", "back"})

# Verbs whose subject fends off the attack that is their object: its target.
REPELLING = frozenset({"repel", "repulse", "resist", "counter"})
# Verbs that hold someone "under" a measure ("placed under house arrest", "kept under siege"),
# and those whose subject stays under it ("remains under curfew").
STAYING_VERBS = frozenset({"remain", "stay", "be", "live"})
HOLDING_VERBS = frozenset({"place", "put", "keep", "hold", "bring"}) | STAYING_VERBS

# Verbs of a call on the telephone, which carries what is said in it.
CALLING_VERBS = frozenset({"call", "phone", "telephone", "ring"})
# Acts whose -ing form before people says what they are doing: "protesting farmers".
CROWD_PARTICIPLES = frozenset({"protest", "demonstrate", "strike", "march", "rally", "picket"})
# Verbs that send people to do something: what they were sent to do is the act.
SENDING_VERBS = frozenset({"send", "dispatch", "deploy"})
# Verbs of help sent somewhere: their object is what is sent, not whom it is for.
SENT = SENDING_VERBS | {"fly", "ship", "airlift", "deliver", "truck", "rush", "ferry", "airdrop"}


# What an act told as the setting of another loses in confidence: below the act itself.
SETTING_PENALTY = 0.35

# Words that open a clause or phrase told as the setting of the sentence's act, not as it.
SETTING_WORDS = frozenset({"after", "before", "following", "since", "amid", "until", "despite"})


def _background(token: Token) -> bool:
    """Whether ``token`` tells the setting of the sentence's own act rather than the act: a
    clause that describes a noun ("the coalition fighting Houthi rebels has declared a
    ceasefire") or one opened by "after", "amid", "following" ("called off the strike after
    reaching agreement")."""
    for _ in range(8):
        if token.dep_ in ("acl", "relcl"):
            return True
        if token.dep_ == "advcl":
            openers = [c.lower_ for c in token.children if c.dep_ == "mark"]
        else:  # "after reaching agreement", "amid violence": the preposition above
            openers = [token.head.lower_] if token.dep_ in ("pcomp", "pobj") else []
        if SETTING_WORDS.intersection(openers):
            return True
        if token.dep_ in ("ROOT", "ccomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


# Verbs that tell someone what one will do: the intent they carry is said, a threat made.
SAYING = frozenset(
    {"say", "tell", "announce", "declare", "state", "warn", "vow", "pledge", "promise", "swear"}
    | {"threaten", "insist", "add", "confirm", "write", "tweet", "order", "notify", "inform"}
)


def _saying_verb(token: Token) -> Token | None:
    """The verb of saying that tells the clause of ``token``: "they said they will boycott",
    "vowed to retaliate"; None where none does."""
    for _ in range(5):
        if token.lemma_.lower() in SAYING:
            return token
        if token.dep_ not in ("xcomp", "conj", "ccomp") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _said(token: Token) -> bool:
    """Whether the clause of ``token`` is told by a verb of saying."""
    return _saying_verb(token) is not None


def _agentless_passive(verb: Token) -> bool:
    """Whether ``verb`` is a passive that names no doer ("ships would be targeted")."""
    children = list(verb.children)
    return any(c.dep_ == "nsubjpass" for c in children) and not any(
        c.dep_ == "agent" for c in children
    )


# Marks of a condition: a clause that follows from one is hypothetical ("X would be deported
# if the appeal fails"), unlike one with a "whether" clause beside it.
CONDITIONS = frozenset({"if", "unless"})


# Prepositions that tell what an act answers or follows: "vowed to retaliate for the killing
# of their commander", "protests over the arrest" (the killing and the arrest happened).
CAUSE_PREPS = frozenset({"over", "after", "following", "since", "despite", "amid"})
AVENGING_VERBS = ANSWERING_VERBS | {"avenge", "revenge", "punish"}


def _cause_told(noun: Token) -> bool:
    """Whether a noun event is what the verb above it answers or follows, so the verb's
    will or doubt is not its own."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in CAUSE_PREPS or (
        prep.lower_ == "for" and prep.head.lemma_.lower() in AVENGING_VERBS
    )


def _modality(
    head: Token, cues: dict[str, frozenset[str]], governor: Token | None = None
) -> tuple[bool, bool, bool, bool]:
    """(negated, future, hypothetical, intent) read from the trigger's clause and the verbs
    above it; intent: a stated will to do it ("will", "would", "offered to", "is ready to")."""
    empty: frozenset[str] = frozenset()
    negation, aux_future = cues.get("negation", empty), cues.get("future_auxiliaries", empty)
    aux_maybe, marks = (
        cues.get("hypothetical_auxiliaries", empty),
        cues.get("hypothetical_marks", empty),
    )
    habitual = cues.get("habitual_adverbs", empty)
    chain = [head]
    # a noun in a list stands where the list's first does: "can mean intimidation, arrest
    # and violence", "is considering sanctions and tariffs"
    first = head
    while (
        first.pos_ in ("NOUN", "PROPN")
        and first.dep_ == "conj"
        and first.head.pos_ in ("NOUN", "PROPN")
        and first.head.i < first.i
    ):
        first = first.head
    if governor is not None:
        chain.append(governor)
    elif head.pos_ != "VERB" and not _cause_told(first):
        up = first.head.head if first.dep_ == "pobj" else first.head
        if first.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") and up.pos_ in (
            "VERB",
            "AUX",
        ):
            chain.append(up)
    governors: list[Token] = []
    while chain[-1].dep_ == "xcomp" and len(governors) < 3:
        governors.append(chain[-1].head)
        chain.append(chain[-1].head)
    negated = future = hypothetical = intent = False
    if head.pos_ == "VERB" and any(_nobody(c) for c in head.children):
        negated = True  # "No one was arrested", "Neither side has attacked the other"
    if (
        len(chain) > 1
        and first.dep_ == "dobj"
        and chain[1].lemma_.lower() == "face"
        and chain[1].tag_ in ("VBZ", "VBP", "VB")
        and first.lemma_.lower() in FACED_RISKS
    ):
        hypothetical = True  # "activists face arrest and torture": a risk, not an act
    for token in chain:
        # "Riots involving arson - DETAILS NOT SPECIFIED", "the motive of the attack is not
        # known": what is not known of an act does not deny it
        unknown = (
            token is not head
            and head.dep_ in ("nsubj", "nsubjpass")
            and (token.lemma_.lower() in UNKNOWING_VERBS)
        )
        for child in token.children:
            word = child.lower_
            if child.dep_ == "neg" and token.lemma_.lower() == "hesitate" and token.i != head.i:
                continue  # "would not hesitate to use force": a will to act, not a refusal
            if not unknown and (
                child.dep_ == "neg"
                or (word in negation and child.dep_ in ("advmod", "det", "preconj"))
            ):
                negated = True
            if child.dep_ == "aux" and word in aux_future:
                future = intent = True
            if child.dep_ == "aux" and word in cues.get("intent_auxiliaries", empty):
                intent = True
            if child.dep_ == "aux" and word in aux_maybe:
                hypothetical = True
            if child.dep_ == "mark" and word in marks:
                hypothetical = True
            if child.dep_ == "advmod" and word in habitual and not _told_in_past(token):
                hypothetical = True  # "are usually dispersed": done as a rule, no one event
            if (
                child.dep_ == "npadvmod"
                and child.lemma_.lower() in HABITUAL_TIMES
                and any(
                    d.dep_ == "det" and d.lower_ in cues.get("habitual_determiners", empty)
                    for d in child.children
                )
            ):
                hypothetical = True  # "every year, farmers protest"
            if child.dep_ == "mark" and word == "until" and token.tag_ in PRESENTS:
                hypothetical = True  # "will keep up the attacks until Henry resigns"
            if _consequence(token, child, aux_future | aux_maybe):
                hypothetical = True
    clause = chain[-1]
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
        # "are regularly robbed and assaulted": the adverb of the first verb is the second's
        hypothetical = hypothetical or (
            any(c.dep_ == "advmod" and c.lower_ in habitual for c in clause.children)
            and not _told_in_past(clause)
        )
    if clause.dep_ not in ("xcomp", "conj") and _infinitive(clause):
        hypothetical = True  # a bare infinitive: "either to go on with the battle or give in"
    # of a noun, the verb above it only where the noun is what is asked, not who asks
    above = [*(chain[1:] if first.dep_ != "nsubj" else []), *governors]
    if chain[-1].dep_ == "ccomp":
        above.append(chain[-1].head)
        helper = chain[-1].head
        # what help yet to be given is to bring about has not happened: "an initiative to
        # help the two sides reach an agreement" (not "helped them reach one")
        if helper.lemma_.lower() in ENABLING_VERBS and _infinitive(helper):
            hypothetical = True
    if any(t.lemma_.lower() in cues.get("asking_verbs", empty) for t in above):
        hypothetical = True
    for token in governors:
        lemma = token.lemma_.lower()
        negated = negated or lemma in cues.get("negating_verbs", empty)
        future = future or lemma in cues.get("future_verbs", empty)
        hypothetical = hypothetical or lemma in cues.get("hypothetical_verbs", empty)
        intent = intent or lemma in cues.get("intent_verbs", empty)
    if head.pos_ != "VERB" and first.dep_ == "dobj" and len(chain) > 1:
        # the act a verb of intent takes as its object: "is considering sanctions", "plans
        # attacks", "seeks talks"
        lemma = chain[1].lemma_.lower()
        if governor is None:
            negated = negated or lemma in cues.get("negating_verbs", empty)  # "foiled an attack"
        future = future or lemma in cues.get("future_verbs", empty)
        hypothetical = hypothetical or lemma in cues.get("hypothetical_verbs", empty)
        intent = intent or lemma in cues.get("intent_verbs", empty)
    gerund = head
    while gerund.dep_ == "conj" and gerund.head.i != gerund.i:
        gerund = gerund.head  # "a plan for rearming Europe and supporting Ukraine"
    if gerund.dep_ == "pcomp" and gerund.head.dep_ == "prep":
        # the aim of a plan or an effort has not happened yet: "aimed at pressuring China", "a
        # plan for supporting Ukraine"
        aim = gerund.head.head.lemma_.lower()
        hypothetical = hypothetical or aim in cues.get("hypothetical_verbs", empty)
        hypothetical = hypothetical or aim in cues.get("plot_nouns", empty)
    if head.dep_ == "acl" and head.head.lemma_.lower() in cues.get("plot_nouns", empty):
        # "a plot to bomb a church": planned, not done; "foiled a plot to ...": not done
        hypothetical = True
        plotted = head.head.head if head.head.dep_ in ("dobj", "nsubjpass") else None
        negated = negated or (
            plotted is not None and plotted.lemma_.lower() in cues.get("negating_verbs", empty)
        )
    if head.pos_ != "VERB":
        modifiers = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
        future = future or bool(modifiers & cues.get("future_modifiers", empty))
        hypothetical = hypothetical or bool(modifiers & cues.get("hypothetical_modifiers", empty))
        owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        hypothetical = hypothetical or (
            owner is not None and owner.lemma_.lower() in cues.get("hypothetical_heads", empty)
        )
    if _asked(chain[-1]):
        hypothetical = True  # "Did the police arrest him?": asked, not told
    shared = _sharing_verb(chain[-1])
    if shared is not None:
        # "could attack the town or shell the airport", "did not attack or shell": a bare verb
        # joined to one with a helper shares it, and all the first verb's modality
        above_n, above_f, above_h, above_i = _modality(shared, cues)
        negated, future = negated or above_n, future or above_f
        hypothetical, intent = hypothetical or above_h, intent or above_i
    elif (
        (verb := chain[-1]).dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not _own_subject_or_helper(verb)
        and verb.head.pos_ in ("VERB", "AUX")
        # not a thing told as done: "thereby overcoming restrictions imposed by the U.S."
        and not any(c.dep_ == "acl" and c.tag_ == "VBN" for c in head.children)
    ):
        # "may impose sanctions, cutting aid": what a possible act would bring is possible
        _, above_f, above_h, _ = _modality(verb.head, cues)
        future, hypothetical = future or above_f, hypothetical or above_h
    return negated, future, hypothetical, intent


CONTRASTS = frozenset({"but", "yet"})
# Nouns that carry an act their maker offers or runs: "a U.S. ceasefire proposal".
CARRIERS = frozenset(
    {"proposal", "plan", "package", "offer", "initiative", "programme", "program", "draft"}
    | {"framework", "roadmap", "effort", "campaign", "operation", "bill"}
)


def _asked(verb: Token) -> bool:
    """Whether ``verb`` is asked in a yes-no question, its helper before its subject ("Did
    the police arrest him?", "Will Russia attack?"); a question of who or why takes the act
    as done ("Who fired the shots?")."""
    sentence = verb.sent
    if not any(t.text == "?" for t in sentence[-3:]):
        return False
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    helper = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), None)
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return (
        helper is not None
        and subject is not None
        and helper.i < subject.i
        and not any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in sentence if t.i < helper.i)
    )


# Punishments one "faces" that may come ("activists face arrest"), unlike what already has
# ("faces charges of treason", "faces criticism over the detentions").
FACED_RISKS = frozenset(
    {"arrest", "detention", "prosecution", "trial", "execution", "death", "deportation"}
    | {"expulsion", "extradition", "imprisonment", "jail", "prison", "torture", "persecution"}
    | {"punishment", "reprisal", "retaliation", "eviction", "violence"}
)
NOBODY = frozenset({"nobody", "none", "noone"})


def _nobody(child: Token) -> bool:
    """Whether a verb's subject is no one: "nobody", "no one", "neither side"."""
    return child.dep_ in ("nsubj", "nsubjpass") and (
        child.lower_ in NOBODY
        or any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children)
    )


def _own_subject_or_helper(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)


def _sharing_verb(verb: Token) -> Token | None:
    """The verb before ``verb`` whose subject and helpers a bare verb joined to it shares
    ("could attack the town or shell the airport"); None for a verb with its own, or in
    another tense ("did not attack the town but shelled the airport")."""
    # the parser may hang the second of a list on the first as a clause of its own: "could be
    # detained, beaten or expelled"
    listed = (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.i > verb.sent.start
        and verb.doc[verb.i - 1].text == ","
    )
    if (
        (verb.dep_ != "conj" and not listed)
        or verb.tag_ not in ("VB", "VBN")
        # "has never had a claim and object to the deal": a tense of its own
        or verb.head.tag_ != verb.tag_
        or verb.head.i >= verb.i
        or verb.head.pos_ not in ("VERB", "AUX")
        or _own_subject_or_helper(verb)
        # "was not charged but released": the second is said against the first
        or any(c.dep_ == "cc" and c.lower_ in CONTRASTS for c in verb.head.children)
    ):
        return None
    return verb.head


def _told_in_past(verb: Token) -> bool:
    """Whether ``verb`` is in the past ("often fired tear gas during Sunday's protest"): what
    was often done then may be told of one day, where a habit in the present is no event."""
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had", "did")
        for c in verb.children
    )


# Times that "every" or "each" makes a habit of ("every year, farmers protest"; not "each
# other").
HABITUAL_TIMES = frozenset(
    {"year", "month", "week", "day", "night", "morning", "evening", "weekend", "season", "time"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"spring", "summer", "autumn", "winter"}
)


# The present tense, which after "until" tells what has not happened yet (not "VBP", which
# the tagger gives words it does not know: "retook").
PRESENTS = frozenset({"VBZ", "VB"})


# Verbs of knowing or telling whose negation says what is unknown of their subject, not that
# it did not happen.
UNKNOWING_VERBS = frozenset(
    {"specify", "know", "disclose", "reveal", "identify", "establish", "determine", "clear"}
    # the lemmatiser leaves capitals alone: "DETAILS NOT SPECIFIED"
    | {"specified", "known", "disclosed", "revealed", "identified", "established", "determined"}
)


def _consequence(verb: Token, clause: Token, modals: frozenset[str]) -> bool:
    """Whether ``verb`` tells what follows from the condition ``clause``: "If the appeal fails,
    he is deported", "they will be hit if the UK imposes a ban"; not "asked if he would come"
    nor "urged them to stop if they want to stay", where the "if" clause comes after a verb
    with no modal and is what was asked, or belongs to the verb below."""
    if clause.dep_ != "advcl" or not any(
        g.dep_ == "mark" and g.lower_ in CONDITIONS for g in clause.children
    ):
        return False
    return clause.i < verb.i or any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _absolute(prep: Token) -> bool:
    """Whether a preposition opens a clause with a subject of its own, told beside the act, not
    of it: "voiced concern, with Sullivan speaking by phone Sunday"."""
    return prep.dep_ == "prep" and any(
        c.dep_ == "pcomp" and any(g.dep_ == "nsubj" for g in c.children) for c in prep.children
    )


def _complement(frame: _Match) -> set[int]:
    """Token indices of what a frame reports: a verb's objects and complements, not its
    subject; all that hangs on a noun ("warnings demanding that Washington change", "threats
    to use force")."""
    inside: set[int] = set()
    last = max(t.i for t in frame.tokens)
    todo = [
        child
        for token in frame.tokens
        for child in token.children
        if child not in frame.tokens
        and (
            token.i != frame.head.i
            or frame.entry.pos != "verb"
            or child.dep_ in COMPLEMENTS
            # "ruled out accepting any deal": the parser hangs the gerund object as a clause
            or (child.dep_ == "advcl" and child.tag_ == "VBG" and child.i == last + 1)
        )
        and not _absolute(child)
    ]
    while todo:
        token = todo.pop()
        inside.add(token.i)
        # "threatens ISIS convoy that agreed to leave": the relative clause is a fact of its own.
        todo += [c for c in token.children if c.dep_ != "relcl"]
    return inside


# Most words of a line that heads a part of a story ("Countering China", "Recent attacks").
SUBHEADING_WORDS = 4


def _subheading(sentence: TokenSpan) -> bool:
    """Whether ``sentence`` is a story's subheading: a few words, no finite verb, no stop."""
    words = [t for t in sentence if not t.is_space]
    return (
        len(words) <= SUBHEADING_WORDS
        and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words)
        and not any(t.is_punct for t in words)
    )


# Verbs of helping another do something: "help them reach", "let them leave".
ENABLING_VERBS = frozenset({"help", "enable", "allow", "let", "assist"})


# Verbs of coming together or acting as a crowd, whose purpose "to protest" is done as they
# are: "gathered to protest", "took to the streets to protest", "staged a sit-in to protest".
GATHERING_VERBS = frozenset(
    {"gather", "assemble", "converge", "mass", "march", "walk", "camp", "flock", "congregate"}
    | {"throng", "pour", "stream", "turn", "come", "take", "hold", "stage", "storm", "block"}
    | {"barricade", "rally", "demonstrate", "strike", "sit", "boycott", "parade", "picket"}
    | {"organise", "organize", "mobilise", "mobilize", "troop", "descend", "line", "join"}
)


PROTEST_NOUNS = frozenset(
    {"demonstration", "protest", "march", "rally", "sit-in", "strike", "walkout", "vigil"}
)


def _gathered_to(verb: Token) -> bool:
    """Whether ``verb`` is "to protest" after a verb of gathering: "Many gather to protest"."""
    if verb.pos_ != "VERB" or not _infinitive(verb):
        return False
    gathering = verb.head
    if verb.dep_ == "acl":  # "held demonstrations to protest the delays"
        if gathering.lemma_.lower() not in PROTEST_NOUNS:
            return False
        gathering = gathering.head
    elif verb.dep_ not in ("advcl", "xcomp") or gathering.lemma_.lower() not in GATHERING_VERBS:
        return False
    # a clause of its own, not one a verb above takes: "prevented them from gathering to
    # protest", "plan to gather to protest"
    return gathering.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in gathering.children
    )


def _infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a "to" infinitive ("resigned to allow elections")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Acts that move a side's forces (a withdrawal of peacekeepers is a SANCTION): their object
# is what moves, not a target.
MOVING_TYPES = frozenset({"MOBILIZE", "RETREAT", "SANCTION"})
# Who can move forces of their own: a state and its organs, a bloc, the UN.
FORCE_OWNERS = frozenset({"state", "government", "military", "leader", "coalition", "igo"})


def _own_forces(actor: Actor, source: Sequence[Actor]) -> bool:
    """Whether ``actor`` is the forces of one of ``source``: their country's military or
    police, or peacekeepers they send ("withdraw its peacekeepers from Chad")."""
    owners = {a.country for a in source if a.kind in FORCE_OWNERS and a.country}
    return (
        bool(owners)
        and actor not in source
        and actor.sector in FORCE_SECTORS
        and (actor.country in owners or actor.country == "UNO")
    )


def _between(children: Iterable[Token]) -> list[Token]:
    """The "between" prepositions among ``children``: a fight between two sides names both."""
    return [c for c in children if c.dep_ == "prep" and c.lower_ == "between"]


def _clause(token: Token) -> Token:
    """The verb whose clause ``token`` is in (itself if a verb; the root where none is), the
    first of verbs joined by "and" ("attacking and fighting Kenyan troops since 2011")."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _when(
    match: _Match, sentence: TokenSpan, times: Intervals[Time], clauses: set[int]
) -> When | None:
    """The date of the event: the time in its sentence closest to it in the parse, unless
    the time is in the clause of another event of the sentence ("He thanked supporters
    Thursday after being freed": Thursday dates the thanks, not the release) and comes
    after the sentence's first verb; ``clauses``: the clause verbs (``_clause``) of the
    sentence's events."""
    doc, head = sentence.doc, match.head
    mine = _clause(match.governor or head).i
    best: tuple[int, int, Time] | None = None
    for _, _, time in times.starting(sentence.start_char, sentence.end_char):
        words = doc.char_span(time.start, time.end, alignment_mode="expand")
        # a time before the sentence's first verb ("On 4 March, ...", "Last month, ...")
        # dates all of it
        opens = words is not None and not any(
            t.pos_ == "VERB" for t in doc[sentence.start : words.start]
        )
        if words is not None and not opens and words.root.head.i != words.root.i:
            owner = _clause(words.root.head).i
            # a participle that only describes a noun ("40 people suspected of links ... on
            # Wednesday") is where the parser hangs the main verb's time, not a clause of its own
            if owner != mine and owner in clauses and doc[owner].dep_ != "acl":
                continue
        tree = min((_distance(head, t) for t in words), default=99) if words else 99
        key = (tree, abs(time.start - head.idx), time)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None:
        return None
    time = best[2]
    return When(
        date=time.value,
        precision=time.precision,
        basis="stated",
        text=time.text,
        start=time.start,
        end=time.end,
    )


def _distance(a: Token, b: Token) -> int:
    """Steps between two tokens in the dependency tree."""
    up: dict[int, int] = {}
    token, steps = a, 0
    while True:
        up[token.i] = steps
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    token, steps = b, 0
    while token.i not in up:
        if token.head.i == token.i:
            return 99
        token, steps = token.head, steps + 1
    return steps + up[token.i]


def _quoted(sentence: TokenSpan) -> list[tuple[int, int]]:
    """Character ranges of ``sentence`` inside quotation marks; an unclosed mark runs to the end."""
    offset = sentence.start_char
    text = text_of(sentence.doc)[offset : sentence.end_char]
    ranges: list[tuple[int, int]] = []
    i = 0
    while (opening := OPENING_MARKS.search(text, i)) is not None:
        i = opening.start()
        close = QUOTE_MARKS[text[i]]
        end = text.find(close, i + 1)
        end = len(text) if end < 0 else end
        ranges.append((offset + i, offset + end))
        i = end + 1
    if not ranges and text.rstrip().endswith(tuple(QUOTE_MARKS.values())):
        ranges.append((offset, offset + len(text.rstrip())))  # a quote opened before
    return ranges


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in ranges)


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.id, actor)
    return list(seen.values())


def _end(token: Token) -> int:
    return token.idx + len(token)


def _span(doc: Doc, start: int, end: int) -> Span:
    text = text_of(doc)[start:end].rstrip()
    return Span(start=start, end=start + len(text), text=text)
