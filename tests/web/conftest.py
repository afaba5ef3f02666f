"""A small hand-built store so every page assertion is exact."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from multivector.records import Article, Event, Fact, Mention
from multivector.store import Store

EVIL = 'Kazakhstan said <script>alert(1)</script> and <img src=x onerror="alert(2)"> today.'


def mention(text: str, country: str, start: int, aid: str, actor: str | None = None) -> Mention:
    return Mention(
        text=text,
        start=start,
        end=start + len(text),
        actor_id=actor,
        name=text,
        country=country,
        agent="GOV",
        article_id=aid,
    )


def build_store(path: Path) -> Path:
    """Three articles (one hostile), five events KAZ/RUS/USA, one fact."""
    arts = [
        Article(
            id="a1",
            title="Tokayev visits Moscow",
            date="2024-01-10",
            date_precision="day",
            lang="en",
            url="https://example.org/a1",
            source_path="t/a1.txt",
            part=0,
            text="Kazakhstan signed an agreement with Russia. Kazakhstan praised the United States.",
        ),
        Article(
            id="a2",
            title="<b>Evil</b> title",
            date="2024-04-02",
            date_precision="day",
            lang="en",
            url=None,
            source_path="t/a2.txt",
            part=0,
            text=EVIL,
        ),
        Article(
            id="a3",
            title="Astana and Washington",
            date="2024-05-03",
            date_precision="day",
            lang="ru",
            url=None,
            source_path="t/a3.txt",
            part=0,
            text="Kazakhstan criticized Russia. The United States met Kazakhstan.",
        ),
    ]
    s1 = "Kazakhstan signed an agreement with Russia."
    s2 = "Kazakhstan praised the United States."

    def ev(eid, aid, date, src, tgt, cameo, quad, gold, sentence, span, trigger):
        return Event(
            event_id=eid,
            article_id=aid,
            date=date,
            source=mention(*src, aid),
            target=mention(*tgt, aid),
            cameo=cameo,
            root=cameo[:2],
            quad_class=quad,
            goldstein=gold,
            plover=None,
            negated=False,
            modality="asserted",
            sentence=sentence,
            span=span,
            trigger=trigger,
            pattern_id="p." + cameo,
        )

    events = [
        ev(
            "e1",
            "a1",
            "2024-01-10",
            ("Kazakhstan", "KAZ", 0),
            ("Russia", "RUS", 36),
            "057",
            1,
            8.0,
            s1,
            (0, len(s1)),
            "signed",
        ),
        ev(
            "e2",
            "a1",
            "2024-01-10",
            ("Kazakhstan", "KAZ", 44),
            ("United States", "USA", 67),
            "051",
            1,
            3.4,
            s2,
            (44, 44 + len(s2)),
            "praised",
        ),
        ev(
            "e3",
            "a2",
            "2024-04-02",
            ("Kazakhstan", "KAZ", 0),
            ("<img onerror=x>", "RUS", 20),
            "012",
            3,
            -0.4,
            EVIL,
            (0, len(EVIL)),
            "said",
        ),
        ev(
            "e4",
            "a3",
            "2024-05-03",
            ("Kazakhstan", "KAZ", 0),
            ("Russia", "RUS", 22),
            "111",
            3,
            -2.0,
            "Kazakhstan criticized Russia.",
            (0, 29),
            "criticized",
        ),
        ev(
            "e5",
            "a3",
            "2024-05-03",
            ("United States", "USA", 30),
            ("Kazakhstan", "KAZ", 52),
            "040",
            1,
            1.0,
            "The United States met Kazakhstan.",
            (30, 63),
            "met",
        ),
    ]
    fact = Fact(
        article_id="a1",
        kind="trade",
        value=5.0,
        unit="bn",
        currency="USD",
        period="2023",
        actors=["KAZ", "RUS"],
        sentence=s1,
        span=(0, len(s1)),
    )
    with Store(path) as store:
        store.add_articles(arts)
        store.add_mentions([e.source for e in events] + [e.target for e in events])
        store.add_events(events)
        store.add_facts([fact])
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "web.duckdb")


@pytest.fixture
def client(db: Path):
    from fastapi.testclient import TestClient

    from multivector.web.app import create_app

    app = create_app(db, coder=None)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="session")
def make_store():
    """``build_store`` as a fixture, for module-scoped servers (test modules cannot import conftest)."""
    return build_store
