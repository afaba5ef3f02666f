"""Queries and exports over stored events, mentions, articles and facts.

Filtering happens in SQL and rows stream out in Arrow batches, so listing or exporting a large store
never loads a whole table into Python. Parquet and CSV exports of flat tables are DuckDB ``COPY``
statements (fast, typed); JSONL and the GDELT layout are written row by row from records.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from multivector.errors import StoreError
from multivector.output import neutralise
from multivector.records import Event
from multivector.store import rows as R
from multivector.store.core import arrow_batches

EXPORTABLE = ("events", "mentions", "articles", "facts")
EXPORT_FORMATS = ("gdelt", "parquet", "csv", "jsonl")


@dataclass(slots=True)
class EventFilter:
    """What `multivector events` and exports select; every field narrows, None means any."""

    country: str | None = None  # on either side
    source: str | None = None
    target: str | None = None
    actor: str | None = None  # actor id on either side
    since: str | None = None
    until: str | None = None
    root: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    article_id: str | None = None
    limit: int | None = None
    min_confidence: float | None = None  # events stored before confidence existed (NULL) always pass

    def sql(self) -> tuple[str, list[Any]]:
        """WHERE clause (possibly empty) and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.country:
            where.append("(source_country = ? OR target_country = ?)")
            params += [self.country.upper()] * 2
        if self.source:
            where.append("source_country = ?")
            params.append(self.source.upper())
        if self.target:
            where.append("target_country = ?")
            params.append(self.target.upper())
        if self.actor:
            where.append("(source_actor_id = ? OR target_actor_id = ?)")
            params += [self.actor] * 2
        if self.since:
            where.append("date >= ?")
            params.append(self.since)
        if self.until:
            # a day-precision bound must include that whole day, and month dates ("2019-03") inside it
            where.append("date <= ?")
            params.append(self.until + "\uffff" if len(self.until) < 10 else self.until)
        if self.root:
            where.append("root = ?")
            params.append(self.root.zfill(2))
        if self.cameo:
            where.append("cameo LIKE ?")
            params.append(self.cameo + "%")
        if self.quad_class is not None:
            where.append("quad_class = ?")
            params.append(int(self.quad_class))
        if self.article_id:
            where.append("article_id = ?")
            params.append(self.article_id)
        if self.min_confidence:
            where.append("coalesce(confidence, 1.0) >= ?")
            params.append(float(self.min_confidence))
        return (" WHERE " + " AND ".join(where)) if where else "", params


