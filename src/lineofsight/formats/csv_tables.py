"""CSV tables keyed by DfE field names: the SSDA903 tables and the local CSVs.

Writing streams rows to disk in the model's declared column order, so the
output is byte-for-byte deterministic for the same rows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lineofsight.formats.values import to_csv_text
from lineofsight.model.schema import Table


def write_table(path: Path, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """Write `rows` (dicts keyed by readable column names) as a DfE-style CSV; return rows written."""
    columns = table.source_columns
    if not columns:
        raise ValueError(f"table {table.name} has no DfE field names to write")
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow([c.source for c in columns])
        for row in rows:
            out.writerow([to_csv_text(row.get(c.name), c.type) for c in columns])
            written += 1
    return written
