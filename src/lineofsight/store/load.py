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
from dataclasses import dataclass
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
from lineofsight.model import TABLES
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
    folder = folder_year(read.path)
    if folder:
        la_code, collection_year = la_code or folder[0], collection_year or folder[1]
    return la_code, collection_year


# --- typing ----------------------------------------------------------------

TYPED = "_typed"


# Tables every other table of the return hangs on: a value there that cannot be typed is reported and left
# blank, the row kept, so the child is not also reported absent from the Header by every other module
# (SSDA903 INT03, INT05, INT08) nor missed by the comparison with last year's return (203).
KEEP_ROWS = {"child"}


def type_stage(store: Store, table: Table, date_style: str) -> str:
    """Type `_stage` once into `_typed`: clean text (_raw<i>) beside typed values; returns the rejection test."""
    cleaned = ", ".join(f"{sql.clean(c.name)} AS {c.name}" for c in table.columns)
    raws = [f"{table.columns[i].name} AS _raw{i}" for i, _ in sql.checked(table)]
    values = [f"{sql.typed(c, c.name, date_style)} AS {c.name}" for c in table.columns]
    store.scratch.execute(f"DROP TABLE IF EXISTS {TYPED}")
    store.scratch.execute(
        f"CREATE TEMP TABLE {TYPED} AS SELECT _row, {', '.join([*raws, *values])} "
        f"FROM (SELECT _row, {cleaned} FROM {STAGE})"
    )
    kept = table.name in KEEP_ROWS
    tests = [] if kept else [f"(_raw{i} IS NOT NULL AND {c.name} IS NULL)" for i, c in sql.checked(table)]
    ident = sql.identifier(table)
    if ident:
        tests.append(f"{ident.name} IS NULL")
    return " OR ".join(tests) or "FALSE"


GLOB = re.compile(r"[*?\[\]{}]")


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
    store.scratch.execute(
        f"CREATE TEMP TABLE {STAGE} AS SELECT (row_number() OVER () + 1)::BIGINT AS _row, {select} "
        f"FROM {_read_csv(source.path, fields, skip=1)}"
    )


def _stage_spool(store: Store, raw: RawTable, spool: Spool) -> None:
    columns = {"_row": "BIGINT", **{n: "VARCHAR" for n in raw.names}}
    store.scratch.execute(f"CREATE TEMP TABLE {STAGE} AS SELECT * FROM {_read_csv(spool.close(), columns, skip=0)}")


def stage(store: Store, raw: RawTable) -> None:
    """Put the raw text of one table in the temporary table `_stage` (_row, then the model's columns)."""
    store.scratch.execute(f"DROP TABLE IF EXISTS {STAGE}")
    if raw.spool is not None:  # XML readers spool as they parse
        _stage_spool(store, raw, raw.spool)
        return
    source = raw.csv
    # DuckDB's reader expands * ? [ ] { } in a path as a glob: a file so named is read row by row in Python,
    # so that `load '*.csv'` reads that one file and never its neighbours.
    if source is not None and source.plain and not GLOB.search(str(source.path)):
        try:
            _stage_direct(store, raw, source)
            raw.counted = _count(store, STAGE)
            return
        except duckdb.Error:  # ragged or odd rows: read it row by row instead, which reports each one
            store.scratch.execute(f"DROP TABLE IF EXISTS {STAGE}")
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
    outcome = "the value was left blank" if table.name in KEEP_ROWS else "the row was not loaded"
    for row, child_id, index, value in store.scratch.execute(" UNION ALL ".join(parts) + " ORDER BY 1, 3").fetchall():
        if index < 0 and ident:
            field, message = ident.source, f"{ident.source} is blank: a row without a child identifier cannot be loaded"
            problems.append(
                Problem(file, table.name, row, child_id, field, value, f"{message}; the row was not loaded")
            )
        else:
            column = table.columns[index]
            field, message = column.source, f"{column.source} '{value}' {sql.expected(column, date_style)}"
            problems.append(Problem(file, table.name, row, child_id, field, value, f"{message}; {outcome}"))
    return problems


@dataclass
class Ready:
    """One table's rows from one file, typed and checked, waiting in a temporary table for its return's commit."""

    table: Table
    name: str  # the temporary table: _row, then the model's columns
    count: TableCount


def keep_typed(store: Store, raw: RawTable, count: TableCount, rejection: str, n: int) -> Ready:
    """Move the rows of `_typed` that pass `rejection` into their own temporary table `_ready<n>`."""
    name = f"_ready{n}"
    columns = ", ".join(c.name for c in raw.table.columns)
    store.scratch.execute(f"DROP TABLE IF EXISTS {name}")
    store.scratch.execute(f"CREATE TEMP TABLE {name} AS SELECT _row, {columns} FROM {TYPED} WHERE NOT ({rejection})")
    store.scratch.execute(f"DROP TABLE IF EXISTS {STAGE}; DROP TABLE IF EXISTS {TYPED}")
    count.loaded = _count(store, name)
    count.rejected = count.read - count.loaded
    return Ready(raw.table, name, count)


