"""Speech-based West-minus-East scores against UNGA ideal points (real data, fixed sample)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multivector.errors import UsageError
from multivector.evaluation.unga import (
    IDEAL_POINTS,
    SPEECHES,
    CountryScore,
    correlate,
    load_ideal_points,
    score_events,
    spread_sample,
    validate_unga,
)
from multivector.records import Event, Mention

YEAR = 2024
# the whole year is the gate: 188 speeches code in about a minute on 2 cores since the coder codes whole
# articles per worker. Measured with the default scoring (net W - E, framing, Goldstein, poles "un"):
# rho 0.559 over all 188 speeches; the floor sits just under that.
RHO_FLOOR = 0.55
BALANCE_RHO_FLOOR = 0.55  # the balance measure B over the 99 speeches with West/East weight: 0.562


def _event(src: str, tgt: str, goldstein: float, quad: int) -> Event:
    def m(c: str) -> Mention:
        return Mention(c, 0, 1, c, c, c, "GOV")

    return Event(
        "e", "a", None, m(src), m(tgt), "000", "00", quad, goldstein, None, False, "asserted", "", (0, 1), ""
    )


def test_score_uses_the_speaker_side_and_the_balance_formula():
    events = [_event("POL", "USA", 4.0, 1), _event("RUS", "POL", -9.0, 4), _event("USA", "CUB", -5.0, 4)]
    s = score_events("POL", events, scope="speaker")
    assert (s.west, s.east) == (4.0, -9.0) and s.score == pytest.approx(1.0)
    assert score_events("POL", events, scope="speaker", weighting="count").score == pytest.approx(1.0)
    # third-party events do not count with scope="speaker"; with "all" the US blockade of Cuba is
    # Western conflict
    cub = score_events("MEX", events[2:], scope="all")
    assert cub.west == -5.0 and cub.score == pytest.approx(-1.0)
    assert score_events("MEX", events[2:], scope="speaker").score is None


def test_framing_reads_poles_as_aggressors_and_victims():
    events = [
        _event("RUS", "UKR", -10.0, 4),  # a pole's attack on a third party: against the East
        _event("LBN", "ISR", -9.0, 4),  # a pole attacked: sympathy, for the West
        _event("CHN", "KEN", 6.0, 2),  # a pole's aid: for the East
        _event("USA", "RUS", -4.0, 3),  # between two poles: no side taken
        _event("UKR", "ISR", 3.0, 1),  # cooperation with a pole by a third party: not framing
    ]
    s = score_events("DEU", events)  # the default scope
    assert (s.west, s.east, s.n_west, s.n_east) == (9.0, -4.0, 1, 2)
    assert s.score == pytest.approx((9.0 + 4.0) / 13.0)
    # the speaker's own events count as with scope="speaker"
    own = score_events("DEU", [_event("DEU", "RUS", -5.0, 3)])
    assert own.east == -5.0 and own.score == pytest.approx(1.0)


def test_poles_un_counts_china_as_east():
    events = [_event("BRA", "CHN", 4.0, 1), _event("BRA", "USA", -2.0, 3)]
    assert score_events("BRA", events).east == 4.0  # default poles="un"
    project = score_events("BRA", events, poles="project")
    assert (project.west, project.east, project.score) == (-2.0, 0.0, pytest.approx(-1.0))
    with pytest.raises(UsageError):
        score_events("BRA", events, poles="cold-war")


def test_net_measure_keeps_the_amount_of_evidence_and_ranks_silent_speeches():
    strong = score_events("DEU", [_event("RUS", "UKR", -10.0, 4)] * 5)
    mild = score_events("AUT", [_event("RUS", "UKR", -2.0, 3)])
    silent = score_events("IND", [_event("IND", "BRA", 3.0, 1)])
    # the balance B says both condemn the East equally; the net weight keeps how much was said
    assert strong.score == mild.score == pytest.approx(1.0)
    assert (strong.net, mild.net, silent.net) == (50.0, 2.0, 0.0)
    assert silent.score is None and not silent.has_weight and strong.has_weight
    ideal = {"DEU": 1.2, "AUT": 0.9, "IND": -0.3, "CUB": -1.5}
    scores = {
        "DEU": strong,
        "AUT": mild,
        "IND": silent,
        "CUB": score_events("CUB", [_event("CUB", "USA", -8.0, 4)]),
    }
    net = correlate(scores, ideal, year=2024, scope="framing", weighting="goldstein", resamples=200)
    assert net.n == 4 and net.rho == pytest.approx(1.0) and net.no_score == ["IND"]
    assert net.rho_ci is not None and net.rho_ci[0] <= net.rho_ci[1] <= 1.0
    bal = correlate(scores, ideal, year=2024, scope="framing", weighting="goldstein", measure="balance")
    assert bal.n == 3 and bal.rho < 1.0  # DEU and AUT tie at +1
    with pytest.raises(UsageError):
        CountryScore("X").value("ratio")


def test_spread_sample_is_deterministic_and_spans_the_range():
    ideal = {f"C{i:02d}": float(i) for i in range(100)}
    got = spread_sample(ideal, 10)
    assert got == spread_sample(dict(reversed(ideal.items())), 10)
    assert len(got) == 10 and got[0] == "C00" and got[-1] == "C99"


def test_ideal_points_map_codes(corpora_dir: Path):
    ideal = load_ideal_points(corpora_dir / IDEAL_POINTS, YEAR)
    assert "SRB" in ideal and "YUG" not in ideal  # COW 345 "Yugoslavia" is Serbia
    assert ideal["USA"] > 1.5 > 0 > ideal["RUS"]


@pytest.fixture(scope="module")
def year_result(corpora_dir: Path):
    if not (corpora_dir / SPEECHES).is_file() or not (corpora_dir / IDEAL_POINTS).is_file():
        pytest.skip("UN debates or ideal points missing")
    return validate_unga(corpora_dir, year=YEAR, cache=None, n_process=2)


def test_year_rank_correlation_with_ideal_points(year_result):
    res = year_result
    assert res.speeches == res.n == 188  # the net weight ranks every speech
    assert res.rho is not None and res.rho >= RHO_FLOOR, res.summary()
    assert res.rho_ci is not None and res.rho_ci[0] < res.rho < res.rho_ci[1]
    # the balance measure from the same coded events (no second coding run)
    rows = {r["country"]: r for r in res.rows}
    assert rows["USA"]["net"] == pytest.approx(rows["USA"]["west"] - rows["USA"]["east"])
    scored = [r for r in res.rows if r["balance"] is not None]
    assert len(scored) >= 95
    from scipy.stats import spearmanr

    bal = spearmanr([r["balance"] for r in scored], [r["ideal_point"] for r in scored]).statistic
    assert bal >= BALANCE_RHO_FLOOR


def test_held_out_year_2023(corpora_dir: Path):
    # 2023 is the held-out year: its speeches were never read while writing rules; gated all the same
    if not (corpora_dir / SPEECHES).is_file() or not (corpora_dir / IDEAL_POINTS).is_file():
        pytest.skip("UN debates or ideal points missing")
    res = validate_unga(corpora_dir, year=2023, cache=None, n_process=2)
    assert res.rho is not None and res.rho >= 0.43, res.summary()  # measured 0.444 (0.450 a round ago)
