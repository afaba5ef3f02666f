"""`multivector serve` as users start it: a real uvicorn process; a second CLI process is told where to go."""

from __future__ import annotations

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
        doc = tmp_path / "a.txt"
        doc.write_text("Minsk hosts talks\nMay 2, 2022\n\nBelarus hosted talks with Russia in Minsk.\n")
        other = subprocess.run(
            [*cli, "ingest", str(doc), "--db", str(db)], capture_output=True, text=True, timeout=120
        )
        assert other.returncode == 2
        assert f"held by the multivector dashboard at http://127.0.0.1:{port}" in other.stderr
        assert f"http://127.0.0.1:{port}/upload" in other.stderr
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
