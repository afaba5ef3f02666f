"""Who a word stands for: the mention on or inside a role phrase, the antecedent of a relative pronoun,
the named members of a group noun, and pronouns read from what the article has named so far.

The coder asks these questions for every source and target token; they are kept apart from the pattern
logic so that the reference rules can be read (and tested) on their own."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from multivector.coding.rules import PLURAL_ANAPHORS
from multivector.coding.syntax import controller
from multivector.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(slots=True)
class Context:
    """Article-level memory for pronouns and "the two countries": the recent resolved actors."""

    recent: list[Mention] = field(default_factory=list)
    unknown_actors: bool = False
    offset: int = 0
    current: list[tuple[Mention, Any]] = field(default_factory=list)
    named: list[tuple[Mention, Any]] = field(default_factory=list)  # every actor of the sentence, in order
    located: set[int] = field(default_factory=set)  # ids of mentions given the country of their place
    agent_tokens: set[int] = field(default_factory=set)  # tokens of any actor mention, country or not
    #: the two sides of a bilateral document (its own voice and the counterpart its title names):
    #: "the leaders", "the parties" and the missing addressee of a consultation are these two
    dialogue: list[Mention] = field(default_factory=list)

    plural: set[int] = field(default_factory=set)  # ids of group mentions ("Americans", "Russian forces")
    last: list[Mention] = field(default_factory=list)  # the previous sentence's resolved mentions
    voice: Mention | None = None  # who speaks in the current sentence, when the document says

    def add(self, mentions: Iterable[Mention], plural: Iterable[Mention] = ()) -> None:
        self.last = []
        for m in mentions:
            if m.country:
                self.recent.append(m)
                self.last.append(m)
        del self.recent[:-50]
        self.plural = {id(m) for m in self.recent if id(m) in self.plural} | {id(m) for m in plural}

    def person(self) -> list[Mention]:
        """Last named person (people-file ids look like "lukashenko_alexander"), analysts excluded."""
        for m in reversed(self.recent):
            if _is_person(m):
                return [m]
        return []

    def thing(self) -> list[Mention]:
        """Last country or organisation (not a person, not a plural group: "it" is not "the Americans")."""
        for m in reversed(self.recent):
            if "_" not in (m.actor_id or "") and id(m) not in self.plural:
                return [m]
        return []

    def crowd(self) -> list[Mention]:
        """What an unanchored "they" stands for: two sides named in the sentence just before ("X and Y
        signed …. They also agreed …"), else the last plural group named ("Russian forces"); two
        countries named further back are too weak a guess (they may be a topic, not actors)."""
        sides = distinct_mentions(self.last, by_country=True)
        if len(sides) == 2:
            return sides
        for m in reversed(self.recent):
            if id(m) in self.plural:
                return [m]
        return []

    def named_pair(self) -> list[Mention]:
        """ "The parties", "the two countries" outside a bilateral document: the two sides of the previous
        sentence, never two countries met further back (they may be a topic, not the parties)."""
        sides = distinct_mentions(self.last, by_country=True)
        return sides if len(sides) == 2 else []


def distinct_mentions(ms: list[Mention], by_country: bool = False) -> list[Mention]:
    out: list[Mention] = []
    for m in ms:
        key = _key(m, by_country)
        if (m.country or not m.actor_id) and not any(_key(o, by_country) == key for o in out):
            out.append(m)
    return out


def _key(m: Mention, by_country: bool) -> tuple:
    if not m.country:
        return ("?" + m.text,)
    return (m.country,) if by_country else (m.country, m.agent)


def phrase_mentions(t: Token, tokmap: dict[int, Mention]) -> list[tuple[Mention, Any]]:
    found: list[tuple[Mention, Any]] = []
    if t.i in tokmap:
        found.append((tokmap[t.i], t))
        # "the leaders of Latvia and Estonia": one mention may cover the head and the first country
        for c in t.subtree:
            if (c.dep_ == "conj" and c.i in tokmap and c.head.i in tokmap and c.head.i != t.i) or (
                c.dep_ == "conj" and c.i in tokmap and c.head.i in tokmap and c.head.dep_ == "pobj"
            ):
                m = tokmap[c.i]
                if all(m is not o for o, _ in found) and c.i > t.i:
                    found.append((m, c))
        pre = t.doc[t.left_edge.i : t.i]
        if any(x.dep_ == "cc" for x in pre):
            # "Hungarian and Romanian officials": the resolver may fold the last adjective into the head
            for x in pre:
                if x.i in tokmap and all(tokmap[x.i] is not o for o, _ in found):
                    found.append((tokmap[x.i], x))
        return found
    # premodifiers first ("U.S. border patrol agents", "Sudanese government forces")
    for x in t.doc[t.left_edge.i : t.i]:
        if x.i in tokmap and all(tokmap[x.i] is not m for m, _ in found):
            found.append((tokmap[x.i], x))
    if found:
        return found
    frontier = [t]
    for _ in range(3):
        nxt: list[Any] = []
        for node in frontier:
            for c in node.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod", "appos", "nummod"):
                    nxt.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("of", "from", "in"):
                    nxt.extend(g for g in c.children if g.dep_ == "pobj")
        for c in nxt:
            if c.i in tokmap and all(tokmap[c.i] is not m for m, _ in found):
                found.append((tokmap[c.i], c))
                found.extend((tokmap[x.i], x) for x in c.conjuncts if x.i in tokmap)
        if found:
            return found
        frontier = nxt
    return found


#: words that open a relative clause as its subject or object ("which", "who", "whom", "that")
_RELATIVE = {"which", "who", "whom", "that"}


def antecedent(t: Token) -> Any | None:
    """The noun a relative pronoun stands for: "the EU, with which we negotiate" → EU. The pronoun is
    a subject, object or prepositional object inside a relative clause hung on that noun."""
    if t.lower_ not in _RELATIVE or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return None
    node = t
    for _ in range(3):
        node = node.head
        if node.dep_ == "relcl":
            return node.head if node.head.pos_ in ("NOUN", "PROPN") else None
        if node.head.i == node.i:
            return None
    return None


def group_members(t: Token) -> list[Any]:
    """Named members after a plural noun: "partners including Japan", "states such as Iran" (the
    parser hangs "as" on the noun or on "such", and "such" on the noun or on "as")."""
    preps = [c for c in t.children if c.dep_ == "prep"]
    preps += [p for c in t.children if c.lower_ == "such" for p in c.children if p.dep_ == "prep"]
    out: list[Any] = []
    for p in preps:
        such = p.lower_ == "as" and any(x.lower_ == "such" for x in (*t.children, *p.children, p.head))
        if p.lower_ in ("including", "like") or such:
            out.extend(g for g in p.children if g.dep_ == "pobj")
    return out


def plural_groups(sent: Span, mentions: Sequence[Mention], char_offset: int) -> list[Mention]:
    """Mentions that name a group of people by a plural noun ("Americans", "Russian forces"): the head
    is tagged plural and the words are not the actor's own name (which "the United States" is)."""
    out = []
    for m in mentions:
        head = next((t for t in sent if t.idx + char_offset < m.end <= t.idx + char_offset + len(t)), None)
        if head is None or head.tag_ not in ("NNS", "NNPS"):
            continue
        words = m.text.lower().removeprefix("the ").strip()
        if words != (m.name or "").lower().removeprefix("the ").strip():
            out.append(m)
    return out


def _is_person(m: Mention) -> bool:
    aid = m.actor_id or ""
    return "_" in aid and not aid.startswith(("analyst:", "org:"))


def _object_antecedent(t: Token, ctx: Context) -> list[Mention]:
    """An object pronoun is never its own clause's subject: in "Lithuania values the EU and backs it"
    "it" is the EU, the nearest earlier actor of the sentence that no subject holds, of the right kind
    (a person for him/her, a state or body for it)."""
    if t.dep_ not in ("dobj", "pobj", "dative"):
        return []
    subjects = {id(m) for m, tok in ctx.current if tok.dep_.startswith("nsubj") or tok.head.dep_ == "nsubj"}
    want_person = t.lower_ in ("him", "her")
    for m, tok in reversed(ctx.named):
        if tok.i < t.i and tok.sent == t.sent and id(m) not in subjects and _is_person(m) == want_person:
            return [m]
    return []


def anaphor(t: Token, ctx: Context) -> list[Mention]:
    low = t.lower_
    if low in ("it", "him", "her"):
        found = _object_antecedent(t, ctx)
        if found:
            return found
    if low in ("its", "their", "his", "her") and t.dep_ == "poss":
        # "calls on Russia to stop its aggression": the possessor is the one asked to act
        asked = controller(t.head) or set()
        found = [m for m, tok in ctx.named if tok.i in asked]  # ctx.named is this sentence's
        if found:
            return found[:1] if low != "their" else found
    if low in ("its", "their", "his", "her", "it", "he", "she") and ctx.current:
        before = [m for m, tok in ctx.current if tok.i < t.i]
        if before and low in ("its", "his", "her", "it", "he", "she"):
            return [before[0]]
        if not before and low in ("its", "their") and t.dep_ == "poss":
            # "Amid cutting its supplies …, Belarus is …": a possessive ahead of the subject is the subject's
            after = [
                m
                for m, tok in ctx.current
                if tok.i > t.i
                and tok.sent == t.sent
                and (tok.dep_.startswith("nsubj") or tok.head.dep_.startswith("nsubj"))
            ]
            if after:
                return [after[0]]
    if low in ("he", "she", "him", "her", "his"):
        return ctx.person()
    if low in ("it", "its"):
        return ctx.thing()
    if low in ("they", "them", "their"):  # first person is the speaker's (coding.speakers), never a guess
        before = distinct_mentions([m for m, tok in ctx.current if tok.i < t.i])
        if before:
            return before
        return ctx.crowd()
    words = tuple(w.lower_ for w in t.subtree if w.dep_ != "punct")
    if words in PLURAL_ANAPHORS or words[-2:] in PLURAL_ANAPHORS or words[-3:] in PLURAL_ANAPHORS:
        return list(ctx.dialogue) if len(ctx.dialogue) == 2 else ctx.named_pair()
    return []
