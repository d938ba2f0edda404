"""Actors: who is named in the article, from the actor dictionary and from NER, with coreference.

Dictionary names are matched on tokens, case-sensitively, longest match first, so that "IS"
is never the verb "is" and "anti-ISIS coalition" is the coalition, not ISIS. NER labels are not
trusted for dictionary names (the small English model calls Hizballah a PERSON). Around those
matches a few rules read what the dictionary cannot list:

- a state and an organ of it: "the Lebanese army", "Lebanon's military", "US officials",
  "Syrian state television", "Syria's main opposition group", "the Assad regime"; plural
  demonyms ("Iraqis") and counted ones ("thousands of Sudanese") are the state's people, kind
  group, sector CVL;
- a definite noun naming a kind of actor refers back to the latest actor of that kind:
  "the coalition", "the army", "the regime", "the (militant) group", and "the officials" (the
  latest coalition, government or military); with none before it, it is left out; a common
  noun for a group of people ("people", "students") in a later paragraph is another group
  (``apart``) unless it points back ("the civilians");
- people are NER PERSON spans; the titles before a name ("Lebanese President", "US Army Col.")
  and an appositive around it ("The commander of the army, General Joseph Aoun") give their
  country and sector. A lone capitalised word is a person only after a title or as the surname
  of a full name in the same article; a bare surname goes to the nearest person before it with
  that surname, so President Michel Aoun and General Joseph Aoun stay two people;
- he/she/him/her/his become mentions of the nearest person before them in the same paragraph,
  or of the person the previous paragraph ends with; otherwise they are left unresolved, and
  pronouns inside quotation marks are left to the quotes stage.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, Literal, get_args

import spacy
import yaml
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from ..errors import ResourceError
from ..records import Actor, ActorKind, Span
from .gazetteer import APOSTROPHES
from .offsets import Intervals, index_of
from .parse import (
    entities,
    paragraphs,
    place_word_follows,
    said_as_subject,
    text_of,
    words_of,
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


KINDS = frozenset(get_args(ActorKind))
SECTORS = frozenset(
    _words(
        "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP "
        "PRE REL SOC"
    )
)
# PLOVER's codes for actors that are not states (PLOVER data model, after CAMEO).
NON_STATE_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
FIELDS = frozenset(
    {"id", "name", "kind", "country", "sector", "wikidata", "aliases", "demonyms", "people"}
    | {"capitals"}
    | {"strict_case", "role"}
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY = re.compile(r"^[A-Z]{3}$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")

# The organs of a state the loader derives for every state: kind, sector, name pattern.
ROLES: dict[str, tuple[ActorKind, str, str]] = {
    "military": ("military", "MIL", "{adj} military"),
    "government": ("government", "GOV", "{adj} government"),
    "opposition": ("party", "OPP", "{adj} opposition"),
    "rebels": ("armed_group", "REB", "{adj} rebels"),
    "police": ("government", "COP", "{adj} police"),
    "intelligence": ("government", "SPY", "{adj} intelligence services"),
    "media": ("media", "MED", "{adj} state media"),
    "people": ("group", "CVL", "{people}"),
    "legislature": ("government", "LEG", "{adj} parliament"),
    "judiciary": ("government", "JUD", "{adj} judiciary"),
    "militia": ("armed_group", "UAF", "{adj} militia"),
    "gunmen": ("armed_group", "UAF", "unidentified armed group ({name})"),
    "protesters": ("group", "CVL", "{adj} protesters"),
    "students": ("group", "CVL", "{adj} students"),
    "teachers": ("group", "CVL", "{adj} teachers"),
    "lawyers": ("group", "CVL", "{adj} lawyers"),
    "workers": ("group", "CVL", "{adj} workers"),
    "farmers": ("group", "CVL", "{adj} farmers"),
    "herders": ("group", "CVL", "{adj} herders"),
    "communities": ("group", "CVL", "{adj} communities"),
    "journalists": ("group", "JRN", "{adj} journalists"),
    "doctors": ("group", "MED", "{adj} doctors"),
    "refugees": ("group", "REF", "{adj} refugees"),
    "business": ("group", "BUS", "{adj} business people"),
    "criminals": ("group", "CRM", "{adj} criminals"),
    "clergy": ("group", "REL", "{adj} clergy"),
}
# Nouns after a state or demonym that name one of its organs, lowercased.
ROLE_NOUNS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): role
    for role, phrases in {
        "military": "army, military, armed forces, forces, troops, soldiers, navy, air force, "
        "peacekeepers, peacekeeping troops, "
        "marines, warplanes, jets, defence forces, defense forces, special forces, security "
        "forces, government forces, government troops, military officials, defence ministry, "
        "defense ministry",
        "government": "government, officials, authorities, administration, regime, cabinet, "
        "leadership, leaders, diplomats, ministry, foreign ministry, interior ministry, government "
        "officials, security officials, state department",
        "opposition": "opposition, main opposition, main opposition group, opposition group, "
        "opposition groups, opposition activists",
        "rebels": "rebels, rebel groups, insurgents, opposition fighters",
        "police": "police, police force, riot police",
        "intelligence": "intelligence, intelligence services, intelligence agency",
        "media": "state television, state tv, state media, state news agency, state "
        "broadcaster, television, tv",
        "people": "people, citizens, civilians, nationals",
    }.items()
    for phrase in phrases.split(", ")
}
MAX_ROLE = max(len(key) for key in ROLE_NOUNS)
# After a leader's name these make the leader's government: "the Assad regime".
LEADER_GOVERNMENT = frozenset({"regime", "government", "administration"})

# Definite nouns that refer back to the latest actor of these kinds ("the coalition").
ANAPHORS: dict[str, frozenset[str]] = {
    "coalition": frozenset({"coalition"}),
    "army": frozenset({"military"}),
    "military": frozenset({"military"}),
    "regime": frozenset({"government"}),
    "officials": frozenset({"coalition", "government", "military"}),
    # "Al-Shabaab claimed the attack ... the group said", "the militants fled"
    **dict.fromkeys(_words("group militants insurgents jihadists"), frozenset({"armed_group"})),
}

# Titles before a name, lowercased without the full stop, with the sector they give.
TITLES: dict[str, str | None] = {
    **dict.fromkeys(
        _words(
            "president premier minister secretary chancellor governor mayor ambassador envoy "
            "diplomat spokesman spokeswoman spokesperson official king queen emir sultan prince "
            "crown vice deputy prime foreign defence defense interior sheikh leader head "
            "vice-president secretary-general premier chairman chairwoman speaker mediator "
            "negotiator commissioner representative coordinator rapporteur"
        ),
        "GOV",
    ),
    **dict.fromkeys(
        _words(
            "general gen col colonel lt lieutenant maj major capt captain brig brigadier sgt "
            "sergeant cpl corporal commander cmdr admiral adm marshal field commandant lt-gen "
            "maj-gen brig-gen lt-col"
        ),
        "MIL",
    ),
    **dict.fromkeys(_words("senator sen rep congressman congresswoman lawmaker mp"), "LEG"),
    **dict.fromkeys(_words("judge justice prosecutor"), "JUD"),
    **dict.fromkeys(_words("imam ayatollah cleric rabbi pope bishop archbishop cardinal"), "REL"),
    **dict.fromkeys(_words("journalist reporter correspondent"), "JRN"),
    **dict.fromkeys(_words("mr mrs ms miss dr sir dame former late chief senior"), None),
}
# Words before a title that put its holder out of office: CAMEO and PLOVER code former
# officials as elites (ELI), not as the government they left.
FORMER = frozenset(_words("former ousted deposed exiled ex toppled overthrown"))
# Words between a state and a title: "Lebanon's new President", "Jordan's visiting King".
TITLE_ADJECTIVES = frozenset(
    _words(
        "new visiting outgoing incoming acting interim ousted deposed embattled then "
        "top veteran powerful exiled elected caretaker self-proclaimed junior"
    )
)
# Words inside a long title: "Secretary of State", "Minister for Interior".
TITLE_PORTFOLIO = frozenset(
    _words(
        "of for and state affairs finance planning investment justice trade economy economic "
        "health education information security home public works agriculture energy oil "
        "labour labor transport communications federal national internal external policy "
        "human rights refugee refugees humanitarian relief aid peacekeeping nuclear atomic"
    )
)
# Words before "general" that make a civil title of it.
CIVIL_GENERALS = frozenset(
    {"secretary", "attorney", "solicitor", "director", "inspector", "consul"}
)
# Words before a title that say whose it is: "opposition leader", "rebel commander".
TITLE_QUALIFIERS = {
    **dict.fromkeys(_words("opposition dissident"), "OPP"),
    **dict.fromkeys(_words("rebel rebels guerrilla insurgent militant separatist"), "REB"),
    **dict.fromkeys(_words("militia"), "UAF"),
    **dict.fromkeys(_words("police"), "COP"),
    **dict.fromkeys(_words("army military"), "MIL"),
    **dict.fromkeys(_words("union"), "LAB"),
    **dict.fromkeys(_words("party"), "PTY"),
}
TITLE_GENDER = {
    **dict.fromkeys(("mr", "sir", "king", "prince", "emir", "sultan"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "dame", "queen"), "f"),
}
PRONOUN_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
# Lowercase words allowed inside a person's name: "Abu Bakr al-Baghdadi", "Ursula von der Leyen".
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "van", "von", "der", "-"})
PERSON_LIKE = frozenset({"person", "leader"})
QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”]*”")

Form = Literal["alias", "demonym", "people", "capital", "compound", "anaphor", "person", "pronoun"]


def _key(text: str) -> str:
    """Token text as the dictionary keys it: curly apostrophes made straight."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


