"""Byte-stream plumbing shared by the readers: peeking without seeking, and size-capped reads.

Stdin and pipes cannot seek, yet format detection must look at the first bytes before choosing a
reader. ``HeadStream`` replays the sniffed head in front of the untouched remainder so every reader
sees the whole input, whether it came from a file, a pipe or a gzip member.
"""

from __future__ import annotations

import io
from typing import BinaryIO

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

    def readinto(self, buffer) -> int:  # type: ignore[override]
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
