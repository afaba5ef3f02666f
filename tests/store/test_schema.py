"""Migrations: versioned, atomic, refusing foreign and newer databases."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from multivector.errors import StoreError
from multivector.store import LATEST, MIGRATIONS, Store, migrate
from multivector.store.schema import current_version


def test_fresh_database_gets_every_migration_once(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "a.duckdb"))
    assert migrate(con) == LATEST
    assert migrate(con) == LATEST
    rows = con.execute("SELECT version, description FROM schema_version ORDER BY version").fetchall()
    assert rows == [(v, d) for v, d, _ in MIGRATIONS]
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "duplicates", "mentions", "events", "facts", "schema_version"} <= tables
    indexes = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert {"events_article", "mentions_article", "duplicates_article", "duplicates_of"} <= indexes


def test_failing_migration_leaves_previous_version_intact(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "a.duckdb"))
    migrate(con)
    broken = [*MIGRATIONS, (LATEST + 1, "half done", "CREATE TABLE extra_t (x INT); SELEC broken")]
    with pytest.raises(StoreError, match="migration"):
        migrate(con, broken)
    assert current_version(con) == LATEST
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "extra_t" not in tables


def test_later_migration_is_applied_to_an_old_database(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "a.duckdb"))
    migrate(con)
    newer = [*MIGRATIONS, (LATEST + 1, "notes", "ALTER TABLE articles ADD COLUMN note VARCHAR")]
    assert migrate(con, newer) == LATEST + 1
    assert "note" in [r[0] for r in con.execute("DESCRIBE articles").fetchall()]


def test_newer_or_foreign_databases_are_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.duckdb"
    con = duckdb.connect(str(newer))
    migrate(con)
    con.execute("INSERT INTO schema_version (version, description) VALUES (?, 'future')", [LATEST + 5])
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(newer)

    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE something (x INT)")
    con.close()
    with pytest.raises(StoreError, match="not a multivector database"):
        Store(foreign)
    with pytest.raises(StoreError, match="not a multivector database"):
        Store(foreign, read_only=True)


def test_article_lookups_use_the_article_id_index(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "a.duckdb"))
    migrate(con)
    con.execute(
        "INSERT INTO events (event_id, article_id, cameo) SELECT 'e' || i, 'a' || (i // 4), '040'"
        " FROM range(20000) t(i)"
    )
    plan = con.execute("EXPLAIN ANALYZE SELECT * FROM events WHERE article_id = 'a7'").fetchall()[0][1]
    assert "Index Scan" in plan
