"""East/West alignment of event partners, as a lookup the SQL queries can join against.

The table itself belongs to the actor data (:mod:`multivector.actors.blocs`): a bloc assignment is a
research decision edited in one place. Alignments stored on the events by the coder
(``events.*_alignment``) always win over this lookup. Values are ``"West"``, ``"East"``, ``"China"``,
``"neutral"`` or ``None`` (the post-Soviet states whose balancing is measured: never a pole themselves).
"""

from __future__ import annotations

from multivector.actors.blocs import EAST, WEST, alignment_table

__all__ = [
    "EAST",
    "WEST",
    "alignment_cte",
    "alignment_join",
    "alignment_of",
    "alignment_params",
    "alignment_table",
]


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
