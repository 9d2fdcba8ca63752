"""The calibration report: synthetic councils' indicators against the DfE's published figures.

Generates councils at their real populations and rates (`generate.parameters`),
loads the returns into a store, computes each calibrated indicator with the
indicator engine, and compares the latest generated year:

- England: synthetic England (every council's numerators over every council's
  denominators) against published England. Goal: within 2 points for a
  percentage, within 2% of the value for a rate per 10,000 or a caseload.
- Councils: the Spearman rank correlation of synthetic against published over
  the councils with a published figure (neighbours' medians are left out), and
  the synthetic interquartile range against the published one. Goals: rho of at
  least 0.9; interquartile range within 20% of the published.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lineofsight.generate.councils import first
from lineofsight.generate.parameters import ENGLAND, INDICATORS, load
from lineofsight.generate.run import Plan, generate
from lineofsight.indicators.catalogue import get
from lineofsight.indicators.engine import compute
from lineofsight.store import Store
from lineofsight.store.load import load_paths

RHO_GOAL, IQR_GOAL, POINTS_GOAL, RATE_GOAL = 0.9, 0.2, 2.0, 0.02


@dataclass(frozen=True)
class Line:
    indicator_id: str
    unit: str
    synthetic_england: float | None
    published_england: float
    rho: float | None
    synthetic_iqr: float | None
    published_iqr: float | None
    councils: int  # councils with both a synthetic and a published figure

    @property
    def england_gap(self) -> float | None:
        return None if self.synthetic_england is None else self.synthetic_england - self.published_england

    @property
    def england_ok(self) -> bool:
        gap = self.england_gap
        if gap is None:
            return False
        if self.unit == "percent":
            return abs(gap) <= POINTS_GOAL
        return abs(gap) <= RATE_GOAL * abs(self.published_england)

    @property
    def rho_ok(self) -> bool:
        return self.rho is not None and self.rho >= RHO_GOAL

    @property
    def iqr_ok(self) -> bool:
        if self.synthetic_iqr is None or not self.published_iqr:
            return False
        return abs(self.synthetic_iqr / self.published_iqr - 1) <= IQR_GOAL


@dataclass(frozen=True)
class Report:
    year: int
    councils: int
    lines: list[Line]
    seconds: dict[str, float]


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's correlation of the ranks (Spearman's rho with ties)."""
    if len(x) < 3:
        return None
    rx, ry = ranks(x), ranks(y)
    try:
        return statistics.correlation(rx, ry)
    except statistics.StatisticsError:  # every value the same
        return None


def iqr(values: Sequence[float]) -> float | None:
    if len(values) < 4:
        return None
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[2] - q[0]


def compare(store: Store, year: int) -> list[Line]:
    """Each calibrated indicator of `year` in the store against the published figures."""
    table = load()
    results = compute(store, year=year, ids=list(INDICATORS))
    lines = []
    for indicator_id in INDICATORS:
        indicator = get(indicator_id)
        mine = [r for r in results if r.id == indicator_id]
        top, bottom = sum(r.numerator for r in mine), sum(r.denominator for r in mine)
        scale = {"percent": 100.0, "per_10000": 10000.0}.get(indicator.unit, 1.0)
        pairs = [
            (r.value, published)
            for r in mine
            if r.value is not None and (published := table.published(r.council, year, indicator_id)) is not None
        ]
        synthetic, real = [p[0] for p in pairs], [p[1] for p in pairs]
        lines.append(
            Line(
                indicator_id,
                indicator.unit,
                round(top / bottom * scale, 2) if bottom else None,
                table.at(ENGLAND, year)[indicator_id],
                spearman(synthetic, real),
                iqr(synthetic),
                iqr(real),
                len(pairs),
            )
        )
    return lines


def run(
    work: Path,
    councils: int = 153,
    years: int = 3,
    last_year: int = 2025,
    seed: int = 1,
    processes: int = 2,
    on_step: Callable[[str], None] | None = None,
    every: int = 1,
) -> Report:
    """Generate councils at their own populations and rates, load them into work/, and compare `last_year`.

    All 153 councils by default; `councils` takes the first so many, `every` every so many of those."""
    seconds = {}
    start = time.perf_counter()
    codes = tuple(c.la_code for c in first(councils))[::every]
    plan = Plan(seed=seed, years=years, first_year=last_year - years + 1, codes=codes)
    folders = generate(work / "returns", plan, on_step, processes)
    seconds["generate"] = time.perf_counter() - start
    start = time.perf_counter()
    with Store(work / "calibration.duckdb") as store:
        load_paths(store, folders)
        load_paths(store, [work / "returns" / "population.csv"], folders[0].name[:3], last_year)
        seconds["load"] = time.perf_counter() - start
        start = time.perf_counter()
        lines = compare(store, last_year)
    seconds["indicators"] = time.perf_counter() - start
    return Report(last_year, len(codes), lines, seconds)


def _number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def markdown(report: Report) -> str:
    """The report as a Markdown table, goals met marked."""
    tick = {True: "yes", False: "no"}
    head = (
        f"Collection year {report.year}, {report.councils} councils at their own populations. "
        f"Goals: England within {POINTS_GOAL:g} points (percentages) or {RATE_GOAL:.0%} (rates); "
        f"Spearman rho >= {RHO_GOAL}; interquartile range within {IQR_GOAL:.0%} of the published.\n\n"
        "| indicator | synthetic England | published England | met | rho | met | IQR synthetic | IQR published | "
        "met | councils |\n|---|---:|---:|---|---:|---|---:|---:|---|---:|\n"
    )
    rows = [
        f"| {x.indicator_id} | {_number(x.synthetic_england)} | {_number(x.published_england)} | "
        f"{tick[x.england_ok]} | {_number(x.rho, 2)} | {tick[x.rho_ok]} | {_number(x.synthetic_iqr)} | "
        f"{_number(x.published_iqr)} | {tick[x.iqr_ok]} | {x.councils} |"
        for x in report.lines
    ]
    timing = ", ".join(f"{k} {v:.0f} s" for k, v in report.seconds.items())
    return head + "\n".join(rows) + f"\n\nTimes on this machine: {timing}.\n"
