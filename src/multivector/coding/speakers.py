"""Who is speaking at each point of a document, so that "we", "I" and "our" get the right actor.

Official text carries its speaker in three ways, read here in order of strength:

1. a **quotation** with its attribution (``"…," the minister said`` / ``X said: "…"``);
2. a **turn tag** of a transcript (``Vladimir Putin: …`` up to the next tag);
3. the **document's own voice**: an input field (JSONL ``speaker_country`` / ``speaker``), a title that
   announces a text by someone (``Address by the President of Ukraine …``), or the official site it
   comes from (a page of ``kremlin.ru`` speaks for Russia).

A first-person word is the voice of the innermost of these that covers it. A voice can be known to be
unknown (a tag naming a journalist, a quotation of an unnamed person): then the first person stays
unresolved instead of falling back to the nearest name, which is how such words went wrong before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml

from multivector.errors import DataError
from multivector.records import Article, Mention


@dataclass(frozen=True, slots=True)
class Voice:
    """An actor speaking; ``how`` says which evidence named it (field, title, site, tag, quote)."""

    actor_id: str | None
    name: str | None
    country: str
    agent: str
    alignment: str | None
    how: str
    evidence: str = ""

    def mention(
        self, text: str, start: int, end: int, article_id: str | None, agent: str | None = None
    ) -> Mention:
        """The voice as the actor of a first-person word; ``agent`` overrides ("our armed forces")."""
        return Mention(
            text,
            start,
            end,
            self.actor_id,
            self.name,
            self.country,
            self.agent if agent is None else agent,
            self.alignment,
            0.9 if self.how in ("field", "tag") else 0.8,
            article_id,
            f"speaker:{self.how} {self.evidence}".strip(),
        )


@dataclass(frozen=True, slots=True)
class SpeakerTable:
    sites: dict[str, str]
    title_openers: tuple[str, ...]
    house_titles: frozenset[str]
    non_speakers: frozenset[str]
    dialogue_cues: tuple[str, ...] = ()
    own_security_council: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def speaker_table() -> SpeakerTable:
    """The packaged ``data/speakers.yaml``, validated: a malformed file is a load error, not a guess."""
    raw = yaml.safe_load(
        resources.files("multivector.coding").joinpath("data/speakers.yaml").read_text("utf-8")
    )
    if not isinstance(raw, dict):
        raise DataError("speakers.yaml: expected a mapping")
    sites = raw.get("sites") or {}
    if not isinstance(sites, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.isupper() for k, v in sites.items()
    ):
        raise DataError("speakers.yaml: 'sites' must map host names to upper-case actor codes")
    councils = raw.get("own_security_council") or []
    if not isinstance(councils, list) or not all(isinstance(v, str) and v.isupper() for v in councils):
        raise DataError("speakers.yaml: 'own_security_council' must be a list of upper-case country codes")
    lists = {}
    for key in ("title_openers", "house_titles", "non_speakers", "dialogue_cues"):
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise DataError(f"speakers.yaml: {key!r} must be a list of words")
        lists[key] = [v.strip().lower() for v in value]
    return SpeakerTable(
        {k.lower(): v for k, v in sites.items()},
        tuple(sorted(lists["title_openers"], key=len, reverse=True)),
        frozenset(lists["house_titles"]),
        frozenset(lists["non_speakers"]),
        tuple(lists["dialogue_cues"]),
        frozenset(councils),
    )


# ---------------------------------------------------------------------------------------------- voices
def country_voice(code: str, resolver: Any, how: str, evidence: str = "") -> Voice:
    """The government of a state (or an organisation) given by its code."""
    actors = getattr(getattr(resolver, "data", None), "actors", {}) or {}
    actor = actors.get(code)
    if actor is None:
        return Voice(code, code, code, "GOV", None, how, evidence)
    igo = actor.country == "IGO"
    return Voice(code, actor.name, actor.country, "" if igo else "GOV", actor.alignment, how, evidence)


def _phrase_voice(phrase: str, resolver: Any, date: str | None, how: str) -> Voice | None:
    if resolver is None:
        return None
    m = resolver.resolve_phrase(phrase, date)
    if not m.country:
        return None
    return Voice(m.actor_id, m.name, m.country, m.agent or "GOV", m.alignment, how, phrase)


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return ""


def site_code(*hints: str | None) -> str | None:
    """The actor whose official site a URL (or a source label naming the host) belongs to."""
    sites = speaker_table().sites
    for hint in hints:
        if not hint:
            continue
        url_like = "://" in hint or hint.lower().startswith("www.")
        hosts = [_host(hint)] if url_like else re.findall(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", hint.lower())
        for host in hosts:
            parts = host.split(".")
            for i in range(len(parts) - 1):
                code = sites.get(".".join(parts[i:]))
                if code:
                    return code
    return None


_BY = re.compile(r"\bby\s+(.+?)(?=\s*(?:[:;,(–—]| at | to | on | in | during | before | after |$))", re.I)


def title_voice(title: str | None, resolver: Any, date: str | None) -> Voice | None:
    """``Address by the President of Ukraine to …`` → the president; other titles name no speaker."""
    if not title:
        return None
    low = title.strip().lower()
    if not any(low.startswith(w) for w in speaker_table().title_openers):
        return None
    m = _BY.search(title)
    return _phrase_voice(m.group(1), resolver, date, "title") if m else None


def document_voice(article: Article, resolver: Any, speaker: str | None = None) -> Voice | None:
    """The document's own voice: an explicit speaker, its title, or the official site it comes from."""
    extra = article.extra or {}
    if speaker:
        return country_voice(speaker.strip().upper(), resolver, "field", "speaker")
    named = extra.get("speaker")
    if isinstance(named, str) and named.strip():
        voice = _phrase_voice(named.strip(), resolver, article.date, "field")
        if voice is not None:
            return voice
    voice = title_voice(article.title, resolver, article.date)
    if voice is not None:
        return voice
    source = extra.get("source") if isinstance(extra.get("source"), str) else None
    code = site_code(article.url, source)
    if code:
        return country_voice(code, resolver, "site", _host(article.url) or (source or ""))
    return None


