"""Load returns into the store: recognise, stage as text, type set-based in DuckDB, replace atomically.

Every value is staged as text with its source row (`_stage`: plain CSV files
straight from DuckDB's reader, everything else through a private temporary
CSV). One statement types the whole table into `_typed`, keeping the clean
text beside each typed value; one query lists the values that did not parse
and one INSERT ... SELECT loads the rows whose values all did, so rows read =
rows loaded + rows rejected for every table. Unknown codes and blank
mandatory fields are kept for the validation rules.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from lineofsight import geography
from lineofsight.errors import UserError
from lineofsight.formats import csv_tables, sql
from lineofsight.formats.detect import FileRead, read_file
from lineofsight.formats.raw import CsvSource, RawTable, Spool
from lineofsight.formats.result import LoadResult, Problem, TableCount
from lineofsight.formats.safety import DEFAULT_MAX_BYTES
from lineofsight.model.schema import Table
from lineofsight.store import POSTCODE, Store

Progress = Callable[[str, int, int], None]  # (file name, files done, files in all)
FOLDER = re.compile(r"^(\d{3})_(\d{4})$")
SUFFIXES = {".csv", ".xml"}
STAGE = "_stage"


def files_in(paths: Sequence[Path]) -> list[Path]:
    """The files to load: named files as given, directories walked for .csv and .xml files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise UserError(f"{path}: no such file or folder")
    return found


def council_and_year(read: FileRead, council: str | None, year: int | None) -> tuple[str, int]:
    """From the file's own header, else the options, else a folder named like 681_2026."""
    la_code, collection_year = known_council_and_year(read, council, year)
    if not la_code or not collection_year:
        raise UserError(
            f"{read.path.name}: cannot tell which council and year this is; pass --council CODE and --year YYYY "
            "(or keep returns in a folder named like 681_2026)"
        )
    return la_code, collection_year


def known_council_and_year(read: FileRead, council: str | None, year: int | None) -> tuple[str | None, int | None]:
    la_code, collection_year = read.la_code or council, read.year or year
    for folder in (read.path.parent, *read.path.parent.parents[:3]):
        named = FOLDER.match(folder.name)
        if named:
            la_code = la_code or named.group(1)
            collection_year = collection_year or int(named.group(2))
            break
    return la_code, collection_year


# --- typing ----------------------------------------------------------------

TYPED = "_typed"


def type_stage(store: Store, table: Table, date_style: str) -> str:
    """Type `_stage` once into `_typed`: clean text (_raw<i>) beside typed values; returns the rejection test."""
    cleaned = ", ".join(f"{sql.clean(c.name)} AS {c.name}" for c in table.columns)
    raws = [f"{table.columns[i].name} AS _raw{i}" for i, _ in sql.checked(table)]
    values = [f"{sql.typed(c, c.name, date_style)} AS {c.name}" for c in table.columns]
    store.con.execute(f"DROP TABLE IF EXISTS {TYPED}")
    store.con.execute(
        f"CREATE TEMP TABLE {TYPED} AS SELECT _row, {', '.join([*raws, *values])} "
        f"FROM (SELECT _row, {cleaned} FROM {STAGE})"
    )
    tests = [f"(_raw{i} IS NOT NULL AND {c.name} IS NULL)" for i, c in sql.checked(table)]
    ident = sql.identifier(table)
    if ident:
        tests.append(f"{ident.name} IS NULL")
    return " OR ".join(tests) or "FALSE"


def _read_csv(path: Path, columns: dict[str, str], skip: int) -> str:
    """DuckDB's CSV reader, strict, in file order, every field text."""
    spec = ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items())
    return (
        f"read_csv('{_quote(path)}', header=false, skip={skip}, columns={{{spec}}}, auto_detect=false, "
        "delim=',', quote='\"', escape='\"', strict_mode=true, parallel=false, encoding='utf-8')"
    )


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _stage_direct(store: Store, raw: RawTable, source: CsvSource) -> None:
    """A plain UTF-8 file straight into DuckDB: its rows are its lines, so row = position + 1."""
    fields = {f"f{i}": "VARCHAR" for i in range(len(source.slots))}
    where = {name: f"f{i}" for i, name in enumerate(source.slots) if name}
    select = ", ".join(f"{where[n]} AS {n}" if n in where else f"NULL::VARCHAR AS {n}" for n in raw.names)
    store.con.execute(
        f"CREATE TEMP TABLE {STAGE} AS SELECT (row_number() OVER () + 1)::BIGINT AS _row, {select} "
        f"FROM {_read_csv(source.path, fields, skip=1)}"
    )


