"""The two one-call entry points of the package."""

from __future__ import annotations

import multivector


def test_code_and_resolve_top_level() -> None:
    events = multivector.code("Belarus and Turkmenistan signed a trade agreement.", "2016-04-22")
    assert {(e.source.country, e.cameo[:2], e.target.country) for e in events} == {
        ("BLR", "05", "TKM"),
        ("TKM", "05", "BLR"),
    }
    assert all(e.date == "2016-04-22" and e.quad_class == 1 for e in events)
    assert multivector.code("Belarus and Turkmenistan signed a trade agreement.")[0].date is None
    kremlin = multivector.resolve("the Kremlin")
    assert (kremlin.country, kremlin.agent) == ("RUS", "GOV")
    assert multivector.resolve("Kuchma", date="1996-05-01").country == "UKR"
    assert multivector.resolve("Shire of Middle-earth").actor_id is None
