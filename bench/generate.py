"""Generation speed and memory: one council, then 153 councils x 10 years.

Every council gets the same fixed population of 40,000 children aged 0-17
(North Lincolnshire has about 36,000; England's average council about 80,000),
so the figures scale with the council count. BENCH_GENERATE_COUNCILS=K runs
the second step on the first K councils only.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from bench._measure import timed
from lineofsight.generate.run import Plan, generate
from lineofsight.geography import district_samples

POPULATION = 40_000


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def main() -> None:
    councils = int(os.environ.get("BENCH_GENERATE_COUNCILS", "153"))
    work = Path(tempfile.mkdtemp(prefix="bench-generate-"))
    try:
        with timed("postcode samples for every district (once per process)"):
            district_samples()
        with timed(f"1 council, population {POPULATION:,}, 10 years, 1 process"):
            generate(work / "one", Plan(seed=1, population=POPULATION, years=10))
        print(f"  output {size_mb(work / 'one'):.0f} MB")
        with timed(f"{councils} councils x 10 years, population {POPULATION:,} each, pool of 2"):
            generate(work / "all", Plan(seed=1, population=POPULATION, councils=councils, years=10), processes=2)
        print(f"  output {size_mb(work / 'all'):.0f} MB in {len(list((work / 'all').iterdir())) - 1} council-years")
    finally:
        shutil.rmtree(work, ignore_errors=True)
