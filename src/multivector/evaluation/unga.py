"""Validation against the real world: what countries *say* at the UN against how they *vote* there.

Each country's General Debate statement of one year is coded with that country as the speaker ("we",
"my delegation" … are its government), and its events are folded into a West-minus-East score (the net
weight W − E by default, or the balance formula of :mod:`multivector.analysis.balance`). The scores are
rank-correlated (Spearman) with the Bailey–Strezhnev–Voeten UNGA ideal points of the same year — a
standard, vote-based measure of closeness to the US-led Western position that the coder never sees.

Scoring (``scope``):

* ``"framing"`` (default): the ``"speaker"`` events, plus what the speaker says about a pole's acts
  toward third parties: a pole as the actor counts with the event's weight ("Russia's war against
  Ukraine", "Israeli strikes killed civilians" count against that pole, "China has built
  hospitals in Africa" for it), a pole as the victim of a conflict counts with the opposite sign
  ("Hezbollah attacked Israel" is sympathy for Israel). Events between two poles are left out. A speech
  tells its positions as much by whom it presents as aggressor and victim as by what "we" do; this
  reading was added after the 2024 errors had been looked at (see ``docs/unga_validation.md``).
* ``"speaker"``: events with the speaking country on exactly one side, partner West or East
  (the balance index with the speaker as focal country: "we condemn Russia's aggression" is conflict
  with the East, "we thank the European Union" cooperation with the West).
* ``"all"``: every event of the speech with exactly one West- or East-aligned side counts, whoever the
  other side is ("the blockade imposed by the United States on Cuba" is Western conflict reported by the
  speaker); with the speaker itself on one side it counts like ``"speaker"``.

Poles (``poles``):

* ``"un"`` (default here): the project's alignment table with China counted as East. The UN vote space of
  recent years is the US-led West against Russia, China and most of the Global South, so for this
  validation China is a pole on the Eastern side (decided before measuring, from what the ideal points
  are known to measure).
* ``"project"``: the project's table as it is (East = Russia and the breakaway entities and the
  Moscow-led blocs; China its own value and not counted) — the poles built for post-Soviet balancing and
  the default of this module before ``poles`` existed.

Per country, W and E are the summed weights (Goldstein, or ±1 with ``weighting="count"``) of West and
East partners. The score (``measure``):

* ``"net"`` (default): W − E, the net West-minus-East weight. A speech that says nothing about either
  pole scores 0, so every country is ranked, and a speech with many strong statements ranks above one
  with a single mild remark. It has no free parameter (see ``docs/unga_validation.md``).
* ``"balance"``: B = (W − E) / (|W| + |E|), the balance index of :mod:`multivector.analysis.balance`.
  It throws the amount of evidence away (one remark is ±1 like forty), and a speech with no West/East
  weight has no score and is left out of the correlation.

Speeches with no West/East weight are listed as ``no_score`` with either measure.

Inputs (read-only, from ``../shared/corpora``): ``un-general-debates/ungdc-1946-2024.jsonl.gz`` (one
statement per country and year, ISO3 ``country_iso3``) and ``unga-votes/ideal_points_july2025.csv``
(``iso3c``, ``year``, ``idealpointfp`` = final-passage votes, the only estimate available for 2024).
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multivector.analysis.alignment import EAST, WEST, alignment_of
from multivector.analysis.balance import balance_value
from multivector.clean.markup import strip_markdown
from multivector.errors import UsageError
from multivector.evaluation.corpora import UNGA_IDEAL_POINTS as IDEAL_POINTS
from multivector.evaluation.corpora import UNGA_SPEECHES as SPEECHES
from multivector.evaluation.corpora import default_corpora
from multivector.records import Article, Event

SCOPES = ("framing", "speaker", "all")
POLES = ("un", "project")
WEIGHTINGS = ("goldstein", "count")
MEASURES = ("net", "balance")
#: ideal-point codes that differ from the speech corpus's ISO3 for the same state (COW 345 is
#: "Yugoslavia" in the votes data for every year, i.e. Serbia since 2006)
_IDEAL_ALIASES = {"YUG": "SRB"}
#: speech-corpus codes outside ISO3 that the project codes differently (PLOVER: EU = EUR)
_SPEECH_ALIASES = {"EU": "EUR"}
#: gate sample of the tests: this many countries, evenly spread over the ideal-point ranks
SAMPLE_SIZE = 40


# ---------------------------------------------------------------------- data
def load_ideal_points(path: str | Path, year: int | None = None, column: str = "idealpointfp") -> dict:
    """``{year: {iso3: ideal point}}``, or ``{iso3: ideal point}`` for one ``year``; blanks are skipped."""
    out: dict[int, dict[str, float]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            value = (row.get(column) or "").strip()
            y = int(float(row["year"]))
            if not value or (year is not None and y != year):
                continue
            code = row["iso3c"].strip().upper()
            code = _IDEAL_ALIASES.get(code, code)
            if code:
                out.setdefault(y, {})[code] = float(value)
    return out.get(year, {}) if year is not None else out


def iter_speeches(path: str | Path, year: int | None = None) -> Iterator[Article]:
    """General Debate statements as Articles whose ``extra["speaker_country"]`` is the speaking state.

    A third of the 2024 statements are Markdown (``**bold**`` names, ``---`` rules); they get the same
    Markdown-to-text step as any plain-text input."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if year is not None and int(obj["year"]) != year:
                continue
            code = str(obj["country_iso3"]).upper()
            code = _SPEECH_ALIASES.get(code, code)
            yield Article(
                id=str(obj["id"]),
                title=obj.get("title"),
                date=str(obj["year"]),
                date_precision="year",
                lang="en",
                url=None,
                source_path=str(path),
                part=0,
                text=strip_markdown(obj["text"]),
                extra={"speaker_country": code, "session": obj.get("session"), "year": int(obj["year"])},
            )


