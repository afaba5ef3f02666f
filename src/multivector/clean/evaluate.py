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
