"""The real warcio sample archives: valid ones give documents, malformed ones an InputError, none raise."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sources_util import run

#: file → (documents expected, whether an InputError is expected)
EXPECTED = {
    "example.warc": (1, False),
    "example.warc.gz": (1, False),
    "example.arc": (1, False),
    "example.arc.gz": (1, False),
    "example-iana.org-chunked.warc": (1, False),
    "example-resource.warc.gz": (1, False),
    "example-space-in-url.arc": (1, True),  # its last record is 12 bytes short
    "example-wget-bad-target-uri.warc.gz": (1, False),
    "example-trunc.warc": (1, True),
    "example-bad-non-chunked.warc.gz": (0, True),
    "example-bad.warc.gz.bad": (0, True),
    "example-wrong-chunks.warc.gz": (0, True),
    "bad.arc": (0, True),
    # valid archives without any HTML/text page are reported, since they contribute nothing
    "example-digest.warc": (0, True),
    "example-space-in-target-uri.warc.gz": (0, True),
    "post-test.warc.gz": (0, True),
}


@pytest.fixture(scope="module")
def samples(corpora_dir: Path) -> Path:
    path = corpora_dir / "warc-samples"
    if not path.is_dir():
        pytest.skip("warc-samples corpus is not present")
    return path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample(samples: Path, name: str) -> None:
    path = samples / name
    if not path.exists():
        pytest.skip(f"{name} missing")
    docs, errors = run([path])
    n_docs, has_error = EXPECTED[name]
    assert len(docs) == n_docs, errors
    assert bool(errors) == has_error
    assert all(e.path == str(path) and "\n" not in e.reason for e in errors)
    for doc in docs:
        assert doc.kind == "html" and doc.url and doc.url.startswith("http")
        assert doc.date is None and doc.extra["crawl_date"][:2] in ("20", "19")
        assert "<html" in doc.content.lower() or "<!doctype" in doc.content.lower()


def test_example_warc_fields(samples: Path) -> None:
    [doc], _ = run([samples / "example.warc"])
    assert doc.url == "http://example.com/"
    assert doc.extra["crawl_date"] == "2017-03-06T04:02:06Z"
    assert "Example Domain" in doc.content


def test_whole_directory_and_stdin(samples: Path) -> None:
    docs, errors = run([samples])
    warc_docs = [d for d in docs if d.extra.get("format") in ("warc", "arc")]
    assert len(warc_docs) == sum(n for n, _ in EXPECTED.values())
    assert len(errors) == sum(1 for _, e in EXPECTED.values() if e)
    data = (samples / "example.warc.gz").read_bytes()
    [doc], errors = run(["-"], stdin=io.BytesIO(data))
    assert errors == [] and doc.source_path == "<stdin>" and doc.url == "http://example.com/"
