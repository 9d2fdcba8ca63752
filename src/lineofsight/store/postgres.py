"""PostgreSQL as a team's shared store: the same model, loads and queries as the embedded DuckDB file.

`PgStore` answers the calls the engine makes of a `Store` (execute with `?` or `$n` placeholders,
query, count, transaction, clear, insert_columns). Loads are still read, typed and checked in an
embedded in-memory DuckDB (`scratch`), exactly as for a DuckDB store; only the replacement of a return
(delete, then COPY the kept rows) runs on PostgreSQL, in one transaction per council-year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import psycopg

from lineofsight.errors import UserError
from lineofsight.model import TABLES, Table
from lineofsight.model.schema import ColumnType
from lineofsight.store import BUILT_IN, Store

SCHEMES = ("postgresql://", "postgres://")
TYPES = {
    ColumnType.TEXT: "TEXT",
    ColumnType.DATE: "DATE",
    ColumnType.INTEGER: "BIGINT",
    ColumnType.DECIMAL: "DOUBLE PRECISION",
    ColumnType.BOOLEAN: "BOOLEAN",
    ColumnType.TIMESTAMP: "TIMESTAMP",
}
SCHEMA_LOCK = 815_903  # advisory lock id: one process at a time creates the schema (several workers start at once)
# Names the shared SQL (indicator definitions, the dashboard's queries) uses as DuckDB and Spark spell them.
COMPATIBLE = (
    "DO $$ BEGIN CREATE DOMAIN double AS double precision; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
    "DO $$ BEGIN CREATE DOMAIN string AS text; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
    "CREATE OR REPLACE FUNCTION date_diff(part text, a date, b date) RETURNS integer LANGUAGE sql IMMUTABLE AS "
    "'SELECT CASE WHEN part = ''day'' THEN b - a END'",
    "CREATE OR REPLACE FUNCTION round(x double precision, places integer) RETURNS double precision "
    "LANGUAGE sql IMMUTABLE AS 'SELECT CAST(round(CAST(x AS numeric), places) AS double precision)'",
    "CREATE OR REPLACE FUNCTION year(d date) RETURNS integer LANGUAGE sql IMMUTABLE AS "
    "'SELECT CAST(extract(year FROM d) AS integer)'",
    "CREATE OR REPLACE FUNCTION month(d date) RETURNS integer LANGUAGE sql IMMUTABLE AS "
    "'SELECT CAST(extract(month FROM d) AS integer)'",
    "CREATE OR REPLACE FUNCTION day(d date) RETURNS integer LANGUAGE sql IMMUTABLE AS "
    "'SELECT CAST(extract(day FROM d) AS integer)'",
)


def is_url(db: object) -> bool:
    return isinstance(db, str) and db.startswith(SCHEMES)


def placeholders(sql: str) -> str:
    """`?` placeholders (DuckDB's) as PostgreSQL's `$1, $2, ...`; `$n` pass through; quoted text is left alone."""
    parts = re.split(r"('(?:[^']|'')*')", sql)
    n = 0

    def number(_: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return f"${n}"

    return "".join(part if i % 2 else re.sub(r"\?", number, part) for i, part in enumerate(parts))


# Every change to the store but the audit log bumps one counter, so each dashboard worker can tell
# (one cheap read) when another worker or a command has changed what its caches were built from.
VERSIONED = (
    "CREATE TABLE IF NOT EXISTS store_version (n BIGINT NOT NULL)",
    "INSERT INTO store_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM store_version)",
    "CREATE OR REPLACE FUNCTION bump_store_version() RETURNS trigger LANGUAGE plpgsql AS "
    "'BEGIN UPDATE store_version SET n = n + 1; RETURN NULL; END'",
)
UNVERSIONED = {"audit_log"}  # written on every view of a child's record; changes no page


def named(sql: str, params: dict[str, Any]) -> tuple[str, list[Any]]:
    """`$name` parameters (outside quoted text) numbered in order of first use, with their values."""
    order: list[str] = []

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            return match.group(0)
        if name not in order:
            order.append(name)
        return f"${order.index(name) + 1}"

    parts = re.split(r"('(?:[^']|'')*')", sql)
    sql = "".join(p if i % 2 else re.sub(r"\$([A-Za-z_]\w*)", number, p) for i, p in enumerate(parts))
    return sql, [params[n] for n in order]


def ddl(table: Table) -> str:
    cols = ", ".join(f"{c.name} {TYPES[c.type]}" for c in table.all_columns)
    return f"CREATE TABLE IF NOT EXISTS {table.name} ({cols})"


class Connection:
    """A psycopg connection that takes DuckDB-style calls: execute(sql, params) returns a cursor."""

    def __init__(self, url: str) -> None:
        try:
            self.raw = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.RawCursor)
        except psycopg.OperationalError as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise UserError(f"cannot reach the PostgreSQL store ({reason}): check the server and --db") from None

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        if isinstance(params, dict):  # DuckDB's named parameters ($council) as positional ones
            sql, params = named(sql, params)
        cursor.execute(placeholders(sql), list(params) if params else None)
        return cursor

    def cursor(self) -> Connection:
        return self

    def close(self) -> None:
        self.raw.close()


class PgStore(Store):
    """A connection to a PostgreSQL database, with the schema in place."""

    dialect = "postgres"

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.path = url
        self.pg = Connection(url)
        self.con = self.pg  # type: ignore[assignment]  # the engine's calls go through the adapter
        self._scratch: duckdb.DuckDBPyConnection | None = None
        self.create_schema()
        if read_only:
            self.pg.execute("SET default_transaction_read_only = on")

    @property
    def scratch(self) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB where loads read, type and check files before they reach PostgreSQL."""
        if self._scratch is None:
            self._scratch = duckdb.connect()
        return self._scratch

    def create_schema(self) -> None:
        with self.pg.raw.transaction():
            self.pg.execute(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
            for table in (*TABLES.values(), *BUILT_IN):
                self.pg.execute(ddl(table))
                if table.provenance:
                    index = f"{table.name}_council_year"
                    self.pg.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {table.name} (la_code, collection_year)")
            for declaration in (*COMPATIBLE, *VERSIONED):
                self.pg.execute(declaration)
            for table in (*TABLES.values(), *BUILT_IN):
                if table.name not in UNVERSIONED:
                    self.pg.execute(
                        f"CREATE OR REPLACE TRIGGER {table.name}_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                        f"ON {table.name} FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version()"
                    )
            if self.count("calendar") == 0:
                self._fill_calendar()

    def _fill_calendar(self) -> None:
        from lineofsight import calendar

        self._copy("calendar", ["day", "is_working_day", "working_day_number"], calendar.calendar_rows())

    def _copy(self, table: str, names: Sequence[str], rows: Iterator[Sequence[Any]] | Sequence[Sequence[Any]]) -> int:
        count = 0
        with self.pg.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count

    def version(self) -> int | None:
        row = self.pg.execute("SELECT n FROM store_version").fetchone()
        return int(row[0]) if row else None

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.pg.raw.transaction():
            yield self.pg

    def clear(self, table: Table, la_code: str, collection_year: int) -> int:
        cursor = self.pg.execute(
            f"DELETE FROM {table.name} WHERE la_code = ? AND collection_year = ?", [la_code, collection_year]
        )
        return cursor.rowcount

    def insert_columns(self, table: Table, columns: dict[str, list[Any]]) -> None:
        names = list(columns)
        self._copy(table.name, names, list(zip(*(columns[n] for n in names), strict=True)))

    def insert_select(self, table: str, names: Sequence[str], select: str, params: Sequence[Any] = ()) -> None:
        """Copy the rows of a select run on `scratch` (a load's kept rows) into a table."""
        cursor = self.scratch.execute(select, list(params))
        with self.pg.raw.cursor() as pg, pg.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            while batch := cursor.fetchmany(10_000):
                for row in batch:
                    copy.write_row(row)

    def close(self) -> None:
        self.pg.close()
        if self._scratch is not None:
            self._scratch.close()
