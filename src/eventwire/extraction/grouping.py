"""Grouping: an article's mentions of one real-world event become one event.

``events.find`` gives one event per trigger word: a strike reported as "bombed", "US airstrikes"
and "the strike" is three records, each with part of the facts. Here mentions that refer to the
same event are joined, and the event's source, target, place and date are filled from context,
each with the basis it came from (never silently):

- ``stated``: the first mention's own sentence names it;
- ``coreferent``: another mention of the same event names it;
- ``inherited``: the paragraph does (a place named as a location just before, in its paragraph,
  or after the trigger in its sentence);
- ``article``: for place only, the article's dateline or the place it names most as a location.

Two mentions are joined when they can be the same event: the same type and mode (or one
unstated; for ASSAULT and PROTEST, modes of one family: an airstrike that destroyed a bridge, a
demonstration that became a riot; in one sentence, any modes), the same negation and modality,
no actor that does the act in one and suffers it in the other (unless the type is mutual, like
AGREE), not two different dyads (nor, but for ASSAULT and PROTEST, whose reports name the doer
loosely, two different doers), no two different stated days, no places in two
countries or far apart (a day read outside the quotation marks around a trigger dates the
telling, not the act). And they must be linked in the text: in one sentence; in the next two
sentences and sharing an actor, or for attacks and protests what was hit ("hit a vehicle",
"destroyed a vehicle"); the next sentence of the paragraph, a toll naming no doer
("Five farmers were killed."); an attack or protest within two sentences of the first report
of one in its paragraph, one of the two naming no doer ("Gunmen attacked X. Two policemen
were wounded."), unless its sentence says it is another ("in a separate attack",
"elsewhere"); or the later one an anaphoric noun phrase ("the strike", "this deal", "its
offensive"), or one dated by its own modifier to a day an earlier one was stated on
("Tuesday's attack"; "the March attack" beside a Sunday attack is another). The dead or hurt
counted just after a riot, naming no doer, are the riot's toll.

Where mentions disagree, each keeps its own value in ``mentions``; the event's ``fatalities``
is the first toll stated in text order (the lede's figure, which is the one a reader quotes).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..records import Actor, Event, Mention, Place
from .actors import STATE_SECTORS, TITLES
from .events import FORCE_TYPES, PLACE_PARTS, TOPIC_VERBS, EventLexicon, is_fight, road_name
from .events import _accused_of as accused_of
from .events import _inside as inside
from .events import _quoted as quoted_ranges
from .events import _subject as verb_subject
from .offsets import Intervals, index_of
from .parse import is_dateline, named_by_of, paragraphs, text_of

# Modes of a protest that turned violent: they outrank the demonstration the event began as.
VIOLENT_PROTEST = ("riot", "vandalize")
# ASSAULT modes that can describe one attack from different sides ("bombed" aerial, "destroyed
# a bridge" destroy, "a car bomb ... gunmen then opened fire"): modes of one family go
# together; a stabbing and a shooting are two acts. Other types: the same mode or one unstated.
# PROTEST: a demonstration that turns into a riot or blocks a road is one protest.
MODE_FAMILIES = {
    "ASSAULT": {
        **dict.fromkeys(
            ["aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "firearms"], "arms"
        ),
        **dict.fromkeys(["unconventional", "destroy", "targeted"], "arms"),
        **dict.fromkeys(["primitive", "beat", "torture", "sexual", "abduct"], "hands"),
        "crowd-control": "crowd",
    },
    "PROTEST": dict.fromkeys(["demo", "riot", "vandalize", "obstruct"], "street"),
}
# Types whose reports name the doer loosely ("the coalition", "US airstrikes"; "students",
# "rioters"): two different doers do not make two events.
LOOSE_DOER_TYPES = frozenset({"ASSAULT", "PROTEST"})
STATE_KINDS = frozenset({"state", "military", "government", "leader"})
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
OTHER_WORDS = frozenset(
    {"earlier", "previous", "last", "former", "separate", "another", "other", "second", "new"}
)
# Pronouns that name someone the text has named ("he", unlike "we" or "you" in a quote).
NAMING_PRONOUNS = frozenset({"he", "she", "it", "they"})
# Common nouns that name the parties to an exchange: "the delegations held talks".
PARTY_NOUNS = frozenset(
    {"delegation", "side", "negotiator", "envoy", "diplomat", "mediator", "counterpart"}
    | {"committee", "commission", "prosecutor", "panel", "tribunal", "watchdog", "inspector"}
    | {"council", "board", "jury"}
    | {"rescuer", "medic", "doctor", "nurse", "volunteer", "firefighter", "paramedic"}
)
# Pronouns and generic nouns ("the group") that stand for an actor named before, and the
# kinds of actor each can stand for.
_PEOPLE = frozenset({"person", "leader"})
_BODIES = frozenset(
    {"state", "military", "government", "armed_group", "coalition", "igo", "organisation", "party"}
)
_ARMED = frozenset({"armed_group", "coalition"})
_RULERS = frozenset({"state", "government", "leader"})
_AGENCIES = frozenset({"igo", "organisation"})
ANTECEDENT_KINDS: dict[str, frozenset[str]] = {
    "he": _PEOPLE,
    "she": _PEOPLE,
    "they": (_BODIES - {"state"}) | {"group"},
    "it": _BODIES,  # only where the last clause's subject is such a body (``_last_subject``)
    # generic nouns by lemma
    **dict.fromkeys(["group", "militant", "rebel", "insurgent", "outfit", "militia"], _ARMED),
    **dict.fromkeys(["government", "administration", "authority", "ministry"], _RULERS),
    **dict.fromkeys(["military", "army", "troop", "force"], frozenset({"military"})),
    **dict.fromkeys(["agency", "organization", "organisation", "body"], _AGENCIES),
    "alliance": frozenset({"coalition", "igo"}),
    "coalition": frozenset({"coalition"}),
}
# A possessive pronoun stands for whom its pronoun would: "their talks", "his visit".
POSSESSIVE_PRONOUNS = {"their": "they", "his": "he", "her": "she", "its": "it"}
# When in the day an act was, which names no other day: "killed 15 in an overnight attack".
TIMES_OF_DAY = frozenset(
    {"overnight", "night", "nighttime", "night-time", "late-night", "dawn", "predawn"}
    | {"pre-dawn", "morning", "early-morning", "afternoon", "evening", "midnight", "daytime"}
)
# Nouns that count the people named after them ("thousands of students").
COUNTING_NOUNS = frozenset(
    {"ten", "dozen", "score", "hundred", "thousand", "million", "group", "crowd", "number"}
)
# Words that open a clause about what led to an event ("protested after police killed ...").
CAUSE_MARKS = frozenset({"after", "because", "since", "over"})
# Lemmas of a trigger that counts the hurt (the dead: the lexicon's death words).
INJURY_WORDS = frozenset({"injure", "wound", "hurt"})
# Words by which a sentence says it tells of another event than the one before it.
ANOTHER_WORDS = frozenset(
    {"separate", "separately", "elsewhere", "meanwhile", "similar", "earlier"}
)
ANAPHORIC_POSSESSIVES = frozenset({"its", "their", "his", "her"})
# How far from a headline's undated event a day may be and still be its day.
HEADLINE_DAYS = 7
# Two stated places further apart than this are two events.
FAR_KM = 150.0
# How many sentences after a mention a non-anaphoric mention may be and still join it.
NEARBY_SENTENCES = 2
# How many earlier events of its type an anaphor looks back over (a long document stays linear).
LOOKBACK = 30
_FAR = 1 << 62  # past the end of any text
# Prepositions after which a place name says where something happened (not "from", "toward").
LOCATION_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "along", "on", "off", "into"}
)


@dataclass
class _Group:
    """One real-world event being gathered: its mentions (pre-grouping events) in text order."""

    events: list[Event] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    paragraph: int = -1  # that of the last mention
    # begun by a phrase naming another event ("an earlier blast"): only an anaphor joins it
    elsewhere: bool = False
    sources: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    days: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    fights: bool = False  # some mention is a fight both sides wage (``_fight``)
    series: bool = False  # its first mention tells of many acts (``_series``)
    summed: bool = False  # it sums acts over years (``_over_the_years``): no one act
    # its first mention is told in a clause of another time (``_time_clause``): the
    # background, which "the attack" after it seldom means where the news itself is near
    background: bool = False

    def add(self, event: Event, sentence: int, paragraph: int, day: str | None) -> None:
        self.events.append(event)
        self.fights = self.fights or _fight(event)
        if event.mode is not None:
            self.modes.add(event.mode)
        self.sentences.append(sentence)
        self.paragraph = paragraph
        self.sources.update(event.source)
        self.targets.update(event.target)
        if day is not None:
            self.days.add(day)
        if event.place is not None:
            self.places.add(event.place)

    def absorb(self, other: _Group) -> None:
        """Take in ``other``'s mentions (an earlier report of this event), in text order."""
        if other.events and other.events[0].trigger.start < self.events[0].trigger.start:
            self.series = other.series
        pairs = sorted(
            zip(self.events + other.events, self.sentences + other.sentences, strict=True),
            key=lambda pair: pair[0].trigger.start,
        )
        self.events = [e for e, _ in pairs]
        self.sentences = [n for _, n in pairs]
        self.sources |= other.sources
        self.targets |= other.targets
        self.days |= other.days
        self.places |= other.places
        self.modes |= other.modes
        self.fights = self.fights or other.fights


