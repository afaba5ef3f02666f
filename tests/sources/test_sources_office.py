"""PDF and DOCX input, recognised by content: layout repaired, bad files reported one by one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from office_util import make_docx, make_pdf

from multivector.errors import InputError
from multivector.pipeline import extract_articles
from multivector.records import Article, RawDocument
from multivector.sources import iter_documents

HEAD = "Caucasus Policy Brief No. 7"
PAGES = [
    [
        HEAD,
        "Armenia and Georgia signed a memorandum on cross-border rail traffic in Tbilisi",
        "on Thursday, and the two prime ministers agreed to meet again before the win-",
        "ter to review progress on the customs arrangements.",
        "Page 1 of 3",
    ],
    [
        HEAD,
        "Azerbaijan criticised the memorandum, saying it had not been consulted about",
        "the route, while Turkey welcomed the step as a sign that",
        "Page 2 of 3",
    ],
    [HEAD, "regional transport links were finally being rebuilt after years of closure.", "Page 3 of 3"],
]


def _docs(path: Path) -> list[RawDocument | InputError]:
    return list(iter_documents([str(path)]))


def test_pdf_is_read_by_content_with_metadata_and_layout_repaired(tmp_path: Path):
    path = tmp_path / "brief"  # no extension: detection is by content
    path.write_bytes(make_pdf(PAGES, title="Rail links across the South Caucasus", created="2024-03-21"))
    (doc,) = _docs(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.title == "Rail links across the South Caucasus" and doc.date == "2024-03-21"
    assert doc.extra["format"] == "pdf" and doc.extra["pages"] == 3
    assert HEAD not in doc.content and "Page 2" not in doc.content
    assert "before the winter to review" in doc.content  # hyphenated line break joined
    assert "a sign that regional transport links" in doc.content  # paragraph continued across a page
    (art,) = list(extract_articles([str(path)]))
    assert isinstance(art, Article) and art.date == "2024-03-21"


def test_docx_is_read_by_content(tmp_path: Path):
    paragraphs = [
        "Moldova asked the European Union for help with energy supplies on Tuesday, its government said.",
        "The request followed a cut in gas deliveries from Russia earlier in the month.",
    ]
    path = tmp_path / "statement.bin"
    path.write_bytes(make_docx(paragraphs, title="Energy appeal to Brussels"))
    (doc,) = _docs(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.title == "Energy appeal to Brussels" and doc.extra["format"] == "docx"
    assert paragraphs[1] in doc.content


def test_encrypted_pdf_is_a_clear_error_but_an_empty_password_is_opened(tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")
    plain = make_pdf(PAGES)
    for password, readable in (("secret", False), ("", True)):
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(plain)))
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
        buf = io.BytesIO()
        writer.write(buf)
        path = tmp_path / f"locked-{readable}.pdf"
        path.write_bytes(buf.getvalue())
        (got,) = _docs(path)
        if readable:
            assert isinstance(got, RawDocument) and "rail traffic" in got.content
        else:
            assert isinstance(got, InputError) and "encrypted PDF" in got.reason


def test_broken_office_files_are_reported_and_the_batch_goes_on(tmp_path: Path):
    good = make_pdf(PAGES)
    (tmp_path / "a-truncated.pdf").write_bytes(good[: len(good) // 3])
    (tmp_path / "b-scan.pdf").write_bytes(make_pdf([[""], [""]]))
    (tmp_path / "c-truncated.docx").write_bytes(make_docx(["Some words here in a paragraph."] * 5)[:900])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "not a word document")
    (tmp_path / "d-archive.zip").write_bytes(buf.getvalue())
    (tmp_path / "e-good.pdf").write_bytes(good)
    got = _docs(tmp_path)
    errors = {Path(e.path).name: e.reason for e in got if isinstance(e, InputError)}
    assert (
        "corrupt or truncated PDF" in errors["a-truncated.pdf"]
        or "no text layer" in errors["a-truncated.pdf"]
    )
    assert "OCR it first" in errors["b-scan.pdf"]
    assert "corrupt or truncated DOCX" in errors["c-truncated.docx"]
    assert "zip archive" in errors["d-archive.zip"]
    assert [Path(d.source_path).name for d in got if isinstance(d, RawDocument)] == ["e-good.pdf"]