def speech_years(path: str | Path) -> set[int]:
    """Years with at least one statement (one pass over the file, ~5 s: only for the default year)."""
    years: set[int] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            years.add(int(json.loads(line)["year"]))
    return years


def latest_year(corpora: str | Path) -> int:
    """The most recent year that has both speeches and ideal points."""
    root = Path(corpora)
    common = speech_years(root / SPEECHES) & set(load_ideal_points(root / IDEAL_POINTS))
    if not common:
        raise UsageError(f"no year has both speeches and ideal points under {root}")
    return max(common)


def spread_sample(ideal: dict[str, float], n: int = SAMPLE_SIZE) -> list[str]:
    """``n`` countries at evenly spaced ranks of the ideal points: deterministic, covers the whole range
    (a random draw of 40 could miss the few strongly Western states that carry the correlation)."""
    ranked = sorted(ideal, key=lambda c: (ideal[c], c))
    if n >= len(ranked):
        return ranked
    step = (len(ranked) - 1) / (n - 1)
    return [ranked[round(i * step)] for i in range(n)]


# ---------------------------------------------------------------------- scores
@dataclass(slots=True)
class CountryScore:
    """West/East weight of one speech and its balance (None when it has no West/East weight)."""

    country: str
    west: float = 0.0
    east: float = 0.0
    n_west: int = 0
    n_east: int = 0
    events: int = 0

    @property
    def score(self) -> float | None:
        """The balance B in [-1, 1]; None without West/East weight."""
        return balance_value(self.west, self.east)

    @property
    def net(self) -> float:
        """W − E: the net West-minus-East weight, 0 for a speech silent on both poles."""
        return self.west - self.east

    @property
    def has_weight(self) -> bool:
        """The speech has at least one event with a West or East side (else it is ``no_score``)."""
        return bool(self.n_west or self.n_east)

    def value(self, measure: str = "net") -> float | None:
        """The score the correlation ranks by: ``net`` (W − E) or ``balance`` (B, None when unweighted)."""
        if measure not in MEASURES:
            raise UsageError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
        return self.net if measure == "net" else self.score


