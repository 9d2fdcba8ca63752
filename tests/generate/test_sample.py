"""The shared `sample_db` fixture: a loaded store other areas can rely on."""

from __future__ import annotations

from pathlib import Path

from lineofsight.store import Store


def test_sample_db_holds_two_years_and_the_population(sample_db: Path) -> None:
    with Store(sample_db, read_only=True) as store:
        assert store.years("813") == [2025, 2026]
        assert store.query("SELECT year, population_0_17 FROM population ORDER BY 1") == [(2024, 5000), (2025, 5000)]
        for table in ("episode", "referral", "worker", "missing_incident"):
            assert store.count(table, "collection_year = 2026") > 0, table
