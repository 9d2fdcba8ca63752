"""The catalogue, compute() across councils and years, the audited children() and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.errors import UserError
from lineofsight.indicators import Area, catalogue, children, compute, get
from lineofsight.store import Store, audit

from .rows import put

IDS = [
    "cin.referrals_rate",
    "cin.rereferrals_12m",
    "cin.assessments_45wd",
    "cp.s47_icpc_15wd",
    "cp.plans_rate",
    "cp.plans_2y_plus",
    "cp.second_plan",
    "cp.reviews_on_time",
    "cla.rate",
    "cla.stability_3plus",
    "cla.stability_long_term",
    "cla.placed_20_miles",
    "cla.missing",
    "cla.health_assessments",
    "cla.dental_checks",
    "cla.immunisations",
    "cla.sdq_mean",
    "adoption.a1",
    "adoption.a2",
    "adoption.a10",
    "adoption.a1_3y",
    "adoption.a2_3y",
    "adoption.a10_3y",
    "leavers.in_touch",
    "leavers.suitable_accommodation",
    "leavers.eet_17_18",
    "leavers.eet_19_21",
    "workforce.turnover",
    "workforce.agency",
    "workforce.vacancy",
    "workforce.caseload",
    "workforce.absence",
    "workforce.experience_3y",
    "missing.rhi_offered",
    "missing.rhi_accepted",
    "missing.rhi_72h",
]


def test_catalogue_is_exactly_the_issue_set_and_fully_described() -> None:
    found = catalogue()
    assert sorted(i.id for i in found) == sorted(IDS)
    assert [i.id for i in found] == [i.id for i in catalogue()]  # stable order
    for i in found:
        assert i.title and i.numerator and i.denominator and i.cohort and i.period and i.source, i.id
        assert isinstance(i.area, Area) and i.area.label
        assert i.unit in ("percent", "per_10000", "days", "count", "ratio", "score")
        assert i.polarity in ("higher", "lower", None)
    assert get("adoption.a1").threshold == 426.0


def test_unknown_indicator_names_close_matches() -> None:
    with pytest.raises(UserError, match=r"cin\.assessments_45wd"):
        get("cin.assessment_45wd")


def two_council_store() -> Store:
    store = Store()
    for la, year, dates in (("201", 2026, ["2025-06-02"]), ("202", 2026, ["2025-06-02", "2025-05-01"])):
        put(
            store,
            "assessment",
            [
                {"child_id": f"K{n}", "referral_id": 1, "start_date": s, "authorisation_date": "2025-07-08"}
                for n, s in enumerate(dates)
            ],
            la=la,
            year=year,
        )
        store.record_load(la, year, "cin", "assessment", "cin.xml", len(dates), len(dates), 0)
    return store


def test_compute_every_loaded_council_year_and_no_value_for_an_empty_denominator() -> None:
    store = two_council_store()
    results = {(r.id, r.council): r for r in compute(store)}
    # 201: 2 Jun to 8 Jul 2025 = 26 working days (within); 202: that one and 1 May to 8 Jul (46, late)
    assert results["cin.assessments_45wd", "201"].value == 100.0
    assert results["cin.assessments_45wd", "202"].value == 50.0
    # CIN is loaded, but no section 47 enquiries: reported with no value rather than left out
    s47 = results["cp.s47_icpc_15wd", "201"]
    assert (s47.numerator, s47.denominator, s47.value) == (0, 0, None)
    assert ("cla.rate", "201") not in results  # SSDA903 not loaded
    assert [r.council for r in compute(store, council="202", ids=["cin.assessments_45wd"])] == ["202"]


def test_children_writes_the_audit_log_first() -> None:
    store = two_council_store()
    members = children(store, "cin.assessments_45wd", "202", 2026, "jo.analyst", "team meeting")
    assert [(m.child_id, m.in_numerator, m.in_denominator, m.value) for m in members] == [
        ("K1", False, True, 46.0),
        ("K0", True, True, 26.0),
    ]
    assert str(members[0].detail["start_date"]) == "2025-05-01"
    (entry,) = audit.entries(store)
    assert (entry["username"], entry["action"], entry["subject"], entry["la_code"]) == (
        "jo.analyst",
        "list_children",
        "cin.assessments_45wd",
        "202",
    )
    assert "team meeting" in str(entry["detail"])


def test_cli_json_csv_and_children(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    store = two_council_store()
    store.con.execute(f"ATTACH '{db}' AS f")
    store.con.execute("COPY FROM DATABASE memory TO f")
    store.close()
    runner = CliRunner()
    out = runner.invoke(app, ["indicators", "--db", str(db), "--council", "202", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = {r["id"]: r for r in json.loads(out.output)}
    assert rows["cin.assessments_45wd"] == {
        "id": "cin.assessments_45wd",
        "title": "Assessments completed within 45 working days",
        "council": "202",
        "period": 2026,
        "numerator": 1.0,
        "denominator": 2.0,
        "value": 50.0,
        "unit": "percent",
        "polarity": "higher",
    }
    out = runner.invoke(app, ["indicators", "--db", str(db), "--format", "csv"])
    assert out.output.splitlines()[0] == "id,title,council,period,numerator,denominator,value,unit"
    out = runner.invoke(
        app, ["children", "--db", str(db), "--indicator", "cin.assessments_45wd", "--council", "202", "--user", "sam"]
    )
    assert out.exit_code == 0, out.output
    assert "K1" in out.output and "K0" in out.output
    with Store(db) as reopened:
        assert [e["username"] for e in audit.entries(reopened)] == ["sam"]
    out = runner.invoke(app, ["indicators", "--list", "--format", "json"])
    assert len(json.loads(out.output)) == 36


def test_reference_docs_are_derived_from_every_declaration() -> None:
    from lineofsight.indicators import docs

    text = docs.markdown()
    for i in catalogue():
        assert f"(`{i.id}`)" in text
        assert all(choice in text for choice in i.choices)
    assert "2013-16 threshold: 14 months (426 days)" in text
    out = CliRunner().invoke(app, ["indicators", "--list", "--format", "markdown"])
    assert out.exit_code == 0 and out.output == text


def test_a_council_code_is_checked_before_it_reaches_sql() -> None:
    with pytest.raises(UserError, match="not a council code"):
        compute(Store(), council="1' OR '1'='1")


def test_cli_errors_are_one_plain_line(tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["indicators", "--db", str(tmp_path / "none.duckdb")])
    assert isinstance(out.exception, UserError) and "no such store file" in str(out.exception)
    out = runner.invoke(app, ["children", "--db", str(tmp_path / "none.duckdb"), "--indicator", "cla.rates"])
    assert isinstance(out.exception, UserError) and "cla.rate" in str(out.exception)


def test_table_output_for_people(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    store = two_council_store()
    store.con.execute(f"ATTACH '{db}' AS f")
    store.con.execute("COPY FROM DATABASE memory TO f")
    store.close()
    out = CliRunner().invoke(app, ["indicators", "--db", str(db), "--council", "201"], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    line = next(x for x in out.output.splitlines() if "Assessments completed within 45" in x)
    assert "100.0%" in line and "201" in line
    assert "no data" in next(x for x in out.output.splitlines() if "15 working days" in x)
