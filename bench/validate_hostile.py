"""Peak memory of validating a hostile 200 MB episodes file, on the command line and through the upload page.

The file is a generated council's episodes repeated until it is 200 MB: every child then has
thousands of identical episodes, so the overlap and sequence rules fire on nearly every row
(about 10 million issues). Validation must stay under 1 GB whatever the input: the issues go
to a log on disk, the report file streams from it, the upload is spooled to disk.

1. `lineofsight validate FOLDER --report report.csv` in a child process; its peak resident memory
   comes from wait4.
2. A real uvicorn server over an empty store, an analyst signed in, the same files posted to
   /upload; the server's peak resident memory (VmHWM) is read from /proc before it is stopped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

import lineofsight
from bench.web_load import SERVER, _free_port
from lineofsight.store import Store
from lineofsight.web.users import add_user

TARGET_MB = 200
LIMIT_MB = 1024
COUNCIL, YEAR = "813", 2026
PASSWORD = "hostile-upload-password"
SRC = str(Path(lineofsight.__file__).parent.parent)
CLI = [sys.executable, "-c", "from lineofsight.cli import app; app()"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC}


def hostile_return(folder: Path) -> Path:
    """A generated council's header and its episodes repeated to TARGET_MB; returns the return's folder."""
    subprocess.run(
        [*CLI, "generate", "--out", str(folder / "seed"), "--councils", "1", "--years", "1", "--population", "20000"],
        check=True,
        env=_env(),
        stdout=subprocess.DEVNULL,
    )
    seed = folder / "seed" / f"{COUNCIL}_{YEAR}"
    target = folder / f"{COUNCIL}_{YEAR}"
    target.mkdir()
    shutil.copy(seed / "header.csv", target / "header.csv")
    head, *rows = (seed / "episodes.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    block = "".join(rows)
    with (target / "episodes.csv").open("w", encoding="utf-8") as out:
        out.write(head)
        for _ in range(TARGET_MB * 2**20 // len(block.encode()) + 1):
            out.write(block)
    return target


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 2**20


def command_line(folder: Path, report: Path) -> tuple[float, float, str]:
    """Seconds, peak MB and the last line printed by `lineofsight validate`."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [*CLI, "validate", str(folder), "--report", str(report)],
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"validate failed ({child.returncode}): {out[-2000:]}")
    lines = [line for line in out.splitlines() if "issues (" in line]
    return time.perf_counter() - start, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def _peak_mb(pid: int) -> float:
    found = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(found.group(1)) / 1024 if found else float("nan")


def upload(folder: Path, db: Path) -> tuple[float, float, int, str]:
    """Seconds, the server's peak MB, the status and what the page says about the issues shown."""
    with Store(db) as store:
        add_user(store, "analyst", "analyst", PASSWORD)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)], env=_env())
    try:
        with httpx.Client(base_url=base, timeout=3600) as client:
            for _ in range(300):
                try:
                    client.get("/sign-in")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            token = re.compile(r'name="csrf_token" value="([^"]+)"')
            page = client.get("/sign-in")
            found = token.search(page.text)
            assert found
            client.post("/sign-in", data={"csrf_token": found.group(1), "username": "analyst", "password": PASSWORD})
            found = token.search(client.get("/upload").text)
            assert found
            start = time.perf_counter()
            handles = [p.open("rb") for p in sorted(folder.iterdir())]
            try:
                files = [("returns", (h.name.rsplit("/", 1)[-1], h, "text/csv")) for h in handles]
                form = {"csrf_token": found.group(1), "council": COUNCIL, "year": str(YEAR)}  # no 813_2026 folder there
                response = client.post("/upload", data=form, files=files)
            finally:
                for h in handles:
                    h.close()
            seconds = time.perf_counter() - start
            shown = re.search(r"showing the first [\d,]+ of [\d,]+", response.text)
            problem = re.search(r'<a href="#returns">([^<]+)</a>', response.text)
            said = shown.group(0) if shown else (problem.group(1) if problem else "")
            return seconds, _peak_mb(server.pid), response.status_code, said
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = hostile_return(Path(tmp))
        print(f"hostile return: {_size_mb(folder):.0f} MB (episodes repeated)", flush=True)
        seconds, peak, last = command_line(folder, Path(tmp) / "report.csv")
        report_mb = (Path(tmp) / "report.csv").stat().st_size / 2**20
        print(
            f"command line: {seconds:.0f} s, peak memory {peak:.0f} MB (limit {LIMIT_MB}); {last}; "
            f"report.csv {report_mb:.0f} MB",
            flush=True,
        )
        seconds, peak, status, shown = upload(folder, Path(tmp) / "web.duckdb")
        print(
            f"upload page: {seconds:.0f} s, server peak memory {peak:.0f} MB (limit {LIMIT_MB}); "
            f"status {status}; {shown}",
            flush=True,
        )


if __name__ == "__main__":
    main()
