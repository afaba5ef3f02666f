"""How the dashboard shows values: safe links, highlighted hits, numbers people read, JSON-ready rows.

Kept apart from the routes so templates and the JSON API format alike, and so each can be tested alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def safe_url(url: Any) -> str | None:
    """A URL fit to be a link: http(s) or relative. ``javascript:``, ``data:`` and other schemes from
    scraped metadata are shown as text, never made clickable."""
    from urllib.parse import urlsplit

    if not isinstance(url, str) or not url.strip():
        return None
    text = url.strip()
    if any(ord(ch) < 32 for ch in text):
        return None
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    if scheme in ("http", "https"):
        return text
    if not scheme and not text.startswith("//"):
        return text
    return None


def jsonable(obj: Any) -> Any:
    """Dates, decimals and tuples from DuckDB rows as plain JSON values."""
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [jsonable(v) for v in obj]
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    return str(obj)


def highlight(text: str | None, q: str | None, width: int = 240) -> Any:
    """``text`` escaped, cut near the first hit of ``q``, with every hit wrapped in ``<mark class="hit">``."""
    import re

    from markupsafe import Markup, escape

    text = text or ""
    if not q:
        return escape(text[:width] + ("…" if len(text) > width else ""))
    first = text.lower().find(q.lower())
    lo = max(0, first - width // 3) if first >= 0 else 0
    piece = ("…" if lo else "") + text[lo : lo + width] + ("…" if lo + width < len(text) else "")
    parts = re.split(f"({re.escape(q)})", piece, flags=re.IGNORECASE)
    return Markup("").join(
        Markup('<mark class="hit">{}</mark>').format(p) if i % 2 else escape(p) for i, p in enumerate(parts)
    )


def human_number(value: Any, unit: str | None = None, currency: str | None = None) -> str:
    """A number as people write it, never in scientific notation: 2,400 · 4.0 bn USD · 0.35."""
    if value is None:
        return ""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    if abs(v) >= 1000:
        text = f"{v:,.0f}"
    elif v == int(v):
        text = f"{int(v):,}" if not unit else f"{v:.1f}"
    else:
        text = f"{v:,.2f}".rstrip("0").rstrip(".") if abs(v) < 10 else f"{v:,.1f}"
    return " ".join(p for p in (text, unit or "", currency or "") if p)


def with_param(params: Any, key: str, value: Any) -> str:
    """The query string of ``params`` with ``key`` set to ``value`` and the page reset (facet links)."""
    from urllib.parse import urlencode

    kept = {k: v for k, v in dict(params).items() if k not in (key, "page", "format")}
    return urlencode({**kept, key: value})


#: names a dict answers as attributes (``r.values()``); any other ``row.name`` in a template is a key
_DICT_ATTRS = frozenset(dir(dict))


def template_env(directory: Path) -> Any:
    """The pages' Jinja environment. Rows are dicts, and Jinja reads ``row.name`` by trying the
    attribute, failing, then the key: a tenth of a page's time went to those failures. This one reads
    the key first for names a dict has no attribute of, which gives the same value."""
    import jinja2

    class RowEnvironment(jinja2.Environment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            if type(obj) is dict and attribute not in _DICT_ATTRS:
                try:
                    return obj[attribute]
                except KeyError:
                    pass
            return super().getattr(obj, attribute)

    return RowEnvironment(
        loader=jinja2.FileSystemLoader(str(directory)),
        autoescape=jinja2.select_autoescape(),
        auto_reload=False,  # packaged templates do not change under a running server
    )
