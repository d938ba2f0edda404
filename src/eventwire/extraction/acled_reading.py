"""An event's ACLED event type and sub-event type, read from its PLOVER type and mode and from
the words that report it.

PLOVER's type and mode give ACLED's reading in most cases (``Codebook.to_acled``), but several
ACLED sub-event types turn on facts PLOVER does not code: who was attacked (an armed side makes
an "Armed clash", civilians an "Attack"), what the weapon was (a grenade), whether ground
changed hands and to whom, what the police did at a protest, or whether weapons were seized
rather than used. ACLED's coders read these from the report, so this reading does too: from
the event's notes (the sentences that report it) and the sectors of its actors. The cues follow
the ACLED codebook's definitions of each sub-event type.

The ACLED export and the CASE 2021 evaluation both use ``acled_reading``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Actor, StoryActor
from .codebook import Codebook

# Sectors and kinds of an organised armed side: ACLED's "Armed clash" is fought between two.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "INS", "SPY"})
ARMED_KINDS = frozenset({"military", "armed_group"})
STATE_SECTORS = frozenset({"MIL", "COP", "GOV"})
STATE_KINDS = frozenset({"military", "government", "state", "leader"})


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


# Two armed sides fighting each other.
CLASH = _words(
    r"clash",
    r"fighting\b",
    r"fought\b",
    r"battl",
    r"gun ?battle",
    r"gunfight",
    r"firefight",
    r"exchanged? (?:of )?(?:gun)?fire",
    r"shoot-?outs?\b",
    r"engaged\b",
    r"repel",
    r"repuls",
    r"fended off",
    r"fought off",
    r"counter-?attack",
    r"skirmish",
)
# An attack whose object is a military or police position or force.
ARMED_OBJECT = re.compile(
    r"\b(?:attack\w*|ambush\w*|raid\w*|storm\w*|assault\w*|charged|overr[au]n\w*|target\w*)"
    r"\W+(?:[\w'-]+\W+){0,5}?"
    r"(?:checkpoints?|bases?|posts?|outposts?|positions?|troops|soldiers|army|military"
    r"|barracks|convoys?|security forces|forces|camps?|police (?:station|post)s?|garrison)\b",
    re.IGNORECASE,
)
GRENADE = re.compile(r"\b(?<!smoke )(?<!stun )(?<!gas )(?<!propelled )grenades?\b", re.IGNORECASE)
CHEMICAL = _words(
    r"chemical (?:weapon|attack|agent|munition|substance)",
    r"chlorine",
    r"sarin",
    r"mustard gas",
    r"sulfur mustard",
    r"nerve agent",
    r"poison(?:ous)? gas",
    r"toxic gas",
)
SEXUAL = _words(
    r"rap(?:e|ed|es|ing)\b", r"sexual(?:ly)? (?:assault|abus|violen|exploit)", r"molest"
)
MOB = _words(
    r"mobs?\b",
    r"lynch",
    r"vigilante",
    r"angry (?:residents|villagers|crowd|youths)",
    r"looters",
    r"communal (?:violence|clash)",
    r"mob justice",
)
PROTEST_WORDS = _words(
    r"protest",
    r"demonstrat",
    r"rall(?:y|ies)\b",
    r"sit-ins?\b",
    r"marchers",
    r"march(?:ed)? (?:on|to|through)",
)
# Protesters doing violence: ACLED's "Violent demonstration".
VIOLENT_PROTEST = _words(
    r"clash",
    r"scuffle",
    r"riot",
    r"(?:threw|throw\w*|hurl\w*|lobb\w*) (?:[\w-]+ ){0,3}?"
    r"(?:stones|rocks|bottles|objects|projectiles|molotov|petrol bombs|fireworks|bricks|eggs)",
    r"pelt",
    r"molotov",
    r"petrol bombs?",
    r"set (?:fire|ablaze)",
    r"torch",
    r"smash",
    r"vandal",
    r"loot",
    r"turned violent",
    r"violent (?:protest|demonstration)",
    r"broke into",
    r"stormed",
    r"burn(?:ed|t|ing) (?:tyres|tires|cars|vehicles)",
    r"(?:stones|rocks|bottles|objects|projectiles|bricks) (?:were |being )?(?:thrown|hurled)",
    # ACLED counts blocking roads with barricades, and tearing things down, as violent
    r"barricad",
    r"(?:block\w*|shut\w* down|close\w*) (?:the |main |several )?(?:roads?|streets?|highways?"
    r"|railways?)",
    r"(?:pull\w*|tear\w*|tore) down",
)
# Force that kills or maims protesters: ACLED's "Excessive force against protesters", when
# the notes also name a force that used it (a toll of an earlier day or an accident is not).
EXCESSIVE_FORCE = _words(
    r"kill",
    r"shot dead",
    r"died",
    r"live (?:ammunition|rounds|bullets|fire)",
    r"opened fire",
    r"gunfire",
    r"brutally",
    r"violently",
    r"beat(?:en|ing)?\b",
    r"wound",
    r"injur",
)
FORCES = _words(
    r"police",
    r"officers",
    r"security",
    r"forces",
    r"troops",
    r"soldiers",
    r"army",
    r"guards",
    r"military",
    r"authorities",
)
# Force short of that: ACLED's "Protest with intervention".
INTERVENTION = _words(
    r"dispers",
    r"tear ?gas",
    r"water cannon",
    r"rubber bullets",
    r"pepper",
    r"arrest",
    r"detain",
    r"baton",
    r"(?:smoke|stun) grenades",
    r"broke up",
    r"break up",
    r"broken up",
    r"suppress",
    r"halt",
    r"chase",
    r"drag",
    r"cleared",
    r"forcibly",
    r"police (?:moved|blocked)",
)
# Ground taken: the verb, then within a few words a place.
TAKEN = re.compile(
    r"\b(?:(?:took|take[ns]?|taking|seiz\w*|gain\w*|wrest\w*|regain\w*|recover\w*|establish\w*)"
    r" (?:the |full |complete |total )*control\b"
    r"|(?:took|taken|taking) over\b|fell to\b|controlling\b"
    r"|(?:captur\w*|seiz\w*|overr[au]n\w*|recaptur\w*|ret(?:ook|aken?|aking)|regain\w*"
    r"|liberat\w*|freed|(?:drove|driven|pushed|expelled|cleared|ousted)\b[^.;]{0,40}?"
    r"\b(?:out|from|of))\W+(?:[\w'-]+\W+){0,6}?"
    r"(?:towns?|city|cities|villages?|districts?|areas?|regions?|provinces?|territor\w+|bases?"
    r"|camps?|posts?|positions?|hills?|hilltops?|heights|checkpoints?|crossings?|ports?"
    r"|airports?|airfields?|highway|road|neighbou?rhoods?|localit\w+|strongholds?|enclaves?"
    r"|count(?:y|ies)|capital|island|oilfields?|border))",
    re.IGNORECASE,
)
REGAIN = _words(
    r"recaptur", r"ret(?:ook|aken?|aking)\b", r"regain", r"liberat", r"freed\b", r"recover"
)
GOVERNMENT_SIDE = _words(
    r"government (?:forces|troops|soldiers)",
    r"(?:the |national |federal )?army\b",
    r"troops\b",
    r"soldiers\b",
    r"security forces",
    r"military\b",
    r"police\b",
)
# Ground handed over: a withdrawal or handover without a fight.
HANDED_OVER = _words(
    r"withdr[ae]w",
    r"withdrawn",
    r"withdrawal",
    r"pull(?:ed|s|ing)? out",
    r"pull-?out",
    r"hand(?:ed|s|ing)? (?:over|back|control|authority)",
    r"handover",
    r"without (?:a |any )?(?:fight|resistance)",
    r"evacuation deal",
    r"left the (?:town|city)",
)
PLACE_LEFT = _words(
    r"(?:withdr[ae]w\w*|pull(?:ed|s|ing)? out|pulled back|left|abandon\w*|vacat\w*)"
    r" (?:from |of )?(?:the |a |its |their )?(?:[\w'-]+ ){0,3}?"
    r"(?:town|city|village|district|area|region|province|territory|base|camp|post|position"
    r"|crossing|port|border)",
    r"(?:hand\w*|turn\w*) (?:over |back )?(?:control|authority)",
)
# Weapons seized, found, defused or intercepted: "Disrupted weapons use".
WEAPONS = (
    r"(?:weapons?|arms|ammunitions?|ammo|firearms?|guns?|rifles?|pistols?|revolvers?"
    r"|explosives?|explosive devices?|grenades?|ieds?|bombs?|devices?|landmines?|mines"
    r"|rockets?|missiles?|mortars?|caches?|stash\w*|detonators?|munitions?|rounds)"
)
FOUND = (
    r"(?:seiz\w*|confiscat\w*|recover\w*|found|discover\w*|defus\w*|dismantl\w*|intercept\w*"
    r"|cleared|shot down|uncover\w*|unearth\w*|detonated safely|neutrali[sz]\w*)"
)
# "destroyed an IED": a weapon made safe; "the vehicle was destroyed" by one is its use.
DISRUPTED = re.compile(
    rf"\b(?:{FOUND}|destroy\w*)\W+(?:[\w'-]+\W+){{0,6}}?{WEAPONS}\b|\b{WEAPONS}\W+(?:[\w'(),-]+\W+){{0,12}}?"
    rf"(?:were|was|been|being|have|has|had)\W+(?:[\w-]+\W+){{0,2}}?{FOUND}\b"
    rf"|\b(?:caches?|stash\w*) (?:of|containing)\b",
    re.IGNORECASE,
)
CASUALTIES = _words(r"kill", r"dead\b", r"died", r"injur", r"wound")
BASE_SET_UP = re.compile(
    r"\b(?:set(?:ting)? up|establish\w*|buil[dt]\w*|open\w*|erect\w*)\W+(?:[\w'-]+\W+){0,4}?"
    r"(?:bases?|headquarters|hq|posts?|outposts?|observation points?|points|camps?)\b",
    re.IGNORECASE,
)
# Modes of an attack that can take ground (with the words that say it was taken).
BATTLE_MODES = frozenset({None, "firearms", "heavy-weapons", "aerial", "beat", "primitive"})


def acled_reading(
    codebook: Codebook,
    type_: str,
    mode: str | None,
    notes: str,
    sources: Sequence[Actor | StoryActor] = (),
    targets: Sequence[Actor | StoryActor] = (),
) -> tuple[str | None, str | None]:
    """ACLED's event_type and sub_event_type of an event of PLOVER ``type_``/``mode`` that
    ``notes`` report, done by ``sources`` to ``targets``; (None, None) where ACLED codes no
    such event. Without cues in the notes it is the codebook's crosswalk."""
    plain = codebook.to_acled(type_, mode)
    found = _read(type_, mode, notes, sources, targets)
    return found if found is not None else plain


