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