def group(
    doc: Doc,
    events: Sequence[Event],
    actors: Sequence[Actor],
    places: Sequence[Place],
    lexicon: EventLexicon,
) -> list[Event]:
    """One event per real-world event of the article, with its ``mentions``, in text order.

    ``events`` are those of ``events.find`` (one per trigger, in text order); the result is
    numbered afresh (e1, e2, ...).
    """
    if not events:
        return []
    text = text_of(doc)
    # a dateline split from its story is no sentence between the headline and the lede
    sentence_starts = [s.start_char for s in doc.sents if not is_dateline(s)]
    paras = paragraphs(text)
    para_starts = [start for start, _ in paras]
    # where a headline ends: the first paragraph, where the text has more than one
    title_end = paras[0][1] if len(paras) > 1 else 0
    by_id = {p.id: p for p in places}
    people = {a.id for a in actors if a.kind in ("person", "leader")}
    # Only a state's organs stand for each other ("US Africa Command", "the United States"):
    # rebels and the government of one country are two sides.
    country = {a.id: a.country if a.kind in STATE_KINDS else None for a in actors}
    kin = _armed_kin(actors)
    mentioned = Intervals((m.start, m.end, a) for a in actors for m in a.mentions)
    # mentions dated by the verb that reports them ("killed 30, officials said on Saturday")
    told = frozenset(e.trigger.start for e in events if _told_on(doc, e, lexicon.reporting_verbs))
    groups: list[_Group] = []
    by_type: dict[str, list[_Group]] = {}  # a long document's events of other types not scanned
    for event in events:
        sentence = index_of(sentence_starts, event.sentence.start)
        para = index_of(para_starts, event.sentence.start)
        reference = _reference(doc, event, lexicon)
        day = _own_day(doc, event, event.trigger.start in told)
        dated = _dated_by_modifier(doc, event) if reference == "elsewhere" else None
        anaphor = reference == "back"
        joined = None
        # acts summed over years ("has carried out similar attacks in the past") are no one
        # act: nothing joins them, and they join nothing
        summed = _over_the_years(doc, event)
        if dated is not None and not summed:
            # "Tuesday's attack" after an attack stated on that Tuesday is that attack;
            # "the March attack" in a report of a Sunday attack is another.
            earlier = by_type.get(event.type, [])
            joined = _stated_on(
                [g for g in earlier if not g.summed], event, dated, day, by_id, country, lexicon
            )
            # A headline's undated report of its type in that week is the same event
            # ("Pakistan's train hijacking", then "killed in Tuesday's train hijacking").
            headline = _headline(
                [g for g in earlier if not g.summed],
                event,
                dated,
                day,
                title_end,
                by_id,
                country,
                lexicon,
            )
            if joined is not None and headline is not None and headline is not joined:
                joined.absorb(headline)
                groups.remove(headline)
                earlier.remove(headline)
            elif joined is None:
                joined = headline
            if joined is None and not earlier:
                reference = None  # the text's first report of its kind: the lede's own event
        candidates = (
            [c for c in by_type.get(event.type, [])[-LOOKBACK:] if not c.summed]
            if reference != "elsewhere" and not summed
            else []
        )
        toll = (
            event.type == "ASSAULT"
            and not event.source
            and reference is None
            and _casualty(doc, event, lexicon.death_words)
        )
        if toll and by_type.get("PROTEST"):
            # "Rioters torched a police post. Two people were killed.": the riot's toll.
            candidates = sorted(
                [*candidates, *by_type["PROTEST"][-LOOKBACK:]], key=lambda g: g.sentences[-1]
            )
        claim = _accused_act(doc, event)
        series = _series(doc, event)
        foreground = any(not c.background for c in candidates)
        ordered = list(reversed(candidates))
        if anaphor:
            # "The strikes killed ...": the strikes told before, not the attack they answered
            words = _head_lemmas(doc, event)
            ordered.sort(key=lambda g: not any(words & _head_lemmas(doc, e) for e in g.events))
        for candidate in [] if joined is not None else ordered:
            if (
                candidate.elsewhere
                and not anaphor
                and not _sets_scene(doc, candidate.events[-1], event)
            ):
                continue
            if anaphor and candidate.background and foreground:
                continue  # "... after the army repelled an offensive. The UN condemned the attack"
            if not anaphor and not series and candidate.series:
                continue  # "has ramped up attacks. Last month, it ambushed a bus": one of many
            gap = sentence - candidate.sentences[-1]
            if claim and gap > 0 and not anaphor:
                continue  # "He accused Shabaab of using mosques as shields": not the attack
            mutual = lexicon.reciprocal_types
            if candidate.events[0].type != event.type:
                # in the protest's own sentence, not a killing it is about: "protested after
                # police killed a driver", "the officer who killed two"
                same = sentence == candidate.sentences[0]
                if not (
                    sentence - candidate.sentences[0] <= NEARBY_SENTENCES
                    and not (same and _a_cause(doc, event))
                    and candidate.paragraph == para
                    and _compatible(candidate, event, day, by_id, country, mutual, True)
                    and not _another(doc, event, lexicon)
                ):
                    continue
                joined = candidate
                break
            if not _compatible(candidate, event, day, by_id, country, mutual, gap == 0):
                continue
            linked = (
                (
                    gap == 0
                    and not _two_doers(candidate, event, country)
                    # "The attack came two days after the army repelled an RSF offensive"
                    and _time_clause(doc, event) == _time_clause(doc, candidate.events[-1])
                )
                or (
                    0 < gap <= NEARBY_SENTENCES
                    and _shares_actor(candidate, event, kin)
                    # "Days later, a bomb killed 11 miners": not the attack on workers before
                    and not _another(doc, event, lexicon)
                )
                or (
                    # "The strike hit a vehicle ... 'We destroyed a vehicle carrying ...'"
                    event.type in LOOSE_DOER_TYPES
                    and 0 < gap <= NEARBY_SENTENCES
                    and bool(
                        _hit(doc, event, mentioned)
                        & {w for e in candidate.events for w in _hit(doc, e, mentioned)}
                    )
                    and not _another(doc, event, lexicon)
                )
                or (
                    gap == 1
                    and candidate.paragraph == para
                    and _toll_alone(doc, event, lexicon.death_words)
                    and not _another(doc, event, lexicon)
                )
                or (
                    # "Gunmen attacked X. Two policemen were wounded.": more of the same
                    # attack or protest, close after its first report, one side naming no doer
                    event.type in LOOSE_DOER_TYPES
                    and 0 < sentence - candidate.sentences[0] <= NEARBY_SENTENCES
                    and candidate.paragraph == para
                    and not (candidate.sources and event.source)
                    and (candidate.days or day is None)  # "On Thursday night, ..."
                    and not _another(doc, event, lexicon)
                )
                or (
                    # a named person dies once: "al-Rufay'i was killed Thursday in an
                    # airstrike ... (five sentences on) said al-Rufay'i was killed in a
                    # precision airstrike Thursday"
                    _same_death(candidate, event, people) and not _another(doc, event, lexicon)
                )
                or anaphor
            )
            if linked:
                joined = candidate
                break
        if joined is None:
            joined = _Group(
                elsewhere=reference == "elsewhere",
                series=series,
                summed=summed,
                background=_time_clause(doc, event) is not None,
            )
            groups.append(joined)
            by_type.setdefault(event.type, []).append(joined)
        joined.add(event, sentence, para, day)
    # what an actor does as a rule says where the story is ("officials who work in Italy"),
    # not where its events happened
    in_story, located = _location_mentions(doc, places, actors)
    fits = _in_country(places)
    main_place = _article_place(in_story, fits, places) or _actors_country(actors, places, in_story)
    countries = frozenset(p.id for p in places if p.precision == "country")
    # acts told by a verb ("set fire to"), not named by a noun ("the riots last March")
    done = frozenset(e.trigger.start for e in events if _verbal(doc, e))
    topics = {e.trigger.start: t for e in events if (t := _topic(doc, e, lexicon)) is not None}
    out = [
        _merged(
            g.events,
            located,
            sentence_starts,
            paras,
            para_starts,
            main_place,
            fits,
            lexicon,
            countries,
            done,
            told,
            topics,
        )
        for g in sorted(groups, key=lambda g: (g.events[0].trigger.start, g.events[0].trigger.end))
        if not g.summed
    ]
    resolved = {p.id: p for p in places if p.gazetteer_id is not None}
    ends = {m.end: p for p in resolved.values() for m in p.mentions}
    out = [_inner_place(e, resolved, ends, text, fits) for e in out]
    out = [_smaller_place(e, places, located) for e in out]
    out = [_inherited_source(doc, e, mentioned, sentence_starts, lexicon.light_verbs) for e in out]
    # a state's organs and officials, by their state: one side of an answer
    organs = {
        a.id: a.country
        for a in actors
        if a.country and (a.kind in STATE_KINDS or a.sector in STATE_SECTORS)
    }
    out = [_reaction_target(doc, e, out, sentence_starts, organs) for e in out]
    out = [_unknown_perpetrators(doc, e, mentioned, sentence_starts) for e in out]
    out = [e for e in out if not _talk_about(doc, e, lexicon)]
    # violence named in passing among the acts a text reports (a note that reports only
    # "victims of ongoing post-election violence" reports that)
    passing = [e for e in out if _state_of_violence(doc, e)]
    if len(passing) < len(out):
        out = [e for e in out if e not in passing]
    protests = {
        t.i
        for e in out
        if e.type == "PROTEST"
        for t in doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand") or ()
    }
    out = [e for e in out if not _protested_against(doc, e, protests)]
    return [e.model_copy(update={"id": f"e{i}"}) for i, e in enumerate(out, start=1)]


