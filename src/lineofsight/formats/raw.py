"""Values exactly as a file holds them, before any typing.

Readers of every format produce `RawTable`s: one list of text per DfE field
plus the row (CSV row or XML line) each value came from. Typing and
rejection happen afterwards, set-based, in the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lineofsight.formats.result import Problem
from lineofsight.model.schema import Column, Table


@dataclass
class RawTable:
    """Text values of one model table read from one file, column-wise."""

    table: Table
    rows: list[int] = field(default_factory=list)
    values: dict[str, list[str | None]] = field(default_factory=dict)
    rejected: list[Problem] = field(default_factory=list)  # rows refused before typing (e.g. too many fields)
    notes: list[Problem] = field(default_factory=list)  # file-level remarks, e.g. columns ignored

    def __post_init__(self) -> None:
        for column in self.columns:
            self.values.setdefault(column.name, [])

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every column a reader can fill: the DfE fields plus keys the XML nesting supplies."""
        return self.table.columns

    def add(self, row: int, record: dict[str, str | None]) -> None:
        """Append one row; `record` is keyed by readable column name."""
        self.rows.append(row)
        for name, values in self.values.items():
            values.append(record.get(name))

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def read(self) -> int:
        """Rows read from the file: those kept for typing plus those refused already."""
        return len(self.rows) + len(self.rejected)
