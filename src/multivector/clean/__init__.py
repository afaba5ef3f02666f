"""Cleaning stage: RawDocument → clean Articles with title, date, language and a content-hash id.

HTML goes through trafilatura; plain-text scrapes through our own line classifier, which also splits
pages that hold several articles. Metadata given by the container (a feed item's title, a JSONL
record's date) wins over what cleaning would guess.
"""

from __future__ import annotations

from multivector.clean.dates import parse_date
from multivector.clean.hashing import article_id, normalise_text
from multivector.clean.html import extract_html
from multivector.clean.lang import detect_language, normalise_lang
from multivector.clean.markup import strip_markdown
from multivector.clean.text import split_text
from multivector.errors import MultivectorError
from multivector.records import Article, RawDocument
from multivector.sources.encoding import scrub_surrogates

__all__ = ["article_id", "clean_document", "detect_language", "normalise_text", "parse_date"]

MIN_WORDS = 5


def _container_date(doc: RawDocument) -> tuple[str | None, str | None]:
    return parse_date(doc.date) if doc.date else (None, None)


def clean_document(doc: RawDocument) -> list[Article]:
    """Clean one document; raises MultivectorError when no article text is left, so it is reported."""
    for field in ("content", "title", "url", "date", "lang", "doc_id"):
        value = getattr(doc, field, None)
        if isinstance(value, str):
            setattr(doc, field, scrub_surrogates(value))
    if doc.kind == "html":
        page = extract_html(doc.content, doc.url)
        parts = [] if page is None else [(page.title, page.date, page.date_precision, page.text)]
        url = (page.url if page else None) or doc.url
    else:
        parts = [
            (a.title, a.date, a.date_precision, a.text)
            for a in split_text(strip_markdown(doc.content), known_title=doc.title)
        ]
        url = doc.url
    parts = [p for p in parts if len(p[3].split()) >= MIN_WORDS]
    if not parts:
        raise MultivectorError("no article text left after removing boilerplate")
    c_date, c_prec = _container_date(doc)
    articles = []
    for i, (title, d, prec, text) in enumerate(parts):
        if i == 0:
            title = doc.title or title
            if c_date:
                d, prec = c_date, c_prec
        extra = dict(doc.extra)
        if doc.doc_id is not None:
            extra["source_id"] = doc.doc_id
        articles.append(
            Article(
                id=article_id(text),
                title=title,
                date=d,
                date_precision=prec,
                lang=(normalise_lang(doc.lang) if i == 0 else None) or detect_language(text),
                url=url,
                source_path=doc.source_path,
                part=i,
                text=text,
                extra=extra,
            )
        )
    return articles
