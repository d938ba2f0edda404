"""Sentences we write ourselves, one PLOVER type (and mode) each, to train the type model.

The type and mode meanings come from the PLOVER codebook (``data/plover.yaml``); the wording is
ours. Each clause pattern is a short act with slots for actors, places and objects; a style wraps
it the way wire copy, local papers, NGO reports, ACLED-style notes, official statements and
headlines do; the verb is put in the past, present, perfect or passive. Hard negatives (floods,
fires, crashes, crime, sport, markets) are labelled ``NONE``: not a political event, even where
they say "killed" or "attacked". ``python -m eventwire.training.type_sentences`` rewrites
``data/type_sentences.jsonl``; the same seed gives the same file.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 20261203
PER_TYPE = 1100
NONE_COUNT = 5000
TRIGGER_OPEN, TRIGGER_CLOSE = "\x01", "\x02"

# Actors: (name, plural). Fictional people's names are built from common given names.
STATES = [
    "the United States",
    "Russia",
    "China",
    "Iran",
    "Israel",
    "Turkey",
    "Ukraine",
    "France",
    "Germany",
    "India",
    "Pakistan",
    "Nigeria",
    "Kenya",
    "Ethiopia",
    "Sudan",
    "Egypt",
    "Japan",
    "Saudi Arabia",
    "South Korea",
    "Brazil",
    "Mexico",
    "Colombia",
    "Venezuela",
    "Afghanistan",
    "Iraq",
    "Syria",
    "Yemen",
    "Somalia",
    "Mali",
    "Myanmar",
    "Britain",
    "Qatar",
    "Uganda",
    "Benin",
    "Niger",
    "Chad",
    "Lebanon",
    "Jordan",
    "Algeria",
    "Morocco",
    "Indonesia",
]
ADJECTIVES = [
    "American",
    "Russian",
    "Chinese",
    "Iranian",
    "Israeli",
    "Turkish",
    "Ukrainian",
    "French",
    "German",
    "Indian",
    "Pakistani",
    "Nigerian",
    "Kenyan",
    "Ethiopian",
    "Sudanese",
    "Egyptian",
    "Afghan",
    "Iraqi",
    "Syrian",
    "Yemeni",
    "Somali",
    "Malian",
    "British",
    "Ugandan",
    "Lebanese",
]
SURNAMES = [
    "Okafor",
    "Haddad",
    "Petrov",
    "Nguyen",
    "Mensah",
    "Kariuki",
    "Rahman",
    "Silva",
    "Kowalski",
    "Yilmaz",
    "Tanaka",
    "Otieno",
    "Diallo",
    "Hussein",
    "Moreno",
    "Ivanova",
    "Singh",
    "Barzani",
    "Abdi",
    "Mwangi",
    "Traore",
    "Keller",
    "Dubois",
    "Novak",
    "Castillo",
    "Karimi",
    "Osei",
]
TITLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Interior Minister",
    "opposition leader",
    "Governor",
    "Senator",
    "General",
    "Chancellor",
]
GROUPS: dict[str, list[tuple[str, bool]]] = {
    "gov": [
        ("the government", False),
        ("the interior ministry", False),
        ("the cabinet", False),
        ("the foreign ministry", False),
        ("officials", True),
        ("the authorities", True),
        ("the federal government", False),
        ("the presidency", False),
        ("the junta", False),
        ("the regional administration", False),
        ("the county government", False),
    ],
    "mil": [
        ("the army", False),
        ("troops", True),
        ("government forces", True),
        ("security forces", True),
        ("soldiers", True),
        ("the military", False),
        ("the air force", False),
        ("the navy", False),
        ("coalition forces", True),
        ("paramilitary units", True),
    ],
    "police": [
        ("police", True),
        ("riot police", True),
        ("officers", True),
        ("the police", True),
        ("anti-terror police", True),
        ("the gendarmerie", False),
        ("detectives", True),
    ],
    "rebel": [
        ("rebels", True),
        ("militants", True),
        ("gunmen", True),
        ("insurgents", True),
        ("armed men", True),
        ("a militia", False),
        ("separatists", True),
        ("jihadists", True),
        ("Al-Shabaab fighters", True),
        ("Boko Haram fighters", True),
        ("bandits", True),
        ("the Islamic State group", False),
        ("Taliban fighters", True),
        ("the rebel group", False),
    ],
    "civil": [
        ("protesters", True),
        ("demonstrators", True),
        ("students", True),
        ("residents", True),
        ("traders", True),
        ("opposition supporters", True),
        ("workers", True),
        ("teachers", True),
        ("farmers", True),
        ("villagers", True),
        ("youths", True),
        ("doctors", True),
        ("nurses", True),
        ("taxi drivers", True),
        ("women", True),
    ],
    "org": [
        ("the United Nations", False),
        ("the European Union", False),
        ("the African Union", False),
        ("NATO", False),
        ("Amnesty International", False),
        ("Human Rights Watch", False),
        ("the Red Cross", False),
        ("the World Bank", False),
        ("the IMF", False),
        ("the opposition party", False),
        ("the ruling party", False),
        ("the Supreme Court", False),
        ("parliament", False),
        ("lawmakers", True),
        ("the union", False),
        ("the UN Security Council", False),
        ("the World Food Programme", False),
        ("ECOWAS", False),
        ("the Arab League", False),
    ],
}
PLACES = [
    "Mogadishu",
    "Kabul",
    "Aleppo",
    "Donetsk",
    "Kano",
    "Nairobi",
    "Mombasa",
    "Kisumu",
    "Gao",
    "Benghazi",
    "Sanaa",
    "Mosul",
    "Idlib",
    "Gaza",
    "Lahore",
    "Quetta",
    "Goma",
    "Juba",
    "Khartoum",
    "Tripoli",
    "Bogota",
    "Caracas",
    "Yangon",
    "Dhaka",
    "Cotonou",
    "Parakou",
    "Garissa",
    "Mandera",
    "Kismayo",
    "Maiduguri",
    "Timbuktu",
    "Kherson",
    "Herat",
    "Basra",
    "Homs",
    "Taiz",
    "Peshawar",
    "Bunia",
    "Beni",
    "Kandahar",
    "Mopti",
    "Nakuru",
    "Eldoret",
    "Ahmedabad",
    "Manila",
    "Lagos",
    "Abuja",
    "Kampala",
    "Addis Ababa",
    "Tigray",
    "Darfur",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUMBERS = [
    "two",
    "three",
    "five",
    "seven",
    "10",
    "12",
    "15",
    "20",
    "23",
    "40",
    "dozens of",
    "more than 100",
    "at least 30",
    "hundreds of",
]

FILL: dict[str, list[str]] = {
    "coop": [
        "resume talks",
        "hold peace talks",
        "cooperate on border security",
        "respect the truce",
        "work together on trade",
        "form a unity government",
        "observe a ceasefire",
        "share power",
        "hold elections next year",
        "open a dialogue",
        "reform the police",
        "restore diplomatic ties",
        "end the fighting",
        "sign a trade deal",
    ],
    "topic": [
        "border security",
        "the peace process",
        "trade",
        "the nuclear programme",
        "refugees",
        "counter-terrorism",
        "the ceasefire",
        "energy supplies",
        "the disputed region",
        "prisoner exchanges",
        "climate policy",
        "water sharing",
        "election reform",
    ],
    "deal": [
        "peace deal",
        "ceasefire agreement",
        "trade agreement",
        "security pact",
        "memorandum of understanding",
        "power-sharing deal",
        "truce",
        "defence accord",
    ],
    "good": [
        "its role in the talks",
        "its handling of the crisis",
        "the peaceful elections",
        "its help with the refugees",
        "restraint",
        "its efforts to end the conflict",
        "the release of the hostages",
        "its reforms",
    ],
    "bad": [
        "the deaths of civilians",
        "the violence",
        "the attack on the embassy",
        "the failed raid",
        "the crackdown",
        "the killing of the journalist",
        "the unrest",
        "the collapse of the talks",
        "rising prices",
    ],
    "crime": [
        "war crimes",
        "corruption",
        "human rights abuses",
        "election fraud",
        "torture",
        "supporting terrorists",
        "genocide",
        "money laundering",
        "spying",
        "inciting violence",
        "violating the ceasefire",
        "rigging the vote",
    ],
    "policy": [
        "the new tax",
        "the election results",
        "fuel price rises",
        "the land law",
        "police brutality",
        "the arrest of their leader",
        "the ban on rallies",
        "unpaid salaries",
        "the closure of the university",
        "the constitutional change",
        "rising food prices",
        "the killing of a student",
    ],
    "aid": [
        "food aid",
        "medical supplies",
        "tents and blankets",
        "humanitarian aid",
        "emergency assistance",
        "military equipment",
        "weapons",
        "vaccines",
        "relief supplies",
        "fuel",
        "drinking water",
    ],
    "money": ["$10 million", "$250 million", "2 billion euros", "$45 million", "$1.2 billion"],
    "act": [
        "release the detainees",
        "end the blockade",
        "stop the attacks",
        "hold free elections",
        "withdraw its troops",
        "respect human rights",
        "open the border",
        "return to talks",
        "investigate the killings",
        "lift the curfew",
        "hand over the suspects",
        "step down",
    ],
    "hostile": [
        "attack",
        "launch strikes",
        "cut off gas supplies",
        "expel the ambassador",
        "impose sanctions",
        "close the border",
        "use force",
        "retaliate",
        "invade",
        "shoot down any aircraft",
        "arrest the leaders",
        "blockade the port",
    ],
    "freedoms": [
        "the ban on the newspaper",
        "the ban on opposition rallies",
        "restrictions on the press",
        "the ban on the party",
        "limits on public gatherings",
        "controls on the internet",
        "the ban on the union",
    ],
    "artefacts": [
        "stolen artefacts",
        "a looted statue",
        "ancient manuscripts",
        "seized paintings",
        "the remains of soldiers",
        "confiscated property",
        "the seized ship",
        "frozen assets",
    ],
    "building": [
        "parliament",
        "the presidential palace",
        "the ministry of finance",
        "the US embassy",
        "the governor's office",
        "the central bank",
        "the courthouse",
        "the police station",
        "the university",
        "the electoral commission",
    ],
    "prisoners": [
        "political prisoners",
        "detained protesters",
        "hostages",
        "prisoners of war",
        "captured soldiers",
        "jailed journalists",
        "aid workers",
        "detainees",
    ],
    "weapon_goods": ["arms", "weapons", "explosives", "ammunition", "rifles", "drones"],
    "restriction": [
        "restrictions on travel",
        "the state of emergency",
        "the curfew",
        "the ban on rallies",
        "import controls",
        "the internet blackout",
        "the blockade",
    ],
}

# Clause patterns per (type, mode). "[verb ...]" is the trigger verb (the first word is
# conjugated); "*noun*" a trigger noun; {S} the doer (filled by the caller), {T} the other side,
# {P} a place, {N} a number, {x:name} a filler from FILL, {S_} a second actor.
PATTERNS: dict[str, list[tuple[str, str | None]]] = {
    "AGREE": [
        ("{S} [agree] to {x:coop} with {T}", None),
        ("{S} [pledge] to {x:coop}", None),
        ("{S} [promise] to {x:coop}", None),
        ("{S} [vow] to {x:coop}", None),
        ("{S} [reach] an agreement with {T} on {x:topic}", None),
        ("{S} [offer] to {x:coop}", None),
        ("{S} [agree] to release {N} {x:prisoners}", None),
        ("{S} [agree] to withdraw from {P}", None),
        ("{S} [agree] to lift {x:restriction}", None),
        ("{S} [be] willing to {x:coop}", None),
        ("{S} [be] ready to {x:coop} with {T}", None),
        ("{S} [say] it would {x:coop}", None),
        ("{S} [offer] to send {x:aid} to {T}", None),
        ("{S} [agree] to a ceasefire with {T}", None),
        ("{S} and {T} [agree] on a {x:deal}", None),
        ("{S} [commit] to a ceasefire with {T}", None),
        ("{S} [accept] a ceasefire proposed by {T}", None),
        ("{S} [express] willingness to {x:coop}", None),
        ("a *{x:deal}* between {S} and {T} was reached after talks in {P}", None),
        ("{S} [say] it was ready to {x:coop} with {T}", None),
    ],
    "CONSULT": [
        ("{S} [meet] {T} in {P}", None),
        ("{S} [meet] with {T} to discuss {x:topic}", None),
        ("{S} [hold] talks with {T} on {x:topic}", None),
        ("{S} [discuss] {x:topic} with {T}", None),
        ("{S} [negotiate] with {T} over {x:topic}", None),
        ("{S} [visit] {P}", "visit"),
        ("{S} [travel] to {P} for talks with {T}", "visit"),
        ("{S} [host] {T} in {P}", "visit"),
        ("{S} [receive] {T} at {x:building}", "visit"),
        ("{S} [telephone] {T}", "phone"),
        ("{S} [speak] by phone with {T} about {x:topic}", "phone"),
        ("{S} [call] {T} to discuss {x:topic}", "phone"),
        ("{S} [call] {T} on {D}, discussing {x:topic}", "phone"),
        ("{S} [call] {T} on {D} to talk about {x:topic}", "phone"),
        ("{S} [hold] a phone conversation with {T} on {x:topic}", "phone"),
        ("{S} [hold] bilateral discussions with {T} at {x:building}", None),
        ("{S} [call] on {T} at {x:building} to discuss {x:topic}", "visit"),
        ("{S} [mediate] between {T} and {S_}", "third-party"),
        ("{S} [broker] talks between {T} and {S_}", "third-party"),
        ("{S} [attend] a regional summit in {P}", "multilateral"),
        ("{S} [convene] a meeting of regional leaders on {x:topic}", "multilateral"),
        ("*talks* between {S} and {T} on {x:topic} opened in {P}", None),
        ("{S} held a *meeting* with {T} in {P}", None),
    ],
    "SUPPORT": [
        ("{S} [praise] {T} for {x:good}", None),
        ("{S} [welcome] {T}'s decision to {x:coop}", None),
        ("{S} [endorse] {T}", None),
        ("{S} [sign] a {x:deal} with {T}", None),
        ("{S} and {T} [sign] a {x:deal} in {P}", None),
        ("{S} [sign] a treaty of friendship with {T}", None),
        ("{S} [ratify] the {x:deal} with {T}", None),
        ("{S} [back] {T}'s plan for {x:topic}", None),
        ("{S} [defend] {T} against criticism over {x:topic}", None),
        ("{S} [commend] {T} for {x:good}", None),
        ("{S} [congratulate] {T} on its election victory", None),
        ("{S} [apologise] to {T} for {x:bad}", None),
        ("{S} [express] support for {T}", None),
        ("{S} [express] solidarity with {T}", None),
        ("{S} [recognise] {T} as the legitimate government", None),
        ("{S} [hail] {T}'s {x:good}", None),
        ("{S} [thank] {T} for {x:good}", None),
        ("{S} [applaud] the agreement reached by {T}", None),
        ("{S} [voice] strong support for the peace efforts of {T}", None),
        ("{S} [pay] tribute to {T}", None),
        ("{S} [reaffirm] its support for {T}", None),
        ("{S} pledged its full *support* for {T}", None),
        ("{S} reiterated its *support* for {T}'s efforts on {x:topic}", None),
        ("{S} [pledge] full support for {T}'s plan for {x:topic}", None),
        ("{S} [voice] support for {T}'s position on {x:topic}", None),
        ("{S} [approve] of {T}'s efforts on {x:topic}", None),
        ("{S} [welcome] the decision by {T} to {x:coop}", None),
        ("{S} [welcome] {T}'s move to release {x:prisoners}", None),
        ("{S} [welcome] the {x:deal} between {T} and {S_}", None),
        ("{S} [reiterate] its support for the talks between {T} and {S_}", None),
        ("{S} [reaffirm] its commitment to the {x:deal} with {T}", None),
    ],
    "CONCEDE": [
        ("{S} [accept] the demands of {T}", None),
        ("{S} [give] in to demands from {T}", None),
        ("{S} [bow] to pressure from {T} and dropped the plan", None),
        ("{S} [ease] {x:freedoms}", None),
        ("{S} [lift] {x:freedoms}", None),
        ("{S} [legalise] the opposition party", None),
        ("{S} [pardon] {N} {x:prisoners} after demands from {T}", None),
        ("{S} [scrap] the planned fuel price rise after protests", None),
        ("{S} [reverse] its decision to close the schools", None),
        ("{S} [concede] defeat to {T}", None),
        ("{S} [yield] to {T}'s demand for new elections", None),
        ("{S} [grant] {T} the right to hold rallies", None),
        ("{S} [allow] {T} to register as a party", None),
        ("{S} [drop] charges against {N} opposition activists", None),
        ("{S} [admit] responsibility for {x:bad}", None),
        ("{S_civil} [call] off their strike after talks with {T}", None),
        ("{S_civil} [end] their protest after {T} met their demands", None),
        ("{S_civil} [suspend] the boycott after a deal with {T}", None),
        ("{S} [accept] a recount demanded by {T}", None),
        ("{S} [suspend] the controversial land law after pressure from {T}", None),
        ("{S} [make] *concessions* to {T}", None),
        ("{S} [pardon] {T_person}, who was jailed for corruption", None),
        ("{S} [grant] a full pardon to {T_person}", None),
        ("{S} [withdraw] the bill that {T} had opposed", None),
    ],
    "COOPERATE": [
        ("{S} [work] with {T} to fight terrorism", None),
        ("{S} [conduct] joint patrols with {T} along the border", None),
        ("{S} [share] intelligence with {T}", None),
        ("{S} [extradite] {N} suspects to {T}", None),
        ("{S} [cooperate] with {T} on {x:topic}", None),
        ("{S} [launch] a joint operation with {T} against smugglers", None),
        ("{S} [coordinate] security plans with {T}", None),
        ("{S} [hold] joint military exercises with {T}", None),
        ("{S} [partner] with {T} to build a power plant", None),
        ("{S} [team] up with {T} to track the suspects", None),
        ("{S} [join] {T} in an investigation into {x:crime}", None),
        ("{S} and {T} [set] up a joint commission on {x:topic}", None),
        ("{S} [begin] *cooperation* with {T} on {x:topic}", None),
    ],
    "AID": [
        ("{S} [send] {x:aid} to {T}", None),
        ("{S} [provide] {T} with {x:aid}", None),
        ("{S} [deliver] {x:aid} to {P}", None),
        ("{S} [donate] {x:money} to {T}", None),
        ("{S} [grant] asylum to {T}", None),
        ("{S} [give] {T} {x:money} in aid", None),
        ("{S} [supply] {x:weapon_goods} to {T}", None),
        ("{S} [airlift] {x:aid} to {P}", None),
        ("{S} [fund] a programme to help {T}", None),
        ("{S} [evacuate] {N} civilians from {P}", None),
        ("{S} [rescue] {N} stranded migrants off {P}", None),
        ("{S} [shelter] {N} families displaced from {P}", None),
        ("{S} [approve] a {x:money} loan to {T}", None),
        ("{S} [train] {T} in demining", None),
        ("{S} [contribute] troops to the UN peacekeeping mission in {P}", None),
        ("peacekeepers from {S} [arrive] in {P} to protect civilians", None),
        ("{S} [announce] {x:money} in *aid* for {T}", None),
        ("a convoy from {S} carrying {x:aid} reached {P}", None),
        ("{S} [deploy] {N} peacekeepers to {P} to protect civilians", None),
        ("{S} [send] a peacekeeping battalion to {P}", None),
        ("{S} [hand] over {x:aid} to {T}", None),
    ],
    "RETREAT": [
        ("{S} [withdraw] its troops from {P}", None),
        ("{S} [pull] out of {P}", None),
        ("{S} [release] {N} {x:prisoners}", None),
        ("{S} [free] {N} {x:prisoners} held since last year", None),
        ("{S} [retreat] from {P}", None),
        ("{S} [hand] over {x:weapon_goods} to {T}", "disarm"),
        ("{S} [surrender] their {x:weapon_goods} to {T}", "disarm"),
        ("{N} fighters from {S} [demobilise] under the deal", "disarm"),
        ("{S} [lift] sanctions on {T}", "ease"),
        ("{S} [ease] the blockade of {P}", "ease"),
        ("{S} [reopen] the border crossing at {P}", "access"),
        ("{S} [lift] the curfew in {P}", None),
        ("{S} [end] the state of emergency in {P}", None),
        ("{S} [declare] a ceasefire in {P}", None),
        ("{S} declared a unilateral *ceasefire* in {P}", None),
        ("{S} announced a *ceasefire* with {T}", None),
        ("{S} declared a *truce* with {T} for the holiday", None),
        ("{S} [allow] UN inspectors into {P}", "access"),
        ("{S} [return] {x:artefacts} to {T}", None),
        ("{S} [hand] back {x:artefacts} to {T}", None),
        ("{S} [reduce] tariffs on goods from {T}", "ease"),
        ("{S} [roll] back tariffs on {T}", "ease"),
        ("{S} [open] its borders to refugees from {P}", "access"),
        ("{S} [accept] the deployment of peacekeepers in {P}", "access"),
        ("{S} [allow] aid convoys into {P}", "access"),
        ("{S} [return] the captured territory to {T}", None),
        ("{S} [abandon] their positions around {P}", None),
        ("{S} [leave] the town of {P}", None),
        ("{S} [resign] after weeks of protests", None),
        ("{S} [step] down after the vote", None),
        ("{S} [let] free {N} {x:prisoners}", None),
        ("{S} [cease] military operations in {P}", None),
        ("{S} [halt] its offensive on {P}", None),
        ("the *withdrawal* of {S} from {P} was completed on {D}", None),
    ],
    "REQUEST": [
        ("{S} [urge] {T} to {x:act}", "change"),
        ("{S} [call] on {T} to {x:act}", "change"),
        ("{S} [demand] that {T} {x:act}", "change"),
        ("{S} [ask] {T} for {x:aid}", "assist"),
        ("{S} [appeal] to {T} for {x:aid}", "assist"),
        ("{S} [appeal] to {T} to {x:act}", "change"),
        ("{S} [press] {T} to {x:act}", "change"),
        ("{S} [request] {x:aid} from {T}", "assist"),
        ("{S} [plead] with {T} to {x:act}", "change"),
        ("{S} [invite] {T} to talks in {P}", "meet"),
        ("{S} [seek] a meeting with {T}", "meet"),
        ("{S} [demand] the release of {x:prisoners}", "change"),
        ("{S} [call] for an end to {x:bad}", "change"),
        ("{S} [ask] {T} to hold talks on {x:topic}", "meet"),
        ("{S} [renew] its *call* for {T} to {x:act}", "change"),
        ("{S} [insist] that {T} must {x:act}", "change"),
    ],
    "ACCUSE": [
        ("{S} [accuse] {T} of {x:crime}", "disapprove"),
        ("{S} [condemn] {T} for {x:bad}", "disapprove"),
        ("{S} [criticise] {T} over {x:bad}", "disapprove"),
        ("{S} [blame] {T} for {x:bad}", "disapprove"),
        ("{S} [denounce] {T}'s role in {x:bad}", "disapprove"),
        ("{S} [sue] {T} over {x:crime}", "allege"),
        ("{S} [allege] that {T} was behind {x:bad}", "allege"),
        ("{S} [investigate] {T} over {x:crime}", "investigate"),
        ("{S} [launch] an *inquiry* into {x:bad}", "investigate"),
        ("{S} [probe] allegations of {x:crime} by {T}", "investigate"),
        ("{S} [file] a *complaint* against {T}", "allege"),
        ("{S} [lodge] a formal protest with {T} over {x:bad}", "disapprove"),
        ("{S} [rebuke] {T} for {x:bad}", "disapprove"),
        ("{S} [charge] {N} officials with {x:crime}", "disapprove"),
        ("{S} [summon] {T}'s ambassador to protest {x:bad}", "disapprove"),
        ("{S} [slam] {T} for {x:bad}", "disapprove"),
        ("{S} [deplore] {x:bad} blamed on {T}", "disapprove"),
        ("a court [find] {T_person} guilty of {x:crime}", "disapprove"),
        ("{S} [fault] {T}'s decision to {x:coop}", "disapprove"),
        ("{S} expressed strong *condemnation* of {x:bad} blamed on {T}", "disapprove"),
    ],
    "REJECT": [
        ("{S} [reject] {T}'s proposal for {x:topic}", None),
        ("{S} [refuse] to {x:act}", "change"),
        ("{S} [refuse] to meet {T}", "meet"),
        ("{S} [turn] down {T}'s request for {x:aid}", "assist"),
        ("{S} [veto] the resolution on {x:topic}", None),
        ("{S} [dismiss] the demands of {T}", "yield"),
        ("{S} [deny] the allegations made by {T}", None),
        ("{S} [rule] out talks with {T}", "meet"),
        ("{S} [decline] {T}'s invitation to the summit", "meet"),
        ("{S} [vote] against the plan put forward by {T}", None),
        ("{S} [resist] pressure from {T} to {x:act}", "yield"),
        ("{S} [rebuff] calls from {T} to {x:act}", "yield"),
        ("{S} [oppose] {T}'s plan for {x:topic}", None),
        ("{S} [defy] an order from {T} to {x:act}", None),
        ("{S} [say] it would not {x:act}", "change"),
        ("{S_civil} [refuse] to end their strike until their demands are met", None),
        ("{S} [vow] never to stop its war on {T}", None),
        ("{S} [cancel] a planned visit to {T}", None),
    ],
    "THREATEN": [
        ("{S} [threaten] to {x:hostile}", None),
        ("{S} [warn] {T} that it would {x:hostile}", None),
        ("{S} [threaten] {T} with sanctions", "ban"),
        ("{S} [threaten] to cut ties with {T}", "relations"),
        ("{S} [threaten] to expel {T}'s diplomats", "expel"),
        ("{S} [threaten] to attack {P}", "violence"),
        ("{S} [vow] to crush {T}", "violence"),
        ("{S} [give] {T} an *ultimatum* to {x:act}", None),
        ("{S} [warn] of serious consequences if {T} did not {x:act}", None),
        ("{S} [say] it would strike {T} if provoked", "violence"),
        ("{S} [warn] {T} against any attack on {P}", "violence"),
        ("{S} [threaten] to ban {T}", "ban"),
        ("{S} [menace] {T} with military action", "violence"),
        ("{S} [issue] a *threat* to {x:hostile}", None),
        ("{S} [give] {T} a deadline to {x:act}", None),
        ("{S} [set] a deadline for {T} to {x:act}", None),
    ],
    "PROTEST": [
        ("{S} [march] through {P} against {x:policy}", "demo"),
        ("{S} [rally] outside {x:building} in {P}", "demo"),
        ("{S} [demonstrate] against {x:policy}", "demo"),
        ("{S} [protest] against {x:policy} in {P}", "demo"),
        ("{S} [protest] {x:policy}", "demo"),
        ("{S} [stage] a *sit-in* at {x:building}", "demo"),
        ("{S} [gather] in {P} to protest {x:policy}", "demo"),
        ("{S} [hold] a *demonstration* in {P} over {x:policy}", "demo"),
        ("{S} [riot] in {P} over {x:policy}", "riot"),
        ("{S} [hurl] stones at police in {P}", "riot"),
        ("{S} [pelt] police with stones during protests against {x:policy}", "riot"),
        ("{S} [go] on strike over {x:policy}", "strike"),
        ("{S} [walk] out over {x:policy}", "strike"),
        ("{S} [down] tools to demand their pay", "strike"),
        ("{S} [begin] a *hunger strike* in {P}", "hunger"),
        ("{S} [boycott] the elections in protest at {x:policy}", "boycott"),
        ("{S} [block] roads in {P} to protest {x:policy}", "obstruct"),
        ("{S} [barricade] the highway near {P}", "obstruct"),
        ("{S} [vandalise] the offices of {T} in {P}", "vandalize"),
        ("{S} [deface] posters of {T} in {P}", "vandalize"),
        ("a *protest* by {S} against {x:policy} took place in {P}", "demo"),
    ],
    "SANCTION": [
        ("{S} [cut] diplomatic ties with {T}", "withdraw"),
        ("{S} [sever] relations with {T}", "withdraw"),
        ("{S} [recall] its ambassador from {T}", "withdraw"),
        ("{S} [suspend] aid to {T}", "discontinue"),
        ("{S} [suspend] talks with {T}", "discontinue"),
        ("{S} [freeze] {x:money} in aid to {T}", "discontinue"),
        ("{S} [halt] military cooperation with {T}", "discontinue"),
        ("{S} [expel] {N} diplomats from {T}", "expel"),
        ("{S} [expel] {T}'s ambassador", "expel"),
        ("{S} [sanction] {N} officials from {T}", None),
        ("{S} [downgrade] relations with {T}", "withdraw"),
        ("{S} [pull] out of the talks with {T}", "discontinue"),
        ("{S} [cancel] a planned visit by {T}", "discontinue"),
        ("{S} [suspend] {T} from the regional bloc", None),
        ("{S} [expel] {N} foreign aid workers from {P}", "expel"),
        ("{S} [expel] the UN weapons inspectors", "expel"),
        ("{S} [order] international monitors out of {P}", "expel"),
        ("{S} [announce] a *suspension* of aid to {T}", "discontinue"),
        ("{S} [suspend] flights to and from {T}", "discontinue"),
        ("{S} [halt] development funding for {T}", "discontinue"),
    ],
    "MOBILIZE": [
        ("{S} [deploy] {N} troops to {P}", "troops"),
        ("{S} [send] reinforcements to {P}", "troops"),
        ("{S} [mass] troops on the border with {T}", "troops"),
        ("{S} [put] its forces on high alert", "troops"),
        ("{S} [mobilise] reservists", "troops"),
        ("{S} [deploy] riot police across {P} ahead of the vote", "police"),
        ("{S} [station] police officers at polling stations in {P}", "police"),
        ("{S} [move] missile launchers close to {P}", "weapons"),
        ("{S} [test] a new ballistic missile", "weapons"),
        ("{S} [increase] patrols in {P}", "troops"),
        ("{S} [set] up a new base near {P}", "troops"),
        ("{S} [recruit] hundreds of new fighters in {P}", "troops"),
        ("a *deployment* of {S} to {P} began on {D}", "troops"),
    ],
    "COERCE": [
        ("{S} [arrest] {N} {T_civil} in {P}", "arrest"),
        ("{S} [detain] {N} {T_civil}", "arrest"),
        ("{S} [jail] {T_person}", "arrest"),
        ("{S} [round] up {N} suspects in {P}", "arrest"),
        ("{S} [seize] {x:weapon_goods} in {P}", "seize"),
        ("{S} [confiscate] {x:weapon_goods} from {T_civil}", "seize"),
        ("{S} [occupy] {P}", "seize"),
        ("{S} [take] control of {P}", "seize"),
        ("{S} [ban] rallies in {P}", "restrict"),
        ("{S} [impose] sanctions on {T}", "restrict"),
        ("{S} [impose] an embargo on {T}", "restrict"),
        ("{S} [shut] down the internet in {P}", "censor"),
        ("{S} [close] {N} newspapers", "censor"),
        ("{S} [impose] a *curfew* on {P}", "curfew"),
        ("{S} [declare] *martial law* in {P}", "martial-law"),
        ("{S} [declare] a *state of emergency* in {P}", "martial-law"),
        ("{S} [deport] {N} migrants to {T}", "deport"),
        ("{S} [expel] {N} foreign journalists", "deport"),
        ("{S} [block] access to social media", "censor"),
        ("{S} [hack] the websites of {T}", "cyber"),
        ("{S} [launch] cyber attacks against {T}", "cyber"),
        ("{S} [close] all crossing points into {P}", "restrict"),
        ("{S} [withhold] salaries of striking {T_civil}", "withhold"),
        ("{S} [blockade] the port of {P}", "restrict"),
        ("{S} [raid] the offices of {T} and seized documents", "seize"),
        ("{S} [crack] down on {T_civil} in {P}", None),
        ("{S} [suspend] publication of the country's largest newspaper", "censor"),
        ("{S} [close] its land borders with {T}", "restrict"),
        ("{S} [issue] an arrest warrant for {T_person}", "arrest"),
    ],
    "ASSAULT": [
        ("{S} [attack] {T} in {P}", None),
        ("{S} [kill] {N} {T_civil} in {P}", None),
        ("{S} [ambush] a convoy of {T} near {P}", "firearms"),
        ("{S} [shoot] dead {N} {T_civil} in {P}", "firearms"),
        ("{S} [open] fire on {T_civil} in {P}", "firearms"),
        ("{S} [clash] with {T} near {P}", "firearms"),
        ("{S} [bomb] positions of {T} near {P}", "aerial"),
        ("{S} [carry] out *airstrikes* on {T} in {P}", "aerial"),
        ("a *drone strike* by {S} killed {N} {T_civil} in {P}", "drone"),
        ("{S} [shell] {P}", "heavy-weapons"),
        ("{S} [fire] rockets at {P}", "heavy-weapons"),
        ("a roadside *bomb* planted by {S} killed {N} soldiers near {P}", "explosives"),
        ("{S} [detonate] an explosive device near {P}", "explosives"),
        ("a *suicide bomber* from {S} blew himself up at a checkpoint in {P}", "suicide-attack"),
        ("{S} [kidnap] {N} {T_civil} in {P}", "abduct"),
        ("{S} [abduct] {T_person} from {P}", "abduct"),
        ("{S} [assassinate] {T_person}", "targeted"),
        ("{S} [beat] {T_civil} with batons", "beat"),
        ("{S} [torture] {N} detainees", "torture"),
        ("{S} [rape] {N} women in {P}", "sexual"),
        ("{S} [hack] {N} villagers to death with machetes", "primitive"),
        ("{S} [stab] {T_person} in {P}", "primitive"),
        ("{S} [burn] down {N} houses in {P}", "destroy"),
        ("{S} [loot] shops in {P}", "destroy"),
        ("{S} [fire] tear gas at {T_civil} in {P}", "crowd-control"),
        ("{S} [use] live ammunition to disperse {T_civil}", "crowd-control"),
        ("{S} [use] chemical weapons against {T} in {P}", "unconventional"),
        ("{S} [storm] {P} and killed {N} people", None),
        ("{S} [raid] a village near {P}, killing {N} people", None),
        ("*fighting* between {S} and {T} left {N} dead in {P}", "firearms"),
        ("{S} [capture] {P} after heavy fighting with {T}", None),
        ("{S} [seize] {P} in a new offensive against {T}", None),
    ],
}

# Who does each type's acts (groups of actor kinds); a type not listed: anyone.
DOERS: dict[str, list[str]] = {
    "PROTEST": ["civil", "civil", "civil", "org"],
    "COERCE": ["police", "police", "gov", "mil", "adjgroup", "rebel"],
    "ASSAULT": ["mil", "rebel", "rebel", "police", "civil", "adjgroup", "state"],
    "MOBILIZE": ["mil", "state", "gov", "police", "rebel", "adjgroup"],
    "SANCTION": ["state", "gov", "org", "person"],
    "THREATEN": ["state", "person", "rebel", "gov", "mil", "org"],
}

# Types whose refusal PLOVER codes as REJECT ("refused to hold talks").
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}

# Not political events: each has a verb or noun that a trigger list could take for one.
NONE_PATTERNS = [
    "floods [destroy] {N} homes in {P}",
    "heavy rains [kill] {N} people in {P}",
    "a fire [break] out at a market in {P}",
    "a bus [crash] on the highway near {P}, killing {N} passengers",
    "a building [collapse] in {P}, trapping {N} workers",
    "an earthquake [hit] {P}",
    "a landslide [bury] {N} houses near {P}",
    "a fire [gut] a factory in {P}",
    "lightning [kill] {N} cattle in {P}",
    "a leopard [attack] a herder near {P}",
    "robbers [steal] cash from a bank in {P}",
    "a thief [snatch] a phone from a tourist in {P}",
    "a man [kill] his wife in a domestic dispute in {P}",
    "burglars [break] into {N} homes in {P}",
    "drug traffickers [smuggle] cocaine through the port of {P}",
    "a court [hear] a divorce case in {P}",
    "the striker [score] twice as {P} won the match",
    "the team [attack] down the left wing in the second half",
    "the champions [beat] their rivals 3-1 in {P}",
    "his *strike* in the 80th minute won the game",
    "shares [fall] sharply on the {P} stock exchange",
    "the central bank [raise] interest rates",
    "the company [report] record profits",
    "inflation [rise] to {N} percent",
    "prices of maize [climb] in {P} markets",
    "the ministry [say] the new hospital in {P} would open in {M}",
    "the minister [open] a new road in {P}",
    "the festival [draw] thousands of visitors to {P}",
    "a cholera outbreak [kill] {N} people in {P}",
    "the drought [force] farmers to sell their cattle",
    "a gas cylinder [explode] in a restaurant in {P}",
    "a boat [capsize] on the lake near {P}",
    "a train [derail] outside {P}",
    "scientists [discover] a new species of frog near {P}",
    "the film [win] the top prize at the festival",
    "voters [register] for next year's elections in {P}",
    "the president [celebrate] his birthday in {P}",
    "the election commission [publish] the voter roll",
    "temperatures [reach] 45 degrees in {P}",
    "the school [hold] its graduation ceremony in {P}",
    "the bridge [reopen] to traffic after repairs",
    "the price of fuel [remain] unchanged this month",
    "an elephant [trample] two farmers near {P}",
    "the airline [cancel] flights to {P} because of fog",
    "{N} people [die] after drinking illicit brew in {P}",
    # ordinary news sentences: background, description, opinion, figures, quotes
    "{S} [be] a key trading partner of {T}",
    "the talks [be] expected to last three days",
    "analysts [say] the economy would recover next year",
    "{S} [remain] the largest buyer of {T}'s oil",
    "the region [hold] elections every five years",
    "the report [describe] conditions in the camps in {P}",
    "{S} [think] the crisis in {P} could last for years",
    "the currency [lose] a third of its value this year",
    "{P} [be] home to about {N} thousand people",
    "the museum in {P} [display] objects from the ancient kingdom",
    "critics [argue] that the new law is too vague",
    "the force [be] part of a broader regional strategy",
    "the group [emerge] in {P} in the 1990s",
    "the war in {P} [begin] in 2011",
    "the history of {P} [be] told mainly by word of mouth",
    "the ministry did not *give* details of the plan",
    "officials did not *say* when the road would reopen",
    "the train [travel] north from {P} to {S_place}",
    "many young women in {P} [struggle] to find jobs",
    "the company [employ] {N} people in {P}",
    "prices in {P} [be] likely to rise further",
    '"We *are* very proud of what we achieved," the coach said',
    '"I *am* not worried about the next few weeks," the minister said',
    "the agency [estimate] that {N} people live in the valley",
    "the film [tell] the story of a family in {P}",
    "researchers [study] the effects of the drought on farmers in {P}",
    "the ceremony [take] place in {P} on {D}",
    "the airport in {P} [handle] {N} flights a day",
    "{S_person} [grow] up in {P}",
    "the law [require] companies to publish their accounts",
    "it [be] unclear when the bridge in {P} would reopen",
    "the vote [be] scheduled for {M}",
    "the new road [link] {P} with {S_place}",
    "{S} [spend] {x:money} on schools last year",
    "the economy of {P} [depend] on farming and tourism",
    "{S_person} [become] the first woman to lead the party",
    "the survey [show] that most voters in {P} favour lower taxes",
    "the festival [celebrate] the harvest in {P}",
    "{S} [have] a long history of trade with {T}",
    "the decision [be] worrying for many journalists, he added",
    "{S_person} [contribute] to this report",
    "{S_person} [contribute] to this report from {P}",
    "{S_person} [work] on economic policy at a research institute in {P}",
    "{S} [earn] {x:money} from tourism last year",
    "the new rules [apply] to steel and textiles",
    "{S_person} [want] to expand the family business",
    "the talks [take] place behind closed doors",
    "{S} [believe] the market would recover",
    "the groups [be] linked by family ties",
    "the figures [indicate] that growth is slowing in {P}",
    "{S} [take] advantage of the good weather to plant crops",
    "the agreement [cover] trade in farm goods",
    "the new measures [come] into force in {M}",
]

# Ways a clause is told: {C} the clause, {Cs} the clause in the present (ACLED notes).
STYLES: dict[str, list[str]] = {
    "wire": [
        "{C}, {reporter} said on {W}.",
        "{C} on {W}, according to {reporter}.",
        "{PLACEUP} ({agency}) - {C} on {W}.",
        "{C}, {reporter} told reporters.",
        "{C} late on {W}.",
    ],
    "local": [
        "Residents of {P2} said {C} on {W} night.",
        "{C}, witnesses told our correspondent in {P2}.",
        "Tension is high in {P2} after {C}.",
        "{C}, the county commissioner confirmed.",
    ],
    "ngo": [
        "{ngo} said in a report that {C}.",
        "According to {ngo}, {C} in {MONTH}.",
        "{ngo} documented how {C}.",
    ],
    "acled": [
        "On {DATE}, {Cs}.",
        "On {DATE}, {Cs} in {P2} ({P3}).",
        "Around {DATE}, {Cs}. [size=no report]",
        "On {DATE}, {Cs}. Fatalities unknown.",
    ],
    "official": [
        "In a statement, the ministry said {C}.",
        "The government announced that {C}.",
        "{reporter} confirmed that {C}.",
        "A spokesman said {C} on {W}.",
    ],
    "headline": ["{Ch}", "{Ch} - {agency}"],
}
REPORTERS = [
    "officials",
    "a police spokesman",
    "the army",
    "local media",
    "state television",
    "a senior diplomat",
    "witnesses",
    "the ministry",
    "a government spokeswoman",
]
AGENCIES = ["AFP", "Reuters", "AP", "Xinhua", "VOA", "KNA"]
NGOS = [
    "Amnesty International",
    "Human Rights Watch",
    "a local rights group",
    "the UN",
    "Médecins Sans Frontières",
    "an observer mission",
]

IRREGULAR = {
    "begin": ("began", "begun"),
    "break": ("broke", "broken"),
    "bury": ("buried", "buried"),
    "beat": ("beat", "beaten"),
    "burn": ("burned", "burned"),
    "cut": ("cut", "cut"),
    "draw": ("drew", "drawn"),
    "fall": ("fell", "fallen"),
    "free": ("freed", "freed"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "hit": ("hit", "hit"),
    "hold": ("held", "held"),
    "lead": ("led", "led"),
    "leave": ("left", "left"),
    "make": ("made", "made"),
    "meet": ("met", "met"),
    "put": ("put", "put"),
    "rise": ("rose", "risen"),
    "say": ("said", "said"),
    "seek": ("sought", "sought"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "shoot": ("shot", "shot"),
    "shut": ("shut", "shut"),
    "speak": ("spoke", "spoken"),
    "steal": ("stole", "stolen"),
    "take": ("took", "taken"),
    "win": ("won", "won"),
    "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"),
    "pay": ("paid", "paid"),
    "sever": ("severed", "severed"),
    "stab": ("stabbed", "stabbed"),
    "ban": ("banned", "banned"),
    "drop": ("dropped", "dropped"),
    "scrap": ("scrapped", "scrapped"),
    "snatch": ("snatched", "snatched"),
    "slam": ("slammed", "slammed"),
    "plan": ("planned", "planned"),
    "rob": ("robbed", "robbed"),
    "commit": ("committed", "committed"),
    "bow": ("bowed", "bowed"),
    "capsize": ("capsized", "capsized"),
    "rally": ("rallied", "rallied"),
    "apply": ("applied", "applied"),
    "supply": ("supplied", "supplied"),
    "deny": ("denied", "denied"),
    "ally": ("allied", "allied"),
    "veto": ("vetoed", "vetoed"),
    "climb": ("climbed", "climbed"),
    "mass": ("massed", "massed"),
    "pull": ("pulled", "pulled"),
    "be": ("was", "been"),
    "have": ("had", "had"),
    "grow": ("grew", "grown"),
    "become": ("became", "become"),
    "tell": ("told", "told"),
    "spend": ("spent", "spent"),
    "lose": ("lost", "lost"),
    "think": ("thought", "thought"),
    "come": ("came", "come"),
    "reaffirm": ("reaffirmed", "reaffirmed"),
    "expel": ("expelled", "expelled"),
    "let": ("let", "let"),
    "find": ("found", "found"),
}


def _past(verb: str) -> str:
    if verb in IRREGULAR:
        return IRREGULAR[verb][0]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _participle(verb: str) -> str:
    return IRREGULAR[verb][1] if verb in IRREGULAR else _past(verb)


def _third(verb: str) -> str:
    if verb in ("go", "have"):
        return {"go": "goes", "have": "has"}[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


class Writer:
    """Fills patterns with actors, places and dates drawn from one seeded generator."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def actor(self, group: str | None = None) -> tuple[str, bool]:
        """An actor's name and whether it is plural, from a group or any."""
        rng = self.rng
        kind = group or rng.choice(
            ["state", "person", "gov", "mil", "police", "rebel", "org", "civil", "adjgroup"]
        )
        if kind == "state":
            return rng.choice(STATES), False
        if kind == "person":
            return f"{rng.choice(TITLES)} {rng.choice(SURNAMES)}", False
        if kind == "adjgroup":
            noun, plural = rng.choice(GROUPS[rng.choice(["gov", "mil", "police"])])
            noun = noun.removeprefix("the ")
            return f"{rng.choice(['the ', ''])}{rng.choice(ADJECTIVES)} {noun}".strip(), plural
        return rng.choice(GROUPS[kind])

    def date(self) -> str:
        day, month, year = self.rng.randint(1, 28), self.pick(MONTHS), self.rng.randint(2005, 2024)
        return f"{day} {month} {year}"

    def fill(
        self, pattern: str, doers: list[str] | None = None
    ) -> tuple[str, bool, dict[str, str]]:
        """The pattern with its slots filled (the trigger still marked), the doer's number and
        the values used."""
        rng = self.rng
        source, plural = self.actor(rng.choice(doers) if doers else None)
        target, target_plural = self.actor()
        while target == source:
            target, target_plural = self.actor()
        values = {
            "S": source,
            "T": target,
            "S_": self.actor()[0],
            "P": self.pick(PLACES),
            "N": self.pick(NUMBERS),
            "D": self.pick(WEEKDAYS),
            "M": self.pick(MONTHS),
            "S_civil": self.actor("civil")[0],
            "S_place": self.pick(PLACES),
            "S_person": self.actor("person")[0],
            "T_civil": self.actor(rng.choice(["civil", "civil", "rebel"]))[0].removeprefix("the "),
            "T_person": self.actor("person")[0],
            "T_plural": "1" if target_plural else "",
        }

        def slot(m: re.Match[str]) -> str:
            name = m.group(1)
            return self.pick(FILL[name[2:]]) if name.startswith("x:") else values[name]

        return re.sub(r"\{([A-Za-z_:]+)\}", slot, pattern), plural, values

    def clause(
        self, pattern: str, tense: str, doers: list[str] | None = None
    ) -> tuple[str, str, str, bool]:
        """The clause in ``tense`` (past, present, perfect, passive, negated, refused), the
        present form for notes, the headline form, and whether the act was refused."""
        text, plural, values = self.fill(pattern, doers)
        noun = "*" in text
        text = re.sub(r"\*([^*]+)\*", TRIGGER_OPEN + r"\1" + TRIGGER_CLOSE, text)
        verb = re.search(r"\[(\w+)([^\]]*)\]", text)
        if verb is None:  # a noun trigger and no verb to conjugate: told as written
            return text, text, text, False
        lemma, rest = verb.group(1), verb.group(2)
        before, after = text[: verb.start()], text[verb.end() :]
        opens, closes = ("", "") if noun else (TRIGGER_OPEN, TRIGGER_CLOSE)

        def told(form: str, lead: str = "") -> str:
            return f"{before}{lead}{opens}{form}{closes}{rest}{after}"

        if lemma == "be":
            present = told("are" if plural else "is")
            return (
                (told("were" if plural else "was"), present, present, False)
                if tense == "past"
                else (present, present, present, False)
            )
        present = told(lemma if plural else _third(lemma))
        headline = present
        refused = tense in ("negated", "refused", "intent")
        if tense == "present":
            return present, present, headline, False
        if tense == "perfect":
            return told(_participle(lemma), "have " if plural else "has "), present, headline, False
        if tense == "negated":
            return told(lemma, "did not "), present, headline, refused
        if tense == "refused":
            return told(lemma, "refused to "), present, headline, refused
        if tense == "intent":
            lead = rng_choice(self.rng, INTENT).format(be="are" if plural else "is")
            return told(lemma, lead), present, headline, refused
        target = values["T"]
        passive = (
            tense == "passive"
            and not noun
            and pattern.startswith("{S} [")
            and pattern.split("]", 1)[1].startswith(" {T}")
            and before == values["S"] + " "
            and after.startswith(" " + target)
        )
        if passive:
            tail = after[len(target) + 1 :]
            aux = "were" if values["T_plural"] else "was"
            told_verb = f"{TRIGGER_OPEN}{_participle(lemma)}{TRIGGER_CLOSE}"
            return (
                f"{target} {aux} {told_verb}{rest} by {values['S']}{tail}",
                present,
                headline,
                False,
            )
        return told(_past(lemma)), present, headline, False

    def other_act(self, patterns: list[str]) -> str:
        """A clause telling an earlier act of another kind, unmarked, to follow the main one
        (", days after rebels shelled the town"): news sentences carry more than one act, and
        the type is the marked trigger's, not the sentence's words taken together."""
        clause = self.clause(self.pick(patterns), "past")[0]
        clause = clause.replace(TRIGGER_OPEN, "").replace(TRIGGER_CLOSE, "")
        return self.pick(OTHER_ACT_LINKS) + clause

    def sentence(
        self,
        pattern: str,
        cooperative: bool,
        doers: list[str] | None = None,
        other: list[str] | None = None,
    ) -> tuple[str, str, str]:
        """A whole sentence in a random style and tense, with, now and then, a clause telling
        an act from ``other`` patterns; how it was changed ("negated", "refused", "intent" or
        ""); the style."""
        rng = self.rng
        style = rng.choices(list(STYLES), weights=[4, 2, 1, 3, 2, 1])[0]
        tense = rng.choices(["past", "present", "perfect", "passive"], weights=[6, 1, 1, 2])[0]
        if cooperative and rng.random() < 0.04:
            tense = rng.choice(["negated", "refused"])
        elif rng.random() < 0.08:
            tense = "intent"
        if "[be]" in pattern:
            tense = rng.choice(["past", "present"])
        clause, present, headline, refused = self.clause(pattern, tense, doers)
        if style == "acled":
            clause = present if rng.random() < 0.6 and not refused else clause
        if other and style != "headline" and rng.random() < OTHER_ACT_SHARE:
            clause += self.other_act(other)
        frame = self.pick(STYLES[style])
        place = self.pick(PLACES)
        values = {
            "C": clause,
            "Cs": clause,
            "Ch": _capital(headline),
            "W": self.pick(WEEKDAYS),
            "reporter": self.pick(REPORTERS),
            "agency": self.pick(AGENCIES),
            "ngo": self.pick(NGOS),
            "P2": place,
            "P3": self.pick(PLACES),
            "PLACEUP": place.upper(),
            "MONTH": self.pick(MONTHS),
            "DATE": self.date(),
        }
        text = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], frame)
        return _capital(text), tense if refused else "", style


