"""What runs inside a Dask worker: extract and code one shard, return plain picklable records.

``InputError`` cannot cross a process boundary (its two-argument constructor breaks exception
unpickling), so failures travel as :class:`Failed` records and become ``InputError`` again on the driver.
Every exception is caught here: a bad input or a coder bug turns into a record for that file, never into
a failed task that Dask would retry on other workers and finally raise on the driver.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path

from multivector.errors import InputError, internal_error
from multivector.records import Article, Event, Fact, Mention
from multivector.scale.plan import Shard

log = logging.getLogger(__name__)

Coded = tuple[list[Event], list[Mention], list[Fact]]


@dataclass(slots=True)
class Failed:
    """An input that could not be read or coded; ``path`` is the file (or ``path:line``) to name."""

    path: str
    reason: str

    def to_error(self) -> InputError:
        return InputError(self.path, self.reason)


@dataclass(slots=True)
class ShardResult:
    """What one shard produced, with sort keys so shards of one file merge back into serial order.

    ``items`` holds ``(key, item)`` pairs: an article's key is ``(part, 1)``; a failure's is
    ``(articles_seen_before_it, 0)``, which puts it where a serial run would have yielded it.
    """

    shard: Shard
    items: list[tuple[tuple[int, int], tuple[Article, Coded] | Failed]]
    seconds: float = 0.0


def code_shard(shard: Shard, cache_dir: str | None, use_cache: bool = True) -> ShardResult:
    """Extract the shard's file, code the articles it owns and return everything as plain records."""
    import time

    t0 = time.perf_counter()
    items: list[tuple[tuple[int, int], tuple[Article, Coded] | Failed]] = []
    try:
        _run(shard, cache_dir, use_cache, items)
    except Exception as exc:  # a bug on one input must not poison the cluster
        seen = sum(1 for key, _ in items if key[1] == 1)
        items.append(((seen, 0), Failed(shard.path, internal_error(shard.path, "coding it", exc).reason)))
    return ShardResult(shard, items, time.perf_counter() - t0)


def _run(
    shard: Shard,
    cache_dir: str | None,
    use_cache: bool,
    items: list[tuple[tuple[int, int], tuple[Article, Coded] | Failed]],
) -> None:
    from multivector.coding import code_articles
    from multivector.nlp.cache import ResultCache
    from multivector.pipeline import extract_articles

    stdin = io.BytesIO(shard.data) if shard.data is not None else None
    seen = 0

    def owned():
        nonlocal seen
        for item in extract_articles([shard.path], stdin=stdin):
            if isinstance(item, InputError):
                if shard.index == 0:  # every shard sees the same errors; one reports them
                    items.append(((seen, 0), Failed(item.path, item.reason)))
                continue
            seen += 1
            if item.part % shard.of == shard.index:
                yield item

    cache = ResultCache(Path(cache_dir) if cache_dir else None) if use_cache else None
    for art, coded in code_articles(owned(), cache=cache):
        items.append(((art.part, 1), (art, coded)))
