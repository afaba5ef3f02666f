"""The report in a real headless Chromium (Debian's) driven by Playwright: charts render, no console
errors, nothing wider than the window; a full-page screenshot lands in test-output/report/."""

from __future__ import annotations

from pathlib import Path

import pytest

from multivector.report.html import plotly_js, write_report

OUT = Path(__file__).resolve().parents[2] / "test-output" / "report"


def _fill_many(b) -> None:
    """Two years of BLR events with East and West partners, long titles and sentences to test wrapping."""
    partners = [
        ("RUS", 1, 3.0),
        ("USA", 3, -2.0),
        ("EUR", 4, -8.0),
        ("CHN", 2, 7.0),
        ("DEU", 1, 3.4),
        ("RUS", 2, 6.0),
        ("POL", 3, -4.0),
        ("KAZ", 1, 1.0),
    ]
    for i in range(48):
        partner, quad, g = partners[i % len(partners)]
        aid = f"a{i}"
        date = f"{2023 + i // 24}-{(i // 2) % 12 + 1:02d}-{i % 27 + 1:02d}"
        b.article(aid, date, title=f"Minsk and {partner}: a long headline number {i} " + "word " * 20)
        b.event(
            aid,
            "BLR",
            partner,
            quad=quad,
            goldstein=g,
            sentence=f"Belarus and {partner} did something notable, sentence {i}. " + "Detail " * 40,
        )


@pytest.mark.parametrize("width", [1280, 820])
def test_report_in_browser(browser, store, tmp_path: Path, width: int) -> None:
    if plotly_js() is None:
        pytest.skip("plotly is not installed")
    con, b = store
    _fill_many(b)
    # a quarter with no West/East weight between two that have some: the band must break there
    later = [("gap1", "2025-05-10", "KAZ"), ("gap2", "2025-11-03", "RUS"), ("gap3", "2025-11-20", "USA")]
    later.append(("gap4", "2025-12-02", "POL"))  # three articles: enough evidence for a balance
    for aid, date, partner in later:
        b.article(aid, date, title=f"later {aid}")
        b.event(aid, "BLR", partner, quad=1, goldstein=2.0, sentence=f"Belarus and {partner} talked ({aid}).")
    out = write_report(con, "BLR", tmp_path / "blr.html", n_boot=100)
    OUT.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: r.url.startswith("http") and errors.append("network: " + r.url))
        page.goto(out.as_uri())
        page.wait_for_selector('[data-charts="ready"]', timeout=30_000)
        charts = page.locator(".main-svg").count()
        # the CI band never bridges a period without an interval: every band point has one
        bridged = page.evaluate(
            """() => {
                const d = JSON.parse(document.getElementById('mv-data').textContent).balance;
                const ok = new Set(d.period.filter((p, i) => d.ci_low[i] !== null && d.ci_high[i] !== null)
                                           .map(mvTime));  // the axis is real time: periods as dates
                const bands = document.getElementById('chart-balance').data.filter(t => t.fill === 'toself');
                return [bands.length, bands.flatMap(t => t.x).filter(p => !ok.has(p)).length];
            }"""
        )
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        page.screenshot(path=str(OUT / f"report-{width}.png"), full_page=True)
    finally:
        page.close()
    assert errors == []
    assert bridged[0] >= 2 and bridged[1] == 0  # at least the runs before and after the gap
    assert charts >= 4  # balance band, partners, heatmap, QuadClass mix
    assert overflow <= 0, f"page is {overflow}px wider than the window"
