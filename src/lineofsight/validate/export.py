"""Report files: every issue, a per-rule and a per-child summary, and the ruleset version.

Spreadsheets are opened by analysts, so no cell may start a formula: a value
starting with = + - @ tab or carriage return is written with a leading quote.
Every writer streams the issues from the report's log, so a report of millions
of issues is written in bounded memory; a worksheet holds at most 1,048,576
rows, so the issues continue on sheets "Issues 2", "Issues 3" and so on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from jinja2 import Environment, select_autoescape
from openpyxl import Workbook

from lineofsight.errors import UserError
from lineofsight.validate.report import ValidationReport

ISSUE_HEADINGS = ("Child", "Table", "File", "Row", "Rule", "Severity", "Fields", "Values", "Message")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_ROWS = 1_048_576  # Excel's limit, headings included


def safe(value: Any) -> Any:
    """A cell value that a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def issue_rows(report: ValidationReport) -> Iterator[tuple[Any, ...]]:
    for i in report.all_issues():
        values = "; ".join(f"{f}={v if v is not None else ''}" for f, v in zip(i.fields, i.values, strict=False))
        yield (i.child, i.table, i.file, i.row, i.rule, i.severity, ", ".join(i.fields), values, i.message)


Sheet = tuple[str, tuple[str, ...], Iterable[tuple[Any, ...]]]


def _sheets(report: ValidationReport) -> list[Sheet]:
    """Title, headings and rows (streamed where they can be many) of each part of the report."""
    rules = [(r["rule"], r["severity"], r["issues"], r["children"], r["message"]) for r in report.rule_summary()]
    children = ((c["child"], c["errors"], c["queries"], c["rules"]) for c in report.child_summary())
    about = [
        ("Council", report.council),
        ("Collection year", f"{report.year - 1}/{report.year % 100:02d}" if report.year else None),
        ("Ruleset", report.ruleset),
        ("Rules run", report.rules_run),
        ("Rows read", report.rows_read),
        ("Rows loaded", report.rows_loaded),
        ("Rows rejected", report.rows_rejected),
        ("Issues", report.issue_count),
        ("Errors", report.errors),
        *((f"Not run: {n.rule}", n.error) for n in report.not_run),
    ]
    tables = [(c.file, c.table, c.read, c.loaded, c.rejected) for c in report.counts]
    return [
        ("Issues", ISSUE_HEADINGS, issue_rows(report)),
        ("By rule", ("Rule", "Severity", "Issues", "Children", "Message"), rules),
        ("By child", ("Child", "Errors", "Queries", "Rules"), children),
        ("Rows", ("File", "Table", "Read", "Loaded", "Rejected"), tables),
        ("About", ("Item", "Value"), about),
    ]


def write_xlsx(report: ValidationReport, path: Path) -> None:
    book = Workbook(write_only=True)  # rows go to temporary files as they are appended
    for title, headings, rows in _sheets(report):
        sheet, number, used = book.create_sheet(title), 1, 1
        sheet.append(list(headings))
        for row in rows:
            if used == SHEET_ROWS:  # full: the part continues on "<title> 2" and so on
                number += 1
                sheet, used = book.create_sheet(f"{title} {number}"), 1
                sheet.append(list(headings))
            sheet.append([safe(v) for v in row])
            used += 1
    book.save(path)


def write_csv(report: ValidationReport, path: Path) -> None:
    """The ruleset version on the first line, then the issues one a row, then after a blank line
    each the per-rule summary, the per-child summary and the rows read, each under its own heading."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([f"Ruleset {report.ruleset}", f"Council {report.council}", f"Year {report.year}"])
        for number, (title, headings, rows) in enumerate(_sheets(report)[:4]):
            if number:
                out.writerows([[], [title]])
            out.writerow(headings)
            out.writerows([safe(v) for v in row] for row in rows)


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Validation report {{ r.council }} {{ r.year }}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}
td,th{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}</style></head><body>
<h1>Validation report: council {{ r.council }}, collection year {{ r.year }}</h1>
<p>Ruleset {{ r.ruleset }}; {{ r.rules_run }} rules run. Rows read {{ r.rows_read }} = loaded {{ r.rows_loaded }}
+ rejected {{ r.rows_rejected }}. {{ r.issue_count }} issues ({{ r.errors }} errors).</p>
{% if r.not_run %}<h2>Rules not run</h2><ul>{% for n in r.not_run %}<li>{{ n.rule }}: {{ n.error }}</li>
{% endfor %}</ul>{% endif %}
{% for title, headings, rows in sheets %}<h2>{{ title }}</h2><table><thead><tr>
{% for h in headings %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead><tbody>
{% for row in rows %}<tr>{% for v in row %}<td>{{ v if v is not none else "" }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>{% endfor %}
</body></html>
"""


def write_html(report: ValidationReport, path: Path) -> None:
    env = Environment(autoescape=select_autoescape(default=True))
    sheets = [s for s in _sheets(report) if s[0] != "About"]
    with path.open("w", encoding="utf-8") as handle:
        for chunk in env.from_string(_HTML).generate(r=report, sheets=sheets):  # streamed, never one string
            handle.write(chunk)


def write_json(report: ValidationReport, handle: TextIO) -> None:
    """The report as one JSON object, written as the issues stream: never built whole in memory."""
    head = {
        "council": report.council,
        "year": report.year,
        "ruleset": report.ruleset,
        "rows_read": report.rows_read,
        "rows_loaded": report.rows_loaded,
        "rows_rejected": report.rows_rejected,
        "tables": [asdict(c) for c in report.counts],
        "issue_count": report.issue_count,
        "errors": report.errors,
        "rules_run": report.rules_run,
        "not_run": [asdict(n) for n in report.not_run],
        "rule_summary": report.rule_summary(),
    }
    handle.write(json.dumps(head, indent=1, default=str)[:-2] + ',\n "issues": [')
    for n, i in enumerate(report.all_issues()):
        issue = {
            "file": i.file,
            "table": i.table,
            "row": i.row,
            "child": i.child,
            "rule": i.rule,
            "severity": i.severity,
            "fields": list(i.fields),
            "values": list(i.values),
            "message": i.message,
        }
        handle.write(("," if n else "") + "\n  " + json.dumps(issue))
    handle.write('\n ],\n "child_summary": [')
    for n, c in enumerate(report.child_summary()):
        handle.write(("," if n else "") + "\n  " + json.dumps(c))
    handle.write("\n ]\n}\n")


def _write_json_file(report: ValidationReport, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        write_json(report, handle)


WRITERS = {".xlsx": write_xlsx, ".csv": write_csv, ".html": write_html, ".htm": write_html, ".json": _write_json_file}


def write_report(report: ValidationReport, path: Path) -> None:
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise UserError(f"Cannot write a report as {path.name}: use a name ending .xlsx, .csv, .html or .json")
    try:
        writer(report, path)
    except OSError as exc:
        raise UserError(f"Cannot write the report {path}: {exc.strerror}") from exc
