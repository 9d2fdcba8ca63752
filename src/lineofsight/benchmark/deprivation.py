"""Importing the English Indices of Deprivation for upper-tier councils, to show beside Ofsted grades.

MHCLG's upper-tier summary ("File 11") names its columns after the release year,
e.g. "Upper Tier Local Authority District code (2019)" and "IMD - Rank of average
score"; the columns are found by those words rather than exact headings.
"""

from __future__ import annotations

import csv
from pathlib import Path

from lineofsight.benchmark.published import number
from lineofsight.errors import UserError
from lineofsight.model.reference import DEPRIVATION
from lineofsight.store import Store


def _column(headers: list[str], *words: str) -> str | None:
    return next((h for h in headers if all(w in h.lower() for w in words)), None)


def import_imd(store: Store, path: Path) -> int:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            headers = list(reader.fieldnames or [])
            rows = list(reader)
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read ({exc})") from exc
    code = _column(headers, "code")
    name = _column(headers, "name")
    rank = _column(headers, "imd", "rank of average score")
    score = next((h for h in headers if "imd" in h.lower() and h.lower().endswith("average score")
                  and "rank" not in h.lower()), None)  # fmt: skip
    if not code or not (rank or score):
        raise UserError(f"{path}: expected a council code column and an 'IMD - Rank of average score' column")
    columns: dict[str, list[object]] = {c.name: [] for c in DEPRIVATION.columns}
    for number_, row in enumerate(rows, start=2):
        if not (row.get(code) or "").startswith("E"):
            raise UserError(f"{path} row {number_}: {code} {row.get(code)!r} is not an English ONS code")
        columns["ons_code"].append(row[code].strip())
        columns["name"].append(row.get(name or "", "") or None)
        rank_value = number(row.get(rank or ""))
        columns["imd_rank"].append(int(rank_value) if rank_value is not None else None)
        columns["imd_score"].append(number(row.get(score or "")))
        columns["source_file"].append(str(path))
    with store.transaction() as con:
        con.execute("DELETE FROM deprivation")
        store.insert_columns(DEPRIVATION, columns)
    return len(rows)
