"""The rules comparing a return with the council's return for the year before: what `@previous`
reads, the changes the DfE allows, which episode continues, and what happens when last year's
return is not loaded (each rule's own firing and clean cases are in cases_903 / test_rules_903)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.errors import UserError
from lineofsight.formats.cin_census import write_census
from lineofsight.store import Store
from lineofsight.validate import validate_paths, validate_store
from lineofsight.validate.build import scope
from lineofsight.validate.engine import run_rule
from lineofsight.validate.rules import ruleset

from .cin.census import children
from .clean_903 import LA, PREVIOUS, YEAR, Return, clean_return, previous_return, store_of, with_previous
from .test_engine import write_return

D = dt.date
RULES = ruleset(YEAR, "ssda903")
COMPARING = {r.code: r for r in RULES if r.compares_previous_year}
STORE = Store()  # shared: building a store's calendar is the slow part
NOT_LOADED = "the previous year's return (2024/25) is not loaded"


def _row(data: Return, table: str, child: str, n: int = 0) -> dict[str, object]:
    return [r for r in data[table] if r["child_id"] == child][n]


def _fires(code: str, data: Return, year: int = YEAR) -> list[str]:
    """The children whose rows the rule reports."""
    store_of(data, STORE, year)
    return sorted({i.child or "" for i in run_rule(STORE, COMPARING[code], LA, year)})


def test_previous_names_the_councils_rows_of_the_year_before() -> None:
    sql = scope("SELECT * FROM @previous.child p JOIN @child c USING (child_id)")
    assert "collection_year = $previous_year" in sql and "collection_year = $year" in sql
    assert COMPARING["202"].parameters(LA, YEAR) == {"la_code": LA, "year": YEAR, "previous_year": YEAR - 1}
    with pytest.raises(ValueError):
        scope("@previous.no_such_table")


def test_the_rules_comparing_years() -> None:
    assert {"202", "203", "204", "207", "208", "502", "503A", "503B", "503C", "503D", "503E", "503F"} <= set(COMPARING)
    assert not any(r.compares_previous_year for r in RULES if r.code in ("101", "142", "503"))


def test_without_last_years_return_they_are_reported_as_not_run() -> None:
    data = clean_return()
    _row(data, "child", "C1")["sex"] = "M"  # would break 202 were last year loaded
    report = validate_store(store_of(data, STORE), LA, YEAR, "ssda903")
    assert sorted((n.rule, n.error) for n in report.not_run) == sorted((c, NOT_LOADED) for c in COMPARING)
    assert report.rules_run == len(RULES) - len(COMPARING)
    assert not set(COMPARING) & ({i.rule for i in report.issues} | set(report.messages))


def test_validate_store_compares_with_the_stores_own_previous_year() -> None:
    data = with_previous(clean_return())
    _row(data, PREVIOUS + "child", "C1")["sex"] = "M"
    report = validate_store(store_of(data, STORE), LA, YEAR, "ssda903")
    assert report.not_run == []
    assert [(i.rule, i.child, i.values) for i in report.issues] == [("202", "C1", ("F",))]


@pytest.mark.parametrize(
    ("last", "now", "fires"), [("2", "F", False), ("1", "M", False), ("1", "F", True), ("F", "F", False)]
)
def test_202_reads_sex_across_the_2024_25_recoding(last: str, now: str, fires: bool) -> None:
    """2023/24 coded SEX 1/2, 2024/25 M/F/U (DfE SSDA903 guide, rule 101): last year's 2 is this year's F."""
    data = with_previous(clean_return())
    _row(data, "child", "C1")["sex"] = now
    _row(data, PREVIOUS + "child", "C1")["sex"] = last
    assert _fires("202", data, 2025) == (["C1"] if fires else [])


@pytest.mark.parametrize(
    ("last", "now", "fires"),
    [
        ("UN1", "A123456789012", False),  # found once of school age
        ("UN4", "A123456789012", False),
        (None, "A123456789012", False),
        ("UN1", "UN3", False),  # another reason for not knowing it
        (None, "UN4", False),
        ("a123456789012", "A123456789012", False),  # the same UPN
        ("B123456789012", "A123456789012", True),  # a different UPN
        ("A123456789012", "UN1", True),  # a UPN lost
        ("A123456789012", None, True),
        ("UN4", "UN3", True),
        ("UN1", None, True),
        (None, "UN1", True),
    ],
)
def test_upn_may_change_only_from_unknown(last: str | None, now: str | None, fires: bool) -> None:
    data = with_previous(clean_return())
    _row(data, PREVIOUS + "child", "C1")["upn"] = last
    _row(data, "child", "C1")["upn"] = now
    assert _fires("208", data) == (["C1"] if fires else [])


@pytest.mark.parametrize(
    ("year", "last", "now", "fires"),
    [
        (2026, "Z1", "Z11", False),  # Z1 split into Z11 to Z14 in 2025/26
        (2026, "Z1", "Z14", False),
        (2026, "U4", "Z11", True),
        (2025, "H5", "K3", False),  # supported accommodation, registered from 2023/24
        (2026, "H5", "K3", True),
    ],
)
def test_a_placement_the_dfe_recoded_continues(year: int, last: str, now: str, fires: bool) -> None:
    data = with_previous(clean_return())
    _row(data, PREVIOUS + "episode", "C1")["placement_type"] = last
    _row(data, "episode", "C1")["placement_type"] = now
    assert _fires("503D", data, year) == (["C1"] if fires else [])


def test_only_the_episode_still_open_at_the_end_of_last_year_is_continued() -> None:
    closed = with_previous(clean_return())
    _row(closed, PREVIOUS + "episode", "C1").update(
        end_date=D(2025, 3, 1), reason_episode_ceased="E13", legal_status="V2", placement_type="U1"
    )
    assert _fires("503B", closed) == _fires("503D", closed) == _fires("502", closed) == []
    earlier = with_previous(clean_return())  # an earlier, ended episode last year is not compared
    first = dict(_row(earlier, PREVIOUS + "episode", "C1"), start_date=D(2023, 10, 1), legal_status="V2")
    earlier[PREVIOUS + "episode"].insert(0, dict(first, end_date=D(2024, 1, 15), reason_episode_ceased="X1"))
    assert _fires("503B", earlier) == []
    earlier[PREVIOUS + "episode"].reverse()  # whatever order the file lists them in
    assert _fires("503B", earlier) == []


def test_mother_status_is_compared_only_for_children_looked_after_this_year() -> None:
    data = with_previous(clean_return())
    _row(data, PREVIOUS + "child", "C3")["mother"] = "1"  # C3 is a care leaver: no episodes this year
    _row(data, PREVIOUS + "child", "C1")["mother"] = "1"
    assert _fires("207", data) == ["C1"]


def test_validate_paths_loads_last_years_files_under_the_year_before(tmp_path: Path) -> None:
    last = previous_return()
    _row(last, "episode", "C4")["legal_status"] = "C1"
    report = validate_paths([write_return(tmp_path, clean_return())], previous=[write_return(tmp_path, last, 2025)])
    assert report.not_run == []
    assert [(i.rule, i.child, i.values) for i in report.issues if i.rule in COMPARING] == [("503B", "C4", ("C2",))]
    assert report.rows_read == 28  # this year's rows: last year's are read only to compare with


def test_validate_paths_refuses_last_years_files_of_another_year(tmp_path: Path) -> None:
    current = write_return(tmp_path, clean_return())
    census = tmp_path / "census.xml"  # a file naming its own year: 2023/24
    write_census(census, LA, YEAR - 2, children())
    with pytest.raises(UserError, match=r"2023/24.*2024/25"):
        validate_paths([current], previous=[census])


def test_cli_previous(tmp_path: Path) -> None:
    last = previous_return()
    _row(last, "child", "C4")["date_of_birth"] = D(2021, 6, 2)
    current = str(write_return(tmp_path, clean_return()))
    previous = str(write_return(tmp_path, last, 2025))
    runner = CliRunner()
    result = runner.invoke(app, ["validate", current, "--previous", previous, "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["not_run"] == [] and out["rows_read"] == 28  # the rows of this year's return
    compared = [(i["rule"], i["child"], i["values"]) for i in out["issues"] if i["rule"] in COMPARING]
    assert compared == [("203", "C4", ["01/06/2021"])]
    alone = runner.invoke(app, ["validate", current])
    assert alone.exit_code == 0, alone.output
    assert f"{len(COMPARING)} rules comparing with last year" in alone.stdout and "--previous" in alone.stdout
    missing = runner.invoke(app, ["validate", current, "--previous", str(tmp_path / "nowhere")])
    assert isinstance(missing.exception, UserError) and "nowhere" in str(missing.exception)  # main() prints it
