"""Compose the stages (read → clean → store) over streams, reporting bad inputs without stopping.

The pipeline never holds a corpus in memory: documents flow one at a time from the readers, and
articles are written to the store in fixed-size batches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from multivector.errors import InputError, MultivectorError
from multivector.records import Article

log = logging.getLogger(__name__)

BATCH_SIZE = 500


def extract_articles(
    paths: Iterable[str], *, stdin: BinaryIO | None = None
) -> Iterator[Article | InputError]:
    """Read and clean every input; yield articles, and an InputError for each input that failed.

    ``part`` is renumbered per source file so that a JSONL line, a WARC record or the second of two
    glued articles each get a distinct, stable position within their file.
    """
    from multivector.clean import clean_document
    from multivector.sources import iter_documents

    parts: dict[str, int] = {}
    for item in iter_documents(paths, stdin=stdin):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            articles = clean_document(item)
        except MultivectorError as exc:
            yield InputError(item.source_path, str(exc))
            continue
        except Exception as exc:  # a cleaning bug on one input must not sink the batch
            log.debug("cleaning failed", exc_info=True)
            yield InputError(item.source_path, f"could not clean document {item.index}: {exc!r}")
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
    batch: list[Article] = []

    def flush() -> None:
        if not batch:
            return
        res = store.add_articles(batch)
        report.added += res.added
        report.exact_duplicates += res.exact_duplicates
        report.near_duplicates += res.near_duplicates
        if on_progress:
            on_progress(len(batch))
        batch.clear()

    for item in extract_articles(paths, stdin=stdin):
        if isinstance(item, InputError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        report.articles += 1
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return report


@dataclass
class RunReport(IngestReport):
    """An ingest report plus what coding did."""

    coded: int = 0
    skipped_coded: int = 0
    events: int = 0
    mentions: int = 0
    facts: int = 0


def code_stored(
    store,
    articles: list[Article],
    *,
    coder: str,
    resolver=None,
    cache=None,
    n_process: int = 1,
    recode: bool = False,
) -> tuple[int, int, int, int]:
    """Code those of ``articles`` the store has not coded with this ``coder``, and store the results.

    Returns (articles coded, events, mentions, facts). Each call writes one transaction, so an
    interruption loses at most this chunk, which the next run codes again.
    """
    from multivector.coding import code_articles

    unique = list({a.id: a for a in articles}.values())
    todo_ids = {a.id for a in unique} if recode else store.uncoded([a.id for a in unique], coder)
    todo = [a for a in unique if a.id in todo_ids]
    if not todo:
        return 0, 0, 0, 0
    events, mentions, facts = [], [], []
    for _art, (evs, mens, fcts) in code_articles(todo, resolver=resolver, cache=cache, n_process=n_process):
        events.extend(evs)
        mentions.extend(mens)
        facts.extend(fcts)
    written = store.replace_coded([a.id for a in todo], coder, mentions, events, facts)
    return len(todo), written, len(mentions), len(facts)


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

    Articles are stored and coded chunk by chunk. Articles already coded by the same coder (same code,
    patterns and actor data) are skipped, so re-running is idempotent and cheap; ``recode`` forces
    coding again (e.g. after adding actors with a user file).
    """
    from multivector.coding.api import coder_id

    coder = coder_id()
    report = RunReport()
    batch: list[Article] = []

    def flush() -> None:
        if not batch:
            return
        res = store.add_articles(batch)
        report.added += res.added
        report.exact_duplicates += res.exact_duplicates
        report.near_duplicates += res.near_duplicates
        coded, events, mentions, facts = code_stored(
            store, batch, coder=coder, resolver=resolver, cache=cache, n_process=n_process, recode=recode
        )
        report.coded += coded
        report.skipped_coded += len({a.id for a in batch}) - coded
        report.events += events
        report.mentions += mentions
        report.facts += facts
        if on_progress:
            on_progress(len(batch))
        batch.clear()

    for item in extract_articles(paths, stdin=stdin):
        if isinstance(item, InputError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        report.articles += 1
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return report
