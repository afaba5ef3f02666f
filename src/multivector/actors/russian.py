"""Russian actor mentions: natasha for tokens and names, pymorphy3 lemmas for matching inflected forms.

Russian inflects names ("Кремля", "Россией", "Беларуси"), so the dictionaries' nominative forms and the
text are both reduced to lemmas before matching. natasha and pymorphy3 are the optional ``ru`` extra and
are imported only here, only when Russian text is resolved.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from multivector.actors.chunks import Chunker, Context, Hit, Tok, as_date
from multivector.actors.data import ActorData
from multivector.nlp.russian import analyzer, norm, russian_models
from multivector.records import Mention

GLUE_RU = {"’", "'", "-"}
PRE_GLUE_RU = {"из", "в", "от"}
CONJ_RU = {"и", ",", "или", "-", "–"}
MOD_RU = {"бывший", "нынешний", "новый", "первый", "действующий", "главный", "высший", "верховный"}
NER_TYPES = {"PER", "ORG", "LOC"}
WORD_RE = re.compile(r"\w[\w\-]*|[^\w\s]", re.UNICODE)


@dataclass
class RussianPipeline:
    """natasha models plus the lemma index of the dictionaries' Russian forms, built once per data set."""

    segmenter: Any
    ner: Any
    lemma: Any
    index: dict[tuple[str, ...], list[Any]]
    cased: dict[tuple[str, ...], tuple[bool, bool]]
    max_len: int
    chunker: Chunker


#: endings of Russian-declined male surnames (Токаев, Мирзиёев, Алиев, Пашинян is not declined this way)
_SURNAME_ENDS = ("ов", "ев", "ёв", "ин", "ын")
#: their case endings: genitive/accusative, dative, instrumental, prepositional
_SURNAME_CASES = ("а", "у", "ым", "е")


def _proper_name(atom: Any) -> bool:
    """People and cities: the names whose case forms pymorphy3 may read as another word's."""
    return atom.kind == "person" or atom.agent == "CVL"


def _load(data: ActorData) -> RussianPipeline:
    morph = analyzer()

    @lru_cache(maxsize=200_000)
    def lemma(word: str) -> str:
        w = norm(word)
        if not any(c.isalpha() for c in w):
            return w
        return norm(morph.parse(w)[0].normal_form)

    index: dict[tuple[str, ...], list[Any]] = {}
    cased: dict[tuple[str, ...], tuple[bool, bool]] = {}
    # Russian news writes many company and agency names in Latin script ("Uniper", "Shell", "BBC")
    latin = {
        p: [a for a in atoms if a.kind == "actor" and data.actors[a.ref].kind in ("org", "igo")]
        for p, atoms in data.phrases.items()
        if p.isascii() and any(c.isalpha() for c in p)
    }
    forms_of = {**{p: data.forms.get(p, {p}) for p in latin}, **data.ru_forms}

    @lru_cache(maxsize=50_000)
    def name_lemmas(word: str) -> tuple[str, ...]:
        """Every lemma an inflected form of a name can get: pymorphy3 reads the genitive of a foreign male
        name as a word of its own ("Рааба" -> "рааба", not "рааб"), so the text's lemma is not always the
        dictionary's."""
        out = {lemma(word)}
        if not word.isalpha():
            return tuple(out)
        low = norm(word)
        if low.endswith(_SURNAME_ENDS):
            # dictionary forms are nominative, but pymorphy3 reads many unknown surnames as another word's
            # case ("Токаев" -> "токай"): key them by the text's lemma of each case form instead
            out.add(low)
            out.update(lemma(low + end) for end in _SURNAME_CASES)
        for p in morph.parse(low)[:3]:
            if p.tag.POS != "NOUN":
                continue
            for case in ("gent", "datv", "accs", "ablt", "loct"):
                f = p.inflect({case, "sing"})
                if f is not None:
                    out.add(lemma(f.word))
        return tuple(sorted(out))

    def keys(phrase: str, atoms: list[Any]) -> list[tuple[str, ...]]:
        words = WORD_RE.findall(phrase)
        base = tuple(lemma(w) for w in words)
        if not base or not any(_proper_name(a) for a in atoms):
            return [base] if base else []
        variants = [name_lemmas(w) for w in words]
        combos = 1
        for v in variants:
            combos *= len(v)
        if combos > 64:
            return [base]
        return list(dict.fromkeys([base, *itertools.product(*variants)]))

    entries = [*((p, a) for p, a in latin.items() if a), *data.ru_phrases.items()]
    for phrase, atoms in entries:
        base = tuple(lemma(w) for w in WORD_RE.findall(phrase))
        if base:
            _index(index, cased, base, atoms, forms_of.get(phrase, {phrase}))
    # the extra lemma readings of names (people, cities) never take a key that means something else
    # ("Грузина" is a person only if no country, sector or organisation has that lemma)
    for phrase, atoms in entries:
        for key in keys(phrase, atoms)[1:]:
            if all(_proper_name(a) for a in index.get(key, ())):
                _index(index, cased, key, atoms, forms_of.get(phrase, {phrase}))
    models = russian_models()
    chunker = Chunker(data, GLUE_RU, PRE_GLUE_RU, CONJ_RU, MOD_RU)
    return RussianPipeline(
        models.segmenter, models.ner, lemma, index, cased, max(len(k) for k in index), chunker
    )