@dataclass(frozen=True)
class Entry:
    """One actor of the dictionary, as written in data/actors.yaml or derived from a state."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()  # seats of government the press names for it: "Moscow"
    strict_case: bool = False
    role: str | None = None  # a common noun for any state's organ: "soldiers", "police"
    derived: bool = False  # made by the loader for a state; its name is not an alias


@dataclass(frozen=True)
class _Target:
    entry: str
    form: Form


class ActorDictionary:
    """The shipped dictionary of conflict actors with their aliases; see data/actors.yaml."""

    def __init__(
        self,
        entries: dict[str, Entry],
        table: dict[tuple[str, ...], _Target],
        where: str = "actor dictionary",
    ) -> None:
        self.entries = entries
        self._table = table
        self._longest = max((len(key) for key in table), default=0)
        self._first = {key[0] for key in table}
        self._state_of = {e.country: e.id for e in entries.values() if e.kind == "state"}
        # Common nouns ("soldiers", "the police"), matched in lower case: the generic entry.
        self._generic = _generic_table(entries, where)
        self._generic_longest = max((len(key) for key in self._generic), default=0)
        self._generic_first = {key[0] for key in self._generic if key}

    def common_nouns(self) -> frozenset[str]:
        """The words of the common nouns the dictionary knows ("soldiers", "police")."""
        return frozenset(word for key in self._generic for word in key)

    @classmethod
    def load(cls, path: Path) -> ActorDictionary:
        """The dictionary read from ``path``."""
        try:
            # libyaml's loader reads the 1 MB dictionary in a sixth of the pure-Python time
            # (every worker process pays it at start); same safe tags, same result.
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            raise ResourceError(f"{path}: the actor dictionary cannot be read ({e})") from e
        if not isinstance(data, list):
            raise ResourceError(f"{path}: expected a list of actor entries")
        return cls.from_entries(data, str(path))

    @classmethod
    def from_entries(cls, data: Sequence[Any], where: str = "<entries>") -> ActorDictionary:
        """The dictionary of raw entries (mappings as in the YAML file), checked one by one."""
        entries: dict[str, Entry] = {}
        for number, raw in enumerate(data, 1):
            entry = _entry(raw, f"{where}: entry {number}")
            if entry.id in entries:
                raise ResourceError(f"{where}: entry {number} ({entry.id!r}): id used twice")
            entries[entry.id] = entry
        for group in [e for e in entries.values() if _is_community(e)]:
            # "Pokot raiders", "Kipsigis militia": a community's armed men (ACLED's
            # identity militias), found by _find_generic.
            derived = f"{group.id}-militia"
            if derived not in entries:
                name = f"{group.name} militia"
                entries[derived] = Entry(
                    derived, name, "armed_group", group.country, "UAF", derived=True
                )
        for state in [e for e in entries.values() if e.kind == "state"]:
            for role, (kind, sector, pattern) in ROLES.items():
                derived = f"{state.id}-{role}"
                if derived not in entries:
                    adj = state.demonyms[0] if state.demonyms else state.name
                    people = state.people[0] if state.people else f"{adj} people"
                    name = pattern.format(adj=adj, people=people, name=state.name)
                    entries[derived] = Entry(
                        derived, name, kind, state.country, sector, derived=True
                    )
        return cls(entries, _alias_table(entries, where), where)

    def __len__(self) -> int:
        return len(self.entries)

    def _matches(self, keys: Sequence[str]) -> list[_Match]:
        """Every dictionary alias found in the token texts ``keys``, overlaps included."""
        found = []
        for i, key in enumerate(keys):
            if key not in self._first:
                continue
            for length in range(min(self._longest, len(keys) - i), 0, -1):
                target = self._table.get(tuple(keys[i : i + length]))
                if target is not None:
                    found.append(_Match(i, i + length, target.entry, target.form))
        return found


def _is_community(entry: Entry) -> bool:
    """Whether ``entry`` is a named community ("Fulani", "Pokot"), not a state's people or a
    common noun."""
    return entry.kind == "group" and not entry.derived and entry.role is None


def _entry(raw: Any, where: str) -> Entry:
    """One checked entry; a ResourceError naming it when a field is missing or wrong."""
    if not isinstance(raw, dict):
        raise ResourceError(f"{where}: expected a mapping, got {type(raw).__name__}")
    label = f"{where} ({raw.get('id')!r})"
    if unknown := sorted(set(raw) - FIELDS):
        raise ResourceError(f"{label}: unknown field {unknown[0]!r}")
    for name in ("id", "name", "kind", "country"):
        if name not in raw:
            raise ResourceError(f"{label}: missing {name!r}")
    if not isinstance(raw["id"], str) or not SLUG.match(raw["id"]):
        raise ResourceError(f"{label}: id must be a slug like 'al-shabaab'")
    if not isinstance(raw["name"], str) or not raw["name"].strip():
        raise ResourceError(f"{label}: name must be a non-empty string")
    if raw["kind"] not in KINDS:
        raise ResourceError(f"{label}: kind {raw['kind']!r} is not one of {sorted(KINDS)}")
    country = raw["country"]
    if country is not None and not (isinstance(country, str) and COUNTRY.match(country)):
        raise ResourceError(f"{label}: country {country!r} is not an ISO alpha-3 or PLOVER code")
    if raw["kind"] == "state" and (country is None or country in NON_STATE_COUNTRIES):
        raise ResourceError(f"{label}: a state needs its ISO 3166 alpha-3 country code")
    role = raw.get("role")
    if role is not None and (role not in ROLES or country is not None):
        raise ResourceError(f"{label}: role {role!r} needs country null and one of {list(ROLES)}")
    sector = raw.get("sector")
    if sector is not None and sector not in SECTORS:
        raise ResourceError(f"{label}: sector {sector!r} is not a PLOVER sector code")
    wikidata = raw.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and WIKIDATA.match(wikidata)):
        raise ResourceError(f"{label}: wikidata {wikidata!r} is not an id like 'Q41053'")
    lists = {}
    for name in ("aliases", "demonyms", "people", "capitals"):
        values = raw.get(name) or []
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise ResourceError(f"{label}: {name} must be a list of non-empty strings")
        if values and name != "aliases" and raw["kind"] != "state":
            raise ResourceError(f"{label}: only a state has {name}")
        lists[name] = tuple(values)
    return Entry(
        id=raw["id"],
        name=raw["name"],
        kind=raw["kind"],
        country=country,
        sector=sector,
        wikidata=wikidata,
        aliases=lists["aliases"],
        demonyms=lists["demonyms"],
        people=lists["people"],
        capitals=lists["capitals"],
        strict_case=bool(raw.get("strict_case", False)),
        role=role,
    )


@functools.cache
def _alias_tokenizer() -> Tokenizer:
    """spaCy's plain English tokenizer, which splits aliases as it splits text; made once, as
    making it takes a fifth of a second."""
    tokenizer = spacy.blank("en").tokenizer
    assert isinstance(tokenizer, Tokenizer)
    return tokenizer


def _alias_table(entries: dict[str, Entry], where: str) -> dict[tuple[str, ...], _Target]:
    """Token tuples of every alias and its spelling variants, to the entry they name."""
    tokenizer = _alias_tokenizer()
    written: dict[tuple[str, ...], _Target] = {}
    variants: list[tuple[tuple[str, ...], _Target]] = []
    for entry in entries.values():
        if entry.role is not None:
            continue  # common nouns are matched by _find_generic
        forms: list[tuple[str, Form]] = [] if entry.derived else [(entry.name, "alias")]
        forms += [(alias, "alias") for alias in entry.aliases]
        forms += [(demonym, "demonym") for demonym in entry.demonyms]
        forms += [(people, "people") for people in entry.people]
        forms += [(capital, "capital") for capital in entry.capitals]
        for text, form in forms:
            tokens = tuple(_key(t.text) for t in tokenizer(text) if not t.is_space)
            # "Iraqis" names the derived entry iraq-people, "Moscow" russia-government.
            organ = {"people": "-people", "capital": "-government"}.get(form, "")
            target = _Target(entry.id + organ, form)
            claimed = written.get(tokens)
            if claimed is not None and claimed.entry != target.entry:
                raise ResourceError(
                    f"{where}: entry {entry.id!r}: alias {text!r} already names {claimed.entry!r}"
                )
            if claimed is None:
                written[tokens] = target
            if not entry.strict_case:
                variants += [(v, target) for v in _variants(tokens)]
    table = dict(variants)
    table.update(written)
    return table


def _generic_table(entries: dict[str, Entry], where: str) -> dict[tuple[str, ...], str]:
    """Lower-case token tuples of the common nouns of generic entries, to the entry; a noun
    two entries claim stops the load, as an alias does."""
    tokenizer = _alias_tokenizer()
    table: dict[tuple[str, ...], str] = {}
    for entry in entries.values():
        if entry.role is not None:
            for text in (entry.name, *entry.aliases):
                tokens = tuple(_key(t.lower_) for t in tokenizer(text) if not t.is_space)
                claimed = table.setdefault(tokens, entry.id)
                if claimed != entry.id:
                    raise ResourceError(
                        f"{where}: entry {entry.id!r}: alias {text!r} already names {claimed!r}"
                    )
    return table


def _variants(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Other spellings of an alias: hyphen as space, "ISIS" as "Isis", a capital first letter."""
    forms = {tokens}
    if "-" in tokens[1:-1]:
        forms.add(tuple(t for t in tokens if t != "-"))
    forms |= {
        tuple(t.title() if len(t) >= 4 and t.isalpha() and t.isupper() else t for t in f)
        for f in forms
    }
    forms |= {(f[0][:1].upper() + f[0][1:], *f[1:]) for f in forms}
    forms.discard(tokens)
    return forms


@dataclass(frozen=True)
class _Match:
    start: int  # token index
    end: int
    entry: str
    form: Form
    priority: int = 0  # among matches of one length, written aliases before compounds


@dataclass
class _Person:
    name: str
    surname: str
    country: str | None = None
    sector: str | None = None
    gender: str | None = None


@dataclass
class _Found:
    """What find() has found so far: mentions by token, and the people NER gave."""

    doc: Any
    dictionary: ActorDictionary
    text: str  # doc.text, which spaCy rebuilds from the tokens on every access
    mentions: list[_Match] = field(default_factory=list)
    people: list[_Person] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    # Mentions to drop once the people are read, not one list rebuilt per person.
    dropped: set[_Match] = field(default_factory=set)
    # People by full name, by surname (first and latest named), and their numbers.
    by_name: dict[str, _Person] = field(default_factory=dict)
    first_by_surname: dict[str, _Person] = field(default_factory=dict)
    last_by_surname: dict[str, _Person] = field(default_factory=dict)
    numbers: dict[int, int] = field(default_factory=dict)
    # The country an organisation's own name gives ("Kenya Wildlife Service"), by key.
    org_countries: dict[str, str | None] = field(default_factory=dict)

    def add_person(self, person: _Person) -> _Person:
        """``person`` added to the people, and found by name, surname and number."""
        self.numbers[id(person)] = len(self.people)
        self.people.append(person)
        self.by_name.setdefault(_apostrophes(person.name), person)
        self.first_by_surname.setdefault(_apostrophes(person.surname), person)
        return person

    def number(self, person: _Person) -> int:
        """The position of ``person`` among the people: the number in its key."""
        return self.numbers[id(person)]

    def covered(self) -> list[_Match | None]:
        owner: list[_Match | None] = [None] * len(self.doc)
        for m in self.mentions:
            for i in range(m.start, m.end):
                owner[i] = m
        return owner

    def kind(self, key: str) -> str:
        if key.startswith("person:"):
            return "person"
        if key.startswith("org:"):
            return "organisation"
        return self.dictionary.entries[key].kind


def find(doc: Doc, dictionary: ActorDictionary) -> list[Actor]:
    """Actors named in ``doc``, every mention (pronouns resolved by coreference included)."""
    found = _Found(doc, dictionary, text_of(doc))
    keys = [_key(text) for text in words_of(doc).text]
    matches = dictionary._matches(keys)
    matches += _compounds(doc, matches, dictionary)
    chosen = [m for m in _select(matches) if m.form != "capital" or _metonym(doc[m.end - 1])]
    chosen = [m for m in chosen if not _community_place(doc, m, dictionary)]
    chosen = [m for m in chosen if not _in_feature_name(doc, m)]
    found.mentions = [
        _counted_people(doc, m, dictionary) for m in _merge_qualified(doc, chosen, dictionary)
    ]
    _resolve_anaphors(found)
    _find_people(found)
    _find_loyal(found)
    _find_generic(found)
    _find_crowds(found)
    _resolve_pronouns(found)
    _find_organisations(found)
    _resolve_speaking_they(found)
    return _residents(_actors(found), found.text)


