"""Stable article ids: the same story text gives the same id whatever its whitespace or quote style."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u200b": "",
    }
)
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form that is hashed: NFKC, one quote and dash style, collapsed whitespace, case-folded."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def article_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text (64 bits: collisions are negligible)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
