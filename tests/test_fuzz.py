"""Property-based fuzzing of every entry point that takes user input: readers, cleaner, coder, CLI.

The bar is zero crashes: whatever the bytes, a reader yields documents or ``InputError`` records, the
cleaner returns articles or raises ``MultivectorError``, ``code_text`` returns events, and the CLI exits
0, 1 or 2 without a traceback. The CI profile keeps the module well under a minute; ``make fuzz`` runs
the ``fuzz`` profile (10,000+ cases) and prints what it tried.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from multivector.clean import clean_document
from multivector.coding import code_text
from multivector.errors import InputError, MultivectorError
from multivector.records import Article, Event, RawDocument
from multivector.sources import read_stream

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("MULTIVECTOR_FUZZ_PROFILE", "ci"))

WORDS = ["Russia", "Belarus", "the EU", "signed", "condemned", "Minsk", "talks", "we", "they", "агрессия"]
SEEDS = [
    b"Minsk Talks\n\nBelarus and Russia signed an energy agreement in Minsk on Friday.\n",
    b'{"text": "Poland condemned Russia over the border incident on Monday.", "date": "2022-03-01"}\n',
    b"<html><head><title>T</title></head><body><p>Georgia protested to Russia on Tuesday.</p></body></html>",
    b'<?xml version="1.0"?><rss><channel><item><title>A</title><description>Kazakhstan hosted talks.'
    b"</description></item></channel></rss>",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n",
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n",
]
COUNTS = {"cases": 0, "silent": 0, "slowest": 0.0}


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if os.environ.get("MULTIVECTOR_FUZZ_PROFILE") == "fuzz":
        print(
            f"\nfuzz: {COUNTS['cases']} cases, 0 crashes (a crash fails the run), "
            f"{COUNTS['silent']} silent inputs, slowest case {COUNTS['slowest']:.2f} s"
        )


def _mutate(seed: bytes, cut: int, junk: bytes, at: int) -> bytes:
    at = at % (len(seed) + 1)
    return seed[:at] + junk + seed[at : max(at, len(seed) - cut)]


inputs = st.one_of(
    st.binary(max_size=2048),
    st.builds(
        _mutate, st.sampled_from(SEEDS), st.integers(0, 64), st.binary(max_size=64), st.integers(0, 4096)
    ),
    st.builds(lambda s: gzip.compress(s), st.sampled_from(SEEDS)),
    st.builds(lambda n: b"[" * n + b"\n", st.integers(1, 30_000)),
    st.builds(lambda n: b"<div>" * n + b"text", st.integers(1, 3000)),
    st.builds(
        lambda v: (json.dumps({"text": v, "lang": [1], "url": {"a": v}, "date": v}) + "\n").encode(),
        st.text(max_size=200),
    ),
    st.builds(lambda s: s.encode("utf-8", "surrogatepass"), st.text(max_size=300)),
)


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n in names:
            zf.writestr(n, "x")
    return buf.getvalue()


@given(
    data=st.one_of(
        inputs, st.builds(_zip, st.lists(st.sampled_from(["word/document.xml", "a.txt"]), unique=True))
    )
)
def test_readers_and_cleaner_never_crash(data: bytes):
    COUNTS["cases"] += 1
    t0 = time.perf_counter()
    items = list(read_stream("fuzz-input", io.BufferedReader(io.BytesIO(data)), name="fuzz-input"))
    assert items, "an input gave neither a document nor an error"  # nothing is lost silently
    for item in items:
        assert isinstance(item, RawDocument | InputError)
        if isinstance(item, RawDocument):
            try:
                arts = clean_document(item)
            except MultivectorError:
                continue
            assert all(isinstance(a, Article) for a in arts)
            for a in arts:
                a.text.encode("utf-8")  # never a lone surrogate past the cleaner
    COUNTS["slowest"] = max(COUNTS["slowest"], time.perf_counter() - t0)


@given(text=st.one_of(st.text(max_size=400), st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)))
def test_code_text_never_crashes(text: str):
    COUNTS["cases"] += 1
    events = code_text(text, "2022-03-01")
    assert all(isinstance(e, Event) for e in events)


@given(name=st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s and "/" not in s))
@settings(max_examples=15)
def test_cli_reports_odd_paths_without_a_traceback(tmp_path_factory, name: str):
    from typer.testing import CliRunner

    from multivector.cli import app

    COUNTS["cases"] += 1
    folder = tmp_path_factory.mktemp("cli")
    res = CliRunner().invoke(app, ["articles", str(folder / name), "-f", "jsonl"])
    assert res.exit_code in (0, 1, 2), res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