# ---------------------------------------------------------------------------------------------- turns
#: a transcript turn tag: a short capitalised label and a colon at the start of a line or sentence
_TAG = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?…»”\"]\s)|(?<=[.!?…]\s\s))"
    r"(?P<label>[A-ZА-ЯЁІЇЄ][^\s:.!?\"“”«»]*(?:[ \t]+[^\s:!?\"“”«»]+){0,8}?)[ \t]*:[ \t]+(?=\S)"
)
_SMALL = {
    "of",
    "the",
    "and",
    "for",
    "on",
    "de",
    "von",
    "van",
    "al",
    "bin",
    "da",
    "du",
    "la",
    "le",
    "–",
    "-",
    "—",
}
_SMALL |= {"и", "по", "при", "в"}


def _looks_like_label(label: str) -> bool:
    words = label.split()
    if not words or len(words) > 9 or any(ch.isdigit() for ch in label):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL for w in words)


@dataclass(frozen=True, slots=True)
class Turn:
    start: int
    end: int
    voice: Voice | None


def turns(text: str, resolver: Any, date: str | None, house: Voice | None) -> list[Turn]:
    """Transcript turns from their tags; text before the first tag is not a turn (the document's voice
    covers it). An unknown label still opens a turn: its speaker is unknown, not the previous one."""
    table = speaker_table()
    cuts: list[tuple[int, int, Voice | None]] = []
    for m in _TAG.finditer(text):
        label = m.group("label").strip()
        if not _looks_like_label(label):
            continue
        low = label.lower()
        if low in table.non_speakers:
            voice = None
        elif low in table.house_titles or low.removeprefix("the ") in table.house_titles:
            voice = house
        else:
            voice = _phrase_voice(label, resolver, date, "tag")
            if voice is None and len(label.split()) < 2:
                continue  # one unknown capitalised word ("Summary:") is no speaker tag
        cuts.append((m.start(), m.end(), voice))
    out = []
    for i, (a, _, voice) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        out.append(Turn(a, end, voice))
    return out


