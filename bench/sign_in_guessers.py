"""One person's pages while four others guess passwords as fast as the server answers.

A generated council is loaded and a real uvicorn server started (one worker). One signed-in manager opens the
overview and indicator pages one after another for SECONDS alone, then again while four clients post wrong
passwords without pause. Run twice: with sign-in throttling as shipped (guessers are held after 5 wrong
passwords per account, 20 per address), and with throttling switched off in the server, which shows the cost
of the Argon2 checks themselves (they run outside the store lock, one at a time).
"""

from __future__ import annotations

import asyncio
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

from bench.web_load import _free_port, _wait
from lineofsight.generate.sample import sample_store
from lineofsight.indicators import catalogue
from lineofsight.store import Store
from lineofsight.web.users import add_user

SECONDS, GUESSERS, COUNCIL, YEAR = 15.0, 4, "813", 2026
PASSWORD = "guessers-bench-password"
SERVER = (
    "import sys, uvicorn; import lineofsight.web.throttle as t; from lineofsight.web.app import create_app; "
    "t.ACCOUNT_LIMIT, t.ADDRESS_LIMIT = (10**9, 10**9) if sys.argv[3] == 'off' else (5, 20); "
    "uvicorn.run(create_app(sys.argv[1], secret_key='bench', secure_cookies=False), host='127.0.0.1', "
    "port=int(sys.argv[2]), log_level='warning', access_log=False)"
)


async def _token(client: httpx.AsyncClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', (await client.get("/sign-in")).text)
    assert found
    return found.group(1)


async def _run(base: str, guessers: int) -> tuple[list[float], list[int]]:
    """The reader signs in and fills the server's cache, then reads for SECONDS while the guessers guess."""
    await _wait(base)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        login = {"csrf_token": await _token(client), "username": "reader", "password": PASSWORD}
        assert (await client.post("/sign-in", data=login)).status_code == 303
        paths = [f"/overview/{COUNCIL}/{YEAR}"] + [f"/indicator/{i.id}/{COUNCIL}/{YEAR}" for i in catalogue()]
        for path in paths:
            await client.get(path)
        stop = time.perf_counter() + SECONDS
        statuses: list[int] = []
        tasks = [asyncio.create_task(_guesser(base, n, stop, statuses)) for n in range(guessers)]
        times, i = [], 0
        while time.perf_counter() < stop:
            start = time.perf_counter()
            assert (await client.get(paths[i % len(paths)])).status_code == 200
            times.append((time.perf_counter() - start) * 1000)
            i += 1
        await asyncio.gather(*tasks)
    return times, statuses


async def _guesser(base: str, n: int, stop: float, statuses: list[int]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        token = await _token(client)
        while time.perf_counter() < stop:
            guess = {"csrf_token": token, "username": f"victim{n}", "password": f"guess-{time.perf_counter()}"}
            statuses.append((await client.post("/sign-in", data=guess)).status_code)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sample = sample_store(Path(tmp))
        with Store(sample) as store:
            for name in ("reader", *(f"victim{n}" for n in range(GUESSERS))):
                add_user(store, name, "manager", PASSWORD, actor="bench")
        for throttling in ("on", "off"):
            for guessers in (0, GUESSERS):
                db = Path(tmp) / f"run_{throttling}_{guessers}.duckdb"  # a fresh copy: no earlier attempts
                shutil.copy(sample, db)
                port = _free_port()
                server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port), throttling])
                try:
                    times, statuses = asyncio.run(_run(f"http://127.0.0.1:{port}", guessers))
                finally:
                    server.terminate()
                    server.wait(timeout=10)
                p50, p95 = statistics.median(times), statistics.quantiles(times, n=20)[-1]
                held = sum(1 for s in statuses if s == 429)
                print(
                    f"throttling {throttling}, {guessers} guessers: reader p50 {p50:.0f} ms, p95 {p95:.0f} ms "
                    f"over {len(times)} pages; {len(statuses)} guesses ({held} held with 429)"
                )


if __name__ == "__main__":
    main()