def _index(
    index: dict[tuple[str, ...], list[Any]],
    cased: dict[tuple[str, ...], tuple[bool, bool]],
    key: tuple[str, ...],
    atoms: list[Any],
    forms: set[str],
) -> None:
    bucket = index.setdefault(key, [])
    bucket.extend(a for a in atoms if a not in bucket)
    need_cap = all(any(c.isupper() for c in f) for f in forms)
    need_upper = all(f.isupper() and len(f) <= 6 for f in forms)
    old = cased.get(key, (True, True))
    cased[key] = (old[0] and need_cap, old[1] and need_upper)


#: id(data) -> (data, its pipeline); holding ``data`` keeps the id from being reused
_PIPELINES: dict[int, tuple[ActorData, RussianPipeline]] = {}


def pipeline(data: ActorData) -> RussianPipeline:
    """The Russian pipeline of one set of dictionaries, built on first use (natasha loads seconds)."""
    hit = _PIPELINES.get(id(data))
    if hit is None:
        hit = _PIPELINES[id(data)] = (data, _load(data))
    return hit[1]


@lru_cache(maxsize=50_000)
def _modifies(word: str, nxt: str) -> bool:
    """``word`` reads as an adjective agreeing in case and number with the lower-case noun ``nxt``
    ("военные учения", "военных объектов"), so it describes that noun instead of naming a group."""
    if not nxt.isalpha() or not nxt.islower():
        return False
    morph = analyzer()
    adjs = [p.tag for p in morph.parse(norm(word))[:3] if p.tag.POS == "ADJF"]
    nouns = [p.tag for p in morph.parse(norm(nxt))[:3] if p.tag.POS == "NOUN"]
    return any(a.case == b.case and a.number == b.number for a in adjs for b in nouns)


@lru_cache(maxsize=50_000)
def _oblique_noun(word: str) -> bool:
    """``word`` is a noun in the locative, dative, instrumental or accusative ("в Кремле", "Москве"): a
    noun there never describes the word after it, as "России" does in "России президент" never either."""
    parses = [p.tag for p in analyzer().parse(norm(word))[:3] if p.tag.POS == "NOUN"]
    return bool(parses) and all(p.case in ("loct", "loc2", "datv", "ablt", "accs") for p in parses)


def find_mentions_ru(data: ActorData, text: str, date: Any = None) -> list[Mention]:
    """Actor mentions in Russian text, with character offsets into ``text``."""
    ru = pipeline(data)
    from natasha import Doc

    doc = Doc(text)
    doc.segment(ru.segmenter)
    doc.tag_ner(ru.ner)
    toks: list[Tok] = []
    sent_starts = {s.start for s in doc.sents}
    for t in doc.tokens:
        toks.append(Tok(t.text, norm(t.text), t.start, t.stop, "", t.start in sent_starts and t.start > 0))
    for prev, t in itertools.pairwise(toks):
        t.bound = t.text.islower() and prev.text[:1].isupper() and _oblique_noun(prev.text)
    lemmas = [ru.lemma(t.text) for t in toks]
    hits: list[Hit] = []
    n = len(toks)
    for i in range(n):
        for size in range(min(ru.max_len, n - i), 0, -1):
            key = tuple(lemmas[i : i + size])
            atoms = ru.index.get(key)
            if not atoms:
                continue
            surface = " ".join(t.text for t in toks[i : i + size])
            need_cap, need_upper = ru.cased.get(key, (False, False))
            if (need_upper and not surface.isupper()) or (need_cap and surface.islower()):
                continue
            sector_word = size == 1 and i + 1 < n and all(a.kind == "sector" for a in atoms)
            if sector_word and _modifies(toks[i].text, toks[i + 1].text):
                continue  # "военные учения": the sector word is an adjective of the next noun
            hits.append(Hit(i, i + size, atoms, surface))
    hits = ru.chunker.select(hits)
    chunks = ru.chunker.group(toks, hits)
    ru.chunker.distribute(toks, chunks)
    ctx = Context()
    day = as_date(date)
    out: list[Mention] = []
    for c in chunks:
        m = ru.chunker.resolve(c, toks, text, day, ctx)
        if m is not None:
            out.append(m)
    covered = [(m.start, m.end) for m in out]
    unknown = [
        s
        for s in doc.spans
        if s.type in NER_TYPES and not any(a < s.stop and s.start < b for a, b in covered)
    ]
    for span in unknown:
        # per-word pymorphy3 lemmas as the base form: natasha's full morphology tagger would give better
        # agreement in multi-word names but costs about half the run time
        name = " ".join(
            ru.lemma(t.text).capitalize() if t.text[:1].isupper() else t.text for t in span.tokens
        )
        out.append(Mention(span.text, span.start, span.stop, None, name, "", "", None, 0.2))
    out.sort(key=lambda m: m.start)
    return out