# Verbs that make a plural act a series of acts: "ramped up attacks", "stepped up raids".
SERIES_VERBS = frozenset({"ramp", "step", "intensify", "escalate", "increase", "multiply"})


def _series(doc: Doc, event: Event) -> bool:
    """Whether the event is many acts told at once ("the BLA has ramped up attacks"), which
    no one act told after it is a mention of."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None:
        return False
    root = words.root
    return root.tag_ == "NNS" and root.dep_ == "dobj" and root.head.lemma_.lower() in SERIES_VERBS


def _sets_scene(doc: Doc, scene: Event, event: Event) -> bool:
    """Whether ``scene`` is named in a phrase on ``event``'s verb that says which act the
    clause tells: "In a separate attack, two farmers were wounded" (one event); not "wounded
    by an earlier bomb blast", an act before this one."""
    named = doc.char_span(scene.trigger.start, scene.trigger.end, alignment_mode="expand")
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if named is None or words is None:
        return False
    prep = named.root.head
    return (
        named.root.dep_ == "pobj"
        and prep.lower_ in ("in", "during")
        and prep.head.i == words.root.i
        and prep.i < words.root.i
    )


def _accused_act(doc: Doc, event: Event) -> bool:
    """Whether the event is what someone is accused of or praised for ("accused Shabaab of
    using mosques as shields"): a charge of its own, not one more report of an act told
    before."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return words is not None and accused_of(words.root) is not None


def _doer(doc: Doc, event: Event, light_verbs: frozenset[str]) -> Token | None:
    """The subject of the trigger's verb, or of the light verb whose object the trigger is
    ("launched attacks"; not "awaited trial", whose subject does not try anyone)."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None:
        return None
    token = words.root
    if token.pos_ in ("VERB", "AUX"):
        if token.dep_ == "acl" and token.head.pos_ == "NOUN":
            # "its reluctance to endorse the plan", "their decision to expel": the owner's act
            for child in token.head.children:
                if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
                    return child
        return verb_subject(token)
    verb = token.head
    if token.dep_ == "dobj" and verb.lemma_.lower() in light_verbs:
        return verb_subject(verb)
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
            return child  # "their talks"
    return None


# Acts that answer another act: "condemned the attack", "rejected the move", "denied the
# accusation", "welcomed the decision".
REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# Nouns that point back at the act answered, and the types of act each can name: force ("the
# attack", "the launch"), a claim ("the accusation"), or a measure or a word ("the move").
_FORCE = frozenset({"ASSAULT", "MOBILIZE", "THREATEN", "COERCE"})
_CLAIM = frozenset({"ACCUSE"})
_MEASURE = frozenset(
    {"COERCE", "SANCTION", "REJECT", "AGREE", "SUPPORT", "REQUEST", "THREATEN", "RETREAT"}
    | {"CONCEDE", "COOPERATE", "AID", "CONSULT", "MOBILIZE"}
)
ACT_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        re.findall(
            r"\S+",
            "launch test attack strike strikes raid killing assault bombing shelling incursion "
            "operation offensive provocation execution seizure arrest detention",
        ),
        _FORCE,
    ),
    **dict.fromkeys(["accusation", "claim", "allegation", "charge"], _CLAIM),
    **dict.fromkeys(
        re.findall(
            r"\S+",
            "move decision step action measure announcement sanction ban remark statement deal "
            "agreement plan proposal order ruling verdict expulsion",
        ),
        _MEASURE,
    ),
}


# How many sentences back an answer looks for the act "the attack" or "the move" names.
ANSWER_SENTENCES = 2


