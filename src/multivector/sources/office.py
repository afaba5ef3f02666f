"""PDF and DOCX input: think-tank analysis and ministry statements are mostly published this way.

Both formats are recognised by content (``%PDF-``; a zip holding ``word/document.xml``), never by the
file name. Text comes from maintained libraries (pypdf, python-docx); what is done here is the layout
repair they leave to the caller: running headers and footers that repeat on most pages and bare page
numbers are dropped, words hyphenated across a line break are joined, and wrapped lines are reflowed
into paragraphs so that sentence splitting sees prose, not a page image.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from multivector.errors import InputError
from multivector.records import RawDocument
from multivector.sources.stream import TooLarge, read_whole

Item = RawDocument | InputError

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
MIN_TEXT_CHARS = 40  # fewer extracted characters than this on all pages: a scan without a text layer

_PAGE_NUMBER = re.compile(
    r"^\W*(?:page|p\.|стр\.?|страница)?\s*\d{1,4}(?:\s*(?:of|/|из)\s*\d{1,4})?\W*$", re.I
)
_DEFAULT_TITLES = {"untitled", "title", "document", "microsoft word"}
_DIGITS = re.compile(r"\d+")
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-zа-яё])")
_SENTENCE_END = re.compile(r"[.!?:;\"”»)]$")


def is_docx(data: bytes) -> bool:
    """A zip archive that is a Word document (other zips stay unsupported binaries)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def read_office(
    label: str, stream: BinaryIO, kind: str, *, size: int | None, max_bytes: int
) -> Iterator[Item]:
    """One document from a whole PDF file (``kind`` "pdf") or zip that holds a Word document ("zip")."""
    try:
        data = read_whole(stream, size, max_bytes)
    except TooLarge as exc:
        yield InputError(label, exc.reason())
        return
    if kind == "zip" and not is_docx(data):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            yield InputError(label, "corrupt or truncated DOCX (its zip directory is missing)")
        else:
            yield InputError(label, "binary file (zip archive), not a supported input format")
        return
    reader = _pdf if kind == "pdf" else _docx
    try:
        doc = reader(label, data)
    except InputError as exc:
        yield exc
        return
    yield doc


# ---------------------------------------------------------------------------------------------- PDF
def _pdf(label: str, data: bytes) -> RawDocument:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise InputError(label, "reading PDF needs pypdf: pip install pypdf") from exc
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the user's business
    try:
        pdf = PdfReader(io.BytesIO(data))
        if pdf.is_encrypted and not _decrypt_empty(pdf):
            raise InputError(label, "encrypted PDF: remove the password first (e.g. qpdf --decrypt)")
        pages = [page.extract_text() or "" for page in pdf.pages]
        meta = pdf.metadata
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise InputError(label, f"corrupt or truncated PDF ({type(exc).__name__}: {_short(exc)})") from exc
    if not pages:
        raise InputError(label, "PDF has no pages")
    if sum(len(p.strip()) for p in pages) < MIN_TEXT_CHARS:
        raise InputError(label, f"PDF has no text layer ({len(pages)} pages of images?): OCR it first")
    text = pdf_text(pages)
    title = _clean_title(_meta(meta, "title"))
    date = _pdf_date(meta)
    extra: dict[str, Any] = {"format": "pdf", "pages": len(pages)}
    return RawDocument(source_path=label, content=text, kind="text", title=title, date=date, extra=extra)


def _decrypt_empty(pdf: Any) -> bool:
    """Many official PDFs are "encrypted" with an empty user password only to forbid editing."""
    try:
        return bool(pdf.decrypt(""))
    except Exception:  # pypdf raises several types here (missing AES backend, bad key)
        return False


def _meta(meta: Any, name: str) -> str | None:
    try:
        value = getattr(meta, name, None) if meta is not None else None
    except Exception:  # a malformed info dictionary must not cost the text
        return None
    return str(value).strip() if value else None


def _pdf_date(meta: Any) -> str | None:
    for name in ("creation_date", "modification_date"):
        try:
            value = getattr(meta, name, None) if meta is not None else None
        except Exception:  # pypdf raises on dates it cannot parse
            value = None
        if isinstance(value, datetime):
            return value.date().isoformat()
    return None


