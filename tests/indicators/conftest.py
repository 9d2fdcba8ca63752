"""A generated council with planted figures, shared by the recovery and the Spark tests."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from lineofsight.generate.plant import Targets
from lineofsight.generate.run import Plan, generate
from lineofsight.model.local import POPULATION
from lineofsight.store import Store
from lineofsight.store.load import files_in, load_paths

PLANTED = Targets(turnover=0.11, experience_3y=0.74, rhi_accepted=0.92, rhi_72h=0.78, placed_within_20_miles=0.90)


@pytest.fixture(scope="session")
def generated_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    out: Path = tmp_path_factory.mktemp("generated")
    generate(out, Plan(seed=7, population=9000, councils=1, years=2, targets=PLANTED))
    store = Store()
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    result = load_paths(store, files_in(folders), None, None)
    assert result.loaded > 0
    with (out / "population.csv").open(newline="") as f:  # reference rows: their own council and year
        rows = list(csv.DictReader(f))
    store.insert_columns(
        POPULATION,
        {
            "la_code": [r["LA_CODE"] for r in rows],
            "year": [int(r["YEAR"]) for r in rows],
            "population_0_17": [int(r["POPULATION_0_17"]) for r in rows],
        },
    )
    yield store
    store.close()