def _reaction_target(
    doc: Doc,
    event: Event,
    events: Sequence[Event],
    sentence_starts: Sequence[int],
    country: Mapping[str, str | None],
) -> Event:
    """An answer to an act is aimed at whoever did that act: "Gunmen of the Islamic State
    attacked a church. The government condemned the attack" condemns the Islamic State;
    "Russia accused Ukraine of shelling a hospital. Kyiv denied the accusation" denies Russia.
    The act is the event whose mention the answer's object is, else, for "the move" or "the
    launch", the last event of the kind the noun names (of an accusation, an accusation; else
    no answer itself), with another side for its doer, told in the answer's sentence or the
    two before. ``country``: each state organ's and official's state, that one side not answer
    itself ("Kyiv" is Ukraine)."""
    sides = set(event.source) | {country.get(a) for a in event.source} - {None}

    def other_side(e: Event) -> bool:
        return bool(e.source) and not (set(e.source) | {country.get(a) for a in e.source}) & sides

    if event.target or event.type not in REACTION_TYPES or event.negated:
        return event
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None or words.root.pos_ != "VERB":
        return event
    objects = [c for c in words.root.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if len(objects) != 1:
        return event
    noun = objects[0]
    answered = next(
        (
            e
            for e in events
            if e is not event
            and any(m.trigger.start <= noun.idx < m.trigger.end for m in e.mentions)
        ),
        None,
    )
    if answered is None:
        if noun.lemma_.lower() not in ACT_NOUNS or not any(
            c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children
        ):
            return event
        sentence = index_of(sentence_starts, event.sentence.start)
        window = sentence_starts[max(0, sentence - ANSWER_SENTENCES)]
        # an act of the kind the noun names, and no answer to another ("welcomed the move"
        # before "criticized the decision" answers the decision, not the welcome)
        wanted = ACT_NOUNS[noun.lemma_.lower()]
        earlier = [
            e
            for e in events
            if e is not event
            and other_side(e)
            and not (e.negated or e.hypothetical)
            and e.type in wanted
            and (e.type not in REACTION_TYPES or wanted is _CLAIM)
            and any(window <= m.trigger.start < event.trigger.start for m in e.mentions)
        ]
        answered = max(earlier, key=lambda e: e.mentions[-1].trigger.start, default=None)
    if answered is None or not other_side(answered):
        return event
    return event.model_copy(update={"target": list(answered.source), "target_basis": "inherited"})


def _inherited_source(
    doc: Doc,
    event: Event,
    mentioned: Intervals[Actor],
    sentence_starts: Sequence[int],
    light_verbs: frozenset[str],
) -> Event:
    """ "The BLA claimed the attack. It said ...", "Rebels attacked the town. The group ...":
    an event whose doer is a pronoun or a generic noun phrase takes the actor of its kind
    that is the subject of a clause just before (in its sentence or the one before), the
    one a reader takes it for. Only a subject: an object or a name in passing is not whom
    "he" or "the group" picks up."""
    if event.source:
        return event
    subject = _doer(doc, event, light_verbs)
    if subject is None:
        return event
    pronoun = POSSESSIVE_PRONOUNS.get(subject.lower_, subject.lower_)
    if subject.pos_ == "PRON":
        if _quoted_at(doc, subject) or subject.head.dep_ == "relcl":
            return event  # in a quote "he" is seldom whom the reporter named last
        kinds = ANTECEDENT_KINDS.get(pronoun, frozenset())
    elif subject.pos_ == "NOUN" and any(c.lower_ in ("the", "this") for c in subject.lefts):
        kinds = ANTECEDENT_KINDS.get(subject.lemma_.lower(), frozenset())
    else:
        return event
    sentence = index_of(sentence_starts, subject.idx)
    window = sentence_starts[max(0, sentence - 1)]
    # "it" is as often a thing ("the ship ... It made a stop") as a body: only the subject of
    # the clause just before, where that is an actor's name, is what it stands for.
    last = None
    if pronoun == "it":
        if subject.head.dep_ == "advcl":
            return event  # "The navy seized a tanker after it left Mombasa": the tanker
        last = _last_subject(doc, window, subject)
    for start, end, actor in sorted(mentioned.starting(window, subject.idx), reverse=True):
        if end > subject.idx or actor.id in event.target:
            continue
        words = doc.char_span(start, end, alignment_mode="expand")
        root = words.root if words is not None else None
        if actor.kind not in kinds and not (
            # "Kenya's foreign minister spoke ... He accused Somalia": one holder of an office
            pronoun in ("he", "she")
            and root is not None
            and root.tag_ == "NN"
            and root.lower_ in TITLES
        ):
            continue
        while root is not None and root.head != root:
            if root.dep_ in ("compound", "poss", "amod"):
                root = root.head  # "Boko Haram fighters", "Kenya's health authorities"
            elif (
                root.dep_ == "pobj"
                and root.head.lower_ == "of"
                and root.head.head.lemma_.lower() in COUNTING_NOUNS
            ):
                root = root.head.head  # "Tens of thousands of Sudanese began protesting"
            else:
                break
        if pronoun == "it" and (
            root is None or last is None or root.i != last.i or root.tag_ in ("NNS", "NNPS")
        ):
            continue  # not "Militants took over the train after it left Quetta"
        if root is not None and _main_subject(root):
            update = {"source": [actor.id], "source_basis": "inherited"}
            return event.model_copy(update=update)
    return event


# Nouns for whoever did an attack, named where the note says who they were not known to be.
PERPETRATOR_NOUNS = frozenset({"perpetrator", "attacker", "assailant", "culprit", "killer"})


def _unknown_perpetrators(
    doc: Doc, event: Event, mentioned: Intervals[Actor], sentence_starts: Sequence[int]
) -> Event:
    """ "Three are attacked and killed in Garissa. Perpetrators not known.": an attack told
    without its doer takes the perpetrators the next sentence names (the actors stage reads
    them as an unidentified armed group), as a coder does."""
    if event.source or event.type != "ASSAULT":
        return event
    sentence = index_of(sentence_starts, event.sentence.start)
    if sentence + 1 >= len(sentence_starts):
        return event
    start = sentence_starts[sentence + 1]
    end = (
        sentence_starts[sentence + 2] if sentence + 2 < len(sentence_starts) else len(text_of(doc))
    )
    for s, e, actor in mentioned.starting(start, end):
        words = doc.char_span(s, e, alignment_mode="expand")
        if (
            words is not None
            and words.root.lemma_.lower() in PERPETRATOR_NOUNS
            and actor.id not in event.target
        ):
            return event.model_copy(update={"source": [actor.id], "source_basis": "inherited"})
    return event


def _main_subject(token: Token) -> bool:
    """Whether ``token`` is the subject of its sentence's main verb; "Hundreds of students
    protested", which the parser reads as a noun with a clause ("protested") on it, counts."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return token.head.dep_ == "ROOT"
    return token.dep_ == "ROOT" and any(
        c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") for c in token.rights
    )


def _last_subject(doc: Doc, start: int, before: Token) -> Token | None:
    """The subject of the last main clause that begins at or after character ``start`` and
    before the token ``before``."""
    for i in range(before.i - 1, -1, -1):
        token = doc[i]
        if token.idx < start:
            return None
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            return token
    return None


def _quoted_at(doc: Doc, token: Token) -> bool:
    """Whether ``token`` is inside quotation marks opened in its sentence."""
    before = doc[token.sent.start : token.i].text
    straight = before.count('"') % 2 == 1
    return straight or before.count("\u201c") > before.count("\u201d")


# Nouns for a state of violence rather than an act: "a surge in violence".
STATE_OF_VIOLENCE = frozenset({"violence", "unrest", "insecurity", "bloodshed", "turmoil"})


def _state_of_violence(doc: Doc, event: Event) -> bool:
    """Whether a lone noun names violence as a state of affairs, with nothing of an act: no
    one doing or suffering it, no toll, place or day of its own ("the policy is driving a
    surge in violence"; not "Violence erupted in Kisumu on Monday")."""
    if len(event.mentions) > 1 or event.source or event.target or event.fatalities:
        return False
    if event.hypothetical:
        return False  # "the risk of violence": feared, and said so
    if event.place_basis == "stated" or _stated_date(event) is not None:
        return False
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    # named in passing, in a phrase ("a surge in violence", "plagued by unrest"); not what
    # a clause or a note is about ("Violence reported during national elections")
    return (
        words is not None
        and words.root.lemma_.lower() in STATE_OF_VIOLENCE
        and words.root.dep_ == "pobj"
    )


# Spans of time a present perfect sums acts over: "for years", "in the past".
SPAN_NOUNS = frozenset({"years", "decades", "months", "past", "centuries", "generations"})


def _over_the_years(doc: Doc, event: Event) -> bool:
    """Whether a lone mention of force or protest sums acts over a span of time rather than
    telling one: "Central Mali has been plagued by violence for years", "The group has carried
    out similar attacks in the past", "The war has killed thousands since April last year"
    (not "has killed 20 people since Monday")."""
    if len(event.mentions) > 1 or event.type not in ("ASSAULT", "PROTEST"):
        return False  # one held "for months" is held still
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None:
        return False
    verb = words.root
    for _ in range(3):  # the trigger's verb, or the verb its noun phrase hangs from
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children
    )
    spans = (
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("for", "in", "over")
        for g in c.children
        if g.dep_ == "pobj"
    )
    # "for years", not a term: "has jailed a student for two years"
    if not perfect:
        return False
    if any(
        g.lower_ in SPAN_NOUNS and not any(c.dep_ == "nummod" for c in g.children) for g in spans
    ):
        return True
    # "has killed thousands since April last year": since a month or a year, not a day
    when = event.when
    return (
        any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)
        and when is not None
        and when.basis == "stated"
        and when.precision in ("month", "year")
    )


def _talk_about(doc: Doc, event: Event, lexicon: EventLexicon) -> bool:
    """ "A dialogue is the only way out", "a funding gap", "we need to talk": a word for an
    exchange between parties where no party is named, nor anyone who does it, is talk about
    such things rather than an act to record (read by hand on the VOA stories, about four in
    five such events were). An act of force is one even unnamed ("Five people were killed");
    a doer the actors stage could not resolve ("The Tokyo exchange agreed") still names one."""
    if event.source or event.target or event.type in FORCE_TYPES:
        return False
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None:
        return False
    token = words.root
    for _ in range(3):  # the trigger's verb, or the verb its noun phrase hangs from
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.head.i == token.i:
            return True
        token = token.head
    doers = [c for c in token.children if c.dep_ in ("agent", "nsubjpass")]
    if (subject := verb_subject(token)) is not None:
        doers.append(subject)  # borrowed where the verb has none: "Modi is due to travel"
    return not any(
        t.pos_ == "PROPN"
        or t.ent_type_
        or t.lower_ in NAMING_PRONOUNS
        or (t.dep_ in ("nsubj", "nsubjpass", "pobj") and t.lemma_.lower() in PARTY_NOUNS)
        for d in doers
        for t in d.subtree
    )


