"""`multivector serve` as users start it: a real uvicorn process; a second CLI process is told where to go."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_then_second_process_gets_upload_advice(tmp_path: Path) -> None:
    db, port = tmp_path / "web.duckdb", _free_port()
    cli = [sys.executable, "-m", "multivector"]
    first = tmp_path / "first.txt"
    first.write_text("Riga talks\nMay 3, 2022\n\nLatvia signed a trade agreement with Estonia in Riga.\n")
    made = subprocess.run(
        [*cli, "run", str(first), "--db", str(db)], capture_output=True, text=True, timeout=300
    )
    assert made.returncode == 0, made.stderr
    server = subprocess.Popen(
        [*cli, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    body = resp.read().decode()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"server exited: {server.stderr.read()}")
                time.sleep(0.5)
        assert "multivector" in body.lower()
        for private in (db, Path(str(db) + ".server.json")):  # the store holds users' text: owner only
            assert private.stat().st_mode & 0o777 == 0o600, private
        doc = tmp_path / "a.txt"
        doc.write_text("Minsk hosts talks\nMay 2, 2022\n\nBelarus hosted talks with Russia in Minsk.\n")
        other = subprocess.run(
            [*cli, "ingest", str(doc), "--db", str(db)], capture_output=True, text=True, timeout=120
        )
        assert other.returncode == 2
        assert f"held by the multivector dashboard at http://127.0.0.1:{port}" in other.stderr
        assert f"http://127.0.0.1:{port}/upload" in other.stderr
        # commands that only read work on, from a snapshot the dashboard hands over
        events = subprocess.run(
            [*cli, "events", "--db", str(db), "-f", "jsonl"], capture_output=True, text=True, timeout=120
        )
        assert events.returncode == 0, events.stderr
        assert "reading a snapshot" in events.stderr
        assert any('"LVA"' in line for line in events.stdout.splitlines()), events.stdout
        stats = subprocess.run([*cli, "stats", "--db", str(db)], capture_output=True, text=True, timeout=120)
        assert stats.returncode == 0 and "1" in stats.stdout, stats.stderr
        assert not list(tmp_path.glob("**/mv_snapshot_*"))  # the copy is gone after the command
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not Path(str(db) + ".server.json").exists()  # the marker goes with the server


def test_serve_refuses_public_interface_without_flag(tmp_path: Path) -> None:
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "multivector",
            "serve",
            "--db",
            str(tmp_path / "x.duckdb"),
            "--host",
            "0.0.0.0",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 2 and "--allow-remote" in res.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_sigterm_during_a_long_upload_stops_the_server_and_keeps_the_store_whole(tmp_path: Path) -> None:
    import glob
    import tempfile
    import threading

    db, port = tmp_path / "web.duckdb", _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "multivector", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = "Poland signed an energy agreement with Lithuania in Vilnius on Monday. " * 20 + "\n"
    boundary = "mvboundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\n{line * 1500}\r\n--{boundary}--\r\n"
    ).encode()
    url = f"http://127.0.0.1:{port}"

    def upload() -> None:
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": url}
        with contextlib.suppress(OSError):  # the server goes away mid-request: that is the point
            urllib.request.urlopen(urllib.request.Request(f"{url}/api/ingest", data=body, headers=headers))

    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        threading.Thread(target=upload, daemon=True).start()
        time.sleep(4)  # the upload is coding (it needs ~40 s)
        assert glob.glob(f"{tempfile.gettempdir()}/mv-upload-{server.pid}-*")  # it is in progress
        t0 = time.monotonic()
        server.terminate()
        server.wait(timeout=60)
        stopped = time.monotonic() - t0
    finally:
        if server.poll() is None:
            server.kill()
    assert stopped < 30, stopped  # it stops after its grace period, not after the upload
    assert "upload" in server.stderr.read()  # it says what was abandoned
    assert not glob.glob(f"{tempfile.gettempdir()}/mv-upload-{server.pid}-*")
    assert not glob.glob(f"{tempfile.gettempdir()}/mv-snapshots-{server.pid}-*")  # nor its snapshot folder
    from multivector.store import Store

    with Store(db) as store:  # opens cleanly; nothing half-written is visible
        coded = store.con.execute("SELECT count(*) FROM coded").fetchone()[0]
        events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert coded == 0 and events == 0


def test_a_dead_servers_snapshot_folder_is_swept_at_start(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    from multivector.web.uploads import sweep_upload_dirs

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / "mv-snapshots-999999999-abc"  # no process has this pid
    dead.mkdir()
    (dead / "mv_snapshot_x.duckdb").write_bytes(b"x")
    sweep_upload_dirs()
    assert not dead.exists()
