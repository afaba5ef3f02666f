"""One self-contained, offline HTML report on a country's East/West balancing.

Why it is built this way:

* **Offline and self-contained.**  plotly.js is read from the installed ``plotly`` package and inlined;
  nothing is fetched from a CDN, and a Content-Security-Policy forbids every network request, so the
  file can be mailed, archived and opened air-gapped.  Without plotly the charts fall back to inline
  SVG drawn by matplotlib (and the heatmap to a coloured table), so the report still works.
* **Untrusted text.**  Titles, sentences and actor names come from crawled news.  Every value that
  reaches HTML goes through ``html.escape``; chart data travels as JSON inside a
  ``<script type="application/json">`` block with ``<``, ``>``, ``&`` escaped, is read with
  ``JSON.parse`` (never evaluated), and labels lose ``<``/``>`` because plotly interprets a few tags.
* **Evidence first.**  Every number has its sentences a click away: the events table shows the
  sentence and the article title and date for each coded event.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from importlib import resources
from pathlib import Path
from typing import Any

from multivector.analysis._sql import fetch_dicts
from multivector.coding.tables import QUAD_NAMES

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)

CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1d2b3a;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;opacity:.85}main{padding:8px 28px 40px;max-width:1200px}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:12px 18px;margin:16px 0}
h2{font-size:17px;margin:4px 0 10px}.note{color:#666;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:12.5px}th,td{border-bottom:1px solid #eee;padding:4px 6px;
text-align:left;vertical-align:top}th{background:#f3f5f7}td.num{text-align:right;white-space:nowrap}
.chart{width:100%;min-height:340px}.West{color:#1f5fa8}.East{color:#c0392b}.China{color:#b36b00}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
@media(max-width:900px){.grid{grid-template-columns:1fr}}
.kpi{display:flex;gap:28px;flex-wrap:wrap}.kpi div{min-width:120px}.kpi b{display:block;font-size:20px}
svg{max-width:100%;height:auto}
"""


