"""Public coding API: article text in, events + mentions + facts out.

The expensive step is the spaCy parse, so an article is handled as: cut trailing boilerplate ("Similar
articles" …) → regex sentence split → cheap keyword pre-filter → parse only the kept sentences (one
``nlp.pipe`` call, merged into one Doc so the actor resolver keeps its article context) → actors → events.
Results can be cached per article content hash (``cache=``), which makes re-runs of a corpus nearly free.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from multivector.clean.dates import ENGLISH_MONTHS
from multivector.coding.coder import Context, EventCoder
from multivector.coding.facts import FACT_HINT, find_facts
from multivector.coding.rules import COMMON_VERBS, SPEECH
from multivector.coding.speakers import SpeakerMap, country_voice, document_voice, speaker_map, speaker_table
from multivector.coding.syntax import appealed_to, impersonal_appeal
from multivector.coding.tables import ACTOR_OBJECT
from multivector.nlp.cache import ResultCache, content_key, package_fingerprint
from multivector.nlp.pipeline import parse_many
from multivector.nlp.russian import cyrillic_share
from multivector.nlp.sentences import Prefilter, Sentence, split_sentences
from multivector.records import Article, Event, Fact, Mention
from multivector.sources.encoding import scrub_surrogates

CODER_VERSION = "1"
_LABEL = re.compile(r"^\s*([A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+){0,3})\s*:\s*[“\"«]")
_QUOTE = re.compile(r"[“«\"]([^”»\"]{3,})[”»\"]?")
_ANALYST_WORDS = re.compile(
    r"\b(analysts?|experts?|political scientists?|commentators?|observers? believe|researchers?)\b", re.I
)


@dataclass(slots=True)
class CodedArticle:
    events: list[Event]
    mentions: list[Mention]
    facts: list[Fact]


@lru_cache(maxsize=1)
def default_coder() -> EventCoder:
    return EventCoder()


@lru_cache(maxsize=1)
def prefilter() -> Prefilter:
    from multivector.coding.tables import load_patterns

    words: set[str] = set()
    for pat in load_patterns():
        if pat.lemma in COMMON_VERBS and pat.obj and ACTOR_OBJECT not in pat.obj:
            words.update(pat.obj)  # "hold" matters only with its object: look for "talks" instead
        elif pat.lemma not in COMMON_VERBS or pat.code[:2] == "04":
            # a visit or a reception on a common verb is an act by itself ("received the president",
            # "went to Minsk"); its other uses ("said", "asked", "backed") wait for another trigger word
            words.add(pat.lemma)
    return Prefilter(words)


def default_resolver() -> Any:
    """The process's shared resolver (:func:`multivector.actors.default_resolver`); it parses with the
    same spaCy pipeline as the coder."""
    from multivector.actors import default_resolver as shared

    return shared()


@lru_cache(maxsize=1)
def _data_fingerprint() -> str:
    """Identity of the coder: its code, its patterns, the packaged actor data and the parser (spaCy and
    model versions); cached results and stored coding state are only reused while it is unchanged."""
    from importlib import metadata

    from multivector.nlp.pipeline import SPACY_MODEL

    versions = []
    for dist in ("spacy", SPACY_MODEL.replace("_", "-"), "natasha", "slovnet", "pymorphy3"):
        try:
            versions.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist}=?")
    packages = ("multivector.coding", "multivector.actors", "multivector.nlp")
    return package_fingerprint(CODER_VERSION + ";" + ";".join(versions), packages)


def coder_id(resolver: Any = None) -> str:
    """Public name of the coder identity (stored per article in the ``coded`` table): the packaged
    coder, plus the user's actor files when a resolver built from them is used."""
    extra = getattr(resolver, "fingerprint", "") if resolver is not None else ""
    return f"{_data_fingerprint()}+{extra}" if extra else _data_fingerprint()


_DATELINE = re.compile(
    r"(?m)^\s*(" + "|".join(m.capitalize() for m in ENGLISH_MONTHS) + r")\s+(\d{1,2}),?\s+(\d{4})\b"
)
_MONTHS = list(ENGLISH_MONTHS)


