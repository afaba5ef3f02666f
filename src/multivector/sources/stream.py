"""Byte-stream plumbing shared by the readers: peeking without seeking, and size-capped reads.

Stdin and pipes cannot seek, yet format detection must look at the first bytes before choosing a
reader. ``HeadStream`` replays the sniffed head in front of the untouched remainder so every reader
sees the whole input, whether it came from a file, a pipe or a gzip member.
"""

from __future__ import annotations

import io
import logging
from typing import Any, BinaryIO

log = logging.getLogger(__name__)

HEAD_SIZE = 64 * 1024
CHUNK = 1024 * 1024
MB = 1_000_000


class TooLarge(Exception):
    """A single document exceeded the byte limit; ``size`` is exact, or a lower bound if not ``exact``."""

    def __init__(self, size: int, limit: int, *, exact: bool = True) -> None:
        super().__init__(size)
        self.size = size
        self.limit = limit
        self.exact = exact

    def reason(self) -> str:
        more = "" if self.exact else "more than "
        return f"file too large ({more}{self.size / MB:.1f} MB > {self.limit / MB:.1f} MB limit)"


class HeadStream(io.RawIOBase):
    """A read-only stream that yields ``head`` and then whatever is left in ``rest``.

    It counts the bytes it hands out so ``tell()`` works even on a pipe (warcio asks for offsets).
    """

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._head_pos = 0
        self._rest = rest
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        want = len(buffer)
        if self._head_pos < len(self._head):
            piece = self._head[self._head_pos : self._head_pos + want]
            n = len(piece)
            buffer[:n] = piece
            self._head_pos += n
        else:
            data = self._rest.read(want)
            n = len(data)
            buffer[:n] = data
        self._pos += n
        return n

    def tell(self) -> int:
        return self._pos


def buffered(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    """``head`` + ``rest`` as a buffered binary stream (readline, read(n) …)."""
    return io.BufferedReader(HeadStream(head, rest), buffer_size=CHUNK)


def read_head(stream: BinaryIO, size: int = HEAD_SIZE) -> bytes:
    """Read up to ``size`` bytes, looping because pipes return short reads."""
    parts: list[bytes] = []
    got = 0
    while got < size:
        data = stream.read(size - got)
        if not data:
            break
        parts.append(data)
        got += len(data)
    return b"".join(parts)


def read_whole(stream: BinaryIO, size: int | None, limit: int) -> bytes:
    """A single-document file in memory, refused with TooLarge before reading when its ``size`` is
    known to be over ``limit``, else while reading."""
    if size is not None and size > limit:
        raise TooLarge(size, limit)
    return read_capped(stream, limit)


def read_capped(stream: BinaryIO, limit: int, *, count_cap: int | None = None) -> bytes:
    """Read a whole stream, raising TooLarge once it passes ``limit`` bytes.

    Past the limit the rest is only counted (never kept) so the error can say how big the input
    was; counting stops at ``count_cap`` so a gzip bomb cannot keep us busy forever.
    """
    count_cap = count_cap if count_cap is not None else max(limit * 50, 1 << 30)
    parts: list[bytes] = []
    got = 0
    while True:
        data = stream.read(CHUNK)
        if not data:
            return b"".join(parts)
        got += len(data)
        if got > limit:
            break
        parts.append(data)
    parts.clear()
    while got <= count_cap:
        data = stream.read(CHUNK)
        if not data:
            raise TooLarge(got, limit)
        got += len(data)
    raise TooLarge(got, limit, exact=False)


#: Deflate cannot beat ~1,030:1; text rarely passes 20:1. Past this ratio (plus a floor for small files)
#: a gzip input is a bomb, or something no reader should spend minutes on.
GZIP_RATIO = 200
GZIP_FLOOR = 64 * MB


class GzipBomb(Exception):
    """A gzip stream decompressed to more than :data:`GZIP_RATIO` times the bytes it had consumed."""

    def __init__(self, packed: int, unpacked: int) -> None:
        super().__init__(unpacked)
        self.packed = packed
        self.unpacked = unpacked

    def reason(self) -> str:
        return (
            f"gzip data expands more than {GZIP_RATIO}:1 ({self.packed / MB:.2f} MB gave over "
            f"{self.unpacked / MB:.0f} MB): refused as a likely decompression bomb"
        )


class _Counted(io.RawIOBase):
    """The compressed side: counts what the decompressor has pulled in."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


class _BoundedGunzip(io.RawIOBase):
    """The decompressed side: raises GzipBomb as soon as output outruns input by the allowed ratio."""

    def __init__(self, raw: BinaryIO, ratio: int, floor: int) -> None:
        import gzip

        super().__init__()
        self._packed = _Counted(raw)
        self._gz = gzip.GzipFile(fileobj=io.BufferedReader(self._packed, buffer_size=64 * 1024), mode="rb")
        self._ratio = ratio
        self._floor = floor
        self._out = 0
        self.trailing_garbage = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        import gzip

        if self.trailing_garbage:
            return 0
        try:
            data = self._gz.read1(len(buffer))  # read1: one member step, so an error loses nothing read
        except gzip.BadGzipFile as exc:
            # bytes after a complete member that do not start another one: like gzip(1), keep what was
            # read and ignore the trailing garbage, rather than lose a whole valid document to it
            if not self._out or "Not a gzipped file" not in str(exc):
                raise
            log.warning("ignored trailing garbage after gzip data (%s)", exc)
            self.trailing_garbage = True
            return 0
        n = len(data)
        buffer[:n] = data
        self._out += n
        if self._out > self._floor + self._ratio * self._packed.count:
            raise GzipBomb(self._packed.count, self._out)
        return n


def gunzip(raw: BinaryIO, *, ratio: int | None = None, floor: int | None = None) -> io.BufferedReader:
    """A gzip stream's content as a buffered stream whose expansion is bounded (see :class:`GzipBomb`)."""
    ratio = GZIP_RATIO if ratio is None else ratio
    floor = GZIP_FLOOR if floor is None else floor
    return io.BufferedReader(_BoundedGunzip(raw, ratio, floor), buffer_size=CHUNK)
