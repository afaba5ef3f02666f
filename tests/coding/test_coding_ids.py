"""Event ids are unique within an article, also when one trigger word occurs twice in a sentence."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from multivector.coding import code_articles
from multivector.records import Article


def test_event_ids_are_unique_in_real_articles(corpora_dir: Path):
    # a BBC business article whose sentence has "buy" twice with one source once gave two events one id
    path = corpora_dir / "bbc-news-2225" / "bbc-news-2225.jsonl.gz"
    wanted = {"bbc-business-220"} | {f"bbc-politics-{i:03d}" for i in range(1, 418, 20)}
    arts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in wanted:
                arts.append(Article(r["id"], r["title"], None, None, "en", None, r["id"], 0, r["text"]))
    assert len(arts) == len(wanted)
    for art, (events, _m, _f) in code_articles(arts):
        twice = [k for k, n in Counter(e.event_id for e in events).items() if n > 1]
        assert not twice, (art.id, twice)
