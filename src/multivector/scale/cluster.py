"""Getting a Dask client: import dask only when asked, start or join a cluster, explain failures.

``dask[distributed]`` is the optional ``scale`` extra; a missing install must give one clear line, not an
ImportError traceback from deep inside a CLI command.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from multivector.errors import MultivectorError

#: Worker processes of ``scheduler="local"``: the machines we target have 2 cores, and spaCy holds the
#: GIL, so one single-threaded process per core is what pays.
LOCAL_WORKERS = 2


class ScaleError(MultivectorError):
    """A Dask run could not start: the extra is missing, or the scheduler cannot be reached."""


class DaskMissingError(ScaleError):
    """``dask[distributed]`` is not installed."""


def require_distributed() -> Any:
    """The ``distributed`` module, or a one-line :class:`DaskMissingError` saying how to install it."""
    try:
        import dask  # noqa: F401 - distributed needs it; fail on the real missing name
        import distributed
    except ImportError as exc:
        raise DaskMissingError(
            f"Dask is not installed ({exc.name or exc}); install the scale extra: "
            "pip install 'multivector[scale]'"
        ) from None
    return distributed


@contextmanager
def open_client(
    scheduler: str | Any | None = None, *, n_workers: int = LOCAL_WORKERS, timeout: float = 30.0
) -> Iterator[Any]:
    """A ``distributed.Client`` for the duration of a run.

    ``None`` or ``"local"``: a private ``LocalCluster`` of ``n_workers`` single-threaded processes bound
    to 127.0.0.1, no dashboard, shut down afterwards. ``"tcp://host:port"`` (any scheduler address):
    connect to a running cluster and leave it running. An existing ``Client`` is used as is.
    """
    distributed = require_distributed()
    if scheduler is not None and not isinstance(scheduler, str):
        yield scheduler
        return
    if scheduler in (None, "", "local"):
        try:
            with _quiet():
                cluster = distributed.LocalCluster(
                    n_workers=n_workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                )
        except (OSError, RuntimeError, TimeoutError) as exc:
            # worker processes are spawned: they re-import the main module, so a script must keep its
            # work under `if __name__ == "__main__":` and cannot be read from stdin
            raise ScaleError(
                f"cannot start a local Dask cluster: {exc} (run from an importable script whose code is "
                "guarded by `if __name__ == '__main__':`)"
            ) from None
        try:
            with distributed.Client(cluster) as client:
                yield client
        finally:
            with _quiet():
                cluster.close()
        return
    try:
        client = distributed.Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ScaleError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        yield client
    finally:
        client.close()


def worker_threads(client: Any) -> int:
    """Total worker threads of the cluster (at least 1), to size the plan and the in-flight window."""
    try:
        info = client.scheduler_info()
        n = sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values())
    except Exception:
        n = 0
    return max(1, n)


@contextmanager
def _quiet() -> Iterator[None]:
    """Start-up/shut-down chatter of distributed goes to the log at WARNING, not INFO on stderr."""
    logger = logging.getLogger("distributed")
    old = logger.level
    logger.setLevel(max(old, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(old)
