"""Records ⇄ Arrow tables with explicit schemas.

Why explicit Arrow schemas: a batch whose optional fields happen to be all None would otherwise be
inferred as the ``null`` type and make DuckDB guess column types per batch; fixing the schema keeps
every batch insert a straight, typed ``INSERT … SELECT`` from a registered Arrow table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import pyarrow as pa

from multivector.records import Article, Event, Fact, Mention

ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("seq", pa.int64()),
        ("title", pa.string()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("year", pa.int32()),
        ("lang", pa.string()),
        ("url", pa.string()),
        ("source_path", pa.string()),
        ("part", pa.int32()),
        ("text", pa.string()),
        ("duplicate_of", pa.string()),
        ("minhash", pa.binary()),
        ("ingested_at", pa.timestamp("us")),
        ("extra", pa.string()),
    ]
)

DUPLICATE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("duplicate_of", pa.string()),
        ("kind", pa.string()),
        ("similarity", pa.float64()),
        ("source_path", pa.string()),
        ("part", pa.int32()),
    ]
)

_MENTION_FIELDS = [
    ("text", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("actor_id", pa.string()),
    ("name", pa.string()),
    ("country", pa.string()),
    ("agent", pa.string()),
    ("alignment", pa.string()),
    ("confidence", pa.float64()),
    ("via", pa.string()),
]

MENTION_SCHEMA = pa.schema([("article_id", pa.string()), *_MENTION_FIELDS])

EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("date", pa.string()),
        *[(f"source_{name}", typ) for name, typ in _MENTION_FIELDS],
        *[(f"target_{name}", typ) for name, typ in _MENTION_FIELDS],
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("quad_class", pa.int32()),
        ("goldstein", pa.float64()),
        ("plover", pa.string()),
        ("negated", pa.bool_()),
        ("modality", pa.string()),
        ("sentence", pa.string()),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
        ("trigger", pa.string()),
        ("pattern_id", pa.string()),
        ("confidence", pa.float64()),
    ]
)

FACT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("kind", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("currency", pa.string()),
        ("period", pa.string()),
        ("actors", pa.list_(pa.string())),
        ("sentence", pa.string()),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
    ]
)

_YEAR = re.compile(r"^(\d{4})(?:\b|-|$)")


def year_of(date: str | None) -> int | None:
    """Calendar year of an ISO date at any precision ("2021", "2021-03", "2021-03-04T10:00")."""
    if not date:
        return None
    m = _YEAR.match(date)
    return int(m.group(1)) if m else None


def _columns(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pydict({f.name: [r.get(f.name) for r in rows] for f in schema}, schema=schema)


def article_row(
    art: Article, *, seq: int, duplicate_of: str | None, minhash: bytes | None, ingested_at: datetime
) -> dict[str, Any]:
    """One ``articles`` row; ``extra`` is JSON text (non-JSON values stringified rather than lost)."""
    return {
        "id": art.id,
        "seq": seq,
        "title": art.title,
        "date": art.date,
        "date_precision": art.date_precision,
        "year": year_of(art.date),
        "lang": art.lang,
        "url": art.url,
        "source_path": art.source_path,
        "part": art.part,
        "text": art.text,
        "duplicate_of": duplicate_of,
        "minhash": minhash,
        "ingested_at": ingested_at,
        "extra": json.dumps(art.extra or {}, ensure_ascii=False, default=str, sort_keys=True),
    }


def articles_table(rows: Sequence[dict[str, Any]]) -> pa.Table:
    return _columns(rows, ARTICLE_SCHEMA)


def duplicates_table(rows: Sequence[dict[str, Any]]) -> pa.Table:
    return _columns(rows, DUPLICATE_SCHEMA)


def _mention_part(prefix: str, m: Mention | None) -> dict[str, Any]:
    if m is None:
        return {}
    return {f"{prefix}{name}": getattr(m, name) for name, _ in _MENTION_FIELDS}


def mentions_table(mentions: Iterable[Mention]) -> pa.Table:
    rows = [{"article_id": m.article_id, **_mention_part("", m)} for m in mentions]
    return _columns(rows, MENTION_SCHEMA)


def events_table(events: Iterable[Event]) -> pa.Table:
    rows = []
    for e in events:
        rows.append(
            {
                "event_id": e.event_id,
                "article_id": e.article_id,
                "date": e.date,
                **_mention_part("source_", e.source),
                **_mention_part("target_", e.target),
                "cameo": e.cameo,
                "root": e.root,
                "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "plover": e.plover,
                "negated": e.negated,
                "modality": e.modality,
                "sentence": e.sentence,
                "span_start": e.span[0],
                "span_end": e.span[1],
                "trigger": e.trigger,
                "pattern_id": e.pattern_id,
                "confidence": e.confidence,
            }
        )
    return _columns(rows, EVENT_SCHEMA)


def facts_table(facts: Iterable[Fact]) -> pa.Table:
    rows = [
        {
            "article_id": f.article_id,
            "kind": f.kind,
            "value": f.value,
            "unit": f.unit,
            "currency": f.currency,
            "period": f.period,
            "actors": list(f.actors),
            "sentence": f.sentence,
            "span_start": f.span[0],
            "span_end": f.span[1],
        }
        for f in facts
    ]
    return _columns(rows, FACT_SCHEMA)


def article_from_row(row: dict[str, Any]) -> Article:
    """Rebuild an :class:`Article` from an ``articles`` row (as returned by DuckDB)."""
    extra = row.get("extra")
    return Article(
        id=row["id"],
        title=row["title"],
        date=row["date"],
        date_precision=row["date_precision"],
        lang=row["lang"],
        url=row["url"],
        source_path=row["source_path"],
        part=row["part"],
        text=row["text"],
        duplicate_of=row["duplicate_of"],
        extra=json.loads(extra) if extra else {},
    )


def _mention_from(prefix: str, row: dict[str, Any], article_id: str | None) -> Mention:
    fields: dict[str, Any] = {name: row.get(f"{prefix}{name}") for name, _ in _MENTION_FIELDS}
    fields["via"] = fields["via"] or ""
    return Mention(**fields, article_id=article_id)


def event_from_row(row: dict[str, Any]) -> Event:
    """Rebuild an :class:`Event`; a target whose text and actor are both NULL was absent."""
    has_target = row["target_text"] is not None or row["target_actor_id"] is not None
    return Event(
        event_id=row["event_id"],
        article_id=row["article_id"],
        date=row["date"],
        source=_mention_from("source_", row, row["article_id"]),
        target=_mention_from("target_", row, row["article_id"]) if has_target else None,
        cameo=row["cameo"],
        root=row["root"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        plover=row["plover"],
        negated=row["negated"],
        modality=row["modality"],
        sentence=row["sentence"],
        span=(row["span_start"], row["span_end"]),
        trigger=row["trigger"],
        pattern_id=row["pattern_id"],
        confidence=row.get("confidence"),
    )


def mention_from_row(row: dict[str, Any]) -> Mention:
    return _mention_from("", row, row["article_id"])


def fact_from_row(row: dict[str, Any]) -> Fact:
    return Fact(
        article_id=row["article_id"],
        kind=row["kind"],
        value=row["value"],
        unit=row["unit"],
        currency=row["currency"],
        period=row["period"],
        actors=list(row["actors"] or []),
        sentence=row["sentence"],
        span=(row["span_start"], row["span_end"]),
    )
