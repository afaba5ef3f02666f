"""Russian event coding, natively: natasha/slovnet parse, pymorphy3 lemmas, our own Russian patterns.

Russian word order is free, so roles are read from the dependency tree and from case, not from position:
the nominative subject is the source; the accusative object, a bare dative, or a phrase with с / против /
к / в, на (+ accusative) / перед / в адрес / в отношении is the target; in a passive ("были введены
… Евросоюзом") the bare instrumental is the source. Negation (не), refusal (отказался), intent (готов,
намерен, будет), appeals (призвал), demands (потребовал), possibility (может, бы, если) and reported speech
(заявил, что …; по словам …) follow the same decisions as the English coder (see coding/README.md) and
produce the same :class:`Event` records, so storage, analyses, the report and the dashboard need nothing
new. Patterns are data (``data/patterns_ru.yaml``, same schema and loader as ``patterns.yaml``); the cue
words are in ``data/russian.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from multivector.coding.coder import counterpart_of, finish_sentence, keep_pair, new_event
from multivector.coding.dates import event_date
from multivector.coding.reference import Context, distinct_mentions
from multivector.coding.rules import APPEAL_OF, CEASE_OF, DEMAND_OF, INTENT_OF, REJECT_OF, map_code
from multivector.coding.russian_roles import RussianRoles, Speaker, _via, cues
from multivector.coding.tables import Pattern, cameo, data_path, load_patterns
from multivector.nlp.russian import RSent, RTok, norm, parse, perfective, verb_reading
from multivector.records import Event, Mention

V_TARGETS = ("obj", "dat", "с", "против", "к", "в", "на", "перед", "адрес", "отношение", "между")
N_TARGETS = ("с", "против", "к", "в", "на", "адрес", "отношение", "для", "dat", "между")
#: roots whose act matters without a named other side (protest, terror, mass violence)
_UNDIRECTED_ROOTS = {"14", "18", "20"}
_FUTURE_AUX = {"буду", "будешь", "будет", "будем", "будете", "будут"}


# ---------------------------------------------------------------------------------------------- data
@lru_cache(maxsize=1)
def russian_patterns() -> dict[tuple[str, str], list[Pattern]]:
    """Russian patterns by (POS, lemma), most specific first, with the Russian default targets."""
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pat in load_patterns(data_path("patterns_ru.yaml"), (V_TARGETS, N_TARGETS)):
        pat = replace(pat, lemma=norm(pat.lemma), obj=frozenset(norm(o) for o in pat.obj))
        index.setdefault((pat.pos, pat.lemma), []).append(pat)
    for pats in index.values():
        pats.sort(key=lambda p: -p.specificity)
    return index


# ---------------------------------------------------------------------------------------------- coder
@dataclass(slots=True)
class RHit:
    pattern: Pattern
    code: str
    modality: str
    trigger: RTok
    sources: list[Mention]
    targets: list[Mention]
    path: list[str] = field(default_factory=list)  # how the coder got from the trigger to its actors
    holder: int | None = None  # the modal/appeal/refusal word whose subject is the source


class RussianCoder(RussianRoles):
    """Stateless over articles except for the compiled pattern index and the cue words; reuse one."""

    def __init__(self) -> None:
        self.index = russian_patterns()
        self.cues = cues()

    # ------------------------------------------------------------------ public
    def code_sentence(
        self,
        sent: RSent,
        mentions: Sequence[Mention],
        *,
        ctx: Context,
        voice: Speaker | None = None,
        article_id: str | None = None,
        article_date: str | None = None,
    ) -> list[Event]:
        """Events of one parsed Russian sentence; ``mentions`` carry article offsets."""
        tokmap = self._tokmap(sent, mentions)
        hits = [] if sent.text.rstrip().endswith("?") else self.hits(sent, tokmap, ctx, voice)
        ctx.add(sorted(mentions, key=lambda m: m.start))
        return self._events(sent, hits, ctx, article_id, article_date)

    def hits(
        self, sent: RSent, tokmap: dict[int, Mention], ctx: Context, voice: Speaker | None
    ) -> list[RHit]:
        verbs: list[RHit] = []
        fired: dict[int, str] = {}  # token -> code of the hit it fired
        for pos in ("V", "N"):
            for t in sent.toks:
                if (
                    pos == "V"
                    and t.pos != "VERB"
                    and not (t.pos in ("ADV", "ADJ", "X") and verb_reading(t.text))
                ):
                    continue
                if pos == "N" and (t.pos != "NOUN" or (t.head in fired and fired[t.head][:2] != "01")):
                    # "подписали соглашение": the verb's event already says it (but "объявила о запрете":
                    # a statement verb only announces the act its noun names)
                    continue
                if t.i in tokmap:
                    continue  # a word of an actor's name ("Европейский союз") is not an act
                pat = self._match(sent, t, pos)
                if pat is None:
                    continue
                hit = self._fire(sent, t, pat, tokmap, ctx, voice)
                if hit is not None:
                    verbs.append(hit)
                    fired[t.i] = hit.code
        # "призвал X отменить санкции": the appeal is the act; the bare "призвал" is not a second one
        holders = {h.holder for h in verbs if h.holder is not None}
        # "объявила о запрете на ввоз": the act announced is the event, not its announcement
        holders |= {h.trigger.head for h in verbs if h.trigger.pos == "NOUN" and h.trigger.head in fired}
        return [h for h in verbs if h.trigger.i not in holders]

    # ------------------------------------------------------------------ matching
    def _match(self, sent: RSent, t: RTok, pos: str) -> Pattern | None:
        pats: list[Pattern] = []
        for lemma in sorted(t.forms):
            pats.extend(self.index.get((pos, lemma), ()))
        pats.sort(key=lambda p: -p.specificity)
        for pat in pats:
            if pat.obj and not (pat.obj & self._object_words(sent, t, pos)):
                continue
            if pat.prep and not any(sent.prep(c) in pat.prep for c in sent.children(t)):
                continue
            if pat.intrans and any(c.rel == "obj" for c in sent.children(t)):
                continue
            return pat
        return None

    def _object_words(self, sent: RSent, t: RTok, pos: str) -> frozenset[str]:
        """Lemmas an ``obj=`` constraint looks at: a verb's objects (and their modifiers), a noun's
        dependants."""
        out: set[str] = set()
        rels = {"obj", "nsubj:pass", "obl", "iobj", "nsubj", "xcomp"} if pos == "V" else None
        for c in sent.children(t):
            if rels is not None and c.rel not in rels:
                continue
            active = "Pass" not in t.feats.get("Voice", "") and not t.lemma.endswith(("ся", "сь"))
            if rels is not None and c.rel == "nsubj" and active:
                continue
            out |= c.forms
            for g in sent.children(c):
                if g.rel in ("amod", "nmod", "compound", "flat"):
                    out |= g.forms
        head = sent.head(t)
        if pos == "V" and head is not None and t.rel in ("acl", "amod") and _passive_participle(t):
            out |= head.forms  # "санкции, введённые ЕС": the participle's object is the noun it modifies
        return frozenset(out)

    # ------------------------------------------------------------------ firing
    def _fire(
        self,
        sent: RSent,
        t: RTok,
        pat: Pattern,
        tokmap: dict[int, Mention],
        ctx: Context,
        voice: Speaker | None,
    ) -> RHit | None:
        c = self.cues
        code, modality = pat.code, "assert"
        path = [f"trigger {t.text} ({t.pos} {t.rel})"]
        if self._hypothetical(sent, t) or self._denied(sent, t):
            return None
        holder = t  # the token whose subject is the source
        negated = self._negated(sent, t)
        head = sent.head(t)
        if (
            head is not None
            and t.rel in ("xcomp", "obj")
            and head.forms & c.cease
            and not self._negated(sent, head)
        ):
            # "перестала сотрудничать", "прекратила помощь": stopping a cooperative act reduces relations
            # (16x, as in English); a stopped attack or statement is no event
            asked = self._asked_to_stop(sent, head, tokmap, ctx, voice)
            if asked:
                # "призвала Китай прекратить поставки оружия России": the supplies go on, China's act
                path.append(f"asked to stop ({head.text}): the act goes on")
                return self._ongoing(sent, t, pat, code, asked, tokmap, ctx, voice, path)
            mapped = map_code(CEASE_OF, code)
            if mapped is None:
                return None
            code = mapped
            path.append(f"stopped by {head.text}")
        if (
            t.pos == "NOUN"
            and head is not None
            and (
                (head.forms & c.light and t.rel in ("obj", "nsubj", "nsubj:pass"))
                # "стать / выступить посредником": the role noun in the instrumental is the act
                or (head.forms & c.become and t.feats.get("Case") == "Ins" and t.rel in ("xcomp", "obl"))
            )
        ):
            # "не можем оказывать давление": the light verb carries the noun's negation and modality
            if self._hypothetical(sent, head) or self._denied(sent, head):
                return None
            negated = negated or self._negated(sent, head)
            t_mod, head = head, sent.head(head)
        else:
            t_mod = t
        if (
            head is not None
            and self._purpose(sent, t_mod)
            and not head.forms & (c.intent | c.appeal | c.demand)
        ):
            # "сделал всё, чтобы сблизиться с Европой": the purpose is the holder's intent
            mapped = map_code(INTENT_OF, code)
            if mapped is None:
                return None
            code, modality = mapped, "intent"
            head = None
        addressees: list[Mention] = []
        rel = t_mod.rel
        if head is not None and rel == "xcomp" and head.forms & c.duty:
            if self._negated(sent, head) or negated:
                return None
            demand = self._duty(sent, t, pat, code, head, tokmap, ctx, voice, path)
            if demand is not None:
                return demand
            holder, head = head, None  # "мы должны укрепить …": the speaker's own act, as in English
        if (
            head is not None
            and (
                rel in ("xcomp", "acl")
                or self._purpose(sent, t_mod)
                # "выразил готовность подписать": the infinitive hangs on the intent noun
                or (rel == "nmod" and head.pos == "NOUN" and t_mod.feats.get("VerbForm") == "Inf")
            )
            and head.forms & (c.intent | c.appeal | c.demand | c.refuse)
        ):
            pass
        elif head is not None and rel == "xcomp" and head.forms & c.hypothetical:
            return None
        else:
            head = None
        if head is not None:
            negated = negated or self._negated(sent, head)
            carrier = sent.head(head) if head.pos == "NOUN" else None
            if carrier is not None:
                # "если Запад примет решение сотрудничать", "не выразил готовности": the noun's verb decides
                if self._hypothetical(sent, carrier) or self._denied(sent, carrier):
                    return None
                negated = negated or self._negated(sent, carrier)
            path.append(f"under {head.text} ({head.rel})")
            if head.forms & c.refuse:
                mapped = map_code(REJECT_OF, code) or ("120" if code[:2] < "10" else None)
                if mapped is None or negated:
                    return None
                code, modality, holder, negated = mapped, "refuse", head, False
            elif negated:
                return None
            elif (head.forms & c.appeal and t.pos != "NOUN" and not self._offer(sent, head)) or (
                self._purpose(sent, t_mod) and head.forms & c.intent
            ):
                # "призвал Киев прекратить", "хочет, чтобы Россия вернулась": an appeal to the one asked
                mapped = map_code(APPEAL_OF, code) or ("020" if code[:2] < "10" else None)
                if mapped is None:
                    return None
                code, modality, holder = mapped, "appeal", head
                addressees = self._addressees(sent, t_mod, head, V_TARGETS, tokmap, ctx, voice, path)
            elif head.forms & c.demand:
                mapped = map_code(DEMAND_OF, code) or "100"
                code, modality, holder = mapped, "demand", head
                addressees = self._addressees(sent, t_mod, head, (*V_TARGETS, "от"), tokmap, ctx, voice, path)
            elif head.forms & c.intent:
                mapped = map_code(INTENT_OF, code)
                if mapped is None:
                    return None
                code, modality, holder = mapped, "intent", head
        if negated:
            mapped = map_code(REJECT_OF, code)
            if mapped is None or code[:2] >= "10" or code[:3] in ("042", "043", "044"):
                return None
            code, modality = mapped, "refuse"
        elif modality == "assert" and self._future(sent, t):
            mapped = map_code(INTENT_OF, code)
            if mapped is None:
                return None
            code, modality = mapped, "intent"
        if pat.charge:
            return self._charge(sent, t, pat, code, modality, holder, tokmap, ctx, voice, path)
        if t.pos == "NOUN":
            sources, targets, between = self._noun_roles(sent, t, pat, tokmap, ctx, voice, path)
            if not sources:
                return None
        else:
            sources = self._subjects(sent, holder, tokmap, ctx, voice, path)
            allowed = (
                (*pat.tgt, "от") if code[:2] == "10" else (*pat.tgt, "у") if code[:2] == "02" else pat.tgt
            )
            targets = self._targets(sent, t, allowed, tokmap, ctx, voice, path)
            between = False
            head_noun = sent.head(t)
            reading = verb_reading(t.text) if t.feats.get("VerbForm") == "Part" or t.pos == "ADJ" else None
            if reading == "part-act" and t.rel in ("acl", "amod") and head_noun is not None and not sources:
                # "атаковавшие Украину войска": the noun the active participle describes does it
                sources = self._actors(sent, head_noun, tokmap, ctx, voice, shallow=True)
            if reading == "part-pass" and t.rel in ("acl", "amod") and head_noun is not None:
                # "сбитый турецкими ВВС российский самолёт": the noun the participle describes undergoes it
                patient = self._actors(sent, head_noun, tokmap, ctx, voice, shallow=True)
                if patient:
                    path.append(f"patient {head_noun.text} (noun of the participle)")
                    targets = patient + targets
                elif not targets and pat.obj and head_noun.forms & pat.obj:
                    # "введённые Вашингтоном санкции против Ирана": the act's object noun holds the target
                    targets = self._targets(sent, head_noun, allowed, tokmap, ctx, voice, path, nested=False)
        if addressees:
            targets = addressees
        if pat.notgt:
            targets = []
        if pat.rev and targets:
            sources, targets = targets, sources
        if not sources:
            return None
        hit = RHit(pat, code, modality, t, sources, targets, path, holder.i if holder is not t else None)
        if between:
            hit.pattern = replace(pat, sym=True)
        return hit

    def _asked_to_stop(self, sent: RSent, stop: RTok, tokmap, ctx: Context, voice) -> list[Mention]:
        """Who is asked to stop: the object of "призвать / потребовать … прекратить", the subject of
        "должна прекратить"; empty when the stopping is reported as done."""
        c = self.cues
        asker = sent.head(stop)
        if asker is None or stop.rel != "xcomp" or self._negated(sent, asker):
            return []
        if asker.forms & c.duty:
            return self._subjects(sent, asker, tokmap, ctx, voice, [])
        if asker.forms & (c.appeal | c.demand):
            return self._targets(sent, asker, ("obj", "dat", "от"), tokmap, ctx, voice, [], nested=False)
        return []

    def _ongoing(
        self,
        sent: RSent,
        t: RTok,
        pat: Pattern,
        code: str,
        sources: list[Mention],
        tokmap,
        ctx: Context,
        voice: Speaker | None,
        path: list[str],
    ) -> RHit | None:
        """The act someone is asked to stop, as the asked one's own, going on."""
        if t.pos == "NOUN":
            _own, targets, _between = self._noun_roles(sent, t, pat, tokmap, ctx, voice, path)
        else:
            targets = self._targets(sent, t, pat.tgt, tokmap, ctx, voice, path)
        if pat.notgt:
            targets = []
        if pat.rev and targets:
            sources, targets = targets, sources
        return RHit(pat, code, "assert", t, sources, targets, path, None) if sources else None

    def _duty(
        self,
        sent: RSent,
        t: RTok,
        pat: Pattern,
        code: str,
        head: RTok,
        tokmap,
        ctx: Context,
        voice: Speaker | None,
        path: list[str],
    ) -> RHit | None:
        """ "Россия должна вывести войска" in a speech: the speaker demands it of Russia (10x), as the
        English coder reads "Russia must withdraw"; None when no speaker is known or its own side must."""
        accuser = voice.at(t.i) if voice is not None else None
        if accuser is None:
            return None
        bound = [m for m in self._subjects(sent, head, tokmap, ctx, voice, path) if m.country]
        if not bound or any(m.country == accuser.country for m in bound):
            return None
        path.append(f"duty {head.text}: demanded by {accuser.text or accuser.country}")
        mapped = code if code[:2] == "10" else map_code(DEMAND_OF, code) or "100"
        return RHit(pat, mapped, "demand", t, [_via(accuser, "voice")], bound, path, head.i)

    def _charge(
        self,
        sent: RSent,
        t: RTok,
        pat: Pattern,
        code: str,
        modality: str,
        holder: RTok,
        tokmap,
        ctx: Context,
        voice: Speaker | None,
        path: list[str],
    ) -> RHit | None:
        """A misdeed the speaker describes ("Вашингтон вмешивается …", "провокации Киева"): the speaker
        accuses its doer, as in English (``charge`` patterns); nothing without a speaker other than it."""
        if t.pos == "NOUN":
            doers = [
                m
                for c in sent.children(t)
                if sent.prep(c) is None
                and ((c.rel == "nmod" and c.feats.get("Case") == "Gen") or c.rel in ("amod", "nmod:poss"))
                for m in self._actors(sent, c, tokmap, ctx, voice, shallow=True)
            ]
        else:
            doers = self._subjects(sent, holder, tokmap, ctx, voice, path)
        accuser = voice.at(t.i) if voice is not None else None
        if accuser is None:
            return None
        doers = [m for m in doers if m.country and m.country != accuser.country]
        if not doers:
            return None
        path.append(f"charged by {accuser.text or accuser.country}")
        return RHit(pat, code, modality, t, [_via(accuser, "voice")], doers, path, None)

    def _purpose(self, sent: RSent, t: RTok) -> bool:
        return any(c.rel == "mark" and norm(c.text) == "чтобы" for c in sent.children(t))

    def _addressees(
        self, sent: RSent, t: RTok, head: RTok, allowed, tokmap, ctx, voice, path
    ) -> list[Mention]:
        """Whom an appeal or demand is aimed at: the subject of its "чтобы" clause, else its own object."""
        if self._purpose(sent, t):
            for k in sent.children(t):
                if k.rel in ("nsubj", "nsubj:pass"):
                    found = self._actors(sent, k, tokmap, ctx, voice)
                    if found:
                        return found
        return self._targets(sent, head, allowed, tokmap, ctx, voice, path)

    def _offer(self, sent: RSent, head: RTok) -> bool:
        """ "предложила провести переговоры" with no one it is put to is an offer (intent); "предложила
        Киеву провести" is an appeal to Kyiv. Only words that are both (предложить) are offers."""
        c = self.cues
        if not head.forms & c.intent:
            return False
        return not any(
            k.rel in ("iobj", "obl", "obj") and k.feats.get("Case") == "Dat" for k in sent.children(head)
        )

    def _hypothetical(self, sent: RSent, t: RTok) -> bool:
        for x in (t, sent.head(t)):
            if x is None:
                continue
            for c in sent.children(x):
                if c.rel == "aux" and norm(c.text) == "бы":
                    return True
                if x is t and c.rel == "advmod" and norm(c.text) == "вряд":
                    return True  # "вряд ли подпишет": unlikely, not done
                if c.rel == "mark" and norm(c.text) in ("если", "ли"):
                    return x is t
            if x is not t:
                break
        return False

    def _denied(self, sent: RSent, t: RTok) -> bool:
        """The trigger is what its clause's subject denies ("опроверг, что поставлял оружие", "отрицает
        обстрел", "отверг обвинения в том, что …"): by the speaker's account it did not happen."""
        c, cur = self.cues, t
        for _ in range(5):
            head = sent.head(cur)
            if head is None:
                return False
            if cur.rel in ("ccomp", "xcomp", "obj") and head.forms & c.denial and not head.forms & c.refuse:
                return True
            if cur.rel == "ccomp" and head.forms & c.conjecture:
                # "опасается, что Россия нападёт": what one side fears or hopes another will do is no
                # act of that other; its own hope ("надеемся, что сможем …") is left to the intent rules
                return not any(k.rel == "nsubj" and k.pos == "PRON" for k in sent.children(cur))
            if cur.rel in ("acl", "ccomp") and head.lemma in ("то", "тот"):
                cur = head  # "обвинения в том, что …": the clause stands for "то"
                continue
            if cur.rel == "nmod" and head.forms & c.claim:
                above = sent.head(head)
                return head.rel == "obj" and above is not None and bool(above.forms & c.denial)
            if cur.rel not in ("conj", "xcomp"):
                return False
            cur = head
        return False

    def _negated(self, sent: RSent, t: RTok) -> bool:
        return any(norm(c.text) == "не" for c in sent.children(t))

    def _future(self, sent: RSent, t: RTok) -> bool:
        if t.feats.get("Tense") == "Fut" and perfective(t.text):
            return True
        return any(c.rel == "aux" and norm(c.text) in _FUTURE_AUX for c in sent.children(t))

    # ------------------------------------------------------------------ events
    def _events(
        self, sent: RSent, hits: list[RHit], ctx: Context, article_id: str | None, article_date: str | None
    ) -> list[Event]:
        date = event_date(sent.text, article_date)
        events: list[Event] = []
        seen: set[tuple] = set()
        ids: set[str] = set()
        span = (sent.start, sent.end)
        for hit in hits:
            info = cameo(hit.code)
            for src, tgt0 in _dyads(hit):
                if not src.country:
                    continue  # an actor we cannot place says nothing about East or West
                tgt = tgt0 if tgt0 is not None else counterpart_of(src, info.root, ctx)
                if tgt is None and info.root not in _UNDIRECTED_ROOTS:
                    continue  # "Россия уступает", "требуют прав": no relation without another side
                key = (
                    hit.trigger.i,
                    src.country,
                    src.agent,
                    tgt and tgt.country,
                    tgt and tgt.agent,
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
                        span,
                        sent.text,
                        src,
                        tgt,
                        info,
                        hit.modality,
                        hit.trigger.text,
                        hit.trigger.start,
                        hit.pattern.id,
                    )
                )
        return finish_sentence(events, len(sent.toks), article_date)