def insert_ready(store: Store, ready: Ready) -> None:
    """Insert the kept rows into the store's table (inside the transaction that replaced what was there)."""
    table, c = ready.table, ready.count
    names = [col.name for col in table.columns]
    values = list(names)
    params: list[Any] = []
    if table.provenance:
        names = ["la_code", "collection_year", "source_file", "source_row", *names]
        values = ["$1", "$2", "$3", "_row", *values]
        params = [c.la_code, c.year, c.file]
    store.insert_select(table.name, names, f"SELECT {', '.join(values)} FROM {ready.name}", params)


def _count(store: Store, name: str) -> int:
    row = store.scratch.execute(f"SELECT count(*) FROM {name}").fetchone()
    return int(row[0]) if row else 0


def _replace_keys(store: Store, ready: Ready) -> None:
    """Reference tables (population) carry their own keys: replace the keys the file brings."""
    key = ready.table.key
    keys = store.scratch.execute(f"SELECT DISTINCT {', '.join(key)} FROM {ready.name}").fetchall()
    match = " AND ".join(f"{k} = ?" for k in key)
    for values in keys:
        store.con.execute(f"DELETE FROM {ready.table.name} WHERE {match}", list(values))


def stage_table(
    store: Store, read: FileRead, raw: RawTable, la_code: str | None, year: int | None, n: int
) -> tuple[Ready, list[Problem]]:
    """Stage, type and check one table; its rows wait in `_ready<n>`. la_code and year are None only for
    reference tables."""
    file = read.path.name
    stage(store, raw)
    rejection = type_stage(store, raw.table, read.date_style)
    problems = [*raw.notes, *raw.rejected, *value_problems(store, raw, file, read.date_style)]
    count = TableCount(file, raw.table.name, raw.read, 0, 0, la_code, year)
    return keep_typed(store, raw, count, rejection, n), problems


# --- replacing returns -----------------------------------------------------
# A return is replaced whole: every table of its dataset for that council and year in one
# transaction, so the store holds the old return or the new one, never a mix. The local
# files (contacts, early help, return interviews) are separate files, each its own return.

PER_TABLE = {"local"}


def return_tables(table: Table) -> list[Table]:
    """The tables replaced together with this one: its whole return."""
    if table.dataset in PER_TABLE:
        return [table]
    return [t for t in TABLES.values() if t.provenance and t.dataset == table.dataset]


def commit_returns(store: Store, ready: list[Ready], done: dict[tuple[str, int], set[str]]) -> list[Problem]:
    """Replace every council-year's returns the ready tables bring, one transaction per council-year.

    Tables of those returns that the new files lack are emptied; `done` holds the tables this run has
    already loaded (so a council-year's files in two folders add up). Returns notes on emptied tables."""
    notes: list[Problem] = []
    for item in [r for r in ready if not r.table.provenance]:
        with store.transaction():
            _replace_keys(store, item)
            insert_ready(store, item)
    by_year: dict[tuple[str, int], list[Ready]] = {}
    for item in ready:
        if item.table.provenance and item.count.la_code and item.count.year:
            by_year.setdefault((item.count.la_code, item.count.year), []).append(item)
    for (la_code, year), items in by_year.items():
        latest = {item.table.name: item for item in items}  # a table given twice: the later file wins
        earlier = done.setdefault((la_code, year), set())
        tables = {t.name: t for item in items for t in return_tables(item.table)}
        with store.transaction():
            for name, table in tables.items():
                if name in earlier and name not in latest:
                    continue
                removed = store.clear(table, la_code, year)
                if name not in latest and removed:
                    message = (
                        f"{name} for {la_code} {year}: the new return has no {name} rows, so the "
                        f"{removed:,} rows of the previous return were removed"
                    )
                    notes.append(Problem("(return)", name, None, None, None, None, message, rule="emptied"))
            for item in latest.values():
                insert_ready(store, item)
                c = item.count
                store.record_load(la_code, year, item.table.dataset, c.table, c.file, c.read, c.loaded, c.rejected)
        earlier.update(latest)
    for item in ready:
        store.scratch.execute(f"DROP TABLE IF EXISTS {item.name}")
    return notes


def fill_postcodes(store: Store) -> int:
    """Add centroids of episode postcodes the store does not know yet; returns how many were added.

    One join against the centroid cache (attached read-only), not a lookup per postcode.
    A postcode the directory lists without a grid reference (Jersey's, some
    large users') is added with no centroid rather than NaN: it is still a real
    postcode, and its distances are not known (NaN would compare as more than
    any number of miles).
    """
    if store.dialect != "duckdb":
        return _fill_postcodes_elsewhere(store)
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


