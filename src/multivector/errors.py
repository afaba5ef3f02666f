"""One exception hierarchy, so callers can catch everything multivector raises with one clause."""

from __future__ import annotations


class MultivectorError(Exception):
    """Base class of every error multivector raises on purpose."""


class InputError(MultivectorError):
    """An input file or record could not be read; carries the path so batch reports can name it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DataError(MultivectorError):
    """A packaged or user-supplied data file (actors, patterns) failed validation."""


class StoreError(MultivectorError):
    """The database could not be opened, migrated or written."""


class UsageError(MultivectorError):
    """The user asked for something that cannot be done (bad option value, unknown id)."""
