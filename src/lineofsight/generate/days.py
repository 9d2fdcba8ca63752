"""Fast working-day arithmetic for the simulation (the same days as lineofsight.calendar)."""

from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache

from lineofsight.calendar import calendar_rows


@lru_cache(maxsize=1)
def _working_days() -> list[int]:
    return [day.toordinal() for day, working, _ in calendar_rows() if working]


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date `n` working days after `start` (as lineofsight.calendar.add_working_days, by lookup)."""
    if n <= 0:
        return start
    days = _working_days()
    return dt.date.fromordinal(days[bisect.bisect_right(days, start.toordinal()) + n - 1])
