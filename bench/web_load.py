"""Load on the dashboard: 50 signed-in users for 30 seconds on the overview and indicator pages.

A generated council (North Lincolnshire's codes, default population, three years) is loaded, a real
uvicorn server is started on a free loopback port in a subprocess, and 50 concurrent clients each
sign in as a manager and then loop: the overview, then an indicator page with the children behind it
(audited on every view, as in real use). Prints requests per second and the 50th, 95th and 99th
percentile latency; the aim is a 95th percentile under 200 ms for one council.

With LINEOFSIGHT_BENCH_POSTGRES=postgresql://... the council is copied into that (emptied) database and
`lineofsight serve` runs over it with 2 workers; the server's CPU is then its workers' together.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

from bench._measure import timed
from lineofsight.generate.sample import sample_store
from lineofsight.indicators import catalogue
from lineofsight.store import Store
from lineofsight.web.users import add_user

USERS, SECONDS, COUNCIL, YEAR = 50, 30.0, "813", 2026
PASSWORD = "load-test-password"
SERVER = (
    "import sys, uvicorn; from lineofsight.web.app import create_app; "
    "uvicorn.run(create_app(sys.argv[1], secret_key='bench', secure_cookies=False), host='127.0.0.1', "
    "port=int(sys.argv[2]), log_level='warning', access_log=False)"
)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _wait(base: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                await client.get(base + "/sign-in")
                return
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    raise RuntimeError("the server did not start")


async def _signed_in(base: str, name: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=base, timeout=30)
    page = await client.get("/sign-in")
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found
    response = await client.post(
        "/sign-in", data={"csrf_token": found.group(1), "username": name, "password": PASSWORD}
    )
    assert response.status_code == 303, response.status_code
    return client


async def _user(
    client: httpx.AsyncClient,
    paths: list[str],
    stop: float,
    latencies: dict[str, list[float]],
    errors: list[int],
    pause: float,
) -> None:
    i = 0
    while time.perf_counter() < stop:
        path = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        response = await client.get(path)
        latencies[path.split("/")[1]].append(time.perf_counter() - start)
        if response.status_code != 200:
            errors.append(response.status_code)
        if pause:
            await asyncio.sleep(pause)


async def _load(base: str, pause: float) -> tuple[dict[str, list[float]], list[int], float]:
    await _wait(base)
    clients = [await _signed_in(base, f"user{i}") for i in range(USERS)]
    ids = [i.id for i in catalogue()]
    paths = [f"/overview/{COUNCIL}/{YEAR}"] + [f"/indicator/{i}/{COUNCIL}/{YEAR}" for i in ids]
    for path in paths:  # first views fill the server's cache, as the first user of the morning would
        await clients[0].get(path)
    latencies: dict[str, list[float]] = {"overview": [], "indicator": []}
    errors: list[int] = []
    start = time.perf_counter()
    stop = start + SECONDS
    # each user starts at a different page, so the mix covers every indicator
    await asyncio.gather(
        *(
            _user(c, paths[n % len(paths) :] + paths[: n % len(paths)], stop, latencies, errors, pause)
            for n, c in enumerate(clients)
        )
    )
    elapsed = time.perf_counter() - start
    for c in clients:
        await c.aclose()
    return latencies, errors, elapsed


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a running process, from /proc (Linux)."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _server_cpu(pid: int) -> float:
    """CPU of the server process and of its worker processes (uvicorn's workers are its children)."""
    total = _cpu_seconds(pid)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                total += _cpu_seconds(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return total


def _on_postgres(db: Path, url: str) -> list[str]:
    """Copy the council into the server database and return the command serving it with 2 workers."""
    from lineofsight.model import TABLES
    from lineofsight.store import POSTCODE
    from lineofsight.store.postgres import PgStore

    with Store(db, read_only=True) as duck, PgStore(url) as pg:
        pg.con.execute(f"TRUNCATE {', '.join([*TABLES, POSTCODE.name])}")
        for table in [*TABLES.values(), POSTCODE]:
            cursor = duck.con.execute(f"SELECT * FROM {table.name}")
            names, rows = [d[0] for d in cursor.description], cursor.fetchall()
            if rows:
                pg.insert_columns(table, {n: [r[i] for r in rows] for i, n in enumerate(names)})
        for i in range(USERS):
            add_user(pg, f"user{i}", "manager", PASSWORD)
    return ["-c", "from lineofsight.cli import main; main()", "serve", "--db", url, "--workers", "2", "--port"]


def _percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def _report(label: str, latencies: dict[str, list[float]], errors: list[int], elapsed: float) -> None:
    every = [x * 1000 for page in latencies.values() for x in page]
    print(
        f"{label}: {len(every)} requests in {elapsed:.1f} s, {len(every) / elapsed:.1f} requests per second, {len(errors)} errors"
    )
    for name, values in (("all pages", every), *((k, [x * 1000 for x in v]) for k, v in latencies.items())):
        if len(values) > 1:
            p50, p95, p99 = (_percentile(values, p) for p in (50, 95, 99))
            print(f"  {name:<10} p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms")


def main() -> None:
    """Two runs against one server: users who click as fast as pages come back, then users who read for a second."""
    with tempfile.TemporaryDirectory() as tmp:
        with timed("generate and load one council (3 years)"):
            db = sample_store(Path(tmp), years=3)
        url = os.environ.get("LINEOFSIGHT_BENCH_POSTGRES")
        if url:
            command = _on_postgres(db, url)
        else:
            with Store(db) as store:
                for i in range(USERS):
                    add_user(store, f"user{i}", "manager", PASSWORD)
            command = ["-c", SERVER, str(db)]
        port = _free_port()
        server = subprocess.Popen([sys.executable, *command, str(port)])
        try:
            for label, pause in (("no pause between pages", 0.0), ("1 s reading pause between pages", 1.0)):
                client_cpu, server_cpu = time.process_time(), _server_cpu(server.pid)
                latencies, errors, elapsed = asyncio.run(_load(f"http://127.0.0.1:{port}", pause))
                client_cpu, server_cpu = time.process_time() - client_cpu, _server_cpu(server.pid) - server_cpu
                _report(f"{USERS} users, {label}", latencies, errors, elapsed)
                print(f"  CPU seconds: server {server_cpu:.1f}, load generator {client_cpu:.1f} (aim: p95 < 200 ms)")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
