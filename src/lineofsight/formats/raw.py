"""Values exactly as a file holds them, before any typing.

Readers of every format produce `RawTable`s: one record of text per row, in
the model table's column order, with the row (CSV row or XML line) it came
from. Typing and rejection happen afterwards, set-based, in the store.

A clean UTF-8 CSV file need not pass through Python at all: its RawTable
then names the file (`csv`) and the store reads it directly, falling back
to the row-by-row reader only when the file is not plain.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from lineofsight.formats.result import Problem
from lineofsight.model.schema import Table


@dataclass(frozen=True)
class CsvSource:
    """A CSV file whose columns map onto the table: `slots[i]` is the model column of file column i."""

    path: Path
    slots: tuple[str | None, ...]
    plain: bool  # UTF-8, no quotes, no blank lines: safe to number rows by their position


class Spool:
    """Rows written straight to a private CSV file as they are read, so memory stays flat.

    Layout: the row number, then the table's columns in model order, all text.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.handle, lineterminator="\n")
        self.count = 0

    def write(self, row: int, values: list[str | None]) -> None:
        self.writer.writerow([row, *values])
        self.count += 1

    def close(self) -> Path:
        if not self.handle.closed:
            self.handle.close()
        return self.path


@dataclass
class RawTable:
    """Text values of one model table read from one file."""

    table: Table
    rows: list[int] = field(default_factory=list)
    records: list[list[str | None]] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)  # rows refused before typing (e.g. too many fields)
    notes: list[Problem] = field(default_factory=list)  # file-level remarks, e.g. columns ignored
    csv: CsvSource | None = None  # set while the rows are still only in the file
    counted: int | None = None  # rows the store read straight from `csv`
    spool: Spool | None = None  # when set, rows go to disk instead of `records`

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.table.columns]

    def add(self, row: int, record: dict[str, str | None]) -> None:
        """Append one row; `record` is keyed by readable column name."""
        self.add_list(row, [record.get(name) for name in self.names])

    def add_list(self, row: int, values: list[str | None]) -> None:
        """Append one row already in column order."""
        if self.spool is not None:
            self.spool.write(row, values)
            return
        self.rows.append(row)
        self.records.append(values)

    def __len__(self) -> int:
        if self.spool is not None:
            return self.spool.count
        return self.counted if self.counted is not None else len(self.rows)

    @property
    def read(self) -> int:
        """Rows read from the file: those kept for typing plus those refused already."""
        return len(self) + len(self.rejected)


def spool(scratch: Path | None, name: str) -> Spool | None:
    """A spool file for table `name` in `scratch`, or None to keep rows in memory."""
    return Spool(scratch / f"{name}.csv") if scratch is not None else None
