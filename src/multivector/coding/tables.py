"""CAMEO code table and event-pattern dictionary, loaded from packaged data and validated.

Both are data, not code (CONTRIBUTING: "data as data"), so a malformed row must fail loudly with the file and
the entry named instead of silently coding events with a wrong Goldstein weight or an unknown code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from multivector.errors import MultivectorError

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")
#: an ``obj=`` entry that any named actor satisfies ("received Aliyev", not "received a letter")
ACTOR_OBJECT = "@actor"
ROOT_NAMES = {f"{i:02d}": "" for i in range(1, 21)}


class CodingDataError(MultivectorError):
    """A packaged or user-supplied coding table is malformed."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None


def quad_class_of(root: str) -> int:
    """QuadClass from the root: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def labels(code: str | None, quad_class: int | None = None) -> dict[str, str | None]:
    """Human names beside an event's codes: CAMEO code, its root, QuadClass (None where unknown)."""
    table = cameo_table()
    known = table.get(code or "")
    root = table.get((code or "")[:2])
    return {
        "cameo_label": known.name if known else None,
        "root_label": root.name if root else None,
        "quad_label": QUAD_NAMES.get(quad_class or (known.quad_class if known else 0)),
    }


def data_path(name: str) -> Path:
    return Path(str(resources.files("multivector.coding") / "data" / name))


def load_cameo(path: str | Path | None = None) -> dict[str, CameoCode]:
    """Read cameo.tsv; every code must be well formed, its root consistent and Goldstein in [-10, 10]."""
    path = Path(path) if path else data_path("cameo.tsv")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CodingDataError(f"{path}: cannot read CAMEO table: {exc}") from None
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    table: dict[str, CameoCode] = {}
    reader = csv.DictReader(rows, delimiter="\t")
    for n, row in enumerate(reader, start=2):
        code = (row.get("code") or "").strip()
        where = f"{path}: row {n} (code {code!r})"
        if not _CODE.match(code):
            raise CodingDataError(f"{where}: malformed CAMEO code")
        if row.get("root") != code[:2]:
            raise CodingDataError(f"{where}: root {row.get('root')!r} does not match the code")
        try:
            quad, gold = int(row["quad_class"]), float(row["goldstein"])
        except (TypeError, ValueError):
            raise CodingDataError(f"{where}: quad_class/goldstein not numeric") from None
        if quad != quad_class_of(code[:2]):
            raise CodingDataError(f"{where}: quad_class {quad} inconsistent with root {code[:2]}")
        if not -10.0 <= gold <= 10.0:
            raise CodingDataError(f"{where}: goldstein {gold} outside [-10, 10]")
        if code in table:
            raise CodingDataError(f"{where}: duplicate code")
        table[code] = CameoCode(code, row["name"], code[:2], quad, gold, row.get("plover") or None)
    missing = [r for r in ROOT_NAMES if r not in table]
    if missing:
        raise CodingDataError(f"{path}: roots missing: {', '.join(missing)}")
    return table


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """The packaged table, read once per process."""
    return load_cameo()


def cameo(code: str) -> CameoCode:
    """Look up a code, falling back to its parent (4 → 3 digits) so sub-codes never crash the coder."""
    table = cameo_table()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    raise CodingDataError(f"unknown CAMEO code {code!r}")


