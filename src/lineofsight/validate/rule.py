"""A DfE validation rule, declared once.

A rule's logic is one set-based SQL query against the store, restricted to
one council's collection year. It selects the offending rows of `table` and
must return at least the columns `source_file` and `source_row` of those rows
(the engine joins back to fetch the child and the offending field values).
The placeholders `$la_code`, `$year`, `$start` (1 April), `$end`
(31 March, the reference date) and `$previous_year` (`$year` - 1, the year a
rule comparing with last year's return reads) are bound by the engine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from lineofsight.model.sources import Source, documents

PREVIOUS_YEAR = "previous_year"  # the placeholder naming the collection year before the one validated


def parameters(sql: str, la_code: str, year: int) -> dict[str, object]:
    """The named parameters `sql` uses, for one council's collection year (DuckDB refuses unused ones)."""
    values: dict[str, object] = {
        "la_code": la_code,
        "year": year,
        "start": dt.date(year - 1, 4, 1),
        "end": dt.date(year, 3, 31),
        PREVIOUS_YEAR: year - 1,
    }
    used = set(re.findall(r"\$([a-z_]+)", sql))
    return {k: v for k, v in values.items() if k in used}


class Severity(StrEnum):
    ERROR = "error"
    QUERY = "query"


@dataclass(frozen=True)
class Rule:
    code: str  # as the DfE numbers it: "103", "8525Q"
    dataset: str  # "ssda903" or "cin"
    table: str  # the model table whose rows the rule points at
    fields: tuple[str, ...]  # DfE field names the rule concerns
    message: str  # the DfE message, in plain English
    sql: str
    severity: Severity = Severity.ERROR
    first_year: int | None = None  # first collection year it applies to (2026 = 2025/26)
    last_year: int | None = None  # last collection year, once retired
    reference: str = ""

    def parameters(self, la_code: str, year: int) -> dict[str, object]:
        """The named parameters this rule's SQL uses (DuckDB refuses unused ones)."""
        return parameters(self.sql, la_code, year)

    @property
    def compares_previous_year(self) -> bool:
        """Whether the rule reads the council's return of the year before (`@previous.table`)."""
        return f"${PREVIOUS_YEAR}" in self.sql

    @property
    def documents(self) -> tuple[Source, ...]:
        """The DfE validation rules documents, one per collection year, that declare the rule."""
        return documents(self.dataset, "validation rules", (self.first_year, self.last_year))

    def applies_to(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )
