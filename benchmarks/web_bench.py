"""Time each dashboard page on a synthetic 100k-event store served by uvicorn on localhost.

Run: ``.venv/bin/python benchmarks/web_bench.py [--events 100000] [--repeat 5]``. Prints ms per page
(median and max of the repeats, after one warm-up request).
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

COUNTRIES = [
    "KAZ",
    "UZB",
    "KGZ",
    "TJK",
    "TKM",
    "ARM",
    "AZE",
    "GEO",
    "UKR",
    "BLR",
    "MDA",
    "RUS",
    "CHN",
    "USA",
    "EUR",
    "TUR",
    "IRN",
    "DEU",
    "FRA",
    "GBR",
]
CAMEO = [
    ("010", 2, 0.0, 1),
    ("036", 3, 4.0, 1),
    ("043", 4, 2.8, 1),
    ("057", 5, 8.0, 1),
    ("061", 6, 6.4, 2),
    ("071", 7, 7.4, 2),
    ("111", 11, -2.0, 3),
    ("130", 13, -4.4, 3),
    ("163", 16, -8.0, 4),
    ("173", 17, -5.0, 4),
]


def build(path: Path, n_events: int, seed: int = 0) -> None:
    """Articles of ~4 events each over 2015-2024, written through the Store in batches."""
    from multivector.records import Article, Event, Mention
    from multivector.store import Store

    rng = random.Random(seed)
    n_articles = n_events // 4
    with Store(path, batch_size=5000) as store:
        arts, evs = [], []
        for i in range(n_articles):
            date = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            text = f"Article {i}. " + " ".join(
                rng.choice(COUNTRIES) + " met " + rng.choice(COUNTRIES) for _ in range(12)
            )
            arts.append(
                Article(
                    id=f"a{i}",
                    title=f"Story {i}",
                    date=date,
                    date_precision="day",
                    lang=rng.choice(["en", "ru"]),
                    url=None,
                    source_path="bench",
                    part=i,
                    text=text,
                )
            )
            for j in range(4):
                a, b = rng.sample(COUNTRIES, 2)
                code, root, gold, quad = rng.choice(CAMEO)
                src = Mention(
                    text=a, start=0, end=3, actor_id=None, name=a, country=a, agent="GOV", article_id=f"a{i}"
                )
                tgt = Mention(
                    text=b, start=8, end=11, actor_id=None, name=b, country=b, agent="GOV", article_id=f"a{i}"
                )
                evs.append(
                    Event(
                        event_id=f"e{i}-{j}",
                        article_id=f"a{i}",
                        date=date,
                        source=src,
                        target=tgt,
                        cameo=code,
                        root=f"{root:02d}",
                        quad_class=quad,
                        goldstein=gold,
                        plover=None,
                        negated=False,
                        modality="asserted",
                        sentence=f"{a} met {b}.",
                        span=(0, 11),
                        trigger="met",
                    )
                )
        store.add_articles(arts)
        store.add_events(evs)


def main() -> None:
    import httpx
    import uvicorn

    from multivector.web.app import create_app

    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        build(db, args.events)
        print(f"built {args.events} events in {time.perf_counter() - t0:.1f} s")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        app = create_app(db, coder=None)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        pages = [
            "/",
            "/country/KAZ",
            "/country/KAZ?by=month",
            "/dyad/KAZ/RUS",
            "/dyad/KAZ/RUS?page=20",
            "/event/e100-1",
            "/article/a100",
            "/search",
            "/search?country=UZB&quad_class=3&page=10",
            "/search?kind=articles&q=Story%2099",
            "/search?country=KAZ&format=csv",
            "/api/search?actor=GEO&since=2020-01-01",
            "/api/country/GEO",
        ]
        with httpx.Client(base_url=base, timeout=120) as client:
            # "rendered": the response cache emptied before each request (summaries stay memoized);
            # "cached": the same page again, as every later visitor gets it until the next upload
            print(f"{'page':48} {'rendered ms':>12} {'max ms':>8} {'cached ms':>10}")
            for url in pages:
                assert client.get(url).status_code == 200, url
                times, hits = [], []
                for _ in range(args.repeat):
                    app.state.pages.clear()
                    t = time.perf_counter()
                    client.get(url).raise_for_status()
                    times.append((time.perf_counter() - t) * 1000)
                    t = time.perf_counter()
                    client.get(url).raise_for_status()
                    hits.append((time.perf_counter() - t) * 1000)
                row = f"{statistics.median(times):12.1f} {max(times):8.1f} {statistics.median(hits):10.1f}"
                print(f"{url:48} {row}")
        server.should_exit = True
        thread.join(timeout=30)


if __name__ == "__main__":
    main()
