"""Plain-text scrapes: drop site furniture, find title and dateline, split pages holding several articles.

A scraped page is read as a sequence of lines. An article starts with a header (a short title line,
optionally followed by a dateline, bylines and credits) and continues with body paragraphs. A "tail"
heading ("Similar articles", "Читайте также") ends the body; what follows is dropped unless it is a
complete article of its own (title, dateline, body), which is then split off as the next article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from multivector.clean.boilerplate import Boilerplate, load_boilerplate
from multivector.clean.dates import is_date_line, parse_date

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
MIN_BODY_WORDS = 25  # a split-off "article" shorter than this is a link list, not an article
_BYLINE = re.compile(r"^(by|автор|author)\s*:?\s+\S.{0,60}$", re.IGNORECASE)


@dataclass
class TextArticle:
    """An article cut out of a plain-text page, before ids and language are added."""

    title: str | None
    date: str | None
    date_precision: str | None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _words(line: str) -> int:
    return len(line.split())


def looks_like_title(line: str) -> bool:
    """Short, not a full sentence (no final period), not a date: a headline."""
    s = line.strip()
    if not s or len(s) > MAX_TITLE_CHARS or _words(s) > MAX_TITLE_WORDS:
        return False
    if s.endswith((".", ":", ";", ",")) and not s.endswith("..."):
        return False
    return not is_date_line(s)


def _blocks(lines: list[str], bp: Boilerplate) -> list[tuple[str, str]]:
    """Classify the lines: ("tail", heading) | ("date", line) | ("line", text); furniture removed."""
    out: list[tuple[str, str]] = []
    for raw in lines:
        s = raw.strip()
        if not s or bp.is_drop(s):
            continue
        if bp.is_tail(s):
            out.append(("tail", s))
        elif is_date_line(s):
            out.append(("date", s))
        else:
            out.append(("line", s))
    return out


def _header_at(
    blocks: list[tuple[str, str]], i: int
) -> tuple[str | None, tuple[str | None, str | None], int] | None:
    """Is there an article header at i (title, then a dateline within the next two lines)?

    Returns (title, (date, precision), index of the first body line) or None.
    """
    kind, s = blocks[i]
    if kind == "date":  # dateline without title
        return None, parse_date(s), i + 1
    if kind != "line" or not looks_like_title(s):
        return None
    for j in range(i + 1, min(i + 3, len(blocks))):
        k2, s2 = blocks[j]
        if k2 == "date":
            return s, parse_date(s2), j + 1
        if k2 != "line" or not _BYLINE.match(s2):
            break
    return None


def _body_words(blocks: list[tuple[str, str]], start: int) -> int:
    n = 0
    for kind, s in blocks[start:]:
        if kind == "tail":
            break
        if kind == "line":
            n += _words(s)
    return n


def split_text(text: str, *, known_title: str | None = None) -> list[TextArticle]:
    """Clean a plain-text page and return the articles it holds (usually one)."""
    bp = load_boilerplate()
    blocks = _blocks(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), bp)
    articles: list[TextArticle] = []
    i = 0
    # first article: optional title line, optional dateline in the first few lines
    first = TextArticle(None, None, None)
    if blocks and known_title is None and blocks[0][0] == "line" and looks_like_title(blocks[0][1]):
        first.title = blocks[0][1]
        i = 1
    elif (
        blocks
        and known_title is not None
        and blocks[0][1].strip().casefold() == known_title.strip().casefold()
    ):
        i = 1
    for j in range(i, min(i + 4, len(blocks))):
        kind, s = blocks[j]
        if kind == "date":
            first.date, first.date_precision = parse_date(s)
            del blocks[j]
            break
        if kind == "line" and _words(s) > MAX_TITLE_WORDS:
            break  # reached the body: a date further down is not the dateline
    current: TextArticle | None = first
    articles.append(first)
    while i < len(blocks):
        kind, s = blocks[i]
        if kind == "tail":
            current = None  # everything up to the next complete article is dropped
            i += 1
            continue
        if kind == "line" and (current is None or current.paragraphs):
            header = _header_at(blocks, i)
            if (
                header is not None
                and header[0] is not None
                and _body_words(blocks, header[2]) >= MIN_BODY_WORDS
            ):
                title, (d, prec), start = header
                current = TextArticle(title, d, prec)
                articles.append(current)
                i = start
                continue
            if current is None:
                i += 1
                continue
        if kind == "date":
            i += 1  # a stray dateline inside a body is furniture
            continue
        assert current is not None  # a line outside any article was skipped above
        current.paragraphs.append(s)
        i += 1
    if first.title and not any(a.paragraphs for a in articles):
        # a record that is one sentence without final punctuation is that sentence, not a bare headline
        first.paragraphs.append(first.title)
        first.title = None
    return [a for a in articles if a.paragraphs]


def strip_lines(text: str) -> str:
    """Drop furniture lines and cut at the first tail heading (for text already extracted from HTML)."""
    bp = load_boilerplate()
    kept: list[str] = []
    for raw in text.split("\n"):
        s = raw.strip()
        if not s:
            continue
        if bp.is_tail(s):
            break
        if not bp.is_drop(s):
            kept.append(s)
    return "\n\n".join(kept)