def _headings(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the lines that head a list of other content ("Similar articles", "Read also"):
    the cleaner's packaged ``tail`` patterns, so scraped text pasted straight into the coder is cut where
    the cleaner would cut it."""
    from multivector.clean.boilerplate import load_boilerplate

    bp = load_boilerplate()
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if len(body) < 80 and bp.is_tail(body):
            yield pos, pos + len(body)
        pos += len(line)


def segments(text: str, date: str | None = None) -> list[tuple[int, int, str | None]]:
    """Article parts as (start, end, date). Boilerplate headings ("Similar articles", "Leave a Reply" …)
    end a part and code to nothing; what follows a heading is kept only when it is a real article (several
    sentences and some length: scraped pages often append a whole related story), dated by its own
    dateline when it has one. Teasers and link lists after a heading are dropped."""
    cuts = [(a, b) for a, b in _headings(text) if a > 200]
    if not cuts:
        return [(0, len(text), date)]
    out = [(0, cuts[0][0], date)]
    for i, (_start, head_end) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        body = text[head_end:end]
        if len(body.strip()) < 400 or len(split_sentences(body)) < 4:
            continue
        part_date = date
        dl = _DATELINE.search(body[:300])
        if dl:
            part_date = (
                f"{int(dl.group(3)):04d}-{_MONTHS.index(dl.group(1).lower()) + 1:02d}-{int(dl.group(2)):02d}"
            )
        out.append((head_end, end, part_date))
    return out


def select_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences worth parsing: a trigger keyword and something actor-like, or a number (for facts)."""
    pre = prefilter()
    end = len(text) if end is None else end
    out = []
    for s in split_sentences(text[start:end]):
        if pre.keep(s.text) or (FACT_HINT.search(s.text) and _has_capital(s.text)):
            out.append(Sentence(s.start + start, s.end + start, s.text))
    return out


def _has_capital(text: str) -> bool:
    return any(w[:1].isupper() for w in text.split()[1:])


def code_text(
    text: str,
    date: str | None = None,
    *,
    article_id: str | None = None,
    resolver: Any = None,
    mentions: Sequence[Mention] | None = None,
    unknown_actors: bool = False,
    speaker: str | None = None,
) -> list[Event]:
    """Events in one text. ``mentions`` (article offsets) bypass the actor resolver — useful for tests.

    ``unknown_actors=True`` also codes events whose actors the resolver cannot place (country "") — for
    event-type evaluation; the East/West analysis needs known countries and leaves it off.
    ``speaker`` (a country code) is who is talking — a UN speech, a ministry statement — so "we", "our",
    "my country", "my delegation" … are that country's government."""
    text = scrub_surrogates(text)
    return _code(text, date, article_id, resolver, mentions, unknown_actors, speaker=speaker).events


def code_article(
    article: Article, *, resolver: Any = None, cache: ResultCache | None = None, speaker: str | None = None
) -> tuple[list[Event], list[Mention], list[Fact]]:
    """Events, actor mentions and quantitative facts of one article, cached by content when asked.

    The speaker defaults to the input's ``speaker_country`` field (JSONL input keeps it in ``extra``),
    else to what the title or the official site says (see :mod:`multivector.coding.speakers`)."""
    speaker = speaker or _speaker_of(article)
    key = None
    if cache is not None:
        key = _cache_key(article, speaker, coder_id(resolver))
        hit = cache.get(key)
        if hit is not None:
            return hit
    result = _code(article.text, article.date, article.id, resolver, None, speaker=speaker, meta=article)
    out = (result.events, result.mentions, result.facts)
    if cache is not None and key is not None:
        cache.put(key, out)
    return out


def code_stream(
    articles: Iterable[Article],
    *,
    resolver: Any = None,
    cache: ResultCache | None = None,
    chunk: int = 64,
) -> Iterator[tuple[Article, tuple[list[Event], list[Mention], list[Fact]]]]:
    """The one-process corpus loop: the selected sentences of all uncached articles flow through one
    ``nlp.pipe``, so memory stays bounded by the pipe's read-ahead."""
    pending: deque[_Pending] = deque()

    def needs_ner(doc: Any) -> bool:  # the resolver (and the model) load only once a parse is needed
        return (resolver if resolver is not None else default_resolver()).needs_ner(doc)

    def sentences() -> Iterator[str]:
        for art in articles:
            key, hit = cached(art, cache, resolver)
            if hit is not None:
                pending.append(_Pending(art, key, None, hit))
                continue
            if _russian(art, art.text) or art.lang == "uk":
                # no spaCy parse: answered (and cached) at once, keeping the input order
                item = _Pending(art, key, None, None)
                item.finish(resolver, cache)
                pending.append(item)
                continue
            plan = _plan(art.text, art.date)
            item = _Pending(art, key, plan, None)
            pending.append(item)
            for sent in plan[1]:
                yield sent.text

    def ready() -> Iterator[tuple[Article, tuple[list[Event], list[Mention], list[Fact]]]]:
        while pending and pending[0].complete:
            item = pending.popleft()
            yield item.article, item.finish(resolver, cache)

    for doc in parse_many(sentences(), batch_size=chunk, ner_if=needs_ner):
        # the doc belongs to the first article still waiting for sentences
        next(item for item in pending if not item.complete).docs.append(doc)
        yield from ready()
    yield from ready()
    assert not pending, "every article was answered"


@dataclass(slots=True)
class _Pending:
    """An article in the streaming loop: its plan, the parsed sentences received so far, or its result."""

    article: Article
    key: str | None
    plan: tuple | None
    result: tuple[list[Event], list[Mention], list[Fact]] | None
    docs: list[Any] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.result is not None or (self.plan is not None and len(self.docs) == len(self.plan[1]))

    def finish(
        self, resolver: Any, cache: ResultCache | None
    ) -> tuple[list[Event], list[Mention], list[Fact]]:
        if self.result is None:
            art = self.article
            res = _code(
                art.text,
                art.date,
                art.id,
                resolver,
                None,
                plan=self.plan,
                docs=self.docs,
                speaker=_speaker_of(art),
                meta=art,
            )
            self.result = (res.events, res.mentions, res.facts)
            if cache is not None and self.key is not None:
                cache.put(self.key, self.result)
        return self.result


#: Events are coded from at most this many characters of one article (~65 s of coding on one core); the
#: rest is stored, searchable and counted in the run's notice. A size budget rather than a clock: the
#: same article must give the same events on a busy or an idle machine, or caches and re-runs would lie.
MAX_CODED_CHARS = 2_000_000


def coded_part(text: str) -> str:
    """The prefix of ``text`` events are coded from (all of it unless it exceeds :data:`MAX_CODED_CHARS`)."""
    if len(text) <= MAX_CODED_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_CODED_CHARS)  # end at a line break when there is one nearby
    return text[: cut if cut > MAX_CODED_CHARS * 0.9 else MAX_CODED_CHARS]


