"""Dependency-tree helpers: subjects, objects, negation, modality heads — spaCy English labels.

Written against spaCy's ClearNLP-style labels (nsubj, dobj, xcomp, agent, prt …) used by the English models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from multivector.coding.rules import (
    ABSTAIN,
    ALLEGE,
    APPEAL,
    APPEAL_ADJECTIVES,
    CLAIM_NOUNS,
    CONJECTURE,
    COURTESY_OBJECTS,
    COURTESY_REASONS,
    DEMAND,
    DENIAL,
    FIGURE_VERBS,
    FOR_OBJECTS,
    FUTURE_AUX,
    HYPO_ADJ,
    HYPO_AUX,
    INTENT,
    INTENT_NOUNS,
    LIGHT_VERBS,
    OWN_ACT_VERBS,
    REFUSE,
    REPORTING,
    STATIVE_PASSIVE,
    THANKS,
    THWART_VERBS,
    WARNING_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from multivector.coding.tables import Pattern


def object_tokens(tok: Token, pos: str) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "xcomp", "dative", "acomp", "advmod", "ccomp"):
            out.append(c)
        elif c.dep_ in ("prep", "agent"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif pos == "N" and c.dep_ in ("compound", "amod", "nmod"):
            out.append(c)
    extra: list[Token] = []
    for o in out:
        extra.extend(o.conjuncts)
        if o.dep_ in ("xcomp", "ccomp"):
            continue  # "seek to deepen a partnership": the embedded clause's object is not seek's
        for g in o.children:
            if g.dep_ in ("compound", "amod", "nmod", "dobj"):
                extra.append(g)
            elif g.dep_ == "prep" and g.lower_ == "of":
                objs = [x for x in g.children if x.dep_ == "pobj"]
                extra.extend(objs)
                if o.lemma_.lower() in PART_NOUNS:
                    # "froze part of an energy loan scheme": the words of the whole count
                    extra.extend(x for ob in objs for x in ob.children if x.dep_ in ("compound", "amod"))
    if pos == "N" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "of":
        extra.append(tok.head.head)
    return out + extra


PART_NOUNS = {"part", "some", "all", "most", "portion", "half", "rest", "much", "share", "bulk"}


def clause_children(verb: Token) -> list[Token]:
    """A verb's children plus subjects the parser hung on its auxiliaries ("X have opposed")."""
    out = list(verb.children)
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass"):
            out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    return out


def subjects_of(verb: Token) -> list[Token]:
    subj = [c for c in clause_children(verb) if c.dep_ in ("nsubj",)]
    if not subj:
        subj = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return subj


def reporters_of(verb: Token) -> list[Token]:
    """Subjects of the speech or belief verb a clause is reported under ("Lavrov said that X …"),
    climbing through conjuncts and a few clause levels; empty when the clause is not reported."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ not in ("ccomp", "xcomp", "advcl"):
            return []
        head = cur.head
        if head.lemma_.lower() in REPORTING:
            return subjects_of(head)
        cur = head
    return []


def inherited_subject(tok: Token) -> list[Token]:
    """Subject of a verb without its own: conjunct verbs, control verbs, participles, relative clauses."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return []
        if cur.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [head]
        if cur.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp") or (cur.dep_ == "acomp"):
            asked = asked_to(cur)
            if asked:
                return asked
            if cur.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                # "X reached a consensus to exchange data": the one who reached it is to act
                if _noun_modal(cur, head):
                    gov = head.head
                    return [c for c in gov.children if c.dep_ == "nsubj"] or inherited_subject(gov)
                if cur.tag_ in ("VBG", "VBD") and not any(
                    c.dep_ in ("nsubj", "auxpass") for c in cur.children
                ):
                    # "demonstrators protesting election results" (or a finite verb misread as a modifier)
                    return [head]
                return []
            if cur.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
                # "resorted to throwing stones": the subject of the verb the preposition hangs on;
                # "thanked Y for sending", "Y was condemned for shelling": the one thanked or condemned
                if head.lower_ in ("for", "of"):
                    objs = [c for c in head.head.children if c.dep_ in ("dobj", "nsubjpass")]
                    if objs:
                        return objs
                subj = [c for c in head.head.children if c.dep_ == "nsubj"]
                if subj:
                    return subj
                cur = head.head
                continue
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            if not subj and cur.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in cur.children):
                # "X was indicted … and will resign": an active conjunct shares the passive subject
                subj = [c for c in head.children if c.dep_ == "nsubjpass"]
            if subj:
                return subj
            cur = head
            continue
        if head.pos_ == "ADJ" or head.dep_ == "acomp":
            cur = head
            continue
        return []
    return []


