"""Where the gold corpora live: every path the evaluation reads, relative to ``../shared/corpora``.

The corpora are public data kept beside the project, never copied into it; a suite whose corpus is
missing reports nothing rather than a number from somewhere else.
"""

from __future__ import annotations

from pathlib import Path

PLOVER_GSR = Path("plover-gsr") / "PLOVER_GSR_CAMEO.json"
CONFLIBERT_CLASS = Path("conflibert-cameo") / "cameo_class"
UNIVERSALPETRARCH = Path("universalpetrarch-validation") / "PETR2_GSR_validation.jsonl"
NGEC_ACTORS = Path("ngec-plover") / "ngec_actor_resolution_cases.jsonl"
BSNLP = Path("bsnlp-ru-uk-news") / "bsnlp-ru-uk.jsonl.gz"
BBC = Path("bbc-news-2225") / "bbc-news-2225.jsonl.gz"
EXTRACTION = Path("article-extraction-benchmark")
TRAFILATURA_EVAL = Path("trafilatura-eval")
BBN = Path("bbn-accent-dedup")
RUSENTREL = Path("rusentrel")
PRESS_RELEASES = Path("kremlin-zelenskyy-press-2021-22") / "press-releases.jsonl.gz"
UNGA_SPEECHES = Path("un-general-debates") / "ungdc-1946-2024.jsonl.gz"
UNGA_IDEAL_POINTS = Path("unga-votes") / "ideal_points_july2025.csv"


def shared_dir() -> Path | None:
    """``../shared`` beside a source checkout (the project folder's parent), or beside the working
    directory or one of its parents, when it exists."""
    here = Path(__file__).resolve()
    cwd = Path.cwd()
    for base in (*here.parents, cwd, *cwd.parents):
        candidate = base / "shared"
        if (candidate / "corpora").is_dir():
            return candidate
    return None


def default_corpora() -> Path | None:
    """``../shared/corpora``, or None when this machine has no copy."""
    shared = shared_dir()
    return shared / "corpora" if shared else None
