"""Every CIN census rule: silent on a clean census, and firing on the row a mutation breaks.

The clean census is written as real CIN census XML by the formats writer and
loaded through the store's loader, so the rules see exactly what a council's
file would give them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lineofsight.formats.cin_census import write_census
from lineofsight.model import cin
from lineofsight.store import Store
from lineofsight.store.load import load_file
from lineofsight.validate import rules
from lineofsight.validate.engine import run_rule, validate_paths
from lineofsight.validate.rule import Rule

from .cases import CASES, Case
from .census import LA, YEAR, children, d


def cin_rules() -> list[Rule]:
    """The 2025/26 CIN ruleset, as the engine's registry discovers it."""
    return rules.ruleset(YEAR, "cin")


RULES = {rule.code: rule for rule in cin_rules()}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("cin") / "census.xml"
    assert write_census(path, LA, YEAR, children()) == 5
    with Store() as db:
        result = load_file(db, path, None, None, 10_000_000)
        assert not result.problems, result.problems
        yield db


def fired(store: Store, rule: Rule) -> set[tuple[str | None, int | None]]:
    """The (file, row) of each issue the engine reports for the rule."""
    return {(issue.file, issue.row) for issue in run_rule(store, rule, LA, YEAR)}


def test_clean_census_loaded_whole(store: Store) -> None:
    # 5 children, 6 episodes (C2 has two), 5 assessments, 2 CP plans with 3 reviews in all.
    counts = {t: store.count(t) for t in ("cin_child", "referral", "assessment", "protection_plan_review")}
    assert counts == {"cin_child": 5, "referral": 6, "assessment": 5, "protection_plan_review": 3}


def test_there_are_at_least_70_cin_rules_with_unique_codes() -> None:
    assert not {m for m in rules.BROKEN if m.startswith("cin_")}, rules.BROKEN
    codes = [r.code for r in cin_rules()]
    assert len(codes) >= 70
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_silent_on_clean_census(store: Store, code: str) -> None:
    assert fired(store, RULES[code]) == set()


@pytest.mark.parametrize("item", CASES, ids=[c.code for c in CASES])
def test_rule_fires_on_the_broken_row(store: Store, item: Case) -> None:
    rule = RULES[item.code]
    store.con.begin()
    try:
        for statement in item.mutation:
            store.con.execute(statement)
        expected = store.query(
            f"SELECT source_file, source_row FROM {rule.table} WHERE la_code = ? AND collection_year = ? "
            f"AND ({item.expect})",
            [LA, YEAR],
        )
        got = fired(store, rule)
    finally:
        store.con.rollback()
    assert expected, f"the selector for {item.code} names no row"
    assert set(expected) <= got


def test_every_cin_rule_has_a_firing_case() -> None:
    covered = {c.code for c in CASES}
    assert set(RULES) - covered == set()
    assert covered - set(RULES) == set(), "cases for rules that do not exist"
    assert len(CASES) == len(covered), "one case per rule"


def test_validate_reports_a_broken_census_file_end_to_end(tmp_path: Path) -> None:
    broken = children()
    # C1's episode closed 20 April 2025, before its referral on 1 May 2025: rule 8630.
    broken[0]["referrals"][0]["referral"]["closure_date"] = d("2025-04-20")
    path = tmp_path / "census.xml"
    write_census(path, LA, YEAR, broken)
    report = validate_paths([path])
    found = [i for i in report.issues if i.rule == "8630"]
    assert len(found) == 1
    issue = found[0]
    assert (issue.file, issue.table, issue.child) == ("census.xml", "referral", "C1")
    assert dict(zip(issue.fields, issue.values, strict=True)) == {
        "CINreferralDate": "01/05/2025",
        "CINclosureDate": "20/04/2025",
    }


def test_validate_finds_nothing_in_the_clean_census_file(tmp_path: Path) -> None:
    path = tmp_path / "census.xml"
    write_census(path, LA, YEAR, children())
    report = validate_paths([path])
    assert [i for i in report.issues if i.rule in RULES] == []
    assert not [n for n in report.not_run if n.rule in RULES]


def test_an_unreadable_referral_date_is_reported_under_8600(tmp_path: Path) -> None:
    broken = children()
    broken[0]["referrals"][0]["referral"]["referral_date"] = "2025-02-30"  # no 30 February
    path = tmp_path / "census.xml"
    write_census(path, LA, YEAR, broken)
    report = validate_paths([path])
    found = [i for i in report.issues if i.rule == "8600"]
    assert [(i.child, i.values) for i in found] == [("C1", ("2025-02-30",))]


def test_every_coded_or_mandatory_cin_field_is_checked_by_some_rule() -> None:
    checked = {field for rule in cin_rules() for field in rule.fields}
    wanted = {c.source for t in cin.TABLES for c in t.columns if c.source and (c.codes or c.required)}
    assert wanted - checked == set()