def _read(
    type_: str,
    mode: str | None,
    notes: str,
    sources: Sequence[Actor | StoryActor],
    targets: Sequence[Actor | StoryActor],
) -> tuple[str, str] | None:
    # Weapons taken or made safe, and nobody hurt by them: no use of force.
    disrupted = type_ in ("ASSAULT", "COERCE", "MOBILIZE") and DISRUPTED.search(notes)
    if disrupted and (type_ != "ASSAULT" or not CASUALTIES.search(notes)):
        return ("Strategic developments", "Disrupted weapons use")
    if type_ == "MOBILIZE" and BASE_SET_UP.search(notes):
        return ("Strategic developments", "Headquarters or base established")
    territory = _territory(type_, mode, notes, sources)
    if territory is not None:
        return territory
    if type_ == "PROTEST" or (
        type_ == "ASSAULT"
        and mode in (None, "crowd-control", "firearms", "beat")
        and (mode == "crowd-control" or PROTEST_WORDS.search(notes))
    ):
        return _protest(mode, notes)
    if type_ != "ASSAULT":
        return None
    if CHEMICAL.search(notes):
        return ("Explosions/Remote violence", "Chemical weapon")
    if mode in (None, "beat", "torture") and SEXUAL.search(notes):
        return ("Violence against civilians", "Sexual violence")
    if mode in ("explosives", None) and GRENADE.search(notes):
        return ("Explosions/Remote violence", "Grenade")
    if mode in (None, "firearms", "beat", "primitive"):
        if MOB.search(notes):
            return ("Riots", "Mob violence")
        if CLASH.search(notes) or ARMED_OBJECT.search(notes) or any(map(_armed, targets)):
            return ("Battles", "Armed clash")
        return ("Violence against civilians", "Attack")
    return None


