"""Working days in England: weekends and England and Wales bank holidays excluded.

Bank holidays come from the maintained `holidays` package (subdivision ENG,
whose list is the England and Wales one, including the one-off days such as
19 September 2022). A working-day duration counts the working days after the
start date up to and including the end date, so a same-day completion is 0
days: this follows the DfE's C2 bands, which list "same day" apart from 1-10.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

import holidays

FIRST_YEAR, LAST_YEAR = 2000, 2040


@lru_cache(maxsize=1)
def bank_holidays() -> frozenset[dt.date]:
    days = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    return frozenset(days.keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays()


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (negative if end is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for d in _days(start + dt.timedelta(days=1), end) if is_working_day(d))


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date `n` working days after `start`."""
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        n -= is_working_day(day)
    return day


def calendar_rows() -> Iterator[tuple[dt.date, bool, int]]:
    """(date, is working day, working days since the calendar began), for the store's calendar table.

    The running count lets any engine compute working days with a join and a
    subtraction: working days from a to b = number(b) - number(a).
    """
    count = 0
    for day in _days(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)):
        working = is_working_day(day)
        count += working
        yield day, working, count


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    for n in range((last - first).days + 1):
        yield first + dt.timedelta(days=n)


def year_label(year: int) -> str:
    """A collection year as the DfE writes it: 2026 (1 April 2025 to 31 March 2026) is '2025/26'."""
    return f"{year - 1}/{year % 100:02d}"


def day_label(day: dt.date | None) -> str:
    """A date as GOV.UK writes it: '4 December 2026' (no leading zero); blank when unknown."""
    return f"{day.day} {day:%B %Y}" if day else ""
