"""Versioned schema migrations for the DuckDB store.

Why explicit migrations rather than ``CREATE TABLE IF NOT EXISTS`` at every open: databases outlive the
code that wrote them, and a column added later must reach old files in a known order, once, atomically.
Each entry of :data:`MIGRATIONS` runs in its own transaction together with the row that records it in
``schema_version``, so a crash leaves a database at either the old or the new version, never between.
Append new versions at the end; never edit a released one.
"""

from __future__ import annotations

import duckdb

from multivector.errors import StoreError

_V1 = """
CREATE TABLE articles (
    id             VARCHAR PRIMARY KEY,
    seq            BIGINT NOT NULL,          -- insertion order: "first copy" and index rebuild order
    title          VARCHAR,
    date           VARCHAR,                  -- ISO 8601 at full known precision
    date_precision VARCHAR,
    year           INTEGER,
    lang           VARCHAR,
    url            VARCHAR,
    source_path    VARCHAR NOT NULL,
    part           INTEGER NOT NULL,
    text           VARCHAR,
    duplicate_of   VARCHAR,                  -- first earlier near-duplicate, NULL for originals
    minhash        BLOB,                     -- little-endian uint64 MinHash signature
    ingested_at    TIMESTAMP,
    extra          JSON
);
CREATE TABLE duplicates (
    article_id   VARCHAR NOT NULL,           -- the stored article (exact) or the new copy (near)
    duplicate_of VARCHAR NOT NULL,           -- same id (exact) or the earlier article (near)
    kind         VARCHAR NOT NULL CHECK (kind IN ('exact', 'near')),
    similarity   DOUBLE,
    source_path  VARCHAR NOT NULL,           -- provenance of the copy
    part         INTEGER NOT NULL,
    UNIQUE (article_id, kind, source_path, part)
);
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR,
    actor_id   VARCHAR,
    name       VARCHAR,
    country    VARCHAR,
    agent      VARCHAR,
    alignment  VARCHAR,
    confidence DOUBLE
);
CREATE TABLE events (
    event_id           VARCHAR PRIMARY KEY,
    article_id         VARCHAR,
    date               VARCHAR,
    source_text        VARCHAR,
    source_start       INTEGER,
    source_end         INTEGER,
    source_actor_id    VARCHAR,
    source_name        VARCHAR,
    source_country     VARCHAR,
    source_agent       VARCHAR,
    source_alignment   VARCHAR,
    source_confidence  DOUBLE,
    target_text        VARCHAR,
    target_start       INTEGER,
    target_end         INTEGER,
    target_actor_id    VARCHAR,
    target_name        VARCHAR,
    target_country     VARCHAR,
    target_agent       VARCHAR,
    target_alignment   VARCHAR,
    target_confidence  DOUBLE,
    cameo              VARCHAR NOT NULL,
    root               VARCHAR,
    quad_class         INTEGER,
    goldstein          DOUBLE,
    plover             VARCHAR,
    negated            BOOLEAN,
    modality           VARCHAR,
    sentence           VARCHAR,
    span_start         INTEGER,
    span_end           INTEGER,
    trigger            VARCHAR,
    pattern_id         VARCHAR
);
CREATE TABLE facts (
    article_id VARCHAR,
    kind       VARCHAR NOT NULL,
    value      DOUBLE,
    unit       VARCHAR,
    currency   VARCHAR,
    period     VARCHAR,
    actors     VARCHAR[],
    sentence   VARCHAR,
    span_start INTEGER,
    span_end   INTEGER
);
"""

# Which articles have been coded, and by which coder version: lets `multivector run` finish an
# interrupted run (articles stored but never coded) and re-code only when the coder changed.
_V2 = """
CREATE TABLE coded (
    article_id VARCHAR PRIMARY KEY,
    coder      VARCHAR NOT NULL,
    events     INTEGER,
    coded_at   TIMESTAMP DEFAULT current_timestamp
);
"""

# How each actor was found (speaker, pronoun, relative clause …) and how sure the coder is of an event.
_V3 = """
ALTER TABLE mentions ADD COLUMN via VARCHAR;
ALTER TABLE events ADD COLUMN source_via VARCHAR;
ALTER TABLE events ADD COLUMN target_via VARCHAR;
ALTER TABLE events ADD COLUMN confidence DOUBLE;
"""

# Pages of one article or one event read its events, mentions and duplicate links: without an index each
# is a scan of the whole table (800k mentions on a 25k-article store), with one a lookup.
_V4 = """
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
CREATE INDEX IF NOT EXISTS duplicates_article ON duplicates (article_id);
CREATE INDEX IF NOT EXISTS duplicates_of ON duplicates (duplicate_of);
"""

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "articles, duplicates, mentions, events, facts", _V1),
    (2, "coded: coding state per article", _V2),
    (3, "actor resolution path and event confidence", _V3),
    (4, "indexes on article_id for per-article lookups", _V4),
]

LATEST = MIGRATIONS[-1][0]

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    description VARCHAR,
    applied_at  TIMESTAMP DEFAULT current_timestamp
)
"""


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """Highest applied version; None when the file has no ``schema_version`` table (new or foreign)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        " AND table_schema = 'main' AND table_catalog = current_database()"
    ).fetchall()[0][0]
    if not exists:
        return None
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def _is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    return not con.execute(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_schema = 'main' AND table_catalog = current_database()"
    ).fetchall()[0][0]


def migrate(con: duckdb.DuckDBPyConnection, migrations: list[tuple[int, str, str]] | None = None) -> int:
    """Apply every missing migration, each atomically; return the resulting version.

    Refuses a database that has tables but no ``schema_version`` (not ours) and one whose version is
    newer than this code knows (downgrading would silently ignore columns).
    """
    migrations = MIGRATIONS if migrations is None else migrations
    latest = migrations[-1][0]
    version = current_version(con)
    if version is None:
        if not _is_empty(con):
            raise StoreError("not a multivector database (tables present but no schema_version)")
        con.execute(_VERSION_TABLE)
        version = 0
    if version > latest:
        raise StoreError(f"database schema version {version} is newer than this multivector ({latest})")
    for number, description, sql in migrations:
        if number <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_version (version, description) VALUES (?, ?)", [number, description]
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {number} ({description}) failed: {exc}") from exc
        version = number
    return version