# Words that count the people a demonym after them names: "thousands of Sudanese".
COUNTING = frozenset(
    _words("tens dozens scores hundreds thousands millions many some several few most")
)


def _counted_people(doc: Doc, m: _Match, dictionary: ActorDictionary) -> _Match:
    """A demonym counted as a noun is the state's people, as "Iraqis" is: "tens of thousands
    of Sudanese", "many Lebanese", "2 million Congolese" (not "Sudanese troops", nor "the
    Chinese", which may be its government)."""
    people = f"{m.entry}-people"
    if m.form != "demonym" or m.end - m.start != 1 or people not in dictionary.entries:
        return m
    token = doc[m.start]
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod", "nmod", "poss"):
        return m
    before = doc[m.start - 1] if m.start > 0 else None
    counted = before is not None and (
        before.lower_ in COUNTING
        or before.like_num
        or (before.lower_ == "of" and m.start > 1 and doc[m.start - 2].lower_ in COUNTING)
    )
    return _Match(m.start, m.end, people, "people") if counted else m


# Words around a community's name that make it a place's: "in Turkana", "West Pokot",
# "Kikuyu town", "Samburu county", "(Turkana)".
PLACE_BEFORE = frozenset(
    _words("in at from near to into across around through ( - north south east west central lake")
)
PLACE_AFTER = frozenset(
    _words(
        "county sub-county subcounty district town village constituency ward location division "
        "province region zone border north south east west central ) -"
    )
)


def _community_place(doc: Doc, m: _Match, dictionary: ActorDictionary) -> bool:
    """Whether a community's name stands for the place named after it: many communities of
    Kenya share their name with a county or a town ("West Pokot", "in Turkana")."""
    if not _is_community(dictionary.entries[m.entry]):
        return False
    before = doc[m.start - 1].lower_ if m.start > 0 else ""
    after = doc[m.end].lower_ if m.end < len(doc) else ""
    return before in PLACE_BEFORE or after in PLACE_AFTER


# Seas, gulfs and the like named after a country: "the South China Sea", "the Gulf of Mexico".
FEATURES = frozenset(_words("sea ocean gulf strait straits bay peninsula channel subcontinent"))


def _in_feature_name(doc: Doc, m: _Match) -> bool:
    """Whether a name is part of a sea's or a gulf's ("the South China Sea", "the Indian
    Ocean", "the Sea of Japan"): the water is no party to anything."""
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.lower_ in FEATURES and after.text[:1].isupper():
        return True
    if m.start < 2 or doc[m.start - 1].lower_ != "of":
        return False
    before = doc[m.start - 2]
    return before.lower_ in FEATURES and before.text[:1].isupper()


# "Albanians in south Serbia", "the Albanians of southern Serbia": a people and where it lives.
RESIDENCE = re.compile(
    r"\s+(?:living\s+)?(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central)[a-z]*\s+)?"
)


def _residents(actors: list[Actor], text: str) -> list[Actor]:
    """A people is coded by the state it lives in where the text says so, as CAMEO and PLOVER
    code it: "ethnic Albanians in south Serbia" are Serbia's civilians, not Albania's."""
    # Not "Palestinians of the Israeli-occupied West Bank": a state's word in a longer name.
    states = {
        m.start: a
        for a in actors
        if a.kind == "state"
        for m in a.mentions
        if not text.startswith("-", m.end)
    }
    out = []
    for actor in actors:
        if (actor.dictionary_id or "").endswith("-people"):
            for m in actor.mentions:
                state = next(
                    (
                        states[start]
                        for start in range(m.end + 4, m.end + 30)
                        if start in states and RESIDENCE.fullmatch(text[m.end : start])
                    ),
                    None,
                )
                if state is not None and state.country != actor.country:
                    actor = actor.model_copy(update={"country": state.country})
                    break
        out.append(actor)
    return out


# Prepositions whose object is a party to what happens, not a place: "talks with Moscow".
PARTY_PREPOSITIONS = frozenset({"with", "against", "between", "by", "toward", "towards"})


# Verbs whose object is someone spoken to or dealt with, never a place: "criticised Beijing".
PARTY_VERBS = frozenset(
    {"accuse", "criticise", "criticize", "condemn", "warn", "urge", "blame", "praise", "thank"}
    | {"sanction", "pressure", "press", "ask", "tell", "invite", "reassure", "threaten", "lobby"}
    | {"rebuke", "slam", "chastise", "defy", "snub", "challenge", "persuade", "court", "fault"}
    | {"denounce", "reprimand", "caution", "implore", "inform", "notify", "assure"}
)


def _metonym(token: Any) -> bool:
    """Whether a capital stands for its government: "Moscow said", "Washington's allies",
    "ties with Beijing", but not "talks in Moscow" or "flew to Beijing"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "poss") or said_as_subject(token):
        return True
    if token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() in PARTY_VERBS:
        return True  # "Washington warned Beijing", "urged Moscow to withdraw"
    if token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.lemma_ == "call":
        return True  # "called on Beijing to ..."
    return bool(token.dep_ == "pobj" and token.head.lower_ in PARTY_PREPOSITIONS)


def _compounds(doc: Doc, matches: Iterable[_Match], dictionary: ActorDictionary) -> list[_Match]:
    """A state and one of its organs ("Lebanon's military"), a leader's regime ("Assad regime")."""
    out = []
    n = len(doc)
    lowers = words_of(doc).lower
    for m in matches:
        entry = dictionary.entries[m.entry]
        start, end = m.start, m.end
        if entry.kind == "leader" and m.form == "alias":
            state = dictionary._state_of.get(entry.country or "")
            if state and end < n and doc[end].lower_ in LEADER_GOVERNMENT:
                out.append(_Match(start, end + 1, f"{state}-government", "compound", 1))
            continue
        if entry.kind != "state" or m.form == "people":
            continue
        if end < n and _key(doc[end].lower_) == "'s" and m.form == "alias":
            end += 1
        elif end < n and doc[end].text == ")" and start > 0 and doc[start - 1].text == "(":
            start, end = start - 1, end + 1  # "the (Syrian) regime"
        elif end + 1 < n and doc[end].text == "-" and doc[end + 1].lower_ == "led":
            end += 2  # "Vietnamese-led forces" ("US-backed forces" are not the US's)
        for length in range(min(MAX_ROLE, n - end), 0, -1):
            role = ROLE_NOUNS.get(tuple(lowers[end : end + length]))
            if role is not None:
                out.append(_Match(start, end + length, f"{entry.id}-{role}", "compound", 1))
                break
    return out


def _select(matches: Iterable[_Match]) -> list[_Match]:
    """Matches that do not overlap, the longest first: "anti-ISIS coalition" over "ISIS"."""
    taken: set[int] = set()
    chosen = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.priority, m.start)):
        span = set(range(m.start, m.end))
        if not span & taken:
            taken |= span
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _merge_qualified(doc: Doc, chosen: list[_Match], dictionary: ActorDictionary) -> list[_Match]:
    """ "Lebanon's Hezbollah" and "the Lebanese Hezbollah" as one mention of Hezbollah."""
    out: list[_Match] = []
    for m in chosen:
        if out:
            before = out[-1]
            first = dictionary.entries[before.entry]
            entry = dictionary.entries[m.entry]
            gap = doc[before.end : m.start]
            joined = len(gap) == 0 or (
                len(gap) == 1 and _key(gap[0].lower_) == "'s" and before.form == "alias"
            )
            if (
                joined
                and first.kind == "state"
                and before.form == "demonym"
                and m.form == "people"
                and entry.country not in (None, first.country)
            ):
                # "Bosnian Serbs", "Kosovo Albanians": a people living in another state
                out[-1] = _Match(before.start, m.end, f"{first.id}-people", "compound")
                continue
            if (
                joined
                and first.kind == "state"
                and before.form in ("alias", "demonym")
                and entry.kind not in ("state", "leader")
            ):
                if entry.country == first.country:
                    out[-1] = _Match(before.start, m.end, m.entry, m.form)
                    continue
                if entry.kind == "group" and entry.country is None and doc[m.end - 1].pos_ != "ADJ":
                    # "Iraqi Kurds": a community that spans borders, as one state's people
                    # (not "Iraqi Kurdish forces": the word describes the men named after it)
                    out[-1] = _Match(before.start, m.end, f"{first.id}-people", "compound")
                    continue
        out.append(m)
    return out


def _resolve_anaphors(found: _Found) -> None:
    """ "the coalition", "the army", "the officials" as mentions of the latest actor of the kind."""
    doc = found.doc
    owner = found.covered()
    added: list[_Match] = []
    # The latest mention of each kind before the word, kept as the words are read in order.
    mentions = found.mentions
    order = {id(m): k for k, m in enumerate(mentions)}
    latest: dict[str, _Match] = {}
    ahead = 0
    lowers = words_of(doc).lower
    for i in range(1, len(doc)):
        kinds = ANAPHORS.get(lowers[i])
        if kinds is None or owner[i] is not None:
            continue
        token = doc[i]
        if token.lower_ != "coalition" and doc[_before_modifiers(token, owner)].lower_ != "the":
            continue
        if token.lower_ == "coalition" and (
            doc[token.i - 1].lower_ in ("a", "an")
            or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "government")
        ):
            continue
        # The mentions are sorted by start, so those before the word are a prefix of them.
        while ahead < len(mentions) and mentions[ahead].start < token.i:
            m = mentions[ahead]
            kind = found.kind(m.entry)
            # Of mentions starting together the first in the list counts, as in a stable sort.
            if kind not in latest or latest[kind].start < m.start:
                latest[kind] = m
            ahead += 1
        candidates = [latest[kind] for kind in kinds if kind in latest]
        if candidates:
            # The latest of the kinds; on a tie of starts the one first in the mentions list.
            m = max(candidates, key=lambda m: (m.start, -order.get(id(m), len(order))))
            anaphor = _Match(token.i, token.i + 1, m.entry, "anaphor")
            added.append(anaphor)
            latest[found.kind(m.entry)] = anaphor
    found.mentions = sorted(found.mentions + added, key=lambda m: m.start)


# Words by which a phrase names another actor than the one before: "the other group".
OTHER = frozenset(_words("other another second rival new same former"))


def _before_modifiers(token: Token, owner: list[_Match | None]) -> int:
    """The index of the word before ``token`` and the common words that describe it: "the
    militant group", "the terror group" point back as "the group" does; "the other group",
    "the Kurdish group" (an actor's word) do not."""
    k = token.i - 1
    while k > 0 and token.i - k <= 2:
        word = token.doc[k]
        describes = (
            word.dep_ in ("amod", "compound")
            and word.head.i == token.i
            and word.pos_ in ("ADJ", "NOUN")
            and word.is_lower
            and word.lower_ not in OTHER
            and owner[k] is None
        )
        if not describes:
            break
        k -= 1
    return k