def _plan(text: str, date: str | None) -> tuple[list[tuple[int, int, str | None]], list[Sentence], list[int]]:
    """Parts, the sentences chosen for parsing, and which part each belongs to."""
    text = coded_part(text)
    parts = segments(text, date)
    sents: list[Sentence] = []
    part_of: list[int] = []
    for k, (a, b, _) in enumerate(parts):
        chosen = select_sentences(text, a, b)
        sents.extend(chosen)
        part_of.extend([k] * len(chosen))
    return parts, sents, part_of


def _code(
    text: str,
    date: str | None,
    article_id: str | None,
    resolver: Any,
    given: Sequence[Mention] | None,
    unknown_actors: bool = False,
    plan: tuple | None = None,
    docs: list[Any] | None = None,
    speaker: str | None = None,
    meta: Article | None = None,
) -> CodedArticle:
    if _russian(meta, text):
        return _code_russian(text, date, article_id, resolver, given, speaker, meta)
    if meta is not None and meta.lang == "uk":
        # Ukrainian: actors resolve through the Cyrillic dictionaries; events are not coded yet (the run
        # says so per language)
        if given is not None:
            return CodedArticle([], list(given), [])
        res = resolver if resolver is not None else default_resolver()
        found = res.find_mentions(coded_part(text), date=date, lang="uk")
        return CodedArticle([], [replace(m, article_id=article_id) for m in found], [])
    text = coded_part(text)
    parts, sents, part_of = plan if plan is not None else _plan(text, date)
    if not sents:
        return CodedArticle([], [], [])
    from spacy.tokens import Doc

    res = None if given is not None else resolver if resolver is not None else default_resolver()
    if docs is None:
        # given mentions bypass the resolver, the only reader of spaCy's entities
        ner_if = res.needs_ner if res is not None else (lambda _doc: False)
        docs = list(parse_many([s.text for s in sents], ner_if=ner_if))
    merged = Doc.from_docs(docs, ensure_whitespace=True)
    starts: list[tuple[int, int, int]] = []  # (token start, merged char start, article char start)
    tok = 0
    for s, d in zip(sents, docs, strict=True):
        starts.append((tok, merged[tok].idx if len(d) else 0, s.start))
        tok += len(d)
    if res is not None:
        raw = res.find_mentions(merged, date=date)
        keys = [st[1] for st in starts]
        mentions = [_shift(m, keys, starts, article_id) for m in raw]
    else:
        mentions = list(given or ())
    house = _house(meta, res, speaker)
    mentions = _own_council(mentions, house, article_id)
    voices = speaker_map(text, date, res, house)
    dialogue = counterpart(meta, house, res)
    if not voices.empty:
        mentions = _with_speaker(mentions, merged, starts, voices, article_id, dialogue)
    coder = default_coder()
    ctx = Context(unknown_actors=unknown_actors, dialogue=dialogue)
    analyst_spans = _analyst_spans(text, mentions)
    events: list[Event] = []
    facts: list[Fact] = []
    # mentions by start, so each sentence takes its own by bisection (a long article has thousands)
    mentions = sorted(mentions, key=lambda m: m.start)
    m_starts = [m.start for m in mentions]

    def within(lo: int, hi: int) -> list[Mention]:
        return mentions[bisect.bisect_left(m_starts, lo) : bisect.bisect_left(m_starts, hi)]

    for i, (s, d) in enumerate(zip(sents, docs, strict=True)):
        if i and part_of[i] != part_of[i - 1]:
            ctx = Context(unknown_actors=unknown_actors, dialogue=dialogue)
        part_date = parts[part_of[i]][2]
        t0, c0, a0 = starts[i]
        span = merged[t0 : t0 + len(d)]
        offset = a0 - c0
        in_sent = within(s.start, s.end)
        analyst = _is_analyst_sentence(s, in_sent, analyst_spans)
        voice = None if voices.empty else voices.at(s.start)
        ctx.voice = None if voice is None else voice.mention(voice.name or voice.country, 0, 0, article_id)
        events.extend(
            coder.code_sentence(
                span,
                in_sent,
                ctx=ctx,
                article_id=article_id,
                article_date=part_date,
                char_offset=offset,
                analyst_voice=analyst,
            )
        )
        if not analyst:
            prev = sents[i - 1] if i else None
            prev_actors = [m.country for m in within(prev.start, prev.end) if m.country] if prev else []
            facts.extend(
                find_facts(
                    s.text,
                    s.start,
                    in_sent,
                    article_id=article_id,
                    article_date=part_date,
                    previous=prev.text if prev else "",
                    previous_actors=prev_actors,
                )
            )
    return CodedArticle(events, mentions, facts)


