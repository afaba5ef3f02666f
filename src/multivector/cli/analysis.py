"""Commands over the stored events: balance, partners, dyads, stories, trends, similar, report, plot."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from multivector.analysis import MIN_CONFIDENCE
from multivector.cli._common import ColumnsOption, DbOption, FormatOption, app, err, fail, note, open_store
from multivector.errors import MultivectorError
from multivector.output import Format, write_records

ByOption = Annotated[str, typer.Option("--by", help="Period: day, month, quarter or year.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="First date (ISO), inclusive.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Last date (ISO), inclusive.")]
CountryOption = Annotated[str, typer.Option("--country", "-c", help="Focal country (ISO3), e.g. BLR.")]
MinConfOption = Annotated[
    float,
    typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out events the coder is less sure of."),
]


def _codes(value: str) -> str | list[str]:
    """`EUR,NATO` on the command line means the set of both actors."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    return parts[0] if len(parts) == 1 else parts


def _listing(db: str | None, fmt: Format, title: str, fn, *args, also=None, only=None, **kwargs):
    """Rows of ``fn`` in the chosen format; ``also(con)`` runs on the same open store (a count for a
    note) and its result is returned."""
    with open_store(db, read_only=True) as store:
        try:
            rows = fn(store.con, *args, **kwargs)
            extra = also(store.con) if also is not None else None
        except MultivectorError as exc:
            fail(exc)
    write_records(rows, fmt, None, title=title, only=only)
    return extra


@app.command()
def balance(
    country: CountryOption,
    by: ByOption = "quarter",
    since: SinceOption = None,
    until: UntilOption = None,
    weighting: Annotated[str, typer.Option(help="goldstein or count (±1 by QuadClass).")] = "goldstein",
    n_boot: Annotated[int, typer.Option("--n-boot", help="Bootstrap resamples of articles.")] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed of the bootstrap.")] = 0,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Fewest articles a period's balance may rest on.")
    ] = 3,
    min_confidence: MinConfOption = MIN_CONFIDENCE,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
) -> None:
    """East/West balance index per period, in [-1, 1] (+1 = West-leaning), with a bootstrap CI.

    Periods resting on fewer than --min-articles articles show no value (evidence "thin")."""
    from multivector.analysis import balance as run
    from multivector.analysis.balance import coarse_dated

    codes = _codes(country)
    coarse = _listing(
        db,
        fmt,
        f"balance of {country}",
        run,
        codes,
        by=by,
        since=since,
        until=until,
        weighting=weighting,
        n_boot=n_boot,
        seed=seed,
        min_confidence=min_confidence,
        min_articles=min_articles,
        also=lambda con: coarse_dated(
            con, codes, by, since=since, until=until, min_confidence=min_confidence
        ),
        only=columns,
    )
    if coarse:
        note(
            f"{coarse} event(s) dated only to a coarser period than a {by} are not in these rows "
            "(try --by year)"
        )


@app.command()
def partners(
    country: CountryOption,
    top: Annotated[int | None, typer.Option(help="Only the top N partners.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfOption = MIN_CONFIDENCE,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
) -> None:
    """Partners of a country: events, share, alignment, tone."""
    from multivector.analysis import partners as run

    _listing(
        db,
        fmt,
        f"partners of {country}",
        run,
        _codes(country),
        top=top,
        since=since,
        until=until,
        min_confidence=min_confidence,
        only=columns,
    )


@app.command()
def dyads(
    a: Annotated[str, typer.Argument(help="Actor or set (country codes or actor ids, comma-separated).")],
    b: Annotated[str, typer.Argument(help="The other actor or set.")],
    by: ByOption = "month",
    direction: Annotated[str, typer.Option(help="both, a->b, b->a or each.")] = "both",
    min_confidence: MinConfOption = MIN_CONFIDENCE,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
) -> None:
    """Time series of events between A and B: counts, QuadClass shares, Goldstein sum and mean."""
    from multivector.analysis import dyad_series

    _listing(
        db,
        fmt,
        f"{a} ↔ {b}",
        dyad_series,
        _codes(a),
        _codes(b),
        by=by,
        direction=direction,
        min_confidence=min_confidence,
        only=columns,
    )


@app.command()
def stories(
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only stories involving it.")] = None,
    min_mentions: Annotated[int, typer.Option("--min-mentions", help="Only stories told this often.")] = 1,
    window_days: Annotated[int, typer.Option("--window-days", help="Max days between mentions.")] = 1,
    limit: Annotated[int | None, typer.Option(help="At most N stories.")] = 100,
    min_confidence: MinConfOption = MIN_CONFIDENCE,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
) -> None:
    """Events reported by several articles collapsed into stories, with mention counts and evidence."""
    from multivector.analysis import stories as run

    _listing(
        db,
        fmt,
        "stories",
        run,
        country=country,
        min_mentions=min_mentions,
        window_days=window_days,
        limit=limit,
        min_confidence=min_confidence,
        only=columns,
    )


@app.command()
def trends(
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only trends involving it.")] = None,
    by: ByOption = "month",
    history: Annotated[int, typer.Option(help="Periods of history to compare against.")] = 12,
    min_articles: Annotated[int, typer.Option("--min-articles", help="Evidence threshold.")] = 3,
    latest: Annotated[
        str | None,
        typer.Option(
            "--latest",
            help="The period to test, e.g. 2022-03 or 2022Q1 (default: the latest with enough data).",
        ),
    ] = None,
    min_confidence: MinConfOption = MIN_CONFIDENCE,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
) -> None:
    """Dyads and event types rising or falling in the latest period against their own history."""
    from multivector.analysis import trends as run

    why: dict = {}
    _listing(
        db,
        fmt,
        "trends",
        run,
        by=by,
        country=country,
        history=history,
        min_articles=min_articles,
        latest=latest,
        min_confidence=min_confidence,
        why=why,
        only=columns,
    )
    if why.get("reason"):
        note(f"no trends: {why['reason']}")


@app.command()
def similar(
    article_id: Annotated[str, typer.Argument(help="A stored article id.")],
    k: Annotated[int, typer.Option("-k", help="How many similar articles.")] = 10,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
) -> None:
    """The k stored articles most similar by text and by shared actors/events."""
    from multivector.analysis import similar_articles

    _listing(db, fmt, f"similar to {article_id}", similar_articles, article_id, k=k, only=columns)


@app.command()
def report(
    country: CountryOption,
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("report.html"),
    by: ByOption = "quarter",
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """Write one self-contained, offline HTML report for a country."""
    from multivector.report import write_report

    with open_store(db, read_only=True) as store:
        try:
            path = write_report(store.con, country, out, by=by, since=since, until=until)
        except MultivectorError as exc:
            fail(exc)
    err.print(f"report written to {path}", highlight=False)


@app.command()
def plot(
    kind: Annotated[str, typer.Argument(help="balance, partners or quadclass.")],
    country: CountryOption,
    out: Annotated[Path, typer.Option("--out", "-o", help="Figure file (.png, .svg or .pdf).")],
    by: ByOption = "quarter",
    db: DbOption = None,
) -> None:
    """Write a figure for papers (matplotlib)."""
    from multivector.report import plot as run

    with open_store(db, read_only=True) as store:
        try:
            path = run(store.con, kind, country, out, by=by)
        except MultivectorError as exc:
            fail(exc)
    err.print(f"figure written to {path}", highlight=False)
