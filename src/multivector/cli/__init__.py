"""The `multivector` command: thin wrappers over the library, one module of commands per stage.

Conventions: listings take ``--format table|jsonl|csv|tsv`` and write only records to stdout;
progress, warnings and errors go to stderr; exit code 0 = all good, 1 = some inputs failed,
2 = usage error.
"""

from __future__ import annotations

import sys

from multivector.cli._common import app, err, error_line
from multivector.errors import MultivectorError

# Importing the command modules registers their commands, in pipeline order for --help.
# isort: off
from multivector.cli import ingest  # noqa: F401
from multivector.cli import actors  # noqa: F401
from multivector.cli import coding  # noqa: F401
from multivector.cli import analysis  # noqa: F401
from multivector.cli import web  # noqa: F401
# isort: on

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point; maps library errors that escape a command to exit code 2."""
    try:
        app()
    except MultivectorError as exc:
        err.print(error_line(str(exc)), highlight=False, soft_wrap=True)
        sys.exit(2)
