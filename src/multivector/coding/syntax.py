"""Dependency-tree helpers: subjects, objects, negation, modality heads — spaCy English labels.

Written against spaCy's ClearNLP-style labels (nsubj, dobj, xcomp, agent, prt …) used by the English models.
"""

from __future__ import annotations

from typing import Any

from multivector.coding.rules import APPEAL, DEMAND, FUTURE_AUX, HYPO_AUX, INTENT, REFUSE


def _object_tokens(tok: Any, pos: str) -> list[Any]:
    out: list[Any] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "xcomp", "dative", "acomp", "advmod", "ccomp"):
            out.append(c)
        elif c.dep_ in ("prep", "agent"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif pos == "N" and c.dep_ in ("compound", "amod", "nmod"):
            out.append(c)
    extra: list[Any] = []
    for o in out:
        extra.extend(o.conjuncts)
        if o.dep_ in ("xcomp", "ccomp"):
            continue  # "seek to deepen a partnership": the embedded clause's object is not seek's
        for g in o.children:
            if g.dep_ in ("compound", "amod", "nmod", "dobj"):
                extra.append(g)
            elif g.dep_ == "prep" and g.lower_ == "of":
                extra.extend(x for x in g.children if x.dep_ == "pobj")
    if pos == "N" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "of":
        extra.append(tok.head.head)
    return out + extra


def _clause_children(verb: Any) -> list[Any]:
    """A verb's children plus subjects the parser hung on its auxiliaries ("X have opposed")."""
    out = list(verb.children)
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass"):
            out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    return out


def _subjects(verb: Any) -> list[Any]:
    subj = [c for c in _clause_children(verb) if c.dep_ in ("nsubj",)]
    if not subj:
        subj = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return subj


def _inherited_subject(tok: Any) -> list[Any]:
    """Subject of a verb without its own: conjunct verbs, control verbs, participles, relative clauses."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head is cur:
            return []
        if cur.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [head]
        if cur.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp") or (cur.dep_ == "acomp"):
            if cur.dep_ == "xcomp":
                objs = [c for c in head.children if c.dep_ in ("dobj",)]
                if objs and head.lemma_.lower() in APPEAL | DEMAND:
                    return objs
            if cur.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                return []
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            if subj:
                return subj
            cur = head
            continue
        if head.pos_ == "ADJ" or head.dep_ == "acomp":
            cur = head
            continue
        return []
    return []


def _modal_head(tok: Any) -> Any:
    """The refuse/intend/urge verb (or "ready"-type adjective) that governs ``tok`` via xcomp, if any."""
    if tok.dep_ not in ("xcomp", "ccomp") or tok.head is tok:
        return None
    head = tok.head
    lemma = head.lemma_.lower()
    if tok.dep_ == "ccomp" and lemma not in DEMAND | {"agree", "decide", "promise", "pledge", "vow"}:
        return None
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    if tok.dep_ == "ccomp" and not marked and lemma not in DEMAND:
        return None
    if lemma in REFUSE | INTENT | APPEAL | DEMAND:
        return head
    return None


def _governing_verb(tok: Any) -> Any:
    cur = tok
    for _ in range(4):
        head = cur.head
        if head is cur:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        if head.pos_ in ("VERB", "AUX"):
            return head
        cur = head
    return None


def _negated(verb: Any) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "neither", "nor") for c in verb.children):
        return True
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(any(g.lower_ in ("no", "neither") for g in s.children) for s in subj)


def _noun_negated(tok: Any) -> bool:
    return any(c.lower_ in ("no", "without") for c in tok.children) or (
        tok.head.lower_ == "without" and tok.dep_ == "pobj"
    )


def _hypothetical(verb: Any) -> bool:
    cur = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in HYPO_AUX for c in cur.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cur.children):
            return True
        if cur.dep_ in ("xcomp", "conj") and cur.head is not cur:
            cur = cur.head
            continue
        break
    return False


def _future(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _obligation_aux(verb: Any) -> Any:
    """The "must"/"should"/"has to" that turns a reported clause into a demand, if any."""
    if verb.dep_ != "ccomp":
        return None
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in ("must", "should"):
            return c
    if verb.head.lemma_ == "have" and verb.dep_ == "xcomp":
        return verb.head
    return None
