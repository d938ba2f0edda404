"""The command line: a thin click layer, each command one library call."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from . import __version__, render
from .archive.fuse import FuseSettings, fuse_store
from .archive.store import open_store
from .engines.driver import Summary, ingest
from .engines.local import LocalEngine
from .errors import BadInput, EventwireError
from .evaluation import HALVES, Half, evaluate
from .extraction.pipeline import extract_article
from .extraction.places import build_gazetteer
from .ingest.articles import decode, parse_date, read_article, read_json
from .ingest.readers import ReadOptions
from .records import Article, document_schema
from .settings import Settings


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value, "--published")
    except BadInput as e:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from e


@click.group()
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: sourced event data from news text."""


def read_input(source: str, published: dt.date | None, settings: Settings) -> Article:
    """The article in file ``source`` (``-`` for stdin): plain text, or a JSON object."""
    where = "<stdin>" if source == "-" else source
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as e:
            raise BadInput(where, e.strerror or "cannot be read") from e
    text = decode(data, where)
    if source.endswith(".json") or (text.lstrip().startswith("{") and source == "-"):
        article = read_json(text, where, max_chars=settings.max_chars)
        if published is not None:
            article = article.model_copy(update={"published": published, "published_from": "given"})
        return article
    return read_article(text, where, published=published, max_chars=settings.max_chars)


@main.command()
@click.argument("article", metavar="FILE|-")
@click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="Publication date; relative dates resolve against it. Default: found in the text.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "table"]),
    default=None,
    help="json (default when stdout is not a terminal) or table.",
)
def extract(article: str, published: dt.date | None, output_format: str | None) -> None:
    """Extract events, actors, places, dates and quotes from one article."""
    settings = Settings.from_env()
    try:
        document = extract_article(read_input(article, published, settings), settings)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if output_format is None:
        output_format = "table" if sys.stdout.isatty() else "json"
    if output_format == "json":
        click.echo(document.model_dump_json(indent=2))
    else:
        click.echo(render.table(document))
    for warning in document.warnings:
        click.echo(f"Warning: {warning}", err=True)


@main.command()
def schema() -> None:
    """Print the JSON Schema of extract's output."""
    click.echo(json.dumps(document_schema(), indent=2))


@main.command("gazetteer")
@click.option("--force", is_flag=True, help="Rebuild even if the index exists.")
def gazetteer_command(force: bool) -> None:
    """Build the gazetteer index from installed GeoNames data (run at install time)."""
    settings = Settings.from_env()
    path = settings.gazetteer_path
    if path.exists() and not force:
        click.echo(f"{path} exists (use --force to rebuild)")
        return
    build_gazetteer(path, settings.places_path)
    click.echo(f"built {path} ({path.stat().st_size / 1e6:.1f} MB)")


