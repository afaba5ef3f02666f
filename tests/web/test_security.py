"""Untrusted text renders as text; the server binds locally unless told otherwise."""

from __future__ import annotations

import json

import pytest

from multivector.errors import UsageError


def test_article_html_is_escaped(client):
    r = client.get("/article/a2")
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "<img src=x" not in r.text and "&lt;img src=x onerror=" in r.text
    assert "<b>Evil</b>" not in r.text and "&lt;b&gt;Evil&lt;/b&gt;" in r.text


def test_event_and_lists_escape_actor_names(client):
    for url in ("/event/e3", "/search?country=RUS", "/dyad/KAZ/RUS", "/"):
        body = client.get(url).text
        assert "<img onerror=x>" not in body and "<script>alert" not in body, url


def test_uploaded_script_is_escaped(client):
    text = (
        "Georgia condemned Russia over the new border fences near South Ossetia on Tuesday. "
        "<script>alert(1)</script> <img src=y onerror=alert(3)> Officials in Tbilisi protested. "
    ) * 2
    r = client.post("/api/ingest", data={"text": text, "name": "evil.txt"})
    assert r.status_code == 200, r.text
    aid = r.json()["files"][0]["articles"][0]["id"]
    page = client.get(f"/article/{aid}").text
    # the cleaner may strip markup; whatever survives must not be live HTML
    assert "Tbilisi protested" in page
    assert "<script>alert(1)" not in page and "<img src=y" not in page


def test_bind_guard(capsys):
    from multivector.web.app import check_bind

    check_bind("127.0.0.1", False)
    check_bind("localhost", False)
    with pytest.raises(UsageError, match="allow_remote"):
        check_bind("0.0.0.0", False)
    check_bind("0.0.0.0", True)
    assert "warning" in capsys.readouterr().err


def test_serve_refuses_remote_before_opening(tmp_path):
    from multivector.web.app import serve

    with pytest.raises(UsageError):
        serve(tmp_path / "never.duckdb", host="0.0.0.0")
    assert not (tmp_path / "never.duckdb").exists()


def _ingest(client, url: str, day: str = "Monday", **headers: str):
    record = {
        "text": f"Poland signed an energy agreement with Lithuania in Vilnius on {day}, officials said.",
        "url": url,
    }
    files = {"files": ("one.jsonl", (json.dumps(record) + "\n").encode())}
    r = client.post("/api/ingest", files=files, headers=headers)
    return r


def test_script_urls_are_never_links(client):
    r = _ingest(client, "javascript:alert(document.domain)")
    assert r.status_code == 200, r.text
    aid = r.json()["files"][0]["articles"][0]["id"]
    page = client.get(f"/article/{aid}").text
    assert 'href="javascript:' not in page and "not a web link" in page
    ok = _ingest(client, "https://example.org/news/1", "Tuesday").json()["files"][0]["articles"][0]["id"]
    assert 'href="https://example.org/news/1"' in client.get(f"/article/{ok}").text


def test_safe_url_schemes():
    from multivector.web.app import safe_url

    assert safe_url("https://a.org/x") == "https://a.org/x"
    assert safe_url("/article/1") == "/article/1"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:x",
        "data:text/html,x",
        "//evil.org/x",
        "java\nscript:x",
        None,
    ):
        assert safe_url(bad) is None, bad


def test_every_page_carries_security_headers(client):
    for url in ("/", "/docs", "/api/overview", "/search", "/no-such-page"):
        r = client.get(url)
        assert "script-src 'self'" in r.headers["content-security-policy"], url
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in client.get("/country/POL").text  # inline script would break under the CSP


def test_an_internal_error_is_a_500_with_the_same_headers_and_is_not_cached(db):
    """The guard and the page cache sit outside FastAPI's middleware: its 500 page still passes both."""
    from fastapi.testclient import TestClient

    from multivector.web.app import create_app

    app = create_app(db, coder=None)

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        for _ in range(2):
            r = c.get("/boom")
            assert r.status_code == 500
            assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert not app.state.pages.entries
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400


def test_api_docs_are_served_offline(client):
    body = client.get("/docs").text
    assert "/api/ingest" in body and "cdn" not in body.lower()
    assert client.get("/openapi.json").json()["paths"]


def test_foreign_host_and_cross_site_posts_are_refused(client):
    assert client.get("/", headers={"host": "attacker.example:8000"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert _ingest(client, "", origin="http://attacker.example").status_code == 403
    assert _ingest(client, "", **{"sec-fetch-site": "cross-site"}).status_code == 403
    assert (
        _ingest(client, "", origin="http://127.0.0.1:8000", **{"sec-fetch-site": "same-origin"}).status_code
        == 200
    )


def test_page_numbers_out_of_range_are_4xx(client):
    for url in (
        "/search?page=9223372036854775807",
        "/search?page=0",
        "/api/search?page=-3",
        "/dyad/KAZ/RUS?page=x",
    ):
        assert 400 <= client.get(url).status_code < 500, url


def test_oversized_body_is_refused_while_streaming(client):
    from multivector.web.app import MAX_UPLOAD

    def chunks():
        for _ in range(MAX_UPLOAD // (1 << 20) + 2):
            yield b"x" * (1 << 20)

    r = client.post(
        "/api/ingest", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert r.status_code == 413


def test_long_file_names_are_shortened_not_lost(client):
    text = b"Poland signed an energy agreement with Lithuania in Vilnius on Monday, officials said."
    files = [
        ("files", ("n" * 400 + ".txt", text)),
        ("files", ("short.txt", text.replace(b"Monday", b"Friday"))),
    ]
    r = client.post("/api/ingest", files=files)
    assert r.status_code == 200, r.text
    assert [bool(f["articles"]) for f in r.json()["files"]] == [True, True]


def test_csv_downloads_neutralise_formulas(client):
    r = _ingest(client, "")
    assert r.status_code == 200
    from multivector.output import neutralise

    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)" and neutralise("-2.5") == "-2.5"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)" and neutralise("plain") == "plain"
