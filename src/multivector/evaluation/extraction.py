"""Extraction quality the way the article-extraction benchmark defines it: word 4-gram shingle F1.

Each page weighs the same: per page, the shingle-multiset overlap (TP), excess (FP) and deficit (FN)
are normalised by their sum before being added up; precision, recall and F1 come from the totals.
"""

from __future__ import annotations

import gzip
import json
import re
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def page_counts(pred: str, gold: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page; a page where both are empty counts as perfect."""
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (1.0, 0.0, 0.0) if total == 0 else (tp / total, fp / total, fn / total)


def shingle_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall and F1 over (predicted, gold) text pairs."""
    tp = fp = fn = 0.0
    for pred, gold in pairs:
        a, b, c = page_counts(pred, gold)
        tp, fp, fn = tp + a, fp + b, fn + c
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(pairs)}


def benchmark_pages(corpus: Path) -> Iterator[tuple[str, str, str, str]]:
    """(item id, html, url, gold articleBody) for every page of the article-extraction benchmark."""
    with gzip.open(corpus / "ground-truth.json.gz", "rt", encoding="utf-8") as fh:
        gold = json.load(fh)
    with tarfile.open(corpus / "html.tar") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".html.gz"):
                continue
            item = Path(member.name).name[: -len(".html.gz")]
            if item not in gold:
                continue
            raw = gzip.decompress(tar.extractfile(member).read())  # type: ignore[union-attr]
            yield (
                item,
                raw.decode("utf-8", errors="replace"),
                gold[item].get("url"),
                gold[item]["articleBody"],
            )


def evaluate_extraction(corpus: Path) -> dict[str, float]:
    """Run our HTML cleaning over the benchmark pages and score it; a page we reject scores as empty."""
    from multivector.clean import clean_document
    from multivector.errors import MultivectorError
    from multivector.records import RawDocument

    pairs = []
    for item, html, url, body in benchmark_pages(corpus):
        try:
            arts = clean_document(RawDocument(source_path=item, content=html, kind="html", url=url))
            text = "\n".join(a.text for a in arts)
        except MultivectorError:
            text = ""
        pairs.append((text, body))
    return shingle_scores(pairs)


def date_pages(corpus: Path) -> Iterator[tuple[str, str, str, str]]:
    """(file name, html, url, gold date) for every trafilatura-eval page whose gold metadata has a date.

    Pages are decoded the way trafilatura decodes files (declared or detected charset), as a reader
    of raw HTML bytes would.
    """
    from trafilatura.utils import decode_file

    with gzip.open(corpus / "evaldata.json.gz", "rt", encoding="utf-8") as fh:
        gold = json.load(fh)
    wanted = {v["file"]: (url, v["date"]) for url, v in gold.items() if v.get("date")}
    seen: set[str] = set()
    with tarfile.open(corpus / "html-pages.tar.gz") as tar:
        for member in tar:
            name = Path(member.name).name
            if not member.isfile() or name not in wanted or name in seen:
                continue
            seen.add(name)
            raw = tar.extractfile(member).read()  # type: ignore[union-attr]
            url, day = wanted[name]
            yield name, decode_file(raw), url, day


def _days_apart(a: str, b: str) -> int | None:
    from datetime import date

    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def evaluate_dates(corpus: Path, every: int = 1) -> dict[str, float]:
    """Publication-date accuracy of our HTML cleaning on the trafilatura-eval pages with a gold date.

    ``accuracy``: the day matches exactly; ``within_1_day``: off by at most one day (time-zone
    shifts between the page's timestamp and the annotator's calendar); ``undated``: share of pages
    we leave without a date (allowed: no date is better than an invented one); ``wrong``: share dated
    but not within a day. Only day-precision answers can match a day-precision gold date. ``every=n``
    scores every n-th page only (a fixed subset, for a quicker test gate).
    """
    from multivector.clean import clean_document
    from multivector.errors import MultivectorError
    from multivector.records import RawDocument

    exact = near = undated = pages = 0
    for k, (name, html, url, gold) in enumerate(date_pages(corpus)):
        if k % every:
            continue
        pages += 1
        try:
            arts = clean_document(RawDocument(source_path=name, content=html, kind="html", url=url))
            found = arts[0].date if arts[0].date_precision == "day" else None
        except MultivectorError:
            found = None
        if found is None:
            undated += 1
            continue
        gap = _days_apart(found, gold)
        exact += found == gold
        near += gap is not None and gap <= 1
    n = max(pages, 1)
    return {
        "accuracy": exact / n,
        "within_1_day": near / n,
        "undated": undated / n,
        "wrong": (pages - undated - near) / n,
        "pages": pages,
    }