DEFAULT_TARGETS = ("dobj", "to", "with", "against", "on", "toward", "towards", "into")
NOUN_TARGETS = ("to", "with", "against", "on", "toward", "towards", "over", "for")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger: lemma + POS + optional constraints, mapped to a CAMEO code."""

    id: str
    code: str
    pos: str  # "V" or "N"
    lemma: str
    obj: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    prt: frozenset[str] = frozenset()
    tgt: tuple[str, ...] = ()
    sym: bool = False
    notgt: bool = False
    intrans: bool = False
    rev: bool = False
    charge: bool = False
    specificity: int = field(default=0)


_KEYS = {"obj", "prep", "prt", "tgt"}
_FLAGS = {"sym", "notgt", "intrans", "rev", "charge"}


def _parse_pattern(
    code: str, spec: str, where: str, targets: tuple[tuple[str, ...], tuple[str, ...]]
) -> Pattern:
    parts = str(spec).split()
    if len(parts) < 2 or parts[0] not in ("V", "N"):
        raise CodingDataError(f"{where}: pattern {spec!r} must start with 'V <lemma>' or 'N <lemma>'")
    pos, lemma = parts[0], parts[1].lower()
    opts: dict[str, set[str]] = {k: set() for k in _KEYS}
    flags: set[str] = set()
    for part in parts[2:]:
        if "=" in part:
            key, _, val = part.partition("=")
            if key not in _KEYS or not val:
                raise CodingDataError(f"{where}: pattern {spec!r}: unknown option {part!r}")
            opts[key].update(v.lower() for v in val.split(",") if v)
        elif part in _FLAGS:
            flags.add(part)
        else:
            raise CodingDataError(f"{where}: pattern {spec!r}: unknown flag {part!r}")
    constraint = ":".join(f"{k}={','.join(sorted(opts[k]))}" for k in ("obj", "prep", "prt") if opts[k])
    for flag in ("intrans", "rev", "charge"):
        if flag in flags:
            constraint = (constraint + ":" if constraint else "") + flag
    pid = f"{code}:{pos}:{lemma}" + (f":{constraint}" if constraint else "")
    tgt = tuple(sorted(opts["tgt"])) or (targets[0] if pos == "V" else targets[1])
    spec_score = 2 * bool(opts["obj"]) + bool(opts["prep"]) + bool(opts["prt"]) + ("intrans" in flags)
    return Pattern(
        pid,
        code,
        pos,
        lemma,
        frozenset(opts["obj"]),
        frozenset(opts["prep"]),
        frozenset(opts["prt"]),
        tgt,
        "sym" in flags,
        "notgt" in flags,
        "intrans" in flags,
        "rev" in flags,
        "charge" in flags,
        spec_score,
    )


def load_patterns(
    path: str | Path | None = None,
    targets: tuple[tuple[str, ...], tuple[str, ...]] = (DEFAULT_TARGETS, NOUN_TARGETS),
) -> list[Pattern]:
    """Read patterns.yaml: every code must exist in the CAMEO table and every derived id must be unique.
    ``targets`` are the (verb, noun) places a target is read when a pattern names none (the Russian file
    has its own)."""
    path = Path(path) if path else data_path("patterns.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CodingDataError(f"{path}: cannot read patterns: {exc}") from None
    if not isinstance(data, dict):
        raise CodingDataError(f"{path}: top level must map CAMEO codes to pattern lists")
    table = cameo_table()
    out: list[Pattern] = []
    seen: dict[str, str] = {}
    shapes: dict[tuple, str] = {}
    for code, specs in data.items():
        code = str(code)
        where = f"{path}: code {code!r}"
        if code not in table:
            raise CodingDataError(f"{where}: not a CAMEO code")
        if not isinstance(specs, list):
            raise CodingDataError(f"{where}: expected a list of patterns")
        for spec in specs:
            pat = _parse_pattern(code, spec, where, targets)
            if pat.id in seen:
                raise CodingDataError(f"{where}: duplicate pattern id {pat.id!r}")
            shape = (pat.pos, pat.lemma, pat.obj, pat.prep, pat.prt, pat.intrans, pat.rev)
            if shape in shapes:
                raise CodingDataError(f"{where}: pattern {spec!r} is ambiguous with {shapes[shape]!r}")
            seen[pat.id] = code
            shapes[shape] = pat.id
            out.append(pat)
    return out


@lru_cache(maxsize=1)
def pattern_index() -> dict[tuple[str, str], list[Pattern]]:
    """Patterns by (POS, lemma), most specific first, so the coder tries constrained ones before bare ones."""
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pat in load_patterns():
        index.setdefault((pat.pos, pat.lemma), []).append(pat)
    for pats in index.values():
        pats.sort(key=lambda p: -p.specificity)
    return index


def pattern_counts() -> dict[str, int]:
    """Pattern count per CAMEO root (for reports and the coverage test)."""
    counts: dict[str, int] = {}
    for pat in load_patterns():
        counts[pat.code[:2]] = counts.get(pat.code[:2], 0) + 1
    return dict(sorted(counts.items()))
