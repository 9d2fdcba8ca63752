"""An embedded store another process holds: every command says so in one line (who holds it, what to do)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lineofsight.store import Store

SRC = str(Path(__file__).resolve().parents[2] / "src")  # this checkout's code in the subprocesses
ENV = {**os.environ, "PYTHONPATH": SRC}
HOLD = "import sys; from lineofsight.store import Store; s = Store(sys.argv[1]); print('held', flush=True); sys.stdin.read()"


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A store file held open by a second, real process (as `lineofsight serve` holds it), and that process's id."""
    db = tmp_path / "store.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield db, holder.pid
    finally:
        holder.communicate("", timeout=30)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from lineofsight.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, env=ENV, timeout=120)


@pytest.mark.parametrize(
    "command",
    [
        ["indicators", "--db", "{db}"],
        ["load", "{returns}", "--db", "{db}"],
        ["user", "add", "alice", "--role", "analyst", "--password", "correct horse", "--db", "{db}"],
        ["report", "--db", "{db}", "--council", "813", "--year", "2026", "--out", "{tmp}/pack.pdf"],
    ],
    ids=lambda c: c[0],
)
def test_a_held_store_is_one_line_naming_the_process(
    held: tuple[Path, int], tmp_path: Path, command: list[str]
) -> None:
    db, pid = held
    returns = tmp_path / "813_2026"
    returns.mkdir()
    (returns / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,02/03/2010,WBRI,UN1,,\n")
    args = [a.format(db=db, returns=returns, tmp=tmp_path) for a in command]
    run = _cli(*args)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    assert f"in use by process {pid}" in lines[0]
    assert "stop that process" in lines[0] and "postgresql://" in lines[0]
