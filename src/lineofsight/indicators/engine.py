"""Compute indicators and read the children behind them, on any engine.

Each definition's member query is wrapped in one generic aggregate; all the
requested indicators go to the engine as a single UNION ALL, so DuckDB runs
them in parallel and Spark plans them once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from lineofsight.errors import UserError
from lineofsight.indicators.catalogue import catalogue, get
from lineofsight.indicators.dialect import Dialect, render
from lineofsight.indicators.indicator import MEMBER_COLUMNS, Indicator, Member, Result
from lineofsight.store import Store, audit


class Engine(Protocol):
    dialect: Dialect

    def rows(self, sql: str) -> list[tuple[Any, ...]]: ...

    def columns(self, sql: str) -> list[str]: ...


class StoreEngine:
    """The store itself: the embedded DuckDB file or a PostgreSQL server."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.dialect: Dialect = "postgres" if store.dialect == "postgres" else "duckdb"

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self.store.query(sql)

    def columns(self, sql: str) -> list[str]:
        return [d[0] for d in self.store.con.execute(f"SELECT * FROM ({sql}) q LIMIT 0").description]


def _filters(council: str | None, year: int | None) -> str:
    where = ["1 = 1"]
    if council is not None:
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,12}", council):
            raise UserError(f"{council!r} is not a council code (the DfE three-digit LA code, e.g. 201).")
        where.append(f"la_code = '{council}'")
    if year is not None:
        where.append(f"collection_year = {int(year)}")
    return " AND ".join(where)


def member_sql(indicator: Indicator, dialect: Dialect, council: str | None = None, year: int | None = None) -> str:
    """The child-level select of one indicator, filtered to a council and year."""
    where = _filters(council, year)  # validates the council code before it reaches any SQL
    return f"SELECT * FROM (\n{render(indicator.query, dialect, council, year)}\n) m WHERE {where}"


def aggregate_sql(indicator: Indicator, dialect: Dialect, council: str | None, year: int | None) -> str:
    return (
        f"SELECT '{indicator.id}' AS indicator_id, la_code, CAST(collection_year AS INTEGER) AS collection_year, "
        f"CAST(sum(CASE WHEN in_numerator THEN {indicator.numerator_sql} ELSE 0 END) AS DOUBLE) AS numerator, "
        f"CAST(sum(CASE WHEN in_denominator THEN {indicator.sum_denominator} ELSE 0 END) AS DOUBLE) AS denominator "
        f"FROM ({member_sql(indicator, dialect, council, year)}) a GROUP BY la_code, collection_year"
    )


def _value(indicator: Indicator, numerator: float, denominator: float) -> float | None:
    if indicator.unit == "count":
        return numerator
    if not denominator:
        return None
    scale = {"percent": 100.0, "per_10000": 10000.0}.get(indicator.unit, 1.0)
    return round(numerator / denominator * scale, 6)


def _population(engine: Engine) -> dict[tuple[str, int], float]:
    rows = engine.rows("SELECT la_code, year, population_0_17 FROM population")
    return {(str(r[0]), int(r[1])): float(r[2]) for r in rows}


def _loaded(engine: Engine, council: str | None, year: int | None) -> dict[str, set[tuple[str, int]]]:
    """Council-years loaded per dataset, so an indicator with no members still reports (as no value)."""
    sql = f"SELECT DISTINCT dataset, la_code, collection_year FROM load_history WHERE {_filters(council, year)}"
    loaded: dict[str, set[tuple[str, int]]] = {}
    for dataset, la, yr in engine.rows(sql):
        loaded.setdefault(str(dataset), set()).add((str(la), int(yr)))
    return loaded


def compute(
    store: Store | None = None,
    council: str | None = None,
    year: int | None = None,
    ids: Sequence[str] | None = None,
    engine: Engine | None = None,
) -> list[Result]:
    """Every requested indicator for every loaded council-year (or the one asked for)."""
    if engine is None:
        if store is None:
            raise ValueError("compute() needs a store or an engine")
        engine = StoreEngine(store)
    indicators = [get(i) for i in ids] if ids is not None else catalogue()
    if not indicators:
        return []
    queries = [aggregate_sql(i, engine.dialect, council, year) for i in indicators]
    # DuckDB runs one UNION ALL in parallel; Spark's optimiser slows on one huge plan, so it gets one each.
    batches = ["\nUNION ALL\n".join(queries)] if engine.dialect != "spark" else queries
    rows = [row for sql in batches for row in engine.rows(sql)]
    sums = {(str(r[0]), str(r[1]), int(r[2])): (float(r[3] or 0), float(r[4] or 0)) for r in rows}
    population = _population(engine) if any(i.unit == "per_10000" for i in indicators) else {}
    loaded = _loaded(engine, council, year)
    results = []
    for indicator in indicators:
        keys = {(la, yr) for (iid, la, yr) in sums if iid == indicator.id}
        for dataset in indicator.datasets:
            keys |= loaded.get(dataset, set())
        for la, yr in sorted(keys):
            numerator, denominator = sums.get((indicator.id, la, yr), (0.0, 0.0))
            if indicator.unit == "per_10000":
                # The DfE divides a collection year ending March YYYY by the mid-year estimate of YYYY-1.
                denominator = population.get((la, yr - 1), 0.0)
            results.append(_result(indicator, la, yr, numerator, denominator))
    return results


def _result(indicator: Indicator, la: str, yr: int, numerator: float, denominator: float) -> Result:
    return Result(
        id=indicator.id,
        title=indicator.title,
        council=la,
        period=yr,
        numerator=round(numerator, 6),
        denominator=round(denominator, 6),
        value=_value(indicator, numerator, denominator),
        unit=indicator.unit,
        polarity=indicator.polarity,
    )


def children(
    store: Store,
    indicator_id: str,
    council: str,
    year: int,
    username: str,
    purpose: str = "",
    engine: Engine | None = None,
) -> list[Member]:
    """THE way to read a child-level list: the audit log is written before any child is read."""
    indicator = get(indicator_id)
    if not username:
        raise UserError("A child-level list needs the name of the person asking (for the audit log).")
    audit.record(store, username, "list_children", indicator.id, council, f"year={year}; purpose={purpose}")
    engine = engine or StoreEngine(store)
    sql = member_sql(indicator, engine.dialect, council, year) + " ORDER BY in_numerator, member_id"
    names = engine.columns(sql)
    return [_member(names, row) for row in engine.rows(sql)]


def _member(names: list[str], row: tuple[Any, ...]) -> Member:
    values = dict(zip(names, row, strict=True))
    detail = {k: v for k, v in values.items() if k not in MEMBER_COLUMNS}
    value = values["value"]
    return Member(
        child_id=str(values["member_id"]),
        in_numerator=bool(values["in_numerator"]),
        in_denominator=bool(values["in_denominator"]),
        value=None if value is None else float(value),
        detail=detail,
    )
