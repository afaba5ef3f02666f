"""WARC and ARC crawl archives, read record by record with warcio.

Only successful HTML or plain-text captures are documents; requests, warcinfo, metadata, revisits,
redirects and non-text payloads are skipped. The WARC-Date is when the crawler fetched the page, not
when the article was published, so it goes to ``extra["crawl_date"]`` and never to ``date`` (the
cleaning stage finds the publication date in the page). Damage is reported after the records that
could be read, because a truncated crawl is still mostly useful.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from multivector.errors import InputError
from multivector.records import RawDocument
from multivector.sources.detect import sniff
from multivector.sources.encoding import decode_bytes
from multivector.sources.stream import MB

log = logging.getLogger(__name__)

Item = RawDocument | InputError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_DOC_SCHEMES = ("http", "https", "ftp", "file")
#: What warcio's record parser raises on a malformed header instead of its own error (e.g. a status
#: line it could not split leaves None where a string is expected): the input's fault, not ours.
_WARCIO_SLIPS = (AttributeError, TypeError, IndexError, KeyError)


def read_warc(label: str, stream: BinaryIO, *, fmt: str, max_bytes: int) -> Iterator[Item]:
    """Yield one document per HTML/text response or resource record, then any damage found."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    archive = ArchiveIterator(stream)
    records = iter(archive)
    count = 0
    index = 0
    while True:
        # warcio prints warnings straight to stderr; keep them out of the CLI output (we report them).
        noise = io.StringIO()
        try:
            with contextlib.redirect_stderr(noise):
                record = next(records)
        except StopIteration:
            break
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, *_WARCIO_SLIPS) as exc:
            yield InputError(label, f"truncated or corrupt {fmt} after {count} record(s): {_describe(exc)}")
            return
        if noise.getvalue().strip():
            log.debug("warcio: %s", noise.getvalue().strip())
        count += 1
        try:
            item = _document(record, label, index, fmt, max_bytes)
            missing = _drain(record)
        except (EOFError, zlib.error, OSError, ValueError) as exc:
            yield InputError(label, f"corrupt payload in {fmt} record {count}: {_describe(exc)}")
            return
        if missing:
            # The archive ends inside this record. A cut page is still worth extracting (cleaning copes
            # with truncated HTML), so pass it on, flagged, before reporting the damage.
            if isinstance(item, RawDocument):
                item.extra["truncated"] = True
                index += 1
                yield item
            what = f"record {count} is missing {missing} bytes"
            yield InputError(label, f"{fmt} is truncated: {what} ({index} documents read)")
            return
        if item is None:
            continue
        if isinstance(item, RawDocument):
            index += 1
        yield item
    damaged = getattr(archive, "err_count", 0)
    if damaged:
        yield InputError(
            label,
            f"{fmt} is truncated or damaged: {damaged} record(s) with a wrong Content-Length"
            f" ({index} documents read)",
        )
    elif index == 0:
        yield InputError(label, f"no HTML or text responses in {fmt} ({count} records)")


def _document(record: Any, label: str, index: int, fmt: str, max_bytes: int) -> Item | None:
    """Turn one warcio record into a RawDocument, None to skip it, or an InputError if oversized."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.rec_headers
    http = record.http_headers
    status = None
    if http is not None and record.rec_type == "response":
        status = http.get_statuscode()
        if not (status or "").startswith("2"):
            return None
    content_type = (http.get_header("Content-Type") if http is not None else None) or headers.get_header(
        "Content-Type"
    )
    mime, charset = _parse_content_type(content_type)
    url = headers.get_header("WARC-Target-URI") or headers.get_header("uri")
    if url and url.split(":", 1)[0].lower() not in _DOC_SCHEMES:
        return None  # crawler bookkeeping such as wget's metadata:// logs, dns: lookups
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        limit = f"{max_bytes / MB:.1f} MB"
        return InputError(f"{label}#{index}", f"{fmt} record for {url} exceeds the {limit} limit")
    if not payload.strip():
        return None
    if mime in _HTML_TYPES:
        kind = "html"
    elif mime in _TEXT_TYPES:
        kind = "text"
    elif not mime or mime in ("application/octet-stream", "unk", "no-type", "application/http"):
        sniffed = sniff(payload[:65536]).fmt
        if sniffed not in ("html", "text"):
            return None
        kind = sniffed
    else:
        return None
    text, encoding = decode_bytes(payload, declared=charset, markup=kind == "html")
    if not text.strip():
        return None
    extra: dict[str, Any] = {"format": fmt.lower(), "encoding": encoding, "record_type": record.rec_type}
    crawl_date = headers.get_header("WARC-Date") or _arc_date(headers.get_header("archive-date"))
    if crawl_date:
        extra["crawl_date"] = crawl_date
    if headers.get_header("WARC-Record-ID"):
        extra["warc_record_id"] = headers.get_header("WARC-Record-ID")
    if content_type:
        extra["content_type"] = content_type
    if status:
        extra["http_status"] = int(status) if status.isdigit() else status
    record_id = headers.get_header("WARC-Record-ID") or None
    return RawDocument(
        source_path=label, content=text, kind=kind, url=url, index=index, extra=extra, doc_id=record_id
    )


def _drain(record: Any) -> int:
    """Read the rest of a record's block; return how many promised bytes never arrived (0 if complete).

    warcio silently stops at end of file when Content-Length promises more, which is how a cut
    uncompressed WARC looks, so the shortfall is measured here.
    """
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    remaining = getattr(raw, "limit", 0)
    return remaining if isinstance(remaining, int) and remaining > 0 else 0


def _parse_content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, val = p.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return parts[0].lower(), charset


def _arc_date(value: str | None) -> str | None:
    """ARC dates are 14+ digits (YYYYMMDDhhmmss); give them the same ISO shape as WARC-Date."""
    if not value or len(value) < 14 or not value[:14].isdigit():
        return value or None
    v = value[:14]
    return f"{v[:4]}-{v[4:6]}-{v[6:8]}T{v[8:10]}:{v[10:12]}:{v[12:14]}Z"


def _describe(exc: BaseException) -> str:
    """One short printable line: warcio messages span lines and may quote raw binary data."""
    text = " ".join(str(exc).split())
    if "non-chunked gzip" in text:
        return "gzip is not compressed record by record (recompress it with `warcio recompress`)"
    text = re.sub(r"[^\x20-\x7e]+", "?", text)
    return (text[:120] + "…" if len(text) > 120 else text) or type(exc).__name__
