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
    trade figures often sit in them. The date comes from the page's own metadata via htmldate, never
    from the crawl time.
    """
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
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
