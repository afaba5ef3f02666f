"""The East/West balance index of one country, with article-bootstrap confidence intervals.

Formula (also in ``analysis/README.md``).  For focal country F and period t, take every event with F
on exactly one side (either direction) whose partner is West- or East-aligned, and give it a weight

* ``weighting="goldstein"`` (default): w = the event's Goldstein score (−10 … +10);
* ``weighting="count"``: w = +1 for QuadClass 1–2 (cooperation), −1 for QuadClass 3–4 (conflict).

Then W = Σ w over events with West partners, E = Σ w over events with East partners and

    B(t) = (W − E) / (|W| + |E|)         (undefined when |W| + |E| = 0)

B lies in [−1, 1] because |W − E| ≤ |W| + |E|.  Cooperation with the West (W > 0) and conflict with
the East (E < 0) both raise B; cooperation with the East and conflict with the West lower it.  B = +1
means all signed weight points West (e.g. only Western cooperation, or only Eastern conflict); B = 0
means balanced (equal cooperation with both, or equal conflict with both).

Thin evidence: a period whose West/East events come from fewer than ``MIN_ARTICLES`` (3) articles gets
no balance and no interval, only ``balance_raw`` and ``evidence = "thin (…)"``; one article would read
±1 with a zero-width interval.

The confidence interval resamples *articles*, not events: the events one article reports share a
writer, a framing and often a single underlying happening, so they are not independent draws.
For each period the articles carrying West/East events are resampled with replacement ``n_boot``
times (fixed seed, mixed with the period label so a period's interval does not change when other
periods are added) and the 2.5 / 97.5 percentiles of B* form the 95 % percentile interval.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from multivector.analysis._sql import (
    MIN_CONFIDENCE,
    PERIODS,
    as_codes,
    columns,
    date_sql,
    event_filter,
    fetch_dicts,
    period_sql,
    range_sql,
)
from multivector.analysis.alignment import EAST, WEST, alignment_cte, alignment_join, alignment_params
from multivector.errors import UsageError

WEIGHTINGS = ("goldstein", "count")
#: fewest articles a period's balance may rest on (below it the value is reported as thin, not ±1)
MIN_ARTICLES = 3
GENERIC_COUNTRIES = ("IGO", "NGO", "MNC", "IMG")  # IMG: CAMEO's code for transnational militant groups


def _focal_relation(
    con: Any,
    country: str | Iterable[str],
    by: str | None,
    since: str | None,
    until: str | None,
    weighting: str,
    include_negated: bool,
    include_duplicates: bool,
    min_confidence: float = MIN_CONFIDENCE,
) -> tuple[str, list[Any]]:
    """SQL (CTEs ending in relation ``fe``) of the focal country's events, one row per event.

    Columns: event_id, article_id, d, period, quad_class, goldstein, w, partner, p_country, p_actor,
    p_align.  ``partner`` is the partner's country code, or its actor id when the country is generic
    (``IGO``: NATO and the CSTO must not merge into one partner).
    """
    if weighting not in WEIGHTINGS:
        raise UsageError(f"unknown weighting {weighting!r}; choose one of {', '.join(WEIGHTINGS)}")
    focal = as_codes(country)
    frm, where = event_filter(
        con,
        include_negated=include_negated,
        include_duplicates=include_duplicates,
        min_confidence=min_confidence,
    )
    d = date_sql(con)
    rng, rng_params = range_sql(d, since, until)
    per = period_sql("d", by) if by else "NULL"
    src = "coalesce(list_contains(?::VARCHAR[], e.source_country), FALSE)"
    tgt = "coalesce(list_contains(?::VARCHAR[], e.target_country), FALSE)"
    ecols = columns(con, "events")
    stored = (
        f"CASE WHEN {src} THEN e.target_alignment ELSE e.source_alignment END"
        if {"source_alignment", "target_alignment"} <= ecols
        else "NULL"
    )
    stored_params = [focal] if stored != "NULL" else []
    joins, expr = alignment_join("ev.p_country", "ev.p_actor", "pa")
    w = (
        "coalesce(goldstein, 0)"
        if weighting == "goldstein"
        else "CASE WHEN quad_class IN (1, 2) THEN 1.0 WHEN quad_class IN (3, 4) THEN -1.0 ELSE 0.0 END"
    )
    generic = ", ".join(f"'{g}'" for g in GENERIC_COUNTRIES)
    sql = f"""
        WITH {alignment_cte()},
        ev AS (
            SELECT e.event_id, e.article_id, {d} AS d, e.quad_class, e.goldstein,
                   CASE WHEN {src} THEN e.target_country ELSE e.source_country END AS p_country,
                   CASE WHEN {src} THEN e.target_actor_id ELSE e.source_actor_id END AS p_actor,
                   {stored} AS p_stored
            FROM {frm}
            WHERE {where} AND {rng} AND ({src} <> {tgt})
        ),
        fe AS (
            SELECT ev.*, {per} AS period, {w} AS w,
                   CASE WHEN ev.p_country IS NULL OR ev.p_country IN ({generic})
                        THEN coalesce(ev.p_actor, ev.p_country)
                        -- an actor whose pole is not its country's (a separatist authority under
                        -- Ukraine's code) is a partner of its own, so Ukraine never reads as East
                        WHEN pa_a.k IS NOT NULL AND ev.p_actor <> ev.p_country
                             AND coalesce(pa_a.a, '') <> coalesce(pa_c.a, '') THEN ev.p_actor
                        ELSE ev.p_country END AS partner,
                   coalesce(ev.p_stored, {expr}) AS p_align
            FROM ev {joins}
            WHERE coalesce(ev.p_country, ev.p_actor) IS NOT NULL
        )
    """
    params = [
        *alignment_params(),
        focal,
        focal,
        *stored_params,
        *rng_params,
        focal,
        focal,
    ]
    return sql, params


def _percentiles(
    wi: Any, ei: Any, n_boot: int, seed: int, label: str, level: float
) -> tuple[float | None, float | None]:
    """Percentile interval of B over article resamples (multinomial counts × per-article sums)."""
    import numpy as np

    n = len(wi)
    if n == 0 or n_boot <= 0:
        return None, None
    rng = np.random.default_rng(np.random.SeedSequence([seed, *label.encode("utf-8")]))
    probs = np.full(n, 1.0 / n)
    chunk = max(1, min(n_boot, 2_000_000 // n))
    stats = []
    done = 0
    while done < n_boot:
        m = min(chunk, n_boot - done)
        counts = rng.multinomial(n, probs, size=m)
        ws, es = counts @ wi, counts @ ei
        den = np.abs(ws) + np.abs(es)
        with np.errstate(invalid="ignore", divide="ignore"):
            stats.append(np.where(den > 0, (ws - es) / den, np.nan))
        done += m
    b = np.concatenate(stats)
    if np.all(np.isnan(b)):
        return None, None
    tail = (1.0 - level) / 2 * 100
    lo, hi = np.nanpercentile(b, [tail, 100 - tail])
    return float(lo), float(hi)


def balance_value(west: float, east: float) -> float | None:
    """B = (W − E) / (|W| + |E|); None when there is no signed West/East weight at all."""
    den = abs(west) + abs(east)
    return None if den == 0 else (west - east) / den


def herfindahl(counts: Iterable[float]) -> float | None:
    """Herfindahl–Hirschman index Σ sᵢ² of shares: 1 = a single partner, 1/n = n equal partners."""
    vals = [float(c) for c in counts if c]
    total = sum(vals)
    return None if total == 0 else sum((v / total) ** 2 for v in vals)


def balance(
    con: Any,
    country: str | Iterable[str],
    by: str = "quarter",
    since: str | None = None,
    weighting: str = "goldstein",
    n_boot: int = 1000,
    seed: int = 0,
    *,
    until: str | None = None,
    level: float = 0.95,
    include_negated: bool = False,
    include_duplicates: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
    min_articles: int = MIN_ARTICLES,
) -> list[dict[str, Any]]:
    """Balance index B per period for ``country`` (see the module docstring for the formula).

    A period whose West/East events come from fewer than ``min_articles`` articles gets no balance and
    no interval (``evidence`` says "thin"; the value it would have had is ``balance_raw``): one article
    would read ±1 with a zero-width interval, which states a certainty the evidence does not have.

    Rows, in period order: ``period``, ``balance`` (None when no West/East weight), ``ci_low``,
    ``ci_high`` (percentile bootstrap over articles), ``west`` / ``east`` (W and E), ``west_events``,
    ``east_events``, ``articles`` (distinct articles with West/East events), ``events`` (all events
    of the country with a foreign partner), ``partners`` (distinct partners) and ``hhi`` (Herfindahl
    index of partner shares of those events: partner diversification).
    """
    import numpy as np

    if by not in PERIODS:
        raise UsageError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    rel, params = _focal_relation(
        con, country, by, since, until, weighting, include_negated, include_duplicates, min_confidence
    )
    # a fixed row order: DuckDB's parallel GROUP BY returns groups in any order, and the seeded bootstrap
    # must resample the same sequence on every run
    per_article = fetch_dicts(
        con,
        rel
        + """
        SELECT period, article_id,
               coalesce(sum(w) FILTER (WHERE p_align = ?), 0) AS wi,
               coalesce(sum(w) FILTER (WHERE p_align = ?), 0) AS ei,
               count(*) FILTER (WHERE p_align = ?) AS nw,
               count(*) FILTER (WHERE p_align = ?) AS ne
        FROM fe WHERE period IS NOT NULL AND p_align IN (?, ?)
        GROUP BY ALL
        ORDER BY period, article_id
        """,
        [*params, WEST, EAST, WEST, EAST, WEST, EAST],
    )
    per_partner = fetch_dicts(
        con,
        rel + "SELECT period, partner, count(*) AS n FROM fe WHERE period IS NOT NULL GROUP BY ALL",
        params,
    )
    arts: dict[str, list[tuple[float, float, int, int]]] = defaultdict(list)
    for r in per_article:
        arts[r["period"]].append((float(r["wi"]), float(r["ei"]), r["nw"], r["ne"]))
    partners: dict[str, list[int]] = defaultdict(list)
    for r in per_partner:
        partners[r["period"]].append(r["n"])
    out = []
    for period in sorted(set(arts) | set(partners)):
        rows = arts.get(period, [])
        wi = np.array([r[0] for r in rows], dtype=float)
        ei = np.array([r[1] for r in rows], dtype=float)
        west, east = float(wi.sum()), float(ei.sum())
        raw = balance_value(west, east)
        enough = len(rows) >= max(1, min_articles)
        b = raw if enough else None
        lo, hi = _percentiles(wi, ei, n_boot, seed, period, level) if b is not None else (None, None)
        evidence = (
            "none" if raw is None else "ok" if enough else f"thin ({len(rows)} < {min_articles} articles)"
        )
        out.append(
            {
                "period": period,
                "balance": b,
                "ci_low": lo,
                "ci_high": hi,
                "evidence": evidence,
                "balance_raw": raw,
                "west": west,
                "east": east,
                "west_events": sum(r[2] for r in rows),
                "east_events": sum(r[3] for r in rows),
                "articles": len(rows),
                "events": sum(partners.get(period, [])),
                "partners": len(partners.get(period, [])),
                "hhi": herfindahl(partners.get(period, [])),
            }
        )
    return out


def coarse_dated(
    con: Any,
    country: str | Iterable[str],
    by: str = "quarter",
    *,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> int:
    """How many of the country's events are dated too coarsely for ``by`` (a year-only date in a
    quarterly series): they are left out of the periods, and callers say so instead of hiding it."""
    rel, params = _focal_relation(con, country, by, since, until, "goldstein", False, False, min_confidence)
    return int(
        con.execute(
            rel + "SELECT count(*) FROM fe WHERE period IS NULL AND d IS NOT NULL", params
        ).fetchone()[0]
    )


def partners(
    con: Any,
    country: str | Iterable[str],
    *,
    since: str | None = None,
    until: str | None = None,
    top: int | None = None,
    include_negated: bool = False,
    include_duplicates: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[dict[str, Any]]:
    """The country's partners by share of its interactions (both directions), with tone and alignment.

    Rows: ``partner``, ``alignment``, ``events``, ``articles``, ``share`` (of all the country's events
    with a foreign partner), ``goldstein_sum``, ``goldstein_mean``, ``q1``..``q4``; largest first.
    """
    rel, params = _focal_relation(
        con, country, None, since, until, "goldstein", include_negated, include_duplicates, min_confidence
    )
    limit = f"LIMIT {int(top)}" if top else ""
    rows = fetch_dicts(
        con,
        rel
        + f"""
        SELECT partner, any_value(p_align) AS alignment, count(*) AS events,
               count(DISTINCT article_id) AS articles,
               count(*) / sum(count(*)) OVER () AS share,
               coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
        FROM fe WHERE partner IS NOT NULL
        GROUP BY partner ORDER BY events DESC, partner {limit}
        """,
        params,
    )
    for r in rows:
        r["share"] = float(r["share"])
        r["goldstein_sum"] = float(r["goldstein_sum"])
        r["goldstein_mean"] = None if r["goldstein_mean"] is None else float(r["goldstein_mean"])
    return rows


def diversification(con: Any, country: str | Iterable[str], **kw: Any) -> dict[str, Any]:
    """Partner concentration: Herfindahl index, its inverse (the "effective number of partners")
    and the partner rows it was computed from (``partners`` arguments pass through)."""
    kw.pop("top", None)
    rows = partners(con, country, **kw)
    hhi = herfindahl(r["events"] for r in rows)
    return {
        "hhi": hhi,
        "effective_partners": None if not hhi else 1.0 / hhi,
        "n_partners": len(rows),
        "partners": rows,
    }


def partner_periods(
    con: Any,
    country: str | Iterable[str],
    by: str = "quarter",
    *,
    partners_only: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
    include_duplicates: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[dict[str, Any]]:
    """Per (period, partner): events and mean Goldstein of the country's interactions — the cells of
    the report's dyad heatmap, in one query instead of one dyad series per partner."""
    rel, params = _focal_relation(
        con, country, by, since, until, "goldstein", include_negated, include_duplicates, min_confidence
    )
    keep, keep_params = "", []
    if partners_only is not None:
        keep, keep_params = "AND list_contains(?::VARCHAR[], partner)", [list(partners_only)]
    rows = fetch_dicts(
        con,
        rel
        + f"""
        SELECT period, partner, count(*) AS events, avg(goldstein) AS goldstein_mean
        FROM fe WHERE period IS NOT NULL AND partner IS NOT NULL {keep}
        GROUP BY ALL ORDER BY period, partner
        """,
        [*params, *keep_params],
    )
    for r in rows:
        r["goldstein_mean"] = None if r["goldstein_mean"] is None else float(r["goldstein_mean"])
    return rows
