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


# A riot, not the police or kit named for riots ("riot police fired tear gas").
RIOT = r"riot(?!\W+(?:police|policemen|officers|squads?|units?|gear|control|shields?|troops))"


# ACLED's "Agreement" between armed sides: truces, peace talks, prisoner exchanges.
ARMED_AGREEMENT = _words(
    r"cease-?fire",
    r"truce",
    r"armistice",
    r"peace (?:talks|negotiations|deal|agreement|accord"
    r"|process|treaty)",
    r"(?:prisoner|detainee|hostage|captive)s? (?:exchange|swap)",
    r"exchange[ds]? (?:of )?(?:\w+ )?(?:prisoners|detainees|captives|bodies)",
)
# Types of a deal made, met or kept (signing one is SUPPORT in PLOVER's crosswalk).
AGREEMENT_TYPES = frozenset({"CONSULT", "RETREAT", "AGREE", "CONCEDE", "SUPPORT"})
# A surrender, or a release or handover done under a deal: ACLED's "Agreement" too.
SETTLED = _words(
    r"surrender",
    r"(?:under|as part of|in line with|according to) (?:a|an|the) (?:[\w-]+ ){0,2}?"
    r"(?:deal|agreement|accord)",
)
DEFECTION = _words(r"defect(?:ed|ion|ions|ors?|ing)?\b", r"switched sides")
CROWD = _words(
    r"protest",
    r"demonstrat",
    r"rall(?:y|ies)\b",
    RIOT,
    r"unrest",
    r"mobs?\b",
    r"crowd",
    r"march",
)
SUICIDE = _words(r"suicide (?:bomb|attack|car|vehicle|vest|blast)", r"svbied")
AIRCRAFT = _words(
    r"air ?strikes?",
    r"air raids?",
    r"warplanes?",
    r"(?:fighter )?jets?\b",
    r"aircraft",
    r"helicopters?",
    r"choppers?",
    r"drones?",
)
WEAPON_CUES = (
    (AIRCRAFT, "Air/drone strike"),
    (
        _words(r"shell(?:s|ed|ing)?\b", r"artillery", r"mortars?\b", r"rockets?\b", r"missiles?\b"),
        "Shelling/artillery/missile attack",
    ),
    (
        _words(
            r"bomb(?:s|ing|ings)?\b",
            r"ieds?\b",
            r"improvised explosive",
            r"explosions?\b",
            r"blasts?\b",
            r"landmines?",
            r"car bomb",
        ),
        "Remote explosive/landmine/IED",
    ),
)
DESTROYED = _words(
    r"loot",
    r"vandal",
    r"torch",
    r"set (?:fire|ablaze|alight)",
    r"burn(?:ed|t|ing)? down",
    r"burn(?:ed|t)\b",
    r"ransack",
    r"destroy",
    r"demolish",
    r"afire",
)
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
    RIOT,
    r"(?:threw|throw\w*|hurl\w*|lobb\w*) (?:[\w-]+ ){0,3}?"
    r"(?:stones|rocks|bottles|objects|projectiles|molotov|petrol bombs|fireworks|bricks|eggs)",
    r"pelt",
    r"molotov",
    r"petrol bombs?",
    r"(?:fire\w*|launch\w*|shot|shoot\w*|set off) (?:\w+ ){0,2}?(?:firecrackers|fireworks)",
    r"set (?:fire|ablaze)",
    r"torch",
    r"smash",
    r"vandal",
    r"loot",
    # the codebook's own words: demonstrators who act violently, destroy property, set fires
    # or fight the police or others
    r"(?:protest\w*|demonstrat\w*|riot\w*|march\w*) violently",
    r"violently (?:protest|demonstrat|riot)",
    r"(?:turn\w*|became|become|descend\w* into|marred by|degenerat\w* into|erupt\w* into)"
    r" (?:\w+ )?violen",
    r"(?<!non-)(?<!non )violent (?:protest|demonstrat|rall|march|crowd)",  # not "non-violent"
    r"rowdy",
    r"running battles?",
    r"(?:destruction of|destroy\w*) (?:\w+ ){0,2}?property",
    r"property destruction",
    r"set (?:[\w'-]+ ){1,4}?(?:alight|ablaze|on fire)",
    r"bonfires?",
    r"(?:broke|break\w*) into",
    r"stormed",
    r"burn(?:ed|t|ing) (?:tyres|tires|cars|vehicles)",
    r"(?:stones|rocks|bottles|objects|projectiles|bricks) (?:were |being )?(?:thrown|hurled)",
    # ACLED counts blocking roads with barricades, and tearing things down, as violent
    r"barricad",
    r"(?:block\w*|shut\w* down|close\w*) (?:the |main |several )?(?:roads?|streets?|highways?"
    r"|railways?)",
    r"(?:pull\w*|tear\w*|tore) down",
    r"violent clash",
    r"(?:police(?:men)?|officers) (?:were |have been )?(?:injured|hurt|wounded)",
    r"attack\w* (?:the )?(?:police|officers|security forces)",
    r"damag",
    r"burn\w*",
    r"(?:lit|light\w*|start\w*|set) (?:\w+ )?fires?\b",
    r"rampag",
    r"brawl",
    r"fights? broke out",
    r"confront\w* (?:the )?(?:police|security|officers|troops)",
    r"road ?blocks?",
)
# Force that kills or maims protesters: ACLED's "Excessive force against protesters", when
# the notes also name a force that used it (a toll of an earlier day or an accident is not).
PROTESTERS = r"(?:protesters?|demonstrators?|marchers|crowds?|rall(?:y|ies)|sit-ins?|students)"
# Shots of tear gas, rubber bullets or into the air are crowd control, not harm.
NOT_HARMFUL = r"(?!\W+(?:tear|teargas|rubber|water|warning|pepper|stun|smoke|(?:in)?to the air))"
HARM = (
    rf"(?:kill\w*|(?:shot|shooting|shoot|fired){NOT_HARMFUL}|opened fire|wound\w*|injur\w*"
    r"|died|dead|beat\w*|attack\w*)"
)
EXCESSIVE_FORCE = re.compile(
    # "fired live rounds at protesters", "protesters were shot dead", "killing one protester"
    rf"\b{HARM}\W+(?:[\w'-]+\W+){{0,6}}?{PROTESTERS}\b"
    rf"|\b{PROTESTERS}\W+(?:[\w'-]+\W+){{0,5}}?{HARM}"
    r"|\blive (?:ammunition|rounds|bullets|fire)|\bbrutally\b|\bviolently (?:suppress|disperse)"
    r"|\bopened fire\b|\bshot dead\b",
    re.IGNORECASE,
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
    r"(?:police|officers|security forces|authorities|troops)\W+(?:\w+\W+){0,3}?"
    r"(?:arrest|detain)",
    r"(?:arrested|detained) (?:\d+|dozens|hundreds|scores|several|some|many|more than|at least"
    r"|protesters|demonstrators|participants|activists)",
    r"(?:protesters|demonstrators|participants|activists|people) (?:were|have been) "
    r"(?:arrested|detained)",
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
    r"(?:police|officers|security|authorities|troops|forces|soldiers|army) (?:\w+ ){0,2}?interven",
)
# Words before a verb of taking that make it an aim, not a deed.
ATTEMPT = re.compile(
    r"\b(?:to|attempt\w*(?: to)?|tr(?:y|ied|ying) to|bid to|aim\w* (?:at|to)|bid for)\W*$",
    re.IGNORECASE,
)
# Ground taken: the verb, then within a few words a place.
TAKEN = re.compile(
    r"\b(?:(?:took|take[ns]?|taking|seiz\w*|gain\w*|wrest\w*|regain\w*|recover\w*|establish\w*)"
    r" (?:the |full |complete |total )*control\b"
    r"|(?:took|taken|taking) over\b|fell to\b"
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
    r"(?:para)?troopers\b",
    r"marines\b",
    r"commandos\b",
    r"soldiers\b",
    r"security forces",
    r"military\b",
    r"police\b",
)
HELD = re.compile(r"-(?:held|controlled|occupied|run)\b", re.IGNORECASE)
FOUGHT_WITH = re.compile(
    r"\b(?:with|against|from|on|toward|towards)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.IGNORECASE
)
NON_STATE_SIDE = _words(
    r"rebels?\b",
    r"militants?\b",
    r"fighters\b",
    r"insurgents?\b",
    r"jihadists?\b",
    r"terrorists?\b",
    r"militias?\b",
    r"militiamen",
    r"guerrillas?\b",
    r"separatists?\b",
    r"gunmen",
    r"(?:al-)?shabaa?b\b",
    r"taliban",
    r"islamic state",
    r"isis\b",
    r"isil\b",
    r"daesh",
    r"houthis?\b",
    r"boko haram",
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
# Forces pulling out of a place.
WITHDRAWN = _words(
    r"withdr[ae]w",
    r"withdrawn",
    r"withdrawal",
    r"pull(?:ed|s|ing)? (?:out|back)",
    r"pull-?out",
    r"abandon",
    r"vacat",
    r"evacuat",
    r"retreat",
)
# Weapons seized, found, defused or intercepted: "Disrupted weapons use".
# A drone or missile brought down before it struck.
SHOT_DOWN = _words(
    r"(?:shot|shoot\w*|brought|bring\w*) down (?:\w+ ){0,4}?(?:drones?|uavs?|missiles?|rockets?"
    r"|projectiles?)",
    r"intercept\w* (?:\w+ ){0,4}?(?:drones?|uavs?|missiles?|rockets?|projectiles?)",
)
WEAPONS = (
    r"(?:weapons?|arms|ammunitions?|ammo|firearms?|guns?|rifles?|pistols?|revolvers?"
    r"|explosives?|explosive devices?|grenades?|ieds?|bombs?|devices?|landmines?|mines"
    r"|rockets?|missiles?|mortars?|caches?|stash\w*|detonators?|munitions?|rounds)"
)
FOUND = (
    r"(?:seiz\w*|confiscat\w*|recover\w*|found|discover\w*|defus\w*|dismantl\w*|intercept\w*"
    r"|cleared|shot down|uncover\w*|unearth\w*|detonated safely|safely detonated"
    r"|neutrali[sz]\w*)"
)
# "destroyed an IED": a weapon made safe; "the vehicle was destroyed" by one is its use.
DISRUPTED = re.compile(
    rf"\b(?:{FOUND}|destroy\w*)\W+(?:[\w'-]+\W+){{0,6}}?{WEAPONS}\b|\b{WEAPONS}\W+(?:[\w'(),-]+\W+){{0,12}}?"
    rf"(?:were|was|been|being|have|has|had)\W+(?:[\w-]+\W+){{0,2}}?{FOUND}\b"
    rf"|\b(?:caches?|stash\w*) (?:of|containing)\b"
    # "an explosive device found on the highway"
    rf"|\b{WEAPONS} (?:found|recovered|seized|discovered|uncovered|unearthed)\b",
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
    if type_ == "ASSAULT" and SHOT_DOWN.search(notes) and not CASUALTIES.search(notes):
        return ("Strategic developments", "Disrupted weapons use")
    disrupted = (
        type_ in ("COERCE", "MOBILIZE")
        or (type_ == "ASSAULT" and mode in (None, "explosives", "destroy"))
    ) and DISRUPTED.search(notes)
    if disrupted and (type_ != "ASSAULT" or not CASUALTIES.search(notes)):
        return ("Strategic developments", "Disrupted weapons use")
    if type_ == "MOBILIZE" and BASE_SET_UP.search(notes):
        return ("Strategic developments", "Headquarters or base established")
    territory = _territory(type_, mode, notes, sources)
    if territory is not None:
        return territory
    if type_ == "PROTEST" and mode in ("riot", "vandalize") and not CROWD.search(notes):
        # A crowd's violence (people as its source) that the notes call no protest, riot or
        # mob: the source is more likely misread than the act, so read the act.
        type_, mode = "ASSAULT", None
    if type_ == "PROTEST" or (
        type_ == "ASSAULT"
        and mode in (None, "crowd-control", "firearms", "beat")
        and (mode == "crowd-control" or PROTEST_WORDS.search(notes))
    ):
        return _protest(mode, notes)
    if type_ in AGREEMENT_TYPES and ARMED_AGREEMENT.search(notes):
        return ("Strategic developments", "Agreement")
    if type_ in ("RETREAT", "CONCEDE") and SETTLED.search(notes):
        return ("Strategic developments", "Agreement")
    if type_ in ("RETREAT", "CONCEDE") and DEFECTION.search(notes):
        return ("Strategic developments", "Change to group/activity")
    if type_ == "RETREAT" and any(map(_armed, sources)) and WITHDRAWN.search(notes):
        # Armed forces pulling out leave ground to whoever holds it next, with no fight.
        return ("Strategic developments", "Non-violent transfer of territory")
    if type_ != "ASSAULT":
        return None
    if mode == "destroy" and CASUALTIES.search(notes):
        # ACLED's looting and property destruction is destruction outside other violence:
        # destruction that killed or wounded is an attack, read as one.
        mode = None
    if mode in (None, "explosives", "firearms") and SUICIDE.search(notes):
        return ("Explosions/Remote violence", "Suicide bomb")
    if CHEMICAL.search(notes):
        return ("Explosions/Remote violence", "Chemical weapon")
    if mode == "heavy-weapons" and AIRCRAFT.search(notes):
        return ("Explosions/Remote violence", "Air/drone strike")  # a missile from a jet
    if mode in (None, "beat", "torture") and SEXUAL.search(notes):
        return ("Violence against civilians", "Sexual violence")
    if mode in ("explosives", None) and GRENADE.search(notes):
        return ("Explosions/Remote violence", "Grenade")
    if mode is None and not CLASH.search(notes):
        # No weapon read with the act: one the notes name (ground fighting aside).
        for cue, sub_event_type in WEAPON_CUES:
            if cue.search(notes):
                return ("Explosions/Remote violence", sub_event_type)
    if mode in (None, "firearms", "beat", "primitive"):
        if MOB.search(notes):
            return ("Riots", "Mob violence")
        if mode is None and DESTROYED.search(notes) and not CASUALTIES.search(notes):
            return ("Strategic developments", "Looting/property destruction")
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
    if taken is None or ATTEMPT.search(notes[max(0, taken.start() - 30) : taken.start()]):
        return None  # "an attack to capture the town" took nothing
    if HANDED_OVER.search(notes) and not CLASH.search(notes):
        return ("Strategic developments", "Non-violent transfer of territory")
    state = _taker_is_state(notes, taken, sources)
    if state:
        return ("Battles", "Government regains territory")
    return ("Battles", "Non-state actor overtakes territory")


def _taker_is_state(
    notes: str, taken: re.Match[str], sources: Sequence[Actor | StoryActor]
) -> bool:
    """Whether government forces took the ground: the side named nearest before the verb ("the
    rebels recaptured"), not one fought or held ("clashing with insurgents and capturing a
    village", "a rebel-held enclave"), or after it in a passive ("was retaken by the army");
    else the event's sources; else a verb of retaking."""
    before = notes[max(0, taken.start() - 100) : taken.start()]
    sides = [(m.end(), True) for m in GOVERNMENT_SIDE.finditer(before) if _taker(before, m)]
    sides += [(m.end(), False) for m in NON_STATE_SIDE.finditer(before) if _taker(before, m)]
    if sides:
        return max(sides)[1]
    after = re.match(r"[^.;]{0,60}?\bby\b([^.;]{0,40})", notes[taken.end() :])
    if after:
        if NON_STATE_SIDE.search(after.group(1)):
            return False
        if GOVERNMENT_SIDE.search(after.group(1)):
            return True
    if sources:
        return any(a.sector in STATE_SECTORS or _kind(a) in STATE_KINDS for a in sources)
    return bool(REGAIN.search(taken.group(0)))


def _taker(text: str, side: re.Match[str]) -> bool:
    """Whether the side named at ``side`` can be the one that took ground: not the object of
    a preposition ("clashing with insurgents") nor a word of whose ground it was
    ("rebel-held")."""
    if HELD.match(text, side.end()):
        return False
    return not FOUGHT_WITH.search(text[max(0, side.start() - 25) : side.start()])


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
