"""Language-independent grouping of dictionary hits into actor mentions.

English (spaCy) and Russian (natasha) produce the same light token list and dictionary hits; this module
turns them into resolved mentions. Keeping one chunker means one set of rules for titles, possessives,
coordination, dated offices and article context, whatever the language.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from multivector.actors.data import ActorData, Atom, Person, Role
from multivector.actors.lexicon import lexicon
from multivector.clean.dates import stored_day
from multivector.records import Mention

SPECIFIC_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
WEAK_SECTOR_WORDS = lexicon().words("weak_sector_words")
ROLE_AGENT = lexicon().table("role_agent")


@dataclass(slots=True)
class Tok:
    """The little a chunker needs to know about a token."""

    text: str
    lower: str
    start: int
    end: int
    pos: str = ""
    sent_start: bool = False
    #: nothing before this token describes it: a Russian title after a place in an oblique case
    #: ("принял в Кремле президента Казахстана" is not a Kremlin president)
    bound: bool = False


@dataclass(slots=True)
class Hit:
    """A dictionary phrase found at tokens [start, end)."""

    start: int
    end: int
    atoms: list[Atom]
    text: str = ""


@dataclass(slots=True)
class Chunk:
    start: int
    end: int
    hits: list[Hit] = field(default_factory=list)
    actor: Atom | None = None
    person: Atom | None = None
    sectors: list[tuple[Atom, str]] = field(default_factory=list)
    titles: list[tuple[Atom, str]] = field(default_factory=list)
    terms: list[tuple[Atom, str]] = field(default_factory=list)
    former: bool = False
    actor_pos: int = -1
    sector_pos: int = -1

    def has_country(self) -> bool:
        return self.actor is not None


@dataclass(slots=True)
class Context:
    """What an article has said so far: who was named, so "the president" can point back to them."""

    persons: list[str] = field(default_factory=list)
    discovered: dict[str, Mention] = field(default_factory=dict)

    def saw(self, pid: str) -> None:
        if pid in self.persons:
            self.persons.remove(pid)
        self.persons.append(pid)


#: words before an office title that make it someone new or the chair, not a person named earlier:
#: "an African head of state", "another minister", "Mr President" (the Assembly's president)
_NEW_REFERENT = {"a", "an", "another", "any", "every", "each", "mr", "mr.", "madam", "madame", "mrs", "ms"}


def _new_referent(toks: list[Tok], start: int) -> bool:
    """The title at ``start`` opens an indefinite or vocative phrase (up to two adjectives between)."""
    for i in range(start - 1, max(start - 4, -1), -1):
        t = toks[i]
        if t.lower in _NEW_REFERENT:
            return True
        if t.pos not in ("ADJ", "PROPN") or t.sent_start:
            return False
    return False


def as_date(value: object) -> dt.date | None:
    """The day to look offices up on: a stored date, or the middle of a stored month or year."""
    return stored_day(value)[0]


def _bare_name(chunk: Chunk) -> bool:
    """The person was found by one word: a surname, or a one-word alias ("Navalny")."""
    if chunk.person is None:
        return False
    if chunk.person.priority < 3:
        return True
    hit = next((h for h in chunk.hits if chunk.person in h.atoms), None)
    return hit is not None and hit.end - hit.start == 1


class Chunker:
    """Resolves dictionary hits in one token list into Mention records."""

    def __init__(
        self,
        data: ActorData,
        glue: AbstractSet[str],
        pre_glue: AbstractSet[str],
        conj: AbstractSet[str],
        modifiers: AbstractSet[str],
    ) -> None:
        self.data = data
        self.glue = glue
        self.pre_glue = pre_glue
        self.conj = conj
        self.modifiers = modifiers
        self._role_cache: dict[str, str] = {}

    # --- choosing hits ---------------------------------------------------------
    @staticmethod
    def select(hits: list[Hit]) -> list[Hit]:
        """Longest match wins; on equal length the higher-priority dictionary entry wins."""
        ranked = sorted(hits, key=lambda h: (-(h.end - h.start), -max(a.priority for a in h.atoms), h.start))
        taken: list[Hit] = []
        used: set[int] = set()
        for h in ranked:
            span = set(range(h.start, h.end))
            if span & used:
                continue
            used |= span
            taken.append(h)
        return sorted(taken, key=lambda h: h.start)

    # --- grouping -----------------------------------------------------------------
    def _gap_ok(self, toks: list[Tok], a: int, b: int, chunk: Chunk) -> bool:
        """Whether the tokens between two hits still belong to one actor phrase."""
        gap = toks[a:b]
        if len(gap) > 3:
            return False
        if any(t.sent_start for t in toks[a : b + 1]) or (b < len(toks) and toks[b].bound):
            return False
        words = [t.lower for t in gap]
        if not words:
            return True
        # "troops from/in Ukraine": locative glue only links a sector/title to a following place.
        if any(w in self.pre_glue for w in words) and (chunk.has_country() or chunk.person):
            return False
        return all(
            w in self.glue or w in self.pre_glue or w in self.modifiers or t.pos == "ADJ"
            for w, t in zip(words, gap, strict=True)
        )

    def _accepts(self, chunk: Chunk, hit: Hit) -> bool:
        kinds = {a.kind for a in hit.atoms}
        if "person" in kinds and chunk.person is not None:
            return False
        if "person" in kinds and chunk.actor is not None and not self._held_office_in(hit, chunk.actor):
            # "US ambassador to Germany Richard Grenell": the country before the name is not his
            return False
        if (
            kinds & {"actor", "adj"}
            and "person" not in kinds
            and "sector" not in kinds
            and "title" not in kinds
        ):
            if chunk.actor is not None:
                new = self._pick_actor(hit)
                if self._nationals_of(chunk, hit, new):
                    return True
                return (
                    new is not None
                    and self._is_org(new)
                    and not self._is_org(chunk.actor)
                    and self._country(new) == self._country(chunk.actor)
                )
            if chunk.person is not None:
                return False
        if kinds == {"former"}:
            return False
        # once a person is named the mention is over ("President Lukashenko's government" is two actors)
        return chunk.person is None

    def group(self, toks: list[Tok], hits: list[Hit]) -> list[Chunk]:
        chunks: list[Chunk] = []
        cur: Chunk | None = None
        for h in hits:
            if cur is not None and self._gap_ok(toks, cur.end, h.start, cur) and self._accepts(cur, h):
                self._add(cur, h, toks)
                continue
            cur = Chunk(h.start, h.end)
            self._add(cur, h, toks)
            chunks.append(cur)
        return chunks

    def _nationals_of(self, chunk: Chunk, hit: Hit, new: Atom | None) -> bool:
        """A country word directly followed by another country's demonym is a group living in the first
        country: "Croatian Serb refugees" (Croatia), "Kosovo Serbs" (Kosovo). The hyphenated or coordinated
        "Belarusian-Turkmen" / "Belarusian and Turkmen" stay two actors."""
        if new is None or hit.start != chunk.end or chunk.person is not None or chunk.terms:
            return False
        if chunk.actor is None or len(chunk.hits) != 1 or self._is_org(chunk.actor) or self._is_org(new):
            return False
        if new.kind != "adj" and not (new.kind == "actor" and new.priority == 1 and not new.agent):
            return False  # the second word must be a demonym ("Serb", "Serbs"), not a capital or a name
        first = self.data.actors.get(chunk.actor.ref)
        return first is not None and first.kind == "country" and self._country(new) != first.country

    def _held_office_in(self, hit: Hit, actor_atom: Atom) -> bool:
        """Whether a person the hit may name ever had a role for the chunk's country (unknown: assume so)."""
        actor = self.data.actors.get(actor_atom.ref)
        if actor is None or actor.kind != "country":
            return True
        found = [self.data.people.get(a.ref) for a in hit.atoms if a.kind == "person"]
        people = [p for p in found if p is not None and p.roles]
        if not people:
            return True
        codes = {actor.id, actor.country} | ({"SUN"} if actor.country == "RUS" else set())
        return any(r.country in codes or r.org in codes for p in people for r in p.roles)

    def _pick_actor(self, hit: Hit) -> Atom | None:
        cands = [a for a in hit.atoms if a.kind in ("actor", "adj")]
        return max(cands, key=lambda a: (a.priority, a.kind == "actor")) if cands else None

    def _is_org(self, atom: Atom) -> bool:
        actor = self.data.actors.get(atom.ref)
        return actor is not None and actor.kind == "org"

    def _country(self, atom: Atom) -> str:
        actor = self.data.actors.get(atom.ref)
        return actor.country if actor else ""

    def _add(self, chunk: Chunk, hit: Hit, toks: list[Tok]) -> None:
        chunk.hits.append(hit)
        chunk.end = max(chunk.end, hit.end)
        text = " ".join(t.lower for t in toks[hit.start : hit.end])
        kinds = {a.kind: a for a in hit.atoms}
        if "person" in kinds:
            chunk.person = max((a for a in hit.atoms if a.kind == "person"), key=lambda a: a.priority)
            if len({a.ref for a in hit.atoms if a.kind == "person"}) > 1:
                chunk.person = Atom(
                    "person", "|".join(sorted({a.ref for a in hit.atoms if a.kind == "person"}))
                )
            return
        actor = self._pick_actor(hit)
        if actor is not None and (chunk.actor is None or self._is_org(actor)):
            # an ambiguous word that is also a sector noun ("Congress", "Pentagon") acts as the actor
            chunk.actor = actor
            chunk.actor_pos = hit.start
            return
        if "title" in kinds:
            chunk.titles.append((kinds["title"], text))
        if "sector" in kinds:
            chunk.sectors.append((kinds["sector"], text))
        if "title" in kinds or "sector" in kinds:
            chunk.terms.append((kinds.get("sector") or kinds["title"], text))
            chunk.sector_pos = hit.start
        if "former" in kinds:
            chunk.former = True

    # --- coordination ------------------------------------------------------------------
    def distribute(self, toks: list[Tok], chunks: list[Chunk]) -> None:
        """Share a sector or title across coordinated countries.

        "Belarusian and Ukrainian Defence Ministries" gives both MIL; "the presidents of Belarus and
        Turkmenistan" gives both the title.
        """
        for a, b in itertools.pairwise(chunks):
            gap = [t.lower for t in toks[a.end : b.start]]
            if not gap or not all(w in self.conj for w in gap):
                continue
            if (
                a.actor
                and not a.sectors
                and not a.titles
                and not a.person
                and (b.sectors or b.titles)
                and b.actor
                and b.sector_pos > b.actor_pos
            ):
                a.sectors, a.titles, a.terms = list(b.sectors), list(b.titles), list(b.terms)
            elif (
                b.actor
                and not b.sectors
                and not b.titles
                and not b.person
                and (a.sectors or a.titles)
                and a.actor
                and a.sector_pos < a.actor_pos
            ):
                b.sectors, b.titles, b.terms = list(a.sectors), list(a.titles), list(a.terms)
                b.former = a.former

    # --- resolution ---------------------------------------------------------------------
    def person_role(
        self, person: Person, day: dt.date | None, want: str | None = None
    ) -> tuple[Role | None, bool]:
        """The role a person holds on ``day`` (or their latest when undated); the flag says it is current."""
        if not person.roles:
            return None, False
        if day is None:
            open_roles = [r for r in person.roles if r.end is None]
            pool = open_roles or person.roles
            pool = sorted(pool, key=lambda r: r.start or dt.date.min)
            if want:
                pool = [r for r in pool if r.role == want] or pool
            # undated: the latest office is the best reading, but not evidence that it has ended
            return pool[-1], True
        active = [r for r in person.roles if r.active(day)]
        if active:
            if want:
                active = [r for r in active if r.role == want] or active
            order = ["head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other"]
            active.sort(key=lambda r: order.index(r.role) if r.role in order else 9)
            return active[0], True
        past = [r for r in person.roles if r.end is not None and r.end < day]
        if past:
            return max(past, key=lambda r: r.end or dt.date.min), False
        return min(person.roles, key=lambda r: r.start or dt.date.max), False

    def _pick_person(self, ref: str, day: dt.date | None, ctx: Context) -> Person | None:
        ids = ref.split("|")
        people = [self.data.people[i] for i in ids if i in self.data.people]
        if len(people) <= 1:
            return people[0] if people else None
        for pid in reversed(ctx.persons):
            if pid in ids:
                return self.data.people[pid]
        active = [p for p in people if self.person_role(p, day)[1]]
        return (active or people)[0]

    def _surname_ok(self, person: Person, chunk: Chunk, day: dt.date | None, ctx: Context) -> bool:
        """A bare surname names a known person only when the article named them in full before, a title
        is attached ("Minister Lavrov"), or they are the one person of that surname in office on the
        article's day (undated text: the one person of that surname at all). Otherwise a namesake, a
        typo or an art collector would become a minister of the 1990s."""
        if person.id in ctx.persons or chunk.titles:
            return True
        ids = [i for i in chunk.person.ref.split("|") if i in self.data.people] if chunk.person else []
        if day is None:
            return ids == [person.id]  # undated text: only an unambiguous surname
        else:
            serving = [i for i in ids if any(r.active(day) for r in self.data.people[i].roles)]
        return serving == [person.id]

    def _one_state(self, ref: str, day: dt.date | None, text: str, start: int, end: int) -> Mention | None:
        """An ambiguous bare surname whose office holders on the day all serve one state in one sector
        ("Алиева": the president's genitive or the first vice-president's nominative) names that state,
        not a person; namesakes of different states, or nobody in office, leave it unresolved."""
        if day is None:
            return None
        found: set[tuple[str, str]] = set()
        for pid in ref.split("|"):
            person = self.data.people.get(pid)
            role = next((r for r in person.roles if r.active(day)), None) if person else None
            if person is None or role is None or role.org:
                continue
            found.add((role.country, self.role_agent(role)))
        if len(found) != 1:
            return None
        country, agent = found.pop()
        actor = self.data.actors.get(country)
        if actor is None or not agent:
            return None
        return Mention(text, start, end, actor.id, actor.name, country, agent, actor.alignment, 0.6)

    def holder(self, country: str, role: str, day: dt.date) -> Person | None:
        """Who held ``role`` for ``country`` on ``day``; the latest appointee wins when records overlap."""
        best: tuple[dt.date, Person] | None = None
        for p in self.data.people.values():
            for r in p.roles:
                if r.role == role and (r.country == country or r.org == country) and r.active(day):
                    start = r.start or dt.date.min
                    if best is None or start > best[0]:
                        best = (start, p)
        return best[1] if best else None

    def role_agent(self, role: Role) -> str:
        """Sector of an office: the role's own agent when the data gives one (an exiled opposition leader
        is OPP, a separatist head REB), fixed for the named roles, else read from the title words."""
        if role.agent:
            return role.agent
        if role.role in ROLE_AGENT:
            return ROLE_AGENT[role.role]
        cache = self._role_cache
        if role.title in cache:
            return cache[role.title]
        words = re.findall(r"[\w'-]+", role.title.lower())
        grams = [
            " ".join(words[i : i + n])
            for n in range(min(6, len(words)), 0, -1)
            for i in range(len(words) - n + 1)
        ]
        # a named body in the title decides ("Director of the FSB" -> SPY), then the longest office phrase
        agent = next(
            (
                a.agent
                for g in grams
                for a in self.data.phrases.get(g, ())
                if a.kind == "actor" and a.agent and self.data.actors[a.ref].kind == "org"
            ),
            "",
        )
        titles = [a.agent for g in grams for a in self.data.phrases.get(g, ()) if a.kind == "title"]
        sectors = [
            a.agent
            for g in grams
            for a in self.data.phrases.get(g, ())
            if a.kind == "sector" and a.agent not in ("", "CVL", "UNK") and g not in WEAK_SECTOR_WORDS
        ]
        agent = agent or next(iter(titles + sectors), "GOV")
        cache[role.title] = agent
        return agent

    @staticmethod
    def _sector(chunk: Chunk) -> str:
        """The head noun's sector, except that generic heads ("officials", "spokesman") and nouns after a
        named institution ("Defence Ministry spokesman") defer to the more specific word."""
        if not chunk.terms:
            return ""
        strong = [(a, w) for a, w in chunk.terms if w not in WEAK_SECTOR_WORDS]
        if not strong:
            return chunk.terms[-1][0].agent
        first_a, first_w = strong[0]
        if first_a.kind == "sector" and any(
            x in first_w.split() for x in ("ministry", "ministries", "department", "service", "court")
        ):
            return first_a.agent
        return strong[-1][0].agent

    def person_mention(
        self,
        person: Person,
        day: dt.date | None,
        text: str,
        start: int,
        end: int,
        want: str | None = None,
        former: bool = False,
        conf: float = 0.95,
        stated: str = "",
    ) -> Mention:
        """``stated`` is the sector the text itself gives ("Senator ..."): it wins when the dictionaries
        have no office for the person on that day."""
        role, current = self.person_role(person, day, want)
        if role is None:
            return Mention(text, start, end, person.id, person.name, "", "", None, conf * 0.5)
        country = role.country
        actor = self.data.actors.get(role.org or country)
        align = actor.alignment if actor else None
        if role.org and actor:
            country = actor.country
        if current and not former:
            agent = self.role_agent(role)
            if day is None and role.end is not None:
                conf *= 0.8
        else:
            ended = role.end is not None and (day is None or day > role.end)
            agent = "ELI" if ended or former else ""
            if stated and not former:
                agent = stated
            conf *= 0.65
        return Mention(text, start, end, person.id, person.name, country, agent, align, round(conf, 3))

    def resolve(
        self,
        chunk: Chunk,
        toks: list[Tok],
        text: str,
        day: dt.date | None,
        ctx: Context,
    ) -> Mention | None:
        start, end = toks[chunk.start].start, toks[chunk.end - 1].end
        span = text[start:end]
        sector = self._sector(chunk)
        title_role = next((a.role for a, w in reversed(chunk.titles) if a.role in SPECIFIC_ROLES), None)
        title_word = next((w for a, w in reversed(chunk.titles) if a.role in SPECIFIC_ROLES), "")
        if chunk.former and not chunk.person:
            sector = "ELI"
        if chunk.person:
            person = self._pick_person(chunk.person.ref, day, ctx)
            if person is None:
                return None
            if _bare_name(chunk) and not self._surname_ok(person, chunk, day, ctx):
                return self._one_state(chunk.person.ref, day, span, start, end)
            ctx.saw(person.id)
            stated = sector if any(w not in WEAK_SECTOR_WORDS for _, w in chunk.terms) else ""
            return self.person_mention(person, day, span, start, end, title_role, chunk.former, stated=stated)
        actor = self.data.actors.get(chunk.actor.ref) if chunk.actor else None
        # a singular office title: "the president of Ukraine", "the Belarusian leader", "the president"
        is_plural = (
            title_word.endswith("s") and title_word not in ("heads of state",)
        ) or "heads" in title_word
        if title_role and not chunk.former and not is_plural:
            country = actor.country if actor else ""
            person = None
            if country and day is not None:
                person = self.holder(actor.id if actor and actor.kind == "igo" else country, title_role, day)
            if person is None and not _new_referent(toks, chunk.start):
                person = self._from_context(ctx, country, title_role, day)
            if person is not None:
                ctx.saw(person.id)
                conf = 0.85 if country else 0.7
                return self.person_mention(person, day, span, start, end, title_role, conf=conf)
        if actor is not None and chunk.actor is not None:
            agent = sector or chunk.actor.agent or actor.agent
            if sector and not chunk.former and all(w in WEAK_SECTOR_WORDS for _, w in chunk.terms):
                agent = chunk.actor.agent or actor.agent or sector
            if actor.kind == "org" and actor.agent and not chunk.former:
                agent = actor.agent
            if chunk.actor.kind == "adj" and not sector and not actor.agent:
                conf = 0.6
            elif sector:
                conf = 0.9
            else:
                conf = 0.9 if chunk.actor.priority >= 2 else 0.8
            if actor.agent == "PRE" and sector and sector != "PRE":
                agent = sector
            return Mention(
                span, start, end, actor.id, actor.name, actor.country, agent, actor.alignment, conf
            )
        if sector:
            return Mention(span, start, end, None, None, "", sector, None, 0.3)
        return None

    def _from_context(self, ctx: Context, country: str, role: str, day: dt.date | None) -> Person | None:
        for pid in reversed(ctx.persons):
            p = self.data.people[pid]
            r, current = self.person_role(p, day, role)
            if r is None or r.role != role or (day is not None and not current):
                continue
            if country and r.country != country:
                continue
            return p
        return None

    # --- unknown persons found by NER ---------------------------------------------------
    def unknown_person(
        self,
        ent_text: str,
        start: int,
        end: int,
        before: Chunk | None,
        ctx: Context,
        mention_before: Mention | None,
    ) -> Mention:
        """A person the dictionaries do not know: code what their title says, remember them for the article.

        Analysts, experts and coordinators get ``actor_id`` "analyst:<slug>" and agent EDU so the event coder
        can tell commentary from acts of government.
        """
        key = ent_text.split()[-1].lower().strip(".,")
        if key in ctx.discovered:
            known = ctx.discovered[key]
            return Mention(
                ent_text,
                start,
                end,
                known.actor_id,
                known.name,
                known.country,
                known.agent,
                known.alignment,
                known.confidence,
            )
        slug = re.sub(r"\W+", "-", ent_text.lower()).strip("-")
        if before is not None and before.terms:
            roles = {a.role for a, _ in before.titles}
            country = mention_before.country if mention_before else ""
            align = mention_before.alignment if mention_before else None
            if "analyst" in roles or (not roles and self._sector(before) == "EDU"):
                m = Mention(
                    ent_text,
                    start,
                    end,
                    f"analyst:{slug}",
                    f"{ent_text} (analyst)",
                    country,
                    "EDU",
                    None,
                    0.6,
                )
            else:
                agent = self._sector(before)
                if before.former:
                    agent = "ELI"
                m = Mention(ent_text, start, end, None, ent_text, country, agent, align, 0.5)
            ctx.discovered[key] = m
            return m
        return Mention(ent_text, start, end, None, ent_text, "", "", None, 0.2)
