"""Case audits in and out of the store: CSV import (validated), export, and saving by key.

The audit CSV has one row per audit: the `audit` table's fields under their
source names, with one column per domain of the audit form (CHILDS_VOICE,
ASSESSMENT, ...). The actions CSV has the `audit_action` fields. Import tells
the two apart by their headers, as SSDA903 tables are told apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lineofsight.errors import UserError
from lineofsight.model.qa import AUDIT, AUDIT_ACTION, AUDIT_GRADE, DOMAIN
from lineofsight.model.schema import ColumnType, Table
from lineofsight.qa.csvio import (
    Problem,
    RowError,
    collection_year,
    parse_date,
    parse_grade,
    read_rows,
    require,
    write_csv,
)
from lineofsight.store import Store

DOMAIN_COLUMNS = {code.upper(): code for code in DOMAIN.codes}
AUDIT_HEADER = [c.source for c in AUDIT.source_columns if c.source]
# The CSV lists the domain grades right after the audit date, as an audit form does.
_at = AUDIT_HEADER.index("AUDIT_DATE") + 1
AUDIT_CSV_HEADER = AUDIT_HEADER[:_at] + list(DOMAIN_COLUMNS) + AUDIT_HEADER[_at:]
ACTION_HEADER = [c.source for c in AUDIT_ACTION.source_columns if c.source]


@dataclass
class ImportResult:
    kind: str  # "audits" or "actions"
    rows_read: int = 0
    rows_loaded: int = 0
    problems: list[Problem] = field(default_factory=list)


def _cell(table: Table, source: str, text: str) -> Any:
    """Parse one cell by its declaration: type, code list, required."""
    column = table.by_source()[source]
    if column.type is ColumnType.DATE:
        return parse_date(source, text, column.required)
    if column.codes is not None and column.codes.name == "grade":
        return parse_grade(source, text, column.required)
    if column.required:
        require(source, text)
    if text and column.codes is not None and text not in column.codes:
        raise RowError(source, f"must be one of {', '.join(column.codes.codes)}")
    return text or None


def _parse_audit(row: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    record = {c.name: _cell(AUDIT, c.source, row.get(c.source, "")) for c in AUDIT.source_columns if c.source}
    grades = {}
    for header, domain in DOMAIN_COLUMNS.items():
        grade = parse_grade(header, row.get(header, ""))
        if grade:
            grades[domain] = grade
    if record["overall_grade"] and not record["audit_date"]:
        raise RowError("AUDIT_DATE", "is required when the audit is graded (OVERALL)")
    if record["moderated_grade"] and not record["moderator"]:
        raise RowError("MODERATOR", "is required when MODERATED_GRADE is given")
    if record["moderator"] and record["moderator"].lower() == record["auditor"].lower():
        raise RowError("MODERATOR", "must be a second auditor, not the one who audited the case")
    return record, grades


def _parse_action(row: dict[str, str]) -> dict[str, Any]:
    record = {
        c.name: _cell(AUDIT_ACTION, c.source, row.get(c.source, "")) for c in AUDIT_ACTION.source_columns if c.source
    }
    if record["completed_date"] and record["completed_date"] < record["due_date"] - dt.timedelta(days=3650):
        raise RowError("COMPLETED_DATE", "is implausibly early (over ten years before DUE_DATE)")
    return record


def import_csv(store: Store, path: Path, council: str) -> ImportResult:
    """Load an audits or actions CSV for a council: good rows saved, bad rows reported."""
    header, rows = read_rows(path)
    if "ACTION_ID" in header:
        result, expected = ImportResult("actions"), ACTION_HEADER
    elif "AUDIT_ID" in header:
        result, expected = ImportResult("audits"), ["AUDIT_ID", "CHILD", "AREA", "AUDITOR"]
    else:
        raise UserError(f"{path.name}: not an audits CSV (needs AUDIT_ID) nor an actions CSV (needs ACTION_ID)")
    missing = [h for h in expected if h not in header]
    if missing:
        raise UserError(f"{path.name}: the header lacks {', '.join(missing)}")
    audits: list[tuple[dict[str, Any], dict[str, str]]] = []
    actions: list[dict[str, Any]] = []
    known = {r[0] for r in store.query("SELECT audit_id FROM audit WHERE la_code = ?", [council])}
    for number, row in rows:
        result.rows_read += 1
        try:
            if result.kind == "audits":
                record, grades = _parse_audit(row)
                audits.append(({**record, "source_row": number}, grades))
                continue
            action = _parse_action(row)
            if action["audit_id"] not in known:
                raise RowError("AUDIT_ID", "names no audit of this council in the store (import the audits first)")
            actions.append({**action, "source_row": number})
        except RowError as exc:
            result.problems.append(Problem(path.name, number, exc.field, exc.rule))
    with store.transaction():
        if result.kind == "audits":
            save_audits(store, council, audits, path.name)
        else:
            save_actions(store, council, actions, path.name)
    result.rows_loaded = len(audits) + len(actions)
    return result


def save_audits(
    store: Store, council: str, audits: list[tuple[dict[str, Any], dict[str, str]]], source: str = ""
) -> None:
    """Insert or replace audits (and their domain grades) by audit id. Call inside a transaction."""
    programme_months = dict(store.query("SELECT programme_id, month FROM audit_programme WHERE la_code = ?", [council]))
    for record, grades in audits:
        number = record.get("source_row")
        day = record["audit_date"] or programme_months.get(record["programme_id"]) or dt.date.today()
        year = collection_year(day)
        key = [council, record["audit_id"]]
        store.con.execute("DELETE FROM audit WHERE la_code = ? AND audit_id = ?", key)
        store.con.execute("DELETE FROM audit_grade WHERE la_code = ? AND audit_id = ?", key)
        _insert(store, AUDIT, {**record, "la_code": council, "collection_year": year}, source, number)
        for domain, grade in grades.items():
            row = {"audit_id": record["audit_id"], "domain": domain, "grade": grade}
            _insert(store, AUDIT_GRADE, {**row, "la_code": council, "collection_year": year}, source, number)


def save_actions(store: Store, council: str, actions: list[dict[str, Any]], source: str = "") -> None:
    for record in actions:
        number = record.get("source_row")
        year = collection_year(record["due_date"])
        store.con.execute(
            "DELETE FROM audit_action WHERE la_code = ? AND action_id = ?", [council, record["action_id"]]
        )
        _insert(store, AUDIT_ACTION, {**record, "la_code": council, "collection_year": year}, source, number)


def _insert(store: Store, table: Table, values: dict[str, Any], source: str, row: int | None) -> None:
    values = {**values, "source_file": source, "source_row": row}
    names = [c.name for c in table.all_columns if c.name in values]
    marks = ", ".join("?" for _ in names)
    store.con.execute(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})", [values[n] for n in names])


def get_audit(store: Store, council: str, audit_id: str) -> tuple[dict[str, Any], dict[str, str]] | None:
    """One audit's fields (readable names) and its domain grades; None when there is no such audit."""
    names = [c.name for c in AUDIT.source_columns]
    sql = f"SELECT {', '.join(names)}, collection_year FROM audit WHERE la_code = ? AND audit_id = ?"
    rows = store.dicts(sql, [council, audit_id])
    if not rows:
        return None
    grades = store.query(
        "SELECT domain, grade FROM audit_grade WHERE la_code = ? AND audit_id = ?", [council, audit_id]
    )
    return rows[0], {str(d): str(g) for d, g in grades}


