"""Stances toward acts named by a noun: "we condemn Russia's aggression against Ukraine".

A verb of speech, appeal, support or disapproval (roots 01–05, 10–12) often takes as its object not an
actor but a hostile act named by a noun ("aggression", "sanctions", "blockade", "occupation", "attack").
The actors inside that noun phrase play two different roles: the **perpetrator** ("Russia's",
"Israeli", "imposed … by the United States", "the aggression of X against Y") and the **victim**
("against Ukraine", "on Cuba", "of Palestinian territories"). The stance is aimed at the perpetrator:

* "we condemn the aggression against Ukraine" → disapproval with no target (the victim is not condemned);
* "we condemn the occupation of Palestinian territories by Israel" → disapproval of Israel;
* "we reject the sanctions against Venezuela" → rejection, no target;
* "we call for the lifting of the blockade imposed on Cuba by the United States" → appeal to the US;
* "we support Ukraine against Russian aggression": support for Ukraine only — a cooperative stance
  is never aimed at the perpetrator of the act it is taken *against*.

Material acts whose object noun is part of the act itself ("imposed sanctions on X", "launched an attack
on X", "lifted the blockade of X") keep the plain reading: their target is the object's target.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from multivector.coding.rules import LIGHT_VERBS, LISTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: pattern roots of verbs that take a stance toward an act (speech, appeal, intent, consult, support,
#: demand, disapproval, rejection)
STANCE_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12"}
#: prepositions after a hostile-act noun that name its victim
VICTIM_PREPS = {"against", "on", "upon", "toward", "towards", "into"}
#: prepositions that link a verb or noun to the act it is about ("the lifting of", "an end to")
_LINK_PREPS = {"of", "to", "for", "on", "against"}
#: hostile-act nouns whose "of" phrase is the perpetrator
AGENT_OF = {"aggression", "hostility", "provocation", "interference", "meddling", "sanction"}
#: nouns that name a change to another act: the stance is toward that act
LINK_NOUNS = {
    "lifting",
    "end",
    "removal",
    "cessation",
    "halt",
    "termination",
    "easing",
    "suspension",
    "imposition",
    "continuation",
    "escalation",
    "expansion",
    "use",
}


def hostile_noun(index: dict[tuple[str, str], list[Any]], fits: Callable[[Any, Any], Any]) -> Callable:
    """Predicate: the token is a noun with a conflict-root (10–20) noun pattern whose constraints it meets
    (``fits`` is the coder's constraint check) — a noun that names a hostile act."""

    def hostile(n: Any) -> bool:
        pats = index.get(("N", n.lemma_.lower()), []) if n.pos_ == "NOUN" else []
        return any(int(p.code[:2]) >= 10 and fits(n, p) is not False for p in pats)

    return hostile


def _pobjs(tok: Token) -> list[Any]:
    return [g for g in tok.children if g.dep_ == "pobj"]


def of_is_agent(noun: Token) -> bool:
    """An act noun's "of" names the perpetrator: when the victim has a preposition of its own ("the
    aggression of X against Ukraine"), and for nouns whose "of" is their agent ("the aggression of
    Russia"; but "the occupation of Palestine", "criticism of Belarus" name the victim)."""
    return noun.lemma_.lower() in AGENT_OF or any(
        c.dep_ == "prep" and c.lower_ in VICTIM_PREPS for c in noun.children
    )


def prep_objects(tok: Token, preps: Any) -> list[Any]:
    """Objects of ``tok``'s prepositions that are among ``preps`` ("talks with X": X for "with")."""
    # the parser labels "to X" after give/provide/send "dative" as often as "prep"
    return [g for p in tok.children if p.dep_ in ("prep", "dative") and p.lower_ in preps for g in _pobjs(p)]


def participle_targets(acl: Any, preps: Any) -> list[Any]:
    """Targets on a past participle after an act noun: "the blockade imposed on Cuba"."""
    if acl.tag_ != "VBN":
        return []
    return prep_objects(acl, preps)


def perpetrator_tokens(noun: Token) -> list[Any]:
    """Tokens that name who commits the act: possessor/adjective before the noun, "by"/"from" phrases
    (also on a participle: "imposed by"), and "of" when the noun names its victim separately."""
    out = [x for x in noun.doc[noun.left_edge.i : noun.i] if x.dep_ in ("poss", "compound", "amod", "nmod")]
    agent_of = of_is_agent(noun)
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
            out.extend(_pobjs(c))
        elif c.dep_ == "prep" and c.lower_ == "of" and agent_of:
            out.extend(_pobjs(c))  # "the aggression of Russia against Ukraine"
        elif c.dep_ == "acl":
            # "the blockade imposed on Cuba by the United States", "sanctions imposed by X"
            for p in c.children:
                if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from"):
                    out.extend(_pobjs(p))
        elif c.dep_ == "relcl" and any(
            g.dep_ == "dobj" and g.lower_ in ("that", "which") for g in c.children
        ):
            # "the crimes that X has committed": the subject of a clause whose object is the act
            out.extend(g for g in c.children if g.dep_ == "nsubj")
    return out


def _reached(verb: Token, hostile: Callable[[Any], bool]) -> list[tuple[Any, str]]:
    """Hostile-act nouns the verb (or stance noun) reacts to, with the preposition that links the first
    one ("" for a direct object). Walks on only through nouns that name a change to an act ("the lifting
    of", "an end to") and through a light verb's object ("expressed its condemnation of"): "parties to
    the conflict" are not the conflict. The object of a light verb is the act itself ("lodged a protest")."""
    light = verb.pos_ != "NOUN" and verb.lemma_.lower() in LIGHT_VERBS
    objs = ("dobj", "nsubjpass") if verb.pos_ != "NOUN" else ()
    starts: list[tuple[Any, str]] = [(c, "") for c in verb.children if c.dep_ in objs]
    starts += [
        (g, c.lower_)
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in _LINK_PREPS
        for g in _pobjs(c)
    ]
    out: list[tuple[Any, str]] = []
    for start, via in starts:
        frontier = [start, *start.conjuncts]
        for step in range(3):
            nxt: list[Any] = []
            for n in frontier:
                own = step == 0 and light and via == ""
                if hostile(n) and not own:
                    out.append((n, via))
                elif own or n.lemma_.lower() in LINK_NOUNS:
                    nxt.extend(
                        g
                        for p in n.children
                        if p.dep_ == "prep" and p.lower_ in _LINK_PREPS
                        for g in _pobjs(p)
                    )
            frontier = nxt
    return out


def stance_targets(
    verb: Token,
    root: str,
    targets: list[tuple[Any, Any]],
    hostile: Callable[[Any], bool],
    actors: Callable[[list[Any]], list[tuple[Any, Any]]],
) -> list[tuple[Any, Any]]:
    """The targets of a stance verb once the victims of the hostile acts it reacts to are taken out and
    their perpetrators put in (see the module docstring); unchanged for other verbs."""
    if root not in STANCE_ROOTS:
        return targets
    acts = _reached(verb, hostile)
    if not acts:
        return targets
    inside: set[int] = set()
    added: list[tuple[Any, Any]] = []
    for noun, via in acts:
        inside.update(t.i for t in noun.subtree)
        if via == "against" and root < "10":
            continue  # "support Ukraine against Russian aggression": not support for the aggressor
        added.extend(actors(perpetrator_tokens(noun)))
    if any(c.dep_ == "nsubj" for c in verb.children) and root >= "10":
        # "we condemn the occupation of X by Israel": the parser hangs the act's "by" on the active verb
        added.extend(
            actors([g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for g in _pobjs(c)])
        )
    kept = [(m, t) for m, t in targets if t.i not in inside]
    for m, t in added:
        if all(m is not o for o, _ in kept):
            kept.append((m, t))
    return kept


def listed_by(noun: Token) -> tuple[Token, list[Token]] | None:
    """The verb and its objects when ``noun`` is the list something is added to ("added X to the sanctions
    list", "put X on its blacklist")."""
    if noun.lemma_.lower() not in ("list", "blacklist") or noun.dep_ != "pobj":
        return None
    prep = noun.head
    verb = prep.head
    if prep.lower_ not in ("to", "on", "in", "onto") or verb.lemma_.lower() not in LISTING_VERBS:
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return (verb, objs) if objs else None
