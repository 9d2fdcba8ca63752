"""Run the same indicator definitions on Apache Spark, for pooled data that outgrows one machine.

The store's tables are copied into Spark through Parquet (DuckDB writes it,
Spark reads it, types intact) and registered as views under the same names,
so the definitions run unchanged; only the date macros render differently.
"""

from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from lineofsight.indicators.catalogue import catalogue
from lineofsight.indicators.dialect import Dialect, render
from lineofsight.model import TABLES
from lineofsight.store import BUILT_IN, Store


def views() -> list[str]:
    """The tables the definitions (and the engine) read: only these are copied into Spark."""
    text = " ".join(render(i.query, "spark") for i in catalogue())  # rendered: macros name tables too
    named = [name for name in (*TABLES, *(t.name for t in BUILT_IN)) if re.search(rf"\b{name}\b", text)]
    return sorted({*named, "population", "load_history"})


@lru_cache(maxsize=1)
def session(master: str = "local[2]") -> Any:
    """One local Spark session per process (start-up costs seconds; pay it once)."""
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .appName("lineofsight-indicators")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )


class SparkEngine:
    """A Spark session holding a copy of one store's tables."""

    dialect: Dialect = "spark"

    def __init__(self, store: Store, spark: Any | None = None, workdir: Path | None = None) -> None:
        self.spark = spark or session()
        self._tmp = None if workdir else tempfile.TemporaryDirectory(prefix="lineofsight-spark-")
        self.workdir = workdir or Path(self._tmp.name)  # type: ignore[union-attr]
        for name in views():
            path = self.workdir / f"{name}.parquet"
            store.con.execute(f"COPY (SELECT * FROM {name}) TO '{path}' (FORMAT PARQUET)")
            self.spark.read.parquet(str(path)).createOrReplaceTempView(name)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.spark.sql(sql).collect()]

    def columns(self, sql: str) -> list[str]:
        names: list[str] = self.spark.sql(sql).columns
        return names

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