def _title(token: Any) -> str:
    return str(token.lower_).rstrip(".")


# Verbs whose subject says a quote: "... ," X told the council.
SPEAKING_VERBS = frozenset({"say", "tell", "add", "write", "explain", "insist", "state"})


# Words before a storm's given name: "Cyclone Jude", "Hurricane Maria", "Tropical Storm Ana".
STORMS = frozenset({"cyclone", "hurricane", "typhoon", "storm"})


def _storm_word(token: Token) -> bool:
    """Whether ``token`` is a word for a storm ("Cyclone", "Cyclones")."""
    return token.lower_.removesuffix("s") in STORMS


def _storm_names(doc: Doc) -> set[str]:
    """The given names of the storms a text names ("Cyclone Jude", "Cyclones Chido and
    Dikeledi", "Tropical Storm Ana"), which name no one wherever they stand in it."""
    names: set[str] = set()
    for token in doc:
        if not _storm_word(token):
            continue
        following = doc[token.i + 1 : token.i + 6]
        for word in following:
            if word.lower_ == "and" or word.text == ",":
                continue
            if word.pos_ != "PROPN" or not word.text[:1].isupper():
                break
            names.add(word.text)
    return names


# The last word of a division's name, which no person's name ends with: "Jonglei State".
DIVISION_ENDINGS = frozenset(
    {"state", "province", "region", "county", "district", "governorate", "prefecture"}
)


def _find_people(found: _Found) -> None:
    """People from NER with their titles, and surname chains: "Dillon said" is Ryan Dillon."""
    doc = found.doc
    owner = found.covered()
    names: list[tuple[int, int]] = []
    storms = _storm_names(doc)
    for ent in entities(doc):
        # NER calls some titled names something else: "Vice-President Moody Awori" (ORG).
        titled_name = (
            ent.label_ in ("ORG", "GPE", "NORP", "LOC")
            and len(ent) <= 4
            and _titled(doc, ent.start)
            and all(t.text[:1].isupper() for t in ent)
        )
        # A name that says a quote is a person's, whatever NER makes of it after the quote
        # marks ("'This is false,' Vassily Nebenzia told the council" is a WORK_OF_ART).
        speaker_name = (
            ent.label_ == "WORK_OF_ART"
            and 2 <= len(ent) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent)
            and ent.root.dep_ == "nsubj"
            and ent.root.head.lemma_ in SPEAKING_VERBS
            # not the rest of a name given before ("Helen La Lime ... La Lime said")
            and not any(
                other.label_ == "PERSON" and other.text.endswith(" " + ent.text)
                for other in entities(doc)
            )
        )
        if ent.label_ != "PERSON" and not (titled_name or speaker_name):
            continue
        if place_word_follows(ent):
            continue  # "Chuka Igambangombe constituency" is a place
        if len(ent) > 1 and ent[-1].lower_ in DIVISION_ENDINGS and ent[-1].text[:1].isupper():
            continue  # "in Bor, Jonglei State", "in Paletwa township, Chin State": a place
        if all(t.text in storms or _storm_word(t) for t in ent):
            continue  # "Cyclone Jude slammed into Malawi", "hit by Jude": weather, not a person
        # "Former Socialist prime minister ...": a word before a title describes the title.
        if ent.label_ != "PERSON" and ent.end < len(doc) and _title(doc[ent.end]) in TITLES:
            continue
        start, end = ent.start, ent.end
        while start < end and (_title(doc[start]) in TITLES or not doc[start].text[:1].isupper()):
            start += 1
        while end > start and (doc[end - 1].is_punct or _key(doc[end - 1].lower_) == "'s"):
            end -= 1
        if start == end or not _is_name(doc[start:end]):
            continue
        inside = {owner[i] for i in range(start, end)} - {None}
        if inside:
            # A first name that is also a state ("Chad Smith", "Jordan Bardella"): the person.
            dictionary = found.dictionary
            states = all(
                m is not None and m.form == "alias" and dictionary.entries[m.entry].kind == "state"
                for m in inside
            )
            if not (states and end - start >= 2 and owner[end - 1] is None):
                continue
            found.dropped.update(m for m in inside if m is not None)
            for i in range(start, end):
                owner[i] = None
        if end - start == 1 and not _titled(doc, start):
            continue  # a lone word without a title: only a surname chain may make it a person
        names.append((start, end))
    full = {doc[s:e].text: doc[e - 1].text for s, e in names if e - s >= 2}
    surnames = {_apostrophes(surname) for surname in full.values()}
    starts = {s: e for s, e in names}
    texts = words_of(doc).text
    i = 0
    added: list[_Match] = []
    while i < len(doc):
        if i in starts:
            end = starts[i]
            text = doc[i:end].text
            person = _by_surname(found, text) if end - i == 1 else _person(found, text, full)
        elif owner[i] is None and _apostrophes(texts[i]) in surnames and texts[i][:1].isupper():
            end = i + 1
            person = _by_surname(found, doc[i].text)
        else:
            i += 1
            continue
        key = f"person:{found.number(person)}"
        added.append(_Match(i, end, key, "person"))
        found.last_by_surname[_apostrophes(person.surname)] = person
        _describe(found, person, i, end, owner)
        i = end
    found.mentions = [m for m in found.mentions if m not in found.dropped]
    for m in [m for m in found.mentions if found.kind(m.entry) == "leader"]:
        _absorb(found, _prefix(found, m.start, owner))
    found.mentions = [m for m in found.mentions if m not in found.dropped]
    found.mentions = sorted(found.mentions + added, key=lambda m: m.start)


# Last words of a place's name, which NER may call an organisation's.
PLACE_WORDS = frozenset(
    _words(
        "county district province state region city town village island islands valley "
        "river lake mountains hills forest park camp street road avenue square airport"
    )
)
# Words of a name that join its capitalised words: "Department of Homeland Security".
# The Arabic article written as a word of its own before a name: "El Obeid", "Al Fashir".
ARABIC_ARTICLES = frozenset({"el", "al", "ad", "ar", "as", "ash", "at", "az", "ed", "en", "es"})
ORG_JOINERS = frozenset({"of", "for", "and", "on", "&", "-"})


def _find_organisations(found: _Found) -> None:
    """Organisations the dictionary does not list, from NER ORG names: "the Department of
    Homeland Security", "Human Rights Watch". Their country and sector are unknown; an acronym
    of a name given before it ("Immigration and Customs Enforcement (ICE)") is the same one.
    Not in a headline set in title case, where NER reads any run of capitals as a name."""
    doc = found.doc
    owner = found.covered()
    keys: dict[str, str] = {}  # name or acronym -> key
    added: list[_Match] = []
    for ent in entities(doc):
        if ent.label_ != "ORG":
            continue
        start, end = ent.start, ent.end
        while start < end and (
            not doc[start].text[:1].isupper() or doc[start].lower_ in ("the", "a", "an")
        ):
            start += 1
        while end > start and (doc[end - 1].is_punct or _key(doc[end - 1].lower_) == "'s"):
            end -= 1
        if start >= end:
            continue
        words = doc[start:end]
        inside = [owner[i] for i in range(start, end) if owner[i] is not None]
        country = None
        if inside:
            # "Kenya Wildlife Service": a state's name that begins a longer name is its country
            first = inside[0]
            entry = found.dictionary.entries.get(first.entry) if first is not None else None
            if not (
                first is not None
                and entry is not None
                and entry.kind == "state"
                and first.start == start
                and all(m is first for m in inside)
                and end - first.end >= 2
            ):
                continue
            country = entry.country
            found.dropped.add(first)
        if (
            not all(
                t.lower_ in ORG_JOINERS
                or (t.text[:1].isupper() and any(c.isalpha() for c in t.text))
                for t in words
            )
            or words[-1].lower_ in ORG_JOINERS
        ):
            continue
        lone = end - start == 1 or (end - start == 2 and words[0].lower_ in ARABIC_ARTICLES)
        if lone and not (words[-1].is_upper and len(words[-1]) >= 2):
            continue  # "Kisumu", "El Obeid": NER calls many a lone place name an organisation
        if words[-1].lower_ in PLACE_WORDS:
            continue  # "Nyandarua County"
        if _qualifies(words.root, start, end):
            continue  # "CORD protesters", "students of Daystar University": they act
        sentence = doc[start].sent
        if all(t.is_title or t.is_upper for t in sentence if t.is_alpha and not t.is_stop):
            continue
        name = words.text
        if name not in keys:
            key = f"org:{name}"
            keys[name] = key
            found.org_countries[key] = country
            capitals = [t.text[0] for t in words if t.lower_ not in ORG_JOINERS]
            if len(capitals) >= 2:
                keys.setdefault("".join(capitals).upper(), key)
        added.append(_Match(start, end, keys[name], "alias"))
    found.mentions = [m for m in found.mentions if m not in found.dropped]
    found.mentions = sorted(found.mentions + added, key=lambda m: m.start)


def _qualifies(root: Token, start: int, end: int) -> bool:
    """Whether a name only qualifies a noun outside it, which is the one who acts: "NASA
    protesters", "a GEMU meeting", "workers at Mombasa Municipal Council"."""
    head = root.head
    if start <= head.i < end:
        return False
    if root.dep_ in ("compound", "nmod", "amod", "poss"):
        return head.pos_ in ("NOUN", "PROPN")
    return root.dep_ == "pobj" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < start


def _is_name(words: Any) -> bool:
    """Capitalised words and name particles only, with a letter in each."""
    return all(
        t.lower_ in NAME_PARTICLES or (t.text[:1].isupper() and any(c.isalpha() for c in t.text))
        for t in words
    )


def _titled(doc: Doc, i: int) -> bool:
    """Whether a title stands just before token ``i`` ("General Aoun", "Col. Dillon")."""
    i -= 1
    while i >= 0 and doc[i].text == ".":
        i -= 1
    return i >= 0 and _title(doc[i]) in TITLES


def _apostrophes(name: str) -> str:
    """A name with one apostrophe for all: one text writes "al-Rufay'i" and "al-Rufay’i"."""
    return APOSTROPHES.sub("'", name)


def _person(found: _Found, name: str, full: dict[str, str]) -> _Person:
    """The person of a full name, the same for every mention of the name."""
    person = found.by_name.get(_apostrophes(name))
    if person is None:
        person = found.add_person(_Person(name, full.get(name, name.split()[-1])))
    return person


def _by_surname(found: _Found, surname: str) -> _Person:
    """The person a bare surname means: the nearest before it with that surname, else the first."""
    key = _apostrophes(surname)
    person = found.last_by_surname.get(key) or found.first_by_surname.get(key)
    if person is None:
        person = found.add_person(_Person(surname, surname))
    return person


@dataclass
class _Prefix:
    """What the words before a name say: "Lebanese President", "US Army Col."."""

    titled: bool = False
    sector: str | None = None
    gender: str | None = None
    org: Entry | None = None
    states: list[_Match] = field(default_factory=list)
    former: bool = False  # "Ousted President Askar Akayev", "former Socialist prime minister"