def _protested_against(doc: Doc, event: Event, protests: set[int]) -> bool:
    """ "Women marched against sexual violence": a kind of act named bare as what a protest
    is against is its cause, not an act to record; "protested over the killing of a
    classmate" names one. ``protests``: the tokens of the article's protest triggers."""
    if event.source or event.target or event.type not in FORCE_TYPES:
        return False
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None:
        return False
    noun = words.root
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in ("against", "over"):
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False
    return noun.head.head.i in protests


def _stated_date(event: Event) -> str | None:
    when = event.when
    return when.date if when is not None and when.basis == "stated" and when.date else None


def _own_day(doc: Doc, event: Event, told: bool = False) -> str | None:
    """The stated date of ``event`` where it may tell two events apart: not one read outside
    the quotation marks its trigger is in ('"We destroyed a vehicle", the minister told
    reporters yesterday'), nor one of the verb that reports it ("killed 30 civilians,
    officials said on Saturday", ``told``), which date the telling; the event may be days
    older."""
    day = _stated_date(event)
    when = event.when
    if day is None or when is None or when.start is None:
        return day
    if told:
        return None
    sentence = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
    if sentence is None:
        return day
    quoted = quoted_ranges(sentence)
    if inside(event.trigger.start, quoted) and not inside(when.start, quoted):
        return None
    return day


def _topic(doc: Doc, event: Event, lexicon: EventLexicon) -> tuple[int, int] | None:
    """Where the object of a verb of speech or talk is ("condemned the attack in Kabul",
    "discussed the war in Gaza"): what the words are about, not where they were said."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None or words.root.pos_ != "VERB":
        return None
    verb = words.root
    if event.type not in lexicon.speech_types and verb.lemma_.lower() not in TOPIC_VERBS:
        return None
    said = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if said is None:
        return None
    return said.left_edge.idx, said.right_edge.idx + len(said.right_edge)


def _told_on(doc: Doc, event: Event, reporting_verbs: frozenset[str]) -> bool:
    """Whether the event's stated date is the day of the verb that reports it: "Gunmen killed
    30 civilians, officials said on Saturday" (the killing may be Friday's)."""
    when = event.when
    if when is None or when.start is None or when.end is None or not reporting_verbs:
        return False
    time = doc.char_span(when.start, when.end, alignment_mode="expand")
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if time is None or trigger is None:
        return False
    verb = time.root.head.head if time.root.dep_ == "pobj" else time.root.head
    return (
        verb.lemma_.lower() in reporting_verbs
        and trigger.root.i != verb.i
        and any(c.dep_ == "ccomp" and trigger.root in c.subtree for c in verb.children)
    )


def _reference(doc: Doc, event: Event, lexicon: EventLexicon) -> str | None:
    """ "back" where the trigger is a noun phrase that points back ("the strike", "these
    raids") or a verb whose subject is one ("The strike ... hit a vehicle"); "elsewhere" where
    it names another event ("the March attack", "the previous raid"), which joins none."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None:
        return None
    head: Token = words.root
    if head.pos_ == "VERB":
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        entries = lexicon.nouns.get(subjects[0].lemma_.lower(), []) if subjects else []
        if not any(len(e.words) == 1 and e.type == event.type for e in entries):
            return None
        head = subjects[0]
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(
        (c.ent_type_ in ("DATE", "TIME") and c.dep_ != "det" and c.lower_ not in TIMES_OF_DAY)
        or c.lower_ in OTHER_WORDS
        for c in head.lefts
    ):
        return "elsewhere"
    if any(c.lower_ == "of" or (c.dep_ == "relcl" and not _after_comma(c)) for c in head.rights):
        return None  # "the battle of Dawn", "the attack that killed ...": named, not pointed back
    for child in head.children:
        if child.dep_ == "det" and child.lower_ in ANAPHORIC_DETERMINERS:
            return "back"
        if child.dep_ == "poss" and child.lower_ in ANAPHORIC_POSSESSIVES:
            return "back"
    return None


def _dated_by_modifier(doc: Doc, event: Event) -> str | None:
    """The date a noun trigger's own modifier names ("Tuesday's attack", "the September
    deal"), where the event's stated date was read from it."""
    when = event.when
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None or when is None or when.basis != "stated" or when.start is None:
        return None
    for child in words.root.lefts:
        if child.ent_type_ in ("DATE", "TIME"):
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            if start <= when.start < end:
                return when.date
    return None


def _stated_on(
    groups: Sequence[_Group],
    event: Event,
    dated: str,
    day: str | None,
    places: dict[str, Place],
    country: dict[str, str | None],
    lexicon: EventLexicon,
) -> _Group | None:
    """The latest of ``groups`` stated only on the day ``dated`` that ``event`` can restate."""
    for candidate in reversed(groups[-LOOKBACK:]):
        if (
            candidate.days
            and all(d == dated for d in candidate.days)
            and _compatible(candidate, event, day, places, country, lexicon.reciprocal_types, False)
        ):
            return candidate
    return None


def _headline(
    groups: Sequence[_Group],
    event: Event,
    dated: str,
    day: str | None,
    title_end: int,
    places: dict[str, Place],
    country: dict[str, str | None],
    lexicon: EventLexicon,
) -> _Group | None:
    """The headline's undated report among ``groups`` that ``event``, dated by its own
    modifier to ``dated`` (a whole day within a week of the headline's), can restate."""
    if len(dated) != 10:
        return None  # "the March attack", "the 2014 abduction": no day of this week
    for candidate in groups:
        first = candidate.events[0]
        if first.sentence.start >= title_end:
            break
        when = first.when.date if first.when is not None else None
        if (
            not candidate.days
            and (when is None or _days_apart(dated, when) <= HEADLINE_DAYS)
            and _compatible(candidate, event, day, places, country, lexicon.reciprocal_types, False)
        ):
            return candidate
    return None


def _days_apart(a: str, b: str) -> float:
    """Days between two ISO days; infinite where either is not a whole day."""
    if len(a) != 10 or len(b) != 10:
        return math.inf
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _after_comma(clause: Token) -> bool:
    """ "The demonstration, which led to ...": a clause set off by a comma adds to a phrase
    that already points back; one without ("the attack that killed") picks an event out."""
    first = clause.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","


def _compatible(
    group: _Group,
    event: Event,
    day: str | None,
    places: dict[str, Place],
    country: dict[str, str | None],
    mutual_types: frozenset[str],
    same_sentence: bool,
) -> bool:
    """Whether ``event`` can be one more mention of the event ``group`` gathers; ``day``:
    the day it is stated to have happened on (``_own_day``)."""
    first = group.events[0]
    if (first.negated, first.hypothetical, first.future) != (
        event.negated,
        event.hypothetical,
        event.future,
    ):
        return False
    if event.mode is not None and not same_sentence:
        # in one sentence, ACLED-style: "one police shot dead and two children abducted"
        families = MODE_FAMILIES.get(first.type, {})
        modes = {families.get(mode, mode) for mode in group.modes}
        if modes and families.get(event.mode, event.mode) not in modes:
            return False
    if (
        first.type not in mutual_types
        and not (_fight(event) or group.fights)
        and (group.sources & set(event.target) or group.targets & set(event.source))
    ):
        return False
    if _two_dyads(group, event, country):
        return False
    if first.type not in LOOSE_DOER_TYPES and _two_doers(group, event, country):
        return False  # two speakers accusing, demanding or praising: two acts
    if day is not None and any(not _same_time(day, other) for other in group.days):
        return False
    if event.place is not None:
        mine = places.get(event.place)
        for other in group.places:
            if mine is not None and other in places and _far(mine, places[other]):
                return False
    return True


def _fight(event: Event) -> bool:
    """Whether the event is a fight both sides wage ("a gun battle with police"): whoever it
    is "with" may be the doer of the killing told beside it, which is the same event."""
    words = event.trigger.text.split()
    return bool(words) and is_fight(words[-1])


