"""The same definitions on Apache Spark (local mode) give exactly the DuckDB results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lineofsight.indicators import children, compute
from lineofsight.indicators.spark import SparkEngine
from lineofsight.store import Store

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
    assert len(on_duckdb) == 33 * 2  # two generated years
    assert on_spark == on_duckdb


@pytest.mark.parametrize("indicator", ["cla.stability_long_term", "cla.placed_20_miles", "cin.assessments_45wd"])
def test_child_lists_are_identical(generated_store: Store, spark_engine: SparkEngine, indicator: str) -> None:
    (council,) = generated_store.councils()
    duck = children(generated_store, indicator, council, 2026, "pytest")
    spark = children(generated_store, indicator, council, 2026, "pytest", engine=spark_engine)
    assert duck and sorted(spark, key=repr) == sorted(duck, key=repr)
