"""Bad inputs become one-line InputErrors naming the path, and never stop the rest of the batch."""

from __future__ import annotations

import builtins
import gzip
import json
import os
import socket
import tracemalloc
from pathlib import Path

import pytest
from sources_util import run, warc_bytes

from multivector.errors import InputError
from multivector.sources import iter_documents

GOOD = "Baku and Tbilisi agreed on a new pipeline tariff.\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def single_error(paths: list, **kwargs):
    """Run a bad input followed by a good one: exactly one error for the bad one, the good one read."""
    docs, errors = run(paths, **kwargs)
    assert len(errors) == 1, errors
    assert [d.content for d in docs][-1] == GOOD
    err = errors[0]
    assert "\n" not in str(err) and str(err).startswith(err.path)
    return docs, err


def test_missing_path(tmp_path: Path) -> None:
    good = write(tmp_path, "ok.txt", GOOD)
    _, err = single_error([tmp_path / "nope.txt", good])
    assert err.path == str(tmp_path / "nope.txt") and err.reason == "no such file or directory"


def test_empty_file(tmp_path: Path) -> None:
    _, err = single_error([write(tmp_path, "empty.txt", b""), write(tmp_path, "ok.txt", GOOD)])
    assert err.reason == "empty file"


BLANKS = [b"  \n\t\r\n   ", " \n".encode("utf-16"), b"\xef\xbb\xbf \n", b" " * 200_000]


@pytest.mark.parametrize("data", BLANKS)
def test_whitespace_only_file(tmp_path: Path, data: bytes) -> None:
    _, err = single_error([write(tmp_path, "blank.txt", data), write(tmp_path, "ok.txt", GOOD)])
    assert "empty file" in err.reason and "whitespace" in err.reason


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x00\x01\x02binary\x00" * 100, "NUL"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 300, "control"),
        (b"PK\x03\x04" + b"\x00" * 100, "zip"),
    ],
    ids=["nul", "control", "zip"],
)
def test_binary_file(tmp_path: Path, data: bytes, words: str) -> None:
    _, err = single_error([write(tmp_path, "blob.txt", data), write(tmp_path, "ok.txt", GOOD)])
    assert "binary file" in err.reason and words in err.reason