def _stage_spool(store: Store, raw: RawTable, spool: Spool) -> None:
    columns = {"_row": "BIGINT", **{n: "VARCHAR" for n in raw.names}}
    store.con.execute(f"CREATE TEMP TABLE {STAGE} AS SELECT * FROM {_read_csv(spool.close(), columns, skip=0)}")


def stage(store: Store, raw: RawTable) -> None:
    """Put the raw text of one table in the temporary table `_stage` (_row, then the model's columns)."""
    store.con.execute(f"DROP TABLE IF EXISTS {STAGE}")
    if raw.spool is not None:  # XML readers spool as they parse
        _stage_spool(store, raw, raw.spool)
        return
    source = raw.csv
    if source is not None and source.plain:
        try:
            _stage_direct(store, raw, source)
            raw.counted = store.count(STAGE)
            return
        except duckdb.Error:  # ragged or odd rows: read it row by row instead, which reports each one
            store.con.execute(f"DROP TABLE IF EXISTS {STAGE}")
    # Row by row in Python (any encoding, exact row numbers), spooled to a private file (0700, removed after).
    with tempfile.TemporaryDirectory(prefix="lineofsight-") as scratch:
        raw.spool = Spool(Path(scratch) / "rows.csv")
        csv_tables.fill(raw)
        _stage_spool(store, raw, raw.spool)


def value_problems(store: Store, raw: RawTable, file: str, date_style: str) -> list[Problem]:
    """Every value that could not be typed, and every row without a child identifier."""
    table = raw.table
    ident = sql.identifier(table)
    child = ident.name if ident else "NULL"
    parts = [
        f"SELECT _row, {child}, {i}, _raw{i} FROM {TYPED} WHERE _raw{i} IS NOT NULL AND {c.name} IS NULL"
        for i, c in sql.checked(table)
    ]
    if ident:
        parts.append(f"SELECT _row, NULL, -1, NULL FROM {TYPED} WHERE {ident.name} IS NULL")
    if not parts:
        return []
    problems = []
    for row, child_id, index, value in store.query(" UNION ALL ".join(parts) + " ORDER BY 1, 3"):
        if index < 0 and ident:
            field, message = ident.source, f"{ident.source} is blank: a row without a child identifier cannot be loaded"
        else:
            column = table.columns[index]
            field, message = column.source, f"{column.source} '{value}' {sql.expected(column, date_style)}"
        problems.append(Problem(file, table.name, row, child_id, field, value, f"{message}; the row was not loaded"))
    return problems


def insert_typed(store: Store, raw: RawTable, la_code: str | None, year: int | None, file: str, rejection: str) -> int:
    """Insert the rows of `_typed` that pass `rejection`; returns how many."""
    table = raw.table
    names = [c.name for c in table.columns]
    values = list(names)
    params: list[Any] = []
    if table.provenance:
        names = ["la_code", "collection_year", "source_file", "source_row", *names]
        values = ["$1", "$2", "$3", "_row", *values]
        params = [la_code, year, file]
    inserted = store.con.execute(
        f"INSERT INTO {table.name} ({', '.join(names)}) SELECT {', '.join(values)} FROM {TYPED} WHERE NOT ({rejection})",
        params,
    ).fetchone()
    return int(inserted[0]) if inserted else 0


def _replace(store: Store, raw: RawTable, la_code: str | None, year: int | None) -> None:
    table = raw.table
    if table.provenance and la_code and year:
        store.clear(table, la_code, year)
    elif not table.provenance:  # reference tables (population) carry their own keys: replace the keys the file brings
        keys = " AND ".join(f"t.{k} = s.{k}" for k in table.key)
        store.con.execute(f"DELETE FROM {table.name} t WHERE EXISTS (SELECT 1 FROM {TYPED} s WHERE {keys})")


# --- loading ---------------------------------------------------------------


def load_table(
    store: Store, read: FileRead, raw: RawTable, la_code: str | None, year: int | None
) -> tuple[TableCount, list[Problem]]:
    """Stage, report and load one table; la_code and year may be None only for reference tables."""
    file = read.path.name
    stage(store, raw)
    rejection = type_stage(store, raw.table, read.date_style)
    problems = [*raw.notes, *raw.rejected, *value_problems(store, raw, file, read.date_style)]
    with store.transaction():
        _replace(store, raw, la_code, year)
        loaded = insert_typed(store, raw, la_code, year, file, rejection)
        store.con.execute(f"DROP TABLE IF EXISTS {STAGE}; DROP TABLE IF EXISTS {TYPED}")
        count = TableCount(file, raw.table.name, raw.read, loaded, raw.read - loaded, la_code, year)
        if la_code and year:
            store.record_load(
                la_code, year, raw.table.dataset, raw.table.name, file, count.read, loaded, count.rejected
            )
    return count, problems


