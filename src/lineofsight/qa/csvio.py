"""Reading and writing the QA CSV files: every bad cell named by file, row, field and rule.

A problem never quotes the cell's value back when the field may hold personal
data; it names where to look and what the rule is.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lineofsight.errors import UserError
from lineofsight.model.qa import GRADE

MAX_BYTES = 50 * 1024 * 1024  # a QA file is small; refuse anything that could exhaust memory
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int  # CSV row number, header = 1
    field: str
    rule: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, {self.field}: {self.rule}"


class RowError(ValueError):
    """A cell that breaks a rule; the reader turns it into a Problem."""

    def __init__(self, field: str, rule: str) -> None:
        super().__init__(rule)
        self.field, self.rule = field, rule


def read_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Header (stripped) and (row number, {header: stripped cell}) for each non-blank row."""
    if not path.is_file():
        raise UserError(f"{path.name}: no such file")
    if path.stat().st_size > MAX_BYTES:
        raise UserError(f"{path.name}: larger than {MAX_BYTES // 1024 // 1024} MB, not a QA file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = path.read_text(encoding="cp1252")
        except UnicodeDecodeError as exc:
            raise UserError(f"{path.name}: not a text CSV file (neither UTF-8 nor Windows-1252)") from exc
    reader = csv.reader(text.splitlines())
    header = [h.strip() for h in next(reader, [])]
    if not any(header):
        raise UserError(f"{path.name}: empty file, expected a header row")

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            yield number, {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}

    return header, rows()


def parse_date(field: str, text: str, required: bool = False) -> dt.date | None:
    if not text:
        if required:
            raise RowError(field, "is required and blank")
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RowError(field, "must be a date written DD/MM/YYYY (or YYYY-MM-DD)")


_GRADE_WORDS = {"outstanding": "1", "good": "2", "requires improvement": "3", "ri": "3", "inadequate": "4"}


def parse_grade(field: str, text: str, required: bool = False) -> str | None:
    """A grade on Ofsted's scale: 1-4 or its name ('Good', 'Requires improvement to be good')."""
    if not text:
        if required:
            raise RowError(field, "is required and blank")
        return None
    low = text.lower()
    if text in GRADE:
        return text
    for word, code in _GRADE_WORDS.items():
        if low == word or low.startswith(word + " "):
            return code
    raise RowError(field, "must be a grade: 1 Outstanding, 2 Good, 3 Requires improvement to be good, 4 Inadequate")


def require(field: str, text: str) -> str:
    if not text:
        raise RowError(field, "is required and blank")
    return text


def safe_cell(value: Any) -> str:
    """A cell that a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([safe_cell(v) for v in row] for row in rows)


def collection_year(day: dt.date) -> int:
    """The collection year a day falls in: 1 April 2025 to 31 March 2026 is 2026."""
    return day.year + 1 if day.month >= 4 else day.year
