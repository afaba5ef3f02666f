"""Static figures: written in the format the suffix asks for, refused otherwise."""

from __future__ import annotations

import pytest

from multivector.errors import UsageError
from multivector.report.plots import plot


def _fill(b):
    b.article("a", "2024-01-05")
    b.event("a", "BLR", "RUS", quad=1, goldstein=3)
    b.article("c", "2024-04-05")
    b.event("c", "USA", "BLR", quad=4, goldstein=-9)


@pytest.mark.parametrize("kind", ["balance", "partners", "quadclass"])
def test_plot_png_and_svg(store, tmp_path, kind):
    con, b = store
    _fill(b)
    png = (
        plot(con, kind, "BLR", tmp_path / f"{kind}.png", n_boot=20)
        if kind == "balance"
        else plot(con, kind, "BLR", tmp_path / f"{kind}.png")
    )
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = plot(con, kind, "BLR", tmp_path / "sub" / f"{kind}.svg")
    text = svg.read_text()
    assert "<svg" in text
    if kind == "partners":
        assert "RUS" in text and "USA" in text


def test_plot_rejects_bad_kind_and_format(store, tmp_path):
    con, b = store
    _fill(b)
    with pytest.raises(UsageError):
        plot(con, "pie", "BLR", tmp_path / "x.png")
    with pytest.raises(UsageError):
        plot(con, "balance", "BLR", tmp_path / "x.gif")
