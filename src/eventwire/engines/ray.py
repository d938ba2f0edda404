"""The Ray engine: the same extraction on a Ray cluster, written to Parquet shards.

``eventwire ingest --engine ray --out DIR`` runs the ingest driver with a ``RayEngine`` (articles
in, documents out, through Ray Data ``map_batches`` with one loaded pipeline per actor) and a
``ShardWriter`` in place of the store: each batch of documents becomes one Parquet shard in DIR,
and records that cannot be read or extracted go to ``DIR/quarantine.jsonl``. ``eventwire load
DIR`` then puts the shards into the store. Workers only extract; the driver writes the shards and
``load`` is the store's one writer, so no worker needs the store or a shared file system.

Ray is an optional extra and is imported only here, when the engine is used: without it
``--engine ray`` says what to install. Reading shards back needs only pyarrow.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import __version__
from ..errors import BadInput, ResourceError
from ..extraction import resources
from ..records import Article, Document
from ..settings import Settings
from .base import Failure, Outcome
from .driver import DocumentStore, Summary
from .local import batched, extract_batch

QUARANTINE_FILE = "quarantine.jsonl"
"""Records quarantined while reading or extracting, beside the shards (the driver's format)."""
SHARD_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("events", pa.int32(), nullable=False),
        pa.field("document", pa.string(), nullable=False),
    ]
)
"""A shard's columns: the article id, its number of events, and the ``Document`` as JSON."""
METADATA_KEY = b"eventwire"
"""The Parquet key of a shard's provenance: eventwire version, run id, command and settings."""
OUTCOME_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("document", pa.string()),
        pa.field("error", pa.string()),
        pa.field("reason", pa.string()),
    ]
)
"""What a Ray actor returns for a batch: a document, or the error that refused the article."""


def import_ray() -> ModuleType:
    """The ``ray`` module, or a ``ResourceError`` saying how to install the extra."""
    try:
        import ray
    except ImportError as e:
        raise ResourceError(
            "the Ray engine needs Ray, which is not installed here: "
            "install eventwire[ray] (pip install 'eventwire[ray]')"
        ) from e
    module: ModuleType = ray  # typed here: without the extra installed, mypy sees Any
    return module


