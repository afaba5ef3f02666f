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
    assert set(rows[0]) == {"id", "source_id", "title", "date", "lang", "url", "source_path", "part", "text"}
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


def test_paths_that_look_like_markup_are_printed_as_they_are(tmp_path: Path) -> None:
    odd = tmp_path / "a[/]b"
    odd.mkdir(parents=True)
    (odd / "f.txt").write_text("junk")
    missing = tmp_path / "[bold]x" / "none.txt"
    res = runner.invoke(app, ["ingest", str(odd / "f.txt"), str(missing), "--db", str(tmp_path / "t.duckdb")])
    assert res.exit_code == 1, res.output
    assert f"{odd / 'f.txt'}:" in res.output and f"{missing}:" in res.output


def test_listing_tables_show_titles_with_brackets(tmp_path: Path) -> None:
    doc = tmp_path / "one.jsonl"
    doc.write_text(json.dumps({"title": "[bold]Talks[/] in [red]Minsk", "text": BODY}) + "\n")
    res = runner.invoke(app, ["articles", str(doc)], env={"COLUMNS": "300"})
    assert res.exit_code == 0, res.output
    assert "[bold]Talks[/]" in res.output


def test_folder_furniture_is_skipped_with_a_note_but_read_when_named(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "article.txt").write_text("Talks in Brussels\n\n" + BODY)
    (folder / "README.md").write_text("# How this folder was scraped\n\n" + BODY.replace("Friday", "Monday"))
    (folder / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    (folder / "LICENSE").write_text("Permission is granted to copy these files for any purpose whatsoever.")
    res = runner.invoke(app, ["articles", str(folder), "-f", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert [Path(r["source_path"]).name for r in rows] == ["article.txt"]
    for name in ("README.md", "sitemap.xml", "LICENSE"):
        assert f"skipped {folder / name}" in res.output
    named = runner.invoke(app, ["articles", str(folder / "README.md"), "-f", "jsonl"])
    assert named.exit_code == 0 and "scraped" in named.stdout


def test_a_bad_path_leaves_no_empty_database(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    res = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert res.exit_code == 1 and "not created" in " ".join(res.output.split())
    assert not db.exists()


def test_articles_show_the_inputs_own_id(tmp_path: Path) -> None:
    doc = tmp_path / "ids.jsonl"
    doc.write_text(json.dumps({"id": "wire-4711", "text": BODY}) + "\n")
    res = runner.invoke(app, ["articles", str(doc), "-f", "jsonl"])
    assert json.loads(res.stdout)["source_id"] == "wire-4711"


def test_dask_refuses_options_it_would_ignore(tmp_path: Path) -> None:
    for extra in (["--workers", "2"], ["--actors", str(tmp_path / "a.yaml")]):
        res = runner.invoke(
            app, ["run", str(tmp_path), "--dask", "local", "--db", str(tmp_path / "d.duckdb"), *extra]
        )
        assert res.exit_code == 2 and "does not apply to --dask" in res.output, res.output


def test_columns_pick_and_order_the_output_and_an_unknown_one_is_a_usage_error(tmp_path) -> None:
    import subprocess
    import sys

    doc = tmp_path / "a.txt"
    doc.write_text("Minsk talks\nMay 2, 2022\n\nBelarus hosted talks with Russia in Minsk on Monday.\n")
    cli = [sys.executable, "-m", "multivector", "articles", str(doc)]
    tsv = subprocess.run([*cli, "-f", "tsv", "--columns", "date,id"], capture_output=True, text=True)
    header, row = tsv.stdout.splitlines()
    assert header == "date\tid" and row.startswith("2022-05-02\t") and len(row.split("\t")[1]) == 16
    table = subprocess.run(
        [*cli, "--columns", "id", "--columns", "date", "--columns", "title"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "COLUMNS": "40"},
    )
    art_id = row.split("\t")[1]
    cells: dict[int, str] = {}  # a wrapped cell continues on the next line, in the same column
    for line in table.stdout.splitlines():
        if line.startswith("│"):
            for k, part in enumerate(line.strip("│").split("│")):
                cells[k] = cells.get(k, "") + part.strip()
    assert cells[0] == art_id and cells[1] == "2022-05-02"  # a narrow table wraps ids and dates, never cuts
    bad = subprocess.run([*cli, "--columns", "nope"], capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown column(s) nope" in bad.stderr and "source_id" in bad.stderr
