"""Coding a corpus on several cores: whole articles per worker process, results back in input order.

Handing spaCy ``n_process`` the sentences would ship every parsed Doc back to the main process (it is
serialised in the worker and rebuilt in the parent) and leave actor resolution and coding to the one
main process. Here each worker runs the whole per-article job and returns only the small result records
(events, mentions, facts), so both cores do all of the work and nothing big crosses a process boundary.

The pool is a :class:`concurrent.futures.ProcessPoolExecutor`; it knows nothing about coding — the job,
the preloading and the cache lookup come in as callables (:mod:`multivector.coding.corpus`). Workers are
forked after the model, the actor dictionaries and the patterns are loaded in the parent, so they start
at once and share those pages; on platforms without ``fork`` they are spawned and load the defaults
themselves. At most ``2 × n_process`` tasks are in flight and results are handed out in input order,
so memory stays flat in corpus size; cached articles never reach a worker.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from multivector.nlp.cache import ResultCache
from multivector.records import Article, Event, Fact, Mention

Result = tuple[list[Event], list[Mention], list[Fact]]
Job = Callable[[tuple[Article, ...], int, Any], list[Result]]
#: a task is a few articles: enough work (~0.5 s) to hide the queue round trip, small enough to balance
TASK_CHARS = 12_000
TASK_ARTICLES = 8

_WORKER: dict[str, Any] = {}


def _init(resolver: Any) -> None:
    _WORKER["resolver"] = resolver


def _run(job: Job, articles: tuple[Article, ...], chunk: int) -> list[Result]:
    return job(articles, chunk, _WORKER.get("resolver"))


@dataclass(slots=True)
class _Slot:
    article: Article
    key: str | None
    result: Result | None = None
    job: Future[list[Result]] | None = None
    pos: int = 0


def _context() -> tuple[Any, bool]:
    if "fork" in mp.get_all_start_methods():
        return mp.get_context("fork"), True
    return mp.get_context("spawn"), False


def code_parallel(
    articles: Iterable[Article],
    *,
    job: Job,
    preload: Callable[[Any], Any],
    lookup: Callable[[Article], tuple[str | None, Result | None]],
    resolver: Any = None,
    cache: ResultCache | None = None,
    n_process: int = 2,
    chunk: int = 64,
) -> Iterator[tuple[Article, Result]]:
    """``(article, job result)`` in input order, computed by ``n_process`` workers.

    ``job`` must be a module-level function (it is pickled by name); ``lookup`` answers an article from
    the cache (``(key, hit)``), and fresh results are stored under ``key`` in ``cache``."""
    pending: deque[_Slot] = deque()
    batch: list[_Slot] = []
    batch_chars = 0
    in_flight: deque[Future[list[Result]]] = deque()  # submitted tasks, oldest first
    pool: ProcessPoolExecutor | None = None

    def submit() -> None:
        nonlocal pool, batch_chars
        if pool is None:
            ctx, forked = _context()
            shared = preload(resolver) if forked else None
            pool = ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init, initargs=(shared,))
        task = pool.submit(_run, job, tuple(s.article for s in batch), chunk)
        for pos, slot in enumerate(batch):
            slot.job, slot.pos = task, pos
        in_flight.append(task)
        batch.clear()
        batch_chars = 0

    def store(slot: _Slot, result: Result) -> None:
        slot.result = result
        if cache is not None and slot.key is not None:
            cache.put(slot.key, result)

    def ready(block: bool) -> Iterator[tuple[Article, Result]]:
        while pending:
            slot = pending[0]
            if slot.result is None:
                if slot.job is None or not (block or slot.job.done()):
                    return
                store(slot, slot.job.result()[slot.pos])
            pending.popleft()
            assert slot.result is not None
            yield slot.article, slot.result

    clean_exit = False
    try:
        for art in articles:
            key, hit = lookup(art)
            slot = _Slot(art, key, hit)
            pending.append(slot)
            if hit is None:
                batch.append(slot)
                batch_chars += len(art.text)
                if batch_chars >= TASK_CHARS or len(batch) >= TASK_ARTICLES:
                    submit()
            # everything from the oldest unfinished task on is in flight; wait while that is too much
            while True:
                while in_flight and in_flight[0].done():
                    in_flight.popleft()
                if len(in_flight) <= 2 * n_process:
                    break
                in_flight[0].exception()  # blocks until the oldest task ends
            yield from ready(block=False)
        if batch and pool is None:
            # the whole input fits in one task: coding it here beats forking a pool for it
            for slot, result in zip(
                batch, job(tuple(s.article for s in batch), chunk, resolver), strict=True
            ):
                store(slot, result)
            batch.clear()
        if batch:
            submit()
        yield from ready(block=True)
        clean_exit = True
    finally:
        if pool is not None:
            pool.shutdown(wait=clean_exit, cancel_futures=True)
    assert not pending, "every article was answered"
