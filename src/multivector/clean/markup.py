"""Markdown in "plain text" input: transcripts and converted pages often carry ``**bold**``, ``# headings``,
``> quotes``, ``---`` rules and ``[links](…)``. Left in, the markers split names ("**United States**")
and derail the parser, so text that looks like Markdown is rendered to plain text with markdown-it-py
(CommonMark) before cleaning. Line structure is kept: one line per source line of a paragraph, a blank
line between blocks, so title/dateline detection and article splitting see the same layout.
"""

from __future__ import annotations

import re
from typing import Any

#: signs of Markdown strong enough that ordinary prose does not trip them
_MARKDOWN = re.compile(
    r"\*\*[^*\n]+\*\*|__[^_\n]+__|^#{1,6} \S|^> \S|^(?:-{3,}|\*{3,}|_{3,})\s*$|\[[^\]\n]+\]\(https?://",
    re.M,
)


def looks_like_markdown(text: str) -> bool:
    """At least two Markdown constructs (one stray ``**`` in a tweet quote is not a document format)."""
    return len(_MARKDOWN.findall(text, 0, 200_000)) >= 2


def _inline(token: Any) -> str:
    out = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown document: markers gone, words and line breaks kept."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    blocks: list[str] = []
    for token in md.parse(text):
        if token.type == "inline":
            blocks.append(_inline(token))
        elif token.type in ("code_block", "fence", "html_block"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(b for b in blocks if b.strip())


def strip_markdown(text: str) -> str:
    """``markdown_to_text`` when the text looks like Markdown, the text unchanged otherwise."""
    return markdown_to_text(text) if looks_like_markdown(text) else text
