from pathlib import Path

import pytest

from multivector.coding.tables import (
    CodingDataError,
    cameo,
    cameo_table,
    load_cameo,
    load_patterns,
    pattern_counts,
    quad_class_of,
)


def test_cameo_table_complete_and_consistent():
    table = cameo_table()
    assert len(table) == 311
    assert table["036"].root == "03" and table["036"].quad_class == 1
    assert table["057"].plover == "SUPPORT"
    assert table["163"].quad_class == 4 and table["163"].goldstein < 0
    assert table["112"].quad_class == 3
    assert all(-10 <= c.goldstein <= 10 for c in table.values())
    assert all(c.quad_class == quad_class_of(c.root) for c in table.values())


def test_cameo_falls_back_to_parent_code():
    assert cameo("0424").code == "042"
    with pytest.raises(CodingDataError):
        cameo("999")


def test_bad_cameo_row_is_named(tmp_path: Path):
    bad = tmp_path / "cameo.tsv"
    bad.write_text("code\tname\troot\tquad_class\tgoldstein\tplover\n036\tx\t03\t1\t12\tAGREE\n")
    with pytest.raises(CodingDataError, match="goldstein"):
        load_cameo(bad)
    bad.write_text("code\tname\troot\tquad_class\tgoldstein\tplover\n036\tx\t04\t1\t1\tAGREE\n")
    with pytest.raises(CodingDataError, match="root"):
        load_cameo(bad)


def test_patterns_cover_every_root_with_unique_ids():
    pats = load_patterns()
    assert len(pats) >= 600
    assert len({p.id for p in pats}) == len(pats)
    counts = pattern_counts()
    assert sorted(counts) == [f"{i:02d}" for i in range(1, 21)]
    assert all(p.code in cameo_table() for p in pats)


def test_bad_patterns_are_rejected(tmp_path: Path):
    f = tmp_path / "p.yaml"
    f.write_text('"999":\n  - V visit\n')
    with pytest.raises(CodingDataError, match="not a CAMEO code"):
        load_patterns(f)
    f.write_text('"042":\n  - V visit\n  - V visit\n')
    with pytest.raises(CodingDataError, match="duplicate"):
        load_patterns(f)
    f.write_text('"042":\n  - X visit\n')
    with pytest.raises(CodingDataError, match="must start"):
        load_patterns(f)
    f.write_text('"042":\n  - V visit colour=red\n')
    with pytest.raises(CodingDataError, match="unknown option"):
        load_patterns(f)
