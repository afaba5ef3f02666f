"""The event coder: dependency-parse patterns plus actor mentions in, CAMEO events out.

The coder takes mentions as input (``list[Mention]`` with character offsets) instead of finding actors
itself, so actor resolution can evolve separately and tests can hand-craft mentions. Decisions (see
``README.md`` in this package for the long form):

* source = grammatical agent (subject, or the "by" phrase of a passive); target = direct object or the
  object of a target preposition; nominal events read "X's visit to Y", "the visit of X to Y",
  "talks between X and Y", and fall back to the subject of the verb that governs the noun.
* negation: "did not sign" becomes the matching reject code (12x); a negated act with no reject
  counterpart ("did not visit") gives no event. Emitted events always have ``negated=False``.
* intent/appeal/refusal: a trigger under "plan/ready/promise …" becomes the 03x intent code (conflict acts
  become 13x threats), under "urge/call on/ask …" the 02x appeal (10x under "demand"), under
  "refuse/decline/reject …" the 12x reject code. ``modality`` records which.
* conditionals, questions and "may/might/could" give no event; analyst voice gives no event.
* statements (root 01) are kept only when nothing more specific was coded in the sentence.
* same-country dyads are dropped unless one side is the state and the other is not (GOV→OPP).
"""

from __future__ import annotations

import hashlib
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from multivector.coding.confidence import features as confidence_features
from multivector.coding.confidence import model as confidence_model
from multivector.coding.dates import event_date, not_after
from multivector.coding.modality import Reading, read
from multivector.coding.nominal import (
    hostile_noun,
    listed_by,
    of_is_agent,
    participle_targets,
    prep_objects,
    stance_targets,
)
from multivector.coding.places import LOCAL_ROOTS, located_mentions
from multivector.coding.reference import (
    Context,
    anaphor,
    antecedent,
    distinct_mentions,
    group_members,
    phrase_mentions,
    plural_groups,
)
from multivector.coding.rules import (
    APPEAL,
    APPEAL_ADJECTIVES,
    CHALLENGERS,
    DEFAULT_NOUN_SOURCE,
    DEMAND,
    DEMAND_OF,
    FRAME_NOUNS,
    INTENT,
    LIGHT_FORMS,
    LIGHT_VERBS,
    NOUN_SOURCE_PREPS,
    RELATIONAL_NOUNS,
    STATE_AGENTS,
    map_code,
)
from multivector.coding.syntax import (
    addressees_of,
    appealed_to,
    asked_of,
    clause_verb,
    duty_aux,
    givers_of,
    governing_verb,
    impersonal_appeal,
    inherited_subject,
    is_asked,
    is_cessation,
    is_courtesy,
    is_figure,
    is_hypothetical,
    object_targets,
    object_tokens,
    object_venues,
    obligation_aux,
    reporters_of,
    subjects_of,
    targets_of_object,
    thanked_party,
    thwarted,
    verb_roles,
)
from multivector.coding.tables import ACTOR_OBJECT, Pattern, cameo, pattern_index
from multivector.records import Event, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def counterpart_of(src: Mention, root: str, ctx: Context) -> Mention | None:
    """In a bilateral document, a consultation, offer or cooperation with no named addressee is aimed
    at the other side ("we discussed trade" in a release on talks with X)."""
    if len(ctx.dialogue) != 2 or root not in ("03", "04", "05", "06") or not src.country:
        return None
    house, other = ctx.dialogue
    if src.country == house.country:
        return other
    if src.country == other.country:
        return house
    return None


def _not_venues(found: list[tuple[Mention, Any]], pat: Pattern, ctx: Context) -> list[tuple[Mention, Any]]:
    """The role's actors without the places where a non-local act merely happened."""
    if ctx.located and pat.code[:2] not in LOCAL_ROOTS:
        return [f for f in found if id(f[0]) not in ctx.located]
    return found


def _agentless_passive(tok: Token) -> bool:
    kids = list(tok.children)
    return any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)


def _via(m: Mention, how: str) -> Mention:
    """A copy of ``m`` that says how a role word reached it (the article's mention stays as it was)."""
    return m if m.via == how else replace(m, via=how if not m.via else f"{how} > {m.via}")