def modal_head(tok: Token) -> Token | None:
    """The refuse/intend/urge verb (or "ready"-type adjective) that governs ``tok`` via xcomp, if any."""
    if tok.head.i == tok.i:
        return None
    head = tok.head
    lemma = head.lemma_.lower()
    if (
        tok.dep_ == "advcl"
        and lemma in REFUSE | INTENT
        and _bare_infinitive(tok)
        and not any(c.dep_ == "dobj" for c in head.children)  # "offered troops to help": purpose
    ):
        return head  # "have sworn to fight": the parser often labels the controlled infinitive advcl
    if tok.dep_ == "acl" and _noun_modal(tok, head):
        return head  # "came to an understanding to share data", "unveiled a plan to open a plant"
    if tok.dep_ not in ("xcomp", "ccomp"):
        return None
    if tok.dep_ == "ccomp" and lemma not in DEMAND | {"agree", "decide", "promise", "pledge", "vow"}:
        return None
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    if tok.dep_ == "ccomp" and not marked and lemma not in DEMAND:
        return None
    if lemma in REFUSE | INTENT | APPEAL | DEMAND or head.lower_ == "going":
        return head  # "going" (to): the lemmatizer gives "go", which is not an intent
    return None


def _noun_modal(tok: Token, noun: Token) -> bool:
    """An infinitive under an agreement/plan noun that its light verb's subject holds ("made a pledge to")."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in INTENT_NOUNS
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in LIGHT_VERBS | {"reach", "announce", "unveil", "agree"}
        and _bare_infinitive(tok)
    )


def _bare_infinitive(tok: Token) -> bool:
    """A "to"-infinitive with no subordinator of its own ("to fight", not "so as to"/"in order to")."""
    kids = list(tok.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and not any(
        c.dep_ in ("mark", "nsubj") for c in kids
    )


def governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        if head.pos_ in ("VERB", "AUX"):
            return head
        cur = head
    return None


#: words after which "not" limits instead of denies: "not only signed but ratified" signed
_FOCUS = {"only", "just", "merely", "simply", "solely", "least"}


def _negates(c: Token) -> bool:
    if c.lower_ in ("never", "neither", "nor"):
        return True
    if c.dep_ != "neg":
        return False
    nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
    return nxt is None or nxt.lower_ not in _FOCUS


def _thanked_for(tok: Token) -> list[Token]:
    """What thanks are given for: the object or gerund of a "for" on the trigger or on the verb that
    expresses it ("expressed gratitude to X for hosting")."""
    holders = [tok]
    if tok.dep_ in ("dobj", "pobj", "attr", "acomp") and tok.head.pos_ in ("VERB", "AUX", "ADP"):
        holders.append(tok.head if tok.head.pos_ != "ADP" else tok.head.head)
    return [
        g
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]


def thwarted(noun: Token) -> bool:
    """An act noun that is the object of a blocking verb, directly or as the compound or "of" phrase of
    its object ("blocked the aid package", "vetoed a package of sanctions")."""
    node = noun
    for _ in range(3):
        if node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_.lower() in THWART_VERBS:
            return True
        if node.dep_ == "compound" or (node.dep_ == "pobj" and node.head.lower_ == "of"):
            node = node.head if node.dep_ == "compound" else node.head.head
            continue
        return False
    return False


def thanked_party(pron: Token) -> Token | None:
    """The one thanked, when a possessive pronoun sits in what they are thanked for: "thank Japan for its
    sanctions", "grateful to the EU for their help" — "its" is Japan, not the speaker."""
    if pron.dep_ != "poss":
        return None
    node = pron.head
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ == "for":
            holder = node.head.head
            # "I am grateful to X for …": the parser may hang "for" on the copula, "to" on the adjective
            for h in (holder, *(c for c in holder.children if c.dep_ == "acomp")):
                for c in h.children:
                    if c.dep_ == "dobj" and h.lemma_.lower() == "thank":
                        return c
                    if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                        return next((g for g in c.children if g.dep_ == "pobj"), None)
            return None
        if node.dep_ not in ("compound", "pobj", "conj", "appos") or node.head is node:
            return None
        node = node.head
    return None


