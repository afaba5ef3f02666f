from __future__ import annotations

from pathlib import Path

from multivector.coding import code_article, select_sentences
from multivector.coding.api import segments
from multivector.nlp import ResultCache
from multivector.records import Article

TEXT = (
    "On Monday Gurbanguly Berdimuhamedov of Turkmenistan visited Belarus. The sky was grey. "
    "Belarus and Turkmenistan signed an agreement on trade. Trade came to USD 274.6 million in 2011."
)


def test_selection_skips_sentences_without_triggers():
    kept = [s.text for s in select_sentences(TEXT)]
    assert "The sky was grey." not in kept
    assert any("visited" in s for s in kept) and any("274.6" in s for s in kept)


def test_segments_drop_teasers_after_headings():
    body = "Belarus and Russia met. " * 20
    text = body + "\nSimilar articles\nShort teaser line\n"
    assert segments(text, "2016-01-01") == [(0, text.index("\nSimilar") + 1, "2016-01-01")]


def test_code_article_end_to_end_and_cache(tmp_path: Path):
    art = Article("t1", None, "2016-04-22", "day", "en", None, "mem", 0, TEXT)
    cache = ResultCache(tmp_path)
    events, mentions, facts = code_article(art, cache=cache)
    assert any(
        e.cameo == "042"
        and e.source.country == "TKM"
        and e.target.country == "BLR"
        and e.date == "2016-04-18"
        for e in events
    )
    assert {m.country for m in mentions} >= {"TKM", "BLR"}
    assert all(TEXT[m.start : m.end] == m.text for m in mentions)
    assert any(f.kind == "money" and f.period == "2013" for f in facts) or any(
        f.kind == "trade_value" for f in facts
    )
    again = code_article(art, cache=cache)
    assert cache.hits == 1 and [e.event_id for e in again[0]] == [e.event_id for e in events]


def test_code_articles_batches_and_matches_single(tmp_path: Path):
    from multivector.coding import code_articles

    arts = [Article(f"b{i}", None, "2016-04-22", "day", "en", None, "mem", 0, TEXT) for i in range(3)]
    arts.append(Article("empty", None, None, None, "en", None, "mem", 0, "Nothing here."))
    single = code_article(arts[0])
    out = list(code_articles(arts, cache=ResultCache(tmp_path), chunk=2))
    assert [a.id for a, _ in out] == ["b0", "b1", "b2", "empty"]
    assert [(e.cameo, e.span) for e in out[0][1][0]] == [(e.cameo, e.span) for e in single[0]]
    assert out[3][1] == ([], [], [])


def test_worker_processes_give_the_one_process_result_in_input_order(tmp_path: Path, monkeypatch):
    from multivector.coding import code_articles, parallel

    monkeypatch.setattr(parallel, "TASK_ARTICLES", 2)  # several tasks in flight, finishing in any order
    texts = [
        TEXT,
        "Nothing here.",
        TEXT.replace("Belarus", "Ukraine"),
        TEXT.replace("Turkmenistan", "Kazakhstan"),
    ]
    arts = [
        Article(f"p{i}", None, "2016-04-22", "day", "en", None, "mem", 0, t) for i, t in enumerate(texts * 2)
    ]
    cache = ResultCache(tmp_path)
    code_article(arts[2], cache=cache)  # one cached article among the misses
    hits = cache.hits
    serial = [(a.id, r) for a, r in code_articles(arts, n_process=1)]
    forked = [(a.id, r) for a, r in code_articles(arts, cache=cache, n_process=2)]
    assert [i for i, _ in forked] == [a.id for a in arts]
    key = [
        [(e.cameo, e.source.country, e.target and e.target.country, e.span) for e in r[0]] for _, r in serial
    ]
    assert [
        [(e.cameo, e.source.country, e.target and e.target.country, e.span) for e in r[0]] for _, r in forked
    ] == key
    assert [len(r[1]) for _, r in forked] == [len(r[1]) for _, r in serial]
    assert any(key) and cache.hits == hits + 1
    # the workers' results went into the cache: a second pass needs no worker
    again = [(a.id, r) for a, r in code_articles(arts, cache=cache, n_process=2)]
    assert cache.hits == hits + 1 + len(arts) and [i for i, _ in again] == [a.id for a in arts]


def test_conditional_ner_gives_the_full_pipeline_entities_where_it_runs():
    from multivector.nlp import get_nlp, parse_many

    texts = ["The analyst Zorvan Kelibekov met Putin.", "Russia and Belarus signed a treaty."]
    full = [[(e.text, e.label_) for e in d.ents] for d in get_nlp().pipe(texts)]
    chosen = list(parse_many(texts, ner_if=lambda d: "analyst" in d.text))
    assert [(e.text, e.label_) for e in chosen[0].ents] == full[0] and full[0]
    assert list(chosen[1].ents) == [] and full[1]
    assert [t.dep_ for t in chosen[1]] == [t.dep_ for t in get_nlp()(texts[1])]


def test_an_article_past_the_size_budget_is_coded_from_its_start_and_said_so(tmp_path: Path, monkeypatch):
    import multivector.coding.api as api
    from multivector.pipeline import cut_notice, run
    from multivector.store import Store

    monkeypatch.setattr(api, "MAX_CODED_CHARS", 400)
    first = "Poland signed an energy agreement with Lithuania in Vilnius on Monday.\n"
    filler = "The weather in the capital was mild for the season and the streets were calm.\n" * 6
    late = "Russia condemned Estonia over the closure of a border crossing.\n"
    path = tmp_path / "long.txt"
    path.write_text("Energy deal\n\n" + first + filler + late + "Ukraine thanked Moldova for its help.\n")

    def coded(db: str):
        with Store(tmp_path / db) as store:
            report = run([str(path)], store)
            stored = store.con.execute("SELECT length(text) FROM articles").fetchone()[0]
            roots = sorted(r[0] for r in store.con.execute("SELECT root FROM events").fetchall())
        return report, stored, roots

    report, stored, roots = coded("db.duckdb")
    assert report.cut_articles == [str(path)]
    assert stored > 400  # the whole text is kept
    assert roots == ["05"]  # the start is coded, nothing past the budget
    line = cut_notice(report.cut_articles)
    assert line and "400 characters" in line and str(path) in line
    monkeypatch.setattr(api, "MAX_CODED_CHARS", 10_000)
    report, _, roots = coded("whole.duckdb")
    assert not report.cut_articles and "11" in roots  # within the budget the late sentences count
