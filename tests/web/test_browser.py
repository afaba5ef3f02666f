"""The dashboard in a real headless Chromium (Debian's), driven by Playwright; skipped when absent.

Why a browser at all: TestClient never runs the JavaScript, so only this catches a broken chart, a
failing upload handler or a console error.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

OUT = Path(__file__).resolve().parents[2] / "test-output" / "web"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, make_store):
    import uvicorn

    from multivector.web.app import create_app

    db = make_store(tmp_path_factory.mktemp("browser") / "b.duckdb")
    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(db, coder=None), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(browser, server):
    OUT.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.errors.append("dialog: " + d.message), d.dismiss()))
    yield pg
    ctx.close()


def _shot(pg, name: str) -> None:
    pg.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def test_pages_render_without_errors(page, server):
    for name, url, marker in [
        ("overview", "/", "Latest events"),
        ("country", "/country/KAZ", "Partners"),
        ("dyad", "/dyad/KAZ/RUS", "Evidence"),
        ("article", "/article/a2", "Events"),
        ("event", "/event/e1", "Pattern"),
        ("sql", "/sql", "read-only"),
        ("search-hit", "/search?q=signed", "facets"),
    ]:
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
        assert marker in page.content()
        _shot(page, name)
    page.goto(server + "/country/KAZ")
    page.wait_for_selector("#balance .main-svg", timeout=10_000)  # plotly drew the chart
    assert page.evaluate("document.getElementById('balance').layout.xaxis.type") == "date"
    page.goto(server + "/dyad/KAZ/RUS")
    page.wait_for_selector("#dyad .main-svg", timeout=10_000)
    # real time on the axis: periods sit at their time, so a quarter without data is a visible gap
    assert page.evaluate("document.getElementById('dyad').layout.xaxis.type") == "date"
    assert page.evaluate("[mvTime('2024Q1'), mvTime('2024-03'), mvTime('2024')]") == [
        "2024-02-15",
        "2024-03-15",
        "2024-07-01",
    ]
    page.goto(server + "/article/a2")
    assert "<script>alert(1)</script>" in page.inner_text(".text")  # shown as text, never run
    page.goto(server + "/sql")
    page.click("#sql button")
    page.wait_for_selector("#sql-result td")  # the example query ran and filled a table
    page.goto(server + "/search?q=signed")
    assert page.locator("mark.hit").count() >= 1 and page.locator(".facets a").count() >= 3
    page.goto(server + "/upload")
    assert page.locator("input[name=title]").count() == 1 and page.locator("input[name=date]").count() == 1
    page.goto(server + "/event/e1")
    rows = page.locator("#resolution tr")
    assert rows.count() == 3 and "named in the sentence" in rows.nth(2).inner_text()
    assert "Sign formal agreement" in page.inner_text("h1") and "2024-01-10" in page.inner_text("#event-when")
    assert page.errors == []


def test_filter_then_open_evidence(page, server):
    page.goto(server + "/search")
    page.fill("input[name=country]", "USA")
    page.click("#filters button")
    page.wait_for_url("**country=USA**")
    assert "2 results" in page.content()
    _shot(page, "search")
    page.click("a.ev >> nth=0")
    page.wait_for_selector("blockquote.evidence mark.trigger")
    assert page.inner_text("mark.source") in {"Kazakhstan", "United States"}
    assert page.errors == []


def test_upload_and_download(page, server, tmp_path):
    text = (
        "Uzbekistan and China agreed on a railway project during talks in Tashkent this week. "
        "Ministers said the line will connect Kashgar with the Fergana valley. "
    ) * 2
    f = tmp_path / "uzb.txt"
    f.write_text(text)
    page.goto(server + "/upload")
    page.set_input_files("input[name=files]", str(f))
    page.click("#upload button")
    page.wait_for_selector("#result li a")
    _shot(page, "upload")
    page.click("#result li a")
    page.wait_for_selector(".text")
    assert "Tashkent" in page.inner_text(".text")
    page.goto(server + "/search?country=KAZ")
    with page.expect_download() as dl:
        page.click("a.csv")
    content = Path(dl.value.path()).read_text()
    assert content.splitlines()[0].startswith("event_id,") and "e1" in content
    assert page.errors == []