def is_figure(tok: Token) -> bool:
    """ "Trade with China reached $38 million", "our trade is US$140 billion": an event noun as the subject
    of a verb of amount with a number in its clause states a figure (a fact), not an act."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in FIGURE_VERBS:
        return False
    return any(
        t.like_num or t.ent_type_ in ("MONEY", "PERCENT")
        for t in verb.subtree
        if t.i not in {x.i for x in tok.subtree}
    )


def thanks_of(tok: Token) -> list[Token]:
    """The thanks words of a trigger: itself ("thanked") or its object ("expressed gratitude")."""
    return [t for t in (tok, *(c for c in tok.children if c.dep_ == "dobj")) if t.lemma_.lower() in THANKS]


def is_courtesy(tok: Token) -> bool:
    """Thanks for hosting, for a question or kind words, greetings offered: ceremony, not a political act
    (an act the thanks are for, "for the aid", still counts)."""
    thanks = thanks_of(tok)
    if thanks:
        reasons = [r for t in thanks for r in _thanked_for(t)]
        return any(r.lemma_.lower() in COURTESY_REASONS for r in reasons)
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in COURTESY_OBJECTS for c in tok.children
    )


def is_negated(verb: Token) -> bool:
    if any(_negates(c) for c in verb.children):
        return True
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(any(g.lower_ in ("no", "neither") for g in s.children) for s in subj)


#: verbs of stopping: negated, they mean going on ("will not let up on our aid", "never stopped helping")
CESSATION = {"stop", "cease", "halt", "quit", "relent", "waver", "falter", "tire", "end", "abandon"}


def is_cessation(verb: Token) -> bool:
    """A verb of stopping (stop, cease, halt, let up …)."""
    lemma = verb.lemma_.lower()
    particle = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return lemma in CESSATION or (lemma in ("let", "give", "back") and bool(particle & {"up", "down", "off"}))


def is_continued(verb: Token) -> bool:
    """A negated verb of stopping around another trigger: "we will not let up on our aid to X" is
    support, "they never ceased attacking" is an attack — not the reject codes."""
    return is_cessation(verb) and is_negated(verb)


def is_noun_negated(tok: Token) -> bool:
    return any(c.lower_ in ("no", "without") for c in tok.children) or (
        tok.head.lower_ == "without" and tok.dep_ == "pobj"
    )


def is_hypothetical(verb: Token) -> bool:
    cur = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in HYPO_AUX for c in cur.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cur.children):
            return True
        if cur is not verb and cur.lemma_.lower() in HYPO_ADJ and not _managed(cur):
            return True  # "is unlikely to sign"
        if cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return False


def _managed(adj: Token) -> bool:
    """ "were able to restore trust", "are able to support": an ability had now is read like readiness
    (an intent, or a deed when past); only "will / would / could be able to" is a mere possibility."""
    if adj.lower_ != "able":
        return False
    cop = adj.head if adj.dep_ == "acomp" and adj.head.i != adj.i else adj
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in cop.children)


def is_denied(tok: Token) -> bool:
    """The trigger sits in what its clause's speaker denies, alleges of another, fears or refrains from:
    "denied that it had supplied weapons", "dismissed reports that its troops had shelled …", "accused Y
    of shelling …", "warned Y against attacking …", "fears that Y will attack", "refrained from
    condemning …". By the speaker's account the act did not happen (or is Y's alleged or feared act,
    which the accusation or warning itself codes), so it is no event."""
    cur = tok
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            return False
        lemma = head.lemma_.lower()
        verb = head.pos_ == "VERB"
        if cur.dep_ in ("ccomp", "xcomp", "dobj") and verb and lemma in DENIAL and lemma not in REFUSE:
            return True
        if cur.dep_ in ("xcomp", "dobj") and verb and lemma in ABSTAIN:
            return True  # "avoided criticising"
        if (
            verb
            and (lemma in CONJECTURE or head.lower_ in CONJECTURE)
            and (
                cur.dep_ in ("ccomp", "dobj")
                or (cur.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children))
            )
        ):
            # "fears that Y will attack", "feared an attack", "expects Y to sign"; the holder's own hope
            # ("we hope that we will agree", "it hopes it will …") is its intent, read as before
            own = any(
                c.dep_ in ("nsubj", "nsubjpass")
                and (c.pos_ == "PRON" or any(g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children))
                for c in cur.children
            )  # "warned that its border guards would close the crossing": the warner's own act
            return not own
        if cur.dep_ in ("acl", "ccomp") and lemma in CLAIM_NOUNS and head.dep_ == "dobj":
            return head.head.lemma_.lower() in DENIAL
        if cur.dep_ == "prep" and head.pos_ == "VERB":
            word = cur.lower_
            return (word == "from" and lemma in ABSTAIN) or (
                word in ("of", "for", "against") and lemma in ALLEGE
            )
        if cur.dep_ not in ("conj", "aux", "xcomp", "prep", "pobj", "pcomp"):
            return False
        cur = head
    return False


def is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def clause_verb(verb: Token) -> Token | None:
    """The finite verb an infinitive or adjective complement hangs from ("must be ready to mediate")."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acomp") or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


