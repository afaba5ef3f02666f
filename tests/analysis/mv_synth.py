"""Tiny synthetic stores for analysis/report tests: every number in them is countable by hand."""

from __future__ import annotations

import itertools
from typing import Any

import duckdb

QUAD_GOLDSTEIN = {1: 3.0, 2: 7.0, 3: -2.0, 4: -9.0}
_ROOT_QUAD = {"01": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "12": 3, "13": 3, "17": 4, "19": 4}


def new_store() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the real store schema (its migrations), so tests follow the store."""
    from multivector.store import migrate

    con = duckdb.connect()
    migrate(con)
    return con


class Builder:
    """Adds articles and events with just the fields a test cares about."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self._seq = itertools.count(1)
        self._ev = itertools.count(1)

    def article(
        self,
        aid: str,
        date: str | None,
        *,
        title: str | None = None,
        text: str = "",
        duplicate_of: str | None = None,
    ) -> str:
        self.con.execute(
            "INSERT INTO articles (id, seq, title, date, lang, source_path, part, text, duplicate_of)"
            " VALUES (?, ?, ?, ?, 'en', 'synthetic', 0, ?, ?)",
            [aid, next(self._seq), title or f"Title {aid}", date, text, duplicate_of],
        )
        return aid

    def event(
        self,
        article_id: str,
        src: str,
        tgt: str | None,
        *,
        cameo: str = "040",
        quad: int | None = None,
        goldstein: float | None = None,
        date: str | None = None,
        src_actor: str | None = None,
        tgt_actor: str | None = None,
        negated: bool = False,
        sentence: str | None = None,
        **extra: Any,
    ) -> str:
        root = cameo[:2]
        quad = quad if quad is not None else _ROOT_QUAD.get(root, 1)
        goldstein = goldstein if goldstein is not None else QUAD_GOLDSTEIN[quad]
        eid = f"e{next(self._ev)}"
        cols = {
            "event_id": eid,
            "article_id": article_id,
            "date": date,
            "source_country": src,
            "source_actor_id": src_actor or src,
            "source_name": src_actor or src,
            "target_country": tgt,
            "target_actor_id": tgt_actor or tgt,
            "target_name": tgt_actor or tgt,
            "cameo": cameo,
            "root": root,
            "quad_class": quad,
            "goldstein": goldstein,
            "negated": negated,
            "modality": "asserted",
            "sentence": sentence or f"{src} does {cameo} to {tgt}.",
            **extra,
        }
        names = ", ".join(f'"{k}"' for k in cols)
        self.con.execute(
            f"INSERT INTO events ({names}) VALUES ({', '.join('?' * len(cols))})", list(cols.values())
        )
        return eid

    def mention(self, article_id: str, country: str, actor_id: str | None = None) -> None:
        self.con.execute(
            'INSERT INTO mentions (article_id, "start", "end", text, actor_id, country)'
            " VALUES (?, 0, 1, ?, ?, ?)",
            [article_id, country, actor_id or country, country],
        )