def _batches(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cur = con.cursor()
    try:
        for rb in arrow_batches(cur, sql, params, 2000):
            yield from rb.to_pylist()
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc
    finally:
        cur.close()


def query_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> Iterator[Event]:
    """Stored events matching ``flt``, ordered by date then text position."""
    flt = flt or EventFilter()
    where, params = flt.sql()
    sql = f"SELECT * FROM events{where} ORDER BY date NULLS LAST, article_id, span_start, event_id"
    if flt.limit:
        sql += f" LIMIT {int(flt.limit)}"
    for row in _batches(con, sql, params):
        yield R.event_from_row(row)


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> Event | None:
    """One stored event by id; a unique prefix of at least 6 characters also works."""
    rows = list(_batches(con, "SELECT * FROM events WHERE event_id LIKE ? LIMIT 2", [event_id + "%"]))
    if len(rows) != 1 or (len(event_id) < 6 and rows[0]["event_id"] != event_id):
        return None
    return R.event_from_row(rows[0])


def event_record(event: Event) -> dict[str, Any]:
    """The documented JSONL event record (nested source/target, span as [start, end])."""
    return event.to_dict()


def gdelt_lines(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> Iterator[str]:
    """GDELT 2.0 event-export lines (tab-separated, no header, as GDELT ships them).

    Each event's article URL (else its file) comes from a join in the same query, for SOURCEURL.
    """
    from multivector.coding.gdelt import to_gdelt_line
    from multivector.records import Article

    flt = flt or EventFilter()
    where, params = flt.sql()
    sql = (
        "SELECT e.*, a.url AS _url, a.source_path AS _path, "
        "json_extract_string(a.extra, '$.source_id') AS _sid "
        f"FROM (SELECT * FROM events{where}) e "
        "LEFT JOIN articles a ON a.id = e.article_id "
        "ORDER BY e.date NULLS LAST, e.article_id, e.span_start, e.event_id"
    )
    if flt.limit:
        sql += f" LIMIT {int(flt.limit)}"
    for row in _batches(con, sql, params):
        url, path, sid = row.pop("_url"), row.pop("_path"), row.pop("_sid")
        ev = R.event_from_row(row)
        art = Article(
            id=ev.article_id or "",
            title=None,
            date=ev.date,
            date_precision=None,
            lang="",
            url=url,
            source_path=path or "",
            part=0,
            text="",
            extra={"source_id": sid} if sid else {},
        )
        yield to_gdelt_line(ev, art)


def _flat_sql(what: str, flt: EventFilter | None) -> tuple[str, list[Any]]:
    if what == "events":
        where, params = (flt or EventFilter()).sql()
        return f"SELECT * FROM events{where} ORDER BY date NULLS LAST, article_id, span_start", params
    if what == "articles":
        return "SELECT * EXCLUDE (minhash) FROM articles ORDER BY seq", []
    if what == "mentions":
        return 'SELECT * FROM mentions ORDER BY article_id, "start"', []
    return "SELECT * FROM facts ORDER BY article_id, span_start", []


def _jsonl_records(con: duckdb.DuckDBPyConnection, what: str, flt: EventFilter | None) -> Iterator[dict]:
    if what == "events":
        for ev in query_events(con, flt):
            yield event_record(ev)
        return
    sql, params = _flat_sql(what, flt)
    converters: dict[str, Callable[[dict[str, Any]], Any]] = {
        "articles": R.article_from_row,
        "mentions": R.mention_from_row,
        "facts": R.fact_from_row,
    }
    convert = converters[what]
    for row in _batches(con, sql, params):
        yield convert(row).to_dict()


def export(
    con: duckdb.DuckDBPyConnection,
    what: str,
    fmt: str,
    out: str | Path,
    flt: EventFilter | None = None,
) -> int:
    """Write one table to ``out`` in ``fmt``; returns the number of rows written.

    ``gdelt`` applies to events only. Parquet keeps DuckDB's column types (dates as ISO strings at
    their known precision, like the store).
    """
    if what not in EXPORTABLE:
        raise StoreError(f"cannot export {what!r}; one of {', '.join(EXPORTABLE)}")
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "gdelt" and what != "events":
        raise StoreError("the GDELT layout exists for events only; use parquet, csv or jsonl")
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create folder: {exc.strerror}") from exc
    n = 0
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            sql, params = _flat_sql(what, flt)
            cur = con.cursor()
            writer = None
            try:
                for rb in arrow_batches(cur, sql, params):
                    if writer is None:
                        writer = pq.ParquetWriter(path, rb.schema)
                    writer.write_batch(rb)
                    n += rb.num_rows
                if writer is None:  # no rows: still a valid file with the table's columns
                    empty = cur.sql(sql + " LIMIT 0", params=params or None).arrow()
                    pq.write_table(empty.read_all() if hasattr(empty, "read_all") else empty, path)
            finally:
                if writer is not None:
                    writer.close()
                cur.close()
            return n
        with path.open("w", encoding="utf-8", newline="") as fh:
            if fmt == "gdelt":
                for line in gdelt_lines(con, flt):
                    fh.write(line)
                    n += 1
            elif fmt == "jsonl":
                for rec in _jsonl_records(con, what, flt):
                    fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
                    n += 1
            else:
                sql, params = _flat_sql(what, flt)
                writer = csv.writer(fh, lineterminator="\n")
                cur = con.cursor()
                try:
                    writer.writerow(cur.sql(sql + " LIMIT 0", params=params or None).columns)
                finally:
                    cur.close()
                for row in _batches(con, sql, params):
                    writer.writerow([_cell(v) for v in row.values()])
                    n += 1
    except OSError as exc:
        raise StoreError(f"{path}: cannot write: {exc.strerror}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"export of {what} failed: {exc}") from exc
    return n


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return neutralise(value)
    return "" if value is None else value
