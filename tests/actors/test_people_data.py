"""The people files: one entry per person, strict validation, no two people with one name at one time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from multivector.actors.data import Person, Role, check_people, load_actor_data
from multivector.errors import DataError


def _person(pid: str, name: str, start: str, end: str | None) -> Person:
    role = Role("XXA", "head_of_state", "", dt.date.fromisoformat(start), end and dt.date.fromisoformat(end))
    return Person(pid, name, [], [], [role])


def test_shared_name_in_overlapping_years_is_an_error() -> None:
    people = {"a": _person("a", "Ivan Testov", "2001-01-01", "2010-01-01")}
    people["b"] = _person("b", "Ivan Testov", "2009-06-01", None)
    with pytest.raises(DataError, match="both called 'ivan testov'"):
        check_people(people, {"a": "one.yaml", "b": "two.yaml"})


def test_shared_name_in_different_years_is_allowed() -> None:
    people = {"a": _person("a", "Ivan Testov", "1990-01-01", "1995-01-01")}
    people["b"] = _person("b", "Ivan Testov", "2019-01-01", None)
    check_people(people, {"a": "one.yaml", "b": "one.yaml"})


def test_an_id_twice_in_one_file_is_an_error(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "- {id: zz_one, name: Zorvan Kelibekov, roles: [{country: KAZ, role: other}]}\n"
        "- {id: zz_one, name: Zorvan Kelibek, roles: [{country: KAZ, role: other}]}\n"
    )
    with pytest.raises(DataError, match="defined twice"):
        load_actor_data([mine])


def test_packaged_people_load_strictly_once_each() -> None:
    data = load_actor_data()
    assert len(data.people) > 2000
    assert data.people["putin_vladimir"].name == "Vladimir Putin"
