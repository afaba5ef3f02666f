"""Commands for reading inputs: articles (extract only), ingest (extract + store), stats."""

from __future__ import annotations

import typer

from multivector.cli._common import (
    ColumnsOption,
    DbOption,
    FormatOption,
    PathsArg,
    app,
    article_progress,
    err,
    fail,
    interrupted,
    new_store_guard,
    open_store,
    report_error,
)
from multivector.errors import InputError, MultivectorError
from multivector.output import Format, write_records

ARTICLE_COLUMNS = ["id", "source_id", "title", "date", "lang", "url", "source_path", "part", "text"]


def _article_row(art) -> dict:
    """The CLI's article record: the ISO date is cut to day precision or null, as documented."""
    row = art.to_dict()
    row["date"] = art.date if art.date and len(art.date) == 10 else None
    row["source_id"] = (art.extra or {}).get("source_id")  # the input's own id (JSONL, feed, WARC)
    return row


@app.command()
def articles(paths: PathsArg, fmt: FormatOption = Format.table, columns: ColumnsOption = None) -> None:
    """Extract articles from PATHS without storing them: one record per article."""
    from multivector.pipeline import extract_articles

    failed = 0

    def rows():
        nonlocal failed
        for item in extract_articles(paths):
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
                continue
            yield _article_row(item)

    write_records(
        rows(), fmt, ARTICLE_COLUMNS, title="articles", max_width={"text": 60, "title": 40}, only=columns
    )
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(paths: PathsArg, db: DbOption = None) -> None:
    """Read, clean, de-duplicate and store articles from PATHS (idempotent: re-runs add nothing)."""
    from multivector.pipeline import ingest as run_ingest
    from multivector.store import Store

    try:
        with new_store_guard(db) as outcome:
            with Store(db) as store, article_progress("ingesting", paths) as advance:
                report = run_ingest(paths, store, on_error=report_error, on_progress=advance)
                db_path = store.path
            outcome["added"] = report.added
    except MultivectorError as exc:
        fail(exc, db)
    except KeyboardInterrupt:
        interrupted(db, "ingest")
    if outcome.get("removed"):
        db_path = f"nothing stored, so {db_path} was not created"  # type: ignore[assignment]
    err.print(
        f"{report.articles} articles read: {report.added} added, {report.exact_duplicates} exact "
        f"duplicates, {report.near_duplicates} near-duplicates linked, {len(report.errors)} inputs failed "
        f"→ {db_path}",
        highlight=False,
    )
    if report.errors:
        raise typer.Exit(1)


@app.command()
def stats(db: DbOption = None, fmt: FormatOption = Format.table, columns: ColumnsOption = None) -> None:
    """Counts of stored articles per source, language and year."""
    with open_store(db, read_only=True) as store:
        try:
            rows = store.stats()
        except MultivectorError as exc:
            fail(exc)
    write_records(rows, fmt, ["dimension", "value", "articles"], title="stored articles", only=columns)
