"""Stage 1: read input files, directories and stdin into RawDocument records.

Failures are yielded as InputError objects rather than raised, so a batch of thousands of files
goes on past one unreadable or malformed input and the caller can report every problem at the end.
Formats are recognised by content (see ``detect``); readers live in ``readers`` and ``warc``.
"""

from __future__ import annotations

import fnmatch
import gzip
import logging
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from multivector.errors import InputError, internal_error
from multivector.records import RawDocument
from multivector.sources.detect import gunzip_head, is_gzip, sniff, sniff_text, strip_gz
from multivector.sources.office import PDF_MAGIC, ZIP_MAGIC, read_office
from multivector.sources.readers import read_feed, read_json, read_jsonl, read_single
from multivector.sources.stream import HEAD_SIZE, MB, GzipBomb, buffered, gunzip, read_head
from multivector.sources.warc import read_warc

__all__ = ["DEFAULT_MAX_BYTES", "STDIN_LABEL", "iter_documents", "read_stream"]

log = logging.getLogger(__name__)

#: Single text/HTML documents above this are refused: no news article is 20 MB, a log dump is.
DEFAULT_MAX_BYTES = 20 * MB
STDIN_LABEL = "<stdin>"

Item = RawDocument | InputError


def iter_documents(
    paths: Iterable[str | os.PathLike],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Yield every document found under ``paths``, and an InputError for each input that failed.

    Directories are walked recursively in sorted order (so runs are reproducible), skipping hidden
    entries; ``"-"`` reads ``stdin`` (default ``sys.stdin.buffer``).
    """
    if isinstance(paths, str | bytes | os.PathLike):
        paths = [paths]  # a lone path is a common slip; iterating its characters would be absurd
    for path in paths:
        name = os.fsdecode(path)
        if name == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:  # daemons and some embedders run without a stdin
                yield InputError(STDIN_LABEL, "no standard input to read")
            else:
                yield from read_stream(STDIN_LABEL, stream, max_bytes=max_bytes)
        else:
            root = name if os.path.isdir(name) else os.path.dirname(name)
            for item in _walk(name, max_bytes, set()):
                if isinstance(item, RawDocument):
                    # the file's place below what the user named: its "source" in stats and the path the
                    # dashboard shows, wherever the corpus lives on disk
                    item.extra["_relpath"] = _relative(item.source_path, root)
                yield item


def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(path, root or os.curdir)
    return os.path.basename(path) if rel.startswith(os.pardir) else rel.replace(os.sep, "/")


def _walk(path: str, max_bytes: int, seen: set[tuple[int, int]]) -> Iterator[Item]:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        reason = "broken symbolic link" if os.path.islink(path) else "no such file or directory"
        yield InputError(path, reason)
        return
    except OSError as exc:
        yield InputError(path, _os_reason(exc))
        return
    if stat.S_ISDIR(st.st_mode):
        key = (st.st_dev, st.st_ino)
        if key in seen:  # a symlink loop would otherwise recurse forever
            return
        seen.add(key)
        try:
            with os.scandir(path) as it:
                names = sorted(entry.name for entry in it)
        except OSError as exc:
            yield InputError(path, f"cannot list directory: {_os_reason(exc)}")
            return
        for entry in names:
            if entry.startswith("."):
                continue
            if not_news(entry):
                # named explicitly on the command line, such a file is read; met in a folder, it is skipped
                log.warning(
                    "skipped %s: not an article (%s); name the file itself to read it",
                    os.path.join(path, entry),
                    not_news(entry),
                )
                continue
            yield from _walk(os.path.join(path, entry), max_bytes, seen)
    elif stat.S_ISREG(st.st_mode):
        yield from _read_file(path, st.st_size, max_bytes)
    else:
        yield InputError(path, f"not a regular file ({_file_type(st.st_mode)})")


#: Files found in folders that are site or repository furniture, not news: (glob, what it is).
NOT_NEWS = (
    ("sitemap*.xml*", "a sitemap"),
    ("robots.txt", "a robots file"),
    ("readme*", "a README"),
    ("licen[cs]e*", "a licence"),
    ("copying*", "a licence"),
    ("changelog*", "a change log"),
    ("contributing*", "contribution notes"),
    ("*.css", "a style sheet"),
    ("*.js", "a script"),
)


def not_news(name: str) -> str | None:
    """What a file found in a folder is when it is furniture rather than an article, else None."""
    low = name.lower()
    for pattern, what in NOT_NEWS:
        if fnmatch.fnmatch(low, pattern):
            return what
    return None


def _read_file(path: str, size: int, max_bytes: int) -> Iterator[Item]:
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        yield InputError(path, f"cannot open: {_os_reason(exc)}")
        return
    with fh:
        yield from read_stream(path, fh, name=os.path.basename(path), size=size, max_bytes=max_bytes)


def read_stream(
    label: str,
    raw: BinaryIO,
    *,
    name: str = "",
    size: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Detect the format of one open binary stream and yield what its reader finds.

    ``label`` names the input in documents and errors; ``name`` (a file name) only breaks ties in
    detection; ``size`` lets oversized single documents be refused without reading them.
    """
    try:
        head = read_head(raw)
    except OSError as exc:
        yield InputError(label, f"read error: {_os_reason(exc)}")
        return
    if not head:
        yield InputError(label, "empty file")
        return
    compressed = is_gzip(head)
    probe = head
    if compressed:
        try:
            probe = gunzip_head(head)
        except zlib.error as exc:
            yield InputError(label, f"corrupt gzip data: {exc}")
            return
        name = strip_gz(name)
        if not probe:
            yield InputError(label, "empty or truncated gzip data")
            return
    at_eof = len(head) < HEAD_SIZE and len(probe) < HEAD_SIZE
    if at_eof and not sniff_text(probe).replace("\ufeff", "").strip():
        yield InputError(label, "empty file (only whitespace)")
        return
    office = "pdf" if probe.startswith(PDF_MAGIC) else "zip" if probe.startswith(ZIP_MAGIC) else None
    if office:
        stream_in: BinaryIO = buffered(head, raw)
        if compressed:
            stream_in = gunzip(stream_in)
        reader = read_office(label, stream_in, office, size=None if compressed else size, max_bytes=max_bytes)
        yield from _guard(label, reader, compressed)
        return
    found = sniff(probe, name, at_eof=at_eof)
    if found.fmt == "binary":
        yield InputError(label, f"binary file ({found.detail}), not a supported input format")
        return
    stream: BinaryIO = buffered(head, raw)
    if found.fmt == "warc":
        reader = read_warc(label, stream, fmt=found.detail, max_bytes=max_bytes)
    else:
        if compressed:
            stream = gunzip(stream)
            size = None
        reader = _reader(label, stream, found.fmt, found.detail, size, max_bytes, compressed)
    yield from _guard(label, reader, compressed)


def _reader(
    label: str, stream: BinaryIO, fmt: str, detail: str, size: int | None, max_bytes: int, compressed: bool
) -> Iterator[Item]:
    if fmt == "jsonl":
        return read_jsonl(label, stream, max_bytes=max_bytes)
    if fmt == "json":
        return read_json(label, stream, max_bytes=max_bytes)
    if fmt == "feed":
        return read_feed(label, stream, fmt=detail)
    extra = {"format": fmt}
    if compressed:
        extra["compression"] = "gzip"
    return read_single(label, stream, fmt, size=size, max_bytes=max_bytes, extra=extra)


def _guard(label: str, reader: Iterator[Item], compressed: bool) -> Iterator[Item]:
    """Turn a reader crash into an InputError after the documents it already produced.

    Truncated gzip surfaces as EOFError/BadGzipFile deep inside a reader; any other exception is a
    bug or an input we did not foresee, and either way it must not sink the rest of the batch.
    """
    done = 0
    try:
        for item in reader:
            if isinstance(item, RawDocument):
                done += 1
            yield item
    except GzipBomb as exc:
        yield InputError(label, f"{exc.reason()} after {done} documents")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        what = "gzip data" if compressed else "data"
        yield InputError(label, f"truncated or corrupt {what} after {done} documents: {_short(exc)}")
    except OSError as exc:
        yield InputError(label, f"read error after {done} documents: {_os_reason(exc)}")
    except Exception as exc:
        yield internal_error(label, f"reading it after {done} documents", exc)


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or _short(exc)).lower() if exc.strerror else _short(exc)


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"