@dataclass(slots=True)
class Hit:
    """A fired pattern with the tokens that explain it (kept for ``explain``)."""

    pattern: Pattern
    code: str
    modality: str
    trigger: Any
    sources: list[tuple[Mention, Any]]
    targets: list[tuple[Mention, Any]]
    speaker: Token | None = None
    between: bool = False


class EventCoder:
    """Stateless over articles except for the compiled pattern index; reuse one instance."""

    def __init__(self) -> None:
        self.index = pattern_index()
        self.hostile = hostile_noun(self.index, self._constraints)

    # ------------------------------------------------------------------ public
    def code_sentence(
        self,
        sent: Span,
        mentions: Sequence[Mention],
        *,
        ctx: Context | None = None,
        article_id: str | None = None,
        article_date: str | None = None,
        char_offset: int = 0,
        analyst_voice: bool = False,
    ) -> list[Event]:
        """Events of one parsed sentence (a spaCy Span or Doc).

        ``mentions`` carry offsets in article text; ``char_offset`` is the article position of ``doc`` char 0.
        """
        ctx = ctx if ctx is not None else Context()
        ctx.offset = char_offset
        hits = self.hits(sent, mentions, ctx, char_offset)
        # shallowest trigger first: the main clause's event leads (used to pick a sentence's class)
        hits.sort(key=lambda h: (_depth(h.trigger), h.trigger.i))
        ctx.add(sorted(mentions, key=lambda m: m.start), plural_groups(sent, mentions, char_offset))
        if analyst_voice or sent.text.rstrip().endswith("?"):
            return []
        start = sent.start_char + char_offset
        end = sent.end_char + char_offset
        text = sent.text
        date = event_date(text, article_date)
        events: list[Event] = []
        seen: set[tuple] = set()
        ids: set[str] = set()
        for hit in hits:
            for src, tgt0 in self._dyads(hit):
                info = cameo(hit.code)
                tgt = tgt0 if tgt0 is not None else counterpart_of(src, info.root, ctx)
                if tgt is None and info.root == "04":
                    continue  # a meeting, visit or hosting with nobody on the other side is no relation
                key = (
                    hit.trigger.i,
                    src.country,
                    src.agent,
                    tgt.country if tgt else None,
                    tgt.agent if tgt else None,
                    info.code,
                )
                if key in seen:
                    continue
                seen.add(key)
                events.append(
                    new_event(
                        ids,
                        article_id,
                        date,
                        (start, end),
                        text,
                        src,
                        tgt,
                        info,
                        hit.modality,
                        hit.trigger.text,
                        hit.trigger.idx,
                        hit.pattern.id,
                    )
                )
        return finish_sentence(events, len(text.split()), article_date)

    # ------------------------------------------------------------------ matching
    def hits(self, sent: Span, mentions: Sequence[Mention], ctx: Context, char_offset: int = 0) -> list[Hit]:
        """Every pattern that fires in the sentence, with modality mapping applied (negation, intent …)."""
        tokmap = self._token_mentions(sent, mentions, char_offset, ctx.unknown_actors)
        ctx.located = set()
        ctx.agent_tokens = set(self._token_mentions(sent, mentions, char_offset, True))
        if not ctx.unknown_actors:
            located, residents = located_mentions(sent, mentions, tokmap, char_offset)
            for i, m in located.items():
                if i not in tokmap:
                    tokmap[i] = m
                    if id(m) not in residents:
                        ctx.located.add(id(m))
        ctx.named = sorted(((m, sent.doc[i]) for i, m in tokmap.items()), key=lambda x: x[1].i)
        subj = [(m, t) for m, t in ctx.named if t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ == "nsubj"]
        ctx.current = subj or list(ctx.named)
        consumed: set[int] = set()
        hits: list[Hit] = []
        for tok in sent:
            if tok.i in consumed:
                continue
            pos = (
                "V"
                if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ == "acomp")
                else ("N" if tok.pos_ in ("NOUN", "PROPN") else None)
            )
            if pos is None:
                continue
            pats = self.index.get((pos, tok.lemma_.lower()))
            if not pats and pos == "V":
                pats = self.index.get(("V", tok.lower_))
            if not pats:
                continue
            for pat in pats:
                obj_tok = self._constraints(tok, pat, tokmap)
                if obj_tok is False:
                    continue
                if (
                    obj_tok is not None
                    and obj_tok is not True
                    and not (
                        # "urged Hungary to stop supplying weapons": the supplying goes on, an act of its own
                        obj_tok.pos_ == "VERB" and is_cessation(tok) and is_asked(tok)
                    )
                ):
                    consumed.add(obj_tok.i)
                hit = self._fire(tok, pat, tokmap, ctx)
                if hit is not None:
                    hits.append(hit)
                    if hit.code[:2] != "01":
                        # the object noun ("signed an agreement") is part of this event, not another one
                        consumed.update(t.i for t in tok.children if t.dep_ in ("dobj", "nsubjpass", "attr"))
                    if hit.speaker is not None:
                        consumed.add(hit.speaker.i)
                break
        return self._resolve_nesting(hits)

    def _resolve_nesting(self, hits: list[Hit]) -> list[Hit]:
        # A modal head (refuse/plan/urge) that fired on its own is superseded by its embedded act, and an
        # object noun that fired as a nominal event is superseded by the verb event that governs it.
        heads = {h.speaker.i for h in hits if h.speaker is not None}
        # "Y must mediate": the act-specific demand replaces the bare "must" one on the same clause
        specific = {
            (h.trigger.i, h.speaker.i)
            for h in hits
            if h.speaker is not None and h.pattern.lemma != h.speaker.lower_
        }
        hits = [
            h
            for h in hits
            if not (
                h.pattern.lemma in ("must", "should")
                and h.speaker is not None
                and (h.trigger.i, h.speaker.i) in specific
            )
        ]
        verb_objs = {
            c.i
            for h in hits
            if h.pattern.pos == "V" and h.code[:2] != "01"
            for c in h.trigger.children
            if c.dep_ in ("dobj", "nsubjpass", "attr")
        }
        # "reached a consensus to exchange data": the embedded intent replaces the bare agreement
        holders = {
            h.speaker.head.i
            for h in hits
            if h.speaker is not None
            and h.speaker.pos_ == "NOUN"
            and h.speaker.head.lemma_.lower() not in ("sign", "ink", "ratify", "conclude", "initial", "seal")
        }
        return [
            h
            for h in hits
            if h.trigger.i not in heads | holders and not (h.pattern.pos == "N" and h.trigger.i in verb_objs)
        ]

    def _constraints(self, tok: Token, pat: Pattern, actors: Container[int] = ()) -> Any:
        """False when a constraint fails; the token that satisfied ``obj`` (or True) otherwise.
        ``actors``: token ids of actor mentions, for ``obj=@actor`` ("received Aliyev", not "received
        a letter")."""
        if pat.intrans and any(c.dep_ == "dobj" for c in tok.children):
            return False
        if pat.prt and not any(c.dep_ == "prt" and c.lower_ in pat.prt for c in tok.children):
            return False
        if pat.prep and not any(
            c.dep_ in ("prep", "agent", "prt", "dative", "mark") and c.lower_ in pat.prep
            for c in tok.children
        ):
            return False
        if not pat.obj:
            return True
        anyone = ACTOR_OBJECT in pat.obj
        if anyone and any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in tok.children):
            return False  # "called Kyiv a puppet", "welcomed Minsk to join": the object is not a guest
        for cand in object_tokens(tok, pat.pos):
            named = anyone and cand.i in actors and cand.dep_ in ("dobj", "nsubjpass")  # not "the EU's"
            if cand.lemma_.lower() in pat.obj or cand.lower_ in pat.obj or named:
                return cand
        return False

    def _fire(self, tok: Token, pat: Pattern, tokmap: dict[int, Mention], ctx: Context) -> Hit | None:
        code = pat.code
        if pat.pos == "V" and tok.dep_ == "aux":
            return self._obligation(tok.head, tok, pat, code, tokmap, ctx)
        verb = tok if pat.pos == "V" else governing_verb(tok)
        clause = clause_verb(verb) if verb is not None else None
        duty = obligation_aux(clause) if clause is not None else None
        if duty is not None and clause is not None:
            # "X said that Y must cooperate / must be ready to mediate": X demands of Y what Y is to do
            if pat.pos == "N":
                return None  # a noun inside the demanded clause ("cooperate with inspectors") is no act
            return self._obligation(clause, duty, pat, map_code(DEMAND_OF, code) or "100", tokmap, ctx)
        if pat.pos == "V" and tok.dep_ == "ROOT" and (main_duty := duty_aux(tok)) is not None:
            demand = self._voiced_duty(tok, main_duty, pat, code, tokmap, ctx)
            if demand is not None:
                return demand
        if verb is not None and is_hypothetical(verb):
            return None
        if is_courtesy(tok):
            return None
        if pat.pos == "N" and code[:2] == "06" and is_figure(tok):
            return None  # a trade figure is a fact (coding/facts.py), not an act
        if pat.pos == "N" and thwarted(tok):
            return None  # "Hungary blocked the EU's aid package": the aid did not happen
        reading = Reading(tok, pat, code, verb, set(tokmap) | ctx.agent_tokens)
        if not read(reading):
            return None
        code, modality, head = reading.code, reading.modality, reading.head
        if pat.charge:
            sources, targets = self._charge_roles(tok, pat, verb, tokmap, ctx)
            if not sources or not targets:
                return None
            return Hit(pat, code, modality, tok, sources, targets, head)
        sources, targets, between = self._roles(tok, pat, head, tokmap, ctx)
        if code == "150" and _exercise(pat) and len({m.country for m, _ in sources if m.country}) >= 2:
            code = "062"  # "French and Egyptian warships launched war games": a joint exercise
        sources, targets = _not_venues(sources, pat, ctx), _not_venues(targets, pat, ctx)
        bilateral = len(ctx.dialogue) == 2 and code[:2] in ("03", "04", "05", "06")
        if not sources and pat.pos == "V" and bilateral and _agentless_passive(tok):
            # "issues were discussed", "it was agreed": in a bilateral document, its two sides did it
            sources = [(_via(m, "dialogue:passive"), tok) for m in ctx.dialogue]
            targets, between = [], True  # the act is between the two sides, not aimed at a third
        if not sources and ctx.unknown_actors and pat.pos == "V":
            # "soldiers were killed": the act is known, the actor is not
            sources = [(Mention("(unknown)", -1, -1, None, None, "", "", None, 0.0), tok)]
        if not sources:
            return None
        return Hit(pat, code, modality, tok, sources, targets, head, between)

    def _obligation(self, verb: Token, aux: Token, pat: Pattern, code: str, tokmap, ctx) -> Hit | None:
        speaker = verb.head if verb.dep_ in ("ccomp", "acl") and verb.head.i != verb.i else None
        if speaker is not None and speaker.pos_ == "NOUN" and speaker.head.pos_ in ("VERB", "AUX"):
            speaker = speaker.head  # "sent a note to Baku that it must comply"
        if speaker is None or aux.lower_ not in ("must", "should", "has", "have", "had"):
            return None
        if speaker.pos_ not in ("VERB", "AUX"):
            return None
        if speaker.lemma_.lower() in ("agree", "decide", "accept", "concur"):
            return None  # "X and Y agreed that they should cooperate" is an agreement, coded on "agree"
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.pos_ == "PRON" and c.lower_ in ("we", "i", "us") for c in subj):
            return None  # "we must talk": the speaker exhorting its own side is not a demand on anyone
        sources = self._actors(subjects_of(speaker), tokmap, ctx)
        targets = self._actors(subj, tokmap, ctx)
        if subj and all(c.pos_ == "PRON" for c in subj):
            # "told Iraq that it must …": the pronoun is the addressee
            addressees = self._actors(addressees_of(speaker), tokmap, ctx)
            targets = addressees or targets
        own = {m.country for m, _ in sources}
        if not sources or not any(m.country and m.country not in own for m, _ in targets):
            return None  # a demand needs someone else to make it of
        return Hit(
            pat,
            code if code[:2] == "10" else "100",
            "appeal",
            verb,
            sources,
            targets,
            aux,
        )

    def _voiced_duty(
        self, verb: Token, aux: Token, pat: Pattern, code: str, tokmap, ctx: Context
    ) -> Hit | None:
        """ "Russia must withdraw its troops" in a speech: not an act of Russia but the speaker's demand of
        it, as "X said that Russia must …" is X's. None (read as before) when the speaker's own side is the
        one that must act ("we must strengthen …") or the clause is negated."""
        if any(c.dep_ == "neg" for c in verb.children) or ctx.voice is None:
            return None
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        own = ctx.voice.country
        targets = [f for f in self._actors(subj, tokmap, ctx) if f[0].country and f[0].country != own]
        if not targets:
            return None
        mapped = code if code[:2] == "10" else map_code(DEMAND_OF, code) or "100"
        return Hit(pat, mapped, "appeal", verb, [(_via(ctx.voice, "voice"), aux)], targets, aux)

    # ------------------------------------------------------------------ roles
    def _roles(self, tok: Token, pat: Pattern, head: Token | None, tokmap: dict[int, Mention], ctx: Context):
        """(sources, targets, between) of a verbal trigger; nominal triggers go to :meth:`_noun_roles`."""
        if pat.pos == "N":
            return self._noun_roles(tok, pat, tokmap, ctx)
        if head is not None and (head.lemma_.lower() in APPEAL | DEMAND or modality_appeal(head)):
            # "X urged Y to visit Z": X appeals to Y (the one asked to act)
            return (
                self._actors(subjects_of(head), tokmap, ctx),
                self._actors(asked_of(head), tokmap, ctx),
                False,
            )
        src_toks, tgt_toks = verb_roles(tok, pat)
        if pat.rev:
            # "X received weapons from Y": the giver Y is the source, the receiver X the target
            return self._actors(givers_of(tok), tokmap, ctx), self._actors(src_toks, tokmap, ctx), False
        if pat.notgt:
            return self._actors(src_toks, tokmap, ctx), [], False
        if tok.lemma_.lower() in APPEAL_ADJECTIVES:
            # "it is important for X to act": the speaker ("it", see api) asks X; nothing without X
            if not impersonal_appeal(tok):
                return [], [], False
            srcs, tgts = self._actors(src_toks, tokmap, ctx), self._actors(appealed_to(tok), tokmap, ctx)
            if not any(m.country not in {s.country for s, _ in srcs} for m, _ in tgts):
                return [], [], False  # "it is important for us to …" asks no one else
            return srcs, tgts, False
        tgt_toks += object_targets(tok, pat)
        venues = object_venues(tok, pat)  # "signed an agreement in Riga": where, not with whom
        targets = [f for f in self._actors(tgt_toks, tokmap, ctx) if f[1].i not in venues]
        sources = self._actors(src_toks, tokmap, ctx)
        own = {m.country for m, _ in sources}
        if targets and all(m.country in own for m, _ in targets):
            targets = []  # "expressed its gratitude to Y": the object's owner is the subject, Y the target
        if not targets:
            # "signed an agreement with Y", "imposed sanctions on Y": the target hangs off the object
            found = self._actors(tgt_toks + targets_of_object(tok, pat), tokmap, ctx)
            targets = [f for f in found if f[1].i not in venues]
        if not targets and tok.lemma_.lower() in APPEAL | DEMAND:
            targets = self._actors(asked_of(tok), tokmap, ctx)  # "demanded that Y free the prisoners"
        # "we condemn the aggression against Ukraine": a stance is aimed at the act's perpetrator
        targets = stance_targets(
            tok, pat.code[:2], targets, self.hostile, lambda ts: self._actors(ts, tokmap, ctx)
        )
        return sources, targets, False

    def _charge_roles(self, tok: Token, pat: Pattern, verb: Token | None, tokmap, ctx: Context):
        """(accuser, accused) of a ``charge`` pattern: whoever speaks charges the misdeed's doer.

        The doer is the verb's subject ("Washington meddles"), or the noun's possessor, adjective or
        of/by-phrase ("American interference", "provocations by Kyiv"). The accuser is the subject of
        the speech or belief verb the clause hangs from ("Lavrov said that …", "we believe that …"), else
        the sentence's known voice; with neither, nobody is accusing anyone and nothing is coded."""
        if pat.pos == "V":
            doers, _ = verb_roles(tok, pat)
        else:
            doers = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod") and c.i < tok.i]
            doers += [
                g
                for c in tok.children
                if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ]
        accused = self._actors(doers, tokmap, ctx)
        accuser = self._actors(reporters_of(verb), tokmap, ctx)[:1] if verb is not None else []
        if not accuser and ctx.voice is not None:
            accuser = [(_via(ctx.voice, "voice"), tok)]
        if not accuser:
            return [], []
        own = accuser[0][0].country
        return accuser, [f for f in accused if f[0].country and f[0].country != own]

    def _noun_roles(self, tok: Token, pat: Pattern, tokmap: dict[int, Mention], ctx: Context):
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in FRAME_NOUNS:
            tok = tok.head  # "its sanctions policy against Russia": the roles hang on "policy"
        listed = listed_by(tok)
        if listed is not None:
            # "Washington added Belarusian banks to its sanctions list": the one listing, the ones listed
            lister, objs = listed
            sources = self._actors(subjects_of(lister) or inherited_subject(lister), tokmap, ctx)
            return sources, self._actors(objs, tokmap, ctx), False
        src_toks: list[Any] = []
        tgt_toks: list[Any] = []
        pair: list[Any] = []
        for c in tok.children:
            if c.dep_ in DEFAULT_NOUN_SOURCE and c.i < tok.i:
                src_toks.append(c)
            elif c.dep_ == "acl":
                # "criticism of X coming from Y"
                src_toks.extend(
                    g
                    for p in c.children
                    if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by")
                    for g in p.children
                    if g.dep_ == "pobj"
                )
                if not pat.notgt:
                    tgt_toks.extend(participle_targets(c, pat.tgt))  # "the blockade imposed on Cuba"
            elif c.dep_ == "prep":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if c.lower_ == "of" and int(pat.code[:2]) >= 10 and objs and all(map(self.hostile, objs)):
                    # "war of aggression against Ukraine", "campaign of terror against X": the victim
                    # hangs on the second act noun
                    if not pat.notgt:
                        tgt_toks.extend(g for o in objs for g in prep_objects(o, pat.tgt))
                elif c.lower_ == "of" and int(pat.code[:2]) >= 10 and of_is_agent(tok):
                    src_toks.extend(objs)  # "the aggression of Russia against Ukraine"
                elif c.lower_ == "of" and int(pat.code[:2]) >= 10:
                    tgt_toks.extend(objs)  # "criticism of X", "sanctions of X": the object suffers the act
                elif c.lower_ in NOUN_SOURCE_PREPS:
                    src_toks.extend(objs)
                elif c.lower_ == "between":
                    pair.extend(objs)
                elif c.lower_ in pat.tgt and not pat.notgt:
                    tgt_toks.extend(objs)
        if pair:
            both = self._actors(pair, tokmap, ctx)
            return both, [], True
        if pat.code[:2] == "05" and tok.lemma_.lower() in RELATIONAL_NOUNS and tok.dep_ == "attr":
            # "Finland is our reliable partner": the possessor praises the copula's subject; "X is a
            # partner of Y" describes X's own conduct, and without a possessor nobody speaks
            if tok.head.lemma_ != "be" or not any(c.dep_ == "poss" for c in tok.children):
                return [], [], False
            tgt_toks = [c for c in tok.head.children if c.dep_ == "nsubj"]
            src_toks = [c for c in tok.children if c.dep_ == "poss"]
        sources = self._actors(src_toks, tokmap, ctx)
        verb = tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else None
        light = verb is not None and (verb.lemma_.lower() in LIGHT_VERBS or verb.lower_ in LIGHT_FORMS)
        if not sources and light and verb is not None and tok.dep_ == "dobj":
            sources = self._actors(subjects_of(verb) or inherited_subject(verb), tokmap, ctx)
        on = tok.head if tok.dep_ == "pobj" and tok.head.lower_ == "on" else None
        if not sources and on is not None and on.head.pos_ in ("VERB", "AUX"):
            # "Sharif, who is on a visit to Kazakhstan", "arrived in Baku on a visit": the one on it
            sources = self._actors(subjects_of(on.head) or inherited_subject(on.head), tokmap, ctx)
        if light and verb is not None and not tgt_toks:
            tgt_toks = prep_objects(verb, pat.tgt)
        targets = self._actors(tgt_toks, tokmap, ctx)
        targets = stance_targets(
            tok, pat.code[:2], targets, self.hostile, lambda ts: self._actors(ts, tokmap, ctx)
        )
        # a bare noun ("cooperation", "trade") is a description, not an act, unless a light verb
        # ("held talks", "the visit took place") or an explicit target makes it one
        if not targets and not light:
            return [], [], False
        return sources, targets, False

    def _actors(
        self, toks: Iterable[Token], tokmap: dict[int, Mention], ctx: Context
    ) -> list[tuple[Mention, Any]]:
        """Mentions carried by role tokens: the token's own mention, one inside its phrase, conjuncts,
        or an anaphor ("he", "it", "the two countries") resolved from the article context."""
        out: list[tuple[Mention, Any]] = []
        todo = list(toks)
        for t in list(todo):
            todo.extend(t.conjuncts)
        seen: set[int] = set()
        for t in todo:
            if t.i in seen:
                continue
            seen.add(t.i)
            # "partners, including Japan and the EU", "countries such as Iran": the named members
            members = group_members(t) if t.pos_ == "NOUN" else []
            found = [(_via(m, "member"), x) for x0 in members for m, x in phrase_mentions(x0, tokmap)]
            if not found:
                found = phrase_mentions(t, tokmap)
            if not found and (ante := antecedent(t)) is not None and ante.i in tokmap:
                # "the EU, which imposed …": which = the EU (but "a resolution that …" is no actor)
                found = [(_via(tokmap[ante.i], f"relative:{t.lower_}"), ante)]
            if not found and (party := thanked_party(t)) is not None and t.pos_ == "PRON":
                found = [(_via(m, f"thanked:{t.text}"), x) for m, x in phrase_mentions(party, tokmap)]
            if not found:
                found = [(_via(m, f"anaphor:{t.text}"), t) for m in anaphor(t, ctx)]
            if not found and t.lemma_.lower() not in RELATIONAL_NOUNS:
                # "their forces", "its troops": the possessor stands for the actor ("its partners" does not)
                for p in t.children:
                    if p.dep_ == "poss" and p.pos_ == "PRON":
                        found = [(_via(m, f"anaphor:{p.text}"), t) for m in anaphor(p, ctx)]
            if not found and ctx.unknown_actors and t.pos_ in ("NOUN", "PROPN"):
                found = [(_via(_unknown(t, ctx.offset), "unknown"), t)]
            for m, tt in found:
                if all(m is not o for o, _ in out):
                    out.append((m, tt))
        return out

    def _token_mentions(
        self, sent: Span, mentions: Sequence[Mention], char_offset: int, ctx_unknown: bool = False
    ) -> dict[int, Mention]:
        doc = sent.doc
        tokmap: dict[int, Mention] = {}
        lo, hi = sent.start_char + char_offset, sent.end_char + char_offset
        for m in mentions:
            if m.end <= lo or m.start >= hi or not (m.country or ctx_unknown):
                continue
            span = doc.char_span(m.start - char_offset, m.end - char_offset, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                tokmap.setdefault(t.i, m)
        return tokmap

    # ------------------------------------------------------------------ dyads
    def _dyads(self, hit: Hit) -> list[tuple[Mention, Mention | None]]:
        srcs = [m for m, _ in hit.sources]
        tgts = [m for m, _ in hit.targets if m.country or not m.actor_id]
        out: list[tuple[Mention, Mention | None]] = []
        if not tgts:
            distinct = distinct_mentions(srcs)
            # "X and Y greeted the residents", "… visited the memorial": one cannot host or visit a
            # co-subject, so side by side they acted together on someone else
            aimed_elsewhere = hit.code[:3] in ("042", "043")
            if (
                len(distinct) >= 2
                and not aimed_elsewhere
                and (hit.between or hit.pattern.sym or hit.code[:2] in ("03", "04", "05", "06"))
            ):
                for a in distinct:
                    for b in distinct:
                        if a is not b and keep_pair(a, b):
                            out.append((a, b))
                return out
            return [(s, None) for s in distinct]
        for s in distinct_mentions(srcs):
            for t in distinct_mentions(tgts, by_country=True):
                if s is not t and keep_pair(s, t):
                    out.append((s, t))
        if not out and hit.code[:2] != "01":
            # only same-country targets: the dyad is dropped, the act itself is kept without a target
            out = [(s, None) for s in distinct_mentions(srcs)]
        return out


# ---------------------------------------------------------------------- helpers
def new_event(
    ids: set[str],
    article_id: str | None,
    date: str | None,
    span: tuple[int, int],
    sentence: str,
    source: Mention,
    target: Mention | None,
    info: Any,
    modality: str,
    trigger: str,
    trigger_at: int,
    pattern_id: str,
) -> Event:
    """One event of a sentence; ``ids`` (the sentence's ids so far) keeps its id unique when the same
    trigger word stands twice ("met … and met again")."""
    eid = event_id(article_id, span, trigger, source, target, info.code)
    if eid in ids:
        eid = event_id(article_id, span, f"{trigger}@{trigger_at}", source, target, info.code)
    ids.add(eid)
    return Event(
        event_id=eid,
        article_id=article_id,
        date=date,
        source=source,
        target=target,
        cameo=info.code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=info.plover,
        negated=False,  # a negated act is coded as its rejection, never emitted negated
        modality=modality,
        sentence=sentence,
        span=span,
        trigger=trigger,
        pattern_id=pattern_id,
    )


def finish_sentence(events: list[Event], n_tokens: int, article_date: str | None = None) -> list[Event]:
    """A sentence's events as emitted: a bare statement (01) only when nothing more specific was coded
    and it has an addressee, each scored by the confidence model; an asserted one never dated after
    its article."""
    for e in events:
        if e.modality == "asserted":
            e.date = not_after(e.date, article_date)
    if any(e.root != "01" for e in events):
        events = [e for e in events if e.root != "01"]
    # a bare statement with no addressee says nothing about a relation between actors
    events = [e for e in events if e.root != "01" or e.target is not None]
    conf = confidence_model()
    for e in events:
        e.confidence = conf.score(
            confidence_features(
                e.source,
                e.target,
                pattern_id=e.pattern_id,
                modality=e.modality,
                root=e.root,
                n_events=len(events),
                n_tokens=n_tokens,
            )
        )
    return events


def event_id(
    article_id: str | None,
    span: tuple[int, int],
    trigger: str,
    source: Mention,
    target: Mention | None,
    cameo_code: str,
) -> str:
    """Stable across runs: the same article, sentence, trigger, dyad and code give the same id."""
    parts = [
        article_id or "",
        f"{span[0]}-{span[1]}",
        trigger,
        source.country,
        source.agent,
        f"{source.start}",
        target.country if target else "",
        target.agent if target else "",
        f"{target.start}" if target else "",
        cameo_code,
    ]
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def modality_appeal(head: Token) -> bool:
    """An intent verb with an object ("wants Putin to …") asks someone else to act."""
    return head.lemma_.lower() in INTENT and any(c.dep_ == "dobj" for c in head.children)


def _depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok, n = tok.head, n + 1
    return n


def _exercise(pat: Pattern) -> bool:
    words = {"exercise", "drill", "game", "maneuver", "manoeuvre"}
    return pat.lemma in words or bool(pat.obj & words)


def _unknown(t: Token, offset: int) -> Mention:
    """An actor the resolver does not know ("Abu Sayyaf gunmen"): kept only on request, no country."""
    left = min(
        x.i for x in t.subtree if (x.i <= t.i and x.dep_ in ("compound", "amod", "det", "poss")) or x is t
    )
    span = t.doc[left : t.i + 1]
    return Mention(span.text, span.start_char + offset, span.end_char + offset, None, None, "", "", None, 0.0)


def keep_pair(a: Mention, b: Mention) -> bool:
    if not a.country or not b.country:
        return a.text != b.text
    if a.country != b.country:
        return True
    # same country: only the state against organised non-state actors (GOV→OPP, MIL→REB) is a dyad;
    # civilians/business of the same country are usually places and companies, not counterparts
    return (a.agent in STATE_AGENTS and b.agent in CHALLENGERS) or (
        b.agent in STATE_AGENTS and a.agent in CHALLENGERS
    )
