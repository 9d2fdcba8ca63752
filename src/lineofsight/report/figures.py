"""The figures a council's line of sight shows: every indicator by area of practice, its trend, benchmark and rating.

The dashboard and the performance pack both read these, so the two always agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from lineofsight.benchmark import compare as bench
from lineofsight.benchmark.compare import Comparison, Rating, compare, rag
from lineofsight.calendar import year_label
from lineofsight.indicators import Area, Indicator, Result, catalogue
from lineofsight.indicators.engine import StoreEngine, member_sql
from lineofsight.indicators.indicator import UNIT_SUFFIX, Unit
from lineofsight.report import charts, targets
from lineofsight.store import Store


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    result: Result | None  # None: the dataset behind it is not loaded for this year
    trend: list[tuple[int, float | None]]
    comparison: Comparison | None
    rating: Rating
    benchmark_label: str = "England"  # what the trend chart's dashed line is
    benchmark_trend: tuple[tuple[int, float | None], ...] = ()  # its figure for each year of the trend
    target: float | None = None  # the council's local target, set by a manager
    target_rating: Rating | None = None  # None when no target is set
    commentary: targets.Commentary | None = None  # the managers' commentary for the year

    @property
    def value(self) -> float | None:
        return self.result.value if self.result else None

    @property
    def target_text(self) -> str:
        return "no target set" if self.target is None else charts.fmt_value(self.target, self.indicator.unit)

    @property
    def value_text(self) -> str:
        return charts.fmt_value(self.result.value if self.result else None, self.indicator.unit)

    @property
    def unit_label(self) -> str:
        return UNIT_SUFFIX.get(self.indicator.unit, "")

    @property
    def benchmark_text(self) -> str:
        """The benchmark figures, short (what they are and which year is said once, by `benchmark_basis`)."""
        c = self.comparison
        if c is None:
            return "no benchmark loaded"
        region = c.region_name or "region"
        parts = [
            ("England" if c.published else "other councils' average", c.england),
            (region if c.published else f"other councils in {region}", c.region),
            ("statistical neighbours", c.statistical_neighbours),
        ]
        unit = self.indicator.unit
        known = [f"{name} {charts.fmt_value(value, unit)}" for name, value in parts if value is not None]
        if c.quartile:
            known.append(f"quartile {c.quartile} of {c.councils_ranked}")
        if not known:
            return bench.NO_BENCHMARK if not c.published else f"no benchmark for {year_label(c.year)}"
        return "; ".join(known)

    @property
    def benchmark_sentence(self) -> str:
        """The benchmark figures and where they come from, each said once."""
        c = self.comparison
        if c is not None and any(v is not None for v in (c.england, c.region, c.statistical_neighbours)):
            return f"Benchmark: {self.benchmark_text}. Compared with {self.benchmark_basis}."
        return f"Benchmark: {self.benchmark_basis}."

    @property
    def benchmark_basis(self) -> str:
        """Where the benchmark comes from, in full: said once on a page, not in every row."""
        c = self.comparison
        if c is None:
            return "no benchmark loaded (import the council lookup and the DfE published figures)"
        return c.source + (f" ({c.note})" if c.note else "")

    def sparkline(self) -> str:
        return charts.sparkline(self.trend, f"Trend of {self.indicator.title}")

    def trend_chart(self) -> str:
        unit = self.unit_label or self.indicator.unit
        return charts.trend(self.trend, self.indicator.title, unit, self.benchmark_trend, self.benchmark_label)


@dataclass(frozen=True)
class AreaFigures:
    area: Area
    figures: list[Figure]


def years_of(results: Sequence[Result], council: str) -> list[int]:
    return sorted({r.period for r in results if r.council == council})


def figure(store: Store, results: Sequence[Result], indicator: Indicator, council: str, year: int) -> Figure:
    mine = {r.period: r for r in results if r.id == indicator.id and r.council == council}
    result = mine.get(year)
    years = [y for y in years_of(results, council) if y <= year]
    trend = [(y, mine[y].value if y in mine else None) for y in years]
    value = result.value if result else None
    others = {
        r.council: r.value
        for r in results
        if r.id == indicator.id and r.period == year and r.council != council and r.value is not None
    }
    comparison = compare(store, indicator.id, council, year, value, others)
    rating = rag(indicator, value, comparison)
    by_year = {
        y: {r.council: r.value for r in results if r.id == indicator.id and r.period == y and r.value is not None}
        for y in years
    }
    label, line = bench.series(store, indicator.id, council, by_year)
    target = targets.targets(store, council).get(indicator.id)
    return Figure(
        indicator,
        result,
        trend,
        comparison,
        rating,
        label,
        tuple(line),
        target,
        targets.rate(indicator, value, target),
        targets.commentaries(store, council, year).get(indicator.id),
    )


def overview(store: Store, results: Sequence[Result], council: str, year: int) -> list[AreaFigures]:
    """Every indicator in the catalogue, grouped by area of practice in the order the Area enum declares."""
    grouped: dict[Area, list[Figure]] = defaultdict(list)
    for indicator in catalogue():
        grouped[indicator.area].append(figure(store, results, indicator, council, year))
    return [AreaFigures(area, grouped[area]) for area in Area if grouped.get(area)]


def bases(areas: Sequence[AreaFigures]) -> list[tuple[str, int]]:
    """Each distinct benchmark basis on a page and how many indicators use it, so that a page says it once."""
    counted: dict[str, int] = defaultdict(int)
    for group in areas:
        for f in group.figures:
            counted[f.benchmark_basis[:1].upper() + f.benchmark_basis[1:]] += 1
    return sorted(counted.items(), key=lambda kv: -kv[1])


def _values(store: Store, indicator: Indicator, council: str, year: int) -> list[float]:
    """The member values behind a figure, without naming any child (an aggregate, so not audited)."""
    engine = StoreEngine(store)
    sql = f"SELECT value FROM ({member_sql(indicator, engine.dialect, council, year)}) m WHERE in_denominator AND value IS NOT NULL"
    return [float(r[0]) for r in engine.rows(sql)]


def bins(values: Sequence[float], edges: Sequence[int], unit: Unit | str = "") -> list[tuple[str, int]]:
    """Counts in [edges[i], edges[i+1]) and a last open bin from edges[-1]."""
    out = []
    for i, lo in enumerate(edges):
        hi = edges[i + 1] if i + 1 < len(edges) else None
        label = f"{lo}-{hi - 1}" if hi is not None else f"{lo}+"
        out.append((label, sum(1 for v in values if v >= lo and (hi is None or v < hi))))
    return out


# The indicator each distribution belongs to, by its place in distributions().
DISTRIBUTION_OF = {"cin.assessments_45wd": 0, "cla.placed_20_miles": 1}
ASSESSMENT_EDGES = (0, 6, 11, 16, 21, 26, 31, 36, 41, 46, 56, 66, 81)
DISTANCE_EDGES = (0, 5, 10, 15, 20, 30, 50, 100)


def distributions(store: Store, council: str, year: int) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """(title, svg, bins) for assessment durations against the 45-working-day line and placement distances."""
    from lineofsight.indicators import get

    out = []
    days = bins(_values(store, get("cin.assessments_45wd"), council, year), ASSESSMENT_EDGES)
    title = "Working days to complete assessments"
    marker = ASSESSMENT_EDGES.index(46)
    svg = charts.histogram(days, title, "working days", marker, "45 working days")
    out.append((title, svg, days))
    miles = bins(_values(store, get("cla.placed_20_miles"), council, year), DISTANCE_EDGES)
    title = "Distance of placements from home"
    svg = charts.histogram(miles, title, "miles from home", DISTANCE_EDGES.index(20), "20 miles")
    out.append((title, svg, miles))
    return out
