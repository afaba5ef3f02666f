"""Shared pieces of the CLI: the typer app, common options, error reporting.

Conventions: listings take ``--format table|jsonl|csv|tsv`` and write only records to stdout;
progress, warnings and errors go to stderr; exit code 0 = all good, 1 = some inputs failed,
2 = usage error.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from multivector import __version__
from multivector.errors import InputError, MultivectorError
from multivector.output import Format

app = typer.Typer(
    name="multivector",
    help="Turn foreign-policy news into auditable event data and East/West balance measures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# markup off: paths and titles such as "[bold]x" or "a[/]b" are data; colour comes from Text styles
err = Console(stderr=True, markup=False)


def error_line(message: str) -> Text:
    return Text.assemble(("error", "red"), f": {message}")


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="DuckDB file (default: $MULTIVECTOR_DB or ./multivector.duckdb)."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ColumnsOption = Annotated[
    list[str] | None,
    typer.Option("--columns", help="Columns to print, in this order: a comma list or the option repeated."),
]
PathsArg = Annotated[list[str], typer.Argument(help="Files or directories; '-' reads standard input.")]


def report_error(e: InputError) -> None:
    err.print(error_line(f"{e.path}: {e.reason}"), highlight=False, soft_wrap=True)


def fail(exc: MultivectorError, db: str | bool | None = False) -> NoReturn:
    """Print a one-line error and exit 2. With ``db`` (the command's --db, None meaning the default),
    a lock held by a running dashboard is explained: where it runs and where to upload instead."""
    message = str(exc)
    if db is not False and db is not True and "lock" in message.lower():
        message = _dashboard_lock(db) or message
    err.print(error_line(message), highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _dashboard_lock(db: str | None) -> str | None:
    try:
        from multivector.store import resolve_db_path
        from multivector.web.app import lock_message
    except ImportError:
        return None
    return lock_message(resolve_db_path(db))


@contextmanager
def open_store(db: str | None, *, read_only: bool = False) -> Iterator[Any]:
    """Open the store for a command, turning store errors into a one-line message and exit code 2.

    A read-only command on a store the dashboard holds reads a snapshot the dashboard hands over."""
    from multivector.store import Store

    try:
        store = Store(db, read_only=read_only)
    except MultivectorError as exc:
        if not (read_only and "lock" in str(exc).lower()):
            fail(exc, db)
        with _dashboard_copy(db, exc) as snapshot:
            yield snapshot
        return
    with store:
        yield store


@contextmanager
def _dashboard_copy(db: str | None, locked: MultivectorError) -> Iterator[Any]:
    """The store behind a running dashboard, as a snapshot it takes now; the lock error otherwise."""
    import shutil

    from multivector.store import Store, resolve_db_path

    try:
        from multivector.web.app import server_info
        from multivector.web.snapshot import fetch_snapshot
    except ImportError:  # without the web extra no dashboard can be running
        fail(locked, db)
    path = resolve_db_path(db)
    info = server_info(path)
    if info is None:
        fail(locked, db)
    note(f"{path} is held by the dashboard at {info['url']}; reading a snapshot it took just now")
    try:
        copy = fetch_snapshot(str(info["url"]))
    except MultivectorError as exc:
        fail(exc)
    try:
        with Store(copy, read_only=True) as store:
            yield store
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)


@contextmanager
def article_progress(description: str, paths: Sequence[str] = ()) -> Iterator[Any]:
    """A live line on stderr (only on a terminal): articles so far, their rate, the inputs' size and
    the elapsed time; yields ``advance(n)``."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    files, size = input_size(paths)
    scope = f" from {files:,} files ({size / 1e6:,.1f} MB)" if files else ""
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} articles" + scope),
        TextColumn("· {task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task(description, total=None, rate="")
        t0 = time.monotonic()

        def advance(n: int) -> None:
            done = progress.tasks[0].completed + n
            seconds = max(time.monotonic() - t0, 1e-6)
            progress.update(task, advance=n, rate=f"{done / seconds:,.1f} articles/s")

        yield advance


def input_size(paths: Sequence[str], limit: int = 200_000) -> tuple[int, int]:
    """How many files and bytes the named inputs hold (hidden entries skipped, stdin not counted);
    the walk stops after ``limit`` files so a huge tree does not delay the start."""
    files = size = 0
    for path in paths:
        if path == "-":
            continue
        if os.path.isfile(path):
            files, size = files + 1, size + os.path.getsize(path)
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if name.startswith("."):
                    continue
                with suppress(OSError):
                    size += os.path.getsize(os.path.join(folder, name))
                    files += 1
                if files >= limit:
                    return files, size
    return files, size


def interrupted(db: str | None, what: str) -> NoReturn:
    """After Ctrl-C: say what the store holds now and how to carry on, then exit 130."""
    from multivector.store import Store

    try:
        with Store(db, read_only=True) as store:
            arts = store.count("articles")
            coded = (store.con.execute("SELECT count(DISTINCT article_id) FROM coded").fetchone() or (0,))[0]
            events = store.count("events")
        held = f"{store.path} holds {arts} articles, {coded} coded, {events} events"
    except MultivectorError:
        held = "nothing was stored"
    err.print(
        f"interrupted: {held}; every batch written so far is complete. Run the same `multivector {what}` "
        "command again to resume: stored articles are not added twice and coded ones are not coded again.",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    # The stores are closed by now. Leave at once: a second KeyboardInterrupt raised where Python can only
    # report it (a generator closed during shutdown) would otherwise turn exit code 130 into death by SIGINT.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)


def _version(value: bool) -> None:
    if value:
        print(f"multivector {__version__}")
        raise typer.Exit()


@contextmanager
def new_store_guard(db: str | None) -> Iterator[dict[str, int]]:
    """For commands that create a store: when the run stored no article in a database that did not
    exist before (every path was bad), the empty file is removed instead of left behind."""
    from multivector.store import resolve_db_path

    path = resolve_db_path(db)
    fresh = not path.exists()
    outcome = {"added": 0}
    try:
        yield outcome
    finally:
        if fresh and outcome["added"] == 0:
            for leftover in (path, path.with_name(path.name + ".wal")):
                leftover.unlink(missing_ok=True)
            outcome["removed"] = 1


def note(message: str) -> None:
    """One "note:" line on stderr: something the user should know that is not an error."""
    err.print(Text.assemble(("note", "yellow"), f": {message}"), highlight=False, soft_wrap=True)


class _NoteHandler(logging.Handler):
    """Library warnings (a skipped README, …) as one "note:" line each on stderr, never a traceback."""

    def emit(self, record: logging.LogRecord) -> None:
        note(record.getMessage())


def _install_notes() -> None:
    root = logging.getLogger("multivector")
    if not any(isinstance(h, _NoteHandler) for h in root.handlers):
        handler = _NoteHandler(logging.WARNING)
        root.addHandler(handler)
        root.setLevel(min(root.level or logging.WARNING, logging.WARNING))


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """multivector: who did what to whom, with the sentence that says so."""
    _install_notes()
