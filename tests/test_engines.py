import pytest

from eventwire.engines.base import Failure
from eventwire.engines.local import LocalEngine, batched, extract_batch
from eventwire.extraction.pipeline import extract_article, extract_many
from eventwire.ingest.articles import read_article
from eventwire.records import Article

TEXTS = [
    "Police in the port city of Tessel arrested twelve dock workers on Friday after a strike "
    "closed the harbour for a third day.",
    "Delegates from Kenya and Somalia met in Nairobi on Monday and agreed to reopen the border.",
    "Farmers blocked the highway outside Darrow with tractors on Wednesday to protest a new tax.",
    "The health ministry said it had sent two mobile clinics to villages cut off by snow.",
    "Rebels attacked an army base near Goma on Sunday, killing four soldiers, officials said.",
]


@pytest.fixture(scope="module")
def articles():
    return [read_article(text, f"t{i}") for i, text in enumerate(TEXTS)]


def test_extract_many_gives_the_documents_extract_article_gives_one_by_one(articles, settings):
    one_by_one = [extract_article(a, settings) for a in articles]
    together = list(extract_many(articles, settings, batch_size=2))
    assert together == one_by_one
    assert sum(len(d.events) for d in together) > 0  # the comparison covers events


def test_the_in_process_engine_returns_every_article_in_order(articles, settings):
    engine = LocalEngine(settings, workers=1, batch_size=2)
    documents = list(engine.extract(iter(articles)))
    assert [d.article.id for d in documents] == [a.id for a in articles]


def test_worker_processes_give_the_same_documents_as_one_process(articles, settings):
    alone = list(LocalEngine(settings, workers=1, batch_size=2).extract(articles))
    pooled = list(LocalEngine(settings, workers=2, batch_size=2).extract(articles))
    key = lambda d: d.article.id  # noqa: E731
    assert sorted(pooled, key=key) == sorted(alone, key=key)


def test_a_bug_in_a_worker_surfaces_with_the_workers_traceback(articles, settings):
    # A text that is not a string cannot come from the readers: extraction failing on it is a
    # bug, and must not be turned into a quarantined record.
    broken = Article.model_construct(id="broken", text=None)
    engine = LocalEngine(settings, workers=2, batch_size=1)
    with pytest.raises(Exception) as e:  # noqa: PT011 (any bug, whatever its class)
        list(engine.extract([articles[0], broken]))
    assert not isinstance(e.value, Failure)
    assert "Traceback" in str(e.value.__cause__)
    assert "extract_batch" in str(e.value.__cause__)


def test_a_batch_without_bad_input_has_no_failures(articles, settings):
    outcomes = extract_batch(articles[:2], settings)
    assert not any(isinstance(o, Failure) for o in outcomes)


@pytest.mark.parametrize(
    ("n", "size", "sizes"), [(0, 3, []), (5, 2, [2, 2, 1]), (6, 3, [3, 3]), (2, 5, [2])]
)
def test_batched_splits_lazily_into_lists(n, size, sizes):
    assert [len(b) for b in batched(iter(range(n)), size)] == sizes