def _house(meta: Article | None, res: Any, speaker: str | None) -> Any:
    """The document's own voice: from the article (field, title, site), else the ``speaker`` code."""
    if meta is not None:
        return document_voice(meta, res, speaker)
    return country_voice(speaker.strip().upper(), res, "field", "speaker") if speaker else None


def _russian(meta: Article | None, text: str) -> bool:
    """Russian articles take the native Russian coder (the article's detected language, or for bare
    text a mostly Cyrillic sample)."""
    if meta is not None and meta.lang:
        return meta.lang == "ru"
    sample = text[:2000]
    if cyrillic_share(sample) < 0.6:
        return False
    if len(sample) < 200:  # too short for the language identifier: Cyrillic without Ukrainian letters
        return not any(c in "іїєґІЇЄҐ" for c in sample)
    from multivector.clean.lang import detect_language

    return detect_language(text) == "ru"


def _code_russian(
    text: str,
    date: str | None,
    article_id: str | None,
    resolver: Any,
    given: Sequence[Mention] | None,
    speaker: str | None,
    meta: Article | None,
) -> CodedArticle:
    from multivector.coding.russian import code_russian

    res = None if given is not None else resolver if resolver is not None else default_resolver()
    house = _house(meta, res, speaker)
    dialogue = counterpart(meta, house, res)
    events, mentions = code_russian(coded_part(text), date, article_id, res, given, house, dialogue)
    if article_id:
        mentions = [replace(m, article_id=article_id) for m in mentions]
    return CodedArticle(events, mentions, [])


