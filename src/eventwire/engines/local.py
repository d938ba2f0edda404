"""The local engine: extraction in worker processes on this machine, or in this process.

Each worker loads the spaCy pipeline and the knowledge files once (``resources.load`` keeps
them per process) and parses its batches with ``nlp.pipe``. Workers are started with "spawn":
a forked copy of a parent that has already loaded spaCy and opened a database is a copy of
their threads' locks too, and spawn costs only the model load we would pay anyway.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

from ..errors import BadInput
from ..extraction import resources
from ..extraction.pipeline import extract_article, extract_many
from ..records import Article
from ..settings import Settings
from .base import Failure, Outcome

T = TypeVar("T")


def extract_batch(articles: Sequence[Article], settings: Settings) -> list[Outcome]:
    """A ``Document`` or ``Failure`` for each article of one batch, parsed together.

    A ``BadInput`` stops ``nlp.pipe`` for the whole batch, so the batch is then done again one
    article at a time to find which article it was; that is rare, and the others still pass.
    """
    try:
        return list(extract_many(articles, settings, batch_size=len(articles)))
    except BadInput:
        pass
    outcomes: list[Outcome] = []
    for article in articles:
        try:
            outcomes.append(extract_article(article, settings))
        except BadInput as e:
            outcomes.append(Failure.of(article, e))
    return outcomes


class LocalEngine:
    """Extraction on this machine: ``workers`` processes, or this process when it is 1."""

    def __init__(
        self, settings: Settings, *, workers: int | None = None, batch_size: int = 16
    ) -> None:
        self.settings = settings
        self.workers = workers or os.cpu_count() or 1
        self.batch_size = batch_size

    def extract(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """A ``Document`` or ``Failure`` for each article; in input order only with one worker."""
        batches = batched(articles, self.batch_size)
        if self.workers == 1:
            for batch in batches:
                yield from extract_batch(batch, self.settings)
            return
        yield from self._extract_in_pool(batches)

    def _extract_in_pool(self, batches: Iterator[list[Article]]) -> Iterator[Outcome]:
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(self.settings,),
        )
        # Two batches a worker in flight: none waits for work, and memory stays bounded
        # however long the input is.
        pending: set[Future[list[Outcome]]] = set()
        try:
            for batch in itertools.islice(batches, 2 * self.workers):
                pending.add(pool.submit(extract_batch, batch, self.settings))
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    # .result() re-raises a worker's exception with the worker's traceback.
                    outcomes = future.result()
                    # The next batch goes out before these are handed over, so the workers
                    # keep busy while the caller writes them.
                    for batch in itertools.islice(batches, 1):
                        pending.add(pool.submit(extract_batch, batch, self.settings))
                    yield from outcomes
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to ``size`` items, pulled lazily (``itertools.batched`` is Python 3.12)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def start_worker(settings: Settings) -> None:
    """Load the resources once per worker, and end the worker when its parent dies.

    A parent killed with SIGKILL cannot stop its workers; without the watch they would wait on
    their task queue for ever, each holding a loaded model.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    resources.load(settings)


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(1)
