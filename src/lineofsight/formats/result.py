"""What reading files produces: counts per table and the problems found.

The validation engine and the CLI consume these; nothing here touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One value or row that could not be read as the DfE specifies it."""

    file: str
    table: str | None
    row: int | None  # CSV row counting the header as row 1, or the XML element's ordinal
    child: str | None
    field: str | None  # DfE field name
    value: str | None
    message: str  # plain English, names the rule
    rule: str = "read"


@dataclass
class TableCount:
    file: str
    table: str
    read: int
    loaded: int
    rejected: int
    la_code: str | None = None
    year: int | None = None


@dataclass
class LoadResult:
    counts: list[TableCount] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    councils: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)

    def extend(self, other: LoadResult) -> None:
        self.counts.extend(other.counts)
        self.problems.extend(other.problems)
        self.councils |= other.councils
        self.years |= other.years

    @property
    def loaded(self) -> int:
        return sum(c.loaded for c in self.counts)
