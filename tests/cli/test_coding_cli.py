"""End to end through the CLI: code (no store), run (ingest + code + store), events, explain, export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multivector.cli import app
from multivector.store import Store

runner = CliRunner()

VISIT = (
    "Tokayev flies to Moscow\nMarch 3, 2024\n\n"
    "Kazakhstan's President Kassym-Jomart Tokayev arrived in Moscow on Sunday for talks with Vladimir "
    "Putin. Trade between Kazakhstan and Russia reached $28 billion in 2023. "
    "Kazakhstan and Russia signed an agreement on gas transit during the visit. "
    "The European Union criticized Russia over the detention of journalists.\n\nLeave a Reply\n"
)
SANCTIONS = (
    "Brussels widens measures\nJune 21, 2021\n\n"
    "The European Union imposed sanctions on Belarus after the forced landing of a passenger jet in Minsk. "
    "Belarus accused the European Union of interfering in its internal affairs.\n"
)


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("MULTIVECTOR_CACHE", str(tmp_path / "cache"))
    d = tmp_path / "in"
    d.mkdir()
    (d / "visit.txt").write_text(VISIT, encoding="utf-8")
    (d / "sanctions.txt").write_text(SANCTIONS, encoding="utf-8")
    (d / "broken.html").write_bytes(b"\x00\x01\x02\xff" * 50)
    return d


def _ev(db: Path, *args: str) -> list[dict]:
    return _jsonl(runner.invoke(app, ["events", "--db", str(db), *args, "-f", "jsonl"]).stdout)


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_code_prints_events_with_evidence_and_reports_bad_input(inputs: Path) -> None:
    res = runner.invoke(app, ["code", str(inputs), "-f", "jsonl"])
    assert res.exit_code == 1  # the binary file failed, the rest was coded
    assert "broken.html" in res.stderr
    events = _jsonl(res.stdout)
    dyads = {
        (e["source"]["country"], e["cameo"][:2], e["target"]["country"] if e["target"] else None)
        for e in events
    }
    assert ("EUR", "16", "BLR") in dyads  # sanctions: root 16, material conflict
    assert any(s == "KAZ" and t == "RUS" and r in ("03", "04", "05") for s, r, t in dyads)
    for e in events:
        assert set(e) >= {
            "article_id",
            "event_id",
            "date",
            "source",
            "target",
            "cameo",
            "root",
            "quad_class",
            "goldstein",
            "plover",
            "negated",
            "modality",
            "sentence",
            "span",
            "trigger",
        }
        assert e["negated"] is False and (e["sentence"] in VISIT or e["sentence"] in SANCTIONS)
        assert "Leave a Reply" not in e["sentence"]
    gdelt = runner.invoke(app, ["code", str(inputs / "sanctions.txt"), "-f", "gdelt"])
    rows = [line.split("\t") for line in gdelt.stdout.splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    assert any(r[26] == "163" or r[28] == "16" for r in rows)  # EventCode / EventRootCode columns


def test_run_is_idempotent_and_completes_uncoded_articles(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    # articles stored by a plain ingest (or a run killed before coding) are coded by the next run
    assert runner.invoke(app, ["ingest", str(inputs / "visit.txt"), "--db", str(db)]).exit_code == 0
    first = runner.invoke(app, ["run", str(inputs), "--db", str(db)])
    assert first.exit_code == 1 and "broken.html" in first.stderr
    with Store(db, read_only=True) as s:
        counts = s.counts()
    assert counts["articles"] == 2 and counts["coded"] == 2 and counts["events"] > 3
    again = runner.invoke(app, ["run", str(inputs), "--db", str(db)])
    assert "0 coded (2 already coded)" in again.stderr
    with Store(db, read_only=True) as s:
        assert s.counts() == counts
    forced = runner.invoke(app, ["run", str(inputs), "--db", str(db), "--recode"])
    assert "2 coded" in forced.stderr
    with Store(db, read_only=True) as s:
        assert s.counts() == counts  # re-coding replaces, never doubles


@pytest.fixture
def store_db(inputs: Path, tmp_path: Path) -> Path:
    db = tmp_path / "e.duckdb"
    runner.invoke(app, ["run", str(inputs), "--db", str(db)])
    return db


def test_events_filters_and_formats(store_db: Path) -> None:
    all_ev = _jsonl(runner.invoke(app, ["events", "--db", str(store_db), "-f", "jsonl"]).stdout)
    blr = _jsonl(runner.invoke(app, ["events", "--db", str(store_db), "-c", "BLR", "-f", "jsonl"]).stdout)
    assert 0 < len(blr) < len(all_ev)
    assert all("BLR" in (e["source"]["country"], (e["target"] or {}).get("country")) for e in blr)
    conflict = _ev(store_db, "--quad", "4")
    assert conflict and all(e["quad_class"] == 4 for e in conflict)
    since = _jsonl(
        runner.invoke(app, ["events", "--db", str(store_db), "--since", "2024-01-01", "-f", "jsonl"]).stdout
    )
    assert since and all(e["date"] >= "2024-01-01" for e in since)
    tsv = runner.invoke(app, ["events", "--db", str(store_db), "-f", "tsv"]).stdout.splitlines()
    assert (
        tsv[0].split("\t")[:4] == ["article_id", "source_id", "event_id", "date"]
        and len(tsv) == len(all_ev) + 1
    )
    flat = list(
        csv.DictReader(runner.invoke(app, ["events", "--db", str(store_db), "-f", "csv"]).stdout.splitlines())
    )
    assert len(flat) == len(all_ev) and {
        "source_country",
        "target_agent",
        "cameo_label",
        "span_start",
    } <= set(flat[0])
    assert not any(v.startswith(("{", "[")) for row in flat for v in row.values() if v)  # no JSON in a cell
    assert all(row["cameo_label"] for row in flat) and all("cameo_label" in e for e in all_ev)
    table = runner.invoke(app, ["events", "--db", str(store_db), "--limit", "2"])
    assert table.exit_code == 0 and "events" in table.stdout


def test_explain_shows_sentence_pattern_and_path(store_db: Path) -> None:
    ev = _ev(store_db, "--cameo", "16")[0]
    res = runner.invoke(app, ["explain", ev["event_id"], "--db", str(store_db), "--json"])
    info = json.loads(res.stdout)
    assert info["sentence"] == ev["sentence"] and info["pattern"]["code"] == ev["cameo"]
    assert info["article"]["date"] == "2021-06-21" and info["source_path"]  # parse path to the source
    human = runner.invoke(app, ["explain", ev["event_id"][:8], "--db", str(store_db)])
    assert human.exit_code == 0 and "pattern" in human.stdout and "sanction" in human.stdout.lower()
    missing = runner.invoke(app, ["explain", "ffffffffffff", "--db", str(store_db)])
    assert missing.exit_code == 2 and "no event" in missing.stderr


def test_export_every_table_and_format(store_db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    with Store(store_db, read_only=True) as s:
        counts = s.counts()
    assert counts["facts"] >= 1
    out = tmp_path / "x"
    for what in ("events", "mentions", "articles", "facts"):
        for fmt in ("parquet", "csv", "jsonl"):
            path = out / f"{what}.{fmt}"
            args = ["export", "--what", what, "-f", fmt, "-o", str(path), "--db", str(store_db)]
            res = runner.invoke(app, args)
            assert res.exit_code == 0, res.stderr
            if fmt == "parquet":
                assert pq.read_table(path).num_rows == counts[what]
            elif fmt == "csv":
                with path.open(encoding="utf-8") as fh:
                    assert len(list(csv.reader(fh))) == counts[what] + 1
            else:
                assert len(path.read_text(encoding="utf-8").splitlines()) == counts[what]
    gd = out / "events.gdelt.tsv"
    assert runner.invoke(app, ["export", "-f", "gdelt", "-o", str(gd), "--db", str(store_db)]).exit_code == 0
    rows = [r.split("\t") for r in gd.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == counts["events"] and {len(r) for r in rows} == {61}
    assert all("#chars=" in r[60] for r in rows)
    args = ["export", "--what", "articles", "-f", "gdelt", "-o", str(gd), "--db", str(store_db)]
    bad = runner.invoke(app, args)
    assert bad.exit_code == 2 and "events only" in bad.stderr


def test_evaluate_prints_one_table(corpora_dir: Path) -> None:
    if not (corpora_dir / "bbn-accent-dedup").is_dir():
        pytest.skip("bbn-accent-dedup missing")
    res = runner.invoke(app, ["evaluate", "--corpora", str(corpora_dir), "--only", "stories", "-f", "jsonl"])
    rows = _jsonl(res.stdout)
    assert {r["metric"] for r in rows} == {"B-cubed F1", "ARI"}
    assert all(0.5 < r["value"] <= 1 for r in rows)
    bad = runner.invoke(app, ["evaluate", "--corpora", str(corpora_dir), "--only", "nonsense"])
    assert bad.exit_code == 2


def test_russian_is_coded_and_other_languages_get_a_notice(tmp_path):
    doc = tmp_path / "mixed.jsonl"
    rows = [
        {"text": "Армения и Грузия подписали в Тбилиси соглашение о железнодорожном сообщении."},
        {"text": "Вірменія та Грузія підписали в Тбілісі угоду про залізничне сполучення між країнами."},
        {"text": "Poland signed an energy agreement with Lithuania in Vilnius on Monday, officials said."},
    ]
    doc.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    res = CliRunner().invoke(app, ["code", str(doc), "--no-cache", "-j", "1"])
    assert res.exit_code == 0, res.output
    assert "1 article(s) in languages whose events are not coded yet: uk 1" in " ".join(res.output.split())
    events = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    pairs = {(e["source"]["country"], (e["target"] or {}).get("country")) for e in events}
    assert {("ARM", "GEO"), ("GEO", "ARM"), ("POL", "LTU")} <= pairs


def test_the_inputs_own_id_reaches_the_gdelt_provenance(tmp_path):
    doc = tmp_path / "wire.jsonl"
    text = "Poland signed an energy agreement with Lithuania in Vilnius on Monday, officials said."
    doc.write_text(json.dumps({"id": "wire/4711", "text": text, "date": "2024-05-06"}) + "\n")
    db = str(tmp_path / "w.duckdb")
    assert CliRunner().invoke(app, ["run", str(doc), "--db", db, "--no-cache", "-j", "1"]).exit_code == 0
    lines = CliRunner().invoke(app, ["events", "--db", db, "-f", "gdelt"]).stdout.splitlines()
    assert lines and all(line.split("\t")[-1].endswith("&source_id=wire%2F4711") for line in lines)
    coded = CliRunner().invoke(app, ["code", str(doc), "-f", "gdelt", "--no-cache", "-j", "1"]).stdout
    assert "&source_id=wire%2F4711" in coded
    stored = [
        json.loads(x)
        for x in CliRunner().invoke(app, ["events", "--db", db, "-f", "jsonl"]).stdout.splitlines()
    ]
    assert stored and {e["source_id"] for e in stored} == {"wire/4711"}
    fresh = (
        CliRunner().invoke(app, ["code", str(doc), "-f", "csv", "--no-cache", "-j", "1"]).stdout.splitlines()
    )
    assert {r["source_id"] for r in csv.DictReader(fresh)} == {"wire/4711"}


def test_ctrl_c_during_run_says_what_is_stored_and_how_to_resume(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1000):  # long enough (~a minute of coding) that the signal lands mid-run
        body = "".join(
            f"Poland signed energy agreement number {i}-{k} with Lithuania in Vilnius. "
            f"Russia criticised Estonia over border check {i}-{k}. "
            for k in range(8)
        )
        (corpus / f"{i:03d}.txt").write_text(f"Item {i}\n\n{body}\n")
    db = tmp_path / "db.duckdb"
    cmd = [sys.executable, "-m", "multivector", "run", str(corpus), "--db", str(db), "--no-cache", "-j", "1"]
    child = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    while not db.exists() and child.poll() is None:
        time.sleep(0.2)
    time.sleep(3)  # articles are being stored and coded
    child.send_signal(signal.SIGINT)
    err = child.communicate(timeout=120)[1]
    assert child.returncode == 130, err
    assert "interrupted:" in err and "articles" in err and "again to resume" in err
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with Store(db, read_only=True) as store:
        assert store.count("articles") == 1000
        assert store.con.execute("SELECT count(*) FROM coded").fetchone()[0] == 1000


def test_explain_says_how_a_pronoun_actor_was_found(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(
        "Energy talks\nMarch 4, 2024\n\nLithuania hosted energy talks in Vilnius on Monday. "
        "It later signed a gas agreement with Poland.\n"
    )
    db = tmp_path / "db.duckdb"
    assert runner.invoke(app, ["run", str(doc), "--db", str(db), "--no-cache", "-j", "1"]).exit_code == 0
    events = [
        json.loads(x)
        for x in runner.invoke(app, ["events", "--db", str(db), "-f", "jsonl"]).stdout.splitlines()
    ]
    signed = next(e for e in events if e["trigger"] == "signed")
    assert signed["source"]["country"] == "LTU" and signed["source"]["via"].startswith("anaphor")
    info = json.loads(runner.invoke(app, ["explain", signed["event_id"], "--db", str(db), "--json"]).stdout)
    assert info["source_found"].startswith("pronoun «It»") and info["target_found"] == "named in the sentence"
    human = runner.invoke(app, ["explain", signed["event_id"], "--db", str(db)]).stdout
    assert "pronoun «It»" in human
