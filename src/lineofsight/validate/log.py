"""Every issue of a validation run, kept on disk, so memory stays bounded whatever the input.

A hostile return (the same rows repeated, each firing several rules) raises millions of
issues. The engine inserts each rule's issues straight from SQL into a DuckDB file in a
private temporary folder (0700, removed with the report); the counts per rule are exact
aggregates over it, the report files stream from it in batches, and only the first
SAMPLE issues ever become Python objects.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from lineofsight.validate.report import Issue

SAMPLE = 1000  # issues held in memory: what the CLI and the web pages list
BATCH = 10_000  # issues per round trip when streaming in or out
MEMORY = "256MB"  # DuckDB's own limit when reading the log back; it spills to the log's folder beyond it
# part orders the issues as the report lists them: 0 the reading problems, then 1, 2, ... the rules in
# ruleset order; ord is the position within the part (file then row for a rule).
DDL = (
    "CREATE TABLE issue (part INTEGER, ord BIGINT, file VARCHAR, tbl VARCHAR, rownum BIGINT, child VARCHAR, "
    "rule VARCHAR, severity VARCHAR, fields VARCHAR[], vals VARCHAR[], message VARCHAR)"
)
COLUMNS = "file, tbl, rownum, child, rule, severity, fields, vals, message"
ORDER = "ORDER BY part, ord"
KEY = "part * 4294967296 + ord"  # one sortable number per issue, for arg_min


def _issue(row: tuple[Any, ...]) -> Issue:
    file, table, number, child, rule, severity, fields, values, message = row
    return Issue(file, table, number, child, rule, severity, tuple(fields), tuple(values), message)


class IssueLog:
    """The issues of one validation, in a DuckDB file that the report owns."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="lineofsight-issues-"))
        self.path = self.folder / "issues.duckdb"
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.folder, ignore_errors=True)
        with self._connect(read_only=False) as con:
            con.execute(DDL)

    def _connect(self, read_only: bool = True) -> duckdb.DuckDBPyConnection:
        spill = self.folder / "spill"
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": MEMORY,
            "temp_directory": str(spill),
            "threads": 2,
        }
        return duckdb.connect(str(self.path), read_only=read_only, config=config)

    @contextmanager
    def attached(self, con: duckdb.DuckDBPyConnection) -> Iterator[str]:
        """The log attached to another connection (the store's): yields the name of its issue table,
        into which rules insert their issues without them passing through Python."""
        alias = f"issues_{uuid.uuid4().hex[:12]}"
        con.execute(f"ATTACH '{self.path}' AS {alias} (READ_WRITE)")
        try:
            yield f"{alias}.issue"
        finally:
            con.execute(f"DETACH {alias}")

    def add(self, issues: Iterable[Issue], part: int = 0) -> int:
        """Append issues given as objects (the reading problems), in batches; returns how many."""
        added = 0
        with self._connect(read_only=False) as con:
            batch: list[Issue] = []
            for issue in issues:
                batch.append(issue)
                if len(batch) == BATCH:
                    added += self._insert(con, batch, part, added)
                    batch = []
            added += self._insert(con, batch, part, added)
        return added

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, batch: list[Issue], part: int, offset: int) -> int:
        if not batch:
            return 0
        columns = [
            [offset + n for n in range(len(batch))],
            [i.file for i in batch],
            [i.table for i in batch],
            [i.row for i in batch],
            [i.child for i in batch],
            [i.rule for i in batch],
            [i.severity for i in batch],
            [list(i.fields) for i in batch],
            [list(i.values) for i in batch],
            [i.message for i in batch],
        ]
        unnests = ", ".join(f"unnest(${n + 1})" for n in range(len(columns)))
        con.execute(f"INSERT INTO issue SELECT {part}, {unnests}", columns)
        return len(batch)

    def drop_repeats_of_reading(self) -> int:
        """A value left blank because it could not be read is reported once, by reading (part 0), not again
        by the rule for that field finding it blank; returns how many repeats were dropped."""
        with self._connect(read_only=False) as con:
            row = con.execute(
                "DELETE FROM issue r WHERE r.part > 0 AND EXISTS (SELECT 1 FROM issue p WHERE p.part = 0 "
                "AND p.file IS NOT DISTINCT FROM r.file AND p.rownum IS NOT DISTINCT FROM r.rownum AND p.rule = r.rule)"
            ).fetchone()
        return int(row[0]) if row else 0

    def totals(self) -> tuple[int, int]:
        """Issues, and of them errors."""
        with self._connect() as con:
            row = con.execute("SELECT count(*), count(*) FILTER (WHERE severity = 'error') FROM issue").fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def sample(self, limit: int | None = None) -> list[Issue]:
        """The first `limit` (default SAMPLE) issues in report order."""
        limit = SAMPLE if limit is None else limit
        with self._connect() as con:
            return [
                _issue(r) for r in con.execute(f"SELECT {COLUMNS} FROM issue {ORDER} LIMIT {int(limit)}").fetchall()
            ]

    def rule_counts(self) -> list[tuple[str, str, int, int, str]]:
        """Per rule: code, severity, issues, distinct children and the first issue's message; most issues first."""
        sql = (
            f"SELECT rule, arg_min(severity, {KEY}), count(*), count(DISTINCT child), arg_min(message, {KEY}) "
            "FROM issue GROUP BY rule ORDER BY 3 DESC, 1"
        )
        with self._connect() as con:
            return [(r[0], r[1], int(r[2]), int(r[3]), r[4]) for r in con.execute(sql).fetchall()]

    def rows(self) -> Iterator[Issue]:
        """Every issue in report order, streamed in batches."""
        yield from (_issue(r) for r in self._stream(f"SELECT {COLUMNS} FROM issue {ORDER}"))

    def children(self) -> Iterator[tuple[str, int, int, str]]:
        """Per child: errors, queries and the rules broken (comma-separated); most errors first."""
        sql = (
            "SELECT child, count(*) FILTER (WHERE severity = 'error') AS errors, "
            "count(*) FILTER (WHERE severity <> 'error') AS queries, "
            "string_agg(DISTINCT rule, ', ' ORDER BY rule) FROM issue WHERE child IS NOT NULL "
            "GROUP BY child ORDER BY errors DESC, queries DESC, child"
        )
        yield from ((r[0], int(r[1]), int(r[2]), r[3]) for r in self._stream(sql))

    def _stream(self, sql: str) -> Iterator[tuple[Any, ...]]:
        with self._connect() as con:
            cursor = con.execute(sql)
            while batch := cursor.fetchmany(BATCH):
                yield from batch

    def close(self) -> None:
        """Remove the log's folder now rather than when the report is collected."""
        self._cleanup()