def _clean_title(title: str | None) -> str | None:
    """Drop titles that are file names or tool defaults ("Microsoft Word - memo.docx", "untitled")."""
    if not title:
        return None
    t = title.strip()
    if re.search(r"\.(docx?|pdf|indd|tex|rtf|odt)$", t, re.I) or t.lower() in _DEFAULT_TITLES:
        return None
    return t if len(t.split()) >= 2 else None


def pdf_text(pages: list[str]) -> str:
    """Page texts joined into prose: running heads and page numbers out, hyphens and lines mended."""
    page_lines = [[ln.strip() for ln in p.splitlines()] for p in pages]
    running = _running_lines(page_lines)
    paragraphs: list[str] = []
    for lines in page_lines:
        kept = [ln for ln in lines if not (_PAGE_NUMBER.match(ln) or _shape(ln) in running)]
        paragraphs.extend(_paragraphs(kept))
    return "\n\n".join(_join_split_paragraphs(paragraphs))


def _shape(line: str) -> str:
    """A line with its numbers masked: "Report 2023 — page 4" and "… page 5" are the same running head."""
    return _DIGITS.sub("#", line.lower())


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    """Lines near the top or bottom of a page that recur on at least half of the pages (3 or more)."""
    if len(page_lines) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in page_lines:
        nonblank = [ln for ln in lines if ln]
        edge = {_shape(ln) for ln in nonblank[:3] + nonblank[-3:]}
        counts.update(edge)
    need = max(3, (len(page_lines) + 1) // 2)
    return {shape for shape, n in counts.items() if n >= need and shape.strip("# ")}


def _paragraphs(lines: list[str]) -> list[str]:
    """Reflow one page's lines: a blank line, or a short line that ends a sentence, closes a paragraph."""
    widths = sorted(len(ln) for ln in lines if ln)
    typical = widths[len(widths) // 2] if widths else 0
    out: list[str] = []
    current: list[str] = []
    for ln in lines:
        if not ln:
            if current:
                out.append(_mend(current))
                current = []
            continue
        current.append(ln)
        if _SENTENCE_END.search(ln) and len(ln) < 0.8 * typical:
            out.append(_mend(current))
            current = []
    if current:
        out.append(_mend(current))
    return out


def _mend(lines: list[str]) -> str:
    return _HYPHEN_BREAK.sub(r"\1", "\n".join(lines)).replace("\n", " ")


def _join_split_paragraphs(paragraphs: list[str]) -> list[str]:
    """A paragraph that a page break cut mid-sentence continues on the next page."""
    out: list[str] = []
    for p in paragraphs:
        if out and not _SENTENCE_END.search(out[-1]) and p[:1].islower():
            prev = out.pop()
            p = prev[:-1] + p if prev.endswith("-") else prev + " " + p
        out.append(p)
    return out


# ---------------------------------------------------------------------------------------------- DOCX
def _docx(label: str, data: bytes) -> RawDocument:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise InputError(label, "reading DOCX needs python-docx: pip install python-docx") from exc
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text.strip() for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                cells = [c.text.strip() for c in row.cells if c.text.strip()]
                if cells:
                    paragraphs.append(" | ".join(dict.fromkeys(cells)))
        props = document.core_properties
        title = _clean_title(props.title)
        stamp = props.created or props.modified
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, AttributeError) as exc:
        raise InputError(label, f"corrupt or truncated DOCX ({type(exc).__name__}: {_short(exc)})") from exc
    except Exception as exc:  # lxml raises its own XMLSyntaxError family on a damaged part
        if type(exc).__module__.startswith(("lxml", "docx")):
            raise InputError(label, f"corrupt DOCX ({type(exc).__name__}: {_short(exc)})") from exc
        raise
    text = "\n\n".join(p for p in paragraphs if p)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise InputError(label, "DOCX has no text")
    date = stamp.date().isoformat() if isinstance(stamp, datetime) else None
    return RawDocument(
        source_path=label, content=text, kind="text", title=title, date=date, extra={"format": "docx"}
    )


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__
