"""The analysis commands are thin: each must reach its library function and print pipe-able rows."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))

from mv_synth import Builder

from multivector.cli import app
from multivector.store import migrate

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "a.duckdb"
    con = duckdb.connect(str(path))
    migrate(con)
    b = Builder(con)
    b.article("a1", "2020-01-10")
    b.article("a2", "2020-02-11")
    b.event("a1", "BLR", "RUS", cameo="042")  # cooperation with the East: pushes toward -1
    b.event("a2", "BLR", "USA", cameo="112", quad=3)  # conflict with the West: pushes toward -1
    con.close()
    return str(path)


def _jsonl(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_balance_jsonl_is_east_leaning(db: str) -> None:
    rows = _jsonl(
        runner.invoke(app, ["balance", "--country", "BLR", "--by", "year", "--db", db, "-f", "jsonl"])
    )
    assert [r["period"] for r in rows] == ["2020"]
    # two articles: too thin for a value by default; the raw value and the evidence are still shown
    assert rows[0]["balance"] is None and rows[0]["evidence"].startswith("thin (2 < 3")
    assert rows[0]["balance_raw"] == pytest.approx(-1.0) and rows[0]["ci_low"] is None
    args = ["balance", "--country", "BLR", "--by", "year", "--min-articles", "2", "--db", db, "-f", "jsonl"]
    rows = _jsonl(runner.invoke(app, args))
    assert rows[0]["balance"] == pytest.approx(-1.0) and rows[0]["evidence"] == "ok"


def test_dyads_counts_events_between_pair(db: str) -> None:
    rows = _jsonl(runner.invoke(app, ["dyads", "BLR", "RUS", "--by", "year", "--db", db, "-f", "jsonl"]))
    assert rows[0]["events"] == 1


def test_partners_tsv_has_header_and_rows(db: str) -> None:
    res = runner.invoke(app, ["partners", "--country", "BLR", "--db", db, "-f", "tsv"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 3 and "\t" in lines[0]


def test_report_writes_html(db: str, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["report", "--country", "BLR", "--out", str(out), "--db", db])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["balance", "--country", "BLR", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2


def test_trends_says_why_nothing_came_out(db: str) -> None:
    res = runner.invoke(app, ["trends", "--db", db, "-f", "jsonl"])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == ""
    assert "no trends:" in res.output and "2020-02" in res.output


def test_balance_says_how_many_events_are_dated_too_coarsely(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    con = duckdb.connect(str(path))
    migrate(con)
    b = Builder(con)
    b.article("d1", "2020-01-10")
    b.event("d1", "BLR", "RUS", cameo="042")
    b.article("y1", "2020")
    b.event("y1", "BLR", "USA", cameo="042")  # known only to the year
    con.close()
    quarterly = runner.invoke(
        app, ["balance", "-c", "BLR", "--by", "quarter", "--db", str(path), "-f", "jsonl"]
    )
    assert "1 event(s) dated only to a coarser period than a quarter" in " ".join(quarterly.output.split())
    yearly = runner.invoke(app, ["balance", "-c", "BLR", "--by", "year", "--db", str(path), "-f", "jsonl"])
    assert "coarser period" not in yearly.output
