"""Dyad time series: how two actors (or two sets of actors) treat each other, period by period.

The dyad is the unit of most event-data research (GDELT, ICEWS): counts tell salience, QuadClass
shares tell the mix of talk and deeds, Goldstein sums and means tell the tone.  Sums measure
intensity (more events, more weight); means measure tone independent of news volume.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from multivector.analysis._sql import (
    MIN_CONFIDENCE,
    as_codes,
    date_sql,
    event_filter,
    fetch_dicts,
    period_sql,
    range_sql,
    side_match,
)
from multivector.errors import UsageError

DIRECTIONS = ("both", "a->b", "b->a", "each")


def dyad_series(
    con: Any,
    a: str | Iterable[str],
    b: str | Iterable[str],
    by: str = "month",
    direction: str = "both",
    *,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
    include_duplicates: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[dict[str, Any]]:
    """Per-period summary of the events between ``a`` and ``b``.

    ``a`` and ``b`` are country codes or actor ids, or sets of them (``{"EUR", "NATO"}``); an event
    side matches when its country *or* its actor id is in the set.  ``direction``: ``"both"`` pools
    the two directions, ``"a->b"``/``"b->a"`` keep one, ``"each"`` returns one row per direction.

    Each row: ``period``, ``direction``, ``events``, ``articles`` (distinct), ``q1``..``q4`` counts and
    ``q1_share``..``q4_share`` (QuadClass 1 verbal cooperation, 2 material cooperation, 3 verbal
    conflict, 4 material conflict), ``goldstein_sum``, ``goldstein_mean``.  Periods without events are
    absent; events whose date is coarser than ``by`` are left out (see ``period_sql``).
    """
    if direction not in DIRECTIONS:
        raise UsageError(f"unknown direction {direction!r}; choose one of {', '.join(DIRECTIONS)}")
    ca, cb = as_codes(a), as_codes(b)
    frm, where = event_filter(
        con,
        include_negated=include_negated,
        include_duplicates=include_duplicates,
        min_confidence=min_confidence,
    )
    d = date_sql(con)
    rng, rng_params = range_sql(d, since, until)
    per = period_sql(d, by)
    split = direction != "both"
    dir_col = "dir" if split else "'both'"
    dir_filter = f"AND dir = '{direction}'" if direction in ("a->b", "b->a") else ""
    sql = f"""
        WITH ev AS (
            SELECT {per} AS period, e.article_id, e.quad_class, e.goldstein,
                   CASE WHEN {side_match("source")} AND {side_match("target")} THEN 'a->b'
                        WHEN {side_match("source")} AND {side_match("target")} THEN 'b->a' END AS dir
            FROM {frm} WHERE {where} AND {rng}
              -- the same sides again as a plain filter: it reaches the events scan, below the join
              AND ({side_match("source")} OR {side_match("source")})
              AND ({side_match("target")} OR {side_match("target")})
        )
        SELECT period, {dir_col} AS direction, count(*) AS events,
               count(DISTINCT article_id) AS articles,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
               coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM ev WHERE period IS NOT NULL AND dir IS NOT NULL {dir_filter}
        GROUP BY ALL ORDER BY period, direction
    """
    params = [ca, ca, cb, cb, cb, cb, ca, ca, *rng_params, ca, ca, cb, cb, ca, ca, cb, cb]
    return _shares(fetch_dicts(con, sql, params))


def _shares(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        n = r["events"] or 1
        for q in (1, 2, 3, 4):
            r[f"q{q}_share"] = r[f"q{q}"] / n
        r["goldstein_sum"] = float(r["goldstein_sum"])
        r["goldstein_mean"] = None if r["goldstein_mean"] is None else float(r["goldstein_mean"])
    return rows


def dyad_table(
    con: Any, by: str = "month", *, max_rows: int = 1_000_000
) -> dict[tuple[str, str], list[dict[str, Any]]] | None:
    """Every directed pair's per-period summary from one scan, keyed by (source code, target code), a code
    being a side's country or its actor id: for two different codes ``a`` and ``b``, the rows under
    ``(a, b)`` are those of ``dyad_series(con, a, b, by=by, direction="a->b")`` (default filters).

    Why: a dashboard serving many dyad pages would otherwise scan the events once per pair. None when the
    table would pass ``max_rows`` (a store that large is better served pair by pair)."""
    frm, where = event_filter(con)
    per = period_sql(date_sql(con), by)
    sides = "list_distinct([e.{0}_country, e.{0}_actor_id])"
    sql = f"""
        WITH ev AS (
            SELECT {per} AS period, e.article_id, e.quad_class, e.goldstein,
                   {sides.format("source")} AS s, {sides.format("target")} AS t
            FROM {frm} WHERE {where}
        ), one AS (
            SELECT period, article_id, quad_class, goldstein, unnest(s) AS src, t
            FROM ev WHERE period IS NOT NULL
        ), two AS (
            SELECT period, article_id, quad_class, goldstein, src, unnest(t) AS tgt FROM one
        )
        SELECT src, tgt, period, count(*) AS events, count(DISTINCT article_id) AS articles,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
               coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM two WHERE src <> tgt GROUP BY ALL ORDER BY src, tgt, period
    """
    cur = con.execute(sql)
    found = cur.fetchmany(max_rows + 1)
    if len(found) > max_rows:
        return None
    names = [d[0] for d in cur.description]
    table: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in _shares([dict(zip(names, r, strict=True)) for r in found]):
        table.setdefault((row.pop("src"), row.pop("tgt")), []).append(row)
    return table


def dyad_matrix(
    con: Any,
    actors: Iterable[str],
    *,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
    include_duplicates: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[dict[str, Any]]:
    """Directed source → target counts and mean Goldstein among ``actors`` (country codes), for heatmaps."""
    codes = as_codes(actors)
    frm, where = event_filter(
        con,
        include_negated=include_negated,
        include_duplicates=include_duplicates,
        min_confidence=min_confidence,
    )
    d = date_sql(con)
    rng, rng_params = range_sql(d, since, until)
    sql = f"""
        SELECT e.source_country AS source, e.target_country AS target, count(*) AS events,
               avg(e.goldstein) AS goldstein_mean, coalesce(sum(e.goldstein), 0) AS goldstein_sum
        FROM {frm}
        WHERE {where} AND {rng} AND list_contains(?::VARCHAR[], e.source_country)
              AND list_contains(?::VARCHAR[], e.target_country) AND e.source_country <> e.target_country
        GROUP BY ALL ORDER BY source, target
    """
    return fetch_dicts(con, sql, [*rng_params, codes, codes])


def quad_mix(
    con: Any,
    country: str | Iterable[str],
    by: str = "quarter",
    *,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
    include_duplicates: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[dict[str, Any]]:
    """Per period, the QuadClass counts of all events with ``country`` on either side and a foreign
    partner: the talk/deeds and cooperation/conflict mix behind the balance index."""
    codes = as_codes(country)
    frm, where = event_filter(
        con,
        include_negated=include_negated,
        include_duplicates=include_duplicates,
        min_confidence=min_confidence,
    )
    d = date_sql(con)
    rng, rng_params = range_sql(d, since, until)
    src = "coalesce(list_contains(?::VARCHAR[], e.source_country), FALSE)"
    tgt = "coalesce(list_contains(?::VARCHAR[], e.target_country), FALSE)"
    sql = f"""
        WITH ev AS (
            SELECT {period_sql(d, by)} AS period, e.quad_class FROM {frm}
            WHERE {where} AND {rng} AND ({src} <> {tgt})
                  AND coalesce(e.source_country, e.source_actor_id) IS NOT NULL
                  AND coalesce(e.target_country, e.target_actor_id) IS NOT NULL
        )
        SELECT period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
        FROM ev WHERE period IS NOT NULL GROUP BY period ORDER BY period
    """
    return fetch_dicts(con, sql, [*rng_params, codes, codes])