# ---------------------------------------------------------------------------------------------- quotes
_SPEECH = (
    r"said|says|say|stated|states|stressed|stresses|noted|notes|added|adds|emphasi[sz]ed|declared|"
    r"continued|explained|remarked|underlined|underscored|pointed out|wrote|writes|told [\w ]{1,30}?|"
    r"recalled|insisted|concluded|announced|warned|replied|answered|asked"
)
_AFTER = re.compile(
    rf"\s*[,.!?…]?\s*(?:(?:{_SPEECH})\s+(?P<n1>[^,.;:!?\"“”«»\n]{{2,80}}?)|"
    rf"(?P<n2>[^,.;:!?\"“”«»\n]{{2,80}}?)\s+(?:{_SPEECH}))(?=\s*(?:[,.;:!?]|$)|\s+(?:on|in|at|during|after|that|when|while)\b)"
)
_BEFORE = re.compile(
    rf"(?P<n>[^.!?\"“”«»\n]{{2,100}}?)\s+(?:{_SPEECH})(?:\s+that)?\s*[,:]?\s*$|(?P<t>[^.!?\"“”«»\n]{{2,80}}):\s*$"
)
_QUOTE = re.compile(r"“[^“”]{2,}?”|«[^«»]{2,}?»|\"[^\"]{2,}?\"")
_PRONOUN_SPEAKERS = {"he", "she", "they", "it", "we", "i"}


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    voice: Voice | None
    attributed: bool


def _name_voice(
    phrase: str, resolver: Any, date: str | None, house: Voice | None
) -> tuple[bool, Voice | None]:
    """(attributed, voice) for the words around a speech verb."""
    phrase = re.sub(r"^(?:and|but|as|while|then)\s+", "", phrase.strip(), flags=re.I)
    low = phrase.lower()
    if not phrase or low in _PRONOUN_SPEAKERS:
        return (bool(phrase), None)
    table = speaker_table()
    if low in table.house_titles or low.removeprefix("the ") in table.house_titles:
        return True, house
    return True, _phrase_voice(phrase, resolver, date, "quote")


def quotes(text: str, resolver: Any, date: str | None, house: Voice | None) -> list[Quote]:
    """Quotations with the speaker their attribution names (after or before the quotation)."""
    out = []
    for q in _QUOTE.finditer(text):
        attributed, voice = False, None
        after = _AFTER.match(text, q.end(), min(len(text), q.end() + 120))
        if after:
            attributed, voice = _name_voice(
                after.group("n1") or after.group("n2") or "", resolver, date, house
            )
        if not attributed:
            before = _BEFORE.search(text, max(0, q.start() - 160), q.start())
            if before:
                phrase = before.group("n") or before.group("t") or ""
                attributed, voice = _name_voice(phrase, resolver, date, house)
        out.append(Quote(q.start(), q.end(), voice, attributed))
    return out


# ---------------------------------------------------------------------------------------------- map
class SpeakerMap:
    """Answers "who speaks at character offset p" for one article."""

    def __init__(self, house: Voice | None, turn_list: list[Turn], quote_list: list[Quote]) -> None:
        self.house = house
        self.turns = turn_list
        self.quotes = quote_list
        self._turn_starts = [t.start for t in turn_list]
        self._quote_starts = [q.start for q in quote_list]

    def at(self, pos: int) -> Voice | None:
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and pos < self.quotes[i].end and self.quotes[i].attributed:
            return self.quotes[i].voice
        j = bisect.bisect_right(self._turn_starts, pos) - 1
        if j >= 0 and pos < self.turns[j].end:
            return self.turns[j].voice
        return self.house

    @property
    def empty(self) -> bool:
        return self.house is None and not self.turns and not self.quotes


def speaker_map(text: str, date: str | None, resolver: Any, house: Voice | None) -> SpeakerMap:
    """Turns and quotations of ``text`` around the document's voice ``house``."""
    return SpeakerMap(house, turns(text, resolver, date, house), quotes(text, resolver, date, house))
