"""Who does what to whom in a parsed Russian sentence: the subjects, targets and actors of role words.

The role-reading half of the Russian coder (``coding/russian.py`` fires patterns and decides modality;
this module finds the source, the target and the actors a word stands for), kept apart so each stays a
readable size. Russian roles come from the dependency tree and case, not from word order: the nominative
subject, the accusative object, a bare dative, a phrase with с / против / к / в, на + accusative, a
passive's instrumental, the genitive or adjective of an act noun.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from multivector.coding.reference import Context
from multivector.coding.tables import CodingDataError, Pattern, data_path
from multivector.nlp.russian import RSent, RTok, norm, verb_reading
from multivector.records import Mention

_MEDIATION = ("039", "045")  # a mediator's "между" names the sides it mediates for, not the actors
#: prepositions that point somewhere only with the accusative ("в Минск"), never the locative ("в Минске")
_DIRECTIONAL = {"в", "на"}
#: "в адрес X", "в отношении X": the target is the genitive under the noun
_COMPOUND_PREP = {"адрес", "отношение"}
#: prepositions under an act's object that lead to the other side ("эмбарго на ввоз из ЕС", "резолюция по
#: Украине"); not "против": "поддержала продление санкций против России" is no support of Russia
_CHAIN_PREPS = {"на", "по", "о", "об", "из"}
_ACTOR_RELS = {"nmod", "amod", "appos", "flat", "flat:name", "flat:foreign", "compound", "det", "nummod"}
_CLIMB_RELS = {"xcomp", "conj", "advcl", "ccomp", "parataxis"}
_CUES = (
    "intent",
    "appeal",
    "demand",
    "refuse",
    "hypothetical",
    "duty",
    "speech",
    "light",
    "first_person",
    "person_pronoun",
    "plural_pronoun",
    "thing_pronoun",
    "sides",
    "sides_determiners",
    "reported_by",
    "patient_genitive",
    "denial",
    "claim",
    "cease",
    "conjecture",
    "become",
)


@dataclass(frozen=True, slots=True)
class Cues:
    words: dict[str, frozenset[str]]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.words[name]
        except KeyError:
            raise AttributeError(name) from None


def load_cues(path: Any = None) -> Cues:
    """``russian.yaml``: every list named in ``_CUES`` present, each a non-empty list of words."""
    path = path or data_path("russian.yaml")
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CodingDataError(f"{path}: cannot read Russian cue words: {exc}") from None
    words: dict[str, frozenset[str]] = {}
    for name in _CUES:
        value = (data or {}).get(name)
        if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
            raise CodingDataError(f"{path}: {name!r} must be a non-empty list of words")
        words[name] = frozenset(norm(w) for w in value)
    return Cues(words)


@lru_cache(maxsize=1)
def cues() -> Cues:
    return load_cues()


def _spoken(voice: Mention, t: RTok) -> Mention:
    """The speaker as the actor of a first-person word, at that word."""
    how = voice.via if voice.via.startswith("speaker") else f"speaker:{voice.via or 'quote'} {voice.text}"
    return replace(voice, text=t.text, start=t.start, end=t.end, via=how.strip())


def _via(m: Mention, how: str) -> Mention:
    return m if m.via == how else replace(m, via=how if not m.via else f"{how} > {m.via}")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who "мы"/"я"/"наш" stand for in one sentence: the subject of a verb of saying for the words it
    governs, the document's own voice for the rest."""

    said: Mention | None
    scope: frozenset[int]
    house: Mention | None

    def at(self, i: int) -> Mention | None:
        return self.said if self.said is not None and i in self.scope else self.house


