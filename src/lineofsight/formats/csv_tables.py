"""CSV tables keyed by DfE field names: the SSDA903 tables and the local CSVs.

Writing streams rows to disk in the model's declared column order, so the
output is byte-for-byte deterministic for the same rows.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lineofsight.errors import UserError
from lineofsight.formats.raw import CsvSource, RawTable
from lineofsight.formats.result import Problem
from lineofsight.formats.values import to_csv_text
from lineofsight.model import TABLES
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


# --- reading ---------------------------------------------------------------

# Columns earlier years' layouts carried that the current one dropped: recognised, then ignored.
LEGACY: dict[str, frozenset[str]] = {
    "episode": frozenset({"PL_DISTANCE", "PL_LA", "PL_LOCATION"}),
    "child": frozenset({"UASC"}),
}


def normalise(name: str) -> str:
    """Header names as analysts type them: any case, stray spaces, a BOM."""
    return "".join(name.replace("\ufeff", "").split()).upper()


def readable_tables() -> list[Table]:
    """Tables that have a CSV form: every table with DfE field names outside the CIN census."""
    return [t for t in TABLES.values() if t.source_columns and t.dataset not in ("cin", "system", "qa", "inspection")]


@dataclass(frozen=True)
class Match:
    table: Table
    ignored: tuple[str, ...]  # legacy columns present in the file
    missing: tuple[str, ...]  # current columns absent from the file


def recognise(header: Sequence[str]) -> Match | None:
    """The table whose DfE column names the header carries, or None.

    Every header name must belong to the table (current or earlier layout) and
    the table's identifier (its first column) must be there; of several
    candidates the one sharing most columns wins.
    """
    names = [normalise(h) for h in header if h.strip()]
    found = set(names)
    best: tuple[int, Match] | None = None
    for table in readable_tables():
        sources = {str(c.source) for c in table.source_columns}
        legacy = LEGACY.get(table.name, frozenset())
        if not found <= sources | legacy or table.source_columns[0].source not in found:
            continue
        shared = len(found & sources)
        if best is None or shared > best[0]:
            missing = tuple(str(c.source) for c in table.source_columns if c.source not in found)
            best = (shared, Match(table, tuple(sorted(found & legacy)), missing))
    return best[1] if best else None


def describe_unknown(header: Sequence[str]) -> str:
    """Why a header matches no table: the closest table and the columns it does not know."""
    found = {normalise(h) for h in header if h.strip()}
    closest = max(readable_tables(), key=lambda t: len(found & {str(c.source) for c in t.source_columns}))
    unknown = sorted(found - {str(c.source) for c in closest.source_columns} - LEGACY.get(closest.name, frozenset()))
    listed = ", ".join(unknown[:12]) + (" ..." if len(unknown) > 12 else "")
    return f"its columns match no DfE or lineofsight table (closest: {closest.source_name}; unknown columns: {listed})"


def scan(path: Path, limit: int | None = None) -> tuple[str, bool]:
    """The file's encoding, and whether it is plain: UTF-8 with no quotes and no blank lines.

    UTF-16 by its BOM; UTF-8 (with or without BOM) when every byte decodes;
    else Windows-1252, as Excel writes. A plain file's rows are its lines, so
    a fast reader can number them by position.
    """
    with path.open("rb") as handle:
        if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            return "utf-16", False
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        seen, plain, last = 0, True, b"\n"
        try:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
                joined = last + chunk
                plain = plain and b'"' not in chunk and b"\n\n" not in joined and b"\n\r\n" not in joined
                last, seen = chunk[-2:], seen + len(chunk)
                if limit is not None and seen >= limit:
                    return "utf-8-sig", False
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252", False
    return "utf-8-sig", plain


def _lines(path: Path, encoding: str) -> Iterator[str]:
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        yield from handle


def read_header(path: Path) -> list[str]:
    """The first row of a CSV file (reading only the start of it)."""
    try:
        return next(csv.reader(_lines(path, scan(path, limit=1 << 16)[0]), strict=True), [])
    except csv.Error as exc:
        raise UserError(f"{path.name}: the header row is not valid CSV ({exc})") from None


def open_table(path: Path, match: Match | None = None) -> RawTable:
    """A recognised CSV table, its rows left in the file for the store to read (see `fill`)."""
    header = read_header(path)
    match = match or recognise(header)
    if match is None:
        raise UserError(f"{path.name}: {describe_unknown(header)}")
    table = match.table
    by_source = table.by_source()
    slots = tuple(by_source[n].name if n in by_source else None for n in (normalise(h) for h in header))
    raw = RawTable(table, csv=CsvSource(path, slots, plain=scan(path)[1]))
    if match.ignored:
        raw.notes.append(_note(path, table, f"columns from an earlier layout were ignored: {', '.join(match.ignored)}"))
    if match.missing:
        raw.notes.append(
            _note(path, table, f"columns absent from the file were left blank: {', '.join(match.missing)}")
        )
    return raw


def read_table(path: Path, match: Match | None = None) -> RawTable:
    """Read a recognised CSV table row by row; rows that are not valid CSV are refused and reported."""
    return fill(open_table(path, match))


def fill(raw: RawTable) -> RawTable:
    """Read the rows of `raw.csv` in Python: exact row numbers, any encoding, any quoting."""
    source = raw.csv
    if source is None:
        return raw
    reader = csv.reader(_lines(source.path, scan(source.path)[0]), strict=True)
    next(reader, None)  # the header
    positions = [(f, raw.names.index(name)) for f, name in enumerate(source.slots) if name]
    width, size, row_number = len(source.slots), len(raw.names), 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_number += 1
            raw.rejected.append(_row_problem(source.path, raw.table, row_number, f"the row is not valid CSV ({exc})"))
            continue
        row_number += 1
        if not fields or not any(f.strip() for f in fields):
            continue  # blank line: not a row
        if len(fields) > width and any(f.strip() for f in fields[width:]):
            message = f"the row has {len(fields)} fields but the header has {width}"
            raw.rejected.append(_row_problem(source.path, raw.table, row_number, message))
            continue
        record: list[str | None] = [None] * size
        for f, index in positions:
            if f < len(fields):
                record[index] = fields[f]
        raw.add_list(row_number, record)
    raw.csv = None
    return raw


def _row_problem(path: Path, table: Table, row: int, message: str) -> Problem:
    return Problem(path.name, table.name, row, None, None, None, f"{message}; the row was not loaded")


def _note(path: Path, table: Table, message: str) -> Problem:
    return Problem(path.name, table.name, None, None, None, None, message, rule="layout")
