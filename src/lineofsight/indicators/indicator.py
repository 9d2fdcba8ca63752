"""What an indicator is, and what computing one gives back.

An indicator is declared once, in its own file under `definitions/`: the
metadata an analyst reads, then one child-level (member-level) SQL select.
The figure and the list of children behind it come from that one query.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Literal

Unit = Literal["percent", "per_10000", "days", "count", "ratio", "score"]
# What each unit means (the indicator reference) and what is written after a figure in it (pages, pack, drafts).
UNIT_MEANING: dict[str, str] = {
    "percent": "percentage",
    "per_10000": "rate per 10,000 children aged 0 to 17",
    "days": "average days",
    "count": "count",
    "ratio": "average per FTE",
    "score": "average score",
}
UNIT_SUFFIX: dict[str, str] = {
    "percent": "%",
    "per_10000": "per 10,000 children",
    "days": "days",
    "count": "",
    "ratio": "",
    "score": "",
}
Polarity = Literal["higher", "lower"] | None


def fmt(value: float | None) -> str:
    """A figure as every page, pack and draft writes it: whole from 100 up, else one decimal place at most."""
    if value is None:
        return "no figure"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}".rstrip("0").rstrip(".")


def fmt_value(value: float | None, unit: str) -> str:
    """`fmt` with a % sign for percentages (other units are named beside the figure, not after it)."""
    return fmt(value) + ("%" if unit == "percent" and value is not None else "")


# Every member query returns these columns first; any further columns are the
# detail shown beside the child in the list (dates, codes, FTE).
MEMBER_COLUMNS = ("la_code", "collection_year", "member_id", "in_denominator", "in_numerator", "value")


class Area(StrEnum):
    HELP_AND_PROTECTION = "help_and_protection"
    CHILDREN_IN_CARE = "children_in_care"
    CARE_LEAVERS = "care_leavers"
    ADOPTION = "adoption"
    WORKFORCE = "workforce"
    LEADERSHIP = "leadership"

    @property
    def label(self) -> str:
        return {
            "help_and_protection": "Help and protection",
            "children_in_care": "Children in care",
            "care_leavers": "Care leavers",
            "adoption": "Adoption",
            "workforce": "Workforce",
            "leadership": "Leadership",
        }[self.value]


@dataclass(frozen=True)
class Indicator:
    """One measure: its official definition in words, and the query that computes it.

    The engine aggregates the member query generically by unit:
    numerator = sum of `sum_numerator` over members in the numerator,
    denominator = sum of `sum_denominator` over members in the denominator
    (both default to 1 a member; for means they default to the member's value),
    except per_10000, whose denominator is the council's child population.
    A figure pooling several collection years (`years`) is its own indicator, whose member query
    returns, under each collection year, the members of that year and the years before it.
    """

    id: str
    title: str
    area: Area
    numerator: str
    denominator: str
    cohort: str
    period: str
    polarity: Polarity
    unit: Unit
    source: str
    query: str
    datasets: tuple[str, ...]
    choices: tuple[str, ...] = ()
    threshold: float | None = None
    threshold_text: str = ""
    sum_numerator: str | None = None
    sum_denominator: str = "1"
    member_kind: str = "child"  # "child" or "worker": what member_id identifies
    # Collection years pooled into one figure: 1, or 3 for the adoption scorecards' rolling averages, whose
    # figure for a year pools that year and the two before and is given only when all three are loaded.
    years: int = 1

    @property
    def numerator_sql(self) -> str:
        if self.sum_numerator:
            return self.sum_numerator
        return "value" if self.unit in ("days", "score", "ratio") else "1"


@dataclass(frozen=True)
class Result:
    """One indicator's figure for one council and collection year."""

    id: str
    title: str
    council: str
    period: int
    numerator: float
    denominator: float
    value: float | None
    unit: str
    polarity: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Member:
    """One child (or worker) behind a figure: in the numerator, or in the denominator only."""

    child_id: str
    in_numerator: bool
    in_denominator: bool
    value: float | None
    detail: dict[str, Any] = field(default_factory=dict)
