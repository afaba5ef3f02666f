"""Packaged word lists and code maps, validated on load.

Every stage keeps the words its rules test (speech verbs, title abbreviations, currency names, …) in a
``data/*.yaml`` file of its own package rather than in Python literals, so a linguist can read and change
them without touching code. The file shape is one schema for all of them:

``sets`` (name -> ``about`` + ``words``), ``phrases`` (the same, each word a space-separated phrase),
``maps`` (name -> ``about`` + ``codes``: CAMEO code prefix -> code), ``tables`` (name -> ``about`` +
``rows``: key -> value) and ``forms`` (the same, key -> list of words). A malformed file is a
:class:`~multivector.errors.DataError` naming the file and the entry, raised at first use.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from multivector.errors import DataError

_CODE = re.compile(r"^\d{2,4}$")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    about: str

    @field_validator("about")
    @classmethod
    def _said(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("say what the entry is for")
        return v


class WordSet(_Entry):
    words: list[str]

    @field_validator("words")
    @classmethod
    def _clean(cls, v: list[str]) -> list[str]:
        bad = [w for w in v if w != w.strip() or "  " in w]
        if bad:
            raise ValueError(f"stray spaces in {bad}")
        dup = sorted({w for w in v if v.count(w) > 1})
        if dup:
            raise ValueError(f"listed twice: {dup}")
        return v


class CodeMap(_Entry):
    codes: dict[str, str]

    @field_validator("codes")
    @classmethod
    def _codes(cls, v: dict[str, str]) -> dict[str, str]:
        bad = [f"{k}: {c}" for k, c in v.items() if not (_CODE.match(k) and len(k) <= 3 and _CODE.match(c))]
        if bad:
            raise ValueError(f"not a CAMEO prefix -> code pair: {bad}")
        return v


class Table(_Entry):
    rows: dict[str, str]


class FormTable(_Entry):
    rows: dict[str, list[str]]


E = TypeVar("E", bound=_Entry)


class Lexicon(BaseModel):
    """One package's word lists; look entries up by name (a missing name is a data error)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str = ""
    sets: dict[str, WordSet] = {}
    phrases: dict[str, WordSet] = {}
    maps: dict[str, CodeMap] = {}
    tables: dict[str, Table] = {}
    forms: dict[str, FormTable] = {}

    def _get(self, entries: dict[str, E], kind: str, name: str) -> E:
        if name not in entries:
            raise DataError(f"{self.source}: no {kind} named {name!r}")
        return entries[name]

    def words(self, name: str) -> frozenset[str]:
        return frozenset(self._get(self.sets, "set", name).words)

    def ordered(self, name: str) -> tuple[str, ...]:
        """A set whose order matters (preference order)."""
        return tuple(self._get(self.sets, "set", name).words)

    def phrase_tuples(self, name: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(p.split()) for p in self._get(self.phrases, "phrase", name).words)

    def code_map(self, name: str) -> dict[str, str]:
        return dict(self._get(self.maps, "map", name).codes)

    def table(self, name: str) -> dict[str, str]:
        return dict(self._get(self.tables, "table", name).rows)

    def form_table(self, name: str) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self._get(self.forms, "form", name).rows.items()}


def parse_lexicon(text: str, source: str) -> Lexicon:
    """Validate one lexicon file's text; ``source`` names it in errors."""
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DataError(f"{source}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise DataError(f"{source}: expected a mapping of sets, phrases, maps and tables")
    try:
        return Lexicon(source=source, **raw)
    except (ValidationError, TypeError) as exc:
        raise DataError(f"{source}: {exc}") from None


@cache
def load_lexicon(package: str, name: str = "lexicon.yaml") -> Lexicon:
    """The validated ``data/<name>`` of a package, parsed once per process."""
    path = resources.files(package).joinpath("data", name)
    return parse_lexicon(path.read_text("utf-8"), f"{package.replace('.', '/')}/data/{name}")
