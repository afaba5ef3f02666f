"""The suite registry behind ``multivector evaluate``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from multivector.cli import app
from multivector.errors import UsageError
from multivector.evaluation import REGISTRY, evaluate_suites, suite, suite_names


def test_every_readme_block_has_a_suite() -> None:
    assert {"coding", "official", "russian", "actors", "extraction", "dates", "language", "stories"} <= set(
        suite_names()
    )
    assert all(about for about, _fn in REGISTRY.values())


def test_a_name_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="twice"):
        suite("coding", "again")(lambda root: [])


def test_unknown_suite_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="choose from"):
        evaluate_suites(tmp_path, ["nonesuch"])


def test_cli_lists_the_suites() -> None:
    out = CliRunner().invoke(app, ["evaluate", "--list", "--format", "tsv"])
    assert out.exit_code == 0, out.output
    names = [line.split("\t")[0] for line in out.stdout.splitlines()[1:]]
    assert names == suite_names()