def _passive_participle(t: RTok) -> bool:
    return t.feats.get("VerbForm") == "Part" and t.feats.get("Voice") == "Pass"


def _dyads(hit: RHit) -> list[tuple[Mention, Mention | None]]:
    srcs = distinct_mentions(hit.sources)
    tgts = [m for m in hit.targets if m.country]
    if not tgts:
        if len(srcs) >= 2 and (hit.pattern.sym or hit.code[:2] in ("03", "04", "05", "06")):
            return [(a, b) for a in srcs for b in srcs if a is not b and keep_pair(a, b)]
        return [(s, None) for s in srcs]
    out: list[tuple[Mention, Mention | None]] = [
        (s, t)
        for s in srcs
        for t in distinct_mentions(tgts, by_country=True)
        if s is not t and keep_pair(s, t)
    ]
    if not out and hit.code[:2] != "01":
        out = [(s, None) for s in srcs]
    return out


@lru_cache(maxsize=1)
def default_russian_coder() -> RussianCoder:
    return RussianCoder()


def _subtree(sent: RSent, t: RTok) -> set[int]:
    out, todo = set(), [t.i]
    while todo:
        k = todo.pop()
        if k not in out:
            out.add(k)
            todo.extend(sent.toks[k].kids)
    return out


def sentence_voice(coder: RussianCoder, sent: RSent, tokmap, ctx: Context, house: Mention | None) -> Speaker:
    """The speaker of a sentence's first-person words: the subject of its verb of saying ("X заявил, что
    мы …"; "«Мы …», — сказал X" where the verb hangs on the quote), the "по словам X" phrase, else the
    document's own voice; a first-person word outside what the speaker says keeps the document's."""
    c = coder.cues
    for t in sent.toks:
        if t.pos == "VERB" and t.forms & c.speech:
            for k in sent.children(t):
                if k.rel == "nsubj" and k.lemma not in c.first_person:
                    found = coder._one(sent, k, tokmap, ctx, None, False)
                    if found and found[0].country:
                        scope = _subtree(sent, t) - _subtree(sent, k)
                        for other in sent.children(t):
                            if other.rel == "conj":  # "заявил, что …, и пригласил меня": not what was said
                                scope -= _subtree(sent, other)
                        head = sent.head(t)
                        if t.rel == "parataxis" and head is not None:
                            scope |= _subtree(sent, head) - _subtree(sent, t)
                        return Speaker(found[0], frozenset(scope), house)
    for t in sent.toks:
        if t.lemma in c.reported_by and sent.prep(t) == "по":
            for k in sent.children(t):
                if k.i in tokmap:
                    return Speaker(tokmap[k.i], frozenset(range(len(sent.toks))), house)
    return Speaker(None, frozenset(), house)


def code_russian(
    text: str,
    date: str | None,
    article_id: str | None,
    resolver: Any,
    given: Sequence[Mention] | None,
    house: Any = None,
    dialogue: Sequence[Mention] = (),
) -> tuple[list[Event], list[Mention]]:
    """Events and actor mentions of one Russian article (``given`` mentions bypass the resolver)."""
    mentions = list(given) if given is not None else resolver.find_mentions(text, date=date, lang="ru")
    mentions.sort(key=lambda m: m.start)
    coder = default_russian_coder()
    ctx = Context(dialogue=list(dialogue))
    own = house.mention(house.name or house.country, 0, 0, article_id) if house is not None else None
    events: list[Event] = []
    k = 0
    for sent in parse(text):
        while k < len(mentions) and mentions[k].end <= sent.start:
            k += 1
        j = k
        while j < len(mentions) and mentions[j].start < sent.end:
            j += 1
        in_sent = mentions[k:j]
        tokmap = coder._tokmap(sent, in_sent)
        voice = sentence_voice(coder, sent, tokmap, ctx, own)
        events.extend(
            coder.code_sentence(sent, in_sent, ctx=ctx, voice=voice, article_id=article_id, article_date=date)
        )
    return events, mentions