#: first-person words that stand for the speaking country; "I"/"my" too: a UN speaker speaks for the state
_FIRST_PERSON = {"we", "us", "our", "ours", "ourselves", "i", "me", "my"}
#: nouns that, after "my"/"our", name the speaker's state ("my delegation", "our nation")
_OWN_STATE = {"country", "government", "delegation", "nation", "state", "republic", "administration"}
_OWN_STATE |= {"leadership", "president", "authorities", "people"}
#: capitalised state forms that, after a bare "the", are a speech's way of naming its own state ("the
#: Kingdom reiterates …"); "the Republic of Korea" and "the Central African Republic" are not bare
_STATE_FORMS = {"Kingdom", "Republic", "Principality", "Sultanate", "Emirate", "Government"}


def _speaker_of(article: Article) -> str | None:
    value = (article.extra or {}).get("speaker_country")
    return value.strip().upper() if isinstance(value, str) and value.strip() else None


def cached(article: Article, cache: ResultCache | None, resolver: Any = None) -> tuple[str | None, Any]:
    """(cache key, cached result or None) of an article; (None, None) without a cache."""
    if cache is None:
        return None, None
    key = _cache_key(article, _speaker_of(article), coder_id(resolver))
    return key, cache.get(key)


def _cache_key(article: Article, speaker: str | None, coder: str) -> str:
    # the speaker changes the result, so it is part of the key (only when set: old keys stay valid)
    extra = article.extra or {}
    # everything the speaker model reads (title, url, source label, speaker fields) changes the result
    voice = [article.title, article.url, extra.get("source"), extra.get("speaker")]
    parts = [coder, article.id, article.date, article.lang, article.text, repr(voice)]
    return content_key(*parts, *([f"speaker={speaker}"] if speaker else []))


def _with_speaker(
    mentions: list[Mention],
    merged: Any,
    starts: list[tuple[int, int, int]],
    voices: SpeakerMap,
    article_id: str | None,
    dialogue: list[Mention] | None = None,
) -> list[Mention]:
    """Add the speaker's government as the actor of first-person pronouns and "my country"-type phrases.

    Pronoun resolution alone would send "we" to the last country named, which in a speech is usually
    someone else; the speaker is known, so the reference is not guessed. A country-less sector the
    resolver found after "our" ("our armed forces") becomes the speaker's; mentions with a country win
    overlaps ("US" is the United States, not "us")."""
    kept = list(mentions)
    added: list[Mention] = []
    for tok in merged:
        own = _self_name(tok)
        if dialogue and tok.lower_ in _SECOND_PERSON and tok.pos_ == "PRON":
            delta = _delta(tok.idx, starts)
            other = _addressee(voices.at(tok.idx + delta), dialogue)
            if other is not None and not any(m.start <= tok.idx + delta < m.end for m in kept):
                a = tok.idx + delta
                added.append(
                    replace(
                        other,
                        text=tok.text,
                        start=a,
                        end=a + len(tok.text),
                        article_id=article_id,
                        via="addressee",
                    )
                )
            continue
        if (
            not own
            and not _speaker_appeal(tok)
            and (tok.lower_ not in _FIRST_PERSON or tok.pos_ != "PRON" or tok.text == "US")
        ):
            continue
        delta = _delta(tok.idx, starts)
        voice = voices.at(tok.idx + delta)
        if voice is None or (own and voice.how not in ("field", "site", "title")):
            continue  # nobody known speaks here: the first person stays unresolved, never guessed
        a, b = tok.idx + delta, tok.idx + len(tok.text) + delta
        agent: str | None = None
        if own:
            a = merged[tok.i - 1].idx + delta  # with its "the"
        head = tok.head
        at = head.idx + delta
        sector = next((m for m in kept if not m.country and m.start <= at < m.end), None)
        adjacent = [w.lower_ for w in merged[tok.i + 1 : head.i]] in ([], ["own"])
        if tok.dep_ == "poss" and sector is not None:
            kept.remove(sector)
            b, agent = max(b, sector.end), sector.agent or None
        elif tok.dep_ == "poss" and adjacent and head.lower_ in _OWN_STATE:
            b = at + len(head.text)
            agent = "" if head.lower_ == "people" else None
        if any(m.start < b and a < m.end for m in kept if m.country):
            continue
        kept = [m for m in kept if m.country or not (m.start < b and a < m.end)]
        surface = merged.text[a - delta : b - delta]
        added.append(voice.mention(surface, a, b, article_id, agent))
    return sorted([*kept, *added], key=lambda m: m.start)


