"""The actor stage's word lists (``data/lexicon.yaml``) and the one currency table of the project."""

from __future__ import annotations

from functools import lru_cache

from multivector.errors import DataError
from multivector.wordlists import Lexicon, load_lexicon


def lexicon() -> Lexicon:
    return load_lexicon("multivector.actors")


@lru_cache(maxsize=1)
def currencies() -> dict[str, str]:
    """Currency word or sign (lower case) -> ISO 4217 code, '' where the word names several currencies.

    Read by the resolver ("US dollars" is money, not an actor) and by the fact extractor (the currency
    of an amount); the codes are checked against pycountry's ISO 4217 list."""
    import pycountry

    table = lexicon().table("currencies")
    bad = sorted(
        f"{w}: {c}"
        for w, c in table.items()
        if w != w.lower() or (c and not pycountry.currencies.get(alpha_3=c))
    )
    if bad:
        raise DataError(
            f"actors/data/lexicon.yaml: currencies: not a lower-case word -> ISO 4217 code: {bad}"
        )
    return table
