"""Per-article result cache keyed by a content hash, so re-running an unchanged corpus is almost free.

A directory of small pickle files (one per key, written atomically via rename) is the simplest thing that is
safe with several processes writing at once; the key covers the article text, its date, the coder version
and the pattern file, so editing patterns invalidates old results automatically.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def default_cache_dir() -> Path:
    base = os.environ.get("MULTIVECTOR_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "multivector"
    )
    return Path(base) / "coding"


def content_key(*parts: str | None) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def package_fingerprint(salt: str, packages: Iterable[str], data_suffixes: tuple[str, ...] = ()) -> str:
    """Short hash of the ``.py`` files and the ``data/`` files of these packages (``data_suffixes``
    narrows the data files; empty means all): cached results stay valid only while the code and the
    data that made them are unchanged."""
    from importlib import resources

    h = hashlib.sha1(salt.encode())
    for package in packages:
        root = resources.files(package)
        files = [f for f in root.iterdir() if f.name.endswith(".py")]
        data = root.joinpath("data")
        if data.is_dir():
            files += [f for f in data.iterdir() if f.is_file() and f.name.endswith(data_suffixes or "")]
        for f in sorted(files, key=lambda f: f.name):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


class ResultCache:
    """get/put by key; unreadable or corrupt entries count as misses (a cache must never break a run)."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.dir = Path(directory) if directory else default_cache_dir()
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            return
