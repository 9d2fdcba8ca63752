"""A team's server: `serve --db postgresql://...` runs two workers while commands load, add users and report."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx2 as httpx
import pytest

from lineofsight.generate.run import Plan, generate
from lineofsight.store import Store
from lineofsight.store.postgres import PgStore

SRC = str(Path(__file__).resolve().parents[2] / "src")  # this checkout's code in the subprocesses
ENV = {**os.environ, "PYTHONPATH": SRC}
PASSWORD = "correct horse battery"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from lineofsight.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=300, check=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(postgres_url: str, emptied: Callable[[Store], Store], tmp_path: Path) -> Iterator[tuple[str, list[Path]]]:
    """The server store holding 2024/25 and a manager, served by `lineofsight serve` with its default workers."""
    with PgStore(postgres_url) as store:
        emptied(store)
    folders = generate(tmp_path / "returns", Plan(seed=3, population=3000, years=2))
    assert cli("load", str(folders[0]), "--db", postgres_url).returncode == 0
    assert cli("user", "add", "mo", "--role", "manager", "--password", PASSWORD, "--db", postgres_url).returncode == 0
    port = _free_port()
    command = [sys.executable, "-c", "from lineofsight.cli import main; main()", "serve", "--db", postgres_url]
    serving = subprocess.Popen([*command, "--port", str(port)], env=ENV, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/sign-in").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        yield base, folders
    finally:
        serving.send_signal(signal.SIGINT)
        _, errors = serving.communicate(timeout=60)
        assert "Traceback" not in errors, errors


def _signed_in(base: str, username: str) -> httpx.Client:
    client = httpx.Client(base_url=base, follow_redirects=True)
    page = client.get("/sign-in")
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found
    form = {"csrf_token": found.group(1), "username": username, "password": PASSWORD, "next": "/"}
    assert client.post("/sign-in", data=form).status_code == 200
    return client


def test_commands_work_against_the_server_while_it_serves(server: tuple[str, list[Path]], postgres_url: str) -> None:
    base, folders = server
    assert _signed_in(base, "mo").get("/").url.path.endswith("/813/2025")  # signed in; the year loaded
    # While it serves: a new user, the next year's return, the figures and the pack, each from its own command.
    added = cli("user", "add", "ana", "--role", "analyst", "--password", PASSWORD, "--db", postgres_url)
    assert added.returncode == 0, added.stderr
    loaded = cli("load", str(folders[1]), "--db", postgres_url)
    assert loaded.returncode == 0, loaded.stderr
    figures = cli("indicators", "--db", postgres_url, "--council", "813", "--year", "2026", "--format", "json")
    assert figures.returncode == 0, figures.stderr
    assert any(r["value"] is not None for r in json.loads(figures.stdout))
    pack = Path(folders[1].parent / "pack.html")
    report = cli("report", "--db", postgres_url, "--council", "813", "--year", "2026", "--out", str(pack))
    assert report.returncode == 0, report.stderr
    assert pack.stat().st_size > 0
    # Every worker sees the new user and the new year (fresh connections spread over the workers).
    time.sleep(0.5)
    for _ in range(8):
        client = _signed_in(base, "ana")
        assert client.get("/").url.path.endswith("/813/2026")  # the year loaded while serving is the latest
        client.close()
    with PgStore(postgres_url) as store:
        workers = store.query(
            "SELECT count(DISTINCT pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
            "pg_backend_pid()"
        )[0][0]
    assert workers >= 2  # one connection per serving worker
