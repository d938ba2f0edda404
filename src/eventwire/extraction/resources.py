"""Resources: the knowledge the stages need, loaded once per process and passed down."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass

from spacy.language import Language

from ..settings import Settings
from .actors import ActorDictionary
from .attributes import english_words
from .events import EventLexicon
from .parse import Headline, load_pipeline
from .places import Gazetteer, build_gazetteer
from .types import TypeModel


@dataclass(frozen=True)
class Resources:
    """The loaded spaCy pipeline, actor dictionary, gazetteer, event lexicon and type model."""

    nlp: Language
    actors: ActorDictionary
    gazetteer: Gazetteer
    lexicon: EventLexicon
    type_model: TypeModel | None = None
    # words a title-case headline capitalises that are no names (``parse.sentence_cased``)
    headline_words: Headline | None = None
    # English common nouns, lower case: "Tea workers" opening a sentence name no town's people
    common_nouns: frozenset[str] = frozenset()


def ensure_gazetteer(settings: Settings) -> None:
    """Build the gazetteer index from installed packages if it is not there yet (no download)."""
    if not settings.gazetteer_path.exists():
        print(
            f"eventwire: building the gazetteer index at {settings.gazetteer_path} (once)",
            file=sys.stderr,
        )
        build_gazetteer(settings.gazetteer_path, settings.places_path)


@functools.lru_cache(maxsize=4)
def load(settings: Settings) -> Resources:
    """Everything the stages need for ``settings``, loaded once and kept."""
    ensure_gazetteer(settings)
    actors = ActorDictionary.load(settings.actors_path)
    lexicon = EventLexicon.load(settings.lexicon_path)
    nlp = load_pipeline(settings.spacy_model)
    return Resources(
        nlp=nlp,
        actors=actors,
        gazetteer=Gazetteer.load(settings.gazetteer_path),
        lexicon=lexicon,
        type_model=TypeModel.load(settings.type_model_path) if settings.type_model_path else None,
        headline_words=Headline(
            words=frozenset(lexicon.verbs) | frozenset(lexicon.nouns) | lexicon.light_verbs,
            nouns=actors.common_nouns(),
        ),
        common_nouns=english_words(nlp, "noun"),
    )
