"""Whatever a census holds, every CIN rule runs: blanks, odd dates and unknown codes never stop one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.formats.cin_census import write_census
from lineofsight.model import cin
from lineofsight.model.schema import ColumnType
from lineofsight.store import Store
from lineofsight.store.load import load_file
from lineofsight.validate import rules
from lineofsight.validate.engine import run_rule

from .census import LA, YEAR, children

# Every DfE field of every CIN table, as (table, column, type).
FIELDS = [(t.name, c.name, c.type) for t in cin.TABLES for c in t.columns if c.source]
TEXT = st.sampled_from(("", "U", "UN7", "RC2", "RC8", "N0", "true", "false", "21", "NONE", "K370123456789", "é'\""))
VALUE = {
    ColumnType.DATE: st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)),
    ColumnType.INTEGER: st.integers(-5, 99),
    ColumnType.TEXT: TEXT,
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("cin_robust") / "census.xml"
    write_census(path, LA, YEAR, children())
    with Store() as db:
        load_file(db, path, None, None, 10_000_000)
        yield db


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[str, str, object, str]]:
    chosen = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=8))
    return [
        (table, column, draw(st.one_of(st.none(), VALUE[kind])), draw(st.sampled_from(("C1", "C2", "C3", "C4", "C5"))))
        for table, column, kind in chosen
    ]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=edits())
def test_every_cin_rule_runs_on_a_randomly_edited_census(
    store: Store, changes: list[tuple[str, str, object, str]]
) -> None:
    store.con.begin()
    try:
        for table, column, value, child in changes:
            store.con.execute(f"UPDATE {table} SET {column} = ? WHERE child_id = ?", [value, child])
        for rule in rules.ruleset(YEAR, "cin"):
            for issue in run_rule(store, rule, LA, YEAR):  # a rule that raised would fail the test here
                assert issue.file == "census.xml" and issue.row, rule.code
    finally:
        store.con.rollback()
