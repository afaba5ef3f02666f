"""Small builders for test fixtures: WARC records and a split of reader output into docs and errors."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable

from multivector.errors import InputError
from multivector.records import RawDocument
from multivector.sources import iter_documents


def run(paths: Iterable[str | os.PathLike], **kwargs) -> tuple[list[RawDocument], list[InputError]]:
    """Drain iter_documents, checking it only ever yields the two promised types."""
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in iter_documents(paths, **kwargs):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            assert isinstance(item, RawDocument)
            docs.append(item)
    return docs, errors


def warc_bytes(pages: list[tuple[str, bytes, str]], *, gz: bool = False, with_request: bool = True) -> bytes:
    """A WARC file holding warcinfo, then for each (url, body, content_type) a request and a response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "multivector-tests"}))
    for url, body, ctype in pages:
        if with_request:
            req_headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req_headers)
            )
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return out.getvalue()
