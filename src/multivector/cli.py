"""The `multivector` command: thin wrappers over the library, one command per task.

Conventions: listings take ``--format table|jsonl|csv|tsv`` and write only records to stdout;
progress, warnings and errors go to stderr; exit code 0 = all good, 1 = some inputs failed,
2 = usage error.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from multivector import __version__
from multivector.errors import InputError, MultivectorError
from multivector.output import Format, write_records

app = typer.Typer(
    name="multivector",
    help="Turn foreign-policy news into auditable event data and East/West balance measures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="DuckDB file (default: $MULTIVECTOR_DB or ./multivector.duckdb)."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
PathsArg = Annotated[list[str], typer.Argument(help="Files or directories; '-' reads standard input.")]

ARTICLE_COLUMNS = ["id", "title", "date", "lang", "url", "source_path", "part", "text"]


def _report_error(e: InputError) -> None:
    err.print(f"[red]error[/red]: {e.path}: {e.reason}", highlight=False, soft_wrap=True)


def _fail(exc: MultivectorError) -> None:
    err.print(f"[red]error[/red]: {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        print(f"multivector {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """multivector: who did what to whom, with the sentence that says so."""


def _article_row(art) -> dict:
    """The CLI's article record: the ISO date is cut to day precision or null, as documented."""
    row = art.to_dict()
    row["date"] = art.date if art.date and len(art.date) == 10 else None
    return row


@app.command()
def articles(paths: PathsArg, fmt: FormatOption = Format.table) -> None:
    """Extract articles from PATHS without storing them: one record per article."""
    from multivector.pipeline import extract_articles

    failed = 0

    def rows():
        nonlocal failed
        for item in extract_articles(paths):
            if isinstance(item, InputError):
                failed += 1
                _report_error(item)
                continue
            yield _article_row(item)

    write_records(rows(), fmt, ARTICLE_COLUMNS, title="articles", max_width={"text": 60, "title": 40})
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(paths: PathsArg, db: DbOption = None) -> None:
    """Read, clean, de-duplicate and store articles from PATHS (idempotent: re-runs add nothing)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from multivector.pipeline import ingest as run_ingest
    from multivector.store import Store

    try:
        with Store(db) as store, Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
            TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
        ) as progress:
            task = progress.add_task("ingesting", total=None)
            report = run_ingest(
                paths, store, on_error=_report_error,
                on_progress=lambda n: progress.advance(task, n),
            )
            db_path = store.path
    except MultivectorError as exc:
        _fail(exc)
    err.print(
        f"{report.articles} articles read: {report.added} added, {report.exact_duplicates} exact "
        f"duplicates, {report.near_duplicates} near-duplicates linked, {len(report.errors)} inputs failed "
        f"→ {db_path}",
        highlight=False,
    )
    if report.errors:
        raise typer.Exit(1)


@app.command()
def stats(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
    """Counts of stored articles per source, language and year."""
    from multivector.store import Store

    try:
        with Store(db, read_only=True) as store:
            rows = store.stats()
    except MultivectorError as exc:
        _fail(exc)
    write_records(rows, fmt, ["dimension", "value", "articles"], title="stored articles")


def main() -> None:
    """Console-script entry point; maps library errors that escape a command to exit code 2."""
    try:
        app()
    except MultivectorError as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)