def test_pdf_header_without_a_body_is_a_corrupt_pdf(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    _, err = single_error([write(tmp_path, "blob.txt", data), write(tmp_path, "ok.txt", GOOD)])
    assert "corrupt or truncated PDF" in err.reason


def test_file_too_large_is_not_read_into_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write(GOOD.encode() * 2000)
        fh.truncate(52_400_000)  # a sparse tail: no disk cost, but 52 MB of RAM if it were read
    tracemalloc.start()
    try:
        _, err = single_error([big, write(tmp_path, "ok.txt", GOOD)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.reason == "file too large (52.4 MB > 20.0 MB limit)"
    assert peak < 5_000_000


def test_max_bytes_applies_to_stdin_and_gzip(tmp_path: Path) -> None:
    data = (GOOD * 100).encode()
    gz = write(tmp_path, "a.txt.gz", gzip.compress(data))
    docs, errors = run([gz], max_bytes=1000)
    assert docs == [] and errors[0].reason == f"file too large ({len(data) / 1e6:.1f} MB > 0.0 MB limit)"
    import io

    docs, errors = run(["-"], stdin=io.BytesIO(data), max_bytes=1000)
    assert docs == [] and errors[0].path == "<stdin>" and "file too large" in errors[0].reason


def test_large_jsonl_is_streamed_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    row = {"text": "Moscow and Beijing discussed a new trade route. " * 20, "source": "wire"}
    line = (json.dumps(row) + "\n").encode()
    count = 30_000_000 // len(line) + 1
    with path.open("wb") as fh:
        for _ in range(count):
            fh.write(line)
    assert path.stat().st_size > 30_000_000
    tracemalloc.start()
    try:
        n = 0
        for item in iter_documents([path], max_bytes=1_000_000):
            assert not isinstance(item, Exception)
            n += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert n == count
    assert peak < 10_000_000


def test_permission_denied_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write(tmp_path, "secret.txt", "classified")
    good = write(tmp_path, "ok.txt", GOOD)
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if os.fspath(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(secret))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    _, err = single_error([secret, good])
    assert err.path == str(secret) and "permission denied" in err.reason


def test_unlistable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    good = write(tmp_path, "ok.txt", GOOD)
    real_scandir = os.scandir

    def fake_scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    _, err = single_error([locked, good])
    assert err.path == str(locked) and "cannot list directory" in err.reason


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    _, err = single_error([link, write(tmp_path, "ok.txt", GOOD)])
    assert err.reason == "broken symbolic link"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _, err = single_error([fifo, write(tmp_path, "ok.txt", GOOD)])
    assert err.reason == "not a regular file (FIFO)"


def test_socket_in_directory(tmp_path: Path) -> None:
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(sock_path))
        write(tmp_path, "ok.txt", GOOD)
        _, err = single_error([tmp_path])
    finally:
        sock.close()
    assert err.path == str(sock_path) and err.reason == "not a regular file (socket)"


def test_truncated_gzip_yields_documents_then_error(tmp_path: Path) -> None:
    rows = [{"text": f"Statement number {i} on border talks."} for i in range(3000)]
    lines = "".join(json.dumps(row) + "\n" for row in rows)
    data = gzip.compress(lines.encode())
    path = write(tmp_path, "cut.jsonl.gz", data[: len(data) * 2 // 3])
    docs, errors = run([path, write(tmp_path, "ok.txt", GOOD)])
    assert 100 < len(docs) - 1 < 3000
    assert len(errors) == 1 and errors[0].path == str(path) and "truncated" in errors[0].reason


def test_corrupt_gzip_header(tmp_path: Path) -> None:
    bad = write(tmp_path, "x.gz", b"\x1f\x8b" + b"garbage" * 10)
    _, err = single_error([bad, write(tmp_path, "ok.txt", GOOD)])
    assert "gzip" in err.reason


def test_truncated_warc_yields_records_then_error(tmp_path: Path) -> None:
    page = b"<html><body>" + b"<p>Long paragraph about sanctions and trade.</p>" * 200 + b"</body></html>"
    pages = [(f"https://news.example/{i}", page, "text/html") for i in range(3)]
    for gz in (False, True):
        data = warc_bytes(pages, gz=gz)
        cut = 30 if gz else len(page) // 2  # inside the last response either way
        path = write(tmp_path, f"cut{int(gz)}.warc" + (".gz" if gz else ""), data[:-cut])
        docs, errors = run([path, write(tmp_path, "ok.txt", GOOD)])
        urls = [d.url for d in docs if d.url]
        assert urls == ["https://news.example/0", "https://news.example/1", "https://news.example/2"], gz
        assert [d.extra.get("truncated", False) for d in docs[:3]] == [False, False, True]
        assert docs[2].content.startswith("<html><body><p>Long") and len(docs[2].content) < len(page)
        assert len(errors) == 1 and errors[0].path == str(path), (gz, errors)
        assert "truncated" in errors[0].reason or "corrupt" in errors[0].reason


def test_undecodable_bytes_in_jsonl_line_do_not_stop_file(tmp_path: Path) -> None:
    good = json.dumps({"text": "Kyiv and Warsaw signed a grain deal."}).encode()
    bad = b'{"text": "broken \xff\xfe bytes", "id": 1'
    path = write(tmp_path, "x.jsonl", good + b"\n" + bad + b"\n" + good + b"\n")
    docs, errors = run([path])
    assert len(docs) == 2 and [e.path for e in errors] == [f"{path}:2"]


def test_error_message_is_one_line_naming_path(tmp_path: Path) -> None:
    path = tmp_path / "missing.jsonl"
    _, errors = run([path])
    assert str(errors[0]) == f"{path}: no such file or directory"


def test_a_reader_bug_is_reported_as_a_bug_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multivector.sources as sources
    from multivector.errors import InputError, InternalError

    (tmp_path / "a.jsonl").write_text('{"text": "Belarus signed a deal with Russia."}\n')
    (tmp_path / "b.txt").write_text("Belarus signed a deal with Russia.\n")

    def broken(*args: object, **kwargs: object):
        raise AttributeError("'NoneType' object has no attribute 'x'")
        yield

    monkeypatch.setattr(sources, "read_jsonl", broken)
    with pytest.raises(AttributeError):  # strict (the suite's default): the bug surfaces
        list(sources.iter_documents([tmp_path]))
    monkeypatch.setenv("MULTIVECTOR_STRICT", "0")
    items = list(sources.iter_documents([tmp_path]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and isinstance(errors[0], InternalError)
    assert "a multivector bug" in errors[0].reason and "AttributeError" in errors[0].reason
    assert errors[0].path.endswith("a.jsonl")
    assert [d.source_path for d in items if not isinstance(d, InputError)] == [str(tmp_path / "b.txt")]


def _bomb(megabytes: int) -> bytes:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * 1_000_000
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz"])
def test_a_gzip_bomb_is_refused_by_its_ratio_without_reading_it_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    import multivector.sources.stream as stream

    monkeypatch.setattr(stream, "GZIP_FLOOR", 2_000_000)  # the real floor (64 MB) only makes this slow
    packed = _bomb(50)
    if name.endswith(".jsonl.gz"):  # a bomb that looks like records: every line is valid JSON
        packed = gzip.compress(b'{"text": "Belarus signed a deal."}\n' * 1_000_000, 9)
    assert len(packed) * stream.GZIP_RATIO + stream.GZIP_FLOOR < 35_000_000  # it is past the bound
    (tmp_path / name).write_bytes(packed)
    (tmp_path / "ok.txt").write_text("Belarus signed a deal with Russia.\n")
    items = list(iter_documents([tmp_path]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "decompression bomb" in errors[0].reason, errors
    assert errors[0].path.endswith(name)
    assert any(getattr(i, "source_path", "").endswith("ok.txt") for i in items)  # the batch goes on
    docs = [i for i in items if getattr(i, "source_path", "").endswith(name)]
    assert len(docs) < 1_000_000  # the records before the bound are kept, the rest never read


def test_trailing_garbage_after_gzip_keeps_the_content(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"Belarus signed a deal with Russia.\n") + b"\x00junk after the member")
    items = list(iter_documents([path]))
    assert [type(i).__name__ for i in items] == ["RawDocument"]
    assert "Belarus signed" in items[0].content


def test_documents_know_their_path_below_the_named_input(tmp_path: Path) -> None:
    (tmp_path / "site" / "2021").mkdir(parents=True)
    (tmp_path / "site" / "2021" / "a.txt").write_text("Belarus signed a deal with Russia.\n")
    (tmp_path / "b.txt").write_text("Belarus signed a deal with Russia again.\n")
    named_dir = {d.extra["_relpath"] for d in iter_documents([tmp_path / "site"])}
    named_file = {d.extra["_relpath"] for d in iter_documents([tmp_path / "b.txt"])}
    assert named_dir == {"2021/a.txt"} and named_file == {"b.txt"}
