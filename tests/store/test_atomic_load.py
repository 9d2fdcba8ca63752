"""A load replaces each council-year's return whole: old or new, never a mix, even when the load is killed."""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from lineofsight.generate.run import Plan, generate
from lineofsight.model import TABLES
from lineofsight.store import Store
from lineofsight.store.load import load_paths

SRC = str(Path(__file__).resolve().parents[2] / "src")  # this checkout's code in the subprocesses
ENV = {**os.environ, "PYTHONPATH": SRC}
KILLS = 8
Snapshot = dict[str, list[tuple[Any, ...]]]


def _with_uasc(folder: Path) -> None:
    """Give the return two UASC children (a small synthetic council has none), taken from its header."""
    with (folder / "header.csv").open(newline="") as handle:
        children = list(csv.DictReader(handle))[:2]
    lines = [f"{c['CHILD']},{c['SEX']},{c['DOB']},01/01/2025" for c in children]
    (folder / "uasc.csv").write_text("CHILD,SEX,DOB,DUC\n" + "\n".join(lines) + "\n")


@pytest.fixture(scope="module")
def returns(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two different returns of council 813 for 2025/26: the old with UASC rows, the new without uasc.csv."""
    root = tmp_path_factory.mktemp("returns")
    old = generate(root / "old", Plan(seed=1, population=3000, years=1))[0]
    new = generate(root / "new", Plan(seed=2, population=3000, years=1))[0]
    _with_uasc(old)
    (new / "uasc.csv").unlink()
    return old, new


def snapshot(db: Path) -> Snapshot:
    """Every row of the council-year in every return table, sorted: equal snapshots are equal stores."""
    with Store(db, read_only=True) as store:
        return {
            t.name: sorted(store.query(f"SELECT * FROM {t.name} WHERE la_code = '813'"), key=repr)
            for t in TABLES.values()
            if t.provenance and t.dataset in ("ssda903", "cin", "workforce", "local")
        }


def _loaded(tmp: Path, name: str, *folders: Path) -> Path:
    db = tmp / name
    with Store(db) as store:
        for folder in folders:
            load_paths(store, [folder])
    return db


def test_reloading_without_a_file_empties_its_table(returns: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = returns
    db = _loaded(tmp_path, "s.duckdb", old)
    assert len(snapshot(db)["uasc"]) == 2
    with Store(db) as store:
        result = load_paths(store, [new])
    after = snapshot(db)
    assert after["uasc"] == []
    assert after == snapshot(_loaded(tmp_path, "new.duckdb", new))  # exactly the new return
    assert any(p.rule == "emptied" and p.table == "uasc" and "2 rows" in p.message for p in result.problems)


def test_a_return_in_two_folders_adds_up(returns: tuple[Path, Path], tmp_path: Path) -> None:
    """Files of one council-year given from two places are one return, not the second replacing the first."""
    old, _ = returns
    split = tmp_path / "split" / "813_2026"
    shutil.copytree(old, split)
    elsewhere = tmp_path / "elsewhere" / "813_2026"
    elsewhere.mkdir(parents=True)
    shutil.move(split / "uasc.csv", elsewhere / "uasc.csv")
    with Store(tmp_path / "s.duckdb") as store:
        load_paths(store, [split, elsewhere])
    assert snapshot(tmp_path / "s.duckdb") == snapshot(_loaded(tmp_path, "old.duckdb", old))


def _load_command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-c", "from lineofsight.cli import main; main()", "load", str(folder), "--db", str(db)]


def test_a_killed_load_leaves_the_old_return_or_the_new_whole(returns: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = returns
    before = snapshot(_loaded(tmp_path, "old.duckdb", old))
    after = snapshot(_loaded(tmp_path, "new.duckdb", new))
    assert before != after
    start = time.monotonic()
    subprocess.run(_load_command(new, tmp_path / "timed.duckdb"), env=ENV, check=True, capture_output=True)
    whole = time.monotonic() - start
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    outcomes = []
    for kill in range(KILLS):
        db = tmp_path / f"killed{kill}.duckdb"
        shutil.copy(tmp_path / "old.duckdb", db)
        delay = rng.uniform(0.2, 1.05) * whole  # from Python starting up to just after the commit
        load = subprocess.Popen(_load_command(new, db), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        load.send_signal(signal.SIGKILL)
        load.wait()
        held = snapshot(db)
        assert held in (before, after), f"kill {kill} after {delay:.2f} s (seed {seed}) left a mix of two returns"
        outcomes.append("old" if held == before else "new")
    assert "old" in outcomes, f"no kill landed before the commit (seed {seed}): {outcomes}"
