"""Run a year's ruleset against the store: one set-based query per rule.

Each rule's query selects offending rows; the engine joins those back to the
rule's table for the child and the values of the rule's fields, so a rule
never has to. A rule that raises is reported as not run.
"""

from __future__ import annotations

import os
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import duckdb

from lineofsight.calendar import year_label
from lineofsight.errors import UserError
from lineofsight.formats.result import LoadResult, Problem
from lineofsight.model import TABLES
from lineofsight.model.schema import Column, ColumnType, Table
from lineofsight.store import POSTCODE, Store
from lineofsight.validate import build, rules
from lineofsight.validate.report import Issue, NotRun, ValidationReport
from lineofsight.validate.rule import Rule, parameters

WORKERS = min(4, os.cpu_count() or 1)
SCRATCH_MEMORY = "512MB"  # DuckDB's limit for the scratch store that files are validated in
CHILD_FIELDS = ("CHILD", "LAchildID")
# Where a rule names a field its own table lacks (DOB on an episode rule), the value comes from here.
HEADERS = {"ssda903": "child", "cin": "cin_child"}


def _child_column(table: Table) -> str | None:
    for c in table.columns:
        if c.source in CHILD_FIELDS or c.name == "child_id":
            return c.name
    return None


def _text(column: Column, expr: str) -> str:
    """SQL showing a value as the return would: dates as dd/mm/yyyy, the rest as written."""
    if column.type in (ColumnType.DATE, ColumnType.TIMESTAMP):
        return f"strftime({expr}, '%d/%m/%Y')"
    if column.type is ColumnType.BOOLEAN:
        return f"CASE WHEN {expr} THEN 'True' WHEN NOT {expr} THEN 'False' END"
    return f"CAST({expr} AS VARCHAR)"


