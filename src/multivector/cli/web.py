"""The dashboard command: serve the store in the browser (FastAPI + uvicorn, local by default)."""

from __future__ import annotations

from typing import Annotated

import typer

from multivector.cli._common import DbOption, app, err, fail
from multivector.errors import MultivectorError


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Interface to bind; 127.0.0.1 keeps it on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Allow binding a non-local interface (no login!).")
    ] = False,
    read_only: Annotated[bool, typer.Option("--read-only", help="Disable uploads.")] = False,
) -> None:
    """Start the local web dashboard on the store; uploads are ingested and coded through it."""
    try:
        from multivector.web.app import serve as run_server
    except ImportError as exc:
        fail(MultivectorError(f"the dashboard needs the 'web' extra (pip install 'multivector[web]'): {exc}"))
    from multivector.store import resolve_db_path

    path = resolve_db_path(db)
    err.print(f"dashboard on http://{host}:{port}/ for {path} (Ctrl-C stops it)", highlight=False)
    try:
        run_server(path, host=host, port=port, allow_remote=allow_remote, read_only=read_only)
    except MultivectorError as exc:
        fail(exc)