def _esc(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return html.escape(f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}")
    return html.escape(str(value), quote=True)


def _label(value: Any) -> str:
    """Chart label: plotly reads <b>, <a href> … inside strings, so angle brackets never reach it."""
    text = "" if value is None else str(value)
    return text.replace("<", "‹").replace(">", "›")[:80]


def _json_script(data: Any) -> str:
    """JSON safe inside a <script> element: no '</script>', no '<!--', no line separators."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, default=str)
    for a, b in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(a, b)
    return text


def _clean(x: Any) -> Any:
    """NaN/inf become null so the JSON is valid and plotly draws gaps."""
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def bands_js() -> str:
    """The confidence-band helper shared with the dashboard (``report/bands.js``)."""
    return (resources.files("multivector.report") / "bands.js").read_text(encoding="utf-8")


def plotly_js() -> str | None:
    """The plotly.js bundle shipped inside the ``plotly`` Python package, or None when not installed."""
    try:
        path = resources.files("plotly") / "package_data" / "plotly.min.js"
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None
    if "</script" in text.lower():  # never happens in released bundles; would end our element early
        text = text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return text


def _table(
    headers: list[str],
    rows: list[list[Any]],
    numeric: set[int] | None = None,
    classes: list[list[str]] | None = None,
) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cells = []
        for j, v in enumerate(row):
            cls = ["num"] if j in numeric else []
            if classes and classes[i][j]:
                cls.append(classes[i][j])
            attr = f' class="{" ".join(cls)}"' if cls else ""
            cells.append(f"<td{attr}>{_esc(v)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        return '<p class="note">Nothing to show.</p>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _collect(
    con: Any,
    country: str,
    *,
    by: str,
    since: str | None,
    until: str | None,
    weighting: str,
    n_boot: int,
    seed: int,
    top: int,
    max_events: int,
) -> dict[str, Any]:
    """Everything the report shows, computed by the analysis functions (SQL-side aggregation)."""
    from multivector.analysis.balance import balance, diversification, partner_periods
    from multivector.analysis.dyads import quad_mix
    from multivector.analysis.stories import stories
    from multivector.analysis.trends import trends

    bal = balance(
        con, country, by=by, since=since, until=until, weighting=weighting, n_boot=n_boot, seed=seed
    )
    div = diversification(con, country, since=since, until=until)
    top_partners = div["partners"][:top]
    names = [p["partner"] for p in top_partners]
    heat = partner_periods(con, country, by, partners_only=names, since=since, until=until) if names else []
    quad = quad_mix(con, country, by, since=since, until=until)
    trend = trends(con, by=by, country=country)
    top_stories = stories(
        con, country=country, since=since, until=until, limit=15, evidence=3, min_mentions=2
    )
    date = "coalesce(e.date, a.date)"
    rng = ""
    params: list[Any] = [country, country]
    if since:
        rng += f" AND {date} >= ?"
        params.append(since)
    if until:
        rng += f" AND substr({date}, 1, length(?)) <= ?"
        params += [until, until]
    events = fetch_dicts(
        con,
        f"""
        SELECT {date} AS date, e.source_name, e.source_country, e.cameo, e.quad_class, e.goldstein,
               e.target_name, e.target_country, e.sentence, a.title, a.date AS article_date, e.article_id,
               coalesce(e.negated, FALSE) AS negated
        FROM events e LEFT JOIN articles a ON a.id = e.article_id
        WHERE (e.source_country = ? OR e.target_country = ?) AND a.duplicate_of IS NULL {rng}
        ORDER BY {date} DESC NULLS LAST, e.event_id LIMIT {int(max_events)}
    """,
        params,
    )
    facts = fetch_dicts(
        con,
        """
        SELECT f.kind, f.value, f.unit, f.currency, f.period, f.actors, f.sentence, a.title, a.date
        FROM facts f LEFT JOIN articles a ON a.id = f.article_id
        WHERE list_contains(f.actors, ?) ORDER BY a.date DESC NULLS LAST, f.kind LIMIT 100
    """,
        [country],
    )
    summary = con.execute(
        f"""
        SELECT count(*), count(DISTINCT e.article_id), min({date}), max({date})
        FROM events e LEFT JOIN articles a ON a.id = e.article_id
        WHERE (e.source_country = ? OR e.target_country = ?) AND a.duplicate_of IS NULL
    """,
        [country, country],
    ).fetchone()
    return {
        "balance": bal,
        "div": div,
        "partners": top_partners,
        "heat": heat,
        "quad": quad,
        "trends": trend,
        "stories": top_stories,
        "events": events,
        "facts": facts,
        "summary": dict(zip(("events", "articles", "first", "last"), summary, strict=True)),
    }


def _chart_data(d: dict[str, Any]) -> dict[str, Any]:
    """Column-oriented, label-sanitised data for the plotly charts."""
    bal = d["balance"]
    periods = sorted({r["period"] for r in d["heat"]})
    names = [p["partner"] for p in d["partners"]]
    cell = {(r["partner"], r["period"]): r for r in d["heat"]}
    z = [[_clean(cell[(n, p)]["goldstein_mean"]) if (n, p) in cell else None for p in periods] for n in names]
    counts = [[cell[(n, p)]["events"] if (n, p) in cell else 0 for p in periods] for n in names]
    return {
        "balance": {k: [_clean(r[k]) for r in bal] for k in ("balance", "ci_low", "ci_high", "west", "east")}
        | {"period": [_label(r["period"]) for r in bal], "articles": [r["articles"] for r in bal]},
        "partners": {
            "name": [_label(p["partner"]) for p in reversed(d["partners"])],
            "share": [p["share"] for p in reversed(d["partners"])],
            "alignment": [_label(p["alignment"] or "not a pole") for p in reversed(d["partners"])],
            "events": [p["events"] for p in reversed(d["partners"])],
        },
        "heat": {"x": [_label(p) for p in periods], "y": [_label(n) for n in names], "z": z, "n": counts},
        "quad": {
            "period": [_label(r["period"]) for r in d["quad"]],
            **{f"q{q}": [r[f"q{q}"] for r in d["quad"]] for q in (1, 2, 3, 4)},
        },
    }


CHART_JS = """
(function(){
  var D = JSON.parse(document.getElementById('mv-data').textContent);
  var cfg = {displaylogo:false, responsive:true};
  var cat = {type:'category', automargin:true};
  var m = {l:60, r:20, t:30, b:70};
  var B = D.balance;
  var T = B.period.map(mvTime);  // a real time axis: a gap between periods is visible as time
  var bands = mvBands(T, B.ci_low, B.ci_high,
                      {fillcolor:'rgba(31,95,168,0.18)', name:'95% CI (article bootstrap)'});
  Plotly.newPlot('chart-balance', bands.concat([
    {x:T, y:B.balance, mode:'lines+markers', name:'balance B', line:{color:'#1f5fa8'}, text:B.period,
     customdata:B.articles, hovertemplate:'%{text}: B=%{y:.2f}<br>%{customdata} articles<extra></extra>'}
  ]), {xaxis:{type:'date', automargin:true},
      yaxis:{range:[-1.05,1.05], zeroline:true, title:{text:'East −1 … +1 West'}},
      margin:m, legend:{orientation:'h'}}, cfg);
  var P = D.partners, col = {West:'#1f5fa8', East:'#c0392b', China:'#e08e0b', neutral:'#8a8a8a'};
  Plotly.newPlot('chart-partners', [{type:'bar', orientation:'h', x:P.share, y:P.name,
    marker:{color:P.alignment.map(function(a){return col[a] || '#c8c8c8';})},
    customdata:P.alignment, text:P.events,
    hovertemplate:'%{y} (%{customdata}): %{x:.1%} of interactions, %{text} events<extra></extra>'}],
    {xaxis:{tickformat:'.0%'}, yaxis:cat, margin:{l:80, r:20, t:20, b:40}}, cfg);
  var H = D.heat;
  Plotly.newPlot('chart-heat', [{type:'heatmap', x:H.x, y:H.y, z:H.z, customdata:H.n, zmin:-10, zmax:10,
    colorscale:[[0,'#c0392b'],[0.5,'#f7f7f7'],[1,'#1f5fa8']], colorbar:{title:{text:'mean Goldstein'}},
    hovertemplate:'%{y}, %{x}: mean %{z:.1f} over %{customdata} events<extra></extra>'}],
    {xaxis:cat, yaxis:cat, margin:m}, cfg);
  var Q = D.quad, names = ['verbal cooperation','material cooperation','verbal conflict','material conflict'],
      qc = ['#7fb3e0','#1f5fa8','#f0a08a','#c0392b'];
  Plotly.newPlot('chart-quad', [1,2,3,4].map(function(q){
    return {type:'bar', x:Q.period, y:Q['q'+q], name:names[q-1], marker:{color:qc[q-1]}};
  }), {barmode:'stack', xaxis:cat, margin:m, legend:{orientation:'h'}}, cfg);
  document.body.setAttribute('data-charts', 'ready');
})();
"""


def _svg(fig: Any) -> str:
    import io

    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    text = buf.getvalue()
    return text[text.index("<svg") :]


def _fallback_charts(d: dict[str, Any], country: str, weighting: str) -> dict[str, str]:
    """Inline SVG (matplotlib) and an HTML heat table when plotly.js is not installed."""
    from multivector.report.plots import balance_figure, partners_figure, quadclass_figure

    out = {
        "balance": _svg(balance_figure(d["balance"], country, weighting)) if d["balance"] else "",
        "partners": _svg(partners_figure(d["partners"], country)) if d["partners"] else "",
        "quad": _svg(quadclass_figure(d["quad"], country)) if d["quad"] else "",
    }
    periods = sorted({r["period"] for r in d["heat"]})
    cell = {(r["partner"], r["period"]): r for r in d["heat"]}
    rows = []
    for p in d["partners"]:
        tds = []
        for per in periods:
            r = cell.get((p["partner"], per))
            if r is None or r["goldstein_mean"] is None:
                tds.append("<td></td>")
                continue
            g = max(-10.0, min(10.0, r["goldstein_mean"]))
            color = f"rgba(31,95,168,{g / 10:.2f})" if g >= 0 else f"rgba(192,57,43,{-g / 10:.2f})"
            tds.append(f'<td class="num" style="background:{color}">{_esc(g)} ({r["events"]})</td>')
        rows.append(f"<tr><th>{_esc(p['partner'])}</th>{''.join(tds)}</tr>")
    head = "".join(f"<th>{_esc(p)}</th>" for p in periods)
    out["heat"] = f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    return out


def render_report(con: Any, country: str, **opts: Any) -> str:
    """The report as an HTML string (see :func:`write_report` for the options)."""
    weighting = opts.get("weighting", "goldstein")
    by = opts.get("by", "quarter")
    d = _collect(
        con,
        country,
        by=by,
        since=opts.get("since"),
        until=opts.get("until"),
        weighting=weighting,
        n_boot=opts.get("n_boot", 1000),
        seed=opts.get("seed", 0),
        top=opts.get("top", 12),
        max_events=opts.get("max_events", 200),
    )
    js = plotly_js() if opts.get("interactive", True) else None
    s = d["summary"]
    latest = next((r for r in reversed(d["balance"]) if r["balance"] is not None), None)
    kpis = [
        ("events", s["events"]),
        ("articles", s["articles"]),
        ("period", f"{s['first'] or '?'} – {s['last'] or '?'}"),
        (f"latest B ({latest['period']})" if latest else "latest B", latest["balance"] if latest else "n/a"),
        ("partner HHI", d["div"]["hhi"] if d["div"]["hhi"] is not None else "n/a"),
        ("effective partners", d["div"]["effective_partners"] or "n/a"),
    ]
    kpi_html = "".join(f"<div><b>{_esc(v)}</b>{_esc(k)}</div>" for k, v in kpis)
    if js:
        charts = {
            k: f'<div id="chart-{k}" class="chart"></div>' for k in ("balance", "partners", "heat", "quad")
        }
    else:
        charts = _fallback_charts(d, country, weighting)
    trend_rows = [
        [
            r["kind"],
            r["key"],
            r["direction"],
            r["latest_articles"],
            r["expected"],
            r["rate_ratio"],
            r["p_value"],
            r["q_value"],
        ]
        for r in d["trends"]
    ]
    story_rows = [
        [
            r["first_date"],
            r["pair"],
            r["code"],
            r["mentions"],
            r["articles"],
            " | ".join(f"{ev.get('title') or ''}: {ev.get('sentence') or ''}" for ev in r["evidence"]),
        ]
        for r in d["stories"]
    ]
    fact_rows = [
        [
            f["date"],
            f["kind"],
            f["value"],
            f["unit"],
            f["currency"],
            f["period"],
            ", ".join(f["actors"] or []),
            f["sentence"],
            f["title"],
        ]
        for f in d["facts"]
    ]
    ev_rows, ev_classes = [], []
    for e in d["events"]:
        code = f"{e['cameo']} ({QUAD_NAMES.get(e['quad_class'], '?')})"
        code += " [negated]" if e["negated"] else ""
        ev_rows.append(
            [
                e["date"],
                e["source_name"] or e["source_country"],
                code,
                e["target_name"] or e["target_country"],
                e["goldstein"],
                e["sentence"],
                f"{e['title'] or e['article_id']} ({e['article_date'] or 'undated'})",
            ]
        )
        ev_classes.append([""] * 7)
    bal_rows = [
        [r["period"], r["balance"], r["ci_low"], r["ci_high"], r["west"], r["east"], r["articles"], r["hhi"]]
        for r in d["balance"]
    ]
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = f"""
<header><h1>{_esc(country)}: East/West balance</h1>
<p>multivector report · generated {_esc(generated)} · periods: {_esc(by)} ·
weights: {_esc(weighting)}</p></header>
<main>
<section><div class="kpi">{kpi_html}</div>
<p class="note">B = (W − E) / (|W| + |E|), W and E the summed weights of events with West- and East-aligned
partners (both directions). +1: all signed weight points West; −1: East. Band: 95% percentile bootstrap
over articles.</p></section>
<section><h2>Balance index over time</h2>{charts["balance"]}
<details><summary>table</summary>{
        _table(
            ["period", "B", "CI low", "CI high", "W", "E", "articles", "HHI"], bal_rows, {1, 2, 3, 4, 5, 6, 7}
        )
    }</details></section>
<div class="grid"><section><h2>Top partners</h2>{charts["partners"]}</section>
<section><h2>QuadClass mix</h2>{charts["quad"]}</section></div>
<section><h2>Dyad heatmap (mean Goldstein per partner and period)</h2>{charts["heat"]}</section>
<section><h2>Recent trends</h2><p class="note">Latest period against its history: exact conditional
Poisson test on distinct-article counts, exposure = articles per period, Benjamini–Hochberg q ≤ 0.05,
at least 3 articles on the side that moves.</p>
{
        _table(
            ["kind", "key", "direction", "articles now", "expected", "rate ratio", "p", "q"],
            trend_rows,
            {3, 4, 5, 6, 7},
        )
    }</section>
<section><h2>Top stories (events reported by several articles)</h2>
{_table(["first date", "pair", "code", "mentions", "articles", "evidence"], story_rows, {3, 4})}
</section>
<section><h2>Facts</h2>{
        _table(
            ["date", "kind", "value", "unit", "currency", "period", "actors", "sentence", "article"],
            fact_rows,
            {2},
        )
    }</section>
<section><h2>Events (latest {len(ev_rows)})</h2>
{
        _table(
            ["date", "source", "event", "target", "Goldstein", "evidence sentence", "article"],
            ev_rows,
            {4},
            ev_classes,
        )
    }</section>
</main>"""
    scripts = ""
    if js:
        data = _json_script(_chart_data(d))
        scripts = (
            f'<script type="application/json" id="mv-data">{data}</script>\n'
            f"<script>{js}</script>\n<script>{bands_js()}\n{CHART_JS}</script>"
        )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(country)} – multivector report</title><style>{CSS}</style></head>
<body>{body}
{scripts}
</body></html>
"""


def write_report(con: Any, country: str, out_path: str | Path, **opts: Any) -> Path:
    """Write the self-contained HTML report for ``country`` to ``out_path`` and return the path.

    Options: ``by`` (period, default quarter), ``since``/``until`` (ISO dates), ``weighting``
    (goldstein|count), ``n_boot``/``seed`` (bootstrap), ``top`` (partners shown), ``max_events``
    (rows of the events table), ``interactive`` (False forces the static SVG charts).
    """
    out = Path(out_path)
    text = render_report(con, country, **opts)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    return out
