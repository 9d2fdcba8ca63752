"""A council's figure against England, its region and its statistical neighbours, with its quartile and RAG rating.

Benchmarks come from the DfE's published values (`benchmark_value`) when the
user has imported them: the year's own, or, until the DfE publishes that year, the
latest earlier year published (said so in `note`). Without any published values
for the indicator they come from the figures of the OTHER councils in the store
(computed by the indicator engine, or passed in as `others`: council -> value), never
from the council's own figure: the main benchmark is then the unweighted mean of those
councils, named as such (`benchmark_name`), and with no other council there is no benchmark.
Every page and document names what it compares with from here (`source`, `against`).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from lineofsight.calendar import year_label
from lineofsight.indicators.catalogue import get
from lineofsight.indicators.indicator import Indicator, Polarity
from lineofsight.report.charts import fmt_value
from lineofsight.store import Store

Colour = Literal["red", "amber", "green", "grey"]


@dataclass(frozen=True)
class Comparison:
    indicator_id: str
    council: str
    year: int
    value: float | None
    polarity: Polarity
    england: float | None
    region: float | None
    region_name: str | None
    statistical_neighbours: float | None  # median of the neighbours' values, as the DfE dashboard shows them
    neighbours_with_values: int
    quartile: int | None  # 1 = best quarter of councils, respecting polarity
    councils_ranked: int
    source: str  # what the benchmarks are, in words: "England, published by the DfE for 2024/25"
    published_year: int | None = None  # the year of the DfE figures used; None when computed from the store
    others_in_store: int = 0  # councils other than this one whose figures were averaged (store benchmarks)

    @property
    def published(self) -> bool:
        return self.published_year is not None

    @property
    def benchmark_name(self) -> str:
        """What `england` is: England's published figure, or the average of the other councils in the store."""
        return "England" if self.published else _others(self.others_in_store)

    def against(self, unit: str) -> str:
        """The main benchmark in words, as a rule or a statement writes it: "England's 25% for 2024/25"."""
        shown = against(self.benchmark_name, fmt_value(self.england, unit))
        return shown + (f" for {year_label(self.published_year or 0)}" if self.fallback else "")

    @property
    def fallback(self) -> bool:
        """The DfE has not published the year yet: the benchmarks are an earlier year's."""
        return self.published_year is not None and self.published_year != self.year

    @property
    def note(self) -> str:
        if not self.fallback:
            return ""
        shown = year_label(self.published_year or 0)
        return f"England figure for {shown}, the latest published; region, neighbours and quartile are from {shown} too"


@dataclass(frozen=True)
class Rating:
    colour: Colour
    rule: str


def _council(store: Store, la_code: str) -> tuple[str | None, str | None, list[str]]:
    """(region code, region, statistical neighbours); without the council lookup none are known, and the council
    is still compared with England and the other councils in the store."""
    rows = store.query("SELECT region_code, region, statistical_neighbours FROM council WHERE la_code = ?", [la_code])
    if not rows:
        return None, None, []
    region_code, region, neighbours = rows[0]
    return region_code, region, [n for n in (neighbours or "").split(",") if n]


def _published(store: Store, indicator_id: str, year: int) -> tuple[int | None, dict[str, float], dict[str, float]]:
    """(year used, council values, England and region values) published for the year or, when the DfE has not
    published it yet, for the latest earlier year it has; (None, {}, {}) when none is imported."""
    rows = store.query(
        "SELECT collection_year, level, area_code, value FROM benchmark_value WHERE indicator_id = ? AND value IS NOT"
        " NULL AND collection_year = (SELECT max(collection_year) FROM benchmark_value WHERE indicator_id = ?"
        " AND collection_year <= ? AND value IS NOT NULL)",
        [indicator_id, indicator_id, year],
    )
    councils = {code: float(v) for _, level, code, v in rows if level == "Local authority"}
    areas = {code: float(v) for _, level, code, v in rows if level != "Local authority"}
    return (int(rows[0][0]) if rows else None), councils, areas


