"""Every supported format is read into the right RawDocument fields, detected by content, also from stdin."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from sources_util import run, warc_bytes

from multivector.sources.detect import sniff

ARTICLE = (
    "The foreign minister of Kazakhstan met his Chinese counterpart in Astana on Tuesday and both sides "
    "agreed to expand rail transit through the Caspian corridor.\n"
)
PAGE = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Talks in Astana</title></head>"
    b"<body><article><h1>Talks in Astana</h1><p>The two ministers agreed on a new rail deal.</p>"
    b"</article></body></html>"
)
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire desk</title><language>en</language>
<item><title>Ministers meet</title><link>https://news.example/a1</link><guid>wire-1</guid>
<pubDate>Tue, 03 Mar 2026 09:30:00 +0300</pubDate>
<description>&lt;p&gt;Officials met in &lt;b&gt;Baku&lt;/b&gt; on transit.&lt;/p&gt;</description></item>
<item><title>Quiet day</title><link>https://news.example/a2</link><guid>wire-2</guid>
<description>No statements were issued.</description></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>
<entry><title>Summit announced</title><id>tag:news.example,2026:1</id>
<link href="https://news.example/s1"/><updated>2026-04-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;Leaders will gather in Tashkent.&lt;/p&gt;</content></entry>
</feed>"""
RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://news.example/"><title>RDF desk</title></channel>
<item rdf:about="https://news.example/r1"><title>Envoy recalled</title><link>https://news.example/r1</link>
<description>The envoy was recalled for consultations.</description></item>
</rdf:RDF>"""


def jsonl_bytes() -> bytes:
    rows = [
        {
            "id": "d1",
            "text": "Armenia and France signed a defence memorandum.",
            "title": "Memo",
            "date": "2025-06-01",
            "url": "https://news.example/d1",
            "lang": "en",
            "speaker_country": "ARM",
        },
        {"id": 2, "text": "Georgia hosted a trade delegation.", "outlet": "Wire"},
    ]
    return "".join(json.dumps(r) + "\n" for r in rows).encode()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_plain_text_file(tmp_path: Path) -> None:
    docs, errors = run([write(tmp_path, "a.txt", ARTICLE)])
    assert errors == []
    [doc] = docs
    assert doc.kind == "text" and doc.content == ARTICLE and doc.index == 0
    assert doc.source_path == str(tmp_path / "a.txt")
    assert doc.date is None and doc.url is None


def test_html_file_is_passed_raw(tmp_path: Path) -> None:
    docs, errors = run([write(tmp_path, "p.html", PAGE)])
    assert errors == []
    [doc] = docs
    assert doc.kind == "html"
    assert doc.content == PAGE.decode()  # not extracted here: cleaning does that


def test_truncated_html_is_passed_on(tmp_path: Path) -> None:
    cut = PAGE[: len(PAGE) // 2]
    docs, errors = run([write(tmp_path, "cut.html", cut)])
    assert errors == []
    assert docs[0].kind == "html" and docs[0].content == cut.decode()


def test_jsonl_fields_and_extra(tmp_path: Path) -> None:
    docs, errors = run([write(tmp_path, "batch.jsonl", jsonl_bytes())])
    assert errors == []
    first, second = docs
    assert (first.doc_id, first.title, first.date, first.url, first.lang) == (
        "d1",
        "Memo",
        "2025-06-01",
        "https://news.example/d1",
        "en",
    )
    assert first.extra == {"speaker_country": "ARM", "_relpath": "batch.jsonl"}
    assert first.kind == "text" and first.content.startswith("Armenia")
    assert second.doc_id == "2" and second.extra == {"outlet": "Wire", "_relpath": "batch.jsonl"}
    assert [d.index for d in docs] == [0, 1]


def test_jsonl_bad_lines_are_reported_and_others_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Line one is fine."}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Line eight is fine too."}),
    ]
    path = write(tmp_path, "mixed.jsonl", "\n".join(lines) + "\n")
    docs, errors = run([path])
    assert [d.content for d in docs] == ["Line one is fine.", "Line eight is fine too."]
    assert [d.index for d in docs] == [0, 1]
    assert [e.path for e in errors] == [f"{path}:{n}" for n in (2, 4, 5, 6, 7)]
    reasons = [e.reason for e in errors]
    assert reasons[0].startswith("invalid JSON")
    assert "object" in reasons[1]
    assert reasons[2] == 'missing "text" field'
    assert reasons[3] == 'empty "text" field'
    assert "string" in reasons[4]


def test_json_array(tmp_path: Path) -> None:
    data = json.dumps([{"text": "Uzbekistan opened a consulate.", "id": "u1"}, {"nope": 1}], indent=2)
    path = write(tmp_path, "export.json", data)
    docs, errors = run([path])
    assert [d.doc_id for d in docs] == ["u1"]
    assert [e.path for e in errors] == [f"{path}[1]"]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [(RSS, "feed/rss"), (ATOM, "feed/feed"), (RDF, "feed/rdf")],
    ids=["rss", "atom", "rdf"],
)
def test_feeds(tmp_path: Path, data: bytes, fmt: str) -> None:
    docs, errors = run([write(tmp_path, "feed.xml", data)])
    assert errors == []
    assert docs and all(d.extra["format"] == fmt for d in docs)
    assert all(d.url and d.url.startswith("https://news.example/") for d in docs)


def test_rss_fields(tmp_path: Path) -> None:
    docs, _ = run([write(tmp_path, "feed.rss", RSS)])
    first, second = docs
    assert first.title == "Ministers meet" and first.doc_id == "wire-1"
    assert first.date == "2026-03-03T06:30:00+00:00"
    assert first.kind == "html" and "<b>Baku</b>" in first.content
    assert first.lang == "en" and first.extra["feed_title"] == "Wire desk"
    assert second.kind == "text" and second.date is None and second.index == 1


def test_atom_content_and_date(tmp_path: Path) -> None:
    [doc], _ = run([write(tmp_path, "atom.xml", ATOM)])
    assert doc.date == "2026-04-01T12:00:00+00:00"
    assert doc.kind == "html" and "Tashkent" in doc.content
    assert doc.url == "https://news.example/s1"


def test_truncated_feed_yields_entries_then_error(tmp_path: Path) -> None:
    cut = RSS[: RSS.index(b"<item><title>Quiet")] + b"<item><title>Quiet day</ti"
    docs, errors = run([write(tmp_path, "cut.xml", cut)])
    assert docs[0].title == "Ministers meet"
    assert len(docs) == 1
    assert "malformed feed" in errors[-1].reason and errors[-1].path.endswith("cut.xml")


def test_warc_responses_only(tmp_path: Path) -> None:
    pages = [
        ("https://news.example/one", PAGE, "text/html; charset=utf-8"),
        ("https://news.example/logo.png", b"\x89PNG....", "image/png"),
        ("https://news.example/two.txt", ARTICLE.encode(), "text/plain"),
    ]
    docs, errors = run([write(tmp_path, "crawl.warc", warc_bytes(pages))])
    assert errors == []
    assert [(d.url, d.kind) for d in docs] == [
        ("https://news.example/one", "html"),
        ("https://news.example/two.txt", "text"),
    ]
    assert [d.index for d in docs] == [0, 1]
    first = docs[0]
    assert first.date is None  # crawl time is not publication time
    assert first.extra["crawl_date"].startswith("20")
    assert first.content == PAGE.decode()


def test_warc_gz_and_cp1251_charset_header(tmp_path: Path) -> None:
    body = "<html><body><p>Министр иностранных дел провёл переговоры.</p></body></html>".encode("cp1251")
    data = warc_bytes([("https://news.example/ru", body, "text/html; charset=windows-1251")], gz=True)
    [doc], errors = run([write(tmp_path, "ru.warc.gz", data)])
    assert errors == []
    assert "Министр иностранных дел" in doc.content and doc.extra["encoding"] == "cp1251"


def test_gzip_wrapped_formats(tmp_path: Path) -> None:
    paths = [
        write(tmp_path, "a.jsonl.gz", gzip.compress(jsonl_bytes())),
        write(tmp_path, "b.html.gz", gzip.compress(PAGE)),
        write(tmp_path, "c.txt.gz", gzip.compress(ARTICLE.encode())),
    ]
    docs, errors = run(paths)
    assert errors == []
    assert [d.kind for d in docs] == ["text", "text", "html", "text"]
    assert docs[0].doc_id == "d1" and docs[3].content == ARTICLE


@pytest.mark.parametrize(
    ("name", "data", "expect"),
    [
        ("looks_like.txt", PAGE, "html"),
        ("really.html", ARTICLE.encode(), "text"),
        ("feed.html", RSS, "feed"),
        ("records.txt", jsonl_bytes(), "jsonl"),
        ("crawl.json", None, "warc"),
        ("archive.txt", None, "gzip-warc"),
    ],
)
def test_detection_by_content_beats_extension(
    tmp_path: Path, name: str, data: bytes | None, expect: str
) -> None:
    pages = [("https://news.example/x", PAGE, "text/html")]
    if expect == "warc":
        data = warc_bytes(pages)
    elif expect == "gzip-warc":
        data = warc_bytes(pages, gz=True)
    docs, errors = run([write(tmp_path, name, data)])
    assert errors == []
    if expect in ("html", "text"):
        assert [d.kind for d in docs] == [expect]
    elif expect == "feed":
        assert docs[0].extra["format"] == "feed/rss"
    elif expect == "jsonl":
        assert [d.doc_id for d in docs] == ["d1", "2"]
    else:
        assert [d.url for d in docs] == ["https://news.example/x"]


def test_sniff_uses_extension_only_as_tie_breaker() -> None:
    fragment = b"A line with one <b>bold</b> word. " + b"Then plain words follow. " * 10
    assert sniff(fragment, "x.txt", at_eof=True).fmt == "text"
    assert sniff(fragment, "x.html", at_eof=True).fmt == "html"
    dense = b"<div><p>One.</p><p>Two.</p><span>Three</span></div>"
    assert sniff(dense, "x.txt", at_eof=True).fmt == "html"
    assert sniff(b'{"text": "x"}\n', "x.txt").fmt == "jsonl"
    assert sniff(b"{broken\n", "x.jsonl").fmt == "jsonl"
    assert sniff(b"{broken\n", "x.txt", at_eof=True).fmt == "text"


@pytest.mark.parametrize("kind", ["text", "html", "jsonl", "rss", "warc", "warc.gz", "jsonl.gz"])
def test_stdin_every_format(kind: str) -> None:
    data = {
        "text": ARTICLE.encode(),
        "html": PAGE,
        "jsonl": jsonl_bytes(),
        "rss": RSS,
        "warc": warc_bytes([("https://news.example/s", PAGE, "text/html")]),
        "warc.gz": warc_bytes([("https://news.example/s", PAGE, "text/html")], gz=True),
        "jsonl.gz": gzip.compress(jsonl_bytes()),
    }[kind]

    class Pipe(io.RawIOBase):
        """Non-seekable, short reads: like a real pipe."""

        def __init__(self) -> None:
            self._buf = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:
            chunk = self._buf.read(min(len(b), 1000))
            b[: len(chunk)] = chunk
            return len(chunk)

    docs, errors = run(["-"], stdin=Pipe())
    assert errors == []
    assert docs and all(d.source_path == "<stdin>" for d in docs)
    expected_count = {"jsonl": 2, "jsonl.gz": 2, "rss": 2}.get(kind, 1)
    assert len(docs) == expected_count


def test_directory_walk_sorted_recursive_skips_hidden(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Second file about Turkey and Azerbaijan.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", "Third file about Iran and Armenia.")
    write(tmp_path, "a.txt", "First file about Russia and China.")
    write(tmp_path, ".hidden.txt", "Should not be read.")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "x.txt", "Nor this.")
    docs, errors = run([tmp_path])
    assert errors == []
    assert [Path(d.source_path).name for d in docs] == ["a.txt", "b.txt", "c.txt"]


def test_directory_with_one_bad_file(tmp_path: Path) -> None:
    write(tmp_path, "good1.txt", "Ankara and Moscow discussed gas prices.")
    write(tmp_path, "good2.jsonl", json.dumps({"text": "Minsk hosted talks."}) + "\n")
    write(tmp_path, "junk.bin", bytes(range(256)) * 4)
    docs, errors = run([tmp_path])
    assert len(docs) == 2 and len(errors) == 1
    assert errors[0].path.endswith("junk.bin") and "binary" in errors[0].reason


def test_default_stdin_is_sys_stdin_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(PAGE)

    monkeypatch.setattr("sys.stdin", FakeStdin())
    [doc], errors = run(["-"])
    assert errors == [] and doc.kind == "html" and doc.source_path == "<stdin>"


def test_explicit_hidden_file_and_single_path(tmp_path: Path) -> None:
    hidden = write(tmp_path, ".notes.txt", ARTICLE)
    docs, errors = run([hidden])
    assert errors == [] and len(docs) == 1
    docs, errors = run(hidden)  # type: ignore[arg-type]  # a bare path, not a list
    assert errors == [] and len(docs) == 1


def test_jsonl_line_over_limit_and_explicit_html_kind(tmp_path: Path) -> None:
    rows = [
        {"text": "x" * 500},
        {"text": "<p>Short page body.</p>", "kind": "html"},
    ]
    path = write(tmp_path, "r.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    docs, errors = run([path], max_bytes=200)
    assert [e.path for e in errors] == [f"{path}:1"] and "longer than" in errors[0].reason
    assert [(d.kind, d.index, d.extra) for d in docs] == [("html", 0, {"_relpath": "r.jsonl"})]
