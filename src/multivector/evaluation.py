"""One place that reproduces every measured-quality number of the README from the shared gold corpora.

The tests gate the same functions; `multivector evaluate` prints them as one table so anyone can check
the README against a run of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

SUITES = ("coding", "official", "russian", "actors", "extraction", "stories", "unga")


def shared_dir() -> Path | None:
    """``../shared`` beside a source checkout (the project folder's parent), when it exists."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "shared"
        if (candidate / "corpora").is_dir():
            return candidate
    cwd = Path.cwd()
    for base in (cwd, *cwd.parents):
        candidate = base / "shared"
        if (candidate / "corpora").is_dir():
            return candidate
    return None


def default_corpora() -> Path | None:
    shared = shared_dir()
    return shared / "corpora" if shared else None


Row = dict[str, Any]


def _row(suite: str, data: str, metric: str, value: float, n: int | None) -> Row:
    return {"suite": suite, "data": data, "metric": metric, "value": round(float(value), 3), "n": n}


def _coding(root: Path) -> list[Row]:
    from multivector.coding.evaluate import (
        evaluate_conflibert,
        evaluate_plover_gsr,
        evaluate_universalpetrarch,
    )

    gsr = evaluate_plover_gsr(root)
    cb = evaluate_conflibert(root)
    held = evaluate_conflibert(root, split="train")
    up = evaluate_universalpetrarch(root)
    return [
        _row("coding", "plover-gsr", "gold category + source country", gsr["hit_rate"], gsr["n"]),
        _row("coding", "plover-gsr", "same, strict (no category aliases)", gsr["strict_hit_rate"], gsr["n"]),
        _row("coding", "plover-gsr", "spurious events / sentence", gsr["spurious_per_sentence"], gsr["n"]),
        _row("coding", "conflibert-cameo test", "5-class accuracy", cb["accuracy"], cb["n"]),
        _row("coding", "conflibert-cameo test", "5-class macro-F1", cb["macro_f1"], cb["n"]),
        _row("coding", "conflibert-cameo test", "QuadClass accuracy", cb["quad_accuracy"], cb["n"]),
        _row("coding", "conflibert-cameo test", "QuadClass macro-F1", cb["quad_macro_f1"], cb["n"]),
        _row("coding", "conflibert-cameo train (held out)", "5-class macro-F1", held["macro_f1"], held["n"]),
        _row("coding", "conflibert-cameo train (held out)", "5-class accuracy", held["accuracy"], held["n"]),
        _row("coding", "universalpetrarch en", "CAMEO root agreement", up["root_agreement"], up["n_codings"]),
        _row(
            "coding",
            "universalpetrarch en",
            "root + source country",
            up["root_and_source_agreement"],
            up["n_codings"],
        ),
    ]


def _official(root: Path) -> list[Row]:
    """The hand-labelled official-text set (dev half tuned on, test half held out) and the aggregate
    check on the war's press releases (after the reserved months; inside them, every 4th, held out)."""
    from multivector.coding.official import aggregate_validity, evaluate_official

    rows: list[Row] = []
    for split, m in evaluate_official(root).items():
        data = f"official {split} ({'in-sample' if split == 'dev' else 'held out'})"
        for metric in ("recall", "precision", "spurious_per_empty_sentence"):
            rows.append(_row("official", data, metric.replace("_", " "), m[metric], m["sentences"]))
        if m["right_at_0.8"] is not None:
            rows.append(
                _row("official", data, "right among confidence >= 0.8", m["right_at_0.8"], m["n_at_0.8"])
            )
    for window, every, label in (
        ("after", 1, "after 2022-06-03"),
        ("reserved-war", 4, "2022-02-24 .. 2022-06-03, every 4th, held out"),
    ):
        agg = aggregate_validity(root, window, every)
        if agg["rus_ukr_events"]:
            data = f"press releases {label}"
            n = agg["rus_ukr_events"]
            rows.append(_row("official", data, "RUS-UKR conflict share", agg["conflict_share"], n))
            rows.append(_row("official", data, "RUS-UKR mean Goldstein", agg["mean_goldstein"], n))
            rows.append(_row("official", data, "stale surnames", len(agg["stale_surnames"]), n))
    return rows


def _russian(root: Path) -> list[Row]:
    """The Russian coder: our RuSentRel sentence set (dev tuned on, test held out), the cross-lingual
    pairs, and dyadic polarity against RuSentRel's test attitudes (never read)."""
    from multivector.coding.evaluate_ru import crosslingual_agreement, evaluate_russian, polarity_agreement

    rows: list[Row] = []
    if (root / "rusentrel").is_dir():
        for split, m in evaluate_russian(root).items():
            data = f"rusentrel sentences {split} ({'in-sample' if split == 'dev' else 'held out'})"
            for metric in ("recall", "precision", "spurious_per_empty_sentence"):
                rows.append(_row("russian", data, metric.replace("_", " "), m[metric], m["sentences"]))
    for split, m in crosslingual_agreement().items():
        data = f"cross-lingual pairs {split} ({'in-sample' if split == 'dev' else 'held out'})"
        rows.append(_row("russian", data, "same dyad + PLOVER", m["agreement"], m["n"]))
    if (root / "rusentrel").is_dir():
        pol = polarity_agreement(root)
        data = "rusentrel test attitudes (held out)"
        rows.append(_row("russian", data, "pairs covered by events", pol["coverage"], pol["attitude_pairs"]))
        rows.append(_row("russian", data, "polarity agreement", pol["agreement"], pol["covered"]))
        rows.append(
            _row("russian", data, "majority-label baseline", pol["majority_baseline"], pol["covered"])
        )
    return rows


def _actors(root: Path) -> list[Row]:
    from multivector.actors import ActorResolver
    from multivector.actors.evaluation import bsnlp_documents, score_bsnlp, score_ngec

    resolver = ActorResolver()
    ngec = score_ngec(resolver, root / "ngec-plover" / "ngec_actor_resolution_cases.jsonl")
    rows = [
        _row("actors", "ngec agent_to_code", "country accuracy", ngec.country_acc, ngec.country_total),
        _row("actors", "ngec agent_to_code", "sector accuracy", ngec.sector_acc, ngec.sector_total),
    ]
    bsnlp = root / "bsnlp-ru-uk-news" / "bsnlp-ru-uk.jsonl.gz"
    if bsnlp.is_file():
        score = score_bsnlp(resolver, bsnlp_documents(bsnlp, "ru")[::5])
        rows += [
            _row(
                "actors",
                "bsnlp ru (every 5th)",
                "country mentions resolved",
                score.country_recall,
                score.country_total,
            ),
            _row(
                "actors", "bsnlp ru (every 5th)", "person/org resolved", score.named_recall, score.named_total
            ),
        ]
    return rows


def _extraction(root: Path) -> list[Row]:
    from multivector.clean.evaluate import evaluate_extraction

    s = evaluate_extraction(root / "article-extraction-benchmark")
    return [
        _row("extraction", "article-extraction-benchmark", "shingle F1", s["f1"], int(s["pages"])),
        _row("extraction", "article-extraction-benchmark", "precision", s["precision"], int(s["pages"])),
        _row("extraction", "article-extraction-benchmark", "recall", s["recall"], int(s["pages"])),
    ]


def _stories(root: Path) -> list[Row]:
    from multivector.analysis.bbn import evaluate_bbn

    got = evaluate_bbn(root / "bbn-accent-dedup")
    return [
        _row("stories", "bbn-accent-dedup", "B-cubed F1", got["bcubed_f1"], got["mentions"]),
        _row("stories", "bbn-accent-dedup", "ARI", got["ari"], got["mentions"]),
    ]


def _unga(root: Path) -> list[Row]:
    try:
        from multivector.analysis import unga
    except ImportError:
        return []
    fn = getattr(unga, "evaluation_rows", None)
    return list(fn(root)) if fn else []


_RUNNERS: dict[str, Callable[[Path], list[Row]]] = {
    "coding": _coding,
    "official": _official,
    "russian": _russian,
    "actors": _actors,
    "extraction": _extraction,
    "stories": _stories,
    "unga": _unga,
}


def evaluate_suites(
    root: Path, only: Iterable[str] | None = None, on_progress: Callable[[str], None] | None = None
) -> list[Row]:
    """Rows ``suite, data, metric, value, n`` for the chosen suites (default: all but the slow UNGA one)."""
    from multivector.errors import MultivectorError

    chosen = list(only) if only else [s for s in SUITES if s != "unga"]
    bad = [s for s in chosen if s not in _RUNNERS]
    if bad:
        raise MultivectorError(f"unknown evaluation suite(s) {bad}; choose from {', '.join(SUITES)}")
    rows: list[Row] = []
    for suite in chosen:
        if on_progress:
            on_progress(suite)
        rows += _RUNNERS[suite](root)
    return rows