def _weight(e: Event, weighting: str) -> float:
    if weighting == "goldstein":
        return float(e.goldstein)
    return 1.0 if e.quad_class in (1, 2) else -1.0


def _pole(country: str, actor_id: str | None, poles: str = "un") -> str | None:
    pole = alignment_of(country or None, actor_id)
    if pole == "China" and poles == "un":
        return EAST
    return pole if pole in (WEST, EAST) else None


def score_events(
    speaker: str,
    events: Iterable[Event],
    *,
    scope: str = "framing",
    weighting: str = "goldstein",
    poles: str = "un",
) -> CountryScore:
    """Fold one speech's events into W and E (see the module docstring for ``scope`` and ``poles``)."""
    if scope not in SCOPES:
        raise UsageError(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}")
    if weighting not in WEIGHTINGS:
        raise UsageError(f"unknown weighting {weighting!r}; choose one of {', '.join(WEIGHTINGS)}")
    if poles not in POLES:
        raise UsageError(f"unknown poles {poles!r}; choose one of {', '.join(POLES)}")
    out = CountryScore(speaker)
    for e in events:
        if e.negated or e.target is None:
            continue
        src, tgt = e.source, e.target
        out.events += 1
        if src.country == tgt.country:
            continue
        w = _weight(e, weighting)
        found: list[tuple[str | None, float]] = []
        if speaker in (src.country, tgt.country):
            other = tgt if src.country == speaker else src
            found = [(_pole(other.country, other.actor_id, poles), w)]
        elif scope in ("all", "framing"):
            # a third-party event: the aligned side is the one the speaker is talking about; an event
            # between two poles (West vs East) says nothing about which side the speaker takes
            ps, pt = _pole(src.country, src.actor_id, poles), _pole(tgt.country, tgt.actor_id, poles)
            if scope == "all":
                found = [] if ps and pt and ps != pt else [(ps or pt, w)]
            elif ps and pt:
                continue
            elif ps:
                found = [(ps, w)]  # the pole as actor: its aggression counts against it, its aid for it
            elif pt and e.quad_class in (3, 4):
                found = [(pt, -w)]  # the pole as victim of a conflict the speaker reports
        for pole, weight in found:
            if pole == WEST:
                out.west += weight
                out.n_west += 1
            elif pole == EAST:
                out.east += weight
                out.n_east += 1
    return out


# ---------------------------------------------------------------------- validation
@dataclass(slots=True)
class UngaValidation:
    """Result of one run: the correlation and the per-country rows it was computed from."""

    year: int
    scope: str
    weighting: str
    rho: float | None
    p_value: float | None
    n: int
    speeches: int
    no_score: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    poles: str = "un"
    measure: str = "net"
    rho_ci: tuple[float, float] | None = None

    def summary(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "scope": self.scope,
            "weighting": self.weighting,
            "poles": self.poles,
            "measure": self.measure,
            "rho": None if self.rho is None else round(self.rho, 3),
            "rho_ci": None if self.rho_ci is None else tuple(round(x, 3) for x in self.rho_ci),
            "p_value": self.p_value,
            "n": self.n,
            "speeches": self.speeches,
            "no_score": len(self.no_score),
        }


def code_speeches(
    articles: Sequence[Article], *, cache: Any = None, n_process: int = 2, resolver: Any = None
) -> dict[str, list[Event]]:
    """Events per speaking country (``extra["speaker_country"]``), coded in one corpus loop."""
    from multivector.coding import code_articles

    out: dict[str, list[Event]] = {}
    for art, (events, _mentions, _facts) in code_articles(
        articles, resolver=resolver, cache=cache, n_process=n_process, chunk=16
    ):
        out.setdefault(art.extra["speaker_country"], []).extend(events)
    return out


