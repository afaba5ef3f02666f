"""How sure the coder is of one event: a logistic model over what the coder knows when it emits it.

The probability that an event's source, target and polarity are right depends on things the coder can
see: whether the actors were named or reached through a pronoun or a speaker, how specific the pattern
was, whether the trigger is a verb or a noun, the event's class, how crowded the sentence is. The weights
live in ``data/confidence.yaml`` and are fitted on the dev half of the hand-labelled official-text set
(:mod:`multivector.evaluation.official`); the held-out half checks that the probabilities are calibrated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from multivector.coding.tables import ACTOR_OBJECT
from multivector.errors import DataError
from multivector.records import Mention

FEATURES = (
    "bias",
    "src_named",
    "src_speaker",
    "src_reference",
    "src_unknown",
    "src_person",
    "src_igo",
    "src_conf",
    "tgt_none",
    "tgt_named",
    "tgt_speaker",
    "tgt_reference",
    "tgt_conf",
    "same_country",
    "specific_pattern",
    "noun_trigger",
    "intent",
    "appeal",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "crowded",
    "long_sentence",
)


def _how(m: Mention | None) -> str:
    if m is None:
        return "none"
    if not m.country:
        return "unknown"
    via = m.via or ""
    if via.startswith("speaker"):
        return "speaker"
    if via.startswith(("anaphor", "relative")):
        return "reference"
    return "named"


def features(
    source: Mention,
    target: Mention | None,
    *,
    pattern_id: str | None,
    modality: str,
    root: str,
    n_events: int,
    n_tokens: int,
) -> dict[str, float]:
    """The model's inputs for one event (all in [0, 1])."""
    s, t = _how(source), _how(target)
    r = int(root) if root.isdigit() else 1
    parts = (pattern_id or "").split(":")
    return {
        "bias": 1.0,
        "src_named": float(s == "named"),
        "src_speaker": float(s == "speaker"),
        "src_reference": float(s == "reference"),
        "src_unknown": float(s == "unknown"),
        "src_person": float("_" in (source.actor_id or "")),
        "src_igo": float(source.country == "IGO"),
        "src_conf": float(source.confidence or 0.0),
        "tgt_none": float(t == "none"),
        "tgt_named": float(t == "named"),
        "tgt_speaker": float(t == "speaker"),
        "tgt_reference": float(t == "reference"),
        "tgt_conf": float(target.confidence or 0.0) if target is not None else 0.0,
        "same_country": float(bool(source.country) and source.country == (target and target.country)),
        # a pattern any named actor satisfies ("received Aliyev") needs no particular word: not specific
        "specific_pattern": float(len(parts) > 3 and ACTOR_OBJECT not in (pattern_id or "")),
        "noun_trigger": float(len(parts) > 1 and parts[1] == "N"),
        "intent": float(modality == "intent"),
        "appeal": float(modality == "appeal"),
        "verbal_coop": float(2 <= r <= 5),
        "material_coop": float(6 <= r <= 9),
        "verbal_conflict": float(10 <= r <= 14),
        "material_conflict": float(r >= 15),
        "crowded": min(1.0, max(0, n_events - 1) / 4),
        "long_sentence": min(1.0, max(0, n_tokens - 25) / 50),
    }


@dataclass(frozen=True, slots=True)
class Model:
    weights: dict[str, float]
    fitted_on: str
    prior: dict[str, float]

    def score(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)


@lru_cache(maxsize=1)
def model() -> Model:
    """The packaged weights, validated: unknown feature names or non-numbers are a load error."""
    text = resources.files("multivector.coding").joinpath("data/confidence.yaml").read_text("utf-8")
    return parse_model(yaml.safe_load(text), "confidence.yaml")


def parse_model(raw: Any, label: str) -> Model:
    if not isinstance(raw, dict) or not isinstance(raw.get("weights"), dict):
        raise DataError(f"{label}: expected a mapping with 'weights'")
    weights = raw["weights"]
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise DataError(f"{label}: unknown features {unknown}")
    if not all(isinstance(v, int | float) and math.isfinite(v) for v in weights.values()):
        raise DataError(f"{label}: every weight must be a finite number")
    prior = raw.get("prior", {})
    if not isinstance(prior, dict) or set(prior) - set(FEATURES):
        raise DataError(f"{label}: 'prior' must map known features to numbers")
    return Model({k: float(v) for k, v in weights.items()}, str(raw.get("fitted_on", "")), dict(prior))


def fit(
    rows: Sequence[dict[str, float]],
    labels: Sequence[bool],
    c: float | None = None,
    prior: dict[str, float] | None = None,
) -> dict[str, float]:
    """Logistic-regression weights (scikit-learn, L2) for :data:`FEATURES`; the bias is a feature.

    A feature that is zero on every training row says nothing in the data, and L2 would park it at 0,
    i.e. "as good as average": an unresolved source would then outscore a named one. Such features keep
    their hand-set ``prior`` weight instead.
    """
    from sklearn.linear_model import LogisticRegression, LogisticRegressionCV

    x = [[r[k] for k in FEATURES] for r in rows]
    y = [int(b) for b in labels]
    if c is None:
        # the strength of the L2 penalty is chosen by 5-fold cross-validated log-loss on the same
        # (dev) rows, so nothing held out steers it
        clf = LogisticRegressionCV(
            Cs=[0.03, 0.1, 0.3, 1.0, 3.0], cv=5, scoring="neg_log_loss", fit_intercept=False, max_iter=2000
        )
    else:
        clf = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    clf.fit(x, y)
    seen = {k for k in FEATURES if any(r[k] for r in rows)}
    prior = prior or {}
    return {
        k: round(float(w), 4) if k in seen else float(prior.get(k, 0.0))
        for k, w in zip(FEATURES, clf.coef_[0], strict=True)
    }


def reliability(
    scores: Sequence[float], correct: Sequence[bool], edges: Sequence[float] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
) -> list[dict[str, Any]]:
    """Reliability table: per confidence bin, how many events and the share that is right."""
    out = []
    for i in range(len(edges) - 1):
        lo, hi = edges[i], edges[i + 1]
        inside = [
            ok for s, ok in zip(scores, correct, strict=True) if lo <= s < hi or (hi == edges[-1] and s == hi)
        ]
        out.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "n": len(inside),
                "right": round(sum(inside) / len(inside), 3) if inside else None,
            }
        )
    return out
