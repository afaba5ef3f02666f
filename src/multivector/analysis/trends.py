"""Recent trends: which dyads and event types rise or fall in the latest period against their own past.

Statistic (documented in ``analysis/README.md``).  The unit counted is the *article*: for a key (a
dyad, a CAMEO root, or a dyad × root) x₁ is the number of distinct articles reporting it in the latest
period and x₀ the number in the ``history`` periods before it.  Counting articles, not events, stops
one long article from looking like a surge.  News volume varies, so each period's exposure T is the
number of distinct articles with any event in it (``exposure=False`` uses one unit per period).
Under "no change" the rate per exposure is the same in both windows, so conditionally on x₀ + x₁

    x₁ ~ Binomial(x₀ + x₁, T₁ / (T₀ + T₁))

(the exact conditional test for a Poisson rate ratio).  We report the rate ratio
RR = (x₁ / T₁) / (max(x₀, 0.5) / T₀), the two-sided exact p-value, and a Benjamini–Hochberg q-value
over all keys tested (many keys are tested at once).  A key is only tested when the side that
drives the change has at least ``min_articles`` distinct articles: x₁ for a rise, x₀ for a fall —
so one article cannot make a trend.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from multivector.analysis._sql import (
    MIN_CONFIDENCE,
    date_sql,
    event_filter,
    fetch_dicts,
    next_periods,
    period_sql,
)
from multivector.errors import UsageError

KINDS = ("dyad", "code", "dyad_code")


def _party(prefix: str) -> str:
    return (
        f"(CASE WHEN e.{prefix}_country IS NULL OR e.{prefix}_country IN ('IGO', 'NGO', 'MNC')"
        f" THEN coalesce(e.{prefix}_actor_id, e.{prefix}_country) ELSE e.{prefix}_country END)"
    )


def _q_values(pvalues: list[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values, in input order."""
    from scipy.stats import false_discovery_control

    return [float(q) for q in false_discovery_control(pvalues, method="bh")] if pvalues else []