class RussianRoles:
    """Role readers shared by the Russian coder; needs the cue words as ``self.cues``."""

    cues: Cues

    def _holder(self, sent: RSent, t: RTok, tokmap, ctx: Context, voice, path: list[str]) -> list[Mention]:
        """The subject of the nearest clause above ``t`` that has one ("Минск выразил готовность стать
        посредником": Минск)."""
        h = sent.head(t)
        for _ in range(4):
            if h is None:
                return []
            found = self._subjects(sent, h, tokmap, ctx, voice, path)
            if found:
                return found
            h = sent.head(h)
        return []

    # ------------------------------------------------------------------ roles
    def _subjects(
        self,
        sent: RSent,
        v: RTok,
        tokmap,
        ctx: Context,
        voice: Speaker | None,
        path: list[str],
        depth: int = 0,
    ) -> list[Mention]:
        passive = ("Pass" in v.feats.get("Voice", "") or verb_reading(v.text) == "part-pass") and not (
            v.pos == "ADJ" and v.forms & self.cues.intent  # "намерена" is not "measured"
        )
        for c in sent.children(v):
            if passive and c.feats.get("Case") == "Ins" and sent.prep(c) is None and c.pos != "ADJ":
                found = self._actors(sent, c, tokmap, ctx, voice)
                if found:
                    path.append(f"agent {c.text} ({c.rel}, instrumental)")
                    return found
        if passive:
            # "были введены санкции Евросоюзом": the parser often hangs the agent on the passive subject
            for c in sent.children(v):
                if c.rel != "nsubj:pass":
                    continue
                for g in sent.children(c):
                    if g.feats.get("Case") == "Ins" and sent.prep(g) is None and g.pos in ("PROPN", "NOUN"):
                        found = self._actors(sent, g, tokmap, ctx, voice)
                        if found:
                            path.append(f"agent {g.text} (instrumental under {c.text})")
                            return found
        for c in sent.children(v):
            if c.rel == "nsubj" and not passive and c.feats.get("Case", "Nom") == "Nom":
                path.append(f"subject {c.text} (nsubj)")
                return self._actors(sent, c, tokmap, ctx, voice)
        if v.pos == "VERB" and not passive and v.rel not in ("xcomp", "conj", "advcl", "acl", "acl:relcl"):
            left = self._left_subject(sent, v, tokmap, ctx, voice)
            if left:
                path.append("subject left of the verb (parse gave none)")
                return left
        head = sent.head(v)
        if (
            v.pos == "NOUN"
            and head is not None
            and depth < 4
            and head.forms & self.cues.light
            and v.rel in ("obj", "nsubj:pass")
        ):
            # "Минск выразил готовность …": a noun's holder is the subject of the verb that carries it
            return self._subjects(sent, head, tokmap, ctx, voice, path, depth + 1)
        if head is not None and depth < 4 and v.rel in _CLIMB_RELS - {"ccomp", "parataxis"}:
            if v.rel == "conj" and head.pos == "NOUN":
                return []
            path.append(f"subject of {head.text} ({v.rel})")
            return self._subjects(sent, head, tokmap, ctx, voice, path, depth + 1)
        return []

    def _left_subject(self, sent: RSent, v: RTok, tokmap, ctx: Context, voice) -> list[Mention]:
        """A nominative actor right before a verb the parser left without a subject ("… как Великобритания
        и ЕС осуждают …" hung on another verb): at most four words back, no punctuation between."""
        for k in range(v.i - 1, max(-1, v.i - 5), -1):
            w = sent.toks[k]
            if w.pos == "PUNCT" or w.pos == "VERB":
                return []
            if w.feats.get("Case") == "Nom" and w.rel in ("nsubj", "conj") and w.head != v.i:
                first = w
                while first.rel == "conj" and first.head >= 0 and first.head < first.i:
                    first = sent.toks[first.head]
                return self._actors(sent, first, tokmap, ctx, voice)
        return []

    def _targets(
        self,
        sent: RSent,
        t: RTok,
        allowed: Sequence[str],
        tokmap,
        ctx: Context,
        voice: Speaker | None,
        path: list[str],
        nested: bool = True,
    ) -> list[Mention]:
        out: list[Mention] = []
        passive = "Pass" in t.feats.get("Voice", "")
        for c in sent.children(t):
            if c.rel in ("nsubj", "punct", "case", "mark", "cc", "advmod", "aux", "aux:pass", "conj"):
                continue
            if c.rel == "nsubj:pass" and c.feats.get("Case") == "Ins":
                continue
            prep = sent.prep(c)
            case = c.feats.get("Case", "")
            key = None
            if prep is None:
                if c.rel == "obj" or (c.rel == "nsubj:pass" and passive):
                    key = "obj"
                elif case == "Dat" and c.rel in ("iobj", "obl", "nmod"):
                    key = "dat"
            elif prep == "в" and c.lemma in _COMPOUND_PREP:
                key = c.lemma
                c = next((g for g in sent.children(c) if g.rel == "nmod" and sent.prep(g) is None), c)
            elif prep not in _DIRECTIONAL or case == "Acc":
                key = prep
            if key is not None and key in allowed:
                found = self._actors(sent, c, tokmap, ctx, voice)
                if found:
                    path.append(f"target {c.text} ({key})")
                    out.extend(found)
                    continue
            if nested and c.rel in ("obj", "nsubj:pass", "obl") and prep is None:
                # "подписал соглашение с Брюсселем": the partner hangs off the object, or off its topic
                # ("соглашение о сотрудничестве с Россией")
                out.extend(self._targets(sent, c, allowed, tokmap, ctx, voice, path, nested=False))
                for g in sent.children(c):
                    if g.rel == "nmod" and sent.prep(g) in ("о", "об"):
                        out.extend(self._targets(sent, g, allowed, tokmap, ctx, voice, path, nested=False))
        if nested and not out:
            out = self._object_chain(sent, t, tokmap, ctx, voice, path)
        return out

    def _object_chain(
        self, sent: RSent, t: RTok, tokmap, ctx: Context, voice, path: list[str]
    ) -> list[Mention]:
        """The other side named deep inside the act's object: "ввела эмбарго на ввоз из Евросоюза", "наложила
        вето на проект резолюции по Украине", "отказался признать аннексию Крыма Россией". Nearest level
        first; on a level, the deed's doer (instrumental) before its owner (genitive) before its topic."""
        level = [c for c in sent.children(t) if c.rel == "obj" and sent.prep(c) is None]
        for _depth in range(3):
            below: list[tuple[int, RTok]] = []
            for n in level:
                for c in sent.children(n):
                    if c.rel != "nmod":
                        continue
                    prep, case = sent.prep(c), c.feats.get("Case", "")
                    if prep is None and case in ("Ins", "Gen"):
                        below.append((0 if case == "Ins" else 1, c))
                    elif prep in _CHAIN_PREPS and not (prep == "на" and case != "Acc"):
                        below.append((2, c))
            if not below:
                return []
            for rank in (0, 1, 2):
                found = [m for r, c in below if r == rank for m in self._actors(sent, c, tokmap, ctx, voice)]
                if found:
                    path.append("target inside the object")
                    return found
            level = [c for _r, c in below]
        return []

    def _noun_roles(self, sent: RSent, t: RTok, pat: Pattern, tokmap, ctx: Context, voice, path: list[str]):
        """A nominal event: source from the genitive or adjective ("визит Путина", "российские санкции") or
        the light verb's subject ("провел переговоры"); target from its prepositional phrase."""
        sources: list[Mention] = []
        between: list[Mention] = []
        patients: list[Mention] = []
        for c in sent.children(t):
            prep = sent.prep(c)
            if prep == "между":
                between.extend(self._actors(sent, c, tokmap, ctx, voice))
            elif (
                prep is None
                and c.rel == "nmod"
                and c.feats.get("Case") == "Gen"
                and t.forms & self.cues.patient_genitive
            ):
                patients.extend(self._actors(sent, c, tokmap, ctx, voice, shallow=True))
            elif prep is None and (
                (c.rel == "nmod" and c.feats.get("Case") == "Gen") or c.rel in ("amod", "det", "nmod:poss")
            ):
                found = self._actors(sent, c, tokmap, ctx, voice, shallow=True)
                if found:
                    path.append(f"source {c.text} ({c.rel})")
                    sources.extend(found)
        if between and pat.code[:3] in _MEDIATION:
            # "стать посредником между Москвой и Киевом": the two sides are whom the mediator serves
            path.append("mediation between")
            return sources or self._holder(sent, t, tokmap, ctx, voice, path), between, False
        if between:
            path.append("between")
            return between, [], True
        if len(sources) >= 2 and any(c.rel == "amod" and c.lemma == "взаимный" for c in sent.children(t)):
            path.append("mutual")
            return sources, [], True
        targets = patients + self._targets(sent, t, pat.tgt, tokmap, ctx, voice, path, nested=False)
        head = sent.head(t)
        if (
            not sources
            and head is not None
            and head.forms & self.cues.light
            and t.rel
            in (
                "obj",
                "nsubj:pass",
                "nsubj",
                "obl",
            )
        ):
            path.append(f"light verb {head.text}")
            sources = self._subjects(sent, head, tokmap, ctx, voice, path)
            if not targets:
                targets = self._targets(sent, head, pat.tgt, tokmap, ctx, voice, path, nested=False)
        return sources, targets, False

    # ------------------------------------------------------------------ actors
    def _tokmap(self, sent: RSent, mentions: Sequence[Mention]) -> dict[int, Mention]:
        out: dict[int, Mention] = {}
        for m in mentions:
            for t in sent.toks:
                if t.start >= m.start and t.end <= m.end:
                    out.setdefault(t.i, m)
        return out

    def _actors(
        self,
        sent: RSent,
        t: RTok,
        tokmap: dict[int, Mention],
        ctx: Context,
        voice: Speaker | None,
        shallow: bool = False,
    ) -> list[Mention]:
        """The actors a role word stands for: its own mention, a name among its modifiers ("президент
        России"), a pronoun's antecedent, "обе стороны"; coordinated words add theirs."""
        found = self._one(sent, t, tokmap, ctx, voice, shallow)
        for c in sent.children(t):
            if c.rel == "conj":
                found.extend(self._one(sent, c, tokmap, ctx, voice, shallow))
        return found

    def _one(self, sent: RSent, t: RTok, tokmap, ctx: Context, voice, shallow: bool) -> list[Mention]:
        c = self.cues
        if t.i in tokmap:
            return [tokmap[t.i]]
        word = norm(t.text)
        if t.lemma in c.first_person or word in c.first_person:
            m = voice.at(t.i) if voice is not None else None
            return [_spoken(m, t)] if m is not None else []
        if t.pos == "PRON" or t.pos == "DET":
            if t.lemma in c.person_pronoun:
                return [_via(m, f"anaphor:{t.text}") for m in ctx.person()]
            if t.lemma in c.plural_pronoun:
                return [_via(m, f"anaphor:{t.text}") for m in ctx.crowd()]
            if t.lemma in c.thing_pronoun:
                return [_via(m, f"anaphor:{t.text}") for m in ctx.thing()]
            return []
        kids = sent.children(t)
        ours = any(norm(k.text) in ("наш", "наши") for k in kids) and voice is not None and voice.at(t.i)
        if (
            not ours
            and t.lemma in c.sides
            and (
                (t.lemma == "сторона" and t.feats.get("Number") == "Plur")
                or any(k.lemma in c.sides_determiners or norm(k.text) in c.sides_determiners for k in kids)
            )
        ):
            # "обе стороны", "две страны" (but "наша страна" is the speaker's, read below)
            pair = ctx.dialogue if len(ctx.dialogue) == 2 else ctx.crowd()
            return [_via(m, f"anaphor:{t.text}") for m in pair]
        doer = next(
            (k for k in kids if k.rel == "nmod" and k.feats.get("Case") == "Ins" and k.i in tokmap), None
        )
        if doer is not None and sent.prep(doer) is None:
            return [tokmap[doer.i]]  # "аннексия Крыма Россией": the deed's doer, not what it was done to
        for k in kids:
            if k.rel in _ACTOR_RELS and sent.prep(k) is None:
                if k.i in tokmap:
                    # "киргизские и таджикские пограничники": the coordinated adjective names a side too
                    more = [tokmap[g.i] for g in sent.children(k) if g.rel == "conj" and g.i in tokmap]
                    return [tokmap[k.i], *more]
                m = voice.at(k.i) if voice is not None else None
                if norm(k.text) in ("наш", "мой") and m is not None:
                    return [_spoken(m, k)]
        if shallow:
            return []
        for k in kids:
            if k.rel in ("nmod", "appos", "flat:name") and sent.prep(k) is None:
                for g in sent.children(k):
                    if g.i in tokmap and g.rel in _ACTOR_RELS and sent.prep(g) is None:
                        return [tokmap[g.i]]
        return []