@main.command("eval")
@click.argument("gold_set", metavar="SET")
@click.option(
    "--half",
    type=click.Choice(HALVES),
    default="all",
    show_default=True,
    help="tune or check: the half of the set (by a hash of each item's id) to score.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), help="Score only the first N items (of the half)."
)
@click.option(
    "--misses",
    type=click.IntRange(min=1),
    metavar="N",
    help="List the first N items scored wrong (tune half only).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(
    gold_set: str, half: Half, limit: int | None, misses: int | None, as_json: bool
) -> None:
    """Score the pipeline on a human-coded set from ../shared/eval (e.g. dates/)."""
    if misses is not None and half != "tune":
        raise click.UsageError(
            "--misses lists items of the tune half only: add --half tune "
            "(the check half is scored in aggregate only)"
        )
    try:
        report = evaluate(Path(gold_set), limit, Settings.from_env(), half=half)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        data = report.to_json()
        if misses is not None:
            data["misses"] = [vars(m) for m in report.misses[:misses]]
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(report.table())
    if misses is not None:
        click.echo("\n" + report.misses_table(misses))


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", "db_url", metavar="URL", help="DuckDB file or postgresql:// URL.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Extraction processes (default: the number of cores; 1 runs in this process).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    help="Articles parsed together (nlp.pipe) and written in one transaction.",
)
@click.option("--text-column", default="text", show_default=True, help="CSV: the text column.")
@click.option("--title-column", default="title", show_default=True, help="CSV: the title column.")
@click.option("--url-column", default="url", show_default=True, help="CSV: the URL column.")
@click.option("--source-column", default="source", show_default=True, help="CSV: the outlet.")
@click.option(
    "--published-column",
    default="published",
    show_default=True,
    help="CSV: the publication date (YYYY-MM-DD or ISO datetime; 'date' if no 'published').",
)
@click.option(
    "--quarantine",
    "quarantine_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default="eventwire-quarantine.jsonl",
    show_default=True,
    help="Where unreadable records are listed, one JSON line each (appended).",
)
@click.option(
    "--engine",
    "engine_name",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: processes into the store; ray: a Ray cluster into Parquet shards (--out).",
)
@click.option(
    "--address",
    metavar="ADDR",
    help="Ray: the cluster to join (ray://HOST:10001, or auto); default: Ray on this machine.",
)
@click.option(
    "--out",
    "shards_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Ray: the folder of Parquet shards and quarantine.jsonl; then `eventwire load` it.",
)
@click.pass_context
def ingest_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    db_url: str | None,
    workers: int | None,
    batch_size: int,
    text_column: str,
    title_column: str,
    url_column: str,
    source_column: str,
    published_column: str,
    quarantine_path: Path,
    engine_name: str,
    address: str | None,
    shards_dir: Path | None,
) -> None:
    """Read articles from files, folders or - (stdin) into the store, skipping those it has.

    Reads .txt, .json, .jsonl, .csv, .html and .gz of any. Exit status: 0 when every record was
    read, 3 when some were quarantined (listed in the quarantine file), 1 on a fatal error.
    """
    settings = Settings.from_env()
    options = ReadOptions(
        text_column=text_column,
        title_column=title_column,
        url_column=url_column,
        source_column=source_column,
        published_column=published_column,
        max_chars=settings.max_chars,
    )
    if engine_name == "ray":
        _ingest_with_ray(ctx, paths, db_url, shards_dir, address, workers, batch_size, options)
        return
    if shards_dir is not None or address is not None:
        raise click.UsageError("--out and --address are for --engine ray")
    summary = Summary()
    try:
        with open_store(db_url, settings) as store:
            ingest(
                paths,
                store=store,
                engine=LocalEngine(settings, workers=workers, batch_size=batch_size),
                settings=settings,
                quarantine_path=quarantine_path,
                options=options,
                command=" ".join(["eventwire", *sys.argv[1:]]),
                write_batch=batch_size,
                progress=sys.stderr.isatty(),
                summary=summary,
            )
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    finally:
        click.echo(summary.line(), err=True)
    if summary.quarantined:
        click.echo(f"quarantined records and why: {quarantine_path}", err=True)
    ctx.exit(summary.exit_code)


def _ingest_with_ray(
    ctx: click.Context,
    paths: tuple[str, ...],
    db_url: str | None,
    shards_dir: Path | None,
    address: str | None,
    workers: int | None,
    batch_size: int,
    options: ReadOptions,
) -> None:
    """``ingest --engine ray``: the same driver, a Ray engine, and shards in place of the store."""
    from .engines.ray import RayEngine, ShardWriter

    if shards_dir is None:
        raise click.UsageError("--engine ray needs --out SHARDS_DIR (then: eventwire load it)")
    if db_url is not None:
        raise click.UsageError("--engine ray writes shards: give --db to `eventwire load`")
    settings = Settings.from_env()
    summary = Summary()
    try:
        engine = RayEngine(settings, address=address, workers=workers, batch_size=batch_size)
        shards = ShardWriter(shards_dir)
        try:
            ingest(
                paths,
                store=shards,
                engine=engine,
                settings=settings,
                quarantine_path=shards.quarantine_path,
                options=options,
                command=" ".join(["eventwire", *sys.argv[1:]]),
                write_batch=batch_size,
                progress=sys.stderr.isatty(),
                summary=summary,
            )
        finally:
            click.echo(f"{summary.line()} (into shards; `eventwire load {shards_dir}`)", err=True)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if summary.quarantined:
        click.echo(f"quarantined records and why: {shards.quarantine_path}", err=True)
    ctx.exit(summary.exit_code)


@main.command("load")
@click.argument("shards", nargs=-1, required=True, metavar="SHARDS_DIR...")
@click.option("--db", "db_url", metavar="URL", help="DuckDB file or postgresql:// URL.")
@click.pass_context
def load_command(ctx: click.Context, shards: tuple[str, ...], db_url: str | None) -> None:
    """Put the Parquet shards of `ingest --engine ray` into the store, skipping what it has.

    Exit status as ingest's: 0, or 3 when the ingest that wrote the shards quarantined records.
    """
    from .engines.ray import load

    summary = Summary()
    try:
        with open_store(db_url, Settings.from_env()) as store:
            load(shards, store, command=" ".join(["eventwire", *sys.argv[1:]]), summary=summary)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    finally:
        click.echo(summary.line(), err=True)
    ctx.exit(summary.exit_code)


