"""Small typed records that flow between the pipeline stages.

Plain dataclasses keep them cheap to create by the million and trivial to turn into Arrow rows
(``dataclasses.asdict``) for the store and into JSON for the CLI.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class RawDocument:
    """One unit read from an input before cleaning: a file, a feed item, a WARC record, a JSONL line.

    ``kind`` says how ``content`` should be interpreted ("text" or "html"); metadata found by the
    reader (feed title, JSONL date …) rides along and wins over what cleaning would guess.
    """

    source_path: str
    content: str
    kind: str = "text"
    url: str | None = None
    title: str | None = None
    date: str | None = None
    lang: str | None = None
    doc_id: str | None = None
    index: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    """A clean article: the unit that gets an id, a date and events."""

    id: str
    title: str | None
    date: str | None
    date_precision: str | None
    lang: str
    url: str | None
    source_path: str
    part: int
    text: str
    duplicate_of: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Mention:
    """An actor mention: a span of article text resolved (or not) to a coded actor."""

    text: str
    start: int
    end: int
    actor_id: str | None
    name: str | None
    country: str
    agent: str
    alignment: str | None = None
    confidence: float = 0.0
    article_id: str | None = None
    #: how the actor was found when the words are not its name: "speaker:tag Vladimir Putin",
    #: "anaphor:they", "relative:which", "member" … (empty for a mention naming the actor)
    via: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """Who did what to whom, when, with the sentence that says so."""

    event_id: str
    article_id: str | None
    date: str | None
    source: Mention
    target: Mention | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    negated: bool
    modality: str
    sentence: str
    span: tuple[int, int]
    trigger: str
    pattern_id: str | None = None
    #: probability that source, target and polarity are right (calibrated on the official-text dev
    #: set; see ``coding/data/confidence.yaml``); None when no model scored it (kept by analyses)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass(slots=True)
class Fact:
    """A quantitative statement (trade value, share, count) with its unit and owners."""

    article_id: str | None
    kind: str
    value: float
    unit: str | None
    currency: str | None
    period: str | None
    actors: list[str]
    sentence: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d
