"""Inputs a fuzzing probe found crashing readers: each must become a per-input error or clean text."""

from __future__ import annotations

import io
import json
from pathlib import Path

from multivector.coding import code_text
from multivector.errors import InputError
from multivector.nlp.cache import content_key
from multivector.pipeline import extract_articles, ingest
from multivector.records import Article
from multivector.sources.detect import sniff
from multivector.sources.readers import read_json, read_jsonl
from multivector.store import Store

SENTENCE = "Poland signed an energy agreement with Lithuania in Vilnius on Monday."


def test_deeply_nested_json_is_an_error_for_that_line_and_the_rest_is_read():
    data = b"[" * 200_000 + b"\n" + json.dumps({"text": SENTENCE}).encode() + b"\n"
    items = list(read_jsonl("deep.jsonl", io.BufferedReader(io.BytesIO(data)), max_bytes=10**7))
    assert isinstance(items[0], InputError) and "nested too deeply" in items[0].reason
    assert items[1].content == SENTENCE


def test_deeply_nested_whole_file_json_is_an_input_error():
    items = list(read_json("deep.json", io.BytesIO(b"{" * 100_000), max_bytes=10**7))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_sniffing_deeply_nested_input_does_not_raise():
    for head in (b"{" * 50_000, b"[" * 50_000, b'{"a":' * 30_000):
        assert sniff(head, "x", at_eof=True).fmt in ("text", "json", "jsonl")


def test_lone_surrogates_become_replacement_characters(tmp_path: Path):
    path = tmp_path / "odd.jsonl"
    record = {"text": SENTENCE.replace("Monday", "Monday \ud83d"), "title": "x\udc00"}
    path.write_text(json.dumps(record) + "\n")
    got = list(extract_articles([str(path)]))
    assert len(got) == 1 and isinstance(got[0], Article)
    assert "\ufffd" in got[0].text and "\ud83d" not in got[0].text
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest([str(path)], store)
        assert report.added == 1 and not report.errors
    assert content_key("a\ud83d") != content_key("a")
    assert code_text("Russia condemned Ukraine \ud83d on Monday.", "2022-01-03")


def test_a_warc_header_warcio_cannot_split_is_a_corrupt_archive_not_a_bug():
    import gzip

    from multivector.sources import read_stream

    data = gzip.compress(b"WARC/1.0P\nWARC-TyPe:response")[:-8]  # a mangled version, then a cut stream
    items = list(read_stream("odd.warc.gz", io.BufferedReader(io.BytesIO(data)), name="odd.warc.gz"))
    assert items and all(isinstance(i, InputError) for i in items)
    assert not any("multivector bug" in i.reason for i in items)
