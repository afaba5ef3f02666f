"""Actor resolution: from a mention in news text to a coded, dated actor.

The dictionaries are compiled once into a lower-cased token-sequence index (:mod:`.phrases`) so that
resolving is a tokenise-and-look-up job, cheap enough for millions of sentences; spaCy's NER only fills
in people and organisations the dictionaries do not know.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from multivector.actors.chunks import SPECIFIC_ROLES, Chunk, Chunker, Context, Hit, Tok, as_date
from multivector.actors.data import ActorData, Atom, load_actor_data
from multivector.actors.lexicon import currencies, lexicon
from multivector.actors.phrases import PhraseIndex
from multivector.clean.dates import ENGLISH_MONTHS
from multivector.records import Mention

GLUE = {"of", "the", "'s", "’s", "'", "’", "s", "a", "an", "its", "their"}
PRE_GLUE = {"from", "in", "at", "for"}
CONJ = {"and", ",", "or", "nor", "&", "-", "–", "both", "as", "well"}
MODIFIERS = lexicon().words("modifiers")
NER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# a coder's actor span that is only a pronoun names nobody the dictionaries can resolve: sector UNK (as in
# PLOVER/NGEC), no country, no actor
PRONOUNS = {"he", "she", "they", "him", "her", "them", "we", "us", "i", "you", "it", "himself", "herself"}


def _cased(forms: Iterable[str]) -> tuple[bool, bool]:
    """(needs a capital, needs all capitals): "WHO", "US", "Turkey" must not match "who", "us", "turkey"."""
    forms = list(forms)
    need_cap = bool(forms) and all(any(c.isupper() for c in f) for f in forms)
    need_upper = bool(forms) and all(f.isupper() and len(f.replace(".", "")) <= 6 for f in forms)
    return need_cap, need_upper


_CYRILLIC = re.compile("[\u0400-\u04ff]")
#: nouns after a capital or city that make it the name of a document or a negotiating track, not an actor
DOCUMENT_NOUNS = lexicon().words("document_nouns")
#: currency nouns after a country name or adjective: "US dollars", "Chinese yuan" are money, not actors
CURRENCY_NOUNS = frozenset(w for w in currencies() if w.isalpha())
#: capitalised words that are never part of a PERSON/ORG/GPE/NORP entity worth resolving: NER would give
#: them DATE or nothing, so they do not make a sentence need it
_NOT_NAMES = frozenset({*ENGLISH_MONTHS, *lexicon().words("not_names")})


def _files_fingerprint(files: list[str | Path]) -> str:
    import hashlib

    if not files:
        return ""
    h = hashlib.sha256()
    for f in files:
        h.update(Path(f).read_bytes())
        h.update(b"\x00")
    return h.hexdigest()[:12]


class ActorResolver:
    """Turns text into actor mentions. Build once and reuse: the matcher is compiled on first use."""

    def __init__(self, extra_files: Iterable[str | Path] = (), nlp: Any = None) -> None:
        extra_files = list(extra_files)
        self.data: ActorData = load_actor_data(extra_files)
        #: what the user's actor files add to the coder's identity ("" without any): cached results and
        #: ``coded`` marks made without them (or with other versions of them) are never reused
        self.fingerprint = _files_fingerprint(extra_files)
        self._nlp = nlp
        self._matcher: Any = None
        self._case: dict[str, tuple[bool, bool]] = {}
        self._phrase_cache: dict[tuple[str, dt.date | None], Mention] = {}
        self.chunker = Chunker(self.data, GLUE, PRE_GLUE, CONJ, MODIFIERS)

    # --- lazy resources ----------------------------------------------------------------
    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from multivector.nlp.pipeline import get_nlp

            self._nlp = get_nlp()
        return self._nlp

    @property
    def matcher(self) -> PhraseIndex:
        if self._matcher is None:
            matcher = PhraseIndex(self.nlp.tokenizer)
            for key in self.data.phrases:
                forms = {key, *self.data.forms.get(key, ())}
                if "." in key:  # abbreviations are tokenizer exceptions only when capitalised ("Lt.", "Gen.")
                    forms |= {key.title(), key.capitalize()}
                matcher.add(key, forms)
                self._case[key] = _cased(self.data.forms.get(key, ()))
            self._matcher = matcher
        return self._matcher

    # --- public API ------------------------------------------------------------------------
    def find_mentions(self, text_or_doc: Any, date: Any = None, lang: str = "en") -> list[Mention]:
        """Every actor mention in an article, in text order, with character offsets into its text.

        ``date`` (ISO string or date) picks who held an office; mentions earlier in the article give
        context to later ones ("the president" after "Lukashenko").
        """
        if lang and lang.lower().startswith(("ru", "uk")):  # Ukrainian shares the Cyrillic dictionaries
            from multivector.actors.russian import find_mentions_ru

            text = text_or_doc if isinstance(text_or_doc, str) else text_or_doc.text
            return find_mentions_ru(self.data, text, date)
        doc = self._parse(text_or_doc, ("lemmatizer",)) if isinstance(text_or_doc, str) else text_or_doc
        return self._mentions(doc, as_date(date), Context(), with_ner=True)

    def resolve_phrase(self, text: str, date: Any = None) -> Mention:
        """One short phrase (a coder's actor span) to one actor; unknown gives actor_id None, not a guess.

        Coders ask about the same spans over and over, so answers are cached per (phrase, day).
        """
        key = (text, as_date(date))
        hit = self._phrase_cache.get(key)
        if hit is None:
            hit = self._resolve_phrase(text, key[1])
            if len(self._phrase_cache) > 100_000:
                self._phrase_cache.clear()
            self._phrase_cache[key] = hit
        return replace(hit)

    def _resolve_phrase(self, text: str, day: dt.date | None) -> Mention:
        if text.strip().lower() in PRONOUNS and text.strip() not in ("US", "IT"):
            return Mention(text, 0, len(text), None, None, "", "UNK", None, 0.1)
        if _CYRILLIC.search(text):
            # Russian phrases need the Russian lemmas ("Кремля" → "Кремль"), not the English pipeline
            mentions = self.find_mentions(text, date=day, lang="ru")
        else:
            # a phrase is one clause: sentence splitting (the parser) and lemmas are not needed
            doc = self._parse(text, ("parser", "lemmatizer"))
            mentions = self._mentions(doc, day, Context(), with_ner=True, phrase=True)
        if not mentions:
            return Mention(text, 0, len(text), None, None, "", "", None, 0.0)

        def score(m: Mention) -> tuple:
            known = m.actor_id is not None and not m.actor_id.startswith("analyst:")
            return (
                bool(m.country) + bool(m.agent) + 2 * known + (m.actor_id is not None),
                m.end - m.start,
                -m.start,
            )

        best = max(mentions, key=score)
        if not best.country:
            # "Minister Juan Carlos Jobet, Chile": take the country another part of the phrase gives
            other = next((m for m in mentions if m.country and m is not best and not m.agent), None)
            if other is not None and best.agent:
                best = Mention(
                    best.text,
                    best.start,
                    best.end,
                    best.actor_id,
                    best.name,
                    other.country,
                    best.agent,
                    other.alignment,
                    best.confidence * 0.8,
                )
        if not best.agent and best.country:
            sector = next((m.agent for m in mentions if m.agent and not m.country), "")
            if sector:
                best = Mention(
                    best.text,
                    best.start,
                    best.end,
                    best.actor_id,
                    best.name,
                    best.country,
                    sector,
                    best.alignment,
                    best.confidence,
                )
        return best

    def needs_ner(self, doc: Any) -> bool:
        """Could spaCy's entities change what this sentence resolves to? Only when it has a name no
        dictionary phrase covers: an unknown person (analysts, officials the data lacks) or a name a known
        one sits inside ("Feliciano Valencia"). Sentences whose names are all known resolve the same
        without NER, so the coder skips it there (it is half the parse time of the small English model)."""
        covered: set[int] = set()
        for _, start, end in self.matcher(doc):
            covered.update(range(start, end))
        for t in doc:
            if t.i in covered or t.is_stop or t.lower_ in _NOT_NAMES:
                continue
            if t.pos_ == "PROPN" or (t.i > 0 and t.is_title and t.is_alpha and t.pos_ in ("ADJ", "NOUN")):
                return True
        return False

    def _parse(self, text: str, skip: tuple[str, ...]) -> Any:
        """Run only the spaCy components resolution reads (tags, entities, sentence starts)."""
        return self.nlp(text, disable=[c for c in skip if c in self.nlp.pipe_names])

    # --- internals -------------------------------------------------------------------------------
    def _hits(self, doc: Any) -> list[Hit]:
        hits = []
        for key, start, end in self.matcher(doc):
            need_cap, need_upper = self._case.get(key, (False, False))
            span_text = doc[start:end].text
            if need_upper and not span_text.replace(".", "").replace("’", "").isupper():
                continue
            if need_cap and span_text.islower():
                continue
            atoms = self.data.phrases[key]
            if (
                end - start == 1
                and doc[start].pos_ != "PROPN"
                and all(a.kind == "person" and a.priority <= 2 for a in atoms)
            ):
                # a bare surname the tagger reads as an ordinary word is that word: "Wine exports",
                # "Rice harvests", "Brown coal" at the start of a sentence are not Bobi Wine, Rice, Brown
                continue
            hits.append(Hit(start, end, atoms, span_text))
        hits = [self._ethnic(doc, h) for h in hits if not self._not_an_actor(doc, h)]
        # a city inside a longer PERSON entity is part of a name ("Feliciano Valencia"), and a common noun
        # inside an otherwise unknown name is part of that name ("Zorbex Holdings")
        drop: set[int] = set()
        for e in doc.ents:
            if e.label_ not in ("PERSON", "ORG"):
                continue
            size = sum(1 for t in e if t.lower_ not in ("the", "a", "an", "'s", "’s", "'", "’"))
            inside = [
                i
                for i, h in enumerate(hits)
                if e.start <= h.start and h.end <= e.end and size > (h.end - h.start)
            ]
            if e.label_ == "PERSON":
                drop.update(
                    i
                    for i in inside
                    if all(a.kind in ("actor", "adj") and a.priority <= 1 for a in hits[i].atoms)
                )
                drop.update(i for i in inside if self._other_person(e, hits[i]))
            if e.label_ == "ORG":
                drop.update(self._foreign_generic(inside, hits))
            if (
                inside
                and all(all(a.kind in ("sector", "title") for a in hits[i].atoms) for i in inside)
                and not any(h.start < e.start < h.end or h.start < e.end < h.end for h in hits)
            ):
                drop.update(inside)
        # a known name run into more proper nouns that are not part of it is someone else's name, even
        # when NER cuts the entity short ("Minister Juan Carlos Jobet" is not King Juan Carlos)
        covered = {i for h in hits for i in range(h.start, h.end)}
        for i, h in enumerate(hits):
            if i not in drop and self._runs_into_other_name(doc, h, covered):
                drop.add(i)
        hits = [h for i, h in enumerate(hits) if i not in drop]
        return self.chunker.select(hits)

    def _foreign_generic(self, inside: list[int], hits: list[Hit]) -> set[int]:
        """In an organisation name the dictionary does not know, a one-word institution of another
        country after a demonym is part of that name: the "Congress" of the "Ukrainian World Congress"
        is not the US Congress (the "Russian State Duma" keeps its Duma: same country)."""
        actors = self.data.actors

        def countries(h: Hit, kinds: tuple[str, ...]) -> set[str]:
            out = set()
            for a in h.atoms:
                if a.kind in kinds:
                    actor = actors.get(a.ref)
                    out.add(actor.country if actor is not None else a.ref)
            return out

        demonyms = [i for i in inside if any(a.kind == "adj" for a in hits[i].atoms)]
        out: set[int] = set()
        for i in inside:
            h = hits[i]
            own = countries(h, ("actor",))
            if h.end - h.start != 1 or not own:
                continue
            if any(getattr(actors.get(a.ref), "kind", "") == "country" for a in h.atoms):
                continue
            before = [j for j in demonyms if hits[j].end <= h.start]
            if before and all(not (countries(hits[j], ("adj",)) & own) for j in before):
                out.add(i)
        return out

    def _ethnic(self, doc: Any, hit: Hit) -> Hit:
        """A demonym after "ethnic" names a people, not a state: "ethnic Albanians" adds no country (a
        following "in Serbia" / "of Macedonia" can still give one)."""
        if hit.start == 0 or doc[hit.start - 1].lower_ != "ethnic":
            return hit
        actors = self.data.actors
        if not all(
            a.kind in ("adj", "actor")
            and a.priority <= 1
            and getattr(actors.get(a.ref), "kind", "") == "country"
            for a in hit.atoms
        ):
            return hit
        return Hit(hit.start, hit.end, [Atom("sector", "", "")], hit.text)

    def _not_an_actor(self, doc: Any, hit: Hit) -> bool:
        """Hits that only look like actors: a capital or city naming a document ("the Paris Agreement"),
        a country before a currency ("US dollars"),
        a country after "pro-"/"anti-", "the West" in "the West Bank" /
        "the East China Sea" (a longer proper name goes on), and a person's acronym alias in brackets after
        another name ("Montenegro Municipality Association (AKK)" is not Kramp-Karrenbauer)."""
        if (
            hit.start >= 2
            and doc[hit.start - 1].text == "-"
            and doc[hit.start - 2].lower_ in ("pro", "anti")
            and all(a.kind in ("adj", "actor") for a in hit.atoms)
        ):
            return True  # "pro-Iranian Hizbollah", "an anti-Syria journalist" are not Iran or Syria
        nxt = doc[hit.end] if hit.end < len(doc) else None
        final_act = (
            nxt is not None and nxt.lower_ == "final" and doc[hit.end + 1 : hit.end + 2].text.lower() == "act"
        )
        if (
            nxt is not None
            and (nxt.lower_ in DOCUMENT_NOUNS or final_act)
            and all(a.kind == "actor" and a.agent in ("GOV", "CVL") for a in hit.atoms)
        ):
            return True  # "the Paris Agreement", "the Minsk agreements", "the Geneva Conventions": a document
        money = nxt is not None and nxt.lower_ in CURRENCY_NOUNS
        if money and all(a.kind in ("adj", "actor") for a in hit.atoms):
            return True  # "1.5 billion US dollars", "50 million Belarusian roubles": an amount of money
        if (
            nxt is not None
            and nxt.text[:1].isupper()
            and nxt.is_alpha
            and all(a.kind == "actor" and a.ref in ("WEST", "EAST") for a in hit.atoms)
        ):
            return True
        return (
            hit.end - hit.start == 1
            and doc[hit.start].text.isupper()
            and all(a.kind == "person" for a in hit.atoms)
            and hit.start >= 2
            and doc[hit.start - 1].text == "("
            and doc[hit.start - 2].text[:1].isupper()
        )

    def _runs_into_other_name(self, doc: Any, hit: Hit, covered: set[int]) -> bool:
        found = [self.data.people.get(a.ref) for a in hit.atoms if a.kind == "person"]
        people = [p for p in found if p is not None]
        if not people or len(people) != len(hit.atoms):
            return False
        extra = set()
        for j in (hit.start - 1, hit.end):
            if 0 <= j < len(doc) and j not in covered:
                t = doc[j]
                if t.is_alpha and t.pos_ == "PROPN" and t.text[:1].isupper() and len(t.text) > 1:
                    extra.add(t.lower_)
        if not extra:
            return False
        return not any(
            extra <= {w.lower() for n in (p.name, *p.aliases) for w in n.replace("-", " ").split()}
            for p in people
        )

    def _other_person(self, ent: Any, hit: Hit) -> bool:
        """True when a surname hit sits in a longer name that is not this person's ("Jam Kamal Khan")."""
        found = [self.data.people.get(a.ref) for a in hit.atoms if a.kind == "person"]
        people = [p for p in found if p is not None]
        if not people or len(people) != len(hit.atoms):
            return False
        extra = {
            t.lower_ for t in ent if t.is_alpha and t.pos_ == "PROPN" and not (hit.start <= t.i < hit.end)
        } - {"s"}
        for p in people:
            known = {w.lower() for n in (p.name, *p.aliases) for w in n.replace("-", " ").split()}
            if extra <= known:
                return False
        return True

    @staticmethod
    def toks(doc: Any) -> list[Tok]:
        return [
            Tok(t.text, t.lower_, t.idx, t.idx + len(t.text), t.pos_, bool(t.is_sent_start) and t.i > 0)
            for t in doc
        ]

    def _mentions(
        self, doc: Any, day: dt.date | None, ctx: Context, with_ner: bool, phrase: bool = False
    ) -> list[Mention]:
        toks = self.toks(doc)
        text = doc.text
        chunks = self.chunker.group(toks, self._hits(doc))
        self.chunker.distribute(toks, chunks)
        covered = {i for c in chunks for i in range(c.start, c.end)}
        ents = []
        if with_ner:
            ents = [
                e
                for e in doc.ents
                if e.label_ in NER_LABELS and not any(i in covered for i in range(e.start, e.end))
            ]
        items: list[tuple[int, str, Any]] = [(c.start, "chunk", c) for c in chunks]
        items += [(e.start, "ent", e) for e in ents]
        items.sort(key=lambda x: (x[0], x[1]))
        out: list[Mention] = []
        last: tuple[Chunk, Mention | None] | None = None
        for _, kind, obj in items:
            if kind == "chunk":
                m = self._resolve_chunk(obj, toks, text, day, ctx, phrase)
                last = (obj, m)
                if m is not None:
                    out.append(m)
                continue
            ent = obj
            start, end = ent.start_char, ent.end_char
            if ent.label_ != "PERSON":
                out.append(Mention(ent.text, start, end, None, ent.text, "", "", None, 0.2))
                continue
            before = None
            if last is not None:
                chunk, cm = last
                gap = ent.start - chunk.end
                same_sent = not any(toks[i].sent_start for i in range(chunk.end, ent.start + 1))
                analyst = any(a.role == "analyst" for a, _ in chunk.titles)
                verbs = any(
                    toks[i].pos in ("VERB", "AUX") or toks[i].text in ",;:"
                    for i in range(chunk.end, ent.start)
                )
                if (
                    same_sent
                    and chunk.terms
                    and not chunk.person
                    and (gap == 0 or (analyst and gap <= 6 and not verbs))
                ):
                    before = chunk
                    if cm is not None and cm in out:
                        out.remove(cm)
            m = self.chunker.unknown_person(
                ent.text, start, end, before, ctx, last[1] if before is not None and last else None
            )
            if before is not None and ent.start == before.end:
                # "Foreign Minister Park Jin": the title is part of the mention, as for known people
                m.start = toks[before.start].start
                m.text = text[m.start : m.end]
            out.append(m)
        return out

    def _resolve_chunk(
        self, chunk: Chunk, toks: list[Tok], text: str, day: dt.date | None, ctx: Context, phrase: bool
    ) -> Mention | None:
        roles = {a.role for a, _ in chunk.titles}
        if not chunk.actor and not chunk.person and roles == {"analyst"}:
            # "the analyst" after an analyst was introduced
            analysts = [m for m in ctx.discovered.values() if (m.actor_id or "").startswith("analyst:")]
            if analysts and not phrase:
                a = analysts[-1]
                s, e = toks[chunk.start].start, toks[chunk.end - 1].end
                return Mention(text[s:e], s, e, a.actor_id, a.name, a.country, a.agent, a.alignment, 0.5)
        m = self.chunker.resolve(chunk, toks, text, day, ctx)
        if m is None:
            return None
        if (
            not phrase
            and m.actor_id is None
            and not (roles & SPECIFIC_ROLES)
            and m.confidence < 0.35
            and all(
                w in {"people", "men", "man", "public", "state", "states", "community"}
                for _, w in chunk.terms
            )
        ):
            return None
        return m


_default: ActorResolver | None = None


def default_resolver() -> ActorResolver:
    """The shared resolver behind :func:`resolve`, built on first use (never at import time)."""
    global _default
    if _default is None:
        _default = ActorResolver()
    return _default


def resolve(text: str, date: Any = None) -> Mention:
    """Resolve one short actor phrase with the packaged dictionaries."""
    return default_resolver().resolve_phrase(text, date)
