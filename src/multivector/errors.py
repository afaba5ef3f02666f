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


#: Set to 1 (the test suite does) to let an unexpected exception propagate instead of being reported.
STRICT_ENV = "MULTIVECTOR_STRICT"


class InternalError(InputError):
    """A bug met while handling one input: reported as such, never dressed up as a bad input.

    Batches carry on past it (one input must not sink the others), but the message says it is
    multivector's fault, and under ``MULTIVECTOR_STRICT=1`` the original exception is raised instead.
    """


def internal_error(path: str, where: str, exc: Exception) -> InternalError:
    """The report for an unexpected ``exc`` while ``where`` (e.g. "reading") ``path``; raises when strict."""
    import logging
    import os

    if os.environ.get(STRICT_ENV) == "1":
        raise exc
    logging.getLogger("multivector").warning("internal error while %s %s", where, path, exc_info=exc)
    detail = " ".join(str(exc).split())[:200]
    return InternalError(
        path,
        f"internal error while {where} (a multivector bug, please report it): {type(exc).__name__}"
        + (f": {detail}" if detail else ""),
    )
