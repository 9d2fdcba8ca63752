"""Every CIN census rule: silent on a clean census, and firing on the row a mutation breaks.

The clean census is written as real CIN census XML by the formats writer and
loaded through the store's loader, so the rules see exactly what a council's
file would give them.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import lineofsight.validate.rules as rules_package
from lineofsight.formats.cin_census import write_census
from lineofsight.store import Store
from lineofsight.store.load import load_file
from lineofsight.validate.rule import Rule

from .cases import CASES, Case
from .census import LA, YEAR, children


def cin_rules() -> list[Rule]:
    found: list[Rule] = []
    for module in pkgutil.iter_modules(rules_package.__path__):
        if module.name.startswith("cin_"):
            loaded = importlib.import_module(f"{rules_package.__name__}.{module.name}")
            found.extend(r for r in getattr(loaded, "RULES", ()) if r.dataset == "cin")
    return found


RULES = {rule.code: rule for rule in cin_rules()}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("cin") / "census.xml"
    assert write_census(path, LA, YEAR, children()) == 5
    with Store() as db:
        result = load_file(db, path, None, None, 10_000_000)
        assert not result.problems, result.problems
        yield db


def fired(store: Store, rule: Rule) -> set[tuple[str, int]]:
    rows = store.con.execute(rule.sql, rule.parameters(LA, YEAR)).fetchall()
    return {(file, row) for file, row, *_ in rows}


def test_clean_census_loaded_whole(store: Store) -> None:
    # 5 children, 6 episodes (C2 has two), 5 assessments, 2 CP plans with 3 reviews in all.
    counts = {t: store.count(t) for t in ("cin_child", "referral", "assessment", "protection_plan_review")}
    assert counts == {"cin_child": 5, "referral": 6, "assessment": 5, "protection_plan_review": 3}


def test_there_are_at_least_70_cin_rules_with_unique_codes() -> None:
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
