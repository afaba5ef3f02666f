"""Dask scale-out: the same articles and events as the serial pipeline, bad inputs reported, idempotent store.

One local cluster (2 single-threaded processes, 127.0.0.1, no dashboard) serves the whole module, since
starting workers and loading spaCy in each is the slow part.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

from multivector.errors import InputError, MultivectorError

pytest.importorskip("distributed")

from multivector.scale import DaskMissingError, code_paths_dask, open_client, run_dask, store_results
from multivector.scale import plan as scale_plan


@pytest.fixture(scope="module")
def client():
    with open_client("local") as c:
        yield c


@pytest.fixture(scope="module")
def inputs(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A few real corpus files in several formats, plus one truncated gzip file that must fail."""
    broken = tmp_path_factory.mktemp("bad") / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(b'{"text": "x"}\n' * 50)[:20])
    return [
        str(corpus_dir / "feeds"),
        str(corpus_dir / "warc"),
        str(corpus_dir / "txt" / "014_rferl_pashinyan_putin_sochi.txt"),
        str(broken),
    ]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One result cache for the module: the first run fills it, later runs exercise the warm path."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def serial(inputs: list[str]) -> list:
    from multivector.coding import code_articles
    from multivector.pipeline import extract_articles

    items = list(extract_articles(inputs))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if not isinstance(i, InputError)]
    return [*code_articles(articles), *errors]


def _split(items: list) -> tuple[list, list[InputError]]:
    errors = [i for i in items if isinstance(i, InputError)]
    return [i for i in items if not isinstance(i, InputError)], errors


def test_same_articles_and_events_as_serial(client, inputs, serial, cache: Path) -> None:
    got, errors = _split(list(code_paths_dask(inputs, scheduler=client, cache_dir=cache)))
    want, want_errors = _split(serial)
    assert len(want) >= 10  # 2 feeds, a WARC and a text file
    assert [a.id for a, _ in got] == [a.id for a, _ in want]  # ordered mode keeps the serial order
    got_events = {e.event_id for _, (ev, _, _) in got for e in ev}
    assert got_events == {e.event_id for _, (ev, _, _) in want for e in ev}
    assert len(got_events) > 20
    assert sum(len(m) for _, (_, m, _) in got) == sum(len(m) for _, (_, m, _) in want)
    assert [(e.path, e.reason) for e in errors] == [(e.path, e.reason) for e in want_errors]
    assert len(errors) == 1 and errors[0].path == inputs[3]


def test_split_file_merges_back_in_order(client, inputs, serial, monkeypatch) -> None:
    """A file cut into shards (here: every file, by lowering the threshold) comes back in serial order."""
    monkeypatch.setattr(scale_plan, "SPLIT_MIN_BYTES", 1)
    jsonl = [p for p in Path(inputs[0]).iterdir() if p.suffix == ".jsonl"]
    shards = scale_plan.plan_shards(scale_plan.list_inputs([str(jsonl[0])]), 3)
    assert [(s.index, s.of) for s in shards] == [(0, 3), (1, 3), (2, 3)]
    items = list(code_paths_dask([str(jsonl[0])], scheduler=client, partitions=3, use_cache=False))
    want = [a.id for a, _ in _split(serial)[0] if a.source_path == str(jsonl[0])]
    assert len(want) >= 3
    assert [a.id for a, _ in items] == want


def test_store_twice_is_idempotent(client, inputs, cache: Path, tmp_path: Path) -> None:
    from multivector.store import Store

    results = list(code_paths_dask(inputs, scheduler=client, cache_dir=cache, ordered=False))
    articles, errors = _split(results)
    db = tmp_path / "scale.duckdb"
    with Store(db) as store:
        first = store_results(store, results, batch_size=4)  # several batches
        counts = store.counts()
        second = store_results(store, iter(results))  # recode=True: rows replaced, not appended
        assert store.counts() == counts
        third = run_dask(inputs, store, scheduler=client, cache_dir=str(cache))  # recode=False
        assert store.counts() == counts
    assert first.articles == len(articles) and first.added == counts["articles"]
    assert first.coded == counts["articles"] == counts["coded"]
    assert second.added == 0 and second.exact_duplicates == len(articles)
    assert third.coded == 0 and third.skipped_coded == counts["articles"]
    assert counts["events"] == len({e.event_id for _, (ev, _, _) in articles for e in ev}) == first.events
    assert counts["events"] > 20 and counts["mentions"] == first.mentions > 0
    assert [e.path for e in first.errors] == [e.path for e in errors] == [e.path for e in third.errors]
    assert [e.path for e in errors] == [inputs[3]]


def test_missing_dask_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DaskMissingError, match=r"multivector\[scale\]") as info:
        next(code_paths_dask(["x.txt"]))
    assert isinstance(info.value, MultivectorError)


def test_unreachable_scheduler_is_a_clear_error() -> None:
    from multivector.scale import ScaleError

    with (
        pytest.raises(ScaleError, match="cannot reach the Dask scheduler"),
        open_client("tcp://127.0.0.1:9", timeout=2),
    ):
        pass