def fill_postcodes(store: Store) -> int:
    """Add centroids of episode postcodes the store does not know yet; returns how many were added.

    One join against the centroid cache (attached read-only), not a lookup per postcode.
    A postcode the directory lists without a grid reference (Jersey's, some
    large users') is added with no centroid rather than NaN: it is still a real
    postcode, and its distances are not known (NaN would compare as more than
    any number of miles).
    """
    with geography.attached(store.con) as cache:
        added = store.con.execute(
            f"INSERT INTO {POSTCODE.name} (postcode, easting, northing, district) "
            "SELECT c.postcode, CASE WHEN NOT isnan(c.easting) THEN c.easting END, "
            "CASE WHEN NOT isnan(c.northing) THEN c.northing END, c.district "
            f"FROM {cache} c SEMI JOIN ("
            "SELECT upper(replace(home_postcode, ' ', '')) AS p FROM episode "
            "UNION SELECT upper(replace(placement_postcode, ' ', '')) FROM episode"
            f") w ON c.postcode = w.p WHERE c.postcode NOT IN (SELECT postcode FROM {POSTCODE.name})"
        ).fetchone()
    return int(added[0]) if added else 0


def load_file(store: Store, path: Path, council: str | None, year: int | None, max_bytes: int) -> LoadResult:
    with tempfile.TemporaryDirectory(prefix="lineofsight-") as scratch:  # private (0700), removed after
        return _load_read(store, read_file(path, max_bytes, Path(scratch)), council, year)


def _header_disagrees(read: FileRead, council: str | None, year: int | None) -> list[Problem]:
    """The file's own header wins over --council/--year; say so when they differ."""
    notes = []
    for option, own, value in (("--council", read.la_code, council), ("--year", read.year, year)):
        if own is not None and value is not None and own != value:
            message = f"the file's header says {own}, which was used rather than {option} {value}"
            notes.append(Problem(read.path.name, None, None, None, None, None, message, rule="layout"))
    return notes


def _load_read(store: Store, read: FileRead, council: str | None, year: int | None) -> LoadResult:
    result = LoadResult(problems=_header_disagrees(read, council, year))
    la_code, collection_year = known_council_and_year(read, council, year)
    if any(raw.table.provenance for raw in read.tables):  # reference tables carry council and year in each row
        la_code, collection_year = council_and_year(read, council, year)
        result.councils.add(la_code)
        result.years.add(collection_year)
    for raw in read.tables:
        count, problems = load_table(store, read, raw, la_code, collection_year)
        result.counts.append(count)
        result.problems.extend(problems)
    return result


def _replaced(before: LoadResult, now: LoadResult) -> list[Problem]:
    """Notes for tables this run has already loaded for the same council and year from another file."""
    seen: dict[tuple[str, str | None, int | None], str] = {
        (c.table, c.la_code, c.year): c.file for c in before.counts if c.la_code
    }
    notes = []
    for c in now.counts:
        earlier = seen.get((c.table, c.la_code, c.year))
        if earlier and earlier != c.file:
            message = f"{c.table} for {c.la_code} {c.year} from {c.file} replaced what {earlier} loaded just before"
            notes.append(Problem(c.file, c.table, None, None, None, None, message, rule="replaced"))
    return notes


def load_paths(
    store: Store,
    paths: Sequence[Path],
    council: str | None = None,
    year: int | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> LoadResult:
    """Load every recognised file; a file that cannot be read is reported and the others still load."""
    files = files_in(paths)
    result = LoadResult()
    for done, path in enumerate(files, start=1):
        try:
            loaded = load_file(store, path, council, year, max_bytes)
            result.problems.extend(_replaced(result, loaded))
            result.extend(loaded)
        except UserError as exc:
            if "--council" in str(exc):
                raise
            result.problems.append(Problem(path.name, None, None, None, None, None, str(exc), rule="file"))
        except duckdb.Error as exc:  # the store refused something the checks above did not foresee
            reason = str(exc).splitlines()[0]
            message = f"{path.name}: could not be loaded ({reason})"
            result.problems.append(Problem(path.name, None, None, None, None, None, message, rule="file"))
        if progress:
            progress(path.name, done, len(files))
    if any(c.table == "episode" and c.loaded for c in result.counts):
        fill_postcodes(store)
    return result
