"""Quantitative facts: trade values, shares, counts and money amounts with unit, currency and period.

Numbers such as "USD 274.6 million in 2011" or "0.7% of all exports" are evidence for how deep a bilateral
relation is, independent of events. They are read with regular expressions (no parse needed) and attached to
the countries mentioned in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from multivector.actors.lexicon import currencies
from multivector.coding.dates import event_date
from multivector.records import Fact, Mention
from multivector.wordlists import load_lexicon

_CUR = {w: c for w, c in currencies().items() if c}
_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE_RE = r"(thousand|million|billion|trillion|mln|bln|bn|mn|tn|m|k|b)\b"
# signs and codes written before the amount ("$5 bn", "EUR 40 m"); words and codes after it ("5 bn euros")
_BEFORE = sorted(
    (w for w in _CUR if not w.isalpha() or (len(w) == 3 and w.upper() == _CUR[w])), key=len, reverse=True
)
_AFTER = sorted(["us dollars", *(w for w in _CUR if w.isalpha())], key=len, reverse=True)
_MONEY_PRE = re.compile(
    "(" + "|".join(map(re.escape, _BEFORE)) + r")\s?" + _NUM + r"(?:\s?" + _SCALE_RE + r")?", re.I
)
_MONEY_POST = re.compile(
    _NUM + r"(?:\s?" + _SCALE_RE + r")?\s+(" + "|".join(map(re.escape, _AFTER)) + r")\b", re.I
)
_SHARE = re.compile(
    _NUM + r"\s?(%|percent|per cent)(?:\s+of\s+(?:the\s+)?([a-z][a-z\s\-]{2,40}?)(?=[,.;]|\s+in\b|$))?", re.I
)
_COUNT = re.compile(
    r"(?<![\d.$€£])" + _NUM + r"(?:\s" + r"(thousand|million|billion))?\s+(?:more\s+|additional\s+)?"
    r"((?:[A-Z][a-z]+\s)?[a-z]+(?:\s[a-z]+)?)"
)
_COUNT_NOUNS = load_lexicon("multivector.coding").words("count_nouns")
_TRADE = re.compile(r"\b(trade|turnover|exports?|imports?|trade volume)\b", re.I)
FACT_HINT = re.compile(
    r"\d[\d,.]*\s?(%|percent|million|billion|bn|mln|thousand)|[$€£]\s?\d|\b(USD|EUR|RUB)\s?\d"
    r"|\d{1,3}(?:,\d{3})+\s+[a-z]",
    re.I,
)


def _value(num: str, scale: str | None) -> float:
    v = float(num.replace(",", ""))
    if scale:
        v *= _SCALE.get(scale.lower(), 1.0)
    return v


def find_facts(
    sentence: str,
    offset: int,
    mentions: Sequence[Mention],
    *,
    article_id: str | None = None,
    article_date: str | None = None,
    previous: str = "",
    previous_actors: Sequence[str] = (),
) -> list[Fact]:
    """Facts in one sentence; ``offset`` is the sentence's position in the article (for spans)."""
    actors = sorted({m.country for m in mentions if m.country})
    period = event_date(sentence, article_date) if re.search(r"\b(19|20)\d\d\b", sentence) else None
    # "Trade with X is small. It reached USD 318.9 million": the topic carries over to a pronoun subject
    trade = bool(_TRADE.search(sentence)) or (
        bool(re.search(r"\b(it|this)\b", sentence[:60], re.I)) and bool(_TRADE.search(previous))
    )
    if trade and not _TRADE.search(sentence):
        actors = sorted(set(actors) | set(previous_actors))  # the trade partners named just before
    out: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, value: float, unit: str | None, cur: str | None, a: int, b: int) -> None:
        if any(a < y and x < b for x, y in taken):
            return
        taken.append((a, b))
        out.append(
            Fact(article_id, kind, value, unit, cur, period, list(actors), sentence, (offset + a, offset + b))
        )

    for m in _MONEY_PRE.finditer(sentence):
        cur = _CUR.get(m.group(1).lower(), m.group(1).upper())
        add("trade_value" if trade else "money", _value(m.group(2), m.group(3)), cur, cur, m.start(), m.end())
    for m in _MONEY_POST.finditer(sentence):
        word = m.group(3).lower().split()[-1]
        cur = _CUR.get(word, _CUR.get(m.group(3).lower(), m.group(3).upper()))
        add("trade_value" if trade else "money", _value(m.group(1), m.group(2)), cur, cur, m.start(), m.end())
    for m in _SHARE.finditer(sentence):
        of = (m.group(3) or "").strip()
        unit = f"% of {of}" if of else "%"
        add("share", float(m.group(1).replace(",", "")), unit, None, m.start(), m.end())
    for m in _COUNT.finditer(sentence):
        noun_words = m.group(3).split()
        noun = next((w for w in noun_words if w.lower() in _COUNT_NOUNS), None)
        if noun is None and noun_words[0][:1].isupper() and noun_words[0].endswith("s"):
            noun = noun_words[0]  # "8,500 Turkmens": a demonym plural counts people
        if noun is None:
            continue
        raw = m.group(1)
        if re.fullmatch(r"(19|20)\d\d", raw) and not m.group(2):
            continue
        unit = " ".join(noun_words[: noun_words.index(noun) + 1])
        add("count", _value(raw, m.group(2)), unit, None, m.start(), m.end())
    return out
