"""natasha's Russian models (razdel segmenter, slovnet morphology, syntax and NER), loaded once per process.

The ``ru`` extra is optional: importing this module is free and the models load on first use, so English
runs never pay for them. The actor resolver and the Russian event coder share the same objects.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from multivector.errors import MultivectorError

_LOCK = threading.Lock()


def _missing_extra(exc: ImportError) -> MultivectorError:
    return MultivectorError(f"Russian text needs the 'ru' extra (pip install 'multivector[ru]'): {exc}")


@dataclass(frozen=True, slots=True)
class RussianModels:
    segmenter: Any
    embedding: Any
    morph: Any
    syntax: Any
    ner: Any
    vocab: Any


@lru_cache(maxsize=1)
def _models() -> RussianModels:
    try:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )
    except ImportError as exc:
        raise _missing_extra(exc) from None
    emb = NewsEmbedding()
    return RussianModels(
        Segmenter(), emb, NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb), MorphVocab()
    )


def russian_models() -> RussianModels:
    """The shared models; a one-line error naming the extra when natasha is not installed."""
    try:
        import natasha  # noqa: F401  (checked on every call: cheap once imported)
    except ImportError as exc:
        raise _missing_extra(exc) from None
    with _LOCK:
        return _models()


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The one pymorphy3 analyzer of the process (the actor index and the coder share it)."""
    try:
        import pymorphy3
    except ImportError as exc:
        raise _missing_extra(exc) from None
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def _parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a normalised word, most likely first; the coder asks about the same
    words for lemmas, case, aspect and verb form, so they are parsed once."""
    return tuple(analyzer().parse(word)[:6])


def cyrillic_share(text: str) -> float:
    """The share of a text's letters that are Cyrillic (0 for a text without letters)."""
    letters = [c for c in text if c.isalpha()]
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters) if letters else 0.0


def norm(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def lemma_forms(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 gives a word (ё read as е): the tagger's one lemma is sometimes the
    rarer reading ("данные" → "дать"), so patterns match any of them."""
    w = norm(word)
    if not any(c.isalpha() for c in w):
        return frozenset({w})
    return frozenset({w} | {norm(p.normal_form) for p in _parses(w)[:4]})


@dataclass(slots=True)
class RTok:
    """One token of the Russian parse, with article offsets."""

    i: int
    text: str
    lemma: str
    forms: frozenset[str]
    pos: str
    rel: str
    head: int  # index in the sentence, -1 for the root
    feats: dict[str, str]
    start: int
    end: int
    kids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class RSent:
    text: str
    start: int
    end: int
    toks: list[RTok]

    def children(self, t: RTok) -> list[RTok]:
        return [self.toks[k] for k in t.kids]

    def head(self, t: RTok) -> RTok | None:
        return self.toks[t.head] if t.head >= 0 else None

    def prep(self, t: RTok) -> str | None:
        """The preposition of a nominal ("с Россией" → "с"), if any; the vowel-final forms before
        consonant clusters count as their base ("со своим коллегой" → "с")."""
        for c in self.children(t):
            if c.rel == "case" and c.pos == "ADP":
                word = norm(c.text)
                return _PREP_BASE.get(word, word)
        return None


#: "со", "ко", "во", "обо", "передо" … are spellings of "с", "к", "в", "о", "перед"
_PREP_BASE = {
    "со": "с",
    "ко": "к",
    "во": "в",
    "обо": "о",
    "об": "о",
    "передо": "перед",
    "подо": "под",
    "надо": "над",
    "изо": "из",
    "ото": "от",
}


def parse(text: str, offset: int = 0) -> list[RSent]:
    """Sentences of ``text`` (razdel within each line: a line break always ends a sentence, as in
    headlines and paragraphs without a final stop), tagged and parsed by slovnet; offsets shifted."""
    out: list[RSent] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.extend(_parse_block(line, offset + pos))
        pos += len(line)
    return out


def _parse_block(text: str, offset: int) -> list[RSent]:
    from natasha import Doc

    models = russian_models()
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph)
    doc.parse_syntax(models.syntax)
    out: list[RSent] = []
    for s in doc.sents:
        ids = {t.id: k for k, t in enumerate(s.tokens)}
        toks: list[RTok] = []
        for k, t in enumerate(s.tokens):
            t.lemmatize(models.vocab)
            lemma = norm(t.lemma or t.text)
            toks.append(
                RTok(
                    k,
                    t.text,
                    lemma,
                    lemma_forms(t.text) | {lemma},
                    t.pos or "",
                    t.rel or "",
                    ids.get(t.head_id, -1) if t.head_id != t.id else -1,
                    dict(t.feats or {}),
                    t.start + offset,
                    t.stop + offset,
                )
            )
        for t in toks:
            if t.head >= 0:
                toks[t.head].kids.append(t.i)
        _repair_subjects(toks)
        out.append(RSent(s.text, s.start + offset, s.stop + offset, toks))
    return out


@lru_cache(maxsize=100_000)
def can_be_nominative(word: str) -> bool:
    return any("nomn" in p.tag for p in _parses(norm(word)))


def _repair_subjects(toks: list[RTok]) -> None:
    """slovnet reads an inanimate masculine noun (nominative = accusative: "Вашингтон", "Минск") after
    its verb as a second object: a finite verb with two bare objects and no subject gets as subject the
    one that can be nominative (the first such, as in the neutral word order), e.g. "Москву обвинил
    Вашингтон"."""
    for v in toks:
        if v.pos != "VERB" or v.feats.get("VerbForm") != "Fin":
            continue
        kids = [toks[k] for k in v.kids]
        if any(k.rel.startswith("nsubj") for k in kids):
            continue
        objs = [k for k in kids if k.rel == "obj" and not any(toks[g].rel == "case" for g in k.kids)]
        if len(objs) < 2:
            continue
        subj = next((k for k in objs if can_be_nominative(k.text)), None)
        if subj is not None and any(not can_be_nominative(k.text) for k in objs if k is not subj):
            subj.rel = "nsubj"
            subj.feats["Case"] = "Nom"


@lru_cache(maxsize=100_000)
def verb_reading(word: str) -> str | None:
    """pymorphy3's verbal reading of a word the tagger missed: "fin", "part-act", "part-pass", "conv",
    or None. slovnet tags some rare verb forms as adverbs or adjectives ("сближаются", "атаковавшие")."""
    p = _parses(norm(word))[0]
    pos = p.tag.POS
    if pos in ("VERB", "INFN"):
        return "fin"
    if pos in ("PRTF", "PRTS"):
        return "part-pass" if "pssv" in p.tag else "part-act"
    if pos == "GRND":
        return "conv"
    return None


@lru_cache(maxsize=100_000)
def perfective(word: str) -> bool:
    """A perfective verb form: only those have a one-word future ("подпишет"); slovnet marks some present
    forms ("ждёт") as future."""
    return "perf" in _parses(norm(word))[0].tag
