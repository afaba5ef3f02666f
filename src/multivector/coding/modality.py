"""What a fired pattern asserts: the rules that turn its CAMEO code into a refusal, appeal, demand,
intent or threat, or drop it, from the words that govern the trigger.

Each rule is a small function over one :class:`Reading` (the trigger, its pattern, the code and
modality so far) and returns ``False`` when the hit is no event at all. :data:`RULES` applies them in
a fixed order, the way a spaCy pipeline applies its components: the negation of the trigger's own verb
first, then the verb it depends on ("refused to sign", "urged X to sign", "plans to sign"), then tense,
then the two constructions that make a promise or a warning a threat. The order matters: "did not
refuse to sign" is settled by the head rule, which sees the negation of the head, not of the trigger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from multivector.coding.rules import (
    APPEAL,
    APPEAL_OF,
    CEASE_OF,
    DEMAND,
    DEMAND_OF,
    INTENT,
    INTENT_NOUNS,
    INTENT_OF,
    REFUSE,
    REJECT_OF,
    map_code,
)
from multivector.coding.syntax import (
    is_asked,
    is_cessation,
    is_continued,
    is_denied,
    is_future,
    is_negated,
    is_noun_negated,
    is_ultimatum,
    modal_head,
    warns_of_act,
)
from multivector.coding.tables import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

#: roots a negation turns into no event rather than a rejection: statements, protests, threats, force
NO_REJECTION = ("01", "10", "11", "12", "13", "14")
#: meetings whose negation ("did not meet") is a refusal to meet; other 04x acts negated are no event
REFUSABLE_MEETINGS = ("meet", "talk", "negotiate", "negotiation")
#: roots already about words, not deeds: tense and intent verbs leave them as they are
VERBAL_ROOTS = ("01", "02", "03", "13")


@dataclass(slots=True)
class Reading:
    """One trigger as the rules see it; they rewrite ``code``, ``modality`` and ``head`` in place."""

    tok: Token
    pat: Pattern
    code: str
    verb: Token | None
    actor_tokens: set[int] = field(default_factory=set)
    modality: str = "asserted"
    head: Token | None = None  # the governing verb that changed the reading, kept for ``explain``
    negated: bool = False


def denial(r: Reading) -> bool:
    """ "denied that it had supplied weapons": what the speaker denies is no event."""
    return not is_denied(r.tok)


def _unrefusable(code: str) -> bool:
    """Acts whose negation is no act rather than a rejection: statements, protests, threats, force."""
    return code[:2] in NO_REJECTION or int(code[:2]) >= 15


def negation(r: Reading) -> bool:
    """ "did not sign" is a rejection (12x); a negated act with no rejection form is no event."""
    verb, tok = r.verb, r.tok
    r.negated = (verb is not None and is_negated(verb) and not (verb.i != tok.i and is_continued(verb))) or (
        r.pat.pos == "N" and is_noun_negated(tok)
    )
    if not r.negated:
        return True
    code = r.code
    mapped = map_code(REJECT_OF, code)
    if mapped is None or _unrefusable(code):
        return False
    if code[:2] == "04" and r.pat.lemma not in REFUSABLE_MEETINGS:
        return False
    r.code, r.modality = mapped, "asserted"
    return True


def cessation(r: Reading) -> bool:
    """ "stopped buying Russian gas", "halted its aid": a side that stops a cooperative act reduces
    relations (16x); a stopped attack or statement is no event. "did not stop" is left to ``negation``.

    Asked to stop ("must end its occupation", "calls on China to stop arming Russia"), the act is
    going on: it stays the act of the one asked, as it is."""
    tok = r.tok
    stopper = tok.head if tok.dep_ in ("xcomp", "dobj") and tok.head.i != tok.i else None
    if stopper is None or not is_cessation(stopper) or is_negated(stopper) or is_asked(stopper):
        return True
    mapped = map_code(CEASE_OF, r.code)
    if mapped is None:
        return False
    r.code, r.modality, r.head = mapped, "asserted", stopper
    return True


def governing_head(r: Reading) -> bool:
    """The verb a verbal trigger depends on: "refused to sign" (reject), "urged X to sign" (appeal),
    "demanded that X sign" (demand), "threatened to strike" (threat), "plans to sign" (intent)."""
    head = modal_head(r.tok) if r.pat.pos == "V" else None
    r.head = head
    if head is None:
        return True
    lemma = "going" if head.lower_ == "going" else head.lemma_.lower()
    # wanting someone else to act ("wants Y to attack Z") is an appeal to them
    wants_other = lemma in INTENT and any(c.dep_ == "dobj" for c in head.children)
    code = r.code
    if is_continued(head):
        pass  # "will not stop supporting X": the support goes on
    elif is_negated(head) and lemma not in REFUSE and _unrefusable(code):
        return False  # "is not going to attack anyone", "does not intend to protest": no act, no refusal
    elif lemma in REFUSE or is_negated(head):
        r.code, r.modality = map_code(REJECT_OF, code) or "120", "asserted"
    elif lemma in APPEAL or wants_other:
        r.code, r.modality = map_code(APPEAL_OF, code) or "020", "appeal"
    elif lemma == "order" and code[:2] == "17":
        pass  # an order to shut a newspaper is the coercion itself
    elif lemma in DEMAND:
        r.code, r.modality = map_code(DEMAND_OF, code) or "100", "appeal"
    elif lemma == "threaten":
        mapped = map_code(INTENT_OF, code) or "130"
        r.code, r.modality = (mapped if mapped[:2] == "13" else "130"), "intent"
    elif (lemma in INTENT or lemma in INTENT_NOUNS) and code[:2] not in VERBAL_ROOTS:
        # announced hostile acts are threats in CAMEO (13x), friendly ones intents (03x)
        r.code, r.modality = map_code(INTENT_OF, code) or "030", "intent"
    else:
        r.head = None
    return True


def future_intent(r: Reading) -> bool:
    """ "will sign" with no governing verb: a deed announced, not done, is an intent (03x/13x)."""
    future = r.head is None and not r.negated and r.verb is not None and is_future(r.verb)
    if future and r.code[:2] not in VERBAL_ROOTS:
        mapped = map_code(INTENT_OF, r.code)
        if mapped:
            r.code, r.modality = mapped, "intent"
    return True


def conditional_threat(r: Reading) -> bool:
    """ "will withdraw its force unless Y …": a promise on a condition is a threat."""
    if r.modality == "intent" and r.code[:2] == "03" and r.verb is not None and is_ultimatum(r.verb):
        r.code = "130"
    return True


def warned_threat(r: Reading) -> bool:
    """ "warned that its border guards would stop letting convoys through": the warner's own act."""
    if r.code == "110" and r.pat.lemma == "warn" and warns_of_act(r.tok, r.actor_tokens):
        r.code = "130"
    return True


#: applied in this order to every verbal or nominal trigger that passed the clause checks
RULES: tuple[Callable[[Reading], bool], ...] = (
    denial,
    negation,
    cessation,
    governing_head,
    future_intent,
    conditional_threat,
    warned_threat,
)


def read(r: Reading) -> bool:
    """Apply :data:`RULES` in order; False as soon as one says the hit is no event."""
    return all(rule(r) for rule in RULES)
