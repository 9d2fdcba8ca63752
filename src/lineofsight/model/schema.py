"""The building blocks every table declaration uses.

A table is declared once, here in `model/`; the store's DDL, the readers and
writers in `formats/`, the type/code/mandatory validation rules and the docs
are all derived from these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ColumnType(StrEnum):
    TEXT = "text"
    DATE = "date"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    TIMESTAMP = "timestamp"

    @property
    def sql(self) -> str:
        return {
            "text": "VARCHAR",
            "date": "DATE",
            "integer": "BIGINT",
            "decimal": "DOUBLE",
            "boolean": "BOOLEAN",
            "timestamp": "TIMESTAMP",
        }[self.value]


Span = tuple[int | None, int | None]  # first and last collection year (2026 = 2025/26); None = open-ended


def in_span(span: Span, year: int) -> bool:
    first, last = span
    return (first is None or year >= first) and (last is None or year <= last)


@dataclass(frozen=True)
class CodeList:
    """A DfE code list: code -> plain-English label, and the collection years each code is valid in.

    `years` names the codes whose validity is bounded (a code not in it is valid in every year the
    list is): SSDA903 SEX, for one, is 1/2 up to 2023/24 and M/F/U from 2024/25.
    """

    name: str
    codes: dict[str, str]
    reference: str = ""
    years: dict[str, Span] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def label(self, code: str) -> str:
        return self.codes.get(code, code)

    def valid_in(self, code: str, year: int) -> bool:
        return code in self.codes and in_span(self.years.get(code, (None, None)), year)

    def in_year(self, year: int) -> dict[str, str]:
        """The codes valid in collection year `year`, with their labels."""
        return {k: v for k, v in self.codes.items() if self.valid_in(k, year)}

    @property
    def span(self) -> Span:
        """The years the list is in use: from its earliest code's first year to its latest code's last."""
        spans = [self.years.get(c, (None, None)) for c in self.codes]
        firsts, lasts = [s[0] for s in spans], [s[1] for s in spans]
        return (
            None if None in firsts else min(f for f in firsts if f is not None),
            None if None in lasts else max(x for x in lasts if x is not None),
        )

    def spans(self) -> dict[Span, tuple[str, ...]]:
        """The codes grouped by the years they are valid in (for SQL that checks a value against its year)."""
        out: dict[Span, list[str]] = {}
        for code in self.codes:
            out.setdefault(self.years.get(code, (None, None)), []).append(code)
        return {span: tuple(codes) for span, codes in out.items()}


@dataclass(frozen=True)
class Column:
    """One column: its readable name in the store and its DfE field name at the boundary."""

    name: str
    type: ColumnType
    source: str | None = None  # the DfE field name, e.g. "DECOM"
    codes: CodeList | None = None
    required: bool = False
    description: str = ""
    years: Span = (None, None)  # collection years the DfE collects the field in (model/sources.py)


# Columns every stored table carries, so that many councils and years share one store.
COUNCIL = Column("la_code", ColumnType.TEXT, required=True, description="Council: the DfE three-digit LA code")
YEAR = Column(
    "collection_year",
    ColumnType.INTEGER,
    required=True,
    description="Collection year, named by the year it ends: 2026 is 2025/26 (1 April 2025 to 31 March 2026)",
)
SOURCE_FILE = Column("source_file", ColumnType.TEXT, description="File the row was read from")
SOURCE_ROW = Column(
    "source_row", ColumnType.INTEGER, description="Row (CSV, header = row 1) or element number in the file"
)
PROVENANCE = (COUNCIL, YEAR, SOURCE_FILE, SOURCE_ROW)


@dataclass(frozen=True)
class Table:
    """A canonical table of the model."""

    name: str
    dataset: str  # ssda903 | cin | workforce | local | reference | system | inspection | qa
    columns: tuple[Column, ...]
    description: str
    source_name: str | None = None  # DfE table name, e.g. "Episodes"
    key: tuple[str, ...] = ()
    provenance: bool = True  # carries la_code, collection_year, source_file, source_row
    reference: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    years: Span = (None, None)  # collection years the DfE collects the table in (model/sources.py)

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return (PROVENANCE + self.columns) if self.provenance else self.columns

    def column(self, name: str) -> Column:
        for c in self.all_columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name}")

    @property
    def source_columns(self) -> tuple[Column, ...]:
        """Columns with a DfE field name, in the DfE order."""
        return tuple(c for c in self.columns if c.source)

    def by_source(self) -> dict[str, Column]:
        return {c.source: c for c in self.columns if c.source}

    def ddl(self) -> str:
        cols = ",\n  ".join(f"{c.name} {c.type.sql}" for c in self.all_columns)
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  {cols}\n)"
