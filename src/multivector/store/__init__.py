"""store stage: the embedded DuckDB database (articles, duplicates, mentions, events, facts)."""

from multivector.store.core import (
    BATCH_SIZE,
    DEFAULT_DB,
    ENV_VAR,
    AddResult,
    Store,
    resolve_db_path,
)
from multivector.store.schema import LATEST, MIGRATIONS, migrate

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_DB",
    "ENV_VAR",
    "LATEST",
    "MIGRATIONS",
    "AddResult",
    "Store",
    "migrate",
    "resolve_db_path",
]