# How often a sentence also tells another act, and the words that join it on.
OTHER_ACT_SHARE = 0.3
OTHER_ACT_LINKS = [
    ", days after ",
    ", a week after ",
    " after ",
    ", hours after ",
    " as ",
    " while ",
    ", even though ",
    ", weeks after ",
]


def rng_choice(rng: random.Random, items: list[str]) -> str:
    return rng.choice(items)


# Ways of saying one will do something: PLOVER codes a cooperative intent AGREE and a hostile
# one THREATEN.
INTENT = [
    "{be} willing to ",
    "said it would ",
    "will ",
    "offered to ",
    "{be} ready to ",
    "vowed to ",
    "has promised to ",
]
HOSTILE_INTENT = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST"}


def _capital(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _record(text: str, type_: str, mode: str | None, style: str) -> dict[str, object] | None:
    start, end = text.find(TRIGGER_OPEN), text.find(TRIGGER_CLOSE)
    if start < 0 or end < start or text.count(TRIGGER_OPEN) != 1:
        return None
    clean = text.replace(TRIGGER_OPEN, "").replace(TRIGGER_CLOSE, "")
    return {"text": clean, "type": type_, "mode": mode, "trigger": [start, end - 1], "style": style}


def generate(
    per_type: int = PER_TYPE, none_count: int = NONE_COUNT, seed: int = SEED
) -> list[dict[str, object]]:
    """The training sentences, in a fixed order for a given seed."""
    writer = Writer(seed)
    records: list[dict[str, object]] = []
    seen: set[str] = set()
    for type_, patterns in PATTERNS.items():
        others = [p for t, ps in PATTERNS.items() if t != type_ for p, _ in ps]
        made, tries = 0, 0
        while made < per_type and tries < per_type * 5:
            tries += 1
            pattern, mode = writer.rng.choice(patterns)
            text, changed, style = writer.sentence(
                pattern, type_ in COOPERATIVE, DOERS.get(type_), others
            )
            label, label_mode = type_, mode
            if changed == "intent":
                if type_ in COOPERATIVE:
                    label, label_mode = "AGREE", None
                elif type_ in HOSTILE_INTENT:
                    label, label_mode = "THREATEN", None
                else:
                    continue
            elif changed:
                label, label_mode = "REJECT", None
            record = _record(text, label, label_mode, style)
            if record is None or record["text"] in seen:
                continue
            seen.add(str(record["text"]))
            records.append(record)
            made += 1
    made, tries = 0, 0
    while made < none_count and tries < none_count * 5:
        tries += 1
        text, _, style = writer.sentence(writer.pick(NONE_PATTERNS), False)
        record = _record(text, "NONE", None, style)
        if record is None or record["text"] in seen:
            continue
        seen.add(str(record["text"]))
        records.append(record)
        made += 1
    return records


def write(path: Path, records: list[dict[str, object]]) -> None:
    """One JSON record a line."""
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else Path("data/type_sentences.jsonl")
    records = generate()
    write(path, records)
    print(f"wrote {len(records)} sentences to {path}")


if __name__ == "__main__":
    main()
