"""Validation memory is bounded: the report holds the first issues only, while the counts per rule
stay exact and every report file lists every issue (streamed from the report's log on disk)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lineofsight.validate import log, validate_paths, validate_store
from lineofsight.validate.export import write_report
from lineofsight.validate.report import ValidationReport

from .clean_903 import LA, YEAR, clean_return, store_of
from .test_engine import write_return


def _six_issues() -> ValidationReport:
    """Every child's ethnicity unknown (rule 103, five children) and C2's episode (CSV row 4) with a
    legal status that does not exist (rule 144): six issues in all."""
    data = clean_return()
    for child in data["child"]:
        child["ethnicity"] = "XXXX"
    data["episode"][2]["legal_status"] = "Q1"
    with store_of(data) as store:
        return validate_store(store, LA, YEAR, "ssda903")


@pytest.fixture
def small_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(log, "SAMPLE", 3)


@pytest.mark.usefixtures("small_sample")
def test_the_report_keeps_a_sample_and_exact_counts() -> None:
    report = _six_issues()
    every = list(report.all_issues())
    assert len(every) == report.issue_count == report.errors == 6
    assert report.issues == every[:3] and report.sampled  # the sample is the first three in report order
    by_rule = {r["rule"]: (r["issues"], r["children"]) for r in report.rule_summary()}
    assert by_rule == {"103": (5, 5), "144": (1, 1)}
    # report order: rules in ruleset order (144 is declared before 103), each in file and row order
    assert [(i.rule, i.row) for i in every] == [("144", 4)] + [("103", r) for r in range(2, 7)]


@pytest.mark.usefixtures("small_sample")
def test_csv_and_json_reports_list_every_issue_beyond_the_sample(tmp_path: Path) -> None:
    report = _six_issues()
    write_report(report, tmp_path / "r.csv")
    rows = list(csv.reader((tmp_path / "r.csv").open(encoding="utf-8")))
    issues = rows[2 : rows.index([])]
    assert [(r[4], r[3]) for r in issues] == [(i.rule, str(i.row)) for i in report.all_issues()]
    write_report(report, tmp_path / "r.json")
    written = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert written["issue_count"] == len(written["issues"]) == 6
    assert {r["rule"]: r["issues"] for r in written["rule_summary"]} == {"103": 5, "144": 1}
    assert len(written["child_summary"]) == 5  # C1 to C5, each with an unknown ethnicity


def test_xlsx_continues_the_issues_on_further_sheets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lineofsight.validate.export.SHEET_ROWS", 3)  # headings + 2 issues
    report = _six_issues()
    write_report(report, tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames[:4] == ["Issues", "Issues 2", "Issues 3", "By rule"]  # six issues, two a sheet
    listed = [row for name in book.sheetnames[:3] for row in book[name].iter_rows(min_row=2, values_only=True)]
    assert [(r[4], r[3]) for r in listed] == [(i.rule, i.row) for i in report.all_issues()]
    assert all(book[name]["A1"].value == "Child" for name in book.sheetnames[:3])


@pytest.mark.usefixtures("small_sample")
def test_reading_problems_come_first_and_are_counted(tmp_path: Path) -> None:
    data = clean_return()
    for child in data["child"]:
        child["date_of_birth"] = "31/02/2015"  # not a date: each Header row is refused (rule 102)
    report = validate_paths([write_return(tmp_path, data)])
    problems = [i for i in report.all_issues() if i.rule == "102"]
    assert len(problems) == 5 and {r["rule"]: r["issues"] for r in report.rule_summary()}["102"] == 5
    assert [i.rule for i in report.issues] == ["102"] * 3  # listed before any rule's issues
    assert report.issue_count == sum(r["issues"] for r in report.rule_summary()) > 5


def test_the_log_folder_goes_with_the_report() -> None:
    report = _six_issues()
    folder = report.log.folder
    assert folder.is_dir()
    report.log.close()
    assert not folder.exists()
