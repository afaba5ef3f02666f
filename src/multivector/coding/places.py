"""Place-based attribution for actors the resolver found but could not give a country.

"Students across Moldova held protests", "inmates rioted in a prison near Tbilisi", "police broke up
a march in Yerevan": the resolver knows these are students, prisoners,
demonstrators (an agent code) but not whose. When their own clause happens in exactly one country, the
coder lends them that country — for acts that take place where they happen (protest, force posture,
coercion, violence: roots 14, 15, 17–20; see ``LOCAL_ROOTS``). Diplomatic acts are never localised
("a minister met X in Paris" says nothing about the minister's country). Named international bodies
(IGO/NGO agents with a proper name: "Red Cross officials") are never localised either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from multivector.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PLACE_PREPS = {"in", "at", "throughout", "across", "inside", "around"}
LOCAL_ROOTS = {"14", "15", "17", "18", "19", "20"}
# organised or social non-state actors: "opposition groups in Zimbabwe", "students throughout Indonesia" —
# a place inside their own phrase says who they are, whatever they do (not officials, media or diplomats)
RESIDENT_AGENTS = {"OPP", "REB", "INS", "PRO", "CVL", "EDU", "LAB", "PTY", "REF", "RAD", "SEP"}
_WALK = {
    "prep",
    "pobj",
    "dobj",
    "nsubj",
    "nsubjpass",
    "xcomp",
    "compound",
    "appos",
    "npadvmod",
    "attr",
    "oprd",
    "conj",
    "acl",
}
_PLACE_PHRASE = {"compound", "poss", "appos", "pobj", "amod", "conj"}


def located_mentions(
    sent: Span, mentions: Sequence[Mention], tokmap: dict[int, Mention], char_offset: int
) -> tuple[dict[int, Mention], set[int]]:
    """Token index → a copy of a country-less mention carrying the country of its clause's one place, and
    the ids of the copies placed by their own phrase (residents: valid for every event root)."""
    doc = sent.doc
    lo, hi = sent.start_char + char_offset, sent.end_char + char_offset
    out: dict[int, Mention] = {}
    residents: set[int] = set()
    for m in mentions:
        if m.country or not m.agent or m.end <= lo or m.start >= hi:
            continue
        if (m.actor_id or "").startswith("analyst:"):
            continue
        span = doc.char_span(m.start - char_offset, m.end - char_offset, alignment_mode="expand")
        if span is None:
            continue
        if m.agent in ("IGO", "NGO") and any(t.pos_ == "PROPN" for t in span):
            continue
        anchor = span.root
        while anchor.dep_ in ("compound", "amod") and anchor.head.i != anchor.i:
            anchor = anchor.head  # "Opposition groups in Zimbabwe": the phrase head carries the place
        own = [
            p
            for c in anchor.children
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
            for g in c.children
            if g.dep_ == "pobj"
            for p in _place_phrase(g, tokmap)
        ]
        resident = m.agent in RESIDENT_AGENTS and len({p.country for p in own}) == 1
        verb = _clause_verb_of(anchor)
        if verb is None and not resident:
            continue
        places = own if resident else _places(verb, tokmap)
        if len({p.country for p in places}) != 1:
            continue
        where = places[0]
        located = Mention(
            m.text,
            m.start,
            m.end,
            m.actor_id,
            m.name,
            where.country,
            m.agent,
            where.alignment,
            min(m.confidence, 0.5),
            m.article_id,
        )
        for t in span:
            out.setdefault(t.i, located)
        if resident:
            residents.add(id(located))
    return out, residents


def _clause_verb_of(tok: Token) -> Any:
    cur = tok
    for _ in range(5):
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return cur if cur.pos_ in ("VERB", "AUX") else None


def _places(verb: Token, tokmap: dict[int, Mention]) -> list[Mention]:
    found: list[Mention] = []
    todo = [(verb, 0)]
    seen: set[int] = set()
    while todo:
        node, depth = todo.pop()
        if node.i in seen or depth > 5:
            continue
        seen.add(node.i)
        for c in node.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                continue  # a conjoined clause has its own setting
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        found.extend(_place_phrase(g, tokmap))
            elif c.dep_ in _WALK:
                todo.append((c, depth + 1))
    return found


def _place_phrase(tok: Token, tokmap: dict[int, Mention]) -> list[Mention]:
    out: list[Mention] = []
    todo = [tok]
    for _ in range(12):
        if not todo:
            break
        t = todo.pop()
        if t.i in tokmap and _is_place(tokmap[t.i]):
            out.append(tokmap[t.i])
        todo.extend(
            c
            for c in t.children
            if c.dep_ in _PLACE_PHRASE or (c.dep_ == "prep" and c.lower_ in ("of", "in"))
        )
    return out


def _is_place(m: Mention) -> bool:
    """A country, or a proper place name the resolver reads as its government ("Algiers", "Dili");
    not an agent phrase ("Algerian security forces")."""
    words = m.text.split()
    return m.agent == "" or (m.agent == "GOV" and all(w[:1].isupper() for w in words if w.isalpha()))
