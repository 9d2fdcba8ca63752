"""The same definitions on Apache Spark (local mode) give exactly the DuckDB results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lineofsight.indicators import children, compute
from lineofsight.indicators.spark import SparkEngine
from lineofsight.store import Store

from .rows import put
from .test_adoption_and_leavers import adoption_store, three_year_store
from .test_children_in_care import episode
from .test_workforce import workforce_store

pytestmark = pytest.mark.spark


@pytest.fixture(scope="session")
def spark_engine(generated_store: Store) -> Iterator[SparkEngine]:
    pytest.importorskip("pyspark")
    engine = SparkEngine(generated_store)
    yield engine
    engine.close()


def test_whole_set_is_identical_on_duckdb_and_spark(generated_store: Store, spark_engine: SparkEngine) -> None:
    on_duckdb = compute(generated_store)
    on_spark = compute(engine=spark_engine)
    assert len(on_duckdb) == 36 * 2  # two generated years
    assert on_spark == on_duckdb


@pytest.mark.parametrize("indicator", ["cla.stability_long_term", "cla.placed_20_miles", "cin.assessments_45wd"])
def test_child_lists_are_identical(generated_store: Store, spark_engine: SparkEngine, indicator: str) -> None:
    (council,) = generated_store.councils()
    duck = children(generated_store, indicator, council, 2026, "pytest")
    spark = children(generated_store, indicator, council, 2026, "pytest", engine=spark_engine)
    assert duck and sorted(spark, key=repr) == sorted(duck, key=repr)


def test_hand_worked_edge_cases_are_identical_on_spark() -> None:
    pytest.importorskip("pyspark")
    store = Store()
    adoption_store(store, "901")
    workforce_store(store, "902")
    three_year_store(store, "904")
    # 45 working days over the May bank holidays (see test_help_and_protection), and 20.0 miles exactly
    put(
        store,
        "assessment",
        [
            {"child_id": "B", "referral_id": 1, "start_date": "2025-05-01", "authorisation_date": "2025-07-07"},
            {"child_id": "C", "referral_id": 1, "start_date": "2025-05-01", "authorisation_date": "2025-07-08"},
        ],
        la="903",
    )
    put(
        store,
        "postcode",
        [
            {"postcode": "AA11AA", "easting": 400000, "northing": 300000},
            {"postcode": "BB22BB", "easting": 432186, "northing": 300000},
        ],
    )
    put(
        store,
        "episode",
        [episode("P1", "2025-05-01", "S", "C2", "U4", home_postcode="AA11AA", placement_postcode="BB22BB")],
        la="903",
    )
    engine = SparkEngine(store)
    try:
        on_spark = compute(engine=engine)
        pooled = children(store, "adoption.a10_3y", "904", 2026, "pytest", engine=engine)
    finally:
        engine.close()
    on_duckdb = compute(store)
    assert {(r.id, r.council) for r in on_duckdb} >= {
        ("adoption.a10", "901"),
        ("workforce.absence", "902"),
        ("cin.assessments_45wd", "903"),
        ("cla.placed_20_miles", "903"),
    }
    three_years = {(r.id, r.period): r.value for r in on_duckdb if r.council == "904" and r.id.endswith("_3y")}
    assert three_years[("adoption.a10_3y", 2026)] == 335 and three_years[("adoption.a2_3y", 2024)] is None
    assert on_spark == on_duckdb
    assert pooled == children(store, "adoption.a10_3y", "904", 2026, "pytest")
