"""Coding a corpus on several cores: whole articles per worker process, results back in input order.

Handing spaCy ``n_process`` the sentences would ship every parsed Doc back to the main process (it is
serialised in the worker and rebuilt in the parent) and leave actor resolution and coding to the one
main process. Here each worker runs the whole per-article job and returns only the small result records
(events, mentions, facts), so both cores do all of the work and nothing big crosses a process boundary.

Workers are forked after the model, the actor dictionaries and the patterns are loaded in the parent,
so they start at once and share those pages; on platforms without ``fork`` they are spawned and load
the defaults themselves. At most ``2 × n_process`` tasks are in flight and results are handed out in
input order, so memory stays flat in corpus size; cached articles never reach a worker.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from multivector.nlp.cache import ResultCache
from multivector.records import Article, Event, Fact, Mention

Result = tuple[list[Event], list[Mention], list[Fact]]
#: a task is a few articles: enough work (~0.5 s) to hide the queue round trip, small enough to balance
TASK_CHARS = 12_000
TASK_ARTICLES = 8

_WORKER: dict[str, Any] = {}


def _init(resolver: Any) -> None:
    _WORKER["resolver"] = resolver


def _work(articles: tuple[Article, ...], chunk: int, resolver: Any = None) -> list[Result]:
    from multivector.coding.api import code_stream

    resolver = resolver if resolver is not None else _WORKER.get("resolver")
    return [coded for _art, coded in code_stream(articles, resolver=resolver, cache=None, chunk=chunk)]


@dataclass(slots=True)
class _Slot:
    article: Article
    key: str | None
    result: Result | None = None
    job: Any = None
    pos: int = 0


def _context() -> tuple[Any, bool]:
    if "fork" in mp.get_all_start_methods():
        return mp.get_context("fork"), True
    return mp.get_context("spawn"), False


def _preload(resolver: Any) -> Any:
    """Load everything a worker needs once, in the parent, before forking."""
    from multivector.coding.api import _default_resolver, _prefilter, default_coder

    res = resolver if resolver is not None else _default_resolver()
    res.matcher  # noqa: B018 - builds the phrase matcher (seconds) so the workers inherit it
    default_coder()
    _prefilter()
    return res


def code_parallel(
    articles: Iterable[Article],
    *,
    resolver: Any = None,
    cache: ResultCache | None = None,
    n_process: int = 2,
    chunk: int = 64,
) -> Iterator[tuple[Article, Result]]:
    """Same items as :func:`multivector.coding.api.code_stream`, computed by ``n_process`` workers."""
    from multivector.coding.api import cached

    pending: deque[_Slot] = deque()
    batch: list[_Slot] = []
    batch_chars = 0
    in_flight: deque[Any] = deque()  # submitted tasks, oldest first
    pool = None

    def submit() -> None:
        nonlocal pool, batch_chars
        if pool is None:
            ctx, forked = _context()
            shared = _preload(resolver) if forked else None
            pool = ctx.Pool(n_process, initializer=_init, initargs=(shared,))
        job = pool.apply_async(_work, (tuple(s.article for s in batch), chunk))
        for pos, slot in enumerate(batch):
            slot.job, slot.pos = job, pos
        in_flight.append(job)
        batch.clear()
        batch_chars = 0

    def ready(block: bool) -> Iterator[tuple[Article, Result]]:
        while pending:
            slot = pending[0]
            if slot.result is None:
                if slot.job is None or not (block or slot.job.ready()):
                    return
                slot.result = slot.job.get()[slot.pos]
                if cache is not None and slot.key is not None:
                    cache.put(slot.key, slot.result)
            pending.popleft()
            yield slot.article, slot.result

    try:
        for art in articles:
            key, hit = cached(art, cache, resolver)
            slot = _Slot(art, key, hit)
            pending.append(slot)
            if hit is None:
                batch.append(slot)
                batch_chars += len(art.text)
                if batch_chars >= TASK_CHARS or len(batch) >= TASK_ARTICLES:
                    submit()
            # everything from the oldest unfinished task on is in flight; wait while that is too much
            while True:
                while in_flight and in_flight[0].ready():
                    in_flight.popleft()
                if len(in_flight) <= 2 * n_process:
                    break
                in_flight[0].wait()
            yield from ready(block=False)
        if batch and pool is None:
            # the whole input fits in one task: coding it here beats forking a pool for it
            results = _work(tuple(s.article for s in batch), chunk, resolver)
            for slot, result in zip(batch, results, strict=True):
                slot.result = result
                if cache is not None and slot.key is not None:
                    cache.put(slot.key, result)
            batch.clear()
        if batch:
            submit()
        yield from ready(block=True)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    assert not pending, "every article was answered"
