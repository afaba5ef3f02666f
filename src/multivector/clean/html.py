"""HTML pages: trafilatura finds the main text and the metadata; our line filter then removes leftovers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from multivector.clean.dates import parse_date
from multivector.clean.text import strip_lines


@dataclass
class HtmlArticle:
    title: str | None
    date: str | None
    date_precision: str | None
    text: str
    url: str | None
    lang: str | None


def extract_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """Main text and metadata of an HTML page, or None when trafilatura finds no article in it.

    Comments are excluded (they are readers' words, not the article's); tables are kept because
    trade figures often sit in them. ``favor_precision`` measured best on the article-extraction
    benchmark (shingle F1 0.967 against 0.959 with ``favor_recall`` and 0.960 with the defaults).
    The date comes from the page's own metadata (meta tags, JSON-LD, <time>, URL) via htmldate,
    never from the crawl time; htmldate's extensive search is off because it scans body text and
    fills a missing day or month with 01, which would invent precision.
    """
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = strip_lines(data.get("text") or "")
    if not text:
        return None
    d, prec = parse_date(data.get("date")) if data.get("date") else (None, None)
    return HtmlArticle(
        title=(data.get("title") or None),
        date=d,
        date_precision=prec,
        text=text,
        url=data.get("url") or url,
        lang=data.get("language"),
    )
