"""Coding a corpus: the one entry point that picks one process or a pool, and the job a worker runs.

The job lives here rather than in :mod:`multivector.coding.parallel` so the pool knows nothing about
coding: it is handed a picklable callable and the resolver to give it, and returns results in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from multivector.coding.api import cached, code_stream, default_coder, default_resolver, prefilter
from multivector.coding.parallel import Result, code_parallel
from multivector.nlp.cache import ResultCache
from multivector.records import Article


def code_articles(
    articles: Iterable[Article],
    *,
    resolver: Any = None,
    cache: ResultCache | None = None,
    n_process: int = 1,
    chunk: int = 64,
) -> Iterator[tuple[Article, Result]]:
    """Corpus loop, streaming, in input order; cached articles are answered from the cache.

    With ``n_process > 1`` whole articles go to that many worker processes, each running the complete
    per-article job (pre-filter, parse, actors, events) and sending back only the small result records;
    see :mod:`multivector.coding.parallel`. In one process the selected sentences of consecutive
    articles share ``nlp.pipe`` batches of ``chunk`` sentences."""
    if n_process > 1:
        yield from code_parallel(
            articles,
            job=code_batch,
            preload=preload,
            lookup=lambda art: cached(art, cache, resolver),
            resolver=resolver,
            cache=cache,
            n_process=n_process,
            chunk=chunk,
        )
    else:
        yield from code_stream(articles, resolver=resolver, cache=cache, chunk=chunk)


def code_batch(articles: tuple[Article, ...], chunk: int, resolver: Any = None) -> list[Result]:
    """A worker's task: a few articles coded in one process, without the cache (the parent keeps it)."""
    return [coded for _art, coded in code_stream(articles, resolver=resolver, cache=None, chunk=chunk)]


def preload(resolver: Any) -> Any:
    """Load everything a worker needs once, in the parent, before forking; returns the resolver."""
    res = resolver if resolver is not None else default_resolver()
    res.matcher  # noqa: B018 - builds the phrase matcher (seconds) so the workers inherit it
    default_coder()
    prefilter()
    return res
