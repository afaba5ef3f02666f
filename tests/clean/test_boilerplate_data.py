"""The packaged boilerplate phrase lists load, validate and match whole lines only."""

from __future__ import annotations

import pytest

from multivector.clean.boilerplate import load_boilerplate, parse_boilerplate
from multivector.errors import DataError


def test_packaged_lists_load_and_classify_lines() -> None:
    bp = load_boilerplate()
    for line in (
        "Share this:",
        "Tweet",
        "Поделиться",
        "Фото: РИА",
        "Category status:",
        "Наверх",
        "Show More",
    ):
        assert bp.is_drop(line), line
    for line in ("Similar articles", "Related Articles", "Читайте также:", "Похожие статьи", "Recent trends"):
        assert bp.is_tail(line), line
    # a body sentence that merely contains a furniture word is kept
    assert not bp.is_drop("Officials refused to share this information with the press.")
    assert not bp.is_tail("Similar articles appeared in the Kazakh press last week.")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (["drop"], "mapping"),
        ({"drop": ["ok"], "tail": "not a list"}, "'tail' must be a list"),
        ({"drop": ["("], "tail": ["x"]}, "bad pattern"),
        ({"drop": ["x"], "tail": ["y"], "extra": []}, "unknown keys"),
        ({"drop": [""], "tail": ["y"]}, "non-empty"),
    ],
)
def test_invalid_lists_are_rejected(raw: object, message: str) -> None:
    with pytest.raises(DataError, match=message):
        parse_boilerplate(raw)
