"""Writing coded results into the store from the driver (DuckDB allows one writer: never from workers).

Per batch, articles are added (duplicates handled by the store, one transaction), then the coded rows of
those articles are replaced and the articles marked coded (a second transaction), so storing the same
results twice — or re-running after a crash between the two — ends in the same database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from multivector.errors import InputError
from multivector.pipeline import CodedBatch, RunReport, note_article
from multivector.records import Article, Event, Fact, Mention

Coded = tuple[list[Event], list[Mention], list[Fact]]


def store_results(
    store: Any,
    results: Iterable[tuple[Article, Coded] | InputError],
    *,
    coder: str | None = None,
    recode: bool = True,
    batch_size: int | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> RunReport:
    """Store ``(article, (events, mentions, facts))`` pairs idempotently; InputErrors are collected.

    ``results`` is any iterable in that shape: :func:`code_paths_dask` or the serial ``code_articles``.
    Per batch, articles are added (the store de-duplicates), then the coded rows of the batch's articles
    are swapped in and the articles marked coded by ``coder``. ``recode=False`` leaves articles that
    this coder already coded untouched (``skipped_coded``), like ``multivector run`` without
    ``--recode``. An id seen twice in one run keeps the rows of its first copy. Returns the same
    :class:`~multivector.pipeline.RunReport` as the serial ``run``.
    """
    from multivector.coding.api import coder_id

    report = RunReport()
    coder = coder or coder_id()
    size: int = batch_size or int(getattr(store, "batch_size", 500))
    batch: list[tuple[Article, Coded]] = []
    written: set[str] = set()

    def flush() -> None:
        if not batch:
            return
        arts = [a for a, _ in batch]
        res = store.add_articles(arts)  # commits: the coding-state query below must see these rows
        fresh: dict[str, Coded] = {}
        for art, coded in batch:
            if art.id not in written and art.id not in fresh:
                fresh[art.id] = coded
        todo = fresh if recode else _uncoded(store, fresh, coder)
        batch_out = CodedBatch()
        for art_id, result in todo.items():
            batch_out.add(art_id, result)
        batch_out.write(store, coder, report)
        written.update(fresh)
        report.articles += len(arts)
        report.added += res.added
        report.exact_duplicates += res.exact_duplicates
        report.near_duplicates += res.near_duplicates
        report.skipped_coded += len(fresh) - len(todo)
        if on_progress:
            on_progress(len(arts))
        batch.clear()

    for item in results:
        if isinstance(item, InputError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        note_article(report, item[0])
        batch.append(item)
        if len(batch) >= size:
            flush()
    flush()
    return report


def _uncoded(store: Any, fresh: dict[str, Coded], coder: str) -> dict[str, Coded]:
    todo = store.uncoded(list(fresh), coder)
    return {k: v for k, v in fresh.items() if k in todo}


def run_dask(
    paths: Iterable[str],
    store: Any,
    *,
    scheduler: str | Any | None = None,
    recode: bool = False,
    use_cache: bool = True,
    cache_dir: str | None = None,
    partitions: int | None = None,
    batch_size: int = 64,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    stdin: Any = None,
) -> RunReport:
    """``multivector run --dask``: extract and code on the cluster, store here; same report as ``run``."""
    from multivector.scale.runner import code_paths_dask

    results = code_paths_dask(
        paths,
        scheduler=scheduler,
        partitions=partitions,
        cache_dir=cache_dir,
        use_cache=use_cache,
        stdin=stdin,
    )
    try:
        return store_results(
            store, results, recode=recode, batch_size=batch_size, on_error=on_error, on_progress=on_progress
        )
    finally:
        results.close()  # shuts a local cluster down even when storing failed
