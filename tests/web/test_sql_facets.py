"""The SQL page, search facets and highlighted hits, and the upload form's metadata fields."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_sql_page_answers_a_select_as_table_csv_and_json(client):
    sql = "SELECT source_country, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1"
    page = client.get("/sql", params={"sql": sql})
    assert page.status_code == 200 and 'id="sql-result"' in page.text and "<td>KAZ</td>" in page.text
    data = client.get("/sql", params={"sql": sql, "format": "json"}).json()
    assert data["columns"] == ["source_country", "n"] and data["rows"][0] == ["KAZ", 4]
    csv_text = client.get("/sql", params={"sql": sql, "format": "csv"}).text
    assert csv_text.splitlines()[0] == "source_country,n" and "KAZ,4" in csv_text


@pytest.mark.parametrize(
    "sql, why",
    [
        ("DELETE FROM events", "only SELECT"),
        ("SELECT 1; DROP TABLE events", "one statement"),
        ("COPY events TO '/tmp/x.csv'", "only SELECT"),
        ("ATTACH '/tmp/other.duckdb'", "only SELECT"),
        ("SELECT * FROM read_text('/etc/hostname')", "Permission"),
        ("SELEC nonsense", "not valid SQL"),
    ],
)
def test_sql_page_refuses_writes_files_and_several_statements(client, sql: str, why: str):
    r = client.get("/sql", params={"sql": sql, "format": "json"})
    assert r.status_code == 400 and why in r.json()["detail"]
    assert client.get("/api/overview").json()["counts"]["events"] == 5  # nothing changed


def test_sql_page_limits_rows_and_time(client, monkeypatch):
    import multivector.web.sql as sql_mod

    monkeypatch.setattr(sql_mod, "ROW_LIMIT", 10)
    data = client.get("/sql", params={"sql": "SELECT * FROM range(100)", "format": "json"}).json()
    assert len(data["rows"]) == 10 and data["truncated"] is True
    monkeypatch.setattr(sql_mod, "SECONDS", 0.2)
    slow = "SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range % 7 = b.range"
    r = client.get("/sql", params={"sql": slow, "format": "json"})
    assert r.status_code == 400 and "limit" in r.json()["detail"]


def test_search_facets_count_the_current_results_and_link_to_a_narrower_search(client):
    d = client.get("/api/search", params={"country": "KAZ"}).json()
    facets = d["facets"]
    assert {f["value"]: f["n"] for f in facets["quad_class"]} == {"1": 3, "3": 2}
    assert facets["year"][0]["value"] == "2024"
    assert {"KAZ", "RUS", "USA"} <= {f["value"] for f in facets["country"]}
    page = client.get("/search", params={"country": "KAZ"}).text
    assert "quad_class=3" in page and 'class="facets"' in page
    narrowed = client.get("/api/search", params={"country": "KAZ", "quad_class": "3"}).json()
    assert narrowed["total"] == 2
    assert client.get("/api/search", params={"year": "2023"}).json()["total"] == 0


def test_search_shows_the_sentence_with_the_hit_marked(client):
    page = client.get("/search", params={"q": "criticiz"}).text
    assert '<mark class="hit">criticiz</mark>ed' in page
    assert client.get("/search", params={"q": "<b>"}).status_code == 200  # a query is text, never markup


def test_upload_form_title_date_and_speaker_reach_the_article(tmp_path: Path):
    from fastapi.testclient import TestClient

    from multivector.web.app import create_app

    app = create_app(tmp_path / "u.duckdb", coder=None)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert 'name="title"' in client.get("/upload").text
        r = client.post(
            "/api/ingest",
            data={
                "text": "We signed an agreement with Lithuania on energy.",
                "title": "Statement on energy",
                "date": "2024-03-05",
                "speaker": "POL",
            },
        )
        assert r.status_code == 200, r.text
        art_id = r.json()["files"][0]["articles"][0]["id"]
        art = client.get(f"/api/article/{art_id}").json()["article"]
    assert art["title"] == "Statement on energy" and art["date"] == "2024-03-05"
    assert art["speaker_country"] == "POL"


def test_country_page_links_partners_to_dyads_formats_facts_and_pages_its_events(client):
    page = client.get("/country/KAZ").text
    assert 'href="/dyad/KAZ/RUS"' in page and 'href="/dyad/KAZ/USA"' in page
    assert "5.0 bn USD" in page and "e+" not in page  # facts read as people write them
    assert "Events (5)" in page and 'href="/event/e1"' in page
    assert "page 1 of 1" in page
    from multivector.web.present import human_number

    assert human_number(2400) == "2,400" and human_number(4.0e9, None, "USD") == "4,000,000,000 USD"
    assert human_number(0.35) == "0.35" and human_number(12.25) == "12.2" and human_number(None) == ""


def test_a_cold_country_summary_is_computed_once_for_concurrent_requests(db, monkeypatch):
    import importlib
    import threading
    import time

    from fastapi.testclient import TestClient

    from multivector.web.app import create_app

    balance_mod = importlib.import_module("multivector.analysis.balance")  # the package shadows the name
    calls = []
    real = balance_mod.balance

    def slow_balance(*args, **kwargs):
        calls.append(1)
        time.sleep(0.5)
        return real(*args, **kwargs)

    monkeypatch.setattr(balance_mod, "balance", slow_balance)
    with TestClient(create_app(db, coder=None), base_url="http://127.0.0.1") as client:
        answers = []
        threads = [
            threading.Thread(target=lambda: answers.append(client.get("/api/country/KAZ").status_code))
            for _ in range(6)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert answers == [200] * 6 and len(calls) == 1  # one bootstrap, six answers


def test_country_page_says_how_many_coarse_dated_events_its_chart_leaves_out(db):
    import duckdb
    from fastapi.testclient import TestClient

    from multivector.web.app import create_app

    con = duckdb.connect(str(db))
    con.execute("UPDATE events SET date = '2024' WHERE event_id = 'e4'")  # known only to its year
    con.close()
    with TestClient(create_app(db, coder=None), base_url="http://127.0.0.1") as client:
        quarterly = client.get("/country/KAZ").text
        yearly = client.get("/country/KAZ?by=year").text
        data = client.get("/api/country/KAZ").json()
    assert "1 event(s) dated only to a coarser period than a quarter are not in this chart" in quarterly
    assert 'id="coarse"' not in yearly and data["coarse"] == 1
