"""Readers for single documents, JSON Lines, JSON arrays and RSS/Atom feeds.

Each reader is a generator over an already-opened binary stream that yields RawDocument objects and
InputError objects for bad records, so one broken line or entry never costs the rest of the file.
Containers stream record by record; only single documents are capped, because they are held whole.
"""

from __future__ import annotations

import io
import json
import re
from calendar import timegm
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

from multivector.errors import InputError
from multivector.records import RawDocument
from multivector.sources.encoding import bom_encoding, decode_bytes
from multivector.sources.stream import MB, TooLarge, read_capped, read_whole

Item = RawDocument | InputError

#: JSON fields that map onto RawDocument attributes; everything else goes to ``extra``.
_JSON_FIELDS = {"id": "doc_id", "title": "title", "date": "date", "url": "url", "lang": "lang"}
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
_XML_DECL_ENCODING = re.compile(rb"\A\s*<\?xml[^>]{0,200}?encoding\s*=", re.I)
_HAS_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9]*>")


def read_single(
    label: str, stream: BinaryIO, kind: str, *, size: int | None, max_bytes: int, extra: dict[str, Any]
) -> Iterator[Item]:
    """A whole file is one document; refuse oversized ones before reading them into memory."""
    try:
        data = read_whole(stream, size, max_bytes)
    except TooLarge as exc:
        yield InputError(label, exc.reason())
        return
    text, encoding = decode_bytes(data, markup=kind == "html")
    if not text.replace("\ufeff", "").strip():
        yield InputError(label, "empty file (only whitespace)")
        return
    yield RawDocument(source_path=label, content=text, kind=kind, extra={**extra, "encoding": encoding})


def read_jsonl(label: str, stream: BinaryIO, *, max_bytes: int) -> Iterator[Item]:
    """One document per line; a bad line becomes an InputError at ``path:line`` and reading goes on.

    Lines are read with a length cap, so memory stays bounded by the longest accepted line even
    for multi-gigabyte files.
    """
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    wide = bom_encoding(head)
    if wide == "utf-8-sig":
        wide = None
    index = 0
    encoding: str | None = None
    for lineno, raw in enumerate(_lines(stream, max_bytes, wide), 1):
        where = f"{label}:{lineno}"
        if raw is None:
            yield InputError(where, f"line longer than the {max_bytes / MB:.1f} MB limit")
            continue
        if isinstance(raw, str):
            line = raw
        else:
            line, encoding = _decode_line(raw, encoding)
        line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield InputError(where, f"invalid JSON: {_json_error(exc)}")
            continue
        except RecursionError:
            yield InputError(where, "JSON nested too deeply")
            continue
        item = document_from_json(obj, label, where, index)
        if isinstance(item, RawDocument):
            index += 1
        yield item


def _lines(stream: BinaryIO, max_bytes: int, wide: str | None) -> Iterator[bytes | str | None]:
    """Yield raw lines; None stands for a line over ``max_bytes`` (its bytes are skipped, not kept).

    UTF-16/32 files cannot be split on b"\\n", so they are decoded as a text stream instead.
    """
    if wide:
        text = io.TextIOWrapper(stream, encoding=wide, errors="replace")
        while True:
            line = text.readline(max_bytes + 1)
            if not line:
                return
            if len(line) > max_bytes and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = text.readline(1 << 20)
                yield None
                continue
            yield line
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(1 << 20)
            yield None
            continue
        yield raw


def _decode_line(raw: bytes, encoding: str | None) -> tuple[str, str | None]:
    """Decode a line: strict UTF-8, else the legacy encoding learned on earlier lines, else detection.

    UTF-8 goes first because single-byte code pages decode anything, so a learned cp1251 would
    silently garble later UTF-8 lines of a concatenated file.
    """
    try:
        return raw.decode("utf-8"), encoding
    except UnicodeDecodeError:
        pass
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    text, found = decode_bytes(raw)
    return text, (found if found != "utf-8" else encoding)


def read_json(label: str, stream: BinaryIO, *, max_bytes: int) -> Iterator[Item]:
    """A whole-file JSON array of objects (or one object); parsed at once, so it obeys ``max_bytes``."""
    try:
        data = read_capped(stream, max_bytes)
    except TooLarge as exc:
        yield InputError(label, exc.reason() + "; use JSON Lines for large collections")
        return
    text, _ = decode_bytes(data)
    try:
        obj = json.loads(text.lstrip("\ufeff"))
    except ValueError as exc:
        yield InputError(label, f"invalid JSON: {_json_error(exc)}")
        return
    except RecursionError:
        yield InputError(label, "JSON nested too deeply")
        return
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        yield InputError(label, "empty JSON array")
        return
    index = 0
    for pos, entry in enumerate(items):
        where = f"{label}[{pos}]" if isinstance(obj, list) else label
        item = document_from_json(entry, label, where, index)
        if isinstance(item, RawDocument):
            index += 1
        yield item


