"""A consistent copy of the dashboard's store, for CLI commands that only read.

While ``multivector serve`` runs it holds DuckDB's file lock, so ``multivector events`` and the other
read-only commands cannot open the database. Instead of failing, they ask the server for a snapshot:
the server copies its own database inside one transaction (``COPY FROM DATABASE``, so a concurrent
upload is either wholly in it or not at all) and hands the file over; the command then reads the copy
exactly as it would read the store. Only clients on this machine get it: the file is the whole store.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from multivector.errors import StoreError

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
#: a snapshot is a local copy: nothing slower than a large store on a busy disk should take this long
TIMEOUT = 300


def snapshot_folder() -> Path:
    """A private folder for this server's snapshots, removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix=f"mv-snapshots-{os.getpid()}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def write_snapshot(con: Any, folder: Path) -> Path:
    """Copy the database behind ``con`` into a new file in ``folder``; returns its path."""
    alias = f"mv_snapshot_{uuid.uuid4().hex}"  # requests may overlap: one catalog name each
    path = folder / f"{alias}.duckdb"
    name = con.execute("SELECT current_database()").fetchone()[0]
    con.execute(f"ATTACH '{path}' AS {alias}")
    try:
        con.execute(f'COPY FROM DATABASE "{name}" TO {alias}')
    finally:
        con.execute(f"DETACH {alias}")
    os.chmod(path, 0o600)
    return path


def fetch_snapshot(url: str) -> Path:
    """Download ``url``/api/snapshot into a private temporary folder; the caller removes it."""
    folder = Path(tempfile.mkdtemp(prefix="mv-snapshot-"))
    target = folder / "snapshot.duckdb"
    try:
        with urllib.request.urlopen(f"{url}/api/snapshot", timeout=TIMEOUT) as resp, target.open("wb") as fh:
            shutil.copyfileobj(resp, fh)
        os.chmod(target, 0o600)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise StoreError(
            f"the dashboard at {url} holds the store and could not hand over a copy: {exc}"
        ) from None
    return target
