"""Indicators: every one in the catalogue for one council-year, and for 153 councils x 10 years.

One council is simulated for ten years and loaded through the real readers;
the national store is then built by copying that council's rows under 152
further LA codes inside DuckDB (generating and parsing 1,530 council-years
would measure the generator and the loader, which have benchmarks of their own).
BENCH_INDICATORS_COUNCILS and BENCH_INDICATORS_POPULATION change the size.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path

from bench._measure import timed
from lineofsight.generate.run import Plan, generate
from lineofsight.indicators import catalogue, compute
from lineofsight.model import TABLES
from lineofsight.model.local import POPULATION
from lineofsight.store import Store
from lineofsight.store.load import files_in, load_paths

YEARS = 10


def main() -> None:
    councils = int(os.environ.get("BENCH_INDICATORS_COUNCILS", "153"))
    population = int(os.environ.get("BENCH_INDICATORS_POPULATION", "36000"))
    work = Path(tempfile.mkdtemp(prefix="bench-indicators-"))
    try:
        store = one_council(work, population)
        (council,) = store.councils()
        last = max(store.years(council))
        compute(store, council, last)  # first call imports and renders the definitions
        with timed(f"{len(catalogue())} indicators, 1 council-year ({council} {last}, population {population:,})"):
            results = compute(store, council, last)
        print(f"  {len(results)} figures")
        with timed(f"{len(catalogue())} indicators, 1 council x {YEARS} years"):
            compute(store, council)
        with timed(f"copy to {councils} councils inside DuckDB"):
            replicate(store, council, councils)
        print(f"  {counts(store)}")
        with timed(f"{len(catalogue())} indicators, {councils} councils x {YEARS} years"):
            results = compute(store)
        print(f"  {len(results):,} figures")
        with timed(f"{len(catalogue())} indicators, 1 council-year out of the national store ({council} {last})"):
            compute(store, council, last)
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def one_council(work: Path, population: int) -> Store:
    out = work / "returns"
    with timed(f"generate 1 council x {YEARS} years"):
        generate(out, Plan(seed=1, population=population, years=YEARS))
    store = Store(work / "national.duckdb")
    with timed("load it"):
        load_paths(store, files_in(sorted(p for p in out.iterdir() if p.is_dir())), None, None)
        with (out / "population.csv").open(newline="") as f:
            rows = list(csv.DictReader(f))
        store.insert_columns(
            POPULATION,
            {
                "la_code": [r["LA_CODE"] for r in rows],
                "year": [int(r["YEAR"]) for r in rows],
                "population_0_17": [int(r["POPULATION_0_17"]) for r in rows],
            },
        )
    return store


def replicate(store: Store, council: str, councils: int) -> None:
    """Copy one council's rows under LA codes 001, 002, ... (skipping its own)."""
    codes = "SELECT lpad(CAST(n AS VARCHAR), 3, '0') AS code FROM range(1, 1000) t(n)"
    others = f"(SELECT code FROM ({codes}) c WHERE code <> '{council}' ORDER BY code LIMIT {councils - 1})"
    copied = [t for t in TABLES.values() if t.provenance or t.name == "load_history"]
    with store.transaction() as con:
        for table in copied:
            names = ", ".join("o.code" if c.name == "la_code" else f"t.{c.name}" for c in table.all_columns)
            con.execute(
                f"INSERT INTO {table.name} SELECT {names} "
                f"FROM {table.name} t CROSS JOIN {others} o WHERE t.la_code = '{council}'"
            )
        con.execute(
            f"INSERT INTO population SELECT o.code, p.year, p.population_0_17 "
            f"FROM population p CROSS JOIN {others} o WHERE p.la_code = '{council}'"
        )


def counts(store: Store) -> str:
    parts = []
    for name in ("episode", "referral", "assessment", "worker"):
        parts.append(f"{store.count(name):,} {name} rows")
    return ", ".join(parts)


if __name__ == "__main__":
    main()