def parse_form(record: dict[str, Any], form: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """An audit form's fields (CSV names, as in the audits CSV) over the stored audit; RowError names a bad field."""
    stored = {c.source: record.get(c.name) for c in AUDIT.source_columns if c.source}
    row = {k: (v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else str(v or "")) for k, v in stored.items()}
    row.update({k: v.strip() for k, v in form.items() if k in AUDIT_CSV_HEADER and k not in ("AUDIT_ID", "CHILD")})
    return _parse_audit(row)


def complete_action(store: Store, council: str, action_id: str, day: dt.date) -> None:
    """Record that an action was done on `day`."""
    found = store.query("SELECT due_date FROM audit_action WHERE la_code = ? AND action_id = ?", [council, action_id])
    if not found:
        raise UserError(f"no action {action_id!r} for council {council}")
    store.con.execute(
        "UPDATE audit_action SET completed_date = ? WHERE la_code = ? AND action_id = ?", [day, council, action_id]
    )


def export_csv(store: Store, council: str, path: Path, kind: str = "audits", programme: str | None = None) -> int:
    """Write a council's audits (with domain grades) or actions as CSV; returns the rows written."""
    if kind == "actions":
        names = [c.name for c in AUDIT_ACTION.source_columns]
        rows = store.query(
            f"SELECT {', '.join(names)} FROM audit_action WHERE la_code = ? ORDER BY action_id", [council]
        )
        write_csv(path, ACTION_HEADER, rows)
        return len(rows)
    grades = {
        (a, d): g
        for a, d, g in store.query("SELECT audit_id, domain, grade FROM audit_grade WHERE la_code = ?", [council])
    }
    names = [c.name for c in AUDIT.source_columns]
    out = []
    where = "la_code = ?" + (" AND programme_id = ?" if programme else "")
    params = [council, programme] if programme else [council]
    for record in store.dicts(f"SELECT {', '.join(names)} FROM audit WHERE {where} ORDER BY audit_id", params):
        by_source = {c.source: record[c.name] for c in AUDIT.source_columns}
        for header, domain in DOMAIN_COLUMNS.items():
            by_source[header] = grades.get((record["audit_id"], domain))
        out.append([by_source[h] for h in AUDIT_CSV_HEADER])
    write_csv(path, AUDIT_CSV_HEADER, out)
    return len(out)
