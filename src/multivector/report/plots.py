"""Static figures for papers (PNG/SVG/PDF) drawn with matplotlib's object API.

We build ``matplotlib.figure.Figure`` objects directly instead of going through ``pyplot``: no global
backend or figure registry is touched, so plotting from a web server or a notebook is side-effect
free.  The figure builders take already-computed rows, so the HTML report reuses them as its
no-JavaScript fallback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from multivector.coding.tables import QUAD_NAMES
from multivector.errors import UsageError

KINDS = ("balance", "partners", "quadclass")
ALIGN_COLORS = {
    "West": "#1f5fa8",
    "East": "#c0392b",
    "China": "#e08e0b",
    "neutral": "#8a8a8a",
    None: "#c8c8c8",
}
QUAD_LABELS = tuple(QUAD_NAMES[q] for q in (1, 2, 3, 4))
QUAD_COLORS = ("#7fb3e0", "#1f5fa8", "#f0a08a", "#c0392b")
FORMATS = ("png", "svg", "pdf")


def _ticks(ax: Any, labels: list[str]) -> None:
    step = max(1, len(labels) // 12)
    ax.set_xticks(range(0, len(labels), step))
    ax.set_xticklabels(labels[::step], rotation=45, ha="right", fontsize=8)


def balance_figure(rows: list[dict[str, Any]], country: str, weighting: str = "goldstein") -> Any:
    """Balance index per period with its bootstrap band; gaps where B is undefined."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4), layout="constrained")
    ax = fig.add_subplot()
    labels = [r["period"] for r in rows]
    nan = float("nan")
    xs = list(range(len(rows)))
    b = [nan if r["balance"] is None else r["balance"] for r in rows]
    lo = [nan if r.get("ci_low") is None else r["ci_low"] for r in rows]
    hi = [nan if r.get("ci_high") is None else r["ci_high"] for r in rows]
    ax.fill_between(xs, lo, hi, color="#1f5fa8", alpha=0.18, linewidth=0, label="95% CI (article bootstrap)")
    ax.plot(xs, b, marker="o", color="#1f5fa8", label="balance B")
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("B  (East −1 … +1 West)")
    ax.set_title(f"{country}: East/West balance ({weighting} weights)")
    _ticks(ax, labels)
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    return fig


def partners_figure(rows: list[dict[str, Any]], country: str) -> Any:
    """Top partners by share of the country's interactions, coloured by alignment."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    rows = list(reversed(rows))
    fig = Figure(figsize=(6, 0.35 * max(len(rows), 3) + 1.2), layout="constrained")
    ax = fig.add_subplot()
    ax.barh(
        [r["partner"] for r in rows],
        [r["share"] for r in rows],
        color=[ALIGN_COLORS.get(r["alignment"], ALIGN_COLORS[None]) for r in rows],
    )
    ax.set_xlabel("share of interactions")
    ax.set_title(f"{country}: top partners")
    handles = [
        Patch(color=color, label=str(align or "not a pole"))
        for align, color in ALIGN_COLORS.items()
        if any(r["alignment"] == align for r in rows)
    ]
    ax.legend(handles=handles, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def quadclass_figure(rows: list[dict[str, Any]], country: str) -> Any:
    """Stacked QuadClass counts per period."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4), layout="constrained")
    ax = fig.add_subplot()
    labels = [r["period"] for r in rows]
    bottom = [0] * len(rows)
    for q, (name, color) in enumerate(zip(QUAD_LABELS, QUAD_COLORS, strict=True), start=1):
        vals = [r[f"q{q}"] for r in rows]
        ax.bar(range(len(rows)), vals, bottom=bottom, color=color, label=name)
        bottom = [a + v for a, v in zip(bottom, vals, strict=True)]
    ax.set_ylabel("events")
    ax.set_title(f"{country}: QuadClass mix")
    _ticks(ax, labels)
    ax.legend(fontsize=8, frameon=False)
    return fig


def figure(
    con: Any,
    kind: str,
    country: str,
    *,
    by: str = "quarter",
    since: str | None = None,
    until: str | None = None,
    weighting: str = "goldstein",
    n_boot: int = 1000,
    seed: int = 0,
    top: int = 12,
) -> Any:
    """Compute the data for ``kind`` from the store and return the matplotlib Figure."""
    from multivector.analysis.balance import balance, partners
    from multivector.analysis.dyads import quad_mix

    if kind == "balance":
        rows = balance(
            con, country, by=by, since=since, until=until, weighting=weighting, n_boot=n_boot, seed=seed
        )
        return balance_figure(rows, country, weighting)
    if kind == "partners":
        return partners_figure(partners(con, country, since=since, until=until, top=top), country)
    if kind == "quadclass":
        return quadclass_figure(quad_mix(con, country, by, since=since, until=until), country)
    raise UsageError(f"unknown plot kind {kind!r}; choose one of {', '.join(KINDS)}")


def plot(con: Any, kind: str, country: str, out_path: str | Path, **opts: Any) -> Path:
    """Write figure ``kind`` (balance, partners, quadclass) for ``country`` to ``out_path``.

    The format follows the suffix (.png at 200 dpi, .svg, .pdf); ``opts`` pass to :func:`figure`.
    """
    out = Path(out_path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"{out}: unsupported figure format {fmt!r}; use .png, .svg or .pdf")
    if kind not in KINDS:
        raise UsageError(f"unknown plot kind {kind!r}; choose one of {', '.join(KINDS)}")
    fig = figure(con, kind, country, **opts)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format=fmt, dpi=200, metadata={"Software": None} if fmt == "png" else None)
    return out
