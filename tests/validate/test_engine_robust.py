"""Property: whatever values a return holds, every rule runs and every issue points at a real row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.model import TABLES
from lineofsight.model.schema import ColumnType
from lineofsight.store import Store
from lineofsight.validate import validate_store

from .clean_903 import LA, PREVIOUS, YEAR, clean_return, store_of, with_previous

STORE = Store()  # one store for every example: building the calendar is the slow part
TEXT = st.one_of(st.none(), st.sampled_from(["", "X1", "S", "U4", "0", "1", "'", "PN0", "=1+1"]), st.text(max_size=6))
VALUES = {
    ColumnType.TEXT: TEXT,
    ColumnType.DATE: st.one_of(st.none(), st.dates(dt.date(1899, 1, 1), dt.date(2101, 12, 31))),
    ColumnType.INTEGER: st.one_of(st.none(), st.integers(-5, 60)),
}
TABLE_NAMES = sorted(with_previous(clean_return()))  # this year's tables and last year's


@st.composite
def changes(draw: st.DrawFn) -> list[tuple[str, int, str, Any]]:
    out = []
    for _ in range(draw(st.integers(1, 6))):
        name = draw(st.sampled_from(TABLE_NAMES))
        table = TABLES[name.removeprefix(PREVIOUS)]
        column = draw(st.sampled_from([c for c in table.columns if c.type in VALUES]))
        out.append((name, draw(st.integers(0, 5)), column.name, draw(VALUES[column.type])))
    return out


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes())
def test_every_rule_runs_and_issues_point_at_rows(edits: list[tuple[str, int, str, Any]]) -> None:
    data = with_previous(clean_return())
    for table, n, column, value in edits:
        rows = data[table]
        rows[n % len(rows)][column] = value
    store_of(data, STORE)
    report = validate_store(STORE, LA, YEAR, "ssda903")
    assert report.not_run == []
    for issue in report.issues:
        assert issue.table is not None and issue.row is not None
        assert 2 <= issue.row < 2 + len(data[issue.table])
        assert len(issue.values) == len(issue.fields)
