"""Child process for the crash and lock tests (not collected by pytest: no ``test_`` prefix).

``ingest DB N [STALL]``: add N synthetic articles in batches of 500, printing ``committed K`` after
each; with STALL, batch number STALL stops inside its transaction (articles inserted, duplicates and
commit not yet done), prints ``mid-batch`` and waits to be killed.
``hold DB``: open DB for writing, print ``ready`` and keep the lock until stdin closes.
"""

from __future__ import annotations

import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_synth import synthetic_articles

from multivector.store import Store

BATCH = 500


def _stall(rows: object) -> None:
    print("mid-batch", flush=True)
    time.sleep(120)


def main(argv: list[str]) -> None:
    mode, db = argv[0], argv[1]
    with Store(db) as store:
        if mode == "hold":
            print("ready", flush=True)
            sys.stdin.read()
            return
        arts = synthetic_articles(int(argv[2]))
        stall = int(argv[3]) if len(argv) > 3 else 0
        k = 0
        while batch := list(islice(arts, BATCH)):
            if k + 1 == stall:
                store._write_duplicates = _stall
            store.add_articles(batch)
            k += 1
            print(f"committed {k}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
