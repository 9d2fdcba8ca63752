"""Local targets and managers' commentary: set, read, and a figure rated against its target.

A manager sets them (the web checks the role); each change is a new row in the store (model/management.py)
and an entry in the audit log, so who set what and when is never lost.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from lineofsight.benchmark.compare import Rating
from lineofsight.errors import UserError
from lineofsight.indicators import Indicator, get
from lineofsight.indicators.indicator import fmt_value
from lineofsight.model.management import COMMENTARY, TARGET
from lineofsight.store import Store, audit

# Short of the target by no more than this share of it is amber; further is red (the benchmark rule's tenth).
AMBER_SHARE = 0.1
MAX_COMMENTARY = 4000


@dataclass(frozen=True)
class Commentary:
    text: str
    written_by: str
    written_at: dt.datetime


def set_target(store: Store, council: str, indicator_id: str, target: float | None, username: str) -> None:
    """Set (or with None remove) the council's local target for an indicator, and audit it."""
    declared = get(indicator_id)
    if target is not None:
        if not math.isfinite(target) or target < 0:
            raise UserError(f"a target for {declared.title} must be a number of 0 or more")
        if declared.unit == "percent" and target > 100:
            raise UserError(f"{declared.title} is a percentage: its target must be between 0 and 100")
    store.con.execute(
        f"INSERT INTO {TARGET.name} VALUES (?, ?, ?, ?, ?)",
        [council, indicator_id, target, username, dt.datetime.now()],
    )
    shown = "removed" if target is None else fmt_value(target, declared.unit)
    audit.record(store, username, "set_target", indicator_id, council, f"target={shown}")


def targets(store: Store, council: str) -> dict[str, float]:
    """The targets in force for the council, by indicator (a removed target is absent)."""
    rows = store.query(  # the latest row of each, even when its target is blank (arg_max would skip it)
        "SELECT indicator_id, target FROM (SELECT indicator_id, target, "
        f"row_number() OVER (PARTITION BY indicator_id ORDER BY set_at DESC) AS latest FROM {TARGET.name} "
        "WHERE la_code = ?) t WHERE latest = 1",
        [council],
    )
    return {str(i): float(t) for i, t in rows if t is not None}


def write_commentary(store: Store, council: str, year: int, indicator_id: str, text: str, username: str) -> None:
    """Record a manager's commentary on the figure for the year (the latest is shown), and audit it."""
    get(indicator_id)  # an unknown indicator is refused with its one-line error
    text = text.strip()
    if not text:
        raise UserError("the commentary is empty: write what the figure shows and what is being done")
    if len(text) > MAX_COMMENTARY:
        raise UserError(f"the commentary is {len(text):,} characters: keep it to {MAX_COMMENTARY:,}")
    store.con.execute(
        f"INSERT INTO {COMMENTARY.name} VALUES (?, ?, ?, ?, ?, ?)",
        [council, year, indicator_id, text, username, dt.datetime.now()],
    )
    audit.record(store, username, "write_commentary", indicator_id, council, f"year={year}")


def commentaries(store: Store, council: str, year: int) -> dict[str, Commentary]:
    """The latest commentary on each indicator for the council's year."""
    rows = store.query(
        "SELECT indicator_id, commentary, set_by, set_at FROM (SELECT indicator_id, commentary, set_by, set_at, "
        f"row_number() OVER (PARTITION BY indicator_id ORDER BY set_at DESC) AS latest FROM {COMMENTARY.name} "
        "WHERE la_code = ? AND collection_year = ?) c WHERE latest = 1",
        [council, year],
    )
    return {str(i): Commentary(str(t), str(by), at) for i, t, by, at in rows}


def rate(indicator: Indicator, value: float | None, target: float | None) -> Rating | None:
    """Green: the target is met. Amber: short of it by no more than a tenth of the target. Red: further short.
    None without a target; grey with no figure or no better direction."""
    if target is None:
        return None
    if value is None or indicator.polarity is None:
        why = "no figure" if value is None else "no better direction"
        return Rating("grey", f"Grey: {why} to rate against the target.")
    mine, theirs = fmt_value(value, indicator.unit), fmt_value(target, indicator.unit)
    better = f"({indicator.polarity} is better)"
    met = value >= target if indicator.polarity == "higher" else value <= target
    if met:
        return Rating("green", f"Green: {mine} meets the local target of {theirs} {better}.")
    if abs(value - target) <= AMBER_SHARE * abs(target):
        return Rating("amber", f"Amber: {mine} misses the local target of {theirs} by no more than a tenth of it "
                     f"{better}.")  # fmt: skip
    return Rating("red", f"Red: {mine} misses the local target of {theirs} by more than a tenth of it {better}.")
