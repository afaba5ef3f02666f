"""Cheap sentence splitting and selection before the (expensive) dependency parse.

Most sentences of a news article code to nothing. A regex splitter plus a keyword pre-filter (a trigger word
of some event pattern *and* something that can be an actor: a capitalised word, a pronoun, "both sides")
decides which sentences are parsed at all; on the seed articles this skips roughly half of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from multivector.wordlists import load_lexicon

_LEX = load_lexicon("multivector.nlp")
_ABBREV = _LEX.words("abbreviations")
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9А-Я])|\n\s*\n|\n(?=[A-Z][^\n]{0,80}\n)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_ACTORISH = re.compile(
    r"\b(?:[A-Z][a-z]+|[A-Z]{2,}|he|she|they|it|its|their|his|her|both|two|sides|countries|presidents|"
    r"leaders|ministers|government|governments)\b"
)

# irregular inflections of trigger lemmas: the pre-filter matches surface words, not lemmas
IRREGULAR = _LEX.form_table("irregular")


def stems_for(lemmas: Iterable[str]) -> tuple[set[str], tuple[str, ...]]:
    """Exact irregular forms and regular stems ("visit" → "visit", "cooperate" → "cooperat")."""
    exact: set[str] = set()
    stems: set[str] = set()
    for lemma in lemmas:
        lemma = lemma.lower()
        exact.update(IRREGULAR.get(lemma, ()))
        stem = lemma[:-1] if lemma.endswith(("e", "y")) and len(lemma) > 3 else lemma
        stems.add(stem)
    return exact, tuple(sorted(stems))


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Regex sentence split with character offsets; abbreviations ("Mr.", "U.S.") do not end a sentence."""
    out: list[Sentence] = []
    pos = 0
    for m in _END.finditer(text):
        cut = m.end()
        before = text[pos : m.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if m.group().startswith(".") and (last in _ABBREV or (len(last) == 1 and last.isalpha())):
            continue
        _add(out, text, pos, cut)
        pos = cut
    _add(out, text, pos, len(text))
    return out


#: no sentence people write runs past this many characters; a longer "sentence" (a page without final
#: punctuation, a run-on transcript) is cut at line breaks or spaces, so the parser never gets megabytes
#: in one piece (spaCy refuses a text over 1,000,000 characters) and coding stays linear in length
MAX_SENTENCE = 1500


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = text.rfind("\n", start, limit)
        if cut <= start + MAX_SENTENCE // 2:
            cut = text.rfind(" ", start, limit)
        if cut <= start:
            cut = limit
        _add_one(out, text, start, cut)
        start = cut
    _add_one(out, text, start, end)


def _add_one(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if chunk:
        out.append(Sentence(start + lead, start + lead + len(chunk), chunk))


class Prefilter:
    """Keyword test run before parsing: could this sentence yield an event at all?"""

    def __init__(self, lemmas: Iterable[str]) -> None:
        self.exact, self.stems = stems_for(lemmas)
        self._by_first: dict[str, list[str]] = {}
        for stem in self.stems:
            self._by_first.setdefault(stem[:2], []).append(stem)

    def has_trigger(self, text: str) -> bool:
        for word in _WORD.findall(text):
            w = word.lower()
            if w in self.exact:
                return True
            for stem in self._by_first.get(w[:2], ()):
                if w.startswith(stem) and len(w) - len(stem) <= 4:
                    return True
        return False

    def keep(self, text: str) -> bool:
        return bool(_ACTORISH.search(text)) and self.has_trigger(text)
