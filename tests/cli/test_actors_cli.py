"""`multivector resolve` prints one record per phrase and never guesses for unknown phrases."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from multivector.cli import app

runner = CliRunner()


def test_resolve_jsonl_codes_known_and_leaves_unknown_empty() -> None:
    res = runner.invoke(
        app,
        [
            "resolve",
            "the Kremlin",
            "Кремля",
            "the president of Ukraine",
            "Qwxz Blorp",
            "--date",
            "1996-05-01",
            "-f",
            "jsonl",
        ],
    )
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(rows) == 4
    assert (rows[0]["country"], rows[0]["agent"]) == ("RUS", "GOV")
    assert rows[1]["country"] == "RUS"
    assert rows[2]["actor_id"] == "kuchma_leonid"
    assert rows[3]["actor_id"] is None and rows[3]["country"] == "" and rows[3]["agent"] == ""


def test_bad_user_actor_file_is_one_line_usage_error(tmp_path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("- id: 7\n  kind: nonsense\n", encoding="utf-8")
    res = runner.invoke(app, ["resolve", "Minsk", "--actors", str(bad)])
    assert res.exit_code == 2
    assert "mine.yaml" in res.output
