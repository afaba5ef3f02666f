"""Decide what an input is from its first bytes; the file name only breaks ties.

Crawls and exports arrive with useless or wrong extensions (``.txt`` WARCs, ``.xml`` that is HTML,
``.dat`` everything), so content is the authority. Detection only looks at a bounded head, which
keeps it O(1) in file size and lets it work on stdin.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass

from multivector.sources.encoding import bom_encoding
from multivector.sources.stream import HEAD_SIZE

GZIP_MAGIC = b"\x1f\x8b"
BINARY_PROBE = 8 * 1024

#: Magic numbers of binary formats we do not read, so the error can name what the file is.
_KNOWN_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"PAR1", "Parquet file"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# Possessive quantifiers: a head of 64 KiB of blanks must not trigger exponential backtracking.
_PROLOG = re.compile(r"\A\s*+(?:(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)\s*+)*+", re.S | re.I)
_FEED_ROOT = re.compile(r"<(?:[A-Za-z][\w.-]*:)?(rss|feed|RDF)\b")
_HTML_START = re.compile(
    r"\A\s*+(?:(?:<\?.*?\?>|<!--.*?-->)\s*+)*+<(?:!doctype\s+html|html|head|body)\b", re.S | re.I
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,500}>")
_HTML_TAG_NAMES = (
    "a abbr article aside b blockquote body br caption cite code dd div dl dt em figcaption figure footer"
    " form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input label li link main meta nav noscript"
    " ol p pre script section small span strong style sub sup table tbody td th thead time title tr u ul"
)
_HTML_TAGS = frozenset(_HTML_TAG_NAMES.split())
_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_JSONL_EXT = (".jsonl", ".ndjson", ".jsonlines")


@dataclass(frozen=True, slots=True)
class Sniffed:
    """Detection result: ``fmt`` is one of warc, feed, jsonl, json, html, text, binary."""

    fmt: str
    detail: str = ""


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def gunzip_head(head: bytes, size: int = HEAD_SIZE) -> bytes:
    """Decompress the start of a gzip stream from its first bytes (raises zlib.error if corrupt).

    Only the head is inflated so that the caller can still hand the untouched raw stream to the
    reader it picks (warcio wants the compressed bytes to find record boundaries).
    """
    out = zlib.decompressobj(wbits=31).decompress(head, size)
    return out


def strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def sniff(head: bytes, name: str = "", *, at_eof: bool = False) -> Sniffed:
    """Classify an input from its first bytes; ``name`` (a file name) only settles ambiguous cases."""
    lname = name.lower()
    if head.startswith((b"WARC/1.", b"WARC/0.", b"WARC/2.")):
        return Sniffed("warc", "WARC")
    if head.startswith(b"filedesc://"):
        return Sniffed("warc", "ARC")
    binary = binary_kind(head)
    if binary:
        return Sniffed("binary", binary)
    text = sniff_text(head)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        kind = _json_kind(stripped, lname, at_eof)
        if kind:
            return Sniffed(kind)
    if stripped.startswith("[") and _looks_like_json_array(stripped, lname, at_eof):
        return Sniffed("json")
    prolog_end = _PROLOG.match(text)
    after = text[prolog_end.end() if prolog_end else 0 :]
    root = _FEED_ROOT.match(after)
    if root:
        return Sniffed("feed", root.group(1))
    if _HTML_START.match(text):
        return Sniffed("html", "markup")
    if _tag_dense(text, lname.endswith(_HTML_EXT)):
        return Sniffed("html", "tag density")
    return Sniffed("text")


def sniff_text(head: bytes) -> str:
    """The head as text good enough for markup sniffing: BOM encoding if any, else latin-1 (ASCII-safe)."""
    bom = bom_encoding(head)
    if bom:
        return head.decode(bom, errors="ignore")
    return head.decode("latin-1")


def binary_kind(head: bytes) -> str | None:
    """Name a binary input (NUL bytes or mostly control bytes), or None for text.

    UTF-16/32 text with a BOM is full of NULs but is text, so BOMs are checked first.
    """
    if bom_encoding(head):
        return None
    for magic, label in _KNOWN_BINARY:
        if head.startswith(magic):
            return label
    probe = head[:BINARY_PROBE]
    if not probe:
        return None
    if b"\x00" in probe:
        return "NUL bytes"
    controls = sum(1 for b in probe if (b < 32 and b not in (9, 10, 12, 13, 11, 27)) or b == 127)
    if controls / len(probe) > 0.1:
        return "mostly control bytes"
    return None


def _json_kind(text: str, lname: str, at_eof: bool) -> str | None:
    """JSONL if the first line is a JSON object; whole-file JSON for a pretty-printed object."""
    first, newline, _ = text.partition("\n")
    try:
        obj = json.loads(first)
        if isinstance(obj, dict):
            return "jsonl"
    except (ValueError, RecursionError):
        pass
    if lname.endswith(_JSONL_EXT):
        return "jsonl"
    if not newline and not at_eof:
        # The first line is longer than the head: trust the brace unless the name says otherwise.
        return "jsonl"
    if lname.endswith(".json"):
        return "json"
    if at_eof:
        try:
            json.loads(text)
            return "json"
        except (ValueError, RecursionError):
            return None
    return None


def _looks_like_json_array(text: str, lname: str, at_eof: bool) -> bool:
    if lname.endswith(".json"):
        return True
    rest = text[1:].lstrip()
    if rest.startswith(("{", "]")):
        return True
    if at_eof:
        try:
            return isinstance(json.loads(text), list)
        except (ValueError, RecursionError):
            return False
    return False


def _tag_dense(text: str, html_name: bool) -> bool:
    """Fragments and truncated pages lack ``<html>`` but are still markup; count known HTML tags."""
    known = 0
    markup = 0
    for m in _TAG.finditer(text):
        if m.group(2).lower() in _HTML_TAGS:
            known += 1
            markup += m.end() - m.start()
    if html_name:
        return known >= 1
    visible = len(text) - text.count(" ") - text.count("\n")
    return known >= 20 or (known >= 3 and visible > 0 and markup / visible >= 0.1)
