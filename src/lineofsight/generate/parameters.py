"""Each council's own published figures, year by year: the parameters the simulation is calibrated to.

The table `councils.csv` beside this module is committed, so generation works on a
fresh clone without the reference data. It is built from the DfE's published
council-level statistics by

    python -m lineofsight.generate.parameters ../shared/reference

which reads each figure through the same mappings the benchmark import uses
(`lineofsight.benchmark.published.PUBLISHED`: file, rows, column, year), so a
parameter and the figure the dashboard benchmarks against are one thing. One row
per council (DfE code; England is `E92000001`) and collection year, one column
per indicator id, plus the ONS estimate of children aged 0 to 17 of the June
before. A council-year the DfE did not publish (suppressed, or the council did
not yet exist) takes the median of its DfE statistical neighbours' published
values for that year; `filled` lists the columns so filled, and the calibration
report compares only published values. A year outside a series' published span
takes the nearest published year's figure (also listed in `filled`).
"""

from __future__ import annotations

import csv
import statistics
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the benchmark import is needed only to build the table
    from lineofsight.benchmark.published import Published

TABLE = Path(__file__).with_name("councils.csv")
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


@lru_cache(maxsize=1)
def load(path: Path = TABLE) -> Parameters:
    values: dict[tuple[str, int], dict[str, float]] = {}
    filled: dict[tuple[str, int], frozenset[str]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["la_code"], int(row["year"]))
            values[key] = {c: float(row[c]) for c in COLUMNS}
            filled[key] = frozenset(filter(None, row["filled"].split(" ")))
    return Parameters(values, filled)


# -- building the table from the reference data -------------------------------------------


def _published(reference: Path) -> dict[str, dict[tuple[int, str], float]]:
    """column -> (year, area code) -> published value, councils and England."""
    from lineofsight.benchmark.published import CHILDREN_0_17, PUBLISHED, per_10000, read_published

    folder = reference / "dfe"
    files = sorted(folder.glob("*.csv"))

    def read(spec: Published) -> dict[tuple[int, str, str], tuple[str, float | None, int]]:
        path = next(f for f in files if f.name.startswith(spec.file_prefix))
        return read_published(path, spec)

    population = read(CHILDREN_0_17)
    out: dict[str, dict[tuple[int, str], float]] = {POPULATION: _keep(population)}
    for spec in PUBLISHED:
        if spec.indicator_id in INDICATORS:
            found = read(spec)
            out[spec.indicator_id] = _keep(per_10000(found, population) if spec.per_10000 else found)
    return out


def _keep(found: dict[tuple[int, str, str], tuple[str, float | None, int]]) -> dict[tuple[int, str], float]:
    """England's and councils' published values (regions are not parameters)."""
    return {
        (year, ENGLAND if level == "National" else area): value
        for (year, level, area), (_, value, _) in found.items()
        if value is not None and level in ("National", "Local authority")
    }


def _neighbours(reference: Path) -> dict[str, list[str]]:
    with (reference / "la_lookup.csv").open(newline="", encoding="utf-8-sig") as handle:
        return {
            row["la_code"]: [c.strip() for c in row["stat_neighbours"].split(",") if c.strip()]
            for row in csv.DictReader(handle)
        }


def build(reference: Path, out: Path = TABLE) -> int:
    """Write the table for every generated council and England; returns the rows written."""
    from lineofsight.generate.councils import councils

    published = _published(reference)
    neighbours = _neighbours(reference)
    codes = [ENGLAND, *sorted(c.la_code for c in councils())]
    rows = []
    for la in codes:
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            row: dict[str, object] = {"la_code": la, "year": year}
            filled = []
            for column in COLUMNS:
                value, own = _value(published[column], la, year, neighbours.get(la, []))
                row[column] = round(value, 2)
                if not own:
                    filled.append(column)
            row["filled"] = " ".join(filled)
            rows.append(row)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["la_code", "year", *COLUMNS, "filled"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def _value(series: dict[tuple[int, str], float], la: str, year: int, neighbours: list[str]) -> tuple[float, bool]:
    """The council's published value for the year (the nearest published year beyond the series' span), else
    its neighbours' median, else England's; the flag says whether the value is the council's own."""
    years = sorted({y for y, _ in series})
    inside = years[0] <= year <= years[-1]
    year = min(max(year, years[0]), years[-1])
    if (year, la) in series:
        return series[(year, la)], inside
    around = [v for n in neighbours if (v := series.get((year, n))) is not None]
    if around:
        return statistics.median(around), False
    return series[(year, ENGLAND)], False


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m lineofsight.generate.parameters REFERENCE_FOLDER (e.g. ../shared/reference)")
    print(f"wrote {build(Path(sys.argv[1]))} rows to {TABLE}")
