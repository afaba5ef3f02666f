"""Dictionary phrases as lower-cased token sequences, matched against a parsed Doc.

The actor data has ~18,000 surface forms. Compiling them into spaCy's ``PhraseMatcher`` meant running
the tokenizer and building a Doc per form: about four seconds at every process start, paid before the
first article. Here a form is stored as the tuple of its lower-cased tokens, indexed by its first token;
forms made only of letters and spaces are split on whitespace, which is exactly what the tokenizer does
with them (a test checks this on every packaged form), so only forms with punctuation or digits go
through the tokenizer. Matching compares the ``lower_`` strings of the doc's tokens, like
``PhraseMatcher(attr="LOWER")``, and returns every match, overlaps included.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def simple_form(form: str, exceptions: Any) -> bool:
    """True when whitespace splitting tokenizes ``form`` as spaCy would: letters only, no special case."""
    return all(w.isalpha() and w not in exceptions and w.lower() not in exceptions for w in form.split())


class PhraseIndex:
    """Token-sequence lookup: ``add(key, forms)``, then ``index(doc)`` → ``[(key, start, end), ...]``."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._strings = tokenizer.vocab.strings
        self._exceptions = getattr(tokenizer, "rules", None) or {}
        # keyed by the 64-bit string hashes spaCy stores per token, so matching reads one numpy column
        # first token → length → token sequence → keys
        self._by_first: dict[int, dict[int, dict[tuple[int, ...], list[str]]]] = {}

    def shapes(self, forms: Iterable[str]) -> set[tuple[str, ...]]:
        """The distinct token sequences of some surface forms."""
        out: set[tuple[str, ...]] = set()
        hard = []
        for form in forms:
            if simple_form(form, self._exceptions):
                words = tuple(form.lower().split())
                if words:
                    out.add(words)
            else:
                hard.append(form)
        for doc in self._tokenizer.pipe(hard):
            words = tuple(t.lower_ for t in doc)
            if words:
                out.add(words)
        return out

    def add(self, key: str, forms: Iterable[str]) -> None:
        for shape in sorted(self.shapes(forms)):
            ids = tuple(self._strings.add(w) for w in shape)
            by_len = self._by_first.setdefault(ids[0], {}).setdefault(len(ids), {})
            by_len.setdefault(ids, []).append(key)

    def __call__(self, doc: Any) -> list[tuple[str, int, int]]:
        if not len(doc):
            return []
        lows = doc.to_array("LOWER").tolist()
        n = len(lows)
        out: list[tuple[str, int, int]] = []
        for i, word in enumerate(lows):
            lengths = self._by_first.get(word)
            if lengths is None:
                continue
            for size, table in lengths.items():
                if i + size <= n:
                    keys = table.get(tuple(lows[i : i + size]))
                    if keys:
                        out.extend((key, i, i + size) for key in keys)
        out.sort(key=lambda m: (m[1], m[2]))
        return out