def _same_time(a: str, b: str) -> bool:
    """Whether two TIMEX values can name the same time ("2017-08" and "2017-08-30" can)."""
    return a.startswith(b) or b.startswith(a)


def _far(a: Place, b: Place) -> bool:
    if a.country and b.country and a.country != b.country:
        return True
    if a.precision != "point" or b.precision != "point":
        return False
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return _km(a.lat, a.lon, b.lat, b.lon) > FAR_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _kin(a: set[str], b: set[str], country: dict[str, str | None]) -> bool:
    """Whether two sets of actors overlap, or hold organs of one state ("Israel", "Israeli
    troops"): ``country`` maps each state actor to its country, any other to None."""
    if a & b:
        return True
    countries = {country.get(x) for x in a} - {None}
    return bool(countries & ({country.get(x) for x in b} - {None}))


def _two_doers(group: _Group, event: Event, country: dict[str, str | None]) -> bool:
    """Both name who did it, and not the same: "Israel struck Gaza as Hamas fired rockets"."""
    return bool(group.sources and event.source) and not _kin(
        group.sources, set(event.source), country
    )


def _two_dyads(group: _Group, event: Event, country: dict[str, str | None]) -> bool:
    """Both name doer and sufferer, and neither matches: two different events."""
    return (
        _two_doers(group, event, country)
        and bool(group.targets and event.target)
        and not _kin(group.targets, set(event.target), country)
    )


def _toll_alone(doc: Doc, event: Event, death_words: frozenset[str]) -> bool:
    """ "Five farmers were killed.": a killing that names no doer, after the attack it counts
    (the trigger itself must be the killing: "violence" in a sentence that counts the dead of
    something else is not)."""
    if event.source:
        return False
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return words is not None and words.root.lemma_.lower() in death_words


def _another(doc: Doc, event: Event, lexicon: EventLexicon) -> bool:
    """Whether the sentence of ``event`` says it tells of another event than the one before
    ("in a separate attack", "elsewhere", "days later", "in another raid"; not "another 79
    were injured", nor "police later arrested")."""
    sentence = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
    return sentence is None or any(
        t.lower_ in ANOTHER_WORDS
        or (t.lower_ == "another" and t.head.lemma_ in lexicon.nouns)
        or (t.lower_ == "later" and t.ent_type_ == "DATE")
        for t in sentence
    )


def _a_cause(doc: Doc, event: Event) -> bool:
    """Whether the trigger is told in a clause about what led to the rest of its sentence
    (after, because, since, over) or about someone (a relative clause)."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    token = words.root if words is not None else None
    while token is not None and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl"):
            return True
        if token.dep_ in ("advcl", "pcomp") and any(
            c.lower_ in CAUSE_MARKS
            for c in [*token.children, token.head]
            if c.dep_ in ("mark", "prep")
        ):
            return True
        token = token.head
    return False


def _head_lemmas(doc: Doc, event: Event) -> set[str]:
    """The lemmas an act is named by: "US airstrikes" strike; "struck Gaza" strike; "The
    strikes killed 20" kill and, by its subject, strike."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None:
        return {event.trigger.text.lower()}
    head = words.root
    found = {head.lemma_.lower()}
    if head.pos_ == "VERB":
        found |= {c.lemma_.lower() for c in head.children if c.dep_ in ("nsubj", "nsubjpass")}
    return found


# Words that open a clause told at another time than the rest of its sentence, and the units
# of the time between ("two days after", "weeks before").
TIME_MARKS = frozenset({"after", "before"})
TIME_UNITS = frozenset({"hour", "day", "week", "month", "year"})


def _time_clause(doc: Doc, event: Event) -> int | None:
    """The clause, with a subject of its own, that the trigger is told in where its sentence
    says it came some time before or after the rest ("The attack came two days after the army
    repelled an offensive"): another act than its sentence's main one. None in the main
    clause, and for a bare "after", which as often tells the act whose toll the sentence
    counts ("were killed after gunmen ambushed their convoy")."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    token = words.root if words is not None else None
    while token is not None and token.head.i != token.i:
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in token.children
        ):
            timed = any(
                c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_UNITS for c in token.children
            )
            if timed and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                return token.i
        token = token.head
    return None


def _casualty(doc: Doc, event: Event, death_words: frozenset[str]) -> bool:
    """Whether the trigger counts the dead or hurt ("two were killed", "five injured")."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return words is not None and words.root.lemma_.lower() in death_words | INJURY_WORDS


# What is fired or set, not hit: "opened fire on the crowd", "set the building on fire".
FIRED = frozenset({"fire", "shot", "round", "bullet", "gas", "teargas", "flame", "blaze"})