WANTED = (
    "SELECT p FROM (SELECT upper(replace(home_postcode, ' ', '')) AS p FROM episode "
    "UNION SELECT upper(replace(placement_postcode, ' ', '')) FROM episode) w "
    f"WHERE p IS NOT NULL AND p NOT IN (SELECT postcode FROM {POSTCODE.name})"
)


def _fill_postcodes_elsewhere(store: Store) -> int:
    """The same join for a server store: its unknown postcodes go to the scratch DuckDB, which holds the cache."""
    wanted = [r[0] for r in store.query(WANTED)]
    if not wanted:
        return 0
    before = store.count(POSTCODE.name)
    with geography.attached(store.scratch) as cache:
        select = (
            "SELECT c.postcode, CASE WHEN NOT isnan(c.easting) THEN c.easting END, "
            "CASE WHEN NOT isnan(c.northing) THEN c.northing END, c.district "
            f"FROM {cache} c WHERE c.postcode IN (SELECT unnest($1))"
        )
        names = ["postcode", "easting", "northing", "district"]
        with store.transaction():
            store.insert_select(POSTCODE.name, names, select, [wanted])
    return store.count(POSTCODE.name) - before


def load_file(store: Store, path: Path, council: str | None, year: int | None, max_bytes: int) -> LoadResult:
    """Load one file as a whole return (its dataset's other tables for that council-year are emptied)."""
    result, ready = stage_file(store, path, council, year, max_bytes, 0)
    result.problems.extend(commit_returns(store, ready, {}))
    return result


def stage_file(
    store: Store, path: Path, council: str | None, year: int | None, max_bytes: int, first: int
) -> tuple[LoadResult, list[Ready]]:
    """Read one file and stage its tables (numbered from `first`) for the commit of their return."""
    with tempfile.TemporaryDirectory(prefix="lineofsight-") as scratch:  # private (0700), removed after
        read = read_file(path, max_bytes, Path(scratch))
        result = LoadResult(problems=_header_disagrees(read, council, year))
        la_code, collection_year = known_council_and_year(read, council, year)
        if any(raw.table.provenance for raw in read.tables):  # reference tables carry council and year in each row
            la_code, collection_year = council_and_year(read, council, year)
            result.councils.add(la_code)
            result.years.add(collection_year)
        ready = []
        for n, raw in enumerate(read.tables, start=first):
            item, problems = stage_table(store, read, raw, la_code, collection_year, n)
            ready.append(item)
            result.counts.append(item.count)
            result.problems.extend(problems)
        return result, ready


def _header_disagrees(read: FileRead, council: str | None, year: int | None) -> list[Problem]:
    """The file's own header wins over --council/--year; say so when they differ."""
    notes = []
    for option, own, value in (("--council", read.la_code, council), ("--year", read.year, year)):
        if own is not None and value is not None and own != value:
            message = f"the file's header says {own}, which was used rather than {option} {value}"
            notes.append(Problem(read.path.name, None, None, None, None, None, message, rule="layout"))
    return notes


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


def folder_year(path: Path) -> tuple[str, int] | None:
    """The council and year of a folder named like 681_2026 holding the file, if any."""
    for folder in (path.parent, *path.parent.parents[:3]):
        named = FOLDER.match(folder.name)
        if named:
            return named.group(1), int(named.group(2))
    return None


def by_folder(files: Sequence[Path]) -> list[list[Path]]:
    """The files in groups, one per council-year folder (files outside such folders together), in first-seen order:
    each group's returns are committed before the next is read, so memory holds one council-year at a time."""
    groups: dict[tuple[str, int] | None, list[Path]] = {}
    for path in files:
        groups.setdefault(folder_year(path), []).append(path)
    return list(groups.values())


def load_paths(
    store: Store,
    paths: Sequence[Path],
    council: str | None = None,
    year: int | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> LoadResult:
    """Load every recognised file, each council-year's returns replaced whole in one transaction.

    A file that cannot be read is reported and the others still load."""
    files = files_in(paths)
    result = LoadResult()
    done: dict[tuple[str, int], set[str]] = {}
    finished = 0
    for group in by_folder(files):
        ready: list[Ready] = []
        for path in group:
            try:
                loaded, staged = stage_file(store, path, council, year, max_bytes, len(ready))
                ready.extend(staged)
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
            finished += 1
            if progress:
                progress(path.name, finished, len(files))
        result.problems.extend(commit_returns(store, ready, done))
    if any(c.table == "episode" and c.loaded for c in result.counts):
        fill_postcodes(store)
    return result