@main.command("sql")
@click.argument("query")
@click.option("--db", "db_url", metavar="URL", help="DuckDB file or postgresql:// URL.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    help="How to print the rows.",
)
def sql_command(query: str, db_url: str | None, output_format: str) -> None:
    """Run a read-only SQL query over the store and print the rows."""
    try:
        with open_store(db_url, Settings.from_env(), read_only=True) as store:
            columns, values = store.read_only_query(query)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    click.echo(render.rows(columns, values, output_format))


@main.command("migrate")
@click.option("--db", "db_url", metavar="URL", help="DuckDB file or postgresql:// URL.")
def migrate_command(db_url: str | None) -> None:
    """Bring a store written by an older eventwire up to this version's tables."""
    try:
        with open_store(db_url, Settings.from_env(), create=False) as store:
            click.echo(f"{store.where}: store version {store.version()}")
    except EventwireError as e:
        raise click.ClickException(str(e)) from e


@main.command("fuse")
@click.option("--db", "db_url", metavar="URL", help="DuckDB file or postgresql:// URL.")
@click.option(
    "--window-days",
    type=click.IntRange(min=0),
    default=FuseSettings().window_days,
    show_default=True,
    help="Days two reports' dates may lie apart (after widening) and be one event.",
)
@click.option(
    "--distance-km",
    type=click.FloatRange(min=0),
    default=FuseSettings().distance_km,
    show_default=True,
    help="Greatest distance between two places that are one place.",
)
def fuse_command(db_url: str | None, window_days: int, distance_km: float) -> None:
    """Group the stored events that report one real-world event into stories."""
    fuse_settings = FuseSettings(window_days=window_days, distance_km=distance_km)
    try:
        with open_store(db_url, Settings.from_env(), create=False) as store:
            summary = fuse_store(store, fuse_settings)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    click.echo(summary.line())


@main.command("export")
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["plover", "acled", "geojson", "parquet"]),
    required=True,
    help="plover (JSON lines), acled (CSV), geojson, or parquet (one file per table).",
)
@click.option("--db", "db_url", metavar="URL", help="DuckDB file or postgresql:// URL.")
@click.option(
    "--where",
    metavar="SQL",
    help="A filter over the events table, e.g. \"type = 'ASSAULT' AND event_day >= "
    "DATE '2025-01-01'\".",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="The file to write (parquet: a folder). Default: stdout.",
)
@click.option("--stories", is_flag=True, help="Export stories (from eventwire fuse), not events.")
@click.option(
    "--bom/--no-bom",
    default=None,
    help="Start the CSV with a byte order mark, which Excel needs to read UTF-8. "
    "Default: with --out, yes; on stdout, no.",
)
def export_command(
    export_format: str,
    db_url: str | None,
    where: str | None,
    out: Path | None,
    stories: bool,
    bom: bool | None,
) -> None:
    """Export the stored events (or stories) as PLOVER, ACLED-style CSV, GeoJSON or Parquet."""
    from .archive.exporters import Crosswalk, export_to

    if export_format == "parquet" and out is None:
        raise click.UsageError("parquet writes one file per table: give --out FOLDER")
    settings = Settings.from_env()
    try:
        with open_store(db_url, settings, read_only=True) as store:
            summary = export_to(
                store,
                export_format,
                out,
                sys.stdout,
                Crosswalk.load(gazetteer_path=settings.gazetteer_path),
                where=where,
                stories=stories,
                bom=out is not None if bom is None else bom,
            )
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    kind = summary.kind
    if summary.selected == 0:
        what = "match --where" if where else "are in the store"
        hint = "" if where or not stories else " (run `eventwire fuse` first)"
        click.echo(f"no {kind} {what}{hint}: the export is empty", err=True)
    if summary.left_out:
        click.echo(
            f"{summary.left_out} of {summary.selected} {kind} have no coordinates and are not "
            "in the GeoJSON (every one is in --format acled or plover)",
            err=True,
        )
    where_to = f" to {out}" if out else ""
    click.echo(f"exported {summary.written} {kind} as {export_format}{where_to}", err=True)


@main.command("serve")
@click.option("--db", "db_url", metavar="URL", help="DuckDB file or postgresql:// URL.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; only this machine by default.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--allow-store",
    is_flag=True,
    help="Let the Extract page store a pasted article (the store is otherwise read-only).",
)
def serve_command(db_url: str | None, host: str, port: int, allow_store: bool) -> None:
    """Serve the analyst's web app (map, timeline, network, articles, stories) over the store."""
    import uvicorn

    from .web.app import create_app

    try:
        app = create_app(db_url, Settings.from_env(), allow_store=allow_store)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"eventwire: serving {app.state.stores.where} at http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
