"""Every SSDA903 rule: silent on a clean return (with last year's beside it), and fires on the
expected row of a mutation of it."""

from __future__ import annotations

import pytest

from lineofsight.store import Store
from lineofsight.validate import validate_store
from lineofsight.validate.engine import run_rule
from lineofsight.validate.report import ValidationReport
from lineofsight.validate.rules import ruleset

from .cases_903 import CASES
from .clean_903 import LA, YEAR, clean_return, store_of, with_previous

RULES_2026 = ruleset(YEAR, "ssda903")
BY_CODE = {r.code: r for r in RULES_2026}


@pytest.fixture(scope="module")
def store() -> Store:
    return Store()


def _validate(data: dict) -> ValidationReport:  # type: ignore[type-arg]
    with store_of(data) as store:
        return validate_store(store, LA, YEAR, "ssda903")


def test_at_least_150_ssda903_rules_with_unique_codes() -> None:
    codes = [r.code for r in RULES_2026]
    assert len(codes) >= 150
    assert len(set(codes)) == len(codes)


def test_no_rule_fires_on_the_clean_return() -> None:
    report = _validate(with_previous(clean_return()))
    assert report.not_run == []
    assert report.rules_run == len(RULES_2026)
    assert [(i.rule, i.table, i.child) for i in report.issues] == []


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_rule_is_silent_on_the_clean_return(code: str, store: Store) -> None:
    store_of(with_previous(clean_return()), store)
    assert run_rule(store, BY_CODE[code], LA, YEAR) == []


def test_every_rule_has_a_firing_case() -> None:
    assert sorted(r.code for r in RULES_2026 if r.code not in CASES) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_on_the_mutated_row(code: str, store: Store) -> None:
    mutate, table, child = CASES[code]
    data = with_previous(clean_return())
    mutate(data)
    store_of(data, store)
    hits = [(i.table, i.child) for i in run_rule(store, BY_CODE[code], LA, YEAR)]
    assert (table, child) in hits, f"rule {code} did not fire on {table} {child}; fired: {hits}"


@pytest.mark.parametrize(
    ("year", "sex", "fires"),
    [
        *[(2024, "1", False), (2024, "2", False), (2024, "M", True), (2024, "U", True), (2025, "1", True)],
        *[(2025, "M", False), (2025, "F", False), (2025, "U", False), (2026, "2", True), (2026, "F", False)],
    ],
)
def test_101_takes_the_sex_codes_of_the_year(year: int, sex: str, fires: bool, store: Store) -> None:
    """DfE SSDA903 guide: SEX is 1 (male) or 2 (female) up to 2023/24 and M, F or U from 2024/25."""
    data = clean_return()
    for row in data["child"]:
        row["sex"] = "1" if year <= 2024 else "M"
    data["child"][1]["sex"] = sex
    store_of(data, store, year)
    rule = {r.code: r for r in ruleset(year, "ssda903")}["101"]
    assert [i.child for i in run_rule(store, rule, LA, year)] == (["C2"] if fires else [])


def test_232_the_unknown_sex_query_starts_in_2024_25() -> None:
    assert "232" in {r.code for r in ruleset(2025, "ssda903")}
    assert "232" not in {r.code for r in ruleset(2024, "ssda903")}


@pytest.mark.parametrize(("rne", "fires"), [("P", False), ("B", False), ("T", True), ("U", True), ("L", True)])
def test_380_a_temporary_placement_begins_with_new_carers(rne: str, fires: bool, store: Store) -> None:
    """A temporary placement (T0-T4) is with other carers: RNE P or B, never a same-carer change (T, U)."""
    data = with_previous(clean_return())
    moved = [e for e in data["episode"] if e["child_id"] == "C1"][1]
    moved.update(placement_type="T2", reason_new_episode=rne, urn=None)
    store_of(data, store)
    assert [i.child for i in run_rule(store, BY_CODE["380"], LA, YEAR)] == (["C1"] if fires else [])