class ExtractBatch:
    """A Ray Data callable class: one per actor, so the model is loaded once per actor."""

    def __init__(self, settings_json: str) -> None:
        self.settings = Settings.model_validate_json(settings_json)
        resources.load(self.settings)

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Each article of ``batch`` (JSON in column ``article``) as a document or an error."""
        texts = batch.column("article").to_pylist()
        articles = [Article.model_validate_json(text) for text in texts]
        rows: list[dict[str, str | None]] = []
        for outcome in extract_batch(articles, self.settings):
            if isinstance(outcome, Failure):
                rows.append(
                    {
                        "article_id": outcome.article_id,
                        "document": None,
                        "error": outcome.error,
                        "reason": outcome.reason,
                    }
                )
            else:
                rows.append(
                    {
                        "article_id": outcome.article.id,
                        "document": outcome.model_dump_json(),
                        "error": None,
                        "reason": None,
                    }
                )
        return pa.Table.from_pylist(rows, schema=OUTCOME_SCHEMA)


class RayEngine:
    """Extraction on a Ray cluster (``address``), or on a Ray instance started on this machine.

    Articles are sent in chunks of ``chunk``: each chunk is one Ray dataset, mapped in batches of
    ``batch_size`` by ``workers`` actors of ``num_cpus`` CPUs each (default: as many as the
    cluster's CPUs allow). The driver holds one chunk at a time, so the input may be any length;
    each chunk starts its actors afresh, which costs a model load per actor per chunk.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        address: str | None = None,
        workers: int | None = None,
        num_cpus: float = 1.0,
        batch_size: int = 16,
        chunk: int = 20_000,
    ) -> None:
        self.ray = import_ray()
        self.settings = settings
        self.address = address
        self.workers = workers
        self.num_cpus = num_cpus
        self.batch_size = batch_size
        self.chunk = chunk

    def extract(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """A ``Document`` or ``Failure`` for each article, in any order."""
        with self._connected():
            for chunk in batched(articles, self.chunk):
                yield from self._extract_chunk(chunk)

    @contextmanager
    def _connected(self) -> Iterator[None]:
        """Ray started or joined for the run; shut down after it only if we started it."""
        if self.ray.is_initialized():
            yield
            return
        self.ray.init(address=self.address, include_dashboard=False, log_to_driver=False)
        try:
            yield
        finally:
            self.ray.shutdown()

    def _extract_chunk(self, chunk: list[Article]) -> Iterator[Outcome]:
        import ray.data

        context = ray.data.DataContext.get_current()
        # The driver's own bar counts articles; Ray's bars would write over it.
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        batches = -(-len(chunk) // self.batch_size)
        actors = min(self.workers or self._cluster_actors(), batches)
        dataset = ray.data.from_items([{"article": a.model_dump_json()} for a in chunk])
        mapped = dataset.map_batches(
            ExtractBatch,
            fn_constructor_kwargs={"settings_json": self.settings.model_dump_json()},
            batch_size=self.batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=self.num_cpus,
        )
        for row in mapped.iter_rows():
            yield outcome_of(row)

    def _cluster_actors(self) -> int:
        cpus = float(self.ray.cluster_resources().get("CPU", 1))
        return max(1, int(cpus // self.num_cpus))


def outcome_of(row: dict[str, Any]) -> Outcome:
    """The ``Document`` or ``Failure`` an actor's output row stands for."""
    if row["document"] is None:
        return Failure(row["article_id"], row["error"], row["reason"])
    return Document.model_validate_json(row["document"])


class ShardWriter:
    """A folder of Parquet shards that the ingest driver writes to as it would to a store.

    ``known`` answers from the shards already in the folder, so ``ingest --engine ray`` run again
    into the same folder extracts only what is missing. A shard is written under a temporary
    name and renamed when complete, so a killed run leaves whole shards or none.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        for partial in folder.glob("*.parquet.partial"):
            partial.unlink()
        self._known: set[str] = set()
        for shard in sorted(folder.glob("*.parquet")):
            self._known.update(read_shard(shard, columns=["article_id"]).column(0).to_pylist())
        self._metadata: dict[bytes, bytes] = {}
        self._written = 0

    @property
    def quarantine_path(self) -> Path:
        """Where the driver puts records it cannot read or extract."""
        return self.folder / QUARANTINE_FILE

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are in a shard already."""
        return self._known.intersection(ids)

    def finish(self) -> None:
        """Nothing to do: each shard is complete once renamed into place."""

    def start_run(self, settings: Settings, command: str) -> str:
        """A new run's id; its version, command and settings go into each shard it writes."""
        run_id = uuid.uuid4().hex[:16]
        provenance = {
            "version": __version__,
            "run": run_id,
            "command": command,
            "settings": settings.model_dump(mode="json"),
        }
        self._metadata = {METADATA_KEY: json.dumps(provenance).encode()}
        return run_id

    def put_many(self, documents: Sequence[Document], run_id: str) -> int:
        """Write the documents not in a shard yet as one new shard; how many were new."""
        new: dict[str, Document] = {}
        for document in documents:
            if document.article.id not in self._known:
                new.setdefault(document.article.id, document)
        if not new:
            return 0
        table = pa.Table.from_pydict(
            {
                "article_id": list(new),
                "events": [len(d.events) for d in new.values()],
                "document": [d.model_dump_json() for d in new.values()],
            },
            schema=SHARD_SCHEMA.with_metadata(self._metadata),
        )
        self._written += 1
        path = self.folder / f"{run_id}-{self._written:06d}.parquet"
        partial = path.with_name(path.name + ".partial")
        pq.write_table(table, partial)
        os.replace(partial, path)
        self._known.update(new)
        return len(new)


def shard_files(paths: Sequence[str]) -> tuple[list[Path], list[Path]]:
    """The shards named by ``paths`` (folders of shards, or shard files) in name order, and the
    folders they are in; a folder with neither shards nor a quarantine file is ``BadInput``."""
    shards: list[Path] = []
    folders: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(path.glob("*.parquet"))
            if not found and not (path / QUARANTINE_FILE).exists():
                raise BadInput(given, "no shards here (written by eventwire ingest --engine ray)")
            shards.extend(found)
            folders.append(path)
        elif path.suffix == ".parquet" and path.is_file():
            shards.append(path)
            folders.append(path.parent)
        else:
            raise BadInput(given, "not a folder of shards nor a .parquet shard")
    return shards, list(dict.fromkeys(folders))


def read_shard(path: Path, columns: list[str] | None = None) -> pa.Table:
    """The shard at ``path``, checked to have a shard's columns; else ``BadInput`` naming it."""
    try:
        table = pq.read_table(path, columns=columns)
    except (OSError, pa.ArrowException) as e:
        raise BadInput(str(path), f"not a readable Parquet shard ({e})") from e
    wanted = columns or SHARD_SCHEMA.names
    if table.schema.names != wanted:
        raise BadInput(str(path), f"has columns {table.schema.names}, not a shard's {wanted}")
    return table


def load(
    paths: Sequence[str],
    store: DocumentStore,
    *,
    command: str = "eventwire load",
    batch_size: int = 256,
    summary: Summary | None = None,
) -> Summary:
    """Put the documents of the shards in ``paths`` into ``store``; what was read and stored.

    Each batch is one ``put_many``, so a load killed at any moment and run again ends as one
    whole load would; documents already stored are counted as present. The records quarantined
    by the ingest that wrote the shards (its ``quarantine.jsonl``) are counted, by class.
    """
    summary = summary if summary is not None else Summary()
    started = time.monotonic()
    shards, folders = shard_files(paths)
    runs: dict[str, str] = {}
    try:
        for shard in shards:
            table = read_shard(shard)
            run_id = _run_for(shard, table.schema.metadata or {}, store, command, runs)
            for offset in range(0, table.num_rows, batch_size):
                texts = table.column("document").slice(offset, batch_size).to_pylist()
                documents = [_document(text, shard, offset + i) for i, text in enumerate(texts)]
                new = store.put_many(documents, run_id)
                summary.read += len(documents)
                summary.stored += new
                summary.present += len(documents) - new
        store.finish()
        for folder in folders:
            for error in quarantined_errors(folder / QUARANTINE_FILE).values():
                summary.read += 1
                summary.quarantined[error] += 1
    finally:
        summary.seconds = time.monotonic() - started
    return summary


def _run_for(
    shard: Path,
    metadata: dict[bytes, bytes],
    store: DocumentStore,
    command: str,
    runs: dict[str, str],
) -> str:
    """The store run standing for the ingest run that wrote ``shard``.

    It records the settings the documents were extracted with (the ingest's, not the loader's)
    and both commands, so a stored figure still traces back to what made it.
    """
    try:
        provenance = json.loads(metadata[METADATA_KEY])
        ingest_run, ingest_command = str(provenance["run"]), str(provenance["command"])
        run_settings = Settings.model_validate(provenance["settings"])
    except (KeyError, TypeError, ValueError) as e:
        raise BadInput(str(shard), f"has no eventwire provenance in its metadata ({e})") from e
    if ingest_run not in runs:
        runs[ingest_run] = store.start_run(
            run_settings, f"{ingest_command} (run {ingest_run}); {command}"
        )
    return runs[ingest_run]


def _document(text: str, shard: Path, row: int) -> Document:
    try:
        return Document.model_validate_json(text)
    except ValueError as e:
        raise BadInput(f"{shard}: row {row}", f"not an eventwire document ({e})") from e


def quarantined_errors(path: Path) -> dict[str, str]:
    """The error class of each record in a quarantine file, by where the record was.

    An ingest run again into the same folder reads a bad record again and appends it again;
    keyed by its place, it counts once.
    """
    if not path.exists():
        return {}
    errors: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                record = json.loads(line)
                errors[str(record["where"])] = str(record["error"])
            except (ValueError, KeyError, TypeError) as e:
                raise BadInput(f"{path}:{number}", "not a quarantine record") from e
    return errors
