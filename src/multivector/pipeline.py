"""Compose the stages (read → clean → store) over streams, reporting bad inputs without stopping.

The pipeline never holds a corpus in memory: documents flow one at a time from the readers, and
articles are written to the store in fixed-size batches.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import BinaryIO

from multivector.errors import InputError, MultivectorError, internal_error
from multivector.records import Article

log = logging.getLogger(__name__)

BATCH_SIZE = 500


@lru_cache(maxsize=1)
def _clean_fingerprint() -> str:
    """Identity of the cleaning code and its phrase lists: cached cleaning results live while it holds."""
    from multivector.nlp.cache import package_fingerprint

    return package_fingerprint("clean-1", ("multivector.clean",), (".yaml",))


def _clean_key(doc) -> str:
    from multivector.nlp.cache import content_key

    meta = json.dumps(
        [doc.kind, doc.url, doc.title, doc.date, doc.lang, doc.doc_id, doc.extra], sort_keys=True, default=str
    )
    return content_key("clean", _clean_fingerprint(), doc.source_path, meta, doc.content)


def extract_articles(
    paths: Iterable[str], *, stdin: BinaryIO | None = None, cache=None
) -> Iterator[Article | InputError]:
    """Read and clean every input; yield articles, and an InputError for each input that failed.

    ``part`` is renumbered per source file so that a JSONL line, a WARC record or the second of two
    glued articles each get a distinct, stable position within their file. With ``cache`` (a
    :class:`multivector.nlp.ResultCache`), the cleaning of an unchanged document is looked up by the
    hash of its content, which makes re-running a corpus cost little more than reading it.
    """
    from multivector.clean import clean_document
    from multivector.sources import iter_documents

    parts: dict[str, int] = {}
    for item in iter_documents(paths, stdin=stdin):
        if isinstance(item, InputError):
            yield item
            continue
        key = _clean_key(item) if cache is not None else None
        try:
            articles = cache.get(key) if key is not None else None
            if articles is None:
                articles = clean_document(item)
                if key is not None:
                    cache.put(key, articles)
        except MultivectorError as exc:
            yield InputError(item.source_path, str(exc))
            continue
        except Exception as exc:  # a cleaning bug on one input must not sink the batch
            yield internal_error(item.source_path, f"cleaning document {item.index}", exc)
            continue
        for art in articles:
            art.part = parts.get(item.source_path, 0)
            parts[item.source_path] = art.part + 1
            yield art


@dataclass
class IngestReport:
    """What an ingest run did, for the CLI summary and for tests."""

    articles: int = 0
    added: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    errors: list[InputError] = field(default_factory=list)


def ingest(
    paths: Iterable[str],
    store,
    *,
    stdin: BinaryIO | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Extract articles from ``paths`` and add them to ``store`` batch by batch (each batch atomic)."""
    report = IngestReport()
    for batch in _article_batches(paths, report, stdin=stdin, on_error=on_error, batch_size=batch_size):
        _store_batch(store, batch, report)
        if on_progress:
            on_progress(len(batch))
    return report


