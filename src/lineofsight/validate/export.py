"""Report files: every issue, a per-rule and a per-child summary, and the ruleset version.

Spreadsheets are opened by analysts, so no cell may start a formula: a value
starting with = + - @ tab or carriage return is written with a leading quote.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape
from openpyxl import Workbook

from lineofsight.errors import UserError
from lineofsight.validate.report import ValidationReport

ISSUE_HEADINGS = ("Child", "Table", "File", "Row", "Rule", "Severity", "Fields", "Values", "Message")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value: Any) -> Any:
    """A cell value that a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def issue_rows(report: ValidationReport) -> Iterator[tuple[Any, ...]]:
    for i in report.issues:
        values = "; ".join(f"{f}={v if v is not None else ''}" for f, v in zip(i.fields, i.values, strict=False))
        yield (i.child, i.table, i.file, i.row, i.rule, i.severity, ", ".join(i.fields), values, i.message)


def _sheets(report: ValidationReport) -> list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]:
    rules = [(r["rule"], r["severity"], r["issues"], r["children"], r["message"]) for r in report.rule_summary()]
    children = [(c["child"], c["errors"], c["queries"], c["rules"]) for c in report.child_summary()]
    about = [
        ("Council", report.council),
        ("Collection year", f"{report.year - 1}/{report.year % 100:02d}" if report.year else None),
        ("Ruleset", report.ruleset),
        ("Rules run", report.rules_run),
        ("Rows read", report.rows_read),
        ("Rows loaded", report.rows_loaded),
        ("Rows rejected", report.rows_rejected),
        *((f"Not run: {n.rule}", n.error) for n in report.not_run),
    ]
    tables = [(c.file, c.table, c.read, c.loaded, c.rejected) for c in report.counts]
    return [
        ("Issues", ISSUE_HEADINGS, list(issue_rows(report))),
        ("By rule", ("Rule", "Severity", "Issues", "Children", "Message"), rules),
        ("By child", ("Child", "Errors", "Queries", "Rules"), children),
        ("Rows", ("File", "Table", "Read", "Loaded", "Rejected"), tables),
        ("About", ("Item", "Value"), about),
    ]


def write_xlsx(report: ValidationReport, path: Path) -> None:
    book = Workbook(write_only=True)
    for title, headings, rows in _sheets(report):
        sheet = book.create_sheet(title)
        sheet.append(list(headings))
        for row in rows:
            sheet.append([safe(v) for v in row])
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
+ rejected {{ r.rows_rejected }}. {{ r.issues|length }} issues.</p>
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
    path.write_text(env.from_string(_HTML).render(r=report, sheets=sheets), encoding="utf-8")


WRITERS = {".xlsx": write_xlsx, ".csv": write_csv, ".html": write_html, ".htm": write_html}


def write_report(report: ValidationReport, path: Path) -> None:
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise UserError(f"Cannot write a report as {path.name}: use a name ending .xlsx, .csv or .html")
    try:
        writer(report, path)
    except OSError as exc:
        raise UserError(f"Cannot write the report {path}: {exc.strerror}") from exc
