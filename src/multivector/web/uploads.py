"""Uploads on the dashboard: private temporary folders, the worker thread, pasted text with metadata.

An upload may code for a minute; it runs in a daemon thread of its own so a server told to stop can
abandon it (its transaction never commits) instead of waiting, and its folder is removed either way.
"""

from __future__ import annotations

import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MAX_NAME = 120  # characters kept of an uploaded file's name (file systems stop at 255 bytes)


_THREAD = "multivector-upload"  # the name that marks an upload's worker thread
_UPLOAD_DIRS: set[str] = set()  # this process's upload folders, removed even when an upload is abandoned


def upload_name(fname: str) -> str:
    """A safe base name for an uploaded file: no directories or NULs, at most :data:`MAX_NAME`
    characters (keeping the extension, which format detection reads)."""
    name = Path(fname.replace("\\", "/")).name.replace("\x00", "")
    if len(name) > MAX_NAME:
        _, dot, ext = name.rpartition(".")
        ext = ext if dot and len(ext) <= 12 else ""
        name = name[: MAX_NAME - len(ext) - 1] + ("." + ext if ext else "")
    return name


@contextmanager
def upload_dir() -> Any:
    """A private temporary folder for one upload's files, named by pid so leftovers can be swept."""
    import os
    import shutil

    tmp = tempfile.mkdtemp(prefix=f"mv-upload-{os.getpid()}-")
    _UPLOAD_DIRS.add(tmp)
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        _UPLOAD_DIRS.discard(tmp)


def sweep_upload_dirs(abandoned: bool = False) -> None:
    """Remove this process's upload and snapshot folders (``abandoned``: the server leaves without its
    exit handlers) or those of servers that died (at start)."""
    import glob
    import os
    import shutil

    base = tempfile.gettempdir()
    if abandoned:
        for tmp in [*_UPLOAD_DIRS, *glob.glob(os.path.join(base, f"mv-snapshots-{os.getpid()}-*"))]:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    for tmp in glob.glob(os.path.join(base, "mv-upload-*-*")) + glob.glob(
        os.path.join(base, "mv-snapshots-*-*")
    ):
        pid = os.path.basename(tmp).split("-")[2]
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(tmp, ignore_errors=True)
        except (OSError, ValueError):
            continue


def pasted_upload(text: str, name: str, title: str, date: str, speaker: str) -> tuple[str, bytes]:
    """Pasted text as an upload; with a title, date or speaker it becomes one JSONL record carrying
    them, so the reader dates and attributes it as it would a user's JSONL file."""
    import json

    meta = {"title": title.strip(), "date": date.strip()}
    who = speaker.strip()
    if who:
        meta["speaker_country" if len(who) == 3 and who.isalpha() and who.isupper() else "speaker"] = who
    meta = {k: v for k, v in meta.items() if v}
    if not meta:
        return name, text.encode("utf-8")
    record = json.dumps({"text": text, **meta}, ensure_ascii=False)
    return str(Path(name).with_suffix(".jsonl")), (record + "\n").encode("utf-8")


async def in_daemon_thread(fn: Any, *args: Any) -> Any:
    """``await`` ``fn(*args)`` run in a daemon thread of its own.

    asyncio's default executor is joined when the loop closes, so a server told to stop would wait
    for a long upload to finish coding; a daemon thread can be abandoned (see :func:`serve`).
    """
    import asyncio

    loop = asyncio.get_running_loop()
    done: asyncio.Future = loop.create_future()

    def work() -> None:
        try:
            result = fn(*args)
        except BaseException as exc:  # handed to the awaiting request, which reports it
            loop.call_soon_threadsafe(_settle, done, None, exc)
        else:
            loop.call_soon_threadsafe(_settle, done, result, None)

    threading.Thread(target=work, name=_THREAD, daemon=True).start()
    return await done


def _settle(fut: Any, result: Any, exc: BaseException | None) -> None:
    if fut.cancelled():
        return
    if exc is not None:
        fut.set_exception(exc)
    else:
        fut.set_result(result)


def busy_uploads() -> list[threading.Thread]:
    """Uploads still being ingested or coded (their daemon threads would die silently at exit)."""
    return [t for t in threading.enumerate() if t.name == _THREAD and t.is_alive()]
