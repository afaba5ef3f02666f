"""East/West alignment of event partners, as a lookup the SQL queries can join against.

Alignment belongs to the actor data (``multivector.actors``), not to the analysis: a bloc assignment
is a research decision that must be edited in one place.  This module therefore uses an
``alignment_table()`` accessor of ``multivector.actors.data`` when it exists, else reads the bloc
tables of the packaged actor YAML, and only when neither loads falls back to a small built-in table.
Alignments stored on the events by the coder (``events.*_alignment``) always win over this lookup.
Values are ``"West"``, ``"East"``, ``"China"``, ``"neutral"`` or ``None`` (the post-Soviet states
whose balancing is measured: never a pole themselves).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

WEST, EAST = "West", "East"


def _codes(text: str) -> list[str]:
    return text.split()


# Fallback only (actor data failed to load): mirrors the bloc block of actors/data/countries.yaml.
_FALLBACK_COUNTRIES: dict[str, str | None] = {
    **dict.fromkeys(
        _codes(
            "USA GBR CAN FRA DEU ITA ESP PRT NLD BEL LUX DNK NOR ISL SWE FIN IRL AUT CHE POL CZE "
            "SVK SVN HUN ROU BGR HRV GRC CYP MLT EST LVA LTU ALB MNE MKD TUR AUS NZL JPN KOR ISR "
            "TWN LIE MCO AND SMR VAT XKX EUR WST BLT"
        ),
        WEST,
    ),
    **dict.fromkeys(_codes("RUS ABH SOS PMR DPR LPR EBL"), EAST),
    **dict.fromkeys(_codes("CHN HKG MAC"), "China"),
    **dict.fromkeys(_codes("ARM AZE BLR GEO KAZ KGZ MDA TJK TKM UKR UZB ART CRM DON PSV")),
    "UNO": "neutral",
}
_FALLBACK_ACTORS: dict[str, str | None] = {
    **dict.fromkeys(_codes("EU EC EUCO CONS EP EEAS ECB EAP EBRD NATO COE G7 OECD GUAM IMF WB ICC"), WEST),
    **dict.fromkeys(_codes("WEST BALT"), WEST),
    **dict.fromkeys(_codes("CIS EAEU EURASEC CU CSTO UNSTATE SCO BRICS EDB EAST"), EAST),
}


def _from_actors_package() -> tuple[dict[str, str | None], dict[str, str | None]] | None:
    """A cheap ``alignment_table()`` accessor of ``multivector.actors`` when it offers one."""
    try:
        import multivector.actors.data as data

        fn = getattr(data, "alignment_table", None)
        got = fn() if callable(fn) else None
    except Exception:  # a half-written actors package must not break the analyses
        return None
    if isinstance(got, tuple) and len(got) == 2 and got[0]:
        return dict(got[0]), dict(got[1])
    return None


def _norm(value: Any) -> str | None:
    if value is None or str(value).strip().lower() in ("", "null", "none"):
        return None
    text = str(value).strip()
    return {"west": WEST, "east": EAST, "china": "China", "neutral": "neutral"}.get(text.lower(), text)


def _from_yaml() -> tuple[dict[str, str | None], dict[str, str | None]] | None:
    """The bloc block and IGO/collective alignments of the packaged actor YAML (~0.2 s).

    Loading the full actor dictionaries (people, phrases) costs seconds; the analysis needs only
    these two small tables, and the coder's stored per-event alignment wins over them anyway.
    """
    try:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        base = resources.files("multivector.actors") / "data"
        countries = yaml.load((base / "countries.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
        igos = yaml.load((base / "igos.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
    except Exception:
        return None
    by_country: dict[str, str | None] = {}
    for bloc, codes in (countries.get("alignment") or {}).items():
        for code in codes or []:
            by_country[str(code)] = _norm(bloc)
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
                by_actor[str(actor_id)] = _norm(spec["alignment"])
            elif name == "countries":  # a breakaway entity has its own bloc, not its parent's
                by_actor[str(actor_id)] = by_country.get(str(actor_id), "neutral")
    for spec in (countries.get("collectives") or {}).values():
        if isinstance(spec, dict) and spec.get("country"):
            by_country.setdefault(str(spec["country"]), _norm(spec.get("alignment")))
    if not by_country:
        return None
    by_country.setdefault("EUR", WEST)  # the EU and its bodies are coded EUR (PLOVER convention)
    by_country.setdefault("UNO", "neutral")
    return by_country, by_actor


@lru_cache(maxsize=1)
def alignment_table() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """(alignment by country code, alignment by actor id), from the best available source."""
    return _from_actors_package() or _from_yaml() or (dict(_FALLBACK_COUNTRIES), dict(_FALLBACK_ACTORS))


def alignment_of(country: str | None, actor_id: str | None = None) -> str | None:
    """Alignment of one actor: its actor id wins (NATO vs CSTO are both ``IGO``), then its country code.

    Unknown codes are ``"neutral"``; the measured post-Soviet states are ``None``.
    """
    by_country, by_actor = alignment_table()
    if actor_id and actor_id in by_actor:
        return by_actor[actor_id]
    if country and country in by_country:
        return by_country[country]
    return "neutral" if country or actor_id else None


def alignment_params() -> list[list[str]]:
    """Four parallel lists for the SQL lookup CTE (see :func:`alignment_cte`)."""
    by_country, by_actor = alignment_table()
    return [
        list(by_country),
        [v or "" for v in by_country.values()],
        list(by_actor),
        [v or "" for v in by_actor.values()],
    ]


def alignment_cte() -> str:
    """SQL for two lookup relations ``_al_country(k, a)`` and ``_al_actor(k, a)`` built from parameters.

    Passing the table as list parameters keeps the connection stateless (nothing registered, nothing
    created), so analyses can run concurrently on one store.  '' stands for NULL (no pole).
    """
    return (
        "_al_country AS (SELECT unnest(?::VARCHAR[]) AS k, unnest(?::VARCHAR[]) AS a), "
        "_al_actor AS (SELECT unnest(?::VARCHAR[]) AS k, unnest(?::VARCHAR[]) AS a)"
    )


def alignment_join(country_col: str, actor_col: str, alias: str) -> tuple[str, str]:
    """(JOIN clauses, expression) giving the alignment of one event side; needs :func:`alignment_cte`.

    The actor id wins over the country code; a code listed with no pole yields NULL; an unknown
    code is 'neutral'.
    """
    joins = (
        f" LEFT JOIN _al_actor {alias}_a ON {alias}_a.k = {actor_col}"
        f" LEFT JOIN _al_country {alias}_c ON {alias}_c.k = {country_col}"
    )
    expr = (
        f"(CASE WHEN {alias}_a.k IS NOT NULL THEN NULLIF({alias}_a.a, '')"
        f" WHEN {alias}_c.k IS NOT NULL THEN NULLIF({alias}_c.a, '')"
        f" WHEN {country_col} IS NULL AND {actor_col} IS NULL THEN NULL ELSE 'neutral' END)"
    )
    return joins, expr
