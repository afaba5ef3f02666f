from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "analysis"))

from mv_synth import Builder, new_store


@pytest.fixture
def store():
    con = new_store()
    yield con, Builder(con)
    con.close()