_SECOND_PERSON = {"you", "your", "yours", "yourself"}


_UN_WORDS = re.compile(r"\bU\.?N\.?\b|United Nations", re.IGNORECASE)


def _own_council(mentions: list[Mention], house: Any, article_id: str | None) -> list[Mention]:
    """In a document of a state that has its own "Security Council" (``own_security_council`` in
    speakers.yaml), a bare "Security Council" is that state's body: the Kremlin's weekly "meeting with
    permanent members of the Security Council" is no contact with the UN."""
    if house is None:
        return mentions
    return [
        house.mention(m.text, m.start, m.end, article_id, "GOV") if _is_own_council(m, house) else m
        for m in mentions
    ]


def _is_own_council(m: Mention, house: Any) -> bool:
    return (
        m.actor_id == "UNSC"
        and house.country in speaker_table().own_security_council
        and not _UN_WORDS.search(m.text)
    )


def _speaker_appeal(tok: Any) -> bool:
    """The "it" of "it is important for X to act" is the speaker, who asks X (syntax.impersonal_appeal)."""
    if tok.lower_ != "it" or tok.dep_ != "nsubj":
        return False
    return any(impersonal_appeal(c) and appealed_to(c) for c in tok.head.children)


def _addressee(voice: Any, dialogue: list[Mention]) -> Mention | None:
    """Who "you" is in a bilateral document: the other side of whoever speaks."""
    if voice is None:
        return None
    house, other = dialogue
    if voice.country == house.country:
        return other
    if voice.country == other.country:
        return house
    return None


def counterpart(meta: Article | None, house: Any, res: Any) -> list[Mention]:
    """[the document's own side, the counterpart its title names] for a bilateral document ("Telephone
    conversation with the Prime Minister of X", "Talks with X", "... met with the President of X").

    Empty unless the title announces an encounter (``dialogue_cues`` in ``speakers.yaml``) with exactly
    one foreign side: a title that merely mentions a country, or a meeting of several, has no single
    counterpart, and guessing one would aim every "you" and every unaddressed offer at it.
    """
    if meta is None or house is None or not meta.title or res is None:
        return []
    low = meta.title.lower()
    cues = [hit.span() for c in speaker_table().dialogue_cues for hit in re.finditer(_cue_regex(c), low)]
    if not cues:
        return []
    foreign: dict[str, Mention] = {}
    for m in res.find_mentions(meta.title, date=meta.date):
        if m.country == house.country or not m.country or _is_own_council(m, house):
            continue
        if not any(_next_to(low, cue, (m.start, m.end)) for cue in cues):
            continue  # "… met with X: crimes of Russia discussed": Russia is a topic, not the counterpart
        if m.country == "IGO" and not m.actor_id:
            continue
        key = m.actor_id if m.country == "IGO" else m.country
        foreign.setdefault(key, m)
    if len(foreign) != 1:
        return []
    m = next(iter(foreign.values()))
    own = house.mention(house.name or house.country, 0, 0, meta.id)
    other = replace(m, start=0, end=0, article_id=meta.id, via=f"counterpart:title {m.text}")
    return [replace(own, via="house"), other]


