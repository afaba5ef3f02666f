"""Turn input paths into Dask tasks ("shards") before anything runs.

Files are listed on the driver, walked the way :func:`multivector.sources.iter_documents` walks them
(sorted, hidden entries skipped, symlink loops cut), so a distributed run sees the same inputs in the same
order as a serial one. A path that cannot be listed (missing, unreadable, a FIFO …) still becomes a task:
the worker's ``extract_articles`` then reports it with exactly the message a serial run would give.

A big file (one JSONL or WARC with thousands of articles) would otherwise keep one worker busy while the
others idle, so it is cut into ``k`` shards: every shard reads and cleans the whole file (cheap) but codes
only the articles with ``part % k == j`` (the expensive part). Merging the shards by ``part`` restores the
serial order.
"""

from __future__ import annotations

import math
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Files below this are never split: reading a small file k times costs more than it saves.
SPLIT_MIN_BYTES = 256 * 1024
#: Upper bound on the input bytes one shard is responsible for, so results per task stay small.
MAX_SHARD_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Shard:
    """One task: code the articles of ``path`` whose ``part % of == index`` (``of == 1``: all of them).

    ``file_no`` is the position of the file in the input listing; it orders results on the driver.
    ``data`` carries standard input read on the driver, since workers cannot see the driver's stdin.
    """

    path: str
    file_no: int
    index: int = 0
    of: int = 1
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str
    size: int


def list_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[InputFile]:
    """Every file under ``paths`` in serial-run order; unlistable paths are kept (size 0) for the worker
    to report. ``"-"`` is kept as is (standard input)."""
    if isinstance(paths, str | bytes | os.PathLike):
        paths = [paths]
    out: list[InputFile] = []
    for path in paths:
        name = os.fsdecode(path)
        if name == "-":
            out.append(InputFile(name, 0))
        else:
            out.extend(_walk(name, set()))
    return out


def _walk(path: str, seen: set[tuple[int, int]]) -> Iterator[InputFile]:
    try:
        st = os.stat(path)
    except OSError:
        yield InputFile(path, 0)
        return
    if not stat.S_ISDIR(st.st_mode):
        yield InputFile(path, st.st_size if stat.S_ISREG(st.st_mode) else 0)
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return
    seen.add(key)
    try:
        with os.scandir(path) as it:
            names = sorted(entry.name for entry in it)
    except OSError:
        yield InputFile(path, 0)  # the worker's walker reports "cannot list directory"
        return
    for entry in names:
        if not entry.startswith("."):
            yield from _walk(os.path.join(path, entry), seen)


def plan_shards(files: list[InputFile], target: int) -> list[Shard]:
    """Shards for ``files`` so that there are about ``target`` tasks when the input is few big files.

    Many files: one shard each (they already balance). Few files: each file big enough to split gets a
    share of ``target`` proportional to its size, and never covers more than ``MAX_SHARD_BYTES``.
    """
    total = sum(f.size for f in files) or 1
    shards: list[Shard] = []
    for no, f in enumerate(files):
        k = 1
        if f.size >= SPLIT_MIN_BYTES and f.path != "-":
            by_share = round(target * f.size / total) if len(files) < target else 1
            k = max(1, by_share, math.ceil(f.size / MAX_SHARD_BYTES))
        shards.extend(Shard(f.path, no, j, k) for j in range(k))
    return shards