def correlate(
    scores: dict[str, CountryScore],
    ideal: dict[str, float],
    *,
    year: int,
    scope: str,
    weighting: str,
    poles: str = "un",
    measure: str = "net",
    resamples: int = 1000,
    seed: int = 0,
) -> UngaValidation:
    """Spearman rho between speech scores and ideal points over the countries that have both.

    ``rho_ci`` is a 95 % percentile bootstrap over countries (``resamples`` draws, seeded), so the
    reader can see how far one year's rho is from a target."""
    import numpy as np
    from scipy.stats import bootstrap, spearmanr

    rows = [
        {
            "country": c,
            "score": s.value(measure),
            "ideal_point": ideal[c],
            "net": round(s.net, 2),
            "balance": s.score,
            "west": round(s.west, 2),
            "east": round(s.east, 2),
            "n_west": s.n_west,
            "n_east": s.n_east,
            "events": s.events,
        }
        for c, s in sorted(scores.items())
        if c in ideal
    ]
    scored = [r for r in rows if r["score"] is not None]
    rho = p = ci = None
    if len(scored) >= 3:
        x = np.array([r["score"] for r in scored], dtype=float)
        y = np.array([r["ideal_point"] for r in scored], dtype=float)
        res = spearmanr(x, y)
        rho, p = float(res.statistic), float(res.pvalue)
        if resamples:
            boot = bootstrap(
                (x, y),
                lambda a, b: spearmanr(a, b).statistic,
                paired=True,
                vectorized=False,
                n_resamples=resamples,
                method="percentile",
                rng=np.random.default_rng(seed),
            )
            # a resample with one distinct score has no rank correlation (nan): leave those draws out
            draws = boot.bootstrap_distribution[np.isfinite(boot.bootstrap_distribution)]
            if draws.size:
                ci = (float(np.percentile(draws, 2.5)), float(np.percentile(draws, 97.5)))
    return UngaValidation(
        year=year,
        scope=scope,
        weighting=weighting,
        rho=rho,
        p_value=p,
        n=len(scored),
        speeches=len(rows),
        no_score=[c for c, s in sorted(scores.items()) if c in ideal and not s.has_weight],
        rows=rows,
        poles=poles,
        measure=measure,
        rho_ci=ci,
    )


