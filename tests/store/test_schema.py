"""The store is built from the model: every table, with council and year."""

import datetime as dt

from lineofsight import calendar
from lineofsight.model import TABLES
from lineofsight.store import Store


def test_every_model_table_exists_with_council_and_year() -> None:
    store = Store()
    for table in TABLES.values():
        cols = [r[0] for r in store.query(f"DESCRIBE {table.name}")]
        assert cols == [c.name for c in table.all_columns]
        if table.provenance:
            assert cols[:2] == ["la_code", "collection_year"]


def test_calendar_counts_working_days_like_the_python_function() -> None:
    store = Store()
    # Friday 16 September 2022 to Tuesday 20 September 2022: the weekend and the
    # Queen's state funeral (Monday 19th) are not working days, so 1 working day.
    start, end = dt.date(2022, 9, 16), dt.date(2022, 9, 20)
    row = store.query(
        "SELECT e.working_day_number - s.working_day_number FROM calendar s, calendar e WHERE s.day = ? AND e.day = ?",
        [start, end],
    )
    assert row[0][0] == 1 == calendar.working_days_between(start, end)


def test_add_working_days_skips_christmas() -> None:
    # Friday 22 December 2023 + 2 working days: 25th and 26th are bank holidays -> Thursday 28th.
    assert calendar.add_working_days(dt.date(2023, 12, 22), 2) == dt.date(2023, 12, 28)
