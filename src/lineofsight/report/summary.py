"""The summary a head of service reads first: how many figures are red, amber and green, which moved most since
last year, and which are furthest behind England (or the other councils) and the statistical neighbours.

Built from the same `figures.Figure`s as the overview and the pack, so the three always agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lineofsight.calendar import year_label
from lineofsight.report import charts
from lineofsight.report.figures import AreaFigures, Figure

LISTED = 5  # rows in each list of the summary
COLOURS = ("red", "amber", "green", "grey")
IN_YEAR_NOTE = (
    "There is no change since last quarter to show: in-year figures (monthly extracts) are not loaded, "
    "so every figure here is for the whole collection year."
)


@dataclass(frozen=True)
class Move:
    """An indicator's change from the year before: `relative` is the change over the earlier figure."""

    figure: Figure
    previous: float
    change: float
    relative: float

    @property
    def better(self) -> bool | None:
        """Better, worse, or None for a measure with no better direction."""
        polarity = self.figure.indicator.polarity
        if polarity is None:
            return None
        return (self.change > 0) == (polarity == "higher")

    @property
    def amount_text(self) -> str:
        """The change in the indicator's unit: percentage points for a percentage."""
        sign = "+" if self.change > 0 else "-"
        return f"{sign}{charts.fmt(abs(self.change))}" + (" points" if self.figure.indicator.unit == "percent" else "")

    @property
    def relative_text(self) -> str:
        return f"{'+' if self.change > 0 else '-'}{charts.fmt(abs(self.relative) * 100)}%"

    @property
    def change_text(self) -> str:
        return f"{self.amount_text} ({self.relative_text})"


@dataclass(frozen=True)
class Gap:
    """How far a figure is behind a benchmark, as a share of the benchmark (always > 0: only figures behind)."""

    figure: Figure
    benchmark: float
    name: str  # "England", "the 3 other councils in this store (average)", "statistical neighbours (median)"
    shortfall: float

    @property
    def benchmark_text(self) -> str:
        return charts.fmt_value(self.benchmark, self.figure.indicator.unit)

    @property
    def shortfall_text(self) -> str:
        return f"{charts.fmt(self.shortfall * 100)}% worse"


@dataclass(frozen=True)
class Summary:
    council: str
    year: int
    previous_year: int | None  # None: the year before is not loaded, so nothing has moved
    counts: dict[str, int]  # rating against the benchmark: red, amber, green, grey
    target_counts: dict[str, int]  # rating against the local targets set (grey: a target but no figure)
    movers: list[Move]
    behind_benchmark: list[Gap]
    behind_neighbours: list[Gap]
    missed_targets: list[Figure]
    in_year_note: str = IN_YEAR_NOTE

    @property
    def benchmark_heading(self) -> str:
        """Whom the first list is behind: England, unless some figure is compared with the other councils instead."""
        if all(g.name == "England" for g in self.behind_benchmark):
            return "Furthest behind England"
        return "Furthest behind England or the other councils in this store"

    @property
    def previous_label(self) -> str:
        return year_label(self.previous_year) if self.previous_year else ""


def summarise(areas: Sequence[AreaFigures], council: str, year: int) -> Summary:
    every = [f for group in areas for f in group.figures]
    counts: Counter[str] = Counter(f.rating.colour for f in every)
    target_counts: Counter[str] = Counter(f.target_rating.colour for f in every if f.target_rating)
    loaded = {y for f in every for y, _ in f.trend}
    previous = year - 1 if year - 1 in loaded else None
    missed = [f for f in every if f.target_rating and f.target_rating.colour in ("red", "amber")]
    missed.sort(key=lambda f: (f.target_rating.colour != "red" if f.target_rating else True, f.indicator.title))
    return Summary(
        council=council,
        year=year,
        previous_year=previous,
        counts={c: counts.get(c, 0) for c in COLOURS},
        target_counts={c: target_counts.get(c, 0) for c in COLOURS},
        movers=movers(every, year)[:LISTED] if previous else [],
        behind_benchmark=behind(every, "benchmark")[:LISTED],
        behind_neighbours=behind(every, "neighbours")[:LISTED],
        missed_targets=missed,
    )


def movers(every: Sequence[Figure], year: int) -> list[Move]:
    """Figures that changed since the year before, largest change relative to the earlier figure first (so that
    measures in different units can be ranked together); a figure that was 0 has no relative change and is left
    out, as is one with either year missing."""
    out = []
    for f in every:
        by_year = dict(f.trend)
        now, before = by_year.get(year), by_year.get(year - 1)
        if now is None or before is None or before == 0 or now == before:
            continue
        out.append(Move(f, before, now - before, (now - before) / abs(before)))
    return sorted(out, key=lambda m: (-abs(m.relative), m.figure.indicator.title))


def behind(every: Sequence[Figure], against: str) -> list[Gap]:
    """Figures worse than the benchmark ("benchmark": England's published figure or the other councils' average)
    or than the statistical neighbours' median ("neighbours"), furthest behind (relative to the benchmark) first."""
    out = []
    for f in every:
        c, value, polarity = f.comparison, f.value, f.indicator.polarity
        if c is None or value is None or polarity is None:
            continue
        if against == "benchmark":
            benchmark, name = c.england, c.benchmark_name
            if not c.published:
                name += " (average)"
        else:
            benchmark, name = c.statistical_neighbours, "statistical neighbours (median)"
        if benchmark is None or benchmark == 0:
            continue
        worse_by = (benchmark - value) if polarity == "higher" else (value - benchmark)
        if worse_by > 0:
            out.append(Gap(f, benchmark, name, worse_by / abs(benchmark)))
    return sorted(out, key=lambda g: (-g.shortfall, g.figure.indicator.title))