def is_ultimatum(verb: Token) -> bool:
    """ "X will withdraw unless Y …": an act made conditional on the other side's behaviour."""
    return any(
        c.dep_ in ("advcl", "conj", "prep")
        and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
        for c in verb.children
    ) or any(c.dep_ == "prep" and c.lower_ == "unless" for c in verb.children)


def asked_to(verb: Token) -> list[Token]:
    """Who is asked to do ``verb``, an infinitive under an appeal or demand verb: "urged Belarus to stop",
    "calls on China to stop" (the parser often labels the infinitive advcl); empty otherwise."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.i == verb.i or head.lemma_.lower() not in APPEAL | DEMAND:
        return []
    if verb.dep_ == "advcl" and not _bare_infinitive(verb):
        return []
    return asked_of(head)


def controller(noun: Token) -> set[int] | None:
    """Token ids of the one acting on ``noun``, when it is the object of an asked infinitive ("urged Belarus
    to stop its arrests", "calls on Russia to withdraw its troops") or of a stopping verb in a clause
    with a subject of its own ("demanded that Belarus stop its attacks"); else None."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.i == noun.i:
        return None
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if subjects:
        if verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and verb.lemma_.lower() in OWN_ACT_VERBS:
            return {x.i for s in subjects if s.pos_ != "PRON" for x in s.subtree} or None
        return None
    return {x.i for o in asked_to(verb) for x in o.subtree} or None


def is_asked(verb: Token) -> bool:
    """ "must stop", "urged X to stop", "calls on X to stop", "forced X to stop": a verb whose act is
    asked of someone rather than reported as done; likewise a stopping that is only a goal or a means
    ("work towards ending the occupation", "by ending it", "efforts to end the war")."""
    if duty_aux(verb) is not None or verb.dep_ in ("pcomp", "acl"):
        return True
    cur = verb
    while cur.dep_ == "conj" and cur.head.i != cur.i:  # "must end its occupation and stop …"
        cur = cur.head
        if duty_aux(cur) is not None:
            return True
    head = cur.head
    return (
        cur.dep_ in ("xcomp", "advcl", "ccomp") and head.i != cur.i and head.lemma_.lower() in APPEAL | DEMAND
    )


def duty_aux(verb: Token) -> Token | None:
    """The "must"/"should" auxiliary of ``verb``, if any."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)


def obligation_aux(verb: Token) -> Token | None:
    """The "must"/"should"/"has to" that turns a reported clause into a demand, if any."""
    if verb.dep_ != "ccomp" and not (verb.dep_ == "acl" and verb.head.pos_ == "NOUN"):
        return None
    found = duty_aux(verb)
    if found is not None:
        return found
    if verb.head.lemma_ == "have" and verb.dep_ == "xcomp":
        return verb.head
    return None


def addressees_of(verb: Token) -> list[Token]:
    """Who a speech act is aimed at: "told Iraq", "a reminder to Iraq", "said to Iraq"."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ != "NOUN"]
    for holder in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
        out.extend(
            g
            for c in holder.children
            if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj"
        )
    return out


def warns_of_act(tok: Token, actor_tokens: set[int]) -> bool:
    """ "X warned that it / the police will …": announcing what an actor will do is a threat."""
    for c in tok.children:
        if c.dep_ == "ccomp" and is_future(c):
            subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            if any(s.pos_ == "PRON" or s.i in actor_tokens for s in subj):
                return True
    return False


def clause_roles(tok: Token, pat: Pattern, passive: bool) -> tuple[list[Token], list[Token]]:
    """(source tokens, target tokens) among a verbal trigger's clause dependents: the subject, the
    by-phrase of a passive, and a passive subject that the pattern takes as its object.

    A stative passive without a by-phrase ("X is committed to …") has its subject as the actor."""
    stative = (
        passive and tok.lemma_.lower() in STATIVE_PASSIVE and not any(c.dep_ == "agent" for c in tok.children)
    )
    src: list[Token] = []
    tgt: list[Token] = []
    for c in clause_children(tok):
        if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and stative):
            src.append(c)
        elif c.dep_ == "agent":
            src.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "nsubjpass" and "dobj" in pat.tgt:
            tgt.append(c)
    return src, tgt


