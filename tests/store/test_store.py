"""Store behaviour: exact and near duplicates, idempotent re-runs, round trips, stats, coded records."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "dedup"))

from dedup_texts import EDITED, OTHER, REPUBLISHED, RIVAL, STORY

from multivector.dedup import story_groups
from multivector.errors import StoreError
from multivector.records import Article, Event, Fact, Mention
from multivector.store import DEFAULT_DB, ENV_VAR, Store, resolve_db_path


def art(
    i: str,
    text: str,
    *,
    path: str = "tass/a.txt",
    part: int = 0,
    url: str | None = None,
    date: str | None = "2021-03-04",
    lang: str = "en",
    **extra: object,
) -> Article:
    return Article(
        id=i,
        title=f"Title {i}",
        date=date,
        date_precision="day" if date else None,
        lang=lang,
        url=url,
        source_path=path,
        part=part,
        text=text,
        extra=dict(extra),
    )


def corpus() -> list[Article]:
    return [
        art("story", STORY),
        art("rival", RIVAL, path="xinhua/b.txt", url="https://www.News.example.com/a?b=1", lang="ru"),
        art("story", STORY, path="mirror/c.txt", part=2),  # exact copy from another file
        art("edited", EDITED, path="akorda/d.txt", date="2022-01-02T10:15:00+06:00"),
        art("other", OTHER, path="tass/e.txt", date=None),
        art("republished", REPUBLISHED, path="mirror/f.txt"),
    ]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "test.duckdb"


def test_resolve_db_path_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_db_path(None) == Path(DEFAULT_DB)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.duckdb"))
    assert resolve_db_path(None) == tmp_path / "env.duckdb"
    assert resolve_db_path(str(tmp_path / "cli.duckdb")) == tmp_path / "cli.duckdb"


def test_store_uses_env_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.duckdb"))
    with Store() as store:
        assert store.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()


def test_new_database_is_private_and_an_existing_one_keeps_its_mode(tmp_path: Path) -> None:
    fresh, shared = tmp_path / "fresh.duckdb", tmp_path / "shared.duckdb"
    with Store(fresh):
        pass
    assert fresh.stat().st_mode & 0o777 == 0o600  # it holds users' text: owner only by default
    with Store(shared):
        pass
    shared.chmod(0o640)  # a user who chose to share it with a group keeps that choice
    with Store(shared):
        pass
    assert shared.stat().st_mode & 0o777 == 0o640


def test_the_write_ahead_log_has_the_database_mode(tmp_path: Path) -> None:
    before = os.umask(0o022)
    try:
        db = tmp_path / "private.duckdb"
        with Store(db) as store:
            store.add_articles([art("wal", "Some text about a visit.")])
            wal = Path(f"{db}.wal")
            assert wal.exists()  # DuckDB keeps the latest writes here until the next checkpoint
            assert wal.stat().st_mode & 0o777 == 0o600, oct(wal.stat().st_mode)
        assert os.umask(0o022) == 0o022  # the process umask is given back after the write
    finally:
        os.umask(before)


def test_exact_and_near_duplicates(db: Path) -> None:
    with Store(db) as store:
        res = store.add_articles(corpus())
        assert (res.added, res.exact_duplicates, res.near_duplicates) == (5, 1, 2)
        assert store.count("articles") == 5
        links = dict(store.duplicate_links())
        assert links == {
            "story": None,
            "rival": None,
            "edited": "story",
            "other": None,
            "republished": "story",
        }
        dups = store.con.execute(
            "SELECT article_id, duplicate_of, kind, source_path, part, similarity FROM duplicates"
            " ORDER BY article_id"
        ).fetchall()
    assert [d[:5] for d in dups] == [
        ("edited", "story", "near", "akorda/d.txt", 0),
        ("republished", "story", "near", "mirror/f.txt", 0),
        ("story", "story", "exact", "mirror/c.txt", 2),
    ]
    assert all(0.7 <= d[5] <= 1.0 for d in dups)


def test_rerun_is_idempotent_and_new_provenance_is_recorded_once(db: Path) -> None:
    with Store(db) as store:
        store.add_articles(corpus())
        before = store.counts()
    with Store(db) as store:
        res = store.add_articles(corpus())
        assert (res.added, res.near_duplicates) == (0, 0)
        assert res.exact_duplicates == len(corpus())
        assert store.counts() == before
        store.add_articles([art("rival", RIVAL, path="late/copy.txt")] * 2)
        store.add_articles([art("rival", RIVAL, path="late/copy.txt")])
        assert store.count("duplicates") == before["duplicates"] + 1


def test_near_duplicates_link_across_runs(db: Path) -> None:
    with Store(db) as store:
        store.add_articles([art("story", STORY)])
    with Store(db) as store:
        res = store.add_articles([art("edited", EDITED, path="x/y.txt")])
        assert res.near_duplicates == 1
        assert store.get_article("edited").duplicate_of == "story"


def test_batches_and_duplicates_inside_one_batch(db: Path) -> None:
    with Store(db, batch_size=2) as store:
        res = store.add_articles([*corpus(), art("edited", EDITED, path="akorda/d.txt")])
        assert (res.added, res.exact_duplicates, res.near_duplicates) == (5, 2, 2)
        assert store.count("duplicates") == 3
        groups = story_groups(store.duplicate_links())
    assert groups["edited"] == groups["republished"] == "story"
    assert groups["rival"] == "rival"


def test_article_round_trip_keeps_full_precision_date_and_extra(db: Path) -> None:
    original = art("edited", EDITED, date="2022-01-02T10:15:00+06:00", feed="akorda", n=3)
    with Store(db) as store:
        store.add_articles([original])
    with Store(db, read_only=True) as store:
        back = store.get_article("edited")
        year = store.con.execute("SELECT year FROM articles").fetchall()[0][0]
        assert store.has_article("edited") and not store.has_article("nope")
    assert back == original
    assert year == 2022


def test_iter_articles_filters_and_streams_in_insertion_order(db: Path) -> None:
    with Store(db) as store:
        store.add_articles(corpus())
        ids = [a.id for a in store.iter_articles(chunk_size=2)]
        assert ids == ["story", "rival", "edited", "other", "republished"]
        assert [a.id for a in store.iter_articles(originals_only=True)] == ["story", "rival", "other"]
        assert [a.id for a in store.iter_articles(lang="ru")] == ["rival"]
        assert [a.id for a in store.iter_articles(ids=["other", "story"])] == ["story", "other"]
        # writing while a reader is open must work (readers use their own cursor)
        reader = store.iter_articles()
        next(reader)
        store.add_articles([art("late", "A short unrelated note about grain prices in the region.")])
        assert len(list(reader)) >= 4


def test_stats_per_source_language_and_year(db: Path) -> None:
    with Store(db) as store:
        store.add_articles(corpus())
    with Store(db, read_only=True) as store:
        rows = store.stats()
    by = {(r["dimension"], r["value"]): r["articles"] for r in rows}
    assert by[("source", "news.example.com")] == 1
    assert by[("source", "tass")] == 2
    assert by[("source", "mirror")] == 1
    assert by[("source", "akorda")] == 1
    assert by[("lang", "en")] == 4 and by[("lang", "ru")] == 1
    assert by[("year", "2021")] == 3 and by[("year", "2022")] == 1 and by[("year", "undated")] == 1
    years = [r["value"] for r in rows if r["dimension"] == "year"]
    assert years[-1] == "undated"


def test_read_only_store_refuses_writes_and_missing_file(db: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store(db, read_only=True)
    Store(db).close()
    with Store(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.add_articles([art("a", STORY)])


def test_unknown_table_and_garbage_file_give_store_errors(tmp_path: Path) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError, match=str(bad)):
        Store(bad)
    with Store(tmp_path / "ok.duckdb") as store, pytest.raises(StoreError, match="unknown table"):
        store.count("articles; DROP TABLE articles")


def mention(article_id: str, start: int, text: str, actor: str | None) -> Mention:
    return Mention(
        text=text,
        start=start,
        end=start + len(text),
        actor_id=actor,
        name=text,
        country="KAZ",
        agent="GOV",
        alignment=None,
        confidence=0.9,
        article_id=article_id,
    )


def event(event_id: str, article_id: str, target: bool = True) -> Event:
    return Event(
        event_id=event_id,
        article_id=article_id,
        date="2021-03-04",
        source=mention(article_id, 0, "Kazakhstan", "KAZGOV"),
        target=mention(article_id, 40, "China", "CHNGOV") if target else None,
        cameo="036",
        root="03",
        quad_class=1,
        goldstein=4.0,
        plover="CONSULT",
        negated=False,
        modality="asserted",
        sentence="Kazakhstan's minister met his Chinese counterpart.",
        span=(0, 50),
        trigger="met",
        pattern_id="p-meet-1",
    )


def test_coded_records_round_trip_and_recode(db: Path) -> None:
    fact = Fact(
        article_id="story",
        kind="trade_value",
        value=3.1e10,
        unit="USD",
        currency="USD",
        period="2024",
        actors=["KAZ", "CHN"],
        sentence="Trade reached a record.",
        span=(5, 28),
    )
    with Store(db) as store:
        store.add_articles(corpus())
        assert store.add_mentions([mention("story", 0, "Kazakhstan", "KAZ")]) == 1
        assert store.add_events([event("e1", "story"), event("e2", "story", target=False)]) == 2
        assert store.add_events([event("e1", "story")]) == 0  # idempotent by event_id
        assert store.add_facts([fact]) == 1
        assert list(store.iter_events("story")) == [event("e1", "story"), event("e2", "story", False)]
        assert list(store.iter_mentions()) == [mention("story", 0, "Kazakhstan", "KAZ")]
        assert list(store.iter_facts()) == [fact]

        with store.transaction():
            deleted = store.delete_for_articles(["story"])
            store.add_events([event("e1", "story")])
        assert deleted == {"mentions": 1, "events": 2, "facts": 1}
        assert store.counts() | {"articles": 0, "duplicates": 0} == {
            "articles": 0,
            "duplicates": 0,
            "mentions": 0,
            "events": 1,
            "facts": 0,
            "coded": 0,
        }


def test_failed_transaction_rolls_back_everything(db: Path) -> None:
    with Store(db) as store:
        store.add_articles([art("story", STORY)])
        with pytest.raises(RuntimeError), store.transaction():
            store.add_events([event("e1", "story")])
            store.add_articles([art("rival", RIVAL)])
            raise RuntimeError("coder crashed")
        assert store.counts()["events"] == 0
        assert not store.has_article("rival")
        # the in-memory duplicate index forgot the rolled-back article too
        res = store.add_articles([art("rival-copy", RIVAL)])
        assert (res.added, res.near_duplicates) == (1, 0)


def test_malformed_article_rejects_its_batch_only(db: Path) -> None:
    with Store(db, batch_size=2) as store:
        store.add_articles([art("story", STORY)])
        bad = art("", RIVAL, path="broken/x.json")
        with pytest.raises(StoreError, match=r"broken/x\.json: article '' .*no id"):
            store.add_articles([art("other", OTHER), bad])
        assert store.counts()["articles"] == 1
        assert store.add_articles([art("other", OTHER)]).added == 1


def test_upstream_duplicate_link_is_kept_only_when_its_target_is_stored(db: Path) -> None:
    linked = art("other", OTHER)
    linked.duplicate_of = "story"
    dangling = art("rival", RIVAL)
    dangling.duplicate_of = "missing"
    with Store(db) as store:
        res = store.add_articles([art("story", STORY), linked, dangling])
        assert res.near_duplicates == 1
        assert store.get_article("other").duplicate_of == "story"
        assert store.get_article("rival").duplicate_of is None
        assert store.story_groups() == {"story": "story", "other": "story", "rival": "rival"}
        sims = store.con.execute("SELECT similarity FROM duplicates WHERE article_id = 'other'").fetchall()
    assert sims == [(None,)]


@pytest.mark.parametrize(
    ("url", "path", "source"),
    [
        ("https://www.akorda.kz/en/news?id=1", "dump.jsonl", "akorda.kz"),
        ("http://user@EN.Kremlin.RU:8080/events", "x.warc.gz", "en.kremlin.ru"),
        (None, "./mfa/2021/a.html", "mfa"),
        (None, "C:\\corpus\\b.txt", "C:"),
        (None, "note.txt", "note.txt"),
        ("not a url", "feeds/rss.xml", "feeds"),
    ],
)
def test_stats_source_is_url_host_else_top_folder(db: Path, url: str | None, path: str, source: str) -> None:
    with Store(db) as store:
        store.add_articles([art("a", STORY, url=url, path=path)])
        values = [r["value"] for r in store.stats() if r["dimension"] == "source"]
    assert values == [source]


def test_replace_coded_marks_articles_and_swaps_rows_atomically(db: Path) -> None:
    """`run` relies on this: uncoded() names what still needs coding; replace_coded() never doubles."""
    with Store(db) as store:
        store.add_articles([art("story", STORY), art("other", OTHER, path="b.txt")])
        ids = ["story", "other"]
        assert store.uncoded([*ids, "not-stored"], "v1") == set(ids)
        evs = [event("e1", ids[0]), event("e2", ids[0], target=False)]
        assert store.replace_coded([ids[0]], "v1", [mention(ids[0], 0, "Kazakhstan", "KAZ")], evs, []) == 2
        assert store.uncoded(ids, "v1") == {ids[1]}
        assert store.uncoded(ids, "v2") == set(ids)  # a new coder version codes everything again
        assert store.replace_coded([ids[0]], "v2", [], [event("e3", ids[0])], []) == 1
        assert [e.event_id for e in store.iter_events(ids[0])] == ["e3"]
        assert store.count("mentions") == 0 and store.count("coded") == 1
        with pytest.raises(RuntimeError), store.transaction():
            store.replace_coded([ids[1]], "v2", [], [event("e4", ids[1])], [])
            raise RuntimeError("killed mid-write")
        assert store.uncoded(ids, "v2") == {ids[1]} and store.count("events") == 1


def test_stats_source_is_the_path_below_the_input_even_for_absolute_paths(tmp_path: Path) -> None:
    from multivector.pipeline import ingest

    corpus = tmp_path / "deep" / "corpus"
    (corpus / "tass").mkdir(parents=True)
    (corpus / "tass" / "a.txt").write_text(STORY)
    (corpus / "b.txt").write_text(OTHER)
    with Store(tmp_path / "db.duckdb") as store:
        ingest([str(corpus)], store)  # an absolute path: its first component is not a source
        values = sorted(r["value"] for r in store.stats() if r["dimension"] == "source")
        rel = sorted(store.con.execute("SELECT extra->>'_relpath' FROM articles").fetchall())
    assert values == ["b.txt", "tass/a.txt"]  # the path below the named input, not only its folder
    assert rel == [("b.txt",), ("tass/a.txt",)]
