"""Russian coding speed on the 73 RuSentRel articles, next to natasha's bare syntax + NER pass.

The baseline is what any Russian pipeline pays at least: razdel segmentation, slovnet morphology, syntax
and NER over the same texts, in the same process and run. multivector adds actor resolution (its own NER
pass and dictionary lookup), pattern matching and event building. Printed: seconds, articles/s and the
ratio (multivector over bare natasha), then peak memory after 1× and 2× the corpus (it must stay flat:
articles are coded one by one and nothing per article is kept).

    python benchmarks/russian_bench.py [../shared/corpora]
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from multivector.coding.api import code_article
from multivector.evaluation.russian import rusentrel_text
from multivector.nlp.russian import russian_models
from multivector.records import Article


def texts(corpora: Path) -> list[str]:
    out = []
    for split in ("train", "test"):
        for p in sorted((corpora / "rusentrel" / split).glob("art*.txt")):
            if p.stem[3:].isdigit():
                out.append(rusentrel_text(corpora, f"{split}/{p.stem}"))
    return out


def bare(docs: list[str]) -> float:
    from natasha import Doc

    m = russian_models()
    t = time.perf_counter()
    for text in docs:
        d = Doc(text)
        d.segment(m.segmenter)
        d.tag_morph(m.morph)
        d.parse_syntax(m.syntax)
        d.tag_ner(m.ner)
    return time.perf_counter() - t


def ours(docs: list[str], rounds: int = 1) -> tuple[float, int]:
    t = time.perf_counter()
    n = 0
    for r in range(rounds):
        for k, text in enumerate(docs):
            art = Article(f"r{r}-{k}", None, "2016-06-01", "day", "ru", None, "bench", 0, text)
            n += len(code_article(art)[0])
    return time.perf_counter() - t, n


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(corpora: Path) -> None:
    docs = texts(corpora)
    code_article(Article("warm", None, None, None, "ru", None, "bench", 0, "Москва поддержала Минск."))
    base = bare(docs)
    mine, events = ours(docs)
    mem1 = peak_mb()
    ours(docs, rounds=2)
    mem2 = peak_mb()
    n = len(docs)
    print(f"articles {n}, {sum(map(len, docs)) / 1e6:.2f} MB, {events} events")
    print(f"natasha syntax+NER   {base:6.1f} s  {n / base:5.2f} articles/s")
    print(f"multivector coding   {mine:6.1f} s  {n / mine:5.2f} articles/s  ratio {mine / base:.2f}")
    print(f"peak memory after 1x / 3x the corpus: {mem1:.0f} / {mem2:.0f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/corpora"))
