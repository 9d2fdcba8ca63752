"""Each council's own published figures, year by year: the parameters the simulation is calibrated to.

They come from the public reference data that ships inside the package
(`lineofsight.reference.bundle`, built by `lineofsight reference update` from
the DfE's downloads), so generation works on a fresh clone: the DfE's published
value of each indicator id (mapped once, in `benchmark/published.py`) for
England (`E92000001`) and each council (DfE code) by collection year, and the
ONS estimate of children aged 0 to 17 of the June before. A council-year the
DfE did not publish (suppressed, or the council did not yet exist) takes the
median of its DfE statistical neighbours' published values for that year, else
England's; a year outside a series' published span takes the nearest published
year's figure. Both are listed in `Parameters.filled`, and the calibration report
compares only the councils' own published values.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb

from lineofsight.reference.bundle import BUNDLE

ENGLAND = "E92000001"
POPULATION = "population_0_17"
# The published figures the simulation takes from each council (indicator ids, as benchmark/published.py maps them).
INDICATORS = (
    "cin.referrals_rate",
    "cin.rereferrals_12m",
    "cp.plans_rate",
    "cp.second_plan",
    "cla.rate",
    "cla.stability_3plus",
    "cla.stability_long_term",
    "cla.placed_20_miles",
    "leavers.eet_17_18",
    "leavers.eet_19_21",
    "leavers.suitable_accommodation",
    "workforce.turnover",
    "workforce.agency",
    "workforce.vacancy",
    "workforce.caseload",
    "workforce.absence",
)
COLUMNS = (POPULATION, *INDICATORS)
FIRST_YEAR, LAST_YEAR = 2015, 2026


@dataclass(frozen=True)
class Parameters:
    """(council, year) -> column -> value, and which values are statistical neighbours' medians."""

    values: dict[tuple[str, int], dict[str, float]]
    filled: dict[tuple[str, int], frozenset[str]]

    def at(self, la_code: str, year: int) -> dict[str, float]:
        """The council's figures for a collection year (the nearest year in the table outside its span)."""
        return self.values[(la_code, min(max(year, FIRST_YEAR), LAST_YEAR))]

    def published(self, la_code: str, year: int, column: str) -> float | None:
        """The council's own published figure, or None where the table holds a neighbours' median."""
        key = (la_code, year)
        if key not in self.values or column in self.filled[key]:
            return None
        return self.values[key][column]

    def has(self, la_code: str) -> bool:
        return (la_code, LAST_YEAR) in self.values


Series = dict[tuple[int, str], float]  # (collection year, area code) -> published value


@lru_cache(maxsize=1)
def load(folder: Path = BUNDLE) -> Parameters:
    """Every generated council's (and England's) figures for each year from FIRST_YEAR to LAST_YEAR."""
    from lineofsight.generate.councils import councils

    published, neighbours = _read(folder)
    values: dict[tuple[str, int], dict[str, float]] = {}
    filled: dict[tuple[str, int], frozenset[str]] = {}
    for la in (ENGLAND, *sorted(c.la_code for c in councils())):
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            found = {column: _value(published[column], la, year, neighbours.get(la, [])) for column in COLUMNS}
            values[(la, year)] = {column: value for column, (value, _) in found.items()}
            filled[(la, year)] = frozenset(column for column, (_, own) in found.items() if not own)
    return Parameters(values, filled)


def _read(folder: Path) -> tuple[dict[str, Series], dict[str, list[str]]]:
    """column -> published series (England and councils), and each council's statistical neighbours."""

    def parquet(name: str) -> str:
        return "'" + str(folder / f"{name}.parquet").replace("'", "''") + "'"

    con = duckdb.connect()
    try:
        published: dict[str, Series] = {column: {} for column in COLUMNS}
        rows = con.execute(
            f"SELECT indicator_id, collection_year, area_code, value FROM {parquet('benchmark_value')} "
            "WHERE level IN ('National', 'Local authority') AND value IS NOT NULL AND list_contains(?, indicator_id)",
            [list(INDICATORS)],
        ).fetchall()
        for indicator_id, year, area, value in rows:
            published[indicator_id][(int(year), str(area))] = float(value)
        # The DfE divides a collection year ending March YYYY by the mid-year estimate of YYYY-1.
        rows = con.execute(
            f"SELECT mid_year + 1, area_code, population_0_17 FROM {parquet('area_population')} "
            "WHERE level IN ('National', 'Local authority') AND population_0_17 IS NOT NULL"
        ).fetchall()
        published[POPULATION] = {(int(year), str(area)): float(value) for year, area, value in rows}
        rows = con.execute(f"SELECT la_code, statistical_neighbours FROM {parquet('council')}").fetchall()
        neighbours = {str(la): [c for c in (text or "").split(",") if c] for la, text in rows}
    finally:
        con.close()
    return published, neighbours


def _value(series: Series, la: str, year: int, neighbours: list[str]) -> tuple[float, bool]:
    """The council's published value for the year (the nearest published year beyond the series' span), else
    its neighbours' median, else England's; the flag says whether the value is the council's own for the year."""
    years = sorted({y for y, _ in series})
    inside = years[0] <= year <= years[-1]
    year = min(max(year, years[0]), years[-1])
    if (year, la) in series:
        return series[(year, la)], inside
    around = [v for n in neighbours if (v := series.get((year, n))) is not None]
    if around:
        return statistics.median(around), False
    return series[(year, ENGLAND)], False
