"""SQL building blocks shared by the analyses: periods, actor sets, the filtered event relation.

Everything is aggregated inside DuckDB; Python only sees per-period (or per-article) rows, so the
analyses scale with the number of periods, not the number of events.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from multivector.errors import UsageError

PERIODS = ("day", "month", "quarter", "year")
#: events below this confidence stay out of the analyses by default: calibrated on the official-text dev
#: set, an event under 0.5 is more likely wrong than right. Events stored before confidence existed
#: (NULL) are kept.
MIN_CONFIDENCE = 0.5
#: an event dated more than this many years before its article is history the article recalls ("in
#: 1997 the two signed …"), not a relation of the article's time: series leave it out by default so a
#: recollection neither stretches the period axis nor weighs on a decade-old quarter
HISTORY_YEARS = 2
_Y, _M = "[0-9][0-9][0-9][0-9]", "-[0-9][0-9]"


def _iso_ok(col: str) -> str:
    """SQL: ``col`` is YYYY, YYYY-MM or YYYY-MM-DD. GLOB by length, four times cheaper than a regexp
    on every row, which made it the largest cost of a dyad or balance query on a large store."""
    return (
        f"(CASE length({col}) WHEN 4 THEN {col} GLOB '{_Y}' WHEN 7 THEN {col} GLOB '{_Y}{_M}'"
        f" WHEN 10 THEN {col} GLOB '{_Y}{_M}{_M}' ELSE FALSE END)"
    )


def period_sql(col: str, by: str) -> str:
    """SQL label of the period holding ISO date string ``col``; NULL when its precision is too coarse.

    A "2024" date cannot be put in a month, so it is left out rather than guessed (a January bias
    would otherwise appear).  Labels sort chronologically as strings: 2024-03-05, 2024-03, 2024Q1, 2024.
    """
    ok = _iso_ok(col)
    if by == "day":
        return f"(CASE WHEN {ok} AND length({col}) >= 10 THEN substr({col}, 1, 10) END)"
    if by == "month":
        return f"(CASE WHEN {ok} AND length({col}) >= 7 THEN substr({col}, 1, 7) END)"
    if by == "quarter":
        return (
            f"(CASE WHEN {ok} AND length({col}) >= 7 THEN substr({col}, 1, 4) || 'Q' || "
            f"CAST((CAST(substr({col}, 6, 2) AS INTEGER) - 1) // 3 + 1 AS VARCHAR) END)"
        )
    if by == "year":
        return f"(CASE WHEN {ok} THEN substr({col}, 1, 4) END)"
    raise UsageError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")


def next_periods(first: str, last: str, by: str) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive, so gaps count as zero-event periods."""
    import datetime as dt

    out: list[str] = []
    if by == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    if by == "quarter":
        y, q = int(first[:4]), int(first[5])
        ly, lq = int(last[:4]), int(last[5])
        while (y, q) <= (ly, lq):
            out.append(f"{y}Q{q}")
            y, q = (y + 1, 1) if q == 4 else (y, q + 1)
        return out
    if by == "month":
        y, m = int(first[:4]), int(first[5:7])
        ly, lm = int(last[:4]), int(last[5:7])
        while (y, m) <= (ly, lm):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    if by == "day":
        d, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        while d <= end:
            out.append(d.isoformat())
            d += dt.timedelta(days=1)
        return out
    raise UsageError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")


def as_codes(value: str | Iterable[str]) -> list[str]:
    """A code, an actor id or a set of them → a non-empty list (a set like {"EU", "NATO"} is one side)."""
    codes = [value] if isinstance(value, str) else [str(v) for v in value]
    codes = [c.strip() for c in codes if c and c.strip()]
    if not codes:
        raise UsageError("an actor set must name at least one country code or actor id")
    return codes


def side_match(prefix: str) -> str:
    """SQL predicate: the event side ``prefix`` (source/target) is in the list parameter bound to it."""
    return (
        f"(list_contains(?::VARCHAR[], e.{prefix}_country)"
        f" OR list_contains(?::VARCHAR[], e.{prefix}_actor_id))"
    )


def columns(con: Any, table: str) -> set[str]:
    """Column names of ``table`` (empty when absent), to use later migrations' columns when they exist.

    Binding an empty SELECT reads the catalog only; it is a third of the cost of asking
    ``information_schema``, and every analysis asks this several times per call.
    """
    import duckdb

    if not table.isidentifier():
        raise UsageError(f"not a table name: {table!r}")
    try:
        cur = con.execute(f'SELECT * FROM main."{table}" LIMIT 0')
    except duckdb.CatalogException:
        return set()
    return {d[0] for d in cur.description}


def event_filter(
    con: Any,
    *,
    include_negated: bool = False,
    include_duplicates: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
    include_history: bool = False,
) -> tuple[str, str]:
    """(FROM clause, WHERE clause) over ``events e`` joined to its article ``a``, with the usual filters.

    Negated events ("did not sign") are not events; events from articles marked ``duplicate_of`` are
    reprints of a kept article and would double count.  Both can be switched back on. Events the
    coder is unsure of (``confidence`` under ``min_confidence``) are left out, and so are recollections
    dated over :data:`HISTORY_YEARS` years before their article (``include_history`` keeps them).
    """
    ecols, acols = columns(con, "events"), columns(con, "articles")
    if not ecols:
        raise UsageError("the store has no events table; run ingest first")
    joined = bool(acols)
    frm = "events e LEFT JOIN articles a ON a.id = e.article_id" if joined else "events e"
    where = ["TRUE"]
    if not include_negated and "negated" in ecols:
        where.append("NOT coalesce(e.negated, FALSE)")
    if min_confidence > 0 and "confidence" in ecols:
        where.append(f"coalesce(e.confidence, 1.0) >= {float(min_confidence)!r}")
    if not include_duplicates and "duplicate_of" in acols:
        where.append("a.duplicate_of IS NULL")
    if not include_history and joined:
        where.append(
            "coalesce(TRY_CAST(substr(e.date, 1, 4) AS INTEGER) >= "
            f"TRY_CAST(substr(a.date, 1, 4) AS INTEGER) - {int(HISTORY_YEARS)}, TRUE)"
        )
    return frm, " AND ".join(where)


def date_sql(con: Any) -> str:
    """The event's date, falling back to its article's date when the coder left it empty."""
    return "coalesce(e.date, a.date)" if columns(con, "articles") else "e.date"


def range_sql(date_col: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """Date-range predicate on ISO strings (string order is date order for ISO dates)."""
    parts, params = [], []
    if since:
        parts.append(f"{date_col} >= ?")
        params.append(since)
    if until:
        parts.append(f"substr({date_col}, 1, length(?)) <= ?")
        params += [until, until]
    return (" AND ".join(parts) or "TRUE"), params


def fetch_dicts(con: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Run ``sql`` and return its rows as dicts keyed by column name."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
