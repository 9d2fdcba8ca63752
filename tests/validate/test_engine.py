"""The engine: rulesets by year, a crashing rule reported as not run, reading problems as issues,
and validating files end to end."""

from __future__ import annotations

import dataclasses
from contextlib import nullcontext
from pathlib import Path

import pytest

from lineofsight.errors import UserError
from lineofsight.formats.csv_tables import write_table
from lineofsight.formats.result import Problem
from lineofsight.model import TABLES
from lineofsight.store import Store
from lineofsight.validate import engine, rules, validate_paths, validate_store
from lineofsight.validate.build import rule
from lineofsight.validate.rules import ruleset, version

from .clean_903 import LA, YEAR, Return, clean_return, previous_return, store_of, with_previous

STORE = Store()  # shared by the tests here: building a store's calendar is the slow part


def write_return(folder: Path, data: Return, year: int = YEAR) -> Path:
    """The return as the DfE's CSV files in a folder named <LA>_<year>, as councils send them."""
    target = folder / f"{LA}_{year}"
    target.mkdir()
    for name, rows in data.items():
        write_table(target / f"{TABLES[name].source_name}.csv", TABLES[name], rows)
    return target


def test_ruleset_by_year_adds_and_retires_rules() -> None:
    codes_2026 = {r.code for r in ruleset(2026, "ssda903")}
    codes_2025 = {r.code for r in ruleset(2025, "ssda903")}
    assert {"444", "454", "226", "233", "234", "SW17STG2"} <= codes_2026 - codes_2025  # new in 2025/26
    assert "SW15STG2" in codes_2025 and "SW01STG1" not in {r.code for r in ruleset(2023, "ssda903")}
    assert version(2026, "ssda903").startswith("2025/26-r1+") and version(2026, "ssda903") != version(2025, "ssda903")


def test_a_retired_rule_leaves_the_ruleset(monkeypatch: pytest.MonkeyPatch) -> None:
    old = rule("999", "child", ("SEX",), "retired", "t.sex = 'M'", last_year=2025)
    monkeypatch.setattr(rules, "all_rules", lambda: (old,))
    assert rules.ruleset(2025) == [old]
    assert rules.ruleset(2026) == []


def test_a_rule_that_crashes_is_reported_as_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = rule("900", "child", ("SEX",), "broken", "t.no_such_column = 1")
    good = rule("901", "child", ("SEX",), "every boy", "t.sex = 'M'")
    monkeypatch.setattr(rules, "all_rules", lambda: (broken, good))
    with nullcontext(store_of(clean_return(), STORE)) as store:
        report = validate_store(store, LA, YEAR)
    assert [n.rule for n in report.not_run] == ["900"]
    assert "no_such_column" in report.not_run[0].error
    assert report.rules_run == 1
    # C2, C4 and C5 are boys in the clean return
    assert sorted(i.child for i in report.issues if i.rule == "901") == ["C2", "C4", "C5"]


def test_issue_carries_file_row_child_and_field_values() -> None:
    data = clean_return()
    data["episode"][2]["legal_status"] = "Q1"  # C2's episode, the third row: CSV row 4 counting the header
    with nullcontext(store_of(data, STORE)) as store:
        report = validate_store(store, LA, YEAR, "ssda903")
    issue = next(i for i in report.issues if i.rule == "144")
    assert (issue.file, issue.table, issue.row, issue.child) == ("Episodes.csv", "episode", 4, "C2")
    assert issue.fields == ("LS",) and issue.values == ("Q1",)


def test_values_of_fields_from_the_header_are_shown() -> None:
    data = clean_return()
    data["episode"][2]["legal_status"] = "J1"  # C2 is 5: too young for J1 (358)
    with nullcontext(store_of(data, STORE)) as store:
        report = validate_store(store, LA, YEAR, "ssda903")
    issue = next(i for i in report.issues if i.rule == "358")
    assert dict(zip(issue.fields, issue.values, strict=True)) == {
        "DECOM": "01/07/2025",
        "DOB": "10/03/2020",
        "LS": "J1",
    }


def test_reading_problem_is_reported_under_the_dfe_type_rule() -> None:
    rules.all_rules()
    problem = Problem("Episodes.csv", "episode", 5, "C7", "DECOM", "31/02/2025", "DECOM '31/02/2025' is not a date")
    issue = engine.problem_issue(problem)
    assert (issue.rule, issue.row, issue.child, issue.values) == ("141", 5, "C7", ("31/02/2025",))
    unknown = dataclasses.replace(problem, table=None, field=None, rule="file")
    assert engine.problem_issue(unknown).rule == "file"


def test_validate_paths_end_to_end(tmp_path: Path) -> None:
    data = clean_return()
    data["child"][1]["sex"] = "3"
    folder = write_return(tmp_path, data)
    episodes = folder / "Episodes.csv"
    episodes.write_text(episodes.read_text().replace("01/07/2025", "31/02/2025", 1))
    report = validate_paths([folder], previous=[write_return(tmp_path, previous_return(), YEAR - 1)])
    assert (report.council, report.year) == (LA, YEAR)
    # 5 + 6 + 5 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 4 rows in the eleven tables = 28; one episode rejected
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (28, 27, 1)
    found = {(i.rule, i.child) for i in report.issues}
    assert ("141", "C2") in found and ("101", "C2") in found
    assert report.not_run == []


def test_nothing_readable_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("hello,world\n1,2\n")
    with pytest.raises(UserError):
        validate_paths([tmp_path / "notes.csv"], YEAR, LA)


def test_shared_fragments_give_the_same_issues_as_each_rule_alone() -> None:
    """The engine computes shared fragments once; each rule run on its own must agree."""
    from .cases_903 import CASES

    codes = ("142", "433", "504", "607", "191", "1007", "543", "SW11aSTG2", "383", "502", "503B", "503G")
    data = with_previous(clean_return())
    for code in codes:
        CASES[code][0](data)
    with nullcontext(store_of(data, STORE)) as store:
        report = validate_store(store, LA, YEAR, "ssda903")
        alone = [i for r in ruleset(YEAR, "ssda903") for i in engine.run_rule(store, r, LA, YEAR)]
    assert sorted(map(repr, report.issues)) == sorted(map(repr, alone))
    assert set(codes) <= {i.rule for i in alone}
