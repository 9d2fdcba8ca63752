"""A small generated council, loaded into a store: the shared fixture for other areas' tests."""

from __future__ import annotations

from pathlib import Path

from lineofsight.generate.plant import Targets
from lineofsight.generate.run import Plan, generate
from lineofsight.store import Store
from lineofsight.store.load import load_paths

# North Lincolnshire's published figures, planted in the latest year.
SAMPLE_TARGETS = Targets(turnover=0.11, experience_3y=0.74, rhi_accepted=0.92, rhi_72h=0.78, placed_within_20_miles=0.9)


def sample_plan(seed: int = 1, population: int = 5000, years: int = 2) -> Plan:
    return Plan(seed=seed, population=population, years=years, targets=SAMPLE_TARGETS)


def sample_store(tmp_dir: Path, seed: int = 1, population: int = 5000, years: int = 2) -> Path:
    """Generate one council (North Lincolnshire's codes) into tmp_dir/returns and load it; return the store file."""
    returns = tmp_dir / "returns"
    folders = generate(returns, sample_plan(seed, population, years))
    db = tmp_dir / "sample.duckdb"
    with Store(db) as store:
        load_paths(store, folders)
        la_code = folders[0].name.split("_")[0]
        load_paths(store, [returns / "population.csv"], la_code, int(folders[-1].name[-4:]))
    return db
