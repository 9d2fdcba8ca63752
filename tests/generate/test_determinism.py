"""The same seed and options give byte-identical files; another seed gives different ones."""

from __future__ import annotations

import hashlib
from pathlib import Path

from lineofsight.generate.run import Plan, generate

from .conftest import PLAN


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_same_bytes(generated: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", PLAN)
    first, second = digest(generated), digest(tmp_path / "again")
    assert len(first) == 1 + 2 * 17  # population.csv + 17 files for each of two years
    assert first == second


def test_other_seed_other_bytes(generated: Path, tmp_path: Path) -> None:
    other = Plan(seed=PLAN.seed + 1, population=PLAN.population, years=1, targets=PLAN.targets)
    generate(tmp_path / "other", other)
    assert digest(tmp_path / "other")["813_2026/episodes.csv"] != digest(generated)["813_2026/episodes.csv"]


def test_two_councils_in_parallel_match_one_at_a_time(tmp_path: Path) -> None:
    plan = Plan(seed=3, population=1500, councils=2, years=1)
    generate(tmp_path / "serial", plan)
    generate(tmp_path / "pooled", plan, processes=2)
    serial = digest(tmp_path / "serial")
    assert {name.split("/")[0] for name in serial} == {"813_2026", "201_2026", "population.csv"}
    assert serial == digest(tmp_path / "pooled")