def _territory(
    type_: str, mode: str | None, notes: str, sources: Sequence[Actor | StoryActor]
) -> tuple[str, str] | None:
    """Ground that changed hands: by force (ACLED's two "territory" battles) or handed over."""
    fought = type_ == "COERCE" and mode in (None, "seize", "arrest")
    fought = fought or (type_ == "ASSAULT" and mode in BATTLE_MODES)
    if type_ == "RETREAT" and PLACE_LEFT.search(notes):
        taken = TAKEN.search(notes)
        if taken is None or not REGAIN.search(taken.group(0)):
            return ("Strategic developments", "Non-violent transfer of territory")
    if not (fought or type_ == "RETREAT"):
        return None
    taken = TAKEN.search(notes)
    if taken is None:
        return None
    if HANDED_OVER.search(notes) and not CLASH.search(notes):
        return ("Strategic developments", "Non-violent transfer of territory")
    if sources:
        state = any(a.sector in STATE_SECTORS or _kind(a) in STATE_KINDS for a in sources)
    else:
        before = notes[max(0, taken.start() - 80) : taken.start()]
        state = bool(GOVERNMENT_SIDE.search(before)) or bool(REGAIN.search(taken.group(0)))
    if state:
        return ("Battles", "Government regains territory")
    return ("Battles", "Non-state actor overtakes territory")


def _protest(mode: str | None, notes: str) -> tuple[str, str]:
    """A demonstration read as ACLED reads it: by what its people and the police did."""
    if mode in ("riot", "vandalize") or VIOLENT_PROTEST.search(notes):
        if MOB.search(notes):
            return ("Riots", "Mob violence")
        return ("Riots", "Violent demonstration")
    if EXCESSIVE_FORCE.search(notes) and FORCES.search(notes):
        return ("Protests", "Excessive force against protesters")
    if INTERVENTION.search(notes) or mode == "crowd-control":
        return ("Protests", "Protest with intervention")
    return ("Protests", "Peaceful protest")


def _armed(actor: Actor | StoryActor) -> bool:
    return actor.sector in ARMED_SECTORS or _kind(actor) in ARMED_KINDS


def _kind(actor: Actor | StoryActor) -> str | None:
    """A story's actors carry a sector but no kind."""
    return actor.kind if isinstance(actor, Actor) else None