def issue_query(rule: Rule, shared: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """SQL fetching file, row, child and the rule's field values (as text) for each row the rule selects.

    `shared` maps fragments of rule SQL to tables already holding their result."""
    logic = rule.sql
    for fragment, table_name in (shared or {}).items():
        logic = logic.replace(fragment, f"(SELECT * FROM {table_name})")
    table = TABLES[rule.table]
    child = _child_column(table)
    header = TABLES.get(HEADERS.get(rule.dataset, ""))
    selects: list[str] = []
    fields: list[str] = []
    for f in rule.fields:
        own = table.by_source().get(f)
        if own is not None:
            selects.append(_text(own, f"t.{own.name}"))
        elif header is not None and child and f in header.by_source() and _child_column(header):
            theirs = header.by_source()[f]
            selects.append(
                _text(
                    theirs,
                    f"(SELECT any_value(h.{theirs.name}) FROM {header.name} h "
                    f"WHERE h.la_code = $la_code AND h.collection_year = $year "
                    f"AND h.{_child_column(header)} = t.{child})",
                )
            )
        else:
            continue
        fields.append(f)
    child_sql = _text(table.column(child), f"t.{child}") if child else "NULL"
    cols = ", ".join(
        ["t.source_file", "t.source_row", f"{child_sql} AS child", f"[{', '.join(selects)}]::VARCHAR[] AS vals"]
    )
    sql = (
        f"WITH hits AS (SELECT DISTINCT source_file, source_row FROM ({logic}) r) "
        f"SELECT {cols} FROM {table.name} t JOIN hits h ON t.source_file IS NOT DISTINCT FROM h.source_file "
        "AND t.source_row IS NOT DISTINCT FROM h.source_row "
        "WHERE t.la_code = $la_code AND t.collection_year = $year ORDER BY t.source_file, t.source_row"
    )
    return sql, fields


def run_rule(
    store: Store | duckdb.DuckDBPyConnection,
    rule: Rule,
    la_code: str,
    year: int,
    shared: dict[str, str] | None = None,
) -> list[Issue]:
    sql, fields = issue_query(rule, shared)
    con = store.con if isinstance(store, Store) else store
    rows = con.execute(sql, parameters(sql, la_code, year)).fetchall()
    return [
        Issue(r[0], rule.table, r[1], r[2], rule.code, str(rule.severity), tuple(fields), tuple(r[3]), rule.message)
        for r in rows
    ]


def log_rule(
    con: duckdb.DuckDBPyConnection, rule: Rule, part: int, target: str, la_code: str, year: int, shared: dict[str, str]
) -> int:
    """Insert the rule's issues into the log table `target` without them passing through Python; returns how many."""
    sql, fields = issue_query(rule, shared)
    insert = (
        f"INSERT INTO {target} SELECT {int(part)}, row_number() OVER (ORDER BY source_file, source_row), "
        "source_file, $issue_table, source_row, child, $issue_rule, $issue_severity, $issue_fields, vals, "
        f"$issue_message FROM ({sql})"
    )
    constants = {
        "issue_table": rule.table,
        "issue_rule": rule.code,
        "issue_severity": str(rule.severity),
        "issue_fields": list(fields),
        "issue_message": rule.message,
    }
    inserted = con.execute(insert, {**parameters(sql, la_code, year), **constants}).fetchone()
    return int(inserted[0]) if inserted else 0


def _datasets_present(store: Store, la_code: str, year: int) -> set[str]:
    present = set()
    for table in TABLES.values():
        if (
            table.provenance
            and table.dataset not in present
            and store.count(table.name, "la_code = ? AND collection_year = ?", [la_code, year])
        ):
            present.add(table.dataset)
    return present


@contextmanager
def _shared_results(store: Store, applicable: list[Rule], council: str, year: int) -> Iterator[dict[str, str]]:
    """Compute the fragments several rules share once, in a scratch in-memory database
    attached for this run (visible to every cursor, never written to the store's file)."""
    used = {n: f for n, f in build.SHARED.items() if sum(f in r.sql for r in applicable) > 1}
    scratch = f"validate_{uuid.uuid4().hex[:12]}"
    try:
        store.con.execute(f"ATTACH ':memory:' AS {scratch}")
    except duckdb.Error:  # cannot attach: every rule computes its own fragments
        yield {}
        return
    shared = {}
    try:
        for name, fragment in used.items():
            sql = f"CREATE TABLE {scratch}.{name} AS SELECT * FROM {fragment} x"
            try:
                store.con.execute(sql, parameters(sql, council, year))
            except duckdb.Error:
                continue  # the rules using it will fail on their own and be reported as not run
            shared[fragment] = f"{scratch}.{name}"
        yield shared
    finally:
        store.con.execute(f"DETACH {scratch}")


def previous_year_missing(year: int) -> str:
    """Why a rule comparing with last year's return was not run."""
    return f"the previous year's return ({year_label(year - 1)}) is not loaded"


def validate_store(store: Store, council: str, year: int, dataset: str | None = None) -> ValidationReport:
    """Validate one council's collection year already in the store.

    Rules comparing with the year before use the store's own previous year for the council;
    where it holds none for a dataset, its rules are reported as not run, never as passed.
    A server store's return is validated in an embedded copy (see `_embedded`)."""
    if store.dialect != "duckdb":
        with _embedded(store, council, year) as copy:
            return validate_store(copy, council, year, dataset)
    present = _datasets_present(store, council, year)
    before = _datasets_present(store, council, year - 1)
    applicable: list[Rule] = []
    unanswerable: list[Rule] = []  # rules comparing with a previous year the store does not hold
    for r in rules.ruleset(year, dataset):
        if r.dataset in present:
            (unanswerable if r.compares_previous_year and r.dataset not in before else applicable).append(r)
    label = dataset or (min(present) if len(present) == 1 else None)  # name the ruleset actually used
    report = ValidationReport(council, year, rules.version(year, label))
    report.not_run.extend(NotRun(f"module {m}", "", e) for m, e in sorted(rules.BROKEN.items()))
    report.not_run.extend(NotRun(r.code, r.table, previous_year_missing(year)) for r in unanswerable)
    # Rules are independent read-only queries: run a few at once, each on its own cursor, each
    # inserting its issues straight into the report's log (on disk), numbered by its place in the
    # ruleset so reports are deterministic.
    local = threading.local()
    with _shared_results(store, applicable, council, year) as shared, report.log.attached(store.con) as target:

        def attempt(part: int, rule: Rule) -> int | NotRun:
            if not hasattr(local, "cursor"):
                local.cursor = store.con.cursor()
            try:
                return log_rule(local.cursor, rule, part, target, council, year, shared)
            except duckdb.Error as exc:
                return NotRun(rule.code, rule.table, str(exc).splitlines()[0])

        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            outcomes = list(pool.map(attempt, range(1, len(applicable) + 1), applicable))
    for rule, outcome in zip(applicable, outcomes, strict=True):
        if isinstance(outcome, NotRun):
            report.not_run.append(outcome)
            continue
        report.rules_run += 1
        report.messages[rule.code] = rule.message
    report.refresh()
    return report


@contextmanager
def _embedded(store: Store, council: str, year: int) -> Iterator[Store]:
    """The council's return and the year before copied from a server store into an in-memory DuckDB.

    The rules are DuckDB SQL, declared once; the rows they read are the same rows, so a return
    gets the same issues whichever store holds it, and no rule is translated or run twice."""
    with Store() as local:
        datasets = {t.dataset for t in TABLES.values() if t.provenance}
        for collection_year in (year - 1, year):
            for dataset in sorted(datasets):
                local.copy_year(store, council, collection_year, dataset)
        rows = store.query(f"SELECT postcode, easting, northing, district FROM {POSTCODE.name}")
        if rows:
            local.insert_columns(
                POSTCODE, {n: [r[i] for r in rows] for i, n in enumerate(c.name for c in POSTCODE.columns)}
            )
        yield local


def problem_issue(problem: Problem) -> Issue:
    """A reading problem as an issue, under the DfE rule for that field's type when there is one."""
    code = build.TYPE_RULES.get((problem.table or "", problem.field or ""), problem.rule)
    return Issue(
        file=problem.file,
        table=problem.table,
        row=problem.row,
        child=problem.child,
        rule=code,
        severity="error",
        fields=(problem.field,) if problem.field else (),
        values=(problem.value,) if problem.field else (),
        message=problem.message,
    )


def validate_paths(
    paths: Sequence[Path],
    year: int | None = None,
    council: str | None = None,
    dataset: str | None = None,
    previous: Sequence[Path] = (),
    earlier: Callable[[], AbstractContextManager[Store]] | None = None,
) -> ValidationReport:
    """Read the files into a fresh in-memory store and validate them; reading problems become issues.

    `previous` are the files of the same council's return for the year before: loaded into the
    same store under that year, so the rules comparing with last year's return can run. Without
    them, `earlier` (a store to open, as the dashboard holds its own) gives last year's return."""
    from lineofsight.store.load import load_paths  # reading belongs to the formats area

    rules.all_rules()  # declares TYPE_RULES before reading problems are mapped
    with tempfile.TemporaryDirectory(prefix="lineofsight-") as spill, Store() as store:
        # Bounded whatever the files hold: beyond the limit DuckDB spills to a private folder.
        store.con.execute(f"SET memory_limit = '{SCRATCH_MEMORY}'; SET temp_directory = '{spill}'")
        loaded = load_paths(store, paths, council, year)
        la_code, collection_year = _the_return(loaded, "to validate", "The files")
        if previous:
            last_year = load_paths(store, previous, la_code, collection_year - 1)
            held = _the_return(last_year, "from the --previous files", "The --previous files")
            if held != (la_code, collection_year - 1):
                raise UserError(
                    f"The --previous files hold council {held[0]}'s return for {year_label(held[1])}; give "
                    f"council {la_code}'s for {year_label(collection_year - 1)}, the year before the one validated"
                )
        elif earlier is not None:
            with earlier() as source:
                store.copy_year(source, la_code, collection_year - 1, "ssda903")
        report = validate_store(store, la_code, collection_year, dataset)
    report.counts = list(loaded.counts)
    report.log.add(problem_issue(p) for p in loaded.problems)  # part 0: listed before the rules' issues
    report.log.drop_repeats_of_reading()
    report.refresh()
    return report


def _the_return(loaded: LoadResult, nothing: str, files: str) -> tuple[str, int]:
    """The one council and collection year the files hold."""
    if not loaded.counts:
        reasons = "; ".join(
            p.message if p.message.startswith(p.file) else f"{p.file}: {p.message}" for p in loaded.problems[:5]
        )
        raise UserError(f"Nothing could be read {nothing} ({reasons or 'no files found'})")
    pairs = sorted({(c, y) for c in loaded.councils for y in loaded.years})
    if len(pairs) != 1:
        raise UserError(
            f"{files} hold more than one council or year "
            f"({', '.join(f'{c} {y}' for c, y in pairs)}); validate each return separately"
        )
    return pairs[0]
