"""The ingest driver: read, skip what the store has, extract on an engine, write in batches.

The driver is the store's one writer. Each batch of documents is one transaction, and articles
already stored are skipped before extraction, so a run killed at any moment (SIGKILL included)
and run again ends with exactly what one uninterrupted run stores: the batch in flight was
either committed or not at all, and the rerun does only what is missing.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from tqdm import tqdm

from ..ingest.readers import Entry, ReadOptions, Skipped, count_records, read_paths
from ..records import Article, Document, Location, Quarantined
from ..settings import Settings
from .base import Engine, Failure
from .local import batched

# Exit status of `eventwire ingest` when some records were quarantined (1 is a fatal error).
EXIT_QUARANTINED = 3
# Articles looked up in the store at once before extraction: one query per this many.
LOOKUP_CHUNK = 256


class DocumentStore(Protocol):
    """What the driver needs of a store (``archive.store.Store`` is one)."""

    def known(self, ids: Iterable[str]) -> set[str]: ...
    def start_run(self, settings: Settings, command: str) -> str: ...
    def put_many(self, documents: Sequence[Document], run_id: str) -> int: ...
    def finish(self) -> None: ...


@dataclass
class Summary:
    """What a run did; ``read == stored + present + quarantined`` once it is over."""

    read: int = 0
    stored: int = 0
    present: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        """``read 9, stored 5, already present 2, quarantined 2 (1 BadJson, 1 NotUtf8), 3.1 s``."""
        quarantined = f"quarantined {self.quarantined.total()}"
        if self.quarantined:
            quarantined += f" ({_counts(self.quarantined)})"
        parts = [
            f"read {self.read}",
            f"stored {self.stored}",
            f"already present {self.present}",
            quarantined,
        ]
        if self.skipped:
            files = self.skipped.total()
            parts.append(f"skipped {files} file{'s' * (files != 1)} ({_counts(self.skipped)})")
        return ", ".join([*parts, f"{self.seconds:.1f} s"])

    @property
    def exit_code(self) -> int:
        """0 when every record was read, ``EXIT_QUARANTINED`` when some were quarantined."""
        return EXIT_QUARANTINED if self.quarantined else 0


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{n} {name}" for name, n in sorted(counter.items(), key=lambda kv: -kv[1]))


class QuarantineFile:
    """The quarantine file: one JSON line a record, appended, written through at once.

    The file is opened on the first record, so a clean run leaves no empty file behind, and each
    line is flushed as it is written, so a killed run loses none of the lines it wrote.
    """

    def __init__(self, path: Path, run_id: str) -> None:
        self.path = path
        self.run_id = run_id
        self._file: IO[str] | None = None

    def add(self, item: Quarantined) -> None:
        """Append ``item`` with the time and the run it belongs to."""
        if self._file is None:
            self._file = self.path.open("a", encoding="utf-8", buffering=1)
        line = {
            "where": str(item.location),
            **item.model_dump(mode="json", exclude_none=True),
            "run": self.run_id,
            "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        self._file.write(json.dumps(line, ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Close the file if a record was written."""
        if self._file is not None:
            self._file.close()


def ingest(
    paths: Sequence[str],
    *,
    store: DocumentStore,
    engine: Engine,
    settings: Settings,
    quarantine_path: Path,
    options: ReadOptions | None = None,
    command: str = "eventwire ingest",
    write_batch: int = 32,
    progress: bool = False,
    stdin: IO[bytes] | None = None,
    summary: Summary | None = None,
) -> Summary:
    """Read ``paths`` into ``store``; the ``Summary`` of what was read, stored and quarantined.

    ``summary`` is filled as the run goes, so a caller can report it even when the run ends in
    an exception. ``progress`` shows a bar on stderr (the total when ``count_records`` knows it).
    """
    summary = summary if summary is not None else Summary()
    started = time.monotonic()
    run_id = store.start_run(settings, command)
    quarantine = QuarantineFile(quarantine_path, run_id)
    total = count_records(paths) if progress else None
    bar = tqdm(total=total, unit=" article", disable=not progress, file=sys.stderr, delay=0.5)
    # Where each article in extraction came from, to name it if extraction quarantines it.
    locations: dict[str, Location] = {}
    seen: set[str] = set()

    def put_aside(item: Quarantined) -> None:
        quarantine.add(item)
        summary.quarantined[item.error] += 1
        bar.update()

    def fresh_articles() -> Iterator[Article]:
        """The articles neither stored already nor seen before in this run."""
        for chunk in batched(read_paths(paths, options, stdin), LOOKUP_CHUNK):
            entries: list[Entry] = []
            for item in chunk:
                if isinstance(item, Skipped):
                    summary.skipped[item.suffix] += 1
                    continue
                summary.read += 1
                if isinstance(item, Quarantined):
                    put_aside(item)
                elif item.article.id in seen:
                    summary.present += 1
                    bar.update()
                else:
                    seen.add(item.article.id)
                    entries.append(item)
            stored = store.known(e.article.id for e in entries) if entries else set()
            for entry in entries:
                if entry.article.id in stored:
                    summary.present += 1
                    bar.update()
                else:
                    locations[entry.article.id] = entry.location
                    yield entry.article

    buffer: list[Document] = []

    def write() -> None:
        if not buffer:
            return
        new = store.put_many(buffer, run_id)
        summary.stored += new
        summary.present += len(buffer) - new  # stored meanwhile by another writer
        for document in buffer:
            locations.pop(document.article.id, None)
        bar.update(len(buffer))
        buffer.clear()

    try:
        for outcome in engine.extract(fresh_articles()):
            if isinstance(outcome, Failure):
                location = locations.pop(outcome.article_id)
                put_aside(
                    Quarantined(
                        location=location,
                        error=outcome.error,
                        reason=outcome.reason,
                        article_id=outcome.article_id,
                    )
                )
                continue
            buffer.append(outcome)
            if len(buffer) >= write_batch:
                write()
        write()
        store.finish()
    finally:
        bar.close()
        quarantine.close()
        summary.seconds = time.monotonic() - started
    return summary
