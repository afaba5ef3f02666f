"""The dashboard's response cache: repeated pages come from memory, uploads make them fresh."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")


def test_repeated_pages_are_served_from_the_cache(client):
    app = client.app
    pages = app.state.pages
    first = client.get("/country/KAZ")
    hits = pages.hits
    again = client.get("/country/KAZ")
    assert again.status_code == 200 and again.text == first.text
    assert pages.hits == hits + 1
    # security headers are added on the way out, also to a cached response
    assert again.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in again.headers
    # another query string is another page
    client.get("/country/KAZ?by=year")
    assert pages.hits == hits + 1


def test_errors_and_state_pages_are_not_kept(client):
    app = client.app
    pages = app.state.pages
    for _ in range(2):
        assert client.get("/event/nope").status_code == 404
        client.get("/sql?sql=SELECT+1")
    assert pages.hits == 0 and not pages.entries


def test_an_upload_makes_every_page_fresh(client):
    app = client.app
    before = client.get("/search?q=Uzbekistan&kind=articles").text
    assert "Tashkent trade fair" not in before
    files = {"files": ("u.txt", b"Tashkent trade fair\n\nUzbekistan hosted a trade fair.", "text/plain")}
    assert client.post("/api/ingest", files=files).status_code == 200
    after = client.get("/search?q=Uzbekistan&kind=articles").text
    assert "Tashkent trade fair" in after
    assert app.state.pages.generation >= 1


def test_result_counts_are_shared_by_pages_and_refreshed_by_an_upload(client):
    """A search's count and facets are computed once for all its pages, and again after an upload."""

    def shown(url: str) -> int:
        return int(re.search(r"(\d+) results", client.get(url).text).group(1))

    url = "/search?q=Uzbekistan&kind=articles"
    before = shown(url)
    assert shown(url + "&page=2") == before  # the next page reuses the count
    text = b"Samarkand summit\n\nUzbekistan hosted a summit in Samarkand."
    files = {"files": ("v.txt", text, "text/plain")}
    assert client.post("/api/ingest", files=files).status_code == 200
    assert shown(url) == before + 1
    assert shown(url + "&page=2") == before + 1