def _cue_regex(cue: str) -> str:
    """A cue as a regular expression; "…" stands for a few words inside one phrase ("discussed … with":
    "discussed energy prices with X", never a bare "discussed the Russian threat")."""
    parts = [re.escape(p.strip()) for p in cue.split("…")]
    return r"\b" + r"\b[^:;,.!?()]{1,60}?\b".join(parts) + r"\b"


def _next_to(text: str, cue: tuple[int, int], span: tuple[int, int]) -> bool:
    """A title's mention belongs to its encounter cue when only a few words, and no punctuation that
    ends the phrase, stand between them ("talks with the President of X", "Russian–Turkmen talks")."""
    gap = text[cue[1] : span[0]] if span[0] >= cue[1] else text[span[1] : cue[0]] if span[1] <= cue[0] else ""
    return len(gap) <= 45 and not re.search(r"[:;,.!?()\[\]]|\s[–—-]\s", gap)


def _self_name(tok: Any) -> bool:
    """A bare "the Kingdom", "the Government": the speaking state naming itself."""
    if tok.text not in _STATE_FORMS or tok.i == 0:
        return False
    det = tok.doc[tok.i - 1]
    if det.lower_ != "the" or det.head.i != tok.i or det.idx + 4 != tok.idx:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or not (nxt.lower_ == "of" or nxt.text[:1].isupper())


def _delta(merged_char: int, starts: list[tuple[int, int, int]]) -> int:
    """Article offset minus merged-doc offset for the sentence holding ``merged_char``."""
    base = starts[0]
    for st in starts:
        if st[1] <= merged_char:
            base = st
        else:
            break
    return base[2] - base[1]


def _shift(
    m: Mention, keys: list[int], starts: list[tuple[int, int, int]], article_id: str | None
) -> Mention:
    """Move a mention from merged-text offsets to article offsets (``keys``: the sentences' merged
    starts, sorted, so a long article costs a bisection per mention, not a scan)."""
    base = starts[max(0, bisect.bisect_right(keys, m.start) - 1)]
    delta = base[2] - base[1]
    return replace(m, start=m.start + delta, end=m.end + delta, article_id=article_id)


def _is_analyst(m: Mention) -> bool:
    return bool(m.actor_id and m.actor_id.startswith("analyst:"))


def _analyst_spans(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Character spans that are an analyst's words: "Name: “…”" paragraphs and quotes in paragraphs where
    an analyst is the speaker. Their content is commentary, not reported acts of state."""
    surnames = {m.text.split()[-1].lower() for m in mentions if _is_analyst(m) and m.text.split()}
    analysts = sorted(m.start for m in mentions if _is_analyst(m))
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start, end = pos, pos + len(para)
        pos = end + 1
        if not para.strip():
            continue
        label = _LABEL.match(para)
        if label and label.group(1).split()[-1].lower() in surnames:
            spans.append((start, end))
            continue
        speaker = bisect.bisect_left(analysts, end) > bisect.bisect_left(analysts, start) or (
            bool(surnames) and any(w.lower().strip(".,:;") in surnames for w in para.split())
        )
        if speaker:
            for q in _QUOTE.finditer(para):
                spans.append((start + q.start(), start + q.end()))
    return spans


def _is_analyst_sentence(s: Sentence, in_sent: Sequence[Mention], spans: list[tuple[int, int]]) -> bool:
    if any(_is_analyst(m) for m in in_sent):
        return True
    if any(a <= s.start < b or a < s.end <= b for a, b in spans):
        return True
    if _ANALYST_WORDS.search(s.text):
        words = {w.lower().strip(".,;:") for w in s.text.split()}
        if words & ({*SPEECH, "says", "said", "believes", "believe", "according", "think", "thinks"}):
            return True
    return False