def _article_batches(
    paths: Iterable[str],
    report: IngestReport,
    *,
    stdin: BinaryIO | None,
    on_error: Callable[[InputError], None] | None,
    batch_size: int,
    cache=None,
) -> Iterator[list[Article]]:
    """Extracted articles in batches; bad inputs are recorded in ``report`` (and passed to ``on_error``)."""
    batch: list[Article] = []
    for item in extract_articles(paths, stdin=stdin, cache=cache):
        if isinstance(item, InputError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        report.articles += 1
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _store_batch(store, batch: list[Article], report: IngestReport) -> None:
    res = store.add_articles(batch)
    report.added += res.added
    report.exact_duplicates += res.exact_duplicates
    report.near_duplicates += res.near_duplicates


@dataclass
class RunReport(IngestReport):
    """An ingest report plus what coding did."""

    coded: int = 0
    skipped_coded: int = 0
    events: int = 0
    mentions: int = 0
    facts: int = 0
    #: articles coded in this run whose language has no event patterns yet, by language
    uncoded_languages: Counter = field(default_factory=Counter)
    #: source paths of articles whose events were coded from their first MAX_CODED_CHARS only
    cut_articles: list[str] = field(default_factory=list)


@dataclass
class CodedBatch:
    """Coded results of several articles, written in one transaction with their ``coded`` marks."""

    ids: list[str] = field(default_factory=list)
    events: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    facts: list = field(default_factory=list)

    def add(self, article_id: str, result) -> None:
        evs, mens, fcts = result
        self.ids.append(article_id)
        self.events.extend(evs)
        self.mentions.extend(mens)
        self.facts.extend(fcts)

    def write(self, store, coder: str, report: RunReport) -> None:
        """Swap the rows in (nothing to do when empty), count them in ``report``, and start afresh."""
        if not self.ids:
            return
        report.events += store.replace_coded(self.ids, coder, self.mentions, self.events, self.facts)
        report.coded += len(self.ids)
        report.mentions += len(self.mentions)
        report.facts += len(self.facts)
        self.ids, self.events, self.mentions, self.facts = [], [], [], []


#: languages with event patterns; other articles get actor mentions only (and a notice per run)
CODED_LANGUAGES = frozenset({"en", "ru"})


def count_uncoded_language(counts: Counter, article: Article) -> None:
    """Count ``article`` when its language has no event patterns (for :func:`language_notice`)."""
    if article.lang not in CODED_LANGUAGES:
        counts[article.lang or "other"] += 1


def note_article(report: RunReport, article: Article) -> None:
    """Count what the run's notices report about a coded article (its language, its length)."""
    from multivector.coding.api import MAX_CODED_CHARS

    count_uncoded_language(report.uncoded_languages, article)
    if len(article.text) > MAX_CODED_CHARS:
        report.cut_articles.append(article.source_path)


def language_notice(counts: Counter) -> str | None:
    """One line naming the articles whose events were not coded for their language, or None."""
    if not counts:
        return None
    parts = ", ".join(f"{lang} {n}" for lang, n in counts.most_common())
    total = sum(counts.values())
    return (
        f"{total} article(s) in languages whose events are not coded yet: {parts} "
        "(actors are resolved and stored; events are coded from English and Russian text)"
    )


def cut_notice(paths: list[str]) -> str | None:
    """One line naming the articles too long to code whole, or None."""
    from multivector.coding.api import MAX_CODED_CHARS

    if not paths:
        return None
    shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
    return (
        f"{len(paths)} article(s) longer than {MAX_CODED_CHARS:,} characters: events were coded from "
        f"their first {MAX_CODED_CHARS:,} only, the whole text is stored ({shown})"
    )


def run(
    paths: Iterable[str],
    store,
    *,
    stdin: BinaryIO | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    cache=None,
    resolver=None,
    recode: bool = False,
) -> RunReport:
    """Ingest ``paths`` and code every stored article among them: the whole pipeline, streaming.

    Articles are stored in batches as they are read; those not yet coded by this coder (same code,
    patterns and actor data) flow into one streaming coder (one worker pool for the whole run), and
    their results are written every ``batch_size`` articles, each write one transaction together with
    the articles' ``coded`` marks. Re-running is idempotent and cheap; an interrupted run resumes;
    ``recode`` codes everything again (e.g. after adding actors with a user file).
    """
    from multivector.coding import code_articles
    from multivector.coding.api import coder_id

    coder = coder_id(resolver)
    report = RunReport()
    queued: set[str] = set()  # ids sent to the coder in this run: a copy later in the input is not recoded

    def store_batch(batch: list[Article]) -> list[Article]:
        _store_batch(store, batch, report)
        unique = [a for a in {a.id: a for a in batch}.values() if a.id not in queued]
        ids = [a.id for a in unique]
        todo = set(ids) if recode else store.uncoded(ids, coder)
        report.skipped_coded += len(unique) - len(todo)
        queued.update(todo)
        if on_progress:
            on_progress(len(batch))
        return [a for a in unique if a.id in todo]

    def to_code() -> Iterator[Article]:
        for batch in _article_batches(
            paths, report, stdin=stdin, on_error=on_error, batch_size=batch_size, cache=cache
        ):
            yield from store_batch(batch)

    coded = CodedBatch()
    for art, result in code_articles(to_code(), resolver=resolver, cache=cache, n_process=n_process):
        note_article(report, art)
        coded.add(art.id, result)
        if len(coded.ids) >= batch_size:
            coded.write(store, coder, report)
    coded.write(store, coder, report)
    return report