def document_from_json(obj: Any, label: str, where: str, index: int) -> Item:
    """Map one JSON object onto a RawDocument; "text" is required, unknown fields go to ``extra``."""
    if not isinstance(obj, dict):
        return InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        got = type(text).__name__
        reason = 'missing "text" field' if text is None else f'"text" must be a string, got {got}'
        return InputError(where, reason)
    if not text.strip():
        return InputError(where, 'empty "text" field')
    doc = RawDocument(source_path=label, content=text, kind="text", index=index)
    kind = obj.get("kind")
    if kind in ("text", "html"):
        doc.kind = kind
    extra: dict[str, Any] = {}
    for key, value in obj.items():
        if key == "text" or (key == "kind" and kind in ("text", "html")):
            continue
        attr = _JSON_FIELDS.get(key)
        if attr is None or isinstance(value, list | dict):
            # a list or object where a url, date or lang belongs is kept as given, never its repr
            extra[key] = value
        elif value is not None and value != "":
            setattr(doc, attr, value if isinstance(value, str) else str(value))
    doc.extra = extra
    return doc


def _json_error(exc: ValueError) -> str:
    msg = getattr(exc, "msg", None)
    col = getattr(exc, "colno", None)
    return f"{msg} at column {col}" if msg and col else str(exc)


def read_feed(label: str, stream: BinaryIO, *, fmt: str) -> Iterator[Item]:
    """Every RSS/Atom/RDF entry becomes a document; a malformed tail is reported after the entries.

    feedparser needs the whole document, so feeds are parsed in memory; they are small in practice.
    Its own encoding detection is used because feeds declare their charset in the XML prolog.
    """
    import xml.sax

    import feedparser

    parsed = feedparser.parse(_feed_bytes(stream.read()))
    feed = parsed.get("feed", {})
    feed_lang = feed.get("language") or None
    base_extra: dict[str, Any] = {"format": f"feed/{fmt.lower()}"}
    if feed.get("title"):
        base_extra["feed_title"] = feed.get("title")
    if parsed.get("encoding"):
        base_extra["encoding"] = parsed.get("encoding")
    index = 0
    for pos, entry in enumerate(parsed.entries):
        doc = _feed_entry(entry, label, index, feed_lang, base_extra)
        if doc is None:
            yield InputError(f"{label}#{pos}", "feed entry has neither content nor title")
            continue
        index += 1
        yield doc
    bozo = parsed.get("bozo_exception")
    if isinstance(bozo, xml.sax.SAXException):
        yield InputError(label, f"malformed feed XML ({_one_line(bozo)}); {index} entries read before it")
    elif not parsed.entries:
        yield InputError(label, "feed has no entries")


def _feed_bytes(data: bytes) -> bytes:
    """Re-encode an undeclared legacy-encoded feed as UTF-8, since feedparser would assume cp1252.

    A BOM or an XML ``encoding=`` declaration is left to feedparser, which honours both.
    """
    if bom_encoding(data) or _XML_DECL_ENCODING.match(data):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        text, _ = decode_bytes(data, markup=True)
    text = _XML_DECL.sub("", text, count=1)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text).encode("utf-8")


def _feed_entry(
    entry: Any, label: str, index: int, feed_lang: str | None, base_extra: dict[str, Any]
) -> RawDocument | None:
    content = ""
    lang = None
    for part in entry.get("content") or []:
        if part.get("value", "").strip():
            content = part["value"]
            lang = part.get("language")
            break
    if not content:
        content = entry.get("summary", "") or ""
        lang = (entry.get("summary_detail") or {}).get("language")
    extra = dict(base_extra)
    title = entry.get("title") or None
    if not content.strip():
        if not title:
            return None
        content = title
        extra["content_from"] = "title"
    date = None
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            date = datetime.fromtimestamp(timegm(parsed), tz=UTC).isoformat()
            break
        if entry.get(key):
            extra["date_raw"] = entry.get(key)
    if entry.get("author"):
        extra["author"] = entry.get("author")
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        extra["tags"] = tags
    return RawDocument(
        source_path=label,
        content=content,
        kind="html" if _HAS_TAG.search(content) else "text",
        url=entry.get("link") or None,
        title=title,
        date=date,
        lang=lang or feed_lang,
        doc_id=entry.get("id") or None,
        index=index,
        extra=extra,
    )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
