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


@dataclass(frozen=True)
class CodeList:
    """A DfE code list: code -> plain-English label."""

    name: str
    codes: dict[str, str]
    reference: str = ""

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def label(self, code: str) -> str:
        return self.codes.get(code, code)


@dataclass(frozen=True)
class Column:
    """One column: its readable name in the store and its DfE field name at the boundary."""

    name: str
    type: ColumnType
    source: str | None = None  # the DfE field name, e.g. "DECOM"
    codes: CodeList | None = None
    required: bool = False
    description: str = ""


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
