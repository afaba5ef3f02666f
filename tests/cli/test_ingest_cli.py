"""End to end through the CLI: articles (no store), ingest (idempotent), stats, and bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multivector.cli import app

runner = CliRunner()

BODY = (
    "Armenia and Azerbaijan resumed border delimitation talks in Brussels on Friday, with the European "
    "Council president chairing the session. Officials described the meeting as constructive and said a "
    "further round would be held before the end of the year."
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(
        "Talks resume in Brussels\nMay 14, 2023\nShare this:\n\n" + BODY + "\n\nLeave a Reply\n"
    )
    (d / "b.jsonl").write_text(
        json.dumps({"text": BODY.replace("Friday", "Monday"), "title": "Round two", "date": "2023-06"})
        + "\n"
        + "{not json\n"
        + json.dumps(
            {
                "text": "Kazakhstan and China signed a transit agreement for grain shipments via Khorgos "
                "and opened a new terminal on the border.",
                "lang": "en",
            }
        )
        + "\n"
    )
    (d / "empty.txt").write_text("")
    (d / "blob.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    return d


def test_articles_jsonl_reports_bad_inputs_and_goes_on(inputs: Path) -> None:
    res = runner.invoke(app, ["articles", str(inputs), "-f", "jsonl"])
    assert res.exit_code == 1
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(rows) == 3
    assert set(rows[0]) == {"id", "title", "date", "lang", "url", "source_path", "part", "text"}
    by_title = {r["title"]: r for r in rows}
    assert by_title["Talks resume in Brussels"]["date"] == "2023-05-14"
    assert by_title["Round two"]["date"] is None  # month precision is not a day: printed as null
    assert [r["part"] for r in rows if r["source_path"].endswith("b.jsonl")] == [0, 1]
    assert "Share this" not in res.stdout
    for bad in ("empty.txt", "blob.bin", "b.jsonl:2"):
        assert bad in res.stderr


def test_ingest_is_idempotent_and_stats_count(inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "m.duckdb")
    first = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert first.exit_code == 1  # some inputs failed, the rest were stored
    assert "3 added" in first.stderr
    again = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert "0 added" in again.stderr and "3 exact duplicates" in again.stderr
    res = runner.invoke(app, ["stats", "--db", db, "-f", "jsonl"])
    assert res.exit_code == 0
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    langs = {r["value"]: r["articles"] for r in rows if r["dimension"] == "lang"}
    assert langs == {"en": 3}


def test_near_duplicate_is_linked_not_dropped(tmp_path: Path) -> None:
    d = tmp_path / "nd"
    d.mkdir()
    long_body = " ".join([BODY] * 3)
    (d / "one.txt").write_text("Headline one\n2023-05-14\n\n" + long_body)
    (d / "two.txt").write_text(
        "Headline two\n2023-05-15\n\n" + long_body.replace("constructive", "useful", 1)
    )
    db = str(tmp_path / "n.duckdb")
    res = runner.invoke(app, ["ingest", str(d), "--db", db])
    assert res.exit_code == 0, res.output
    assert "2 added" in res.stderr and "1 near-duplicates" in res.stderr


def test_stdin_is_read(tmp_path: Path) -> None:
    res = runner.invoke(app, ["articles", "-", "-f", "jsonl"], input="Headline\n2020-01-02\n\n" + BODY)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["date"] == "2020-01-02"
