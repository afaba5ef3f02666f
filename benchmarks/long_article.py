"""Coding time against article length: one article of 0.25 to 4 MB must cost time linear in its size.

A probe once found 17 / 36 / 98 / 412 s for 0.25 / 0.5 / 1 / 2 MB (a linear scan per mention when moving
mentions to article offsets). This prints seconds and seconds per MB for each size; the per-MB cost of the
largest size over the smallest is the number to watch (≈ 1 when linear, ≈ 8 for the old quadratic step).

    python benchmarks/long_article.py [MAX_MB] [--one-line]

``--one-line`` writes the same words as one line without a full stop (a scraped page that lost its
punctuation, a 5 MB single-line text): sentence splitting must still hand the parser pieces of bounded
length. Events are coded from the first 2,000,000 characters only (``MAX_CODED_CHARS``), so the 4 MB
row codes 2 MB of it.
"""

from __future__ import annotations

import sys
import time

from multivector.coding.api import code_article
from multivector.records import Article

PARAGRAPH = (
    "Belarus and Kazakhstan signed a memorandum on grain transit in Astana on Tuesday, and the two "
    "ministers agreed to meet again in the spring. Poland criticised the plan, while the European Union "
    "said it would study the terms before taking a position. Officials in Minsk described the talks as "
    "constructive and promised more consultations with partners in the region.\n\n"
)


def article(megabytes: float, one_line: bool = False) -> Article:
    reps = int(megabytes * 1_000_000 / len(PARAGRAPH)) + 1
    text = PARAGRAPH * reps
    if one_line:
        text = " ".join(text.replace(".", " ").replace(",", " ").split())
    return Article(f"long{megabytes}", "Long", "2024-03-05", "day", "en", None, "bench", 0, text)


def main(max_mb: float = 4.0, one_line: bool = False) -> None:
    code_article(article(0.01, one_line))  # load the model and the dictionaries outside the timings
    sizes = [s for s in (0.25, 0.5, 1.0, 2.0, 4.0) if s <= max_mb]
    rows = []
    for mb in sizes:
        art = article(mb, one_line)
        t = time.perf_counter()
        events = code_article(art)[0]
        dt = time.perf_counter() - t
        rows.append((mb, dt, dt / mb, len(events)))
        print(f"{mb:5.2f} MB  {dt:7.1f} s  {dt / mb:6.1f} s/MB  {len(events):6d} events", flush=True)
    ratio = rows[-1][2] / rows[0][2]
    print(f"per-MB cost, {rows[-1][0]:g} MB over {rows[0][0]:g} MB: {ratio:.2f} (1 = linear)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(float(args[0]) if args else 4.0, "--one-line" in sys.argv)
