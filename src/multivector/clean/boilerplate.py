"""The boilerplate phrase lists (packaged YAML), loaded once and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from multivector.errors import DataError


@dataclass(frozen=True)
class Boilerplate:
    drop: re.Pattern[str]
    tail: re.Pattern[str]

    def is_drop(self, line: str) -> bool:
        return bool(self.drop.fullmatch(_key(line)))

    def is_tail(self, line: str) -> bool:
        return bool(self.tail.fullmatch(_key(line)))


def _key(line: str) -> str:
    """A line as the patterns see it: trimmed of whitespace and decorative punctuation."""
    return line.strip().strip("•·|>»«-–—#*_=[]() ").strip().lower()


def _compile(name: str, patterns: object) -> re.Pattern[str]:
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise DataError(f"boilerplate.yaml: '{name}' must be a list of non-empty strings")
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise DataError(f"boilerplate.yaml: bad pattern in '{name}': {p!r}: {exc}") from exc
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def parse_boilerplate(raw: object) -> Boilerplate:
    """Validate the parsed YAML (a mapping with exactly 'drop' and 'tail' pattern lists) and compile it."""
    if not isinstance(raw, dict):
        raise DataError("boilerplate.yaml: expected a mapping with 'drop' and 'tail'")
    unknown = set(raw) - {"drop", "tail"}
    if unknown:
        raise DataError(f"boilerplate.yaml: unknown keys {sorted(unknown)}")
    return Boilerplate(drop=_compile("drop", raw.get("drop")), tail=_compile("tail", raw.get("tail")))


@lru_cache(maxsize=1)
def load_boilerplate() -> Boilerplate:
    """The packaged phrase lists, read once per process."""
    text = resources.files("multivector.clean").joinpath("data/boilerplate.yaml").read_text("utf-8")
    return parse_boilerplate(yaml.safe_load(text))
