"""Every page and API route over a five-event store, with exact counts."""

from __future__ import annotations

import csv
import io

import pytest


def test_overview_counts_and_latest(client):
    r = client.get("/")
    assert r.status_code == 200
    assert "Tokayev visits Moscow" not in r.text  # events list shows events, not titles
    data = client.get("/api/overview").json()
    assert data["counts"]["articles"] == 3 and data["counts"]["events"] == 5
    assert data["top_actors"][0] == {"country": "KAZ", "events": 5}
    assert [e["event_id"] for e in data["latest"]][:2] == ["e4", "e5"]


def test_country_page_and_api(client):
    r = client.get("/country/kaz")
    assert r.status_code == 200 and "Balance index" in r.text and "/static/plotly.min.js" in r.text
    d = client.get("/api/country/KAZ?by=quarter").json()
    periods = {row["period"] for row in d["balance"]}
    assert "2024Q1" in periods
    assert {p["partner"] for p in d["partners"]} >= {"RUS", "USA"}
    assert d["facts"][0]["kind"] == "trade"
    assert client.get("/api/country/KAZ?by=decade").status_code == 422


def test_dyad_page_both_directions(client):
    d = client.get("/api/dyad/KAZ/USA").json()
    assert sum(r["events"] for r in d["ab"]) == 1 and sum(r["events"] for r in d["ba"]) == 1
    assert {e["event_id"] for e in d["evidence"]} == {"e2", "e5"} and d["total"] == 2
    assert client.get("/dyad/KAZ/USA").status_code == 200


def test_event_page_highlights(client):
    r = client.get("/event/e1")
    assert r.status_code == 200
    assert '<mark class="trigger">signed</mark>' in r.text
    assert '<mark class="source">Kazakhstan</mark>' in r.text
    assert '<mark class="target">Russia</mark>' in r.text
    assert "p.057" in r.text and 'href="/article/a1"' in r.text
    assert client.get("/event/nope").status_code == 404
    ev = client.get("/api/event/e1").json()["event"]
    assert ev["trigger"] == "signed" and ev["article_title"] == "Tokayev visits Moscow"
    assert 'href="/article/a1">Tokayev visits Moscow</a>' in r.text


def test_article_page(client):
    r = client.get("/article/a1")
    assert r.status_code == 200
    assert '<mark class="evsent">Kazakhstan signed an agreement with Russia.</mark>' in r.text
    api = client.get("/api/article/a1").json()
    assert api["text"].startswith("Kazakhstan signed") and len(api["events"]) == 2
    assert client.get("/article/missing").status_code == 404


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("", {"e1", "e2", "e3", "e4", "e5"}),
        ("country=USA", {"e2", "e5"}),
        ("quad_class=3", {"e3", "e4"}),
        ("root=11", {"e4"}),
        ("since=2024-04-01&until=2024-04-30", {"e3"}),
        ("lang=ru", {"e4", "e5"}),
        ("actor=united", {"e2", "e5"}),
    ],
)
def test_event_filters(client, query, ids):
    d = client.get(f"/api/search?kind=events&{query}").json()
    assert {r["event_id"] for r in d["rows"]} == ids and d["total"] == len(ids)


def test_article_search_and_bad_filter(client):
    d = client.get("/api/search?kind=articles&country=USA").json()
    assert {r["id"] for r in d["rows"]} == {"a1", "a3"}
    assert client.get("/search?quad_class=9").status_code == 422
    assert client.get("/search?kind=articles&q=Astana").status_code == 200


def test_paging(client):
    from multivector.web import app as web

    assert web.PAGE >= 5  # so page 2 of the five events is empty
    d = client.get("/api/search?page=2").json()
    assert d["rows"] == [] and d["total"] == 5 and d["page"] == 2


def test_csv_and_json_downloads(client):
    r = client.get("/search?country=USA&format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["event_id"] for row in rows} == {"e2", "e5"}
    j = client.get("/search?country=USA&format=json").json()
    assert {row["event_id"] for row in j} == {"e2", "e5"}
    assert len(client.get("/country/KAZ?format=json").json()) >= 2
    assert "event_id" in client.get("/dyad/KAZ/RUS?format=csv").text


def test_openapi_and_static(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/overview", "/api/search", "/api/ingest", "/api/event/{event_id}"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    assert client.get("/static/own/app.js").status_code == 200


def test_event_page_shows_date_labels_confidence_and_how_each_actor_was_found(db):
    import duckdb
    from fastapi.testclient import TestClient

    from multivector.web.app import create_app

    con = duckdb.connect(str(db))
    con.execute(
        "UPDATE events SET confidence = 0.83, source_via = 'speaker:tag Kassym-Jomart Tokayev' "
        "WHERE event_id = 'e1'"
    )
    con.close()
    with TestClient(create_app(db, coder=None), base_url="http://127.0.0.1") as client:
        page = client.get("/event/e1").text
        data = client.get("/api/event/e1").json()
    assert "2024-01-10" in page
    assert "Sign formal agreement" in page  # the CAMEO label beside 057
    assert "Engage in diplomatic cooperation" in page and "verbal cooperation" in page  # root, QuadClass
    assert "0.83" in page
    assert "the current speaker (tag Kassym-Jomart Tokayev)" in page
    assert "named in the sentence" in page  # the target was named
    source, target = data["actors"]
    assert source["role"] == "source" and source["found"].startswith("first person")
    assert target["country"] == "RUS" and target["found"] == "named in the sentence"
    assert data["event"]["cameo_label"] == "Sign formal agreement"


def test_template_rows_read_keys_as_jinja_would(tmp_path):
    from multivector.web.present import template_env

    (tmp_path / "t.html").write_text(
        "{{ r.name }}|{{ r.missing }}|{{ r.values() | list | length }}|{{ o.real }}|{{ r['name'] }}"
    )
    env = template_env(tmp_path)
    row = {"name": "<Kazakhstan>", "values": "shadowed"}
    # a key named like a dict method leaves the method in place, as plain Jinja does
    out = env.get_template("t.html").render(r=row, o=3)
    assert out == "&lt;Kazakhstan&gt;||2|3|&lt;Kazakhstan&gt;"
