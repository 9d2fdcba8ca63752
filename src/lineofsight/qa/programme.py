"""Audit programmes: which cases to audit, drawn at random (seeded) or by theme.

A theme is a query on the store returning the children who fit it in a
collection year, with the area of practice the audit belongs to. The draw is
seeded so the same programme can be drawn again and checked.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lineofsight.errors import UserError
from lineofsight.model.qa import AUDIT_PROGRAMME
from lineofsight.qa.audits import save_audits
from lineofsight.qa.csvio import collection_year
from lineofsight.store import Store

# Every query takes $council, $start and $end (the collection year's first and last day).
_OPEN_CIN = """
SELECT DISTINCT child_id, 'help_and_protection' AS area FROM referral
WHERE la_code = $council AND collection_year = $year
  AND referral_date <= $end AND (closure_date IS NULL OR closure_date >= $start)"""
_OPEN_CLA = """
SELECT DISTINCT child_id, 'children_in_care' AS area FROM episode
WHERE la_code = $council AND collection_year = $year
  AND start_date <= $end AND (end_date IS NULL OR end_date >= $start)"""


@dataclass(frozen=True)
class Theme:
    name: str
    title: str
    sql: str


THEMES: dict[str, Theme] = {
    t.name: t
    for t in (
        Theme(
            "second_cp_plan",
            "Children on a second or subsequent child protection plan",
            """SELECT DISTINCT child_id, 'help_and_protection' AS area FROM protection_plan
            WHERE la_code = $council AND collection_year = $year AND previous_plans >= 1
              AND start_date <= $end AND (end_date IS NULL OR end_date >= $start)""",
        ),
        Theme(
            "three_placements",
            "Children in care with three or more placements in the year",
            # Placements start with a new period of care or a placement change (RNE S, P, B, T, U).
            """SELECT child_id, 'children_in_care' AS area FROM episode
            WHERE la_code = $council AND collection_year = $year
              AND start_date <= $end AND (end_date IS NULL OR end_date >= $start)
              AND reason_new_episode IN ('S', 'P', 'B', 'T', 'U')
            GROUP BY child_id HAVING count(*) >= 3""",
        ),
        Theme(
            "care_leavers_not_in_touch",
            "Care leavers the council is not in touch with",
            """SELECT DISTINCT child_id, 'care_leavers' AS area FROM care_leaver
            WHERE la_code = $council AND collection_year = $year AND in_touch IN ('NO', 'REFU')""",
        ),
        Theme(
            "random",
            "A random sample of children open to children's social care",
            f"SELECT * FROM ({_OPEN_CLA}) UNION SELECT * FROM ({_OPEN_CIN}) "
            "WHERE child_id NOT IN (SELECT child_id FROM episode WHERE la_code = $council AND collection_year = $year)",
        ),
    )
}


@dataclass(frozen=True)
class Programme:
    programme_id: str
    title: str
    theme: str
    month: dt.date
    seed: int
    cohort: int  # children who fit the theme
    audits: list[dict[str, str]]  # audit_id, child_id, area, auditor


def cohort(store: Store, council: str, year: int, theme: str) -> list[tuple[str, str]]:
    """(child_id, area) of every child who fits the theme, sorted so the seeded draw is stable."""
    if theme not in THEMES:
        raise UserError(f"unknown audit theme {theme!r}; choose one of {', '.join(THEMES)}")
    params = {
        "council": council,
        "year": year,
        "start": dt.date(year - 1, 4, 1),
        "end": dt.date(year, 3, 31),
    }
    sql = THEMES[theme].sql
    rows = store.query(f"SELECT child_id, min(area) FROM ({sql}) GROUP BY child_id ORDER BY child_id", params)
    return [(str(r[0]), str(r[1])) for r in rows]


def plan(
    store: Store,
    council: str,
    month: dt.date,
    theme: str,
    size: int,
    auditors: Sequence[str],
    seed: int = 1,
    year: int | None = None,
) -> Programme:
    """Draw a programme of `size` audits for the month and save it (audits planned, not yet graded)."""
    if size < 1:
        raise UserError("the programme needs at least one audit (--size)")
    if not auditors:
        raise UserError("name at least one auditor (--auditors)")
    month = month.replace(day=1)
    year = year or collection_year(month)
    children = cohort(store, council, year, theme)
    if not children:
        raise UserError(f"no children in council {council}'s {year} data fit the theme {theme!r}")
    chosen = sorted(random.Random(seed).sample(children, min(size, len(children))))
    programme_id = f"{council}-{month:%Y-%m}-{theme}-{seed}"
    audits = [
        {"audit_id": f"{programme_id}-{i:03d}", "child_id": child, "area": area, "auditor": auditors[i % len(auditors)]}
        for i, (child, area) in enumerate(chosen)
    ]
    title = THEMES[theme].title
    with store.transaction():
        store.con.execute("DELETE FROM audit_programme WHERE la_code = ? AND programme_id = ?", [council, programme_id])
        names = [c.name for c in AUDIT_PROGRAMME.all_columns]
        values = [council, collection_year(month), "plan", None, programme_id, title, theme, month, seed]
        store.con.execute(
            f"INSERT INTO audit_programme ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", values
        )
        records: list[tuple[dict[str, Any], dict[str, str]]] = [
            ({**_blank_audit(), **a, "programme_id": programme_id}, {}) for a in audits
        ]
        save_audits(store, council, records, "plan")
    return Programme(programme_id, title, theme, month, seed, len(children), audits)


def _blank_audit() -> dict[str, object]:
    return {
        "team": None,
        "audit_date": None,
        "overall_grade": None,
        "findings": None,
        "moderator": None,
        "moderation_date": None,
        "moderated_grade": None,
        "moderation_comment": None,
    }