def _prefix(found: _Found, start: int, owner: list[_Match | None]) -> _Prefix:
    """Titles and organisations just before token ``start``, nearest first."""
    doc = found.doc
    entries = found.dictionary.entries
    prefix = _Prefix()
    k = start - 1
    while k >= 0:
        word = _title(doc[k])
        m = owner[k]
        if doc[k].text in (".", "-") or _key(word) == "'s" or word in TITLE_ADJECTIVES:
            k -= 1
        elif word in TITLES:
            prefix.titled = True
            sector = TITLES[word]
            if (
                word == "general"
                and {_title(doc[j]) for j in (k - 1, k - 2) if j >= 0} & CIVIL_GENERALS
            ):
                sector = "GOV"  # "Secretary-General", "Attorney General"
            prefix.sector = prefix.sector or sector
            prefix.gender = prefix.gender or TITLE_GENDER.get(word)
            k -= 1
        elif (
            word in TITLE_PORTFOLIO
            and m is None
            and (prefix.titled or _before_title(doc, k))
            # "Syria and Palestinian leader Arafat": "and" after an actor joins two parties
            and not (word == "and" and k > 0 and owner[k - 1] is not None)
        ):
            k -= 1  # "Planning and Investment Minister", "Secretary of State"
        elif word in TITLE_QUALIFIERS and prefix.titled and m is None:
            prefix.sector = TITLE_QUALIFIERS[word]  # "opposition leader", "rebel commander"
            k -= 1
        elif m is not None and m.entry in entries and found.kind(m.entry) not in PERSON_LIKE:
            if entries[m.entry].kind == "state":
                prefix.states.append(m)
            prefix.org = prefix.org or entries[m.entry]
            k = m.start - 1
        else:
            break
    # "Former" may stand before a party or a state: "former Socialist prime minister".
    if prefix.titled:
        before = [_title(doc[j]) for j in range(max(0, k - 1), k + 2) if j < start]
        prefix.former = any(word in FORMER for word in before)
    return prefix


def _before_title(doc: Doc, k: int) -> bool:
    """Whether the portfolio words ending at token ``k`` follow a title: "Secretary of State"."""
    while k >= 0 and _title(doc[k]) in TITLE_PORTFOLIO:
        k -= 1
    return k >= 0 and _title(doc[k]) in TITLES


def _absorb(found: _Found, prefix: _Prefix) -> None:
    """Drop the states of a titled prefix: "Lebanese" in "Lebanese President Michel Aoun"."""
    if prefix.titled and prefix.states:
        found.dropped.update(prefix.states)


def _describe(found: _Found, person: _Person, start: int, end: int, owner: list[Any]) -> None:
    """Country, sector and gender from the titles before a name and an appositive around it."""
    prefix = _prefix(found, start, owner)
    _absorb(found, prefix)
    sector = prefix.sector
    person.gender = person.gender or prefix.gender
    if prefix.org is not None and prefix.titled:
        person.country = person.country or prefix.org.country
        if prefix.org.kind not in ("state", "military", "government"):
            sector = prefix.org.sector or sector
    person.sector = person.sector or ("ELI" if prefix.former else sector)
    if person.country is None or person.sector is None:
        _describe_from_appositive(found, person, found.doc[end - 1], owner)


def _describe_from_appositive(found: _Found, person: _Person, head: Any, owner: list[Any]) -> None:
    """ "The commander of the army, General Joseph Aoun": commander is MIL, the army Lebanon's."""
    entries = found.dictionary.entries
    phrases = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        phrases.append(head.head)
    own = {t.i for t in head.subtree}
    for phrase in phrases:
        words = [t for t in phrase.subtree if phrase.i != head.head.i or t.i not in own]
        orgs = [
            entries[owner[t.i].entry]
            for t in words
            if owner[t.i] is not None and found.kind(owner[t.i].entry) not in PERSON_LIKE
        ]
        sector = TITLES.get(_title(phrase))
        if orgs:
            person.country = person.country or orgs[0].country
            if orgs[0].kind not in ("state", "military", "government"):
                sector = orgs[0].sector or sector
        person.sector = person.sector or sector


def _find_generic(found: _Found) -> None:
    """Common nouns for actors ("Beninese soldiers", "rebels in Zimbabwe", "the police").

    The state is the one named before the noun in its phrase, else after it ("of", "in"),
    else the country the article names most, except for bystanders (``BYSTANDERS``), whom
    ``settle`` gives the country of the article's places; a noun modified by another actor
    ("IS fighters") is left to that actor, a noun modifying another ("police station") is no
    actor.
    """
    doc = found.doc
    dictionary = found.dictionary
    owner = found.covered()
    context = _context_country(found)
    lowers = [_key(lower) for lower in words_of(doc).lower]
    added: list[_Match] = []
    dropped: set[_Match] = set()
    police_at = min(
        (m.start for m in found.mentions if _sector(found, m.entry) == "COP"), default=len(doc)
    )
    if POLICE not in dictionary.entries:
        police_at = len(doc) + 1  # a dictionary without common nouns
    i = 0
    while i < len(doc):
        hit = None
        if lowers[i] not in dictionary._generic_first:
            i += 1  # no common noun for an actor starts with this word
            continue
        for length in range(min(dictionary._generic_longest, len(doc) - i), 0, -1):
            generic = dictionary._generic.get(tuple(lowers[i : i + length]))
            if generic and all(owner[k] is None for k in range(i, i + length)):
                hit = (i + length, generic)
                break
        if hit is None:
            i += 1
            continue
        end, generic = hit
        start, head = i, doc[end - 1]
        i = end
        if not _agent_noun(found, start, end, owner):
            continue
        if lowers[end - 1] in COUNTED and end < len(doc) and lowers[end] == "of":
            continue  # "a group of farmers", "thousands of students": the farmers, the students
        if lowers[end - 1] == "opposition" and end < len(doc) and lowers[end] == "to":
            continue  # "stands in opposition to", "opposition to the bill": the act, not parties
        if lowers[start] in OFFICERS and end - start == 1 and police_at < start:
            generic = POLICE  # "police officers ... the officers": the police's, not an army's
        generic = _movement_after(dictionary, head, lowers, generic)
        owning = _owning_body(found, head, added, dictionary.entries[generic].role)
        if owning is not None:
            # "IS said its fighters", "Kenya said its soldiers": the state's own armed men
            own = found.kind(owning.entry) == "state"
            key = f"{owning.entry}-{dictionary.entries[generic].role}" if own else owning.entry
            added.append(_Match(start, end, key, "alias"))
            continue
        # The word just before counts even outside the phrase: the parser loses "IS fighters".
        window = range(max(min(head.left_edge.i, start - 1), 0), start)
        named = {m for k in window if (m := owner[k]) is not None}
        before = {m for m in named if not _sponsor(doc, m)}
        states = [m for m in before if _is_state(found, m)]
        others = {found.kind(m.entry) for m in before if m not in states}
        armed = dictionary.entries[generic].role in ARMED_ROLES
        # "Babu Owino's supporters", "Ruto youths": a crowd, not the person they follow
        followers = dictionary.entries[generic].role == "protesters" and others <= PERSON_LIKE
        if others and not (armed and others == {"group"}) and not followers:
            continue  # "IS fighters", "Fulani herdsmen": the other actor's; "Hutu rebels" are not
        community = _community_before(found, before, generic, head)
        if community is not None and not states:
            # "Pokot raiders", "Turkana militias": the community's armed men
            added.append(_Match(community.start, end, f"{community.entry}-militia", "alias"))
            dropped.add(community)
            continue
        country = None
        entry_role = dictionary.entries[generic].role
        if states:
            first = min(states, key=lambda m: m.start)
            country = dictionary.entries[first.entry].country
            start = first.start
            dropped.update(states)
        elif (body := _body_after(found, head, owner, entry_role)) is not None:
            # "diplomats from the Group of Seven": the body's people, not the article's state
            added.append(_Match(start, end, body, "alias"))
            continue
        else:
            # Backed by a state, they are not that state's, nor the article's by default.
            backed = len(before) < len(named)
            abroad = _from_abroad(head, start, owner)
            country = None if abroad else _country_after(found, head, owner)
            if (
                country is None
                and not backed
                and not abroad
                and dictionary.entries[generic].role not in BYSTANDERS
                and not _placed(head, owner)
                and not _facing_state(found, head, owner, context)
            ):
                country = context
        entry = dictionary.entries[generic]
        state = dictionary._state_of.get(country or "")
        key = f"{state}-{entry.role}" if state else generic
        added.append(_Match(start, end, key, "alias"))
        if entry.sector == "COP":
            police_at = min(police_at, start)
    found.mentions = sorted(
        [m for m in found.mentions if m not in dropped] + added, key=lambda m: m.start
    )
    for person in found.people:
        if person.country is None and person.sector in STATE_SECTORS:
            person.country = context


# Nouns for armed men whom "loyal to" someone makes that one's own: "forces loyal to Assad".
LOYAL_NOUNS = frozenset(
    _words("forces force troops soldiers fighters militias militia militiamen gunmen men units")
)
STATE_LEADING = frozenset({"state", "government", "leader", "military"})