def verb_roles(tok: Token, pat: Pattern) -> tuple[list[Token], list[Token]]:
    """(source tokens, target tokens) of a verbal trigger's own clause (:func:`clause_roles`); an active
    verb without a subject of its own takes the one it inherits ("agreed to meet and signed")."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    src, tgt = clause_roles(tok, pat, passive)
    if not src and not passive:
        src = inherited_subject(tok)
    return src, tgt


def impersonal_appeal(tok: Token) -> bool:
    """ "It is important for X to act": an appeal adjective after an expletive "it"."""
    head = tok.head
    return (
        tok.dep_ == "acomp"
        and tok.lemma_.lower() in APPEAL_ADJECTIVES
        and head.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
    )


def appealed_to(tok: Token) -> list[Token]:
    """Who "it is important for X to act" (or "… that X act") asks: the clause's subject, or the
    object of "for"."""
    head = tok.head
    out = [
        g
        for c in head.children
        if c.dep_ in ("advcl", "ccomp", "xcomp")
        and any(m.dep_ == "mark" and m.lower_ in ("for", "that") for m in c.children)
        for g in c.children
        if g.dep_ == "nsubj"
    ]
    return out or [
        g
        for p in tok.children
        if p.dep_ == "prep"
        and p.lower_ == "for"
        and any(x.dep_ == "xcomp" or x.dep_ == "advcl" for x in head.children)
        for g in p.children
        if g.dep_ == "pobj"
    ]


def asked_of(head: Token) -> list[Token]:
    """Who an appeal or demand verb asks to act: its object, the object of "on", "upon", "to", or the
    subject of its that-clause ("demanded that Y withdraw")."""
    out = [c for c in head.children if c.dep_ in ("dobj", "dative")]
    if not out:
        out = [g for c in head.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
    out += [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return out


def givers_of(tok: Token) -> list[Token]:
    """The "from" phrase of a receiving verb, on the verb or on its object ("got arms from Y")."""
    out = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    out += [
        g
        for c in tok.children
        if c.dep_ == "dobj"
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return out


def object_targets(tok: Token, pat: Pattern) -> list[Token]:
    """The trigger's own object, or the object of one of the pattern's target prepositions.

    A place the required object is "in" or "at" ("an agreement in Riga") is a venue: see
    :func:`object_venues`."""
    out: list[Token] = []
    # "warned Chisinau against closing Russian media": with someone warned, "against" names the act
    warned = tok.lemma_.lower() in WARNING_VERBS and any(c.dep_ == "dobj" for c in tok.children)
    for c in tok.children:
        if warned and c.dep_ == "prep" and c.lower_ == "against":
            continue
        if c.dep_ == "dative" and c.pos_ == "ADP":
            # "provided aid to Moldova": the parser may label the preposition "dative", not "prep"
            if c.lower_ in pat.tgt:
                out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("dobj", "dative") and "dobj" in pat.tgt:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in pat.tgt:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def object_venues(tok: Token, pat: Pattern) -> set[int]:
    """Token indices of the places the pattern's required object happened in ("signed an agreement in
    Riga"): where the act took place, never the other side of it."""
    if not pat.obj:
        return set()
    return {
        x.i
        for c in tok.children
        if c.dep_ == "dobj" and (c.lemma_.lower() in pat.obj or c.lower_ in pat.obj)
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in ("in", "at")
        for x in p.subtree
    }


#: prepositions under a stance noun that name what it is about ("concern over the actions of Y")
_STANCE_PREPS = ("over", "about", "at", "regarding")


def targets_of_object(tok: Token, pat: Pattern) -> list[Token]:
    """A target hanging off the trigger's object ("signed an agreement with Y", "talks between …",
    "expressed concern over Y's actions"), or the object of the infinitive the pattern's object
    constraint was met by ("promised to help Y")."""
    out = [
        g
        for c in tok.children
        if c.dep_ in ("dobj", "nsubjpass", "attr")
        for p in c.children
        if p.dep_ == "prep"
        and (
            p.lower_ in (*pat.tgt, "between", *(_STANCE_PREPS if pat.obj else ()))
            or (p.lower_ == "for" and c.lemma_.lower() in FOR_OBJECTS)
        )
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if pat.obj:
        for x in tok.children:
            if x.dep_ == "xcomp" and x.lemma_.lower() in pat.obj:
                out += [g for g in x.children if g.dep_ in ("dobj", "dative")]
                out += [
                    g
                    for p in x.children
                    if p.dep_ == "prep" and p.lower_ in pat.tgt
                    for g in p.children
                    if g.dep_ == "pobj"
                ]
    return out
