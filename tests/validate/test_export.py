"""Report files and the `validate` command: every issue, summaries, formula safety, JSON keys."""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.cli.validate import parse_year
from lineofsight.errors import UserError
from lineofsight.validate import validate_store
from lineofsight.validate.export import write_report
from lineofsight.validate.report import ValidationReport

from .clean_903 import LA, YEAR, clean_return, store_of
from .test_engine import write_return

HOSTILE = '=HYPERLINK("http://example.invalid")'


@functools.cache
def _report() -> ValidationReport:
    data = clean_return()
    data["child"][1]["sex"] = HOSTILE  # 101 fires and shows the value
    data["child"][1]["child_id"] = "+C2"  # an identifier a spreadsheet would read as a formula
    data["child"][2]["ethnicity"] = "@SUM(A1)"  # 103
    with store_of(data) as store:
        return validate_store(store, LA, YEAR, "ssda903")


def test_xlsx_lists_issues_and_summaries_and_never_starts_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_report(_report(), path)
    book = load_workbook(path)
    assert book.sheetnames == ["Issues", "By rule", "By child", "Rows", "About"]
    cells = [c.value for s in book for row in s.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in cells)
    issues = list(book["Issues"].iter_rows(values_only=True))
    assert issues[0][:5] == ("Child", "Table", "File", "Row", "Rule")
    sex = next(row for row in issues if row[4] == "101")
    assert sex[:5] == ("'+C2", "child", "Header.csv", 3, "101")
    assert sex[7] == "SEX=" + HOSTILE  # does not start a formula: it starts with SEX
    by_rule = {r[0]: r for r in book["By rule"].iter_rows(min_row=2, values_only=True)}
    assert by_rule["101"][2:4] == (1, 1)
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert about["Ruleset"].startswith("2025/26-r1+")


def test_csv_report_is_formula_safe(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    write_report(_report(), path)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0][0].startswith("Ruleset 2025/26")
    assert rows[1][0] == "Child"
    issues = rows[2 : rows.index([])]
    assert {r[4] for r in issues} >= {"101", "103"} and "'+C2" in {r[0] for r in issues}
    assert ["By rule"] in rows and ["By child"] in rows and ["Rows"] in rows
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_html_report_escapes_values(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    report = _report()
    write_report(report, path)
    text = path.read_text(encoding="utf-8")
    assert report.ruleset in text and "By child" in text
    assert "<script" not in text and "&#34;" in text  # the hostile quote is escaped


def test_unknown_report_suffix_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        write_report(_report(), tmp_path / "r.pdf")


def test_year_forms() -> None:
    assert parse_year("2025/26") == parse_year("2025-26") == parse_year("2026") == 2026
    with pytest.raises(UserError):
        parse_year("2025/27")


def test_cli_json_has_the_promised_keys(tmp_path: Path) -> None:
    data = clean_return()
    data["episode"][2]["legal_status"] = "Q1"
    folder = write_return(tmp_path, data)
    result = CliRunner().invoke(app, ["validate", str(folder), "--year", "2025/26", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert {"rows_read", "rows_loaded", "rows_rejected", "issues"} <= set(out)
    assert out["rows_read"] == out["rows_loaded"] + out["rows_rejected"] == 28
    issue = next(i for i in out["issues"] if i["rule"] == "144")
    assert {"file", "table", "row", "child", "rule", "fields", "values", "message"} <= set(issue)
    assert (issue["child"], issue["values"]) == ("C2", ["Q1"])


def test_cli_text_and_report(tmp_path: Path) -> None:
    folder = write_return(tmp_path, clean_return())
    report = tmp_path / "out.xlsx"
    result = CliRunner().invoke(app, ["validate", str(folder), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "rules run" in result.stdout and report.exists()


def test_rules_command_lists_the_year_ruleset() -> None:
    result = CliRunner().invoke(app, ["rules", "--year", "2025/26", "--dataset", "ssda903", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert len(listed) >= 150 and {r["dataset"] for r in listed} == {"ssda903"}
    assert next(r for r in listed if r["code"] == "103")["fields"] == "ETHNIC"
