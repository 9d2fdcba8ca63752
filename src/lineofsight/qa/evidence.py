"""The evidence a self-evaluation is drawn from, gathered from each source that has data.

Each source is read through its owner's public function; when a source has no
data the gap is recorded as a note, never filled with a figure. Every figure
is formatted once, here and in the draft's evidence list, so statements only
repeat it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

from lineofsight import indicators
from lineofsight.benchmark import compare as bench
from lineofsight.calendar import year_label
from lineofsight.errors import UserError
from lineofsight.indicators.indicator import UNIT_SUFFIX
from lineofsight.model.inspection import FRAMEWORKS, GRADE
from lineofsight.ofsted import history
from lineofsight.qa import feedback, summary
from lineofsight.store import Store


@dataclass(frozen=True)
class IndicatorFigure:
    """One indicator's value for the council, with its benchmark where there is one: England's published figure,
    or the average of the other councils in the store (`benchmark_name` says which)."""

    id: str
    title: str
    area: str
    period: str
    value: float
    unit: str  # "%", "days", "per 10,000", ...
    polarity: str  # "higher" or "lower" is better
    england: float | None = None
    neighbours: float | None = None  # median of the statistical neighbours' values
    quartile: int | None = None  # 1 = best quarter of councils
    ranked: int = 0  # councils ranked for the quartile
    rating: str | None = None  # the benchmark engine's red, amber or green, if any
    rule: str = ""  # the rule that gave the rating, in words
    benchmark_source: str = ""  # what `england` is, in words (compare.Comparison.source)
    benchmark_name: str = "England"  # "England", or "the 3 other councils in this store" (never this council)

    def verdict(self) -> str | None:
        """better, worse or in line with England (within 1%), by the indicator's polarity."""
        if self.england is None:
            return None
        if abs(self.value - self.england) <= 0.01 * max(abs(self.england), 1.0):
            return "in line with"
        higher = self.value > self.england
        if self.polarity not in ("higher", "lower"):
            return "higher than" if higher else "lower than"
        return "better than" if higher == (self.polarity == "higher") else "worse than"


@dataclass(frozen=True)
class InspectionFigure:
    published: dt.date
    framework: str
    judgement: str
    grade: str
    area: str


@dataclass
class Sources:
    """Everything a draft may say, for one council and year."""

    council: str
    year: int
    indicators: list[IndicatorFigure] = field(default_factory=list)
    audits: summary.AuditSummary | None = None
    overdue: dict[str, int] = field(default_factory=dict)  # overdue audit actions by area of practice
    today: dt.date = field(default_factory=dt.date.today)
    feedback: dict[str, list[feedback.QuestionShare]] = field(default_factory=dict)
    inspections: list[InspectionFigure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # sources with no data, said plainly


# --- gathering -------------------------------------------------------------------


def gather(store: Store, council: str, year: int, today: dt.date | None = None) -> Sources:
    """Read every source for the council's year; what is missing is noted, not invented."""
    sources = Sources(council, year, today=today or dt.date.today())
    sources.indicators = _indicators(store, council, year, sources.notes)
    audit_summary = summary.summarise(store, council, year, sources.today)
    if audit_summary.graded:
        sources.audits = audit_summary
        for action in summary.overdue_actions(store, council, sources.today):
            area = str(action["area"])
            sources.overdue[area] = sources.overdue.get(area, 0) + 1
    else:
        sources.notes.append(f"No case audits graded in {year_label(year)} for council {council}.")
    sources.feedback = feedback.by_area(store, council, year)
    if not sources.feedback:
        sources.notes.append("No feedback from children and families recorded for the year.")
    sources.inspections = _inspections(store, council, sources.notes)
    return sources


def _indicators(store: Store, council: str, year: int, notes: list[str]) -> list[IndicatorFigure]:
    try:
        results = indicators.compute(store, council, year)
    except UserError as exc:
        notes.append(f"Indicators could not be computed: {exc}")
        return []
    areas = {i.id: i.area.value for i in indicators.catalogue()}
    figures = []
    for result in results:
        if result.value is None:
            continue
        figure = IndicatorFigure(
            id=result.id,
            title=result.title,
            area=areas.get(result.id, "leadership"),
            period=year_label(result.period),
            value=float(result.value),
            unit=UNIT_SUFFIX.get(result.unit, result.unit),
            polarity=result.polarity or "",
        )
        figures.append(_benchmarked(store, figure, council, year))
    if not figures:
        notes.append(f"No indicator has a value for council {council} in {year}.")
    return figures


def _benchmarked(store: Store, figure: IndicatorFigure, council: str, year: int) -> IndicatorFigure:
    comparison = bench.compare(store, figure.id, council, year, figure.value)
    rating = bench.rag(figure.id, figure.value, comparison)
    return dataclasses.replace(
        figure,
        england=comparison.england,
        neighbours=comparison.statistical_neighbours,
        quartile=comparison.quartile,
        ranked=comparison.councils_ranked,
        rating=rating.colour if rating.colour != "grey" else None,
        rule=rating.rule,
        benchmark_source=comparison.source + (f" ({comparison.note})" if comparison.note else ""),
        benchmark_name=comparison.benchmark_name,
    )


# Ofsted judgement keys (model/inspection.py) -> areas of practice. The 2012 looked after children
# inspection's "overall effectiveness" was about children in care; its 20 other aspects are left out.
JUDGEMENT_KEYS: dict[str, tuple[str, ...]] = {
    "help_and_protection": ("help_and_protection",),
    "safeguarding_overall_effectiveness": ("help_and_protection",),
    "children_in_care": ("children_in_care",),
    "looked_after_and_permanence": ("children_in_care",),
    "children_in_care_and_care_leavers": ("children_in_care", "care_leavers"),
    "care_leavers": ("care_leavers",),
    "adoption_performance": ("adoption",),
    "impact_of_leaders": ("leadership",),
    "leadership_management_governance": ("leadership",),
    "overall_effectiveness": ("leadership",),
}


def _inspections(store: Store, council: str, notes: list[str]) -> list[InspectionFigure]:
    try:
        rows = history.inspections(store, council)
    except (UserError, duckdb.Error) as exc:  # reported in the draft rather than stopping it
        notes.append(f"The inspection history could not be read: {exc}")
        return []
    figures = [f for row in rows for f in _judged(row)]
    if not figures:
        notes.append(f"No graded Ofsted inspection of council {council} is loaded.")
    return figures


def _judged(row: dict[str, Any]) -> list[InspectionFigure]:
    """One figure per judgement of an inspection that maps to an area of practice."""
    published = row.get("published") or row.get("inspection_end") or row.get("inspection_start")
    framework = FRAMEWORKS.get(str(row.get("framework")))
    if not isinstance(published, dt.date) or framework is None:
        return []
    out = []
    for key, grade in (row.get("judgements") or {}).items():
        areas = JUDGEMENT_KEYS.get(key, ())
        if framework.key == "safeguarding_2012" and key == "overall_effectiveness":
            areas = ("children_in_care",)
        name = framework.judgements.get(key, key)
        for area in areas:
            out.append(InspectionFigure(published, framework.title, name, GRADE.label(str(grade)), area))
    return out


def latest_judgements(store: Store, council: str) -> dict[str, InspectionFigure]:
    """The most recent Ofsted judgement for each area of practice (empty when no history is loaded)."""
    latest: dict[str, InspectionFigure] = {}
    for figure in sorted(_inspections(store, council, []), key=lambda f: f.published):
        latest[figure.area] = figure
    return latest
