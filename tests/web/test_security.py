"""Untrusted text renders as text; the server binds locally unless told otherwise."""

from __future__ import annotations

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
