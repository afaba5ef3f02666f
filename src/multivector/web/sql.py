"""Read-only SQL over the store for the dashboard's SQL page, in the spirit of Datasette.

Three fences, because the server's connection is also the one uploads write through: DuckDB's own
parser must find exactly one statement and it must be a SELECT (so no INSERT, COPY, ATTACH, PRAGMA or
SET); the database instance has external access switched off when the app starts (so a SELECT cannot
read or write files with ``read_csv`` or ``COPY``-like table functions); and every query runs on its own
cursor under a timer that interrupts it, with the result cut at a row limit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from multivector.errors import UsageError

ROW_LIMIT = 1000
SECONDS = 5.0
EXAMPLE = (
    "SELECT source_country, target_country, count(*) AS events, round(avg(goldstein), 2) AS goldstein\n"
    "FROM events GROUP BY ALL ORDER BY events DESC LIMIT 20"
)


def lock_down(con: Any, allowed: Iterable[Path] = ()) -> None:
    """Forbid file and network access to every connection of this database instance (irreversible),
    except below the ``allowed`` folders (the server's own snapshot folder)."""
    folders = [f"{Path(f).resolve()}/" for f in allowed]
    if folders:
        con.execute("SET allowed_directories = ?", [folders])
    con.execute("SET enable_external_access = false")


def run_query(con: Any, sql: str, *, limit: int = ROW_LIMIT, seconds: float = SECONDS) -> dict[str, Any]:
    """Columns, at most ``limit`` rows, whether more existed, and the time taken; UsageError otherwise."""
    import duckdb

    text = sql.strip().rstrip(";").strip()
    if not text:
        raise UsageError("empty query")
    try:
        statements = con.extract_statements(text)
    except duckdb.Error as exc:
        raise UsageError(f"not valid SQL: {_first_line(exc)}") from exc
    if len(statements) != 1:
        raise UsageError("one statement at a time")
    if statements[0].type != duckdb.StatementType.SELECT:
        raise UsageError(f"only SELECT queries are allowed here (this is {statements[0].type.name})")
    cur = con.cursor()
    timer = threading.Timer(seconds, cur.interrupt)
    t0 = time.perf_counter()
    try:
        timer.start()
        cur.execute(text)
        columns = [d[0] for d in cur.description]
        rows = cur.fetchmany(limit + 1)
    except duckdb.InterruptException as exc:
        raise UsageError(f"query stopped after the {seconds:g} s limit") from exc
    except duckdb.Error as exc:
        raise UsageError(_first_line(exc)) from exc
    finally:
        timer.cancel()
        cur.close()
    return {
        "columns": columns,
        "rows": [list(r) for r in rows[:limit]],
        "truncated": len(rows) > limit,
        "ms": (time.perf_counter() - t0) * 1000,
    }


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
