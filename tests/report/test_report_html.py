"""The HTML report: self-contained, offline, escaped, and consistent with the analysis numbers."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from multivector.analysis.balance import balance
from multivector.report.html import plotly_js, render_report, write_report

EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def _fill(b):
    for i, (date, partner, quad, g) in enumerate(
        [
            ("2024-01-05", "RUS", 1, 3.0),
            ("2024-02-05", "USA", 2, 7.0),
            ("2024-04-05", "RUS", 4, -9.0),
            ("2024-05-05", "DEU", 1, 3.0),
            ("2024-05-06", "CHN", 2, 7.0),
            ("2024-08-01", "USA", 3, -2.0),
        ]
    ):
        aid = f"art{i}"
        b.article(aid, date, title=f"Title {i} {EVIL}")
        b.event(aid, "BLR", partner, quad=quad, goldstein=g, sentence=f"Sentence {i} {EVIL}")
    b.con.execute(
        "INSERT INTO facts (article_id, kind, value, unit, currency, period, actors, sentence)"
        " VALUES ('art0', 'trade', 1.5e9, 'USD', 'USD', '2023', ['BLR', 'RUS'], ?)",
        [f"Trade {EVIL}"],
    )


def _assert_safe(text: str) -> None:
    bundle = plotly_js()
    if bundle:  # the vendored library mentions URLs in strings; our own markup must not load any
        text = text.replace(bundle, "")
    assert "<script>alert" not in text and "<img src=x" not in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text, re.I)
    assert "Content-Security-Policy" in text and "connect-src 'none'" in text


def test_interactive_report_is_offline_escaped_and_consistent(store, tmp_path):
    if plotly_js() is None:
        pytest.skip("plotly is not installed")
    con, b = store
    _fill(b)
    out = write_report(con, "BLR", tmp_path / "r" / "blr.html", n_boot=100)
    text = out.read_text(encoding="utf-8")
    _assert_safe(text)
    assert "<script src" not in text
    assert html.escape(f"Sentence 0 {EVIL}") in text  # evidence shown, escaped
    assert html.escape(f"Title 0 {EVIL}") in text
    assert "Trade " + html.escape(EVIL) in text  # facts table
    data = re.search(r'<script type="application/json" id="mv-data">(.*?)</script>', text, re.S).group(1)
    charts = json.loads(data)
    expected = balance(con, "BLR", n_boot=100)
    assert charts["balance"]["period"] == [r["period"] for r in expected] == ["2024Q1", "2024Q2", "2024Q3"]
    assert charts["balance"]["balance"] == pytest.approx([r["balance"] for r in expected])
    assert set(charts["heat"]["y"]) == {"RUS", "USA", "DEU", "CHN"}


def test_static_report_without_javascript(store):
    con, b = store
    _fill(b)
    text = render_report(con, "BLR", n_boot=50, interactive=False)
    _assert_safe(text)
    assert "<script" not in text
    assert text.count("<svg") >= 3  # balance, partners, quadclass


def test_report_on_empty_store(store, tmp_path):
    con, _ = store
    text = write_report(con, "BLR", tmp_path / "empty.html", n_boot=10, interactive=False).read_text()
    assert "Nothing to show." in text


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed")
def test_report_renders_in_headless_chromium(store, tmp_path):
    if plotly_js() is None:
        pytest.skip("plotly is not installed")
    con, b = store
    _fill(b)
    out = write_report(con, "BLR", tmp_path / "blr.html", n_boot=50)
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=3000",
        "--dump-dom",
        out.as_uri(),
    ]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout
    # the chart script ran to its end under the CSP, and plotly drew all four charts
    assert 'data-charts="ready"' in dom
    assert dom.count('class="main-svg"') >= 4
    assert "<script>alert" not in dom
