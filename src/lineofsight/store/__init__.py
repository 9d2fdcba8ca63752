"""The embedded DuckDB store.

The schema comes from `lineofsight.model`; every table carries la_code and
collection_year, and a load replaces one council's year of one table in a
single transaction, so loading the same return twice never doubles it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from lineofsight import calendar
from lineofsight.errors import UserError
from lineofsight.model import TABLES, Table
from lineofsight.model.schema import Column, ColumnType

DEFAULT_PATH = Path("lineofsight.duckdb")

# Reference tables the engine builds for itself, so that indicator SQL stays
# portable: working days by a join, distances by a join.
CALENDAR = Table(
    "calendar",
    "reference",
    (
        Column("day", ColumnType.DATE),
        Column("is_working_day", ColumnType.BOOLEAN),
        Column("working_day_number", ColumnType.INTEGER, description="Working days since 1 January 2000, inclusive"),
    ),
    "Every day 2000-2040 with England and Wales working days numbered.",
    provenance=False,
)
POSTCODE = Table(
    "postcode",
    "reference",
    (
        Column("postcode", ColumnType.TEXT, description="Upper case, no spaces"),
        Column("easting", ColumnType.DECIMAL),
        Column("northing", ColumnType.DECIMAL),
        Column("district", ColumnType.TEXT, description="ONS local authority district code"),
    ),
    "Centroids of the postcodes that appear in the store (ONS Postcode Directory).",
    provenance=False,
)
BUILT_IN = (CALENDAR, POSTCODE)


LOCKED = re.compile(r"Could not set lock on file .*?Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


def connect(path: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file; a file another process holds is one plain line saying who and what to do."""
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        held = LOCKED.search(str(exc))
        if not held:
            raise
        raise UserError(
            f"{path} is in use by process {held['pid']} ({Path(held['program']).name}); an embedded store "
            "serves one process at a time: stop that process (for example the running `lineofsight serve`) "
            "and try again, or share a PostgreSQL store (--db postgresql://...) for a team"
        ) from None


SERVER_SCHEMES = ("postgresql://", "postgres://")
DB_HELP = "The store: a DuckDB file, or postgresql://user@host/database for a team's server"


def is_server(db: str | Path) -> bool:
    """Whether --db names a PostgreSQL server rather than a DuckDB file."""
    return str(db).startswith(SERVER_SCHEMES)


def exists(db: str | Path) -> bool:
    """A server store is made on first use; a file store exists when its file does."""
    return is_server(db) or Path(db).is_file()


def open_store(db: str | Path, read_only: bool = False) -> Store:
    """The store --db names: a PostgreSQL server (a team's shared store) or a DuckDB file (one user's)."""
    if is_server(db):
        from lineofsight.store.postgres import PgStore

        return PgStore(str(db), read_only)
    return Store(db, read_only)


class Store:
    """A connection to one store file (or memory), with the schema in place."""

    dialect = "duckdb"

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False) -> None:
        self.path = str(path)
        self.con = connect(self.path, read_only)
        if not read_only:
            self.create_schema()

    @property
    def scratch(self) -> duckdb.DuckDBPyConnection:
        """Where loads read, type and check files: the store itself (its temporary tables)."""
        return self.con

    def version(self) -> int | None:
        """A number that changes whenever another process changes the store; None when none can (a file is
        held by one process, which knows its own changes)."""
        return None

    def create_schema(self) -> None:
        for table in (*TABLES.values(), *BUILT_IN):
            self.con.execute(table.ddl())
        if self.count("calendar") == 0:
            self._fill_calendar()

    def _fill_calendar(self) -> None:
        days, working, numbers = zip(*calendar.calendar_rows(), strict=True)
        self.con.execute(
            "INSERT INTO calendar SELECT unnest($1), unnest($2), unnest($3)",
            [list(days), list(working), list(numbers)],
        )

    def count(self, table: str, where: str = "", params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        row = self.con.execute(sql, list(params)).fetchone()
        return int(row[0]) if row else 0

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params).fetchall()

    def dicts(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def clear(self, table: Table, la_code: str, collection_year: int) -> int:
        """Remove one council's year of a table (call inside a transaction before inserting); returns rows removed."""
        removed = self.con.execute(
            f"DELETE FROM {table.name} WHERE la_code = ? AND collection_year = ?", [la_code, collection_year]
        ).fetchone()
        return int(removed[0]) if removed else 0

    def insert_columns(self, table: Table, columns: dict[str, list[Any]]) -> None:
        """Insert column-wise data (names from the model) in one statement: fast for large loads."""
        names = list(columns)
        placeholders = ", ".join(f"unnest(${i + 1})" for i in range(len(names)))
        self.con.execute(
            f"INSERT INTO {table.name} ({', '.join(names)}) SELECT {placeholders}",
            [columns[n] for n in names],
        )

    def insert_select(self, table: str, names: Sequence[str], select: str, params: Sequence[Any] = ()) -> None:
        """Insert the rows of a select run on `scratch` (a load's kept rows) into a table."""
        self.con.execute(f"INSERT INTO {table} ({', '.join(names)}) {select}", list(params))

    def copy_year(self, source: Store, la_code: str, collection_year: int, dataset: str) -> int:
        """Copy one council's year of a dataset's tables from another store (rows, not files); returns rows copied."""
        copied = 0
        for table in TABLES.values():
            if not table.provenance or table.dataset != dataset:
                continue
            cursor = source.con.execute(
                f"SELECT * FROM {table.name} WHERE la_code = ? AND collection_year = ?", [la_code, collection_year]
            )
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            if rows:
                self.insert_columns(table, {n: [r[i] for r in rows] for i, n in enumerate(names)})
                copied += len(rows)
        return copied

    def record_load(
        self, la_code: str, year: int, dataset: str, table: str, source_file: str, read: int, loaded: int, rejected: int
    ) -> None:
        self.con.execute(
            "INSERT INTO load_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [dt.datetime.now(), la_code, year, dataset, table, source_file, read, loaded, rejected],
        )

    def councils(self) -> list[str]:
        rows = self.query("SELECT DISTINCT la_code FROM load_history ORDER BY 1")
        return [r[0] for r in rows]

    def years(self, la_code: str | None = None) -> list[int]:
        where = "WHERE la_code = ?" if la_code else ""
        rows = self.query(
            f"SELECT DISTINCT collection_year FROM load_history {where} ORDER BY 1", [la_code] if la_code else []
        )
        return [int(r[0]) for r in rows]

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
