"""The pipeline: ``extract(text, published) -> Document``, the stages called in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ..ingest.articles import parse_date, read_article
from ..records import Article, Document
from ..settings import Settings
from . import actors, dates, events, grouping, places, quotes, resources
from .offsets import Intervals
from .parse import parse, parse_many


def extract(
    text: str,
    published: dt.date | str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
    where: str = "<text>",
) -> Document:
    """Everything eventwire finds in one article; ``published`` anchors relative dates."""
    settings = settings or Settings.from_env()
    if isinstance(published, str):
        published = parse_date(published, f"{where}: published")
    article = read_article(
        text, where, published=published, title=title, url=url, max_chars=settings.max_chars
    )
    return extract_article(article, settings)


def extract_article(article: Article, settings: Settings | None = None) -> Document:
    """Everything eventwire finds in an ``Article`` that has been read already."""
    res = resources.load(settings or Settings.from_env())
    return extract_parsed(article, parse(article.text, res.nlp, res.headline_words), res)


def extract_many(
    articles: Iterable[Article], settings: Settings | None = None, *, batch_size: int = 16
) -> Iterator[Document]:
    """A ``Document`` for each article, in order; spaCy parses them in batches (``nlp.pipe``),
    a long article in pieces (``parse.parse_many``)."""
    res = resources.load(settings or Settings.from_env())
    pairs = parse_many(
        ((a.text, a) for a in articles), res.nlp, batch_size=batch_size, common=res.headline_words
    )
    for doc, article in pairs:
        yield extract_parsed(article, doc, res)


def extract_parsed(article: Article, doc: Doc, res: resources.Resources) -> Document:
    """The stages after parsing, in order, on the parse ``doc`` of ``article.text``."""
    if article.published is None and (found := dates.find_published(article.text)):
        article = article.model_copy(
            update={"published": found[0], "published_from": "text", "published_span": found[1]}
        )
    if not any(token.is_alpha for token in doc):
        return Document(article=article, warnings=["no sentences: the text has no words"])
    found_actors = actors.find(doc, res.actors)
    found_places = places.find(doc, res.gazetteer, found_actors, res.common_nouns)
    # "soldiers" in a note that names only Beninese places are Benin's soldiers. A state
    # named only as it acts ("Russia's strikes on Kyiv") says who, not where; nor does a
    # place someone goes to ("an invitation to visit Moscow").
    acting = Intervals((m.start, m.end, None) for a in found_actors for m in a.mentions)
    where = [
        p.country
        for p in found_places
        if any(
            not acting.overlaps(m.start, m.end) and not actors.destination(doc, m.start, m.end)
            for m in p.mentions
        )
    ]
    found_actors = actors.settle(found_actors, res.actors, where, doc)
    found_actors = actors.apart(found_actors, article.text, res.actors)
    found_times = dates.find(doc, article.published)
    found_quotes = quotes.find(doc, found_actors)
    return Document(
        article=article,
        actors=found_actors,
        places=found_places,
        times=found_times,
        events=grouping.group(
            doc,
            events.find(
                doc,
                found_actors,
                found_places,
                found_times,
                res.lexicon,
                article,
                res.type_model,
                found_quotes,
            ),
            found_actors,
            found_places,
            res.lexicon,
        ),
        quotes=found_quotes,
        warnings=warnings_for(article),
    )


def warnings_for(article: Article) -> list[str]:
    """What an analyst should know about how the article was read."""
    if article.published is None:
        return ["no publication date: relative dates are left unresolved (give --published)"]
    return []
