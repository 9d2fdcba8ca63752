"""Helpers for hand-worked tests: write model rows into a Store and read one figure back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lineofsight.indicators import compute
from lineofsight.model import TABLES
from lineofsight.store import BUILT_IN, Store

LA = "999"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def put(store: Store, table: str, rows: list[dict[str, Any]], la: str = LA, year: int = 2026) -> None:
    """Insert rows (readable column names; dates as ISO text) into one council's year of a table."""
    declared = TABLES[table] if table in TABLES else {t.name: t for t in BUILT_IN}[table]
    provenance = declared.provenance
    names = [c.name for c in declared.all_columns if c.name not in ("source_file", "source_row")]
    columns: dict[str, list[Any]] = {n: [] for n in names}
    for row in rows:
        full = {"la_code": la, "collection_year": year, **row} if provenance else row
        for n in names:
            value = full.get(n)
            if isinstance(value, str) and declared.column(n).type.value == "date":
                value = d(value)
            columns[n].append(value)
    store.insert_columns(declared, columns)


def figure(store: Store, indicator_id: str, la: str = LA, year: int = 2026) -> tuple[float, float, float | None]:
    """(numerator, denominator, value) of one indicator for one council-year."""
    results = compute(store, la, year, [indicator_id])
    assert len(results) == 1, results
    r = results[0]
    return r.numerator, r.denominator, r.value
