"""The evaluation suites: each reproduces a block of the README's measured-quality table from the shared
gold corpora, as rows ``suite, data, metric, value, n``.

A suite is a function ``corpora root -> rows`` registered with :func:`suite`; the tests gate the
scoring functions the suites call, and ``multivector evaluate`` prints the rows as one table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from multivector.errors import UsageError
from multivector.evaluation import corpora

Row = dict[str, Any]


#: suite name -> (what it measures, runner); filled by :func:`suite`, in the order of the README table
REGISTRY: dict[str, tuple[str, Callable[[Path], list[Row]]]] = {}
#: suites left out of a plain ``multivector evaluate`` because they take long
SLOW = {"unga"}


def suite(name: str, about: str) -> Callable[[Callable[[Path], list[Row]]], Callable[[Path], list[Row]]]:
    """Register a runner ``corpora root -> rows`` under ``name``."""

    def add(fn: Callable[[Path], list[Row]]) -> Callable[[Path], list[Row]]:
        if name in REGISTRY:
            raise ValueError(f"evaluation suite {name!r} registered twice")
        REGISTRY[name] = (about, fn)
        return fn

    return add


def _row(suite: str, data: str, metric: str, value: float, n: int | None) -> Row:
    return {"suite": suite, "data": data, "metric": metric, "value": round(float(value), 3), "n": n}


@suite("coding", "the English coder on PLOVER-GSR, ConfliBERT-CAMEO and UniversalPETRARCH gold")
def _coding(root: Path) -> list[Row]:
    from multivector.evaluation.coding import (
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


@suite("official", "our hand-labelled official-text set and the press-release aggregate check")
def _official(root: Path) -> list[Row]:
    """The hand-labelled official-text set (dev half tuned on, test half held out) and the aggregate
    check on the war's press releases (after the reserved months; inside them, every 4th, held out)."""
    from multivector.evaluation.official import aggregate_validity, evaluate_official

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


@suite("russian", "the Russian coder: RuSentRel sentences, cross-lingual pairs, attitude polarity")
def _russian(root: Path) -> list[Row]:
    """The Russian coder: our RuSentRel sentence set (dev tuned on, test held out), the cross-lingual
    pairs, and dyadic polarity against RuSentRel's test attitudes (never read)."""
    from multivector.evaluation.russian import crosslingual_agreement, evaluate_russian, polarity_agreement

    rows: list[Row] = []
    if (root / corpora.RUSENTREL).is_dir():
        for split, m in evaluate_russian(root).items():
            data = f"rusentrel sentences {split} ({'in-sample' if split == 'dev' else 'held out'})"
            for metric in ("recall", "precision", "spurious_per_empty_sentence"):
                rows.append(_row("russian", data, metric.replace("_", " "), m[metric], m["sentences"]))
    for split, m in crosslingual_agreement().items():
        data = f"cross-lingual pairs {split} ({'in-sample' if split == 'dev' else 'held out'})"
        rows.append(_row("russian", data, "same dyad + PLOVER", m["agreement"], m["n"]))
    if (root / corpora.RUSENTREL).is_dir():
        pol = polarity_agreement(root)
        data = "rusentrel test attitudes (held out)"
        rows.append(_row("russian", data, "pairs covered by events", pol["coverage"], pol["attitude_pairs"]))
        rows.append(_row("russian", data, "polarity agreement", pol["agreement"], pol["covered"]))
        rows.append(
            _row("russian", data, "majority-label baseline", pol["majority_baseline"], pol["covered"])
        )
    return rows


@suite("actors", "actor resolution on NGEC cases and BSNLP Russian entities")
def _actors(root: Path) -> list[Row]:
    from multivector.actors import ActorResolver
    from multivector.evaluation.actors import bsnlp_documents, score_bsnlp, score_ngec

    resolver = ActorResolver()
    ngec = score_ngec(resolver, root / corpora.NGEC_ACTORS)
    rows = [
        _row("actors", "ngec agent_to_code", "country accuracy", ngec.country_acc, ngec.country_total),
        _row("actors", "ngec agent_to_code", "sector accuracy", ngec.sector_acc, ngec.sector_total),
    ]
    bsnlp = root / corpora.BSNLP
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


@suite("extraction", "main-text extraction on the article-extraction benchmark")
def _extraction(root: Path) -> list[Row]:
    from multivector.evaluation.extraction import evaluate_extraction

    s = evaluate_extraction(root / corpora.EXTRACTION)
    return [
        _row("extraction", "article-extraction-benchmark", "shingle F1", s["f1"], int(s["pages"])),
        _row("extraction", "article-extraction-benchmark", "precision", s["precision"], int(s["pages"])),
        _row("extraction", "article-extraction-benchmark", "recall", s["recall"], int(s["pages"])),
    ]


@suite("dates", "publication dates of real HTML pages against trafilatura-eval's gold metadata")
def _dates(root: Path) -> list[Row]:
    from multivector.evaluation.extraction import evaluate_dates

    s = evaluate_dates(root / corpora.TRAFILATURA_EVAL)
    n = int(s["pages"])
    return [
        _row("dates", "trafilatura-eval", "exact day", s["accuracy"], n),
        _row("dates", "trafilatura-eval", "within one day", s["within_1_day"], n),
        _row("dates", "trafilatura-eval", "undated", s["undated"], n),
        _row("dates", "trafilatura-eval", "wrong", s["wrong"], n),
    ]


@suite("language", "language identification on BSNLP ru/uk and BBC English news")
def _language(root: Path) -> list[Row]:
    from multivector.evaluation.language import evaluate_language

    rows = []
    for data, path in (("bsnlp ru/uk", corpora.BSNLP), ("bbc-news-2225 en", corpora.BBC)):
        s = evaluate_language(root / path)
        rows.append(_row("language", data, "accuracy", s["accuracy"], s["documents"]))
    return rows


@suite("stories", "story grouping on the BBN ACCENT clusters")
def _stories(root: Path) -> list[Row]:
    from multivector.evaluation.stories import evaluate_bbn

    got = evaluate_bbn(root / corpora.BBN)
    return [
        _row("stories", "bbn-accent-dedup", "B-cubed F1", got["bcubed_f1"], got["mentions"]),
        _row("stories", "bbn-accent-dedup", "ARI", got["ari"], got["mentions"]),
    ]


@suite("unga", "East/West balance of UN General Debate speeches against voting ideal points (slow)")
def _unga(root: Path) -> list[Row]:
    try:
        from multivector.evaluation import unga
    except ImportError:
        return []
    fn = getattr(unga, "evaluation_rows", None)
    return list(fn(root)) if fn else []


def suite_names() -> list[str]:
    return list(REGISTRY)


def evaluate_suites(
    root: Path, only: Iterable[str] | None = None, on_progress: Callable[[str], None] | None = None
) -> list[Row]:
    """Rows for the chosen suites (default: every suite but the slow ones), in registry order."""
    chosen = list(only) if only else [s for s in REGISTRY if s not in SLOW]
    bad = [s for s in chosen if s not in REGISTRY]
    if bad:
        raise UsageError(f"unknown evaluation suite(s) {bad}; choose from {', '.join(REGISTRY)}")
    rows: list[Row] = []
    for name in chosen:
        if on_progress:
            on_progress(name)
        rows += REGISTRY[name][1](root)
    return rows