def trends(
    con: Any,
    by: str = "month",
    *,
    country: str | None = None,
    latest: str | None = None,
    history: int = 12,
    min_articles: int = 3,
    alpha: float = 0.05,
    kinds: tuple[str, ...] = KINDS,
    exposure: bool = True,
    include_negated: bool = False,
    include_duplicates: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
    why: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Keys whose latest-period article count departs from their history (see the module docstring).

    ``why``, when given, is filled with what was looked at (period, candidates, tested, significant)
    and, when nothing is returned, the reason in words, so an empty answer is never silent.

    ``latest`` defaults to the last period with events; ``history`` is how many periods before it
    form the baseline (periods without events count as zero).  ``country`` keeps events with that
    country on either side.  Rows (q-value ≤ ``alpha``, strongest first): ``kind``, ``key``,
    ``period``, ``latest_articles`` (x₁), ``history_articles`` (x₀), ``history_periods``,
    ``expected`` (x₀·T₁/T₀), ``rate_ratio``, ``p_value``, ``q_value``, ``direction`` ("rising"/"falling").
    """
    from scipy.stats import binomtest

    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise UsageError(f"unknown trend kind {bad[0]!r}; choose from {', '.join(KINDS)}")
    if history < 1:
        raise UsageError("history must be at least one period")
    frm, where = event_filter(
        con,
        include_negated=include_negated,
        include_duplicates=include_duplicates,
        min_confidence=min_confidence,
    )
    d = date_sql(con)
    per = period_sql(d, by)
    s, t = _party("source"), _party("target")
    cfilter, cparams = (
        ("TRUE", [])
        if not country
        else ("(e.source_country = ? OR e.target_country = ?)", [country, country])
    )
    base = f"""
        WITH ev AS (
            SELECT {per} AS period, e.article_id,
                   least({s}, {t}) || '-' || greatest({s}, {t}) AS dyad,
                   coalesce(e.root, substr(e.cameo, 1, 2)) AS code
            FROM {frm} WHERE {where} AND {cfilter} AND {s} IS NOT NULL AND {t} IS NOT NULL AND {s} <> {t}
        )
    """
    why = why if why is not None else {}
    if latest is None:
        # the latest period with enough evidence to test anything, else simply the latest one
        latest = (
            con.execute(
                base + "SELECT max(period) FROM (SELECT period FROM ev GROUP BY period "
                "HAVING count(DISTINCT article_id) >= ?)",
                [*cparams, min_articles],
            ).fetchone()[0]
            or con.execute(base + "SELECT max(period) FROM ev", cparams).fetchone()[0]
        )
        if latest is None:
            why["reason"] = "no dated events between two known countries" + (
                f" with {country}" if country else ""
            )
            return []
    why["period"] = latest
    first = con.execute(base + "SELECT min(period) FROM ev", cparams).fetchone()[0]
    if first is None or first >= latest:
        why["reason"] = f"no history before {latest} to compare against"
        return []
    window = next_periods(first, latest, by)[-(history + 1) :]
    hist_periods = window[:-1]
    lo = window[0]
    counts = fetch_dicts(
        con,
        base
        + """
        SELECT period, dyad, code, GROUPING(dyad) AS g_dyad, GROUPING(code) AS g_code,
               count(DISTINCT article_id) AS n
        FROM ev WHERE period >= ? AND period <= ?
        GROUP BY GROUPING SETS ((period), (period, dyad), (period, code), (period, dyad, code))
        """,
        [*cparams, lo, latest],
    )
    exp_latest, exp_hist = 0.0, 0.0
    x1: dict[tuple[str, str], int] = defaultdict(int)
    x0: dict[tuple[str, str], int] = defaultdict(int)
    for r in counts:
        if r["g_dyad"] and r["g_code"]:
            if r["period"] == latest:
                exp_latest += r["n"]
            else:
                exp_hist += r["n"]
            continue
        kind = "dyad" if r["g_code"] else "code" if r["g_dyad"] else "dyad_code"
        if kind not in kinds:
            continue
        key = r["dyad"] if kind == "dyad" else r["code"] if kind == "code" else f"{r['dyad']}:{r['code']}"
        (x1 if r["period"] == latest else x0)[(kind, key)] += r["n"]
    if not exposure:
        exp_latest, exp_hist = 1.0, float(len(hist_periods))
    if exp_latest == 0 or exp_hist == 0:
        why["reason"] = (
            f"no events in {latest}" if exp_latest == 0 else f"no events in the {history} periods before"
        )
        return []
    share = exp_latest / (exp_latest + exp_hist)
    tested = []
    for kk in sorted(set(x1) | set(x0)):
        a, h = x1.get(kk, 0), x0.get(kk, 0)
        expected = h * exp_latest / exp_hist
        rising = a > expected
        if (a if rising else h) < min_articles:
            continue
        p = binomtest(a, a + h, share).pvalue
        rr = (a / exp_latest) / (max(h, 0.5) / exp_hist)
        tested.append(
            {
                "kind": kk[0],
                "key": kk[1],
                "period": latest,
                "latest_articles": a,
                "history_articles": h,
                "history_periods": len(hist_periods),
                "expected": expected,
                "rate_ratio": rr,
                "p_value": float(p),
                "direction": "rising" if rising else "falling",
            }
        )
    for row, q in zip(tested, _q_values([float(r["p_value"]) for r in tested]), strict=True):
        row["q_value"] = q
    out = [r for r in tested if float(r["q_value"]) <= alpha]
    why.update(candidates=len(set(x1) | set(x0)), tested=len(tested), significant=len(out))
    if not tested:
        why["reason"] = (
            f"{why['candidates']} candidate dyads and event types in {latest}, none with >= {min_articles} "
            "articles on the moving side"
        )
    elif not out:
        why["reason"] = f"{len(tested)} tested in {latest}, none departs from its history at q <= {alpha}"
    out.sort(
        key=lambda r: (
            float(r["q_value"]),
            -abs(float(r["latest_articles"]) - float(r["expected"])),
            r["kind"],
            r["key"],
        )
    )
    return out
