"""scale stage: the same extraction and coding, run on a Dask cluster.

Importing this package is free; dask is imported when a run starts (``pip install 'multivector[scale]'``,
else :class:`DaskMissingError`, a :class:`~multivector.errors.MultivectorError`).

Public API::

    from multivector.scale import code_paths_dask, store_results
    from multivector.store import Store

    # 1. code without storing: same items as extract_articles + code_articles
    for item in code_paths_dask(["corpus/"], scheduler="local"):  # or "tcp://host:8786", or a Client
        if isinstance(item, InputError):
            print(item)                       # path: reason — the batch goes on
        else:
            article, (events, mentions, facts) = item

    # 2. code and store (the driver is the only DuckDB writer; idempotent)
    with Store("news.duckdb") as store:
        report = store_results(store, code_paths_dask(["corpus/"]))   # a pipeline.RunReport
        report.added, report.coded, report.events, report.errors
        # or, what `multivector run --dask ADDRESS` calls (skips articles already coded):
        report = run_dask(["corpus/"], store, scheduler="local")

Inputs are listed on the driver and become one task per file (big files are split into shards by
article ``part``); workers run ``extract_articles`` + ``code_articles`` and send back plain records;
results stream back as tasks finish, with a bounded number in flight, and by default in input order.
"""

from multivector.scale.cluster import LOCAL_WORKERS, DaskMissingError, ScaleError, open_client
from multivector.scale.runner import code_paths_dask
from multivector.scale.store import run_dask, store_results

__all__ = [
    "LOCAL_WORKERS",
    "DaskMissingError",
    "ScaleError",
    "code_paths_dask",
    "open_client",
    "run_dask",
    "store_results",
]
