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
