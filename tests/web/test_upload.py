"""Uploads: files and pasted text are ingested (and coded when a coder is given); limits and bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from multivector.records import Event, Mention

LOCAL = "http://127.0.0.1"
LONG = (
    "Armenia and the European Union signed a new partnership agreement in Brussels on Monday. "
    "Officials in Yerevan said the document covers trade, visas and energy cooperation. "
) * 2


def test_upload_files_and_text(client):
    files = [
        ("files", ("a.txt", LONG.encode(), "text/plain")),
        ("files", ("b.txt", LONG.replace("Armenia", "Georgia").encode(), "text/plain")),
    ]
    r = client.post("/api/ingest", files=files)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["added"] == 2 and [f["file"] for f in body["files"]] == ["a.txt", "b.txt"]
    aid = body["files"][0]["articles"][0]["id"]
    assert client.get(f"/article/{aid}").status_code == 200
    assert client.get("/api/overview").json()["counts"]["articles"] == 5
    again = client.post("/api/ingest", files=files[:1]).json()  # idempotent
    assert again["added"] == 0


def test_bad_file_reported_per_file(client):
    files = [
        ("files", ("good.txt", LONG.encode(), "text/plain")),
        ("files", ("bad.json", b"{not json", "application/json")),
    ]
    body = client.post("/api/ingest", files=files).json()
    good, bad = body["files"]
    assert good["articles"] and not good["errors"]
    assert bad["errors"] and "bad.json" in bad["errors"][0] and not bad["articles"]


def test_limits_and_empty(client):
    from multivector.web import app as web

    r = client.post("/api/ingest", files=[("files", ("big.txt", b"x" * (web.MAX_UPLOAD + 10), "text/plain"))])
    assert r.status_code == 413 and "limit" in r.json()["detail"]
    r = client.post("/api/ingest", data={"text": "  "})
    assert r.status_code == 422 and "nothing to ingest" in r.json()["detail"]


def test_upload_calls_coder(db):
    from fastapi.testclient import TestClient

    from multivector.web.app import create_app

    seen = []

    def coder(art):
        seen.append(art.id)
        m = Mention(
            text="Armenia",
            start=0,
            end=7,
            actor_id=None,
            name="Armenia",
            country="ARM",
            agent="GOV",
            article_id=art.id,
        )
        t = Mention(
            text="European Union",
            start=12,
            end=26,
            actor_id="EU",
            name="European Union",
            country="EUR",
            agent="IGO",
            article_id=art.id,
        )
        ev = Event(
            event_id=f"{art.id}-0",
            article_id=art.id,
            date="2024-06-01",
            source=m,
            target=t,
            cameo="057",
            root="05",
            quad_class=1,
            goldstein=8.0,
            plover=None,
            negated=False,
            modality="asserted",
            sentence=art.text[:80],
            span=(0, 80),
            trigger="signed",
        )
        return [ev], [m, t], []

    with TestClient(create_app(db, coder=coder), base_url=LOCAL) as c:
        body = c.post("/api/ingest", data={"text": LONG, "name": "arm.txt"}).json()
        assert body["events"] == 1 and len(seen) == 1
        assert c.get("/api/search?country=ARM").json()["total"] == 1
        # uploading the same text again stores nothing new and codes nothing again
        again = c.post("/api/ingest", data={"text": LONG, "name": "arm.txt"}).json()
        assert again["added"] == 0 and again["events"] == 0 and len(seen) == 1
        assert c.get("/api/search?country=ARM").json()["total"] == 1


def test_read_only_refuses_upload(db):
    from fastapi.testclient import TestClient

    from multivector.web.app import create_app

    with TestClient(create_app(db, read_only=True), base_url=LOCAL) as c:
        assert c.get("/").status_code == 200
        r = c.post("/api/ingest", data={"text": LONG})
        assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_other_process_gets_clear_lock_error(client, db):
    """While the app holds the store, a second process cannot open it and is told why."""
    code = (
        "import sys\nfrom multivector.store import Store\nfrom multivector.errors import StoreError\n"
        "try:\n    Store(sys.argv[1])\nexcept StoreError as e:\n    print(e); sys.exit(3)\n"
    )
    p = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 3 and "locked" in p.stdout and str(os.getpid()) in p.stdout


def test_server_marker_gives_upload_advice(tmp_path: Path):
    from multivector.web.app import lock_message, marker_path, server_info

    db = tmp_path / "m.duckdb"
    assert server_info(db) is None
    marker_path(db).write_text(json.dumps({"pid": os.getpid(), "url": "http://127.0.0.1:9999"}))
    assert "upload files at http://127.0.0.1:9999/upload" in lock_message(db)
    marker_path(db).write_text(json.dumps({"pid": 2**22 + 12345, "url": "http://x"}))  # dead pid
    assert server_info(db) is None


def test_country_summary_is_recomputed_after_an_upload(db):
    """Summaries are memoized per server; an upload must invalidate them (no stale balance)."""
    from fastapi.testclient import TestClient

    from multivector.records import Event, Mention
    from multivector.web.app import create_app

    def fake_coder(art):
        m = Mention("Kazakhstan", 0, 10, "KAZ", "Kazakhstan", "KAZ", "GOV", article_id=art.id)
        t = Mention("China", 20, 25, "CHN", "China", "CHN", "GOV", article_id=art.id)
        ev = Event(
            "up-" + art.id,
            art.id,
            "2024-06-01",
            m,
            t,
            "036",
            "03",
            1,
            4.0,
            None,
            False,
            "asserted",
            art.text[:40],
            (0, 40),
            "met",
        )
        return [ev], [m, t], []

    with TestClient(create_app(db, coder=fake_coder), base_url=LOCAL) as c:
        before = c.get("/api/country/KAZ").json()
        again = c.get("/api/country/KAZ").json()
        assert before == again
        text = "Kazakhstan met China in Astana to discuss transit routes and new rail links to Europe."
        assert c.post("/api/ingest", data={"text": text, "name": "kz.txt"}).status_code == 200
        after = c.get("/api/country/KAZ").json()
    partners = {p["partner"] for p in after["partners"]}
    assert "CHN" in partners and "CHN" not in {p["partner"] for p in before["partners"]}


def test_article_page_and_api_show_the_inputs_own_id(client):
    record = {"id": "wire-0815", "text": LONG.replace("Armenia", "Moldova")}
    files = [("files", ("w.jsonl", (json.dumps(record) + "\n").encode(), "application/json"))]
    body = client.post("/api/ingest", files=files).json()
    aid = body["files"][0]["articles"][0]["id"]
    assert "input id wire-0815" in client.get(f"/article/{aid}").text
    assert client.get(f"/api/article/{aid}").json()["article"]["source_id"] == "wire-0815"