def quartile(value: float, others: list[float], polarity: Polarity) -> int | None:
    """1-4 among all councils (the others and this one): 1 + floor(4 x councils strictly better / councils)."""
    if polarity is None or not others:
        return None
    better = sum(1 for o in others if (o > value if polarity == "higher" else o < value))
    return min(4, 1 + (4 * better) // (len(others) + 1))


def compare(
    store: Store,
    indicator_id: str,
    council: str,
    year: int,
    value: float | None,
    others: Mapping[str, float] | None = None,
) -> Comparison:
    polarity = get(indicator_id).polarity
    region_code, region_name, neighbours = _council(store, council)
    published_year, councils, areas = _published(store, indicator_id, year)
    if published_year is not None:
        source = f"England, published by the DfE for {year_label(published_year)}"  # the note says if a fallback
        england, region = areas.get("E92000001"), areas.get(region_code or "")
        councils.pop(council, None)
    else:  # the other councils in the store: never this council's own figure
        councils = dict(others if others is not None else _computed(store, indicator_id, year))
        councils.pop(council, None)
        source = _store_source(len(councils))
        england = statistics.fmean(councils.values()) if councils else None
        in_region = [v for c, v in councils.items() if region_code and _same_region(store, c, region_code)]
        region = statistics.fmean(in_region) if in_region else None
    neighbour_values = [councils[n] for n in neighbours if n in councils]
    return Comparison(
        indicator_id=indicator_id,
        council=council,
        year=year,
        value=value,
        polarity=polarity,
        england=england,
        region=region,
        region_name=region_name,
        statistical_neighbours=statistics.median(neighbour_values) if neighbour_values else None,
        neighbours_with_values=len(neighbour_values),
        quartile=quartile(value, list(councils.values()), polarity) if value is not None else None,
        councils_ranked=len(councils) + 1 if value is not None else len(councils),
        source=source,
        published_year=published_year,
        others_in_store=0 if published_year is not None else len(councils),
    )


NO_BENCHMARK = "no published benchmark, and no other council in this store"


def _others(n: int) -> str:
    return "the other council in this store" if n == 1 else f"the {n} other councils in this store"


def _store_source(n: int) -> str:
    if n == 0:
        return NO_BENCHMARK
    return f"no published benchmark: {_others(n)}" + (" (their unweighted average)" if n > 1 else "")


def against(name: str, value: str) -> str:
    """ "England's 25%", or "the average of the 3 other councils in this store (25%)"."""
    if name == "England":
        return f"England's {value}"
    if name.startswith("the other council "):
        return f"{name} ({value})"
    return f"the average of {name} ({value})"


def _computed(store: Store, indicator_id: str, year: int) -> dict[str, float]:
    """The indicator computed for every council loaded in the store for the year (the indicator engine)."""
    from lineofsight.indicators import compute

    return {r.council: float(r.value) for r in compute(store, year=year, ids=[indicator_id]) if r.value is not None}


def _same_region(store: Store, la_code: str, region_code: str | None) -> bool:
    rows = store.query("SELECT region_code FROM council WHERE la_code = ?", [la_code])
    return bool(rows) and rows[0][0] == region_code


def rag(indicator: Indicator | str, value: float | None, comparison: Comparison) -> Rating:
    """Green: at least as good as England and in the top half of councils. Red: worse than England and in the bottom
    quarter. Amber: between. Grey: no figure, no benchmark, or an indicator with no better direction.
    The rule's numbers are written as the indicator's figures are (`report.charts.fmt_value`)."""
    declared = get(indicator) if isinstance(indicator, str) else indicator
    polarity, england, q = declared.polarity, comparison.england, comparison.quartile
    if value is None or polarity is None or england is None:
        why = "no figure" if value is None else "no better direction" if polarity is None else NO_BENCHMARK
        return Rating("grey", f"Grey: {why} to compare.")
    as_good = value >= england if polarity == "higher" else value <= england
    better = f"({'higher' if polarity == 'higher' else 'lower'} is better)"
    mine = fmt_value(value, declared.unit)
    theirs = comparison.against(declared.unit)
    ranked = comparison.councils_ranked
    if q is None:  # no council figures: the benchmark alone decides
        if as_good:
            return Rating("green", f"Green: {mine} is at least as good as {theirs} {better}.")
        if _far(value, england):
            return Rating("red", f"Red: {mine} is worse than {theirs} by more than a tenth {better}.")
        return Rating("amber", f"Amber: {mine} is worse than {theirs}, by no more than a tenth {better}.")
    if as_good and q <= 2:
        return Rating("green", f"Green: {mine} is at least as good as {theirs} and in quartile {q} of {ranked} councils "
                               f"{better}.")  # fmt: skip
    if not as_good and q == 4:
        return Rating("red", f"Red: {mine} is worse than {theirs} and in the bottom quarter of {ranked} councils "
                             f"{better}.")  # fmt: skip
    return Rating("amber", f"Amber: {mine} against {theirs}, quartile {q} of {ranked} councils: neither green (as good "
                           f"as the benchmark and top half) nor red (worse and bottom quarter).")  # fmt: skip


def _far(value: float, england: float) -> bool:
    return abs(value - england) > 0.1 * abs(england)


def series(
    store: Store, indicator_id: str, council: str, others_by_year: Mapping[int, Mapping[str, float]]
) -> tuple[str, list[tuple[int, float | None]]]:
    """(label, [(year, value)]) for a trend chart: each year's own England figure as the DfE published it, when any
    year of the indicator is published; else each year's average of the other councils in the store. A year with
    neither is None: a benchmark is never carried from one year to another on a chart."""
    rows = store.query(
        "SELECT collection_year, value FROM benchmark_value WHERE indicator_id = ? AND area_code = 'E92000001'"
        " AND value IS NOT NULL",
        [indicator_id],
    )
    if rows:
        published = {int(y): float(v) for y, v in rows}
        return "England", [(y, published.get(y)) for y in sorted(others_by_year)]
    out: list[tuple[int, float | None]] = []
    for y in sorted(others_by_year):
        values = [v for c, v in others_by_year[y].items() if c != council]
        out.append((y, statistics.fmean(values) if values else None))
    return "Other councils", out
