"""Language identification restricted to what the pipeline distinguishes: en, ru, uk, other."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SUPPORTED = ("en", "ru", "uk")
MIN_PROBABILITY = 0.6


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ "en", "ru" or "uk" when py3langid is confident, else "other" (also for empty text).

    Only the first few thousand characters are looked at: language does not change mid-article and
    the classifier's cost grows with length.
    """
    sample = text[:4000].strip()
    if not sample:
        return "other"
    lang, prob = _identifier().classify(sample)
    return lang if lang in SUPPORTED and prob >= MIN_PROBABILITY else "other"


_ALIASES = {"ua": "uk", "ukr": "uk", "rus": "ru", "eng": "en"}


def normalise_lang(code: object) -> str | None:
    """A declared language (HTML ``lang``, feed, JSONL field) as ``en``/``ru``/``uk``/``other``:
    "en-US", "ru_RU", "UK" collapse to their language; None when nothing usable was declared."""
    if not isinstance(code, str) or not code.strip():
        return None
    base = code.strip().lower().replace("_", "-").split("-", 1)[0]
    base = _ALIASES.get(base, base)
    if not base.isalpha() or not 2 <= len(base) <= 3:
        return None
    return base if base in SUPPORTED else "other"
