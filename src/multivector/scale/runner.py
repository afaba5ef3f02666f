"""The driver loop: submit shards to Dask, stream results back, keep memory bounded.

Only a window of shards is in flight (submitted or finished but not yet handed to the caller), so a slow
consumer (the DuckDB writer) throttles the cluster instead of letting results pile up in memory. In ordered
mode results are released file by file in input order, shards of one file merged by ``part``: the caller
sees the same sequence as the serial ``extract_articles`` + ``code_articles`` path, so a store built from it
links near-duplicates to the same "first copy".
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Generator, Iterable, Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from multivector.errors import InputError
from multivector.records import Article
from multivector.scale.cluster import open_client, require_distributed, worker_threads
from multivector.scale.plan import Shard, list_inputs, plan_shards
from multivector.scale.worker import Coded, Failed, ShardResult, code_shard

log = logging.getLogger(__name__)

Item = tuple[Article, Coded] | InputError


def code_paths_dask(
    paths: Iterable[str | os.PathLike[str]],
    *,
    scheduler: str | Any | None = None,
    partitions: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    ordered: bool = True,
    window: int | None = None,
    n_workers: int | None = None,
    stdin: BinaryIO | None = None,
) -> Generator[Item, None, None]:
    """Extract and code ``paths`` on a Dask cluster; yield ``(article, (events, mentions, facts))`` pairs
    and an ``InputError`` for each input that failed, like the serial pipeline.

    ``scheduler``: ``None``/``"local"`` starts a private 2-process ``LocalCluster`` (127.0.0.1, no
    dashboard) for this call; an address such as ``"tcp://10.0.0.5:8786"`` or a ``distributed.Client``
    uses an existing cluster, whose workers must have multivector installed. ``partitions`` is the
    number of tasks to aim for when the input is a few big files (default twice the worker threads);
    many small files always give one task per file. ``cache_dir`` is the per-article result cache
    (default: each worker's ``$MULTIVECTOR_CACHE`` / ``~/.cache/multivector``); it must be shared by the
    workers to help re-runs. ``ordered=False`` yields shards as they finish (faster first results, order
    no longer reproducible). ``window`` caps the shards in flight (default four per worker thread).

    The cluster lives as long as the generator: close it (or exhaust it) to shut a local cluster down.
    A missing dask install raises :class:`DaskMissingError` at the call, before anything is read.
    """
    require_distributed()
    return _run(paths, scheduler, partitions, cache_dir, use_cache, ordered, window, n_workers, stdin)


def _run(
    paths: Iterable[str | os.PathLike[str]],
    scheduler: str | Any | None,
    partitions: int | None,
    cache_dir: str | os.PathLike[str] | None,
    use_cache: bool,
    ordered: bool,
    window: int | None,
    n_workers: int | None,
    stdin: BinaryIO | None,
) -> Generator[Item, None, None]:
    files = list_inputs(paths)
    if not files:
        return
    with open_client(scheduler, n_workers=n_workers or 2) as client:
        threads = worker_threads(client)
        shards = plan_shards(files, max(1, partitions or 2 * threads))
        if any(s.path == "-" for s in shards):
            data = _read_stdin(stdin)
            shards = [replace(s, data=data) if s.path == "-" else s for s in shards]
        log.info("dask: %d files in %d shards on %d worker threads", len(files), len(shards), threads)
        cache = os.fspath(cache_dir) if cache_dir is not None else None
        yield from _stream(client, shards, cache, use_cache, ordered, max(2, window or 4 * threads))


def _read_stdin(stdin: BinaryIO | None) -> bytes | None:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    return stream.read() if stream is not None else None


def _stream(
    client: Any, shards: list[Shard], cache: str | None, use_cache: bool, ordered: bool, window: int
) -> Iterator[Item]:
    from distributed import as_completed

    todo = iter(shards)
    owner: dict[str, Shard] = {}
    running = as_completed()
    in_flight = 0  # submitted, plus finished but still buffered for ordering
    buffered: dict[int, list[ShardResult]] = {}
    next_file = 0

    def submit() -> bool:
        shard = next(todo, None)
        if shard is None:
            return False
        fut = client.submit(code_shard, shard, cache, use_cache, pure=False)
        owner[fut.key] = shard
        running.add(fut)
        return True

    while in_flight < window and submit():
        in_flight += 1
    for fut in running:
        shard = owner.pop(fut.key)
        result = _result(fut, shard)
        log.debug(
            "shard %s %d/%d: %d items in %.1fs",
            shard.path,
            shard.index + 1,
            shard.of,
            len(result.items),
            result.seconds,
        )
        del fut  # drop the last reference so the worker frees the result
        if not ordered:
            in_flight -= 1
            yield from _items([result])
        else:
            buffered.setdefault(shard.file_no, []).append(result)
            while next_file in buffered and len(buffered[next_file]) == buffered[next_file][0].shard.of:
                done = buffered.pop(next_file)
                in_flight -= len(done)
                next_file += 1
                yield from _items(done)
        # never let the loop run dry: with a full window of buffered shards, the head file may still
        # be waiting for shards not yet submitted
        while (in_flight < window or running.count() == 0) and submit():
            in_flight += 1


def _result(fut: Any, shard: Shard) -> ShardResult:
    """The shard's records; a lost worker or a task that never ran becomes one failure record."""
    try:
        return fut.result()
    except Exception as exc:
        part = f" (shard {shard.index + 1} of {shard.of})" if shard.of > 1 else ""
        why = " ".join(str(exc).split())[:300] or type(exc).__name__
        return ShardResult(shard, [((0, 0), Failed(shard.path, f"worker failed{part}: {why}"))])


def _items(results: list[ShardResult]) -> Iterator[Item]:
    merged = sorted((pair for r in results for pair in r.items), key=lambda pair: pair[0])
    for _, item in merged:
        yield item.to_error() if isinstance(item, Failed) else item
