"""Deterministic synthetic articles for store tests: originals, edited copies and re-read exact copies.

Kept free of pytest so the crash test's child process can import it too.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from multivector.records import Article

_SYLLABLES = ["ka", "zan", "mo", "ri", "tel", "ast", "bek", "vo", "lin", "sar", "dor", "mir", "ul", "gen"]


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def synthetic_articles(n: int, seed: int = 7, words: int = 60) -> Iterator[Article]:
    """``n`` articles: every 10th is an edited copy (one word changed) of an earlier original, every
    7th re-reads an earlier article (same id) from another file; the rest are unrelated originals."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    made: list[Article] = []
    for i in range(n):
        if i % 7 == 6 and made:
            first = made[rng.randrange(len(made))]
            art = Article(
                id=first.id,
                title=first.title,
                date=first.date,
                date_precision=first.date_precision,
                lang=first.lang,
                url=None,
                source_path=f"mirror/{i}.txt",
                part=0,
                text=first.text,
            )
        elif i % 10 == 9 and made:
            base = made[rng.randrange(len(made))].text.split()
            base[rng.randrange(len(base))] = rng.choice(vocab)
            art = _article(i, " ".join(base))
        else:
            art = _article(i, " ".join(rng.choice(vocab) for _ in range(words)))
        made.append(art)
        yield art


def _article(i: int, text: str) -> Article:
    year = 2015 + i % 10
    return Article(
        id=f"syn-{i:06d}",
        title=f"Synthetic {i}",
        date=f"{year}-0{1 + i % 9}-1{i % 10}",
        date_precision="day",
        lang="en" if i % 3 else "ru",
        url=f"https://site{i % 5}.example/{i}" if i % 2 else None,
        source_path=f"feed{i % 4}/{i}.txt",
        part=0,
        text=text,
    )
