"""East/West alignment of countries and actors, read from the packaged actor files.

A bloc assignment is a research decision, so it lives with the actor data (the ``alignment`` block of
``countries.yaml`` and the ``alignment`` of each collective and IGO) and nowhere else. Reading just these
two small tables costs ~0.2 s, where the full dictionaries (people, phrases) take seconds; analyses need
only them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from multivector.errors import DataError

WEST, EAST = "West", "East"
POLES = {"west": WEST, "east": EAST, "china": "China", "neutral": "neutral"}


def _pole(value: Any) -> str | None:
    if value is None or str(value).strip().lower() in ("", "null", "none"):
        return None
    text = str(value).strip()
    return POLES.get(text.lower(), text)


def _doc(name: str) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (resources.files("multivector.actors") / "data" / name).read_text(encoding="utf-8")
    try:
        doc = yaml.load(text, Loader=loader) or {}
    except yaml.YAMLError as exc:
        raise DataError(f"actors/data/{name}: not valid YAML ({exc})") from None
    if not isinstance(doc, dict):
        raise DataError(f"actors/data/{name}: expected a mapping")
    return doc


@lru_cache(maxsize=1)
def alignment_table() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """(alignment by country code, alignment by actor id); ``None`` marks the post-Soviet states whose
    balancing is measured (never a pole themselves)."""
    countries, igos = _doc("countries.yaml"), _doc("igos.yaml")
    blocs = countries.get("alignment")
    if not isinstance(blocs, dict) or not blocs:
        raise DataError(
            "actors/data/countries.yaml: the 'alignment' block (bloc -> country codes) is missing"
        )
    by_country: dict[str, str | None] = {}
    for bloc, codes in blocs.items():
        for code in codes or []:
            by_country[str(code)] = _pole(bloc)
    by_actor: dict[str, str | None] = {}
    sections = (
        ("countries", countries.get("countries") or {}),
        ("collectives", countries.get("collectives") or {}),
        ("igos", igos.get("igos") or {}),
    )
    for name, section in sections:
        for actor_id, spec in section.items():
            if not isinstance(spec, dict):
                continue
            if "alignment" in spec:
                by_actor[str(actor_id)] = _pole(spec["alignment"])
            elif name == "countries":  # a breakaway entity has its own bloc, not its parent's
                by_actor[str(actor_id)] = by_country.get(str(actor_id), "neutral")
    for spec in (countries.get("collectives") or {}).values():
        if isinstance(spec, dict) and spec.get("country"):
            by_country.setdefault(str(spec["country"]), _pole(spec.get("alignment")))
    by_country.setdefault("EUR", WEST)  # the EU and its bodies are coded EUR (PLOVER convention)
    by_country.setdefault("UNO", "neutral")
    return by_country, by_actor