def _find_loyal(found: _Found) -> None:
    """Armed men "loyal to" a state's leader or organ, or to an armed group, as that state's
    military or that group: "forces loyal to Bashar al-Assad" are Syria's, "fighters loyal to
    the Houthis" the Houthis' ("forces" alone names no one: "market forces")."""
    doc = found.doc
    owner = found.covered()
    added: list[_Match] = []
    for token in doc:
        if token.lower_ not in LOYAL_NOUNS or owner[token.i] is not None:
            continue
        loyal = next((c for c in token.rights if c.dep_ == "amod" and c.lower_ == "loyal"), None)
        to = (
            next((c for c in loyal.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if loyal is not None
            else None
        )
        if to is None:
            continue
        leader = next((m for t in to.subtree if (m := owner[t.i]) is not None), None)
        role = "militia" if token.lower_.startswith("militia") else "military"
        key = _loyal_key(found, leader, role) if leader is not None else None
        if key is None:
            continue
        start = token.i  # with the words before it: "counterterror forces"
        while (
            start > 0
            and doc[start - 1].head.i == token.i
            and doc[start - 1].dep_ in ("compound", "amod")
            and owner[start - 1] is None
        ):
            start -= 1
        added.append(_Match(start, token.i + 1, key, "alias"))
    found.mentions = sorted([*found.mentions, *added], key=lambda m: m.start)


def _loyal_key(found: _Found, m: _Match, role: str) -> str | None:
    """The actor whose armed men are loyal to ``m``: an armed group itself, else the military
    (or militia, by ``role``) of the state whose leader or organ ``m`` is; None otherwise."""
    if m.entry.startswith("person:"):
        person = found.people[int(m.entry.split(":")[1])]
        if person.sector not in STATE_SECTORS:
            return None
        country = person.country
    elif (kind := found.kind(m.entry)) == "armed_group":
        return m.entry
    elif kind in STATE_LEADING:
        country = found.dictionary.entries[m.entry].country
    else:
        return None
    state = found.dictionary._state_of.get(country or "")
    key = f"{state}-{role}"
    return key if key in found.dictionary.entries else None


# Nouns for what a crowd does: "Riots broke out", "Protests over the new tax". With nobody
# named as doing it, the noun itself is all the text says of who did: the rioters, the
# protesters (ACLED's "Rioters (Kenya)", "Protesters (Benin)").
CROWD_ACTS = frozenset(
    _words("riot riots rioting protest protests demonstration demonstrations unrest")
)
CROWD = "generic-protesters"


def _find_crowds(found: _Found) -> None:
    """A riot or protest noun that no actor's words modify ("Riots broke out", not "student
    protests", "ODM's rally" or "a riot by prisoners") as a mention of the crowd that rioted or
    protested, of the country the article names most; not a noun modifying another ("riot
    police", "protest march")."""
    doc = found.doc
    dictionary = found.dictionary
    if CROWD not in dictionary.entries:
        return  # a dictionary without common nouns
    owner = found.covered()
    context = _context_country(found)
    state = dictionary._state_of.get(context or "")
    key = f"{state}-protesters" if state else CROWD
    added = []
    words = words_of(doc)
    for i, lower in enumerate(words.lower):
        if words.lemma[i] in CROWD_VERBS and words.pos[i] == "VERB":
            crowd = _unnamed_crowd(doc[i], owner)
            if crowd is not None:
                added.append(_Match(crowd.i, crowd.i + 1, key, "alias"))
            continue
        if lower not in CROWD_ACTS or words.pos[i] != "NOUN" or owner[i] is not None:
            continue
        token = doc[i]
        if token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i:
            continue  # "riot police", "protest march"
        prep = token.head if token.dep_ == "pobj" else None
        if prep is not None and (prep.lower_ == "for" or prep.head.pos_ in ("NOUN", "PROPN")):
            continue  # "her role in rioting", "charged for rioting": a deed, not a crowd here
        named = [
            t
            for child in token.children
            if child.dep_ in ("compound", "amod", "nmod", "poss", "agent", "prep")
            and (child.dep_ != "prep" or child.lower_ in ("by", "of"))
            for t in child.subtree
        ]
        if any(owner[t.i] is not None for t in named):
            continue  # "student protests", "a riot by prisoners": theirs
        added.append(_Match(token.i, token.i + 1, key, "alias"))
    if added:
        found.mentions = sorted(found.mentions + added, key=lambda m: m.start)


# Verbs whose subject, where no actor names it, is a crowd: "A women's group protest the fee".
CROWD_VERBS = frozenset({"protest", "demonstrate", "riot", "picket"})


def _unnamed_crowd(verb: Any, owner: list[_Match | None]) -> Any:
    """The common noun that is the subject of a protest verb and that no actor's words name
    ("A group of youth protest a rally", "Members demonstrated"): those who protested."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in CROWD_VERBS:
        return None
    if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return None  # "would demonstrate resolve": shown, not protested
    for subject in verb.children:
        if (
            subject.dep_ == "nsubj"
            and subject.pos_ == "NOUN"
            and all(owner[t.i] is None for t in subject.subtree)
        ):
            return subject
    return None


# Nouns that count or gather people: with "of" after them the people are named there.
COUNTED = frozenset(_words("group groups thousands hundreds scores dozens members"))
# "Officers" alone are a police force's where the article has named one before them.
OFFICERS = frozenset({"officer", "officers"})
POLICE = "generic-police"


def _sector(found: _Found, key: str) -> str | None:
    if key.startswith("person:"):
        return found.people[int(key.split(":")[1])].sector
    return found.dictionary.entries[key].sector


# Roles of armed men: a community before them does not make them the community's mention.
ARMED_ROLES = frozenset({"military", "rebels", "militia", "gunmen"})
# People who are where things happen rather than whose state acts: the state the article's
# actors name most is not theirs ("Russian strikes on Kyiv killed five civilians"), so they are
# left to ``settle``, which gives them the country of the article's places.
BYSTANDERS = frozenset(
    {"people", "students", "teachers", "workers", "farmers", "herders", "communities", "refugees"}
)
# Roles and nouns for a community's own armed men: "Pokot bandits", "Borana militias",
# "Turkana fighters" (not "Hutu rebels", a rebellion, nor "Fulani soldiers", a state's).
COMMUNITY_ARMED_ROLES = frozenset({"militia", "gunmen"})
COMMUNITY_FIGHTERS = frozenset(_words("fighter militant combatant warrior"))


def _community_before(found: _Found, before: set[_Match], generic: str, head: Any) -> _Match | None:
    """The named community just before a noun of armed men, whose militia they are."""
    if len(before) != 1:
        return None
    (m,) = before
    if m.entry.startswith("person:") or not _is_community(found.dictionary.entries[m.entry]):
        return None
    role = found.dictionary.entries[generic].role
    fighters = role == "rebels" and head.lemma_.lower() in COMMUNITY_FIGHTERS
    if role not in COMMUNITY_ARMED_ROLES and not fighters:
        return None
    return m if f"{m.entry}-militia" in found.dictionary.entries else None


# Actors whose country says which country an article is about.
CONTEXT_KINDS = frozenset({"state", "military", "government", "leader", "group"})
# Sectors of a state's own people: a titled person without a country gets the article's.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# A force's own posts name it: "stormed a police station", "attacked an army base" hit the
# police, the army.
FORCE_WORDS = frozenset(_words("police army military"))
FORCE_SITES = frozenset(
    _words("station post base barracks camp checkpoint outpost convoy position vehicle truck")
)
# Prepositions that only place something by a site: "exploded near a police station".
NEARBY = frozenset(_words("near outside beside behind opposite past around next close"))


def _names_its_force(site: Any) -> bool:
    """Whether ``site`` is a force's post that names the force ("stormed a police station",
    "held at the police station"), not one named only as near where ("near a police station")."""
    if site.lemma_.lower() not in FORCE_SITES:
        return False
    return not (site.dep_ == "pobj" and site.head.lower_ in NEARBY)


# Nouns of acts whose modifier does them: "police firing", "army shelling", "police custody".
ACTION_NOUNS = frozenset(
    _words(
        "firing fire shooting raid operation crackdown shelling attack assault offensive action "
        "violence brutality custody patrol deployment bombing strike intervention protest riot "
        "demonstration march rally"
    )
)
# Prepositions after a common noun that say whose it is: "rebels in Zimbabwe".
OF_STATE = frozenset({"of", "in", "from", "throughout", "across", "inside"})


def _agent_noun(found: _Found, start: int, end: int, owner: list[_Match | None]) -> bool:
    """Whether a common noun names an actor: a noun, not a modifier, not a title before a name."""
    doc = found.doc
    head = doc[end - 1]
    # The tagger may call the last word of a longer name a verb: "Military forces dislodge".
    if head.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "ADV") and not (
        head.pos_ == "VERB" and start < head.i
    ):
        return False
    if (
        head.dep_ in ("compound", "amod", "nmod")
        and head.head.i > head.i
        and head.tag_ != "NNS"
        and head.head.lemma_.lower() not in ACTION_NOUNS
        and not (head.lower_ in FORCE_WORDS and _names_its_force(head.head))
    ):
        return False  # "police headquarters"; a plural is rarely a modifier: "forces dislodge"
    after = owner[end] if end < len(doc) else None
    return after is None or found.kind(after.entry) not in PERSON_LIKE


# "US-backed forces", "Iran-sponsored militias": the state named backs them, it is not theirs.
SPONSOR_WORDS = frozenset(_words("backed supported sponsored funded"))
# After a hyphen these say so too ("Iran-armed", "US-trained"); alone, "armed men" are armed.
HYPHEN_SPONSOR_WORDS = SPONSOR_WORDS | frozenset(_words("armed trained allied"))


def _sponsor(doc: Doc, m: _Match) -> bool:
    """Whether the actor ``m`` is named as the backer of what follows ("US-backed")."""
    after = doc[m.end : m.end + 2]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in HYPHEN_SPONSOR_WORDS


def _is_state(found: _Found, m: _Match) -> bool:
    return not m.entry.startswith("person:") and found.kind(m.entry) == "state"


def _named_after(head: Any, owner: list[_Match | None], preps: frozenset[str]) -> Iterator[_Match]:
    """The actors named in the phrases after a noun that open with one of ``preps``, in order."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for token in prep.subtree:
                if (m := owner[token.i]) is not None:
                    yield m


def _movement_after(
    dictionary: ActorDictionary, head: Any, lowers: Sequence[str], generic: str
) -> str:
    """The common noun for a movement that a phrase "of" or "from" after ``head`` names,
    whose leaders, officials or fighters ``head`` names ("Leaders of the opposition
    coalition" are the opposition's, not a government's); else ``generic``."""
    if dictionary.entries[generic].role not in MOVEMENT_ROLES:
        return generic
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in OF_BODY:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for word in [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]:
                other = dictionary._generic.get((lowers[word.i],))
                if other is not None and dictionary.entries[other].kind in MOVEMENTS:
                    return other
    return generic


# Prepositions that say where people are: "protesters in Nairobi", "residents of Baghdad".
WHERE_PREPS = frozenset({"in", "at", "across", "throughout", "outside", "near", "of"})


# The kinds of actor whose people "its" or "their" before a common noun may be: armed men
# belong to an armed body, officials and members to any body.
ARMED_BODIES = frozenset({"armed_group", "military", "state", "coalition"})
BODIES_OF_PEOPLE = ARMED_BODIES | {"government", "party", "organisation", "igo"}
# The common nouns for a body's own people other than its armed men: "its officials".
OFFICE_ROLES = frozenset({"government", "police", "legislature", "opposition"})


def _owning_body(found: _Found, head: Any, added: list[_Match], role: str | None) -> _Match | None:
    """The body that "its" or "their" before a common noun for people stands for: the subject
    of a verb earlier in the sentence that is a body of the noun's kind ("Al-Shabaab said its
    fighters killed 10 soldiers", "The army said its troops ..."). None where the noun has
    no such pronoun or no such subject precedes it."""
    if role not in ARMED_ROLES | OFFICE_ROLES:
        return None  # "people ... to support their families": no body's
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
        return None
    kinds = ARMED_BODIES if role in ARMED_ROLES else BODIES_OF_PEOPLE
    sentence = head.sent
    candidates = [
        m
        for m in [*found.mentions, *added]
        if sentence.start <= m.start < head.i and found.kind(m.entry) in kinds
    ]
    for m in sorted(candidates, key=lambda m: -m.start):
        root = found.doc[m.start : m.end].root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
            return m
        if any(c.dep_ == "relcl" and c.is_ancestor(head) for c in root.children):
            return m  # "the Islamic State group, which said its fighters had ..."
    return None


# Prepositions that aim a verb's act at what follows them: "fired rockets into Israel".
AIMING_PREPS = frozenset({"into", "at", "against", "on", "toward", "towards"})


def _facing_state(
    found: _Found, head: Any, owner: list[_Match | None], country: str | None
) -> bool:
    """Whether a noun for people is the subject of a verb aimed at the state ``country`` by
    its own name ("Militants fired rockets into southern Israel", "Officials accused
    Rwanda"), or at that state's civilians ("Rebels kidnapped three Chinese workers",
    "Gunmen seized two French tourists"): they are seldom that state's, though the article
    names it most; where the act happened will say. Its organs are another matter: "Rebels
    attacked Mali's army" are as often Mali's own."""
    if country is None or head.dep_ != "nsubj":
        return False
    verb = head.head
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    aims = [p for t in [verb, *objects] for p in t.children if p.dep_ == "prep"]
    objects += [o for p in aims if p.lower_ in AIMING_PREPS for o in p.children if o.dep_ == "pobj"]
    # those a thing attacked carries: "attacked a convoy carrying Chinese engineers"
    objects += [
        g
        for o in objects
        for c in o.children
        if c.dep_ == "acl" and c.tag_ == "VBG"
        for g in c.children
        if g.dep_ == "dobj"
    ]
    entries = found.dictionary.entries
    for o in objects:
        m = owner[o.i]
        if m is not None and _is_state(found, m) and entries[m.entry].country == country:
            return True
        if m is not None and (m.entry not in entries or entries[m.entry].sector in STATE_SECTORS):
            continue  # the state's soldiers or police, or a person
        # "three Chinese workers", "two French tourists": people of the state, no organ of it
        if any(
            c.dep_ in ("amod", "compound")
            and (n := owner[c.i]) is not None
            and _is_state(found, n)
            and entries[n.entry].country == country
            for c in o.children
        ):
            return True
    return False


def _placed(head: Any, owner: list[_Match | None]) -> bool:
    """Whether a noun for people says where they are with a place that is no actor's name
    ("Demonstrators in Baghdad ... the United States' policies"): their country is that
    place's, which ``settle`` gives once places are known, not the one the article's actors
    name most."""
    attached = any(
        prep.dep_ == "prep"
        and prep.lower_ in WHERE_PREPS
        and obj.dep_ == "pobj"
        and obj.ent_type_ in ("GPE", "LOC", "FAC")
        and owner[obj.i] is None
        for prep in head.children
        for obj in prep.children
    )
    # "recognised the new government in Damascus": the parser hangs "in" on the verb
    doc = head.doc
    after = doc[head.i + 1 : head.i + 3]
    return attached or (
        len(after) == 2
        and after[0].lower_ == "in"
        and after[1].ent_type_ == "GPE"
        and owner[after[1].i] is None
    )


# Words before a noun for people that say they are from abroad or from a continent, not of
# the state the article names most: "European negotiators", "foreign journalists" (not
# "regional forces", which may be a province's, nor "Arab militias", a state's own people).
ABROAD = frozenset(
    {"foreign", "international", "overseas", "visiting", "expatriate", "western", "european"}
    | {"african", "asian"}
)

# Offices that "foreign" names the business of: "the foreign minister" is a state's own.
FOREIGN_OFFICES = frozenset(
    {"minister", "ministry", "secretary", "office", "service", "affairs", "department"}
)


def _from_abroad(head: Any, start: int, owner: list[_Match | None] | None = None) -> bool:
    """Whether a noun for people (its words from ``start``) is modified by a word of elsewhere
    that names no state ("European negotiators", "Western diplomats", "foreign fighters"), one
    no actor's words (``owner``, where known) cover."""
    if head.lemma_.lower() in FOREIGN_OFFICES:
        return False  # "the foreign minister": a title, a state's own
    return any(
        child.dep_ in ("amod", "compound")
        and child.i < start
        and (owner is None or owner[child.i] is None)
        and child.lower_ in ABROAD
        for child in head.children
    )


def _country_after(found: _Found, head: Any, owner: list[_Match | None]) -> str | None:
    """The state a phrase after a noun names: "rebels in Zimbabwe", "workers of Tunisia"."""
    for m in _named_after(head, owner, OF_STATE):
        if _is_state(found, m) and m.form != "people":
            return found.dictionary.entries[m.entry].country
    return None


# Bodies whose people a common noun before "of" or "from" names: "officials from the European
# Union", "diplomats of the Group of Seven".
BODIES = frozenset({"igo", "coalition", "organisation"})
OF_BODY = frozenset({"of", "from"})
# Armed groups and parties, whose leaders, officials and fighters a noun before "of" or "from"
# names: "the leader of ISIS in Iraq" is the group's, not Iraq's; its victims are not its own.
MOVEMENTS = frozenset({"armed_group", "party"})
MOVEMENT_ROLES = frozenset({"government", "military", "rebels", "militia", "gunmen", "opposition"})


def _body_after(
    found: _Found, head: Any, owner: list[_Match | None], role: str | None
) -> str | None:
    """The international or other body the phrase after a noun names, before any state, whose
    people the noun names: "diplomats from the Group of Seven", "the leader of ISIS"."""
    for m in _named_after(head, owner, OF_BODY):
        if not m.entry.startswith("person:"):
            kind = found.kind(m.entry)
            movement = kind in MOVEMENTS and role in MOVEMENT_ROLES
            return m.entry if kind in BODIES or movement else None
    return None


def _context_country(found: _Found) -> str | None:
    """The state the article names most (its organs, people and leaders count), first on ties.

    Armed groups, parties and media do not count: JNIM's home is not the article's country.
    """
    counts: dict[str, int] = {}
    for m in found.mentions:
        if m.entry.startswith("person:"):
            country = found.people[int(m.entry.split(":")[1])].country
        elif found.kind(m.entry) in CONTEXT_KINDS or found.dictionary.entries[m.entry].derived:
            country = found.dictionary.entries[m.entry].country
        else:
            continue
        if country and country not in NON_STATE_COUNTRIES:
            words = found.doc[m.start : m.end]
            if _goes_to(words.root):
                continue  # "the ambassador to Turkey": not Turkey's own
            envoy = next(
                (t for t in (words.root, words.root.head) if t.lemma_.lower() in ENVOYS), None
            )
            if envoy is not None and envoy.dep_ in ("dobj", "nsubjpass"):
                continue  # "the junta expelled the French ambassador": France's man abroad
            if words.root.head.lemma_.lower() in EMBASSIES:
                continue  # "set fire to the French embassy in Niamey": France's house abroad
            counts[country] = counts.get(country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _resolve_pronouns(found: _Found) -> None:
    """he/she/him/her/his as mentions of the nearest person in the paragraph, or the last one."""
    doc = found.doc
    text = found.text
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    quoted_starts = [a for a, _ in quoted]
    paras = paragraphs(text)
    para_starts = [a for a, _ in paras]
    owner = found.covered()
    # Each paragraph's people, in text order, then the pronouns resolved in it, in the order
    # they are found: the list one scan of the whole article's mentions used to give.
    people: list[list[_Match]] = [[] for _ in paras]
    pronouns: list[list[_Match]] = [[] for _ in paras]
    for m in found.mentions:
        if found.kind(m.entry) in PERSON_LIKE:
            number = _paragraph(paras, para_starts, doc[m.start].idx)
            if number is not None:
                people[number].append(m)
    person_starts = [[m.start for m in inside] for inside in people]
    lowers = words_of(doc).lower
    for i in range(len(doc)):
        gender = PRONOUN_GENDER.get(lowers[i])
        if gender is None or owner[i] is not None:
            continue
        token = doc[i]
        q = index_of(quoted_starts, token.idx)
        if q >= 0 and token.idx < quoted[q][1]:
            continue
        para = _paragraph(paras, para_starts, token.idx)
        if para is None:
            continue
        # The pronouns resolved in the paragraph come first, then its people before the word;
        # but a person named as a subject since the last of them is who the text is on now
        # ("Rubio said he would act. Khalil was ordered to appear. Police arrested him").
        before = bisect_left(person_starts[para], token.i)
        newer = _newer_subject(found, people[para][:before], pronouns[para], token, gender)
        candidates = chain(
            reversed(pronouns[para]), (people[para][k] for k in range(before - 1, -1, -1))
        )
        # "He urged him": not the one the clause's subject already stands for
        subject = _clause_subject(token, pronouns[para])
        target = newer or next(
            (
                m
                for m in candidates
                if found.genders.get(m.entry, gender) == gender
                and (subject is None or m.entry != subject.entry)
            ),
            None,
        )
        if target is None and not before and not pronouns[para] and para > 0:
            inside = people[para - 1] + pronouns[para - 1]
            target = _ends_with_person(found, inside, paras[para - 1], gender)
        if target is not None:
            found.genders[target.entry] = gender
            new = _Match(token.i, token.i + 1, target.entry, "pronoun")
            pronouns[para].append(new)
            found.mentions.append(new)
    found.mentions.sort(key=lambda m: m.start)


# Verbs that tag a quote or report speech: "they said in a joint statement".
SPEAKING = frozenset({"say", "tell", "add", "write", "state", "insist", "argue", "note", "warn"})


def _resolve_speaking_they(found: _Found) -> None:
    """ "they" who speak ("'We urge the authorities ...,' they said") as the one group,
    organisation or state the sentence before names as its subject ("Nine rights groups
    called for his release"). Two subjects ("Amnesty and Human Rights Watch"), a person, or
    none leave it unresolved: one mention names one actor."""
    doc = found.doc
    owner = found.covered()
    added = False
    for token in doc:
        if token.lower_ != "they" or owner[token.i] is not None or token.dep_ != "nsubj":
            continue
        if token.head.lemma_.lower() not in SPEAKING or token.sent.start == 0:
            continue
        before = doc[token.sent.start - 1].sent
        verbs = [before.root, *(c for c in before.root.children if c.dep_ == "conj")]
        # every actor in the subject phrases, however the parser hangs a list of names
        phrases = [
            (c.left_edge.i, c.right_edge.i + 1)
            for verb in verbs
            for c in verb.children
            if c.dep_ == "nsubj"
        ]
        subjects = {
            m.entry for m in found.mentions if any(start <= m.start < end for start, end in phrases)
        }
        if len(subjects) != 1:
            continue
        entry = subjects.pop()
        if found.kind(entry) in PERSON_LIKE:
            continue
        found.mentions.append(_Match(token.i, token.i + 1, entry, "pronoun"))
        added = True
    if added:
        found.mentions.sort(key=lambda m: m.start)


def _newer_subject(
    found: _Found, people: list[_Match], pronouns: list[_Match], token: Any, gender: str
) -> _Match | None:
    """The person named last before ``token``, where that is after the last pronoun resolved,
    as a subject, and of an earlier clause than the pronoun's own (whose subject it cannot
    be: "Zelensky greeted him"). Where the clause has two pronouns of one gender, its
    subject is the subject of the sentence before and its object the other person
    ("Parnpree met Min Aung Hlaing. He urged him ...": Parnpree urged Min Aung Hlaing)."""
    last = pronouns[-1].start if pronouns else -1
    if not people or people[-1].start <= last:
        return None
    latest = [people[-1]]
    if token.dep_ in ("nsubj", "nsubjpass") and _other_of_gender(token, gender):
        sentence = found.doc[people[-1].start].sent
        latest = [
            m
            for m in reversed(people)
            if m.start > last and sentence.start <= m.start and token.i >= sentence.end
        ] or latest
    for m in latest:
        root = found.doc[m.start : m.end].root
        if root.dep_ not in ("nsubj", "nsubjpass") or root.head.i == token.head.i:
            continue
        return m if found.genders.get(m.entry, gender) == gender else None
    return None


def _other_of_gender(subject: Any, gender: str) -> bool:
    """Whether the clause of a subject pronoun has an object pronoun of its gender."""
    return any(
        PRONOUN_GENDER.get(c.lower_) == gender and c.dep_ in ("dobj", "dative", "pobj")
        for c in subject.head.subtree
        if c.i > subject.i
    )


def _clause_subject(token: Any, pronouns: list[_Match]) -> _Match | None:
    """The pronoun already resolved as the subject of ``token``'s clause, for an object."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return None
    return next(
        (
            m
            for m in pronouns
            if m.end - m.start == 1
            and m.start != token.i
            and token.doc[m.start].dep_ in ("nsubj", "nsubjpass")
            and token.doc[m.start].head.i == token.head.i
        ),
        None,
    )


def _paragraph(paras: list[tuple[int, int]], starts: list[int], char: int) -> int | None:
    """The number of the paragraph holding character ``char``, or None between paragraphs."""
    number = index_of(starts, char)
    if number >= 0 and char < paras[number][1]:
        return number
    return None


def _ends_with_person(
    found: _Found, inside: list[_Match], para: tuple[int, int], gender: str
) -> _Match | None:
    """The last person of a paragraph (``inside``, its people) where its last sentence names one."""
    doc = found.doc
    if not inside:
        return None
    last = inside[-1]
    closing = doc.char_span(para[0], para[1], alignment_mode="expand")
    if closing is None or doc[last.start].sent != doc[closing.end - 1].sent:
        return None
    return last if found.genders.get(last.entry, gender) == gender else None


def _actors(found: _Found) -> list[Actor]:
    """Actor records, numbered a1, a2, ... in order of first mention, mentions sorted."""
    doc = found.doc
    grouped: dict[str, list[Span]] = {}
    for m in sorted(found.mentions, key=lambda m: m.start):
        start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)
        grouped.setdefault(m.entry, []).append(
            Span(start=start, end=end, text=found.text[start:end])
        )
    first: dict[str, _Match] = {}
    for m in sorted(found.mentions, key=lambda m: m.start):
        first.setdefault(m.entry, m)
    owner = found.covered()
    actors = []
    for number, (key, spans) in enumerate(grouped.items(), 1):
        fields: dict[str, Any]
        if key.startswith("org:"):
            country = found.org_countries.get(key)
            fields = {"name": key[4:], "kind": "organisation", "country": country, "sector": None}
        elif key.startswith("person:"):
            person = found.people[int(key.split(":")[1])]
            fields = {
                "name": person.name,
                "kind": "person",
                "country": person.country,
                "sector": person.sector,
            }
        else:
            entry = found.dictionary.entries[key]
            fields = {
                "name": entry.name,
                "kind": entry.kind,
                "country": entry.country,
                "sector": entry.sector,
                "wikidata": entry.wikidata,
                "dictionary_id": entry.id,
            }
            if entry.kind == "leader":
                # The title the text gives is the role at the time: "Palestinian Prime
                # Minister Ismail Haniyeh" speaks for the government, not for Hamas.
                prefix = _prefix(found, first[key].start, owner)
                state_title = prefix.org is None or prefix.org.kind == "state"
                if prefix.titled and state_title and prefix.sector in STATE_SECTORS:
                    fields["sector"] = "ELI" if prefix.former else prefix.sector
        actors.append(Actor(id=f"a{number}", mentions=spans, **fields))
    return actors


def settle(
    actors: Sequence[Actor],
    dictionary: ActorDictionary,
    countries: Sequence[str | None],
    doc: Doc | None = None,
) -> list[Actor]:
    """Generic actors the text gave no state ("soldiers killed two men in Karimama") given the
    country of the article's places (``countries``, e.g. each place's, in text order): the one
    named most, first on ties; not those the text (``doc``) says are from elsewhere ("foreign
    fighters in Syria"). An actor that becomes one already found is merged into it, and ids are
    renumbered in order of first mention. Called once places are known.
    """
    counts: dict[str, int] = {}
    for country in countries:
        if country and country not in NON_STATE_COUNTRIES:
            counts[country] = counts.get(country, 0) + 1
    state = dictionary._state_of.get(max(counts, key=lambda c: counts[c])) if counts else None
    if state is None:
        return list(actors)
    merged: dict[str, Actor] = {}
    for actor in actors:
        entry = dictionary.entries.get(actor.dictionary_id or "")
        if entry is not None and entry.role is not None and not _all_abroad(actor, doc):
            entry = dictionary.entries[f"{state}-{entry.role}"]
            actor = actor.model_copy(
                update={"name": entry.name, "country": entry.country, "dictionary_id": entry.id}
            )
        key = actor.dictionary_id or f"id:{actor.id}"
        if key in merged:
            spans = sorted([*merged[key].mentions, *actor.mentions], key=lambda m: m.start)
            actor = merged[key].model_copy(update={"mentions": spans})
        merged[key] = actor
    ordered = sorted(merged.values(), key=lambda a: a.mentions[0].start)
    return [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(ordered, 1)]


# Words whose "to" (or object, for visits) names where someone goes, not where they are from.
# Those a state sends abroad: the state they are of is seldom where the article is.
# A state's houses abroad: the state an adjective gives one is not the country around it.
EMBASSIES = frozenset({"embassy", "consulate", "legation", "chancery"})
ENVOYS = frozenset({"ambassador", "envoy", "embassy", "diplomat", "consul", "emissary"})
TRAVEL = frozenset(
    {"visit", "trip", "travel", "journey", "tour", "fly", "invitation", "invite", "mission"}
    | {"ambassador", "envoy", "delegation", "embassy"}
)


# Acts of meeting, whose place is often a third country's: "talks in Geneva".
MEETINGS = frozenset(
    {"talk", "meeting", "summit", "conference", "negotiation", "meet", "negotiate", "sign"}
    | {"agreement", "accord", "deal", "treaty", "ceasefire", "truce"}
)


def destination(doc: Doc, start: int, end: int) -> bool:
    """Whether the place named at ``start:end`` is where someone goes or is sent ("declined
    an invitation to visit Moscow", "the ambassador to Turkey") or where sides met ("signed
    a ceasefire in Havana"): it says nothing of whose the people of the text are."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    met = (
        word.dep_ == "pobj"
        and word.head.lower_ in ("in", "at")
        and _meeting(word.head.head)
        and word.head.head.pos_ != "PROPN"  # not "the Independent Students' Conference"
    )
    return met or _goes_to(word)


def _meeting(word: Token) -> bool:
    """Whether ``word`` names a meeting or a deal, or is the verb of one ("reached a deal in
    Doha": the parser hangs the place on "reached")."""
    return word.lemma_.lower() in MEETINGS or (
        word.pos_ == "VERB"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in MEETINGS for c in word.children)
    )


def _goes_to(word: Token) -> bool:
    """Whether ``word`` names where someone goes: the object of a visit, or "to" after a
    word of travel or of an envoy."""
    if word.dep_ == "dobj":
        return word.head.lemma_.lower() in ("visit", "tour")
    return (
        word.dep_ == "pobj" and word.head.lower_ == "to" and word.head.head.lemma_.lower() in TRAVEL
    )


def _all_abroad(actor: Actor, doc: Doc | None) -> bool:
    """Whether every mention of a generic actor says its people are from elsewhere."""
    if doc is None:
        return False
    heads = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions]
    return all(h is not None and _from_abroad(h.root, h.start) for h in heads)


# Words before a common noun that point back to people named before ("the civilians").
DEFINITE = frozenset({"the", "these", "those", "such"})


def apart(actors: Sequence[Actor], text: str, dictionary: ActorDictionary) -> list[Actor]:
    """A common noun for a group of people ("people", "civilians", "students") names whoever
    the passage is about: "40 people" arrested in one paragraph and "hundreds of people" who
    protested in another are two groups, not one actor that does one and suffers the other.
    Its mentions in a later paragraph are another actor, unless the first of them points back
    ("the civilians", "these people"). Ids are renumbered in order of first mention.
    """
    paras = paragraphs(text)
    starts = [a for a, _ in paras]
    out: list[Actor] = []
    for actor in actors:
        entry = dictionary.entries.get(actor.dictionary_id or "")
        if entry is None or entry.kind != "group" or not (entry.role or entry.derived):
            out.append(actor)
            continue
        parts: list[list[Span]] = []
        last = None
        for m in actor.mentions:
            para = _paragraph(paras, starts, m.start)
            if parts and (para == last or _points_back(text, m)):
                parts[-1].append(m)
            else:
                parts.append([m])
            last = para
        out += [actor.model_copy(update={"mentions": part}) for part in parts]
    ordered = sorted(out, key=lambda a: a.mentions[0].start)
    return [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(ordered, 1)]


def _points_back(text: str, mention: Span) -> bool:
    """ "the civilians", "these people", "the public" (a name with its article)."""
    first = text[max(0, mention.start - 12) : mention.start].split()[-1:]
    first += mention.text.split()[:1]
    return any(word.lower() in DEFINITE for word in first)


_FAR = 2**62  # past the end of any text


class MentionIndex:
    """Which actor a stretch of text refers to, for the stages that come after actors."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        # Sorted by start, the longer first: the order ``at`` breaks ties of overlap in.
        self._mentions = Intervals(
            sorted(
                ((m.start, m.end, actor) for actor in actors for m in actor.mentions),
                key=lambda item: (item[0], -item[1]),
            )
        )

        # Each actor's mention starts, in order: "does X have a mention in this sentence?"
        self._starts: dict[str, list[int]] = {}
        for m_start, _, actor in self._mentions.starting(-1, _FAR):
            self._starts.setdefault(actor.id, []).append(m_start)

    def starts_of(self, actor: Actor, start: int, end: int) -> list[int]:
        """Where ``actor``'s mentions that start in ``start:end`` start, in text order."""
        starts = self._starts.get(actor.id, [])
        return starts[bisect_left(starts, start) : bisect_left(starts, end)]

    def starting(self, start: int, end: int) -> Iterator[tuple[int, int, Actor]]:
        """(start, end, actor) of each mention that starts in ``start:end``, in text order."""
        return self._mentions.starting(start, end)

    def within(self, start: int, end: int) -> list[Actor]:
        """Actors with a mention inside ``start:end``, in text order, each once."""
        found: list[Actor] = []
        for _, m_end, actor in self._mentions.starting(start, end + 1):
            if m_end <= end and actor not in found:
                found.append(actor)
        return found

    def at(self, start: int, end: int) -> Actor | None:
        """The actor whose mention overlaps ``start:end`` most, or None."""
        best: tuple[int, Actor] | None = None
        for m_start, m_end, actor in self._mentions.overlapping(start, end):
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, actor)
        return best[1] if best else None
