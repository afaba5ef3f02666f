"""Load test: bounded concurrent clients against a real `multivector serve` process on 127.0.0.1.

Run: ``.venv/bin/python benchmarks/load.py [--events 100000] [--clients 50] [--seconds 60]``.
Builds the synthetic store of ``web_bench.py``, starts the server as a child process, lets ``--clients``
asyncio clients request a fixed mix of routes back to back for ``--seconds``, and prints requests,
errors and p50/p95/p99 latency per route, with the server's resident memory at the start and the end.
The clients share the machine with the server (2 cores here), so the latencies include that contention.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from web_bench import COUNTRIES, build

ROUTES = {
    "overview": lambda r: "/",
    "country": lambda r: f"/country/{r.choice(COUNTRIES)}",
    "dyad": lambda r: "/dyad/{}/{}".format(*r.sample(COUNTRIES, 2)),
    "event": lambda r: f"/event/e{r.randrange(20_000)}-{r.randrange(4)}",
    "article": lambda r: f"/article/a{r.randrange(20_000)}",
    "search": lambda r: f"/search?country={r.choice(COUNTRIES)}&page={r.randint(1, 20)}",
    "api search": lambda r: f"/api/search?actor={r.choice(COUNTRIES)}&since=2020-01-01",
    "csv": lambda r: f"/search?country={r.choice(COUNTRIES)}&format=csv",
}


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (NaN when unreadable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _client(base: str, seed: int, until: float, times: dict, errors: dict) -> None:
    import httpx

    rng = random.Random(seed)
    names = list(ROUTES)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        while time.monotonic() < until:
            name = rng.choice(names)
            t = time.perf_counter()
            try:
                resp = await client.get(ROUTES[name](rng))
                ok = resp.status_code in (200, 404)  # a random event id may not exist
            except Exception:  # a refused or dropped connection counts as an error, never stops the test
                ok = False
            times[name].append((time.perf_counter() - t) * 1000)
            if not ok:
                errors[name] += 1


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.duckdb"
        build(db, args.events)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "multivector", "serve", "--db", str(db), "--port", str(port)],
            stderr=subprocess.DEVNULL,
            env={**os.environ, "MULTIVECTOR_STRICT": "0"},
        )
        try:
            import httpx

            for _ in range(200):
                try:
                    httpx.get(base + "/", timeout=5)
                    break
                except httpx.HTTPError:
                    time.sleep(0.25)
            for name, route in ROUTES.items():  # warm-up: the first country page computes its summary
                httpx.get(base + route(random.Random(name)), timeout=120)
            rss0, cpu0, own0 = _rss_mb(server.pid), _cpu_s(server.pid), sum(os.times()[:2])
            times: dict[str, list[float]] = defaultdict(list)
            errors: dict[str, int] = defaultdict(int)
            until = time.monotonic() + args.seconds

            async def clients() -> None:
                await asyncio.gather(*(_client(base, i, until, times, errors) for i in range(args.clients)))

            asyncio.run(clients())
            rss1, cpu1, own1 = _rss_mb(server.pid), _cpu_s(server.pid), sum(os.times()[:2])
        finally:
            server.terminate()
            server.wait(timeout=60)
    total = sum(len(v) for v in times.values())
    print(f"{args.clients} clients x {args.seconds:.0f} s on a {args.events:,}-event store")
    print(f"requests {total}, errors {sum(errors.values())}, {total / args.seconds:.0f} req/s")
    print(f"server RSS {rss0:.0f} MB at start, {rss1:.0f} MB at end")
    print(
        f"CPU seconds: server {cpu1 - cpu0:.0f}, clients {own1 - own0:.0f}"
        f" (of {(os.cpu_count() or 1) * args.seconds:.0f} on {os.cpu_count()} cores)\n"
    )
    print("| route | requests | errors | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|")
    for name in ROUTES:
        v = times[name]
        if v:
            cells = [name, len(v), errors[name], *(f"{_pct(v, q):.0f}" for q in (50, 95, 99))]
            print("| " + " | ".join(map(str, cells)) + " |")


if __name__ == "__main__":
    main()