def validate_unga(
    corpora: str | Path | None = None,
    *,
    year: int | None = None,
    countries: Iterable[str] | None = None,
    sample: int | None = None,
    limit: int | None = None,
    scope: str = "framing",
    weighting: str = "goldstein",
    poles: str = "un",
    measure: str = "net",
    n_process: int = 2,
    cache: Any = "default",
    plot_path: str | Path | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> UngaValidation:
    """Code one year of General Debate speeches (speaker = the country) and correlate their
    West-minus-East scores (``measure``, default the net weight W − E) with that year's UNGA ideal points.

    ``year`` defaults to the latest year with both data sets; ``countries`` fixes the set, ``sample=n``
    takes :func:`spread_sample` of n countries, ``limit`` keeps the first n speeches (quick looks).
    ``cache`` is a ``ResultCache``, ``"default"`` (the user cache, so re-runs are quick) or None.
    """

    root = Path(corpora) if corpora is not None else default_corpora()
    if root is None or not (root / SPEECHES).is_file() or not (root / IDEAL_POINTS).is_file():
        raise UsageError(f"UN debates / ideal points not found under {root or '../shared/corpora'}")
    year = year if year is not None else latest_year(root)
    ideal = load_ideal_points(root / IDEAL_POINTS, year)
    articles = [a for a in iter_speeches(root / SPEECHES, year) if a.extra["speaker_country"] in ideal]
    if countries is not None or sample is not None:
        if countries is not None:
            wanted = {c.upper() for c in countries}
        else:  # spread over the countries that have both a speech and an ideal point
            both = {a.extra["speaker_country"] for a in articles}
            wanted = set(spread_sample({c: v for c, v in ideal.items() if c in both}, sample or 0))
        articles = [a for a in articles if a.extra["speaker_country"] in wanted]
    if limit is not None:
        articles = articles[:limit]
    if cache == "default":
        from multivector.nlp.cache import ResultCache

        cache = ResultCache()
    if on_progress:
        on_progress(f"coding {len(articles)} speeches of {year}")
    events = code_speeches(articles, cache=cache, n_process=n_process)
    scores = {
        a.extra["speaker_country"]: score_events(
            a.extra["speaker_country"],
            events.get(a.extra["speaker_country"], []),
            scope=scope,
            weighting=weighting,
            poles=poles,
        )
        for a in articles
    }
    result = correlate(
        scores, ideal, year=year, scope=scope, weighting=weighting, poles=poles, measure=measure
    )
    if plot_path is not None:
        plot_validation(result, plot_path)
    return result


# ---------------------------------------------------------------------- figure
def plot_validation(result: UngaValidation, out_path: str | Path) -> Path:
    """Scatter of speech score against ideal point, one labelled dot per country (PNG/SVG/PDF)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    rows = [r for r in result.rows if r["score"] is not None]
    fig = Figure(figsize=(7.5, 5.5))
    ax = fig.add_subplot()
    # scores pile up on a few values (B at ±1, the net weight at 0 for speeches silent on both poles):
    # spread ties vertically (deterministic, by ideal-point rank) so that dots and labels stay readable
    rows.sort(key=lambda r: r["ideal_point"])
    if result.measure == "net":
        ys = [r["score"] + (0.12 * ((i % 7) - 3) if r["score"] == 0 else 0.0) for i, r in enumerate(rows)]
        ax.set_yscale("symlog", linthresh=1.0)
        ylabel = "speech net weight W − E (Goldstein, symlog), ties spread"
    else:
        ys = [
            r["score"] - (0.024 * (i % 6) * r["score"] if abs(r["score"]) == 1 else 0.0)
            for i, r in enumerate(rows)
        ]
        ylabel = "speech balance B = (W − E) / (|W| + |E|), ties spread"
    ax.scatter([r["ideal_point"] for r in rows], ys, s=14, alpha=0.7, color="#2a6f97")
    for r, y in zip(rows, ys, strict=True):
        ax.annotate(
            r["country"],
            (r["ideal_point"], y),
            fontsize=5,
            alpha=0.8,
            xytext=(2, 1),
            textcoords="offset points",
        )
    ax.axhline(0, color="#999", lw=0.6)
    ax.set_xlabel(f"UNGA ideal point {result.year} (final-passage votes; higher = closer to the West)")
    ax.set_ylabel(ylabel)
    rho = "n/a" if result.rho is None else f"{result.rho:.2f}"
    if result.rho_ci is not None:
        rho += f" (95 % CI {result.rho_ci[0]:.2f}–{result.rho_ci[1]:.2f})"
    ax.set_title(
        f"General Debate {result.year}: what countries say vs how they vote\n"
        f"Spearman ρ = {rho}, n = {result.n} "
        f"({result.measure}, {result.scope}, {result.weighting}, poles {result.poles})",
        fontsize=10,
    )
    fig.tight_layout()
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=150)
    return out


def evaluation_rows(root: Path) -> list[dict[str, Any]]:
    """Rows for ``multivector.evaluation`` (suite ``unga``): full-year rho with the default scoring."""
    res = validate_unga(root)
    data = f"ungdc {res.year} vs ideal points ({res.measure}, {res.scope})"
    values = {"Spearman rho": res.rho or 0.0}
    if res.rho_ci is not None:
        values |= {"Spearman rho 95 % CI low": res.rho_ci[0], "Spearman rho 95 % CI high": res.rho_ci[1]}
    return [
        {"suite": "unga", "data": data, "metric": metric, "value": round(v, 3), "n": res.n}
        for metric, v in values.items()
    ]
