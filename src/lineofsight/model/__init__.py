"""The canonical data model of children's social care, declared once.

`TABLES` maps every table name to its declaration. Modules add their tables by
listing them here, so the store, readers, rules and docs see one model.
"""

from __future__ import annotations

from lineofsight.model import cin, inspection, local, management, qa, reference, ssda903, system
from lineofsight.model.schema import CodeList, Column, ColumnType, Table

TABLES: dict[str, Table] = {
    t.name: t for m in (ssda903, cin, local, system, management, qa, inspection, reference) for t in m.TABLES
}


def table(name: str) -> Table:
    return TABLES[name]


def tables_of(dataset: str) -> list[Table]:
    return [t for t in TABLES.values() if t.dataset == dataset]


__all__ = ["TABLES", "CodeList", "Column", "ColumnType", "Table", "table", "tables_of"]