def _hit(doc: Doc, event: Event, mentioned: Intervals[Actor]) -> set[str]:
    """What a verb trigger names as hit or taken, where that is a thing, not an actor: "hit a
    vehicle", "the convoy was bombed", "rammed his vehicle into the convoy" (the noun's
    lemma); of a noun trigger, what the verb it is the subject of hits ("A suicide bomber
    rammed ... into the convoy")."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if words is None:
        return set()
    verb = words.root
    if verb.pos_ != "VERB" and verb.dep_ == "nsubj" and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.pos_ != "VERB":
        return set()
    things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    things += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("into", "at", "on")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return {
        c.lemma_.lower()
        for c in things
        if c.pos_ == "NOUN"
        and c.ent_type_ == ""
        and c.lemma_.lower() not in FIRED
        and not mentioned.overlaps(c.idx, c.idx + len(c))
    }


def _same_death(group: _Group, event: Event, people: set[str]) -> bool:
    """Whether both report the death of one named person (``people``: the ids of persons and
    leaders): an attack that killed the person it names as its target."""
    if event.type != "ASSAULT" or not event.fatalities:
        return False
    dead = people & set(event.target)
    return any(e.fatalities and dead & set(e.target) for e in group.events)


def _shares_actor(group: _Group, event: Event, kin: dict[str, set[str]]) -> bool:
    """Whether both name one actor, or an armed group and the common noun for its fighters
    ("Baloch Liberation Army ... the battle with militants")."""
    theirs = group.sources | group.targets
    mine = set(event.source + event.target)
    return bool(theirs & mine) or any(kin.get(a, set()) & mine for a in theirs)


# How the actor dictionary's keys for a country's irregular fighters end ("pakistan-rebels").
FIGHTER_NOUN_KEYS = ("-rebels", "-militia", "-gunmen")


def _armed_kin(actors: Sequence[Actor]) -> dict[str, set[str]]:
    """Each armed group's kin: the common noun for fighters of its country ("militants") and
    the named groups of that country ("Baloch Liberation Army"), which it may stand for."""
    generic: dict[str, set[str]] = {}
    named: dict[str, set[str]] = {}
    for a in actors:
        if a.kind != "armed_group" or a.country is None:
            continue
        common = (a.dictionary_id or "").endswith(FIGHTER_NOUN_KEYS)
        (generic if common else named).setdefault(a.country, set()).add(a.id)
    kin: dict[str, set[str]] = {}
    for country, commons in generic.items():
        for c in commons:
            kin[c] = set(named.get(country, ()))
        for n in named.get(country, ()):
            kin[n] = set(commons)
    return kin


def _location_mentions(
    doc: Doc, places: Sequence[Place], actors: Sequence[Actor]
) -> tuple[Intervals[tuple[str, bool]], Intervals[tuple[str, bool]]]:
    """Mentions of resolved places that say where something is or happened, each with whether
    it is a dateline: the object of a location preposition ("in Raqqa", "near the town of
    Hajin"), or a dateline ("KABUL, Afghanistan —"); not a place named as an actor's nationality
    or seat ("U.S. forces", "a Moscow-based analyst"). All of them, then those but the ones in
    a clause that says what an actor does as a rule (no event's place)."""
    text = text_of(doc)
    seats = Intervals((m.start, m.end, a.id) for a in actors for m in a.mentions)
    found: list[tuple[int, int, tuple[str, bool]]] = []
    described: set[int] = set()
    for place in places:
        if place.gazetteer_id is None:
            continue
        for m in place.mentions:
            if any(s < m.start or e > m.end for s, e, _ in seats.overlapping(m.start, m.end)):
                continue  # inside a longer actor name
            if _dateline(text, m.start, m.end):
                found.append((m.start, m.end, (place.id, True)))
            elif _after_location_prep(doc, m.start, m.end):
                if _describes_actor(doc, m.start, m.end, seats):
                    described.add(len(found))
                found.append((m.start, m.end, (place.id, False)))
    of_events = [f for i, f in enumerate(found) if i not in described]
    return Intervals(found), Intervals(of_events)


def _describes_actor(doc: Doc, start: int, end: int, seats: Intervals[str]) -> bool:
    """Whether a place is named in a clause in the simple present that says what an actor
    does or is as a rule: "U.S. Central Command, which oversees operations in the Middle
    East, said ..." (the Middle East is where Central Command works, not where the strike was)."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return False
    token = words.root
    while token.head.i != token.i:
        if token.dep_ == "relcl" and token.tag_ in ("VBZ", "VBP"):
            noun = token.head
            return bool(seats.overlapping(noun.idx, noun.idx + len(noun.text)))
        token = token.head
    return False


def _dateline(text: str, start: int, end: int) -> bool:
    """ "KABUL, Afghanistan — ..." or "BEIRUT (AP) -": a place that opens a line (after at most
    a capitalised city and a comma) with a dash or an agency's mark a few words on."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if before and not (before.endswith(", ") and before[:-2].isupper()):
        return False
    rest = text[end : end + 30]
    return any(mark in rest for mark in ("—", " – ", " - ", "(AP)", "(Reuters)", "(AFP)"))


def _after_location_prep(doc: Doc, start: int, end: int) -> bool:
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return False
    token = words.root
    if text_of(doc)[end : end + 1] == "-" or road_name(text_of(doc), end):
        return False
    # "in Mwingi town", "in Narok county", "at Kiganjo market": the name and the noun of
    # its kind are one place.
    while token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i > token.i:
        token = token.head
        if named_by_of(token):
            return False  # "in the Red Sea port city of Jeddah": Jeddah is where
    if (
        token.dep_ == "poss"
        and token.head.lemma_.lower() in PLACE_PARTS
        and token.head.dep_ == "pobj"
        and token.head.head.lower_ in LOCATION_PREPS
    ):
        return True  # "Police in Karachi's Lyari area clashed": Karachi is where
    if token.dep_ in ("compound", "amod", "poss"):
        return False
    for _ in range(3):  # "in Raqqa", "near the town of Hajin", "in the city of Aleppo"
        parent = token.head
        if parent is token:
            return False
        if token.dep_ == "pobj" and parent.lower_ in LOCATION_PREPS:
            return True
        if not (token.dep_ == "pobj" and parent.lower_ == "of") and token.dep_ != "prep":
            return False
        token = parent
    return False


def _in_country(places: Sequence[Place]) -> Callable[[str], bool]:
    """Whether a place may be filled in from context: where most of the article's place names
    are in one country, a place in another is more likely a name the gazetteer read wrong
    ("Port Fuad" in Brazil) than a second scene."""
    counts = Counter(p.country for p in places if p.gazetteer_id for _ in p.mentions)
    country, n = counts.most_common(1)[0] if counts else (None, 0)
    if country is None or 2 * n <= sum(counts.values()):
        return lambda place: True
    foreign = {p.id for p in places if p.country not in (None, country)}
    return lambda place: place not in foreign


def _article_place(
    located: Intervals[tuple[str, bool]], fits: Callable[[str], bool], places: Sequence[Place]
) -> str | None:
    """The article's place: its dateline's, else the place it names most often as a location
    (the first of a tie), if named so at least twice and in at least half of the times it names
    a location (a story that moves between capitals has no one place); else, where it names
    locations at least twice and all in one country, that place if it is the only one, or
    that country if the text names it ("in Quetta", "in Sibi": Pakistan)."""
    counts: dict[str, int] = {}
    for _, _, (place, dateline) in located.starting(0, _FAR):
        if not fits(place):
            continue
        if dateline:
            return place
        counts[place] = counts.get(place, 0) + 1  # dicts keep the order of first mention
    country = {p.id: p.country for p in places}
    # a region of no one country is no story's one place: "the Indian Ocean" of a state visit
    # to Mauritius, "the Middle East" of a strike in Iraq
    best = max((p for p in counts if country.get(p)), key=lambda p: counts[p], default=None)
    if best is None:
        return None
    if counts[best] >= 2 and 2 * counts[best] >= sum(counts.values()):
        return best
    inside = [p for p in counts if country.get(p)]  # not "Africa", "the Sahel"
    found = {country.get(p) for p in inside}
    if len(found) != 1 or sum(counts[p] for p in inside) < 2:
        return None  # one location named once is its own sentence's (a note's "in Somalia")
    if len(inside) == 1:
        return inside[0]
    code = found.pop()
    return next((p.id for p in places if p.precision == "country" and p.country == code), None)


# How much more often the article's one country must be named, by its actors, than any
# other for its events to be placed there when no location says where they happened.
ACTORS_COUNTRY_LEAD = 3
ACTORS_COUNTRY_LEAST = 5


def _actors_country(
    actors: Sequence[Actor], places: Sequence[Place], located: Intervals[tuple[str, bool]]
) -> str | None:
    """The article's place where it names no location often enough to tell, in a story about
    one country: the country whose actors it names at least three times as often as any
    other's, five times at least ("Zimbabwe journalist Blessed Mhlanga ... the Harare
    magistrate", "a Kenyan court"), if every location it names is in that country. The place
    is the first town or division of that country the text names (Harare), else the country
    itself, if the text names it and no town elsewhere. A story between capitals has none,
    nor one told "in sub-Saharan Africa" or "at Guantanamo Bay, Cuba"."""
    country_places = {p.country: p.id for p in places if p.precision == "country" and p.country}
    counts = Counter(
        a.country for a in actors if a.country in country_places for _ in a.mentions
    ).most_common(2)
    if not counts:
        return None
    (best, n), runner_up = counts[0], counts[1][1] if len(counts) > 1 else 0
    where = {p.id: p.country for p in places}
    named = {where.get(place) for _, _, (place, _) in located.starting(0, _FAR)}
    if n < ACTORS_COUNTRY_LEAST or n < ACTORS_COUNTRY_LEAD * runner_up or named - {best}:
        return None
    towns = [p for p in places if p.precision in ("point", "admin2", "admin1") and p.mentions]
    inside = [p for p in towns if p.country == best]
    if inside:
        return min(inside, key=lambda p: p.mentions[0].start).id
    if towns:
        return None  # "Mombasa youth ... join Al-Shabab in Somalia": the towns are elsewhere
    return country_places[best]


def _verbal(doc: Doc, event: Event) -> bool:
    """Whether a verb tells the event ("torched"), not a noun that names it ("the riots")."""
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return words is not None and words.root.pos_ == "VERB"


def _merged(
    events: list[Event],
    located: Intervals[tuple[str, bool]],
    sentence_starts: Sequence[int],
    paras: Sequence[tuple[int, int]],
    para_starts: Sequence[int],
    main_place: str | None,
    fits: Callable[[str], bool],
    lexicon: EventLexicon,
    countries: frozenset[str] = frozenset(),
    done: frozenset[int] = frozenset(),
    told: frozenset[int] = frozenset(),
    topics: dict[int, tuple[int, int]] | None = None,
) -> Event:
    """The event the mentions ``events`` report, each value with the basis it came from.
    ``done``: where the mentions told by a verb start; ``told``: where those dated by the
    verb that reports them start; ``topics``: of those that speak of something, where what
    they speak of is, by where they start."""
    first = events[0]
    mentions = [_mention(e) for e in events]
    update: dict[str, object] = {"mentions": mentions}
    # A fight's "with" is a side, not the victim: the harm told beside it says who did what.
    ranked = sorted(enumerate(events), key=lambda pair: _fight(pair[1]) and pair[0] > 0)
    doers: set[str] = set()
    for role in ("source", "target"):
        found = next(
            (
                (i, e)
                for i, e in ranked
                if getattr(e, role) and not (role == "target" and set(e.target) & doers)
            ),
            None,
        )
        if found is not None:
            update[role] = list(getattr(found[1], role))
            update[f"{role}_basis"] = "stated" if found[0] == 0 else "coreferent"
            if role == "source":
                doers = set(found[1].source)
        elif getattr(first, role):
            # parties that act together are each other's targets: "Russia and China
            # established a joint patrol"
            update[f"{role}_basis"] = "stated"
    found_place = next(
        ((i, e.place) for i, e in enumerate(events) if e.place and (i == 0 or fits(e.place))),
        None,
    )
    if found_place is not None:
        update["place"] = found_place[1]
        update["place_basis"] = "stated" if found_place[0] == 0 else "coreferent"
    elif (
        near := next(
            filter(
                None,  # the first mention's paragraph first; a headline's has none
                (
                    _paragraph_place(
                        e,
                        located,
                        sentence_starts,
                        paras,
                        para_starts,
                        fits,
                        countries,
                        (topics or {}).get(e.trigger.start),
                    )
                    for e in events
                ),
            ),
            None,
        )
    ) is not None:
        update["place"], update["place_basis"] = near, "inherited"
    elif main_place is not None:
        update["place"], update["place_basis"] = main_place, "article"
    if _stated_date(first) is None or first.trigger.start in told:
        # a mention's own day before the day the first one was told on
        dated = next(
            (e.when for e in events[1:] if _stated_date(e) and e.trigger.start not in told),
            None,
        )
        if dated is None and _stated_date(first) is None:
            dated = next((e.when for e in events[1:] if _stated_date(e) is not None), None)
        if dated is not None:
            update["when"] = dated.model_copy(update={"basis": "coreferent"})
            update["undated_reason"] = None
    mode = first.mode or next((e.mode for e in events if e.mode), None)
    if first.type == "PROTEST" and mode not in VIOLENT_PROTEST:
        # a demonstration whose crowd turned violent is a riot, whichever mention said so first
        # ("protesters marched ... and set fire to"; not "the riots last March" beside it)
        mode = next(
            (e.mode for e in events if e.mode in VIOLENT_PROTEST and e.trigger.start in done),
            mode,
        )
    if mode != first.mode:
        update["mode"] = mode
        if lexicon.codebook is not None:
            update["cameo_root"] = lexicon.codebook.cameo_root(first.type, mode)
    update["fatalities"] = next((e.fatalities for e in events if e.fatalities is not None), None)
    update["confidence"] = max(e.confidence for e in events)
    return first.model_copy(update=update)


# What stands between a place and the place the text puts it in: "Lokori in Turkana South",
# "Kabarnet, Baringo", "Mandera, in northern Kenya".
_DIRECTION = (
    r"(?: (?:north|south|east|west|central|northern|southern|eastern|western"
    r"|north-?eastern|north-?western|south-?eastern|south-?western))?"
)
INSIDE_GAP = re.compile(rf"(?:,|in|in the|, in|, in the){_DIRECTION}", re.I)
# A country's possessive between the two: "Hyderabad in Pakistan's Sindh province",
# "Nasiriyah, in southern Iraq's Dhi Qar province".
OWNER_GAP = re.compile(rf"['’]s{_DIRECTION}", re.I)
# The most characters such a gap takes with the spaces around it: only so far back is looked
# at, so a long document costs no more per event than a short one.
INSIDE_GAP_CHARS = 24


def _inner_place(
    event: Event,
    by_id: dict[str, Place],
    ends: dict[int, Place],
    text: str,
    fits: Callable[[str], bool],
) -> Event:
    """The event at the place its text puts inside the event's place: an attack "in Lokori in
    Turkana South" or "at Kabarnet, Baringo" is at Lokori or Kabarnet, not anywhere in the
    county the name after them says they are in. ``by_id``: the resolved places; ``ends``:
    each of their mentions by the offset it ends at."""
    outer = by_id.get(event.place or "")
    if outer is None:
        return event
    spans = [(m.sentence.start, m.sentence.end) for m in event.mentions] or [
        (event.sentence.start, event.sentence.end)
    ]
    for m in outer.mentions:
        if not any(start <= m.start < end for start, end in spans):
            continue
        for _, inner in _named_before(m.start, ends, text, INSIDE_GAP):
            if _inner(inner, outer, fits):
                return event.model_copy(update={"place": inner.id})
        # "Iraq's Dhi Qar province": look before the country for the town it holds
        for end, country in _named_before(m.start, ends, text, OWNER_GAP):
            if country.precision != "country" or country.country != outer.country:
                continue
            owner = _starting(country, end)
            if owner is None:
                continue
            for _, town in _named_before(owner, ends, text, INSIDE_GAP):
                if _inner(town, outer, fits):
                    return event.model_copy(update={"place": town.id})
    return event


def _named_before(
    start: int, ends: dict[int, Place], text: str, gap: re.Pattern[str]
) -> Iterator[tuple[int, Place]]:
    """(end, place) of each place named just before ``start`` with only ``gap`` between."""
    for end in range(max(0, start - INSIDE_GAP_CHARS), start):
        place = ends.get(end)
        if place is not None and gap.fullmatch(" ".join(text[end:start].split())):
            yield end, place


def _inner(inner: Place, outer: Place, fits: Callable[[str], bool]) -> bool:
    """Whether ``inner``, named just before ``outer``, can be the smaller place inside it."""
    return (
        inner.id != outer.id
        and inner.precision != "country"
        and inner.country is not None  # a continent: "the Church of Africa in X"
        and fits(inner.id)
    )


def _starting(place: Place, end: int) -> int | None:
    """Where the mention of ``place`` that ends at ``end`` starts."""
    return next((m.start for m in place.mentions if m.end == end), None)


def _smaller_place(
    event: Event, places: Sequence[Place], located: Intervals[tuple[str, bool]]
) -> Event:
    """An event placed at a country is at the place in that country its sentence names as a
    location ("after the riots in western Kenya, traders in Awendo counted their losses"), or
    failing that, the sentence of another of its mentions ("opened fire at a bus stop in
    central Israel ... The attack took place in the city of Raanana")."""
    by_id = {p.id: p for p in places}
    country = by_id.get(event.place or "")
    if country is None or country.precision != "country":
        return event
    spans = [(event.sentence.start, event.sentence.end)]
    spans += [(m.sentence.start, m.sentence.end) for m in event.mentions[1:]]
    for number, (start, end) in enumerate(dict.fromkeys(spans)):
        for _, _, (place, dateline) in located.starting(start, end):
            smaller = by_id.get(place)
            if (
                smaller is not None
                and not dateline
                and smaller.precision != "country"
                and smaller.country == country.country
            ):
                update: dict[str, object] = {"place": place}
                if number:
                    update["place_basis"] = "coreferent"
                return event.model_copy(update=update)
    return event


def _paragraph_place(
    event: Event,
    located: Intervals[tuple[str, bool]],
    sentence_starts: Sequence[int],
    paras: Sequence[tuple[int, int]],
    para_starts: Sequence[int],
    fits: Callable[[str], bool],
    countries: frozenset[str] = frozenset(),
    topic: tuple[int, int] | None = None,
) -> str | None:
    """The last place named as a location before the trigger in its sentence, or in the
    sentence before in its paragraph; a text with no paragraph breaks gives no paragraph to
    go by, only the sentence (read by hand, places from further back were wrong more often
    than right). Where there is none, the first place but a country named as a location after
    the trigger in its own sentence, but one in ``topic``, what the event speaks of ("condemned
    the attack in Kabul")."""
    number = index_of(para_starts, event.sentence.start)
    para_start = paras[number][0] if number >= 0 else 0
    sentence = index_of(sentence_starts, event.sentence.start)
    back = 1 if len(paras) > 1 else 0
    window = max(para_start, sentence_starts[max(0, sentence - back)])
    # a dateline is where the story was filed, the article's place, not the event's
    before = [
        p
        for _, _, (p, dateline) in located.starting(window, event.trigger.start)
        if fits(p) and not dateline
    ]
    if before:
        return before[-1]
    # "Scores were injured when rival supporters clashed in Mwingi town": a place its own
    # sentence names after it, where none is named before.
    after = located.starting(event.trigger.end, event.sentence.end)
    return next(
        (
            p
            for start, _, (p, _) in after
            if fits(p) and p not in countries and not (topic and topic[0] <= start < topic[1])
        ),
        None,
    )


def _mention(event: Event) -> Mention:
    when = event.when if event.when is not None and event.when.basis == "stated" else None
    return Mention(
        trigger=event.trigger,
        sentence=event.sentence,
        type=event.type,
        mode=event.mode,
        source=event.source,
        target=event.target,
        place=event.place,
        when=when,
        fatalities=event.fatalities,
        negated=event.negated,
        hypothetical=event.hypothetical,
        future=event.future,
    )
