"""Summaries of case audits: share good or better, moderation agreement, overdue actions.

Only graded audits count towards shares; planned audits are counted apart so a
programme's progress shows without diluting the quality figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from lineofsight.model.qa import AREA, DOMAIN
from lineofsight.qa.stats import Share, cohen_kappa
from lineofsight.store import Store


@dataclass(frozen=True)
class GroupShare:
    group: str  # team, area of practice or month (YYYY-MM)
    label: str
    good: Share  # audits graded good or better of audits graded


@dataclass(frozen=True)
class Moderation:
    moderated: int
    agreed: int
    kappa: float | None  # Cohen's kappa over the four grades

    @property
    def agreement(self) -> Share:
        return Share(self.agreed, self.moderated)


@dataclass(frozen=True)
class AuditSummary:
    council: str
    graded: int
    planned: int
    good: Share
    by_team: list[GroupShare]
    by_area: list[GroupShare]
    by_month: list[GroupShare]
    by_domain: list[GroupShare]
    moderation: Moderation
    actions_open: int
    actions_overdue: int
    actions_completed: int


def _where(year: int | None) -> str:
    return "la_code = $council" + (" AND collection_year = $year" if year else "")


def _shares(
    store: Store, expr: str, council: str, year: int | None, label: Callable[[str], str] = str
) -> list[GroupShare]:
    rows = store.query(
        f"""SELECT {expr} AS g, count(*) FILTER (WHERE overall_grade IN ('1', '2')), count(*)
        FROM audit WHERE {_where(year)} AND overall_grade IS NOT NULL GROUP BY g ORDER BY g""",
        _params(council, year),
    )
    return [GroupShare(str(g), label(str(g)), Share(int(k), int(n))) for g, k, n in rows]


def _month(group: str) -> str:
    """'2025-04' as 'April 2025'."""
    return dt.date.fromisoformat(f"{group}-01").strftime("%B %Y")


def _params(council: str, year: int | None) -> dict[str, object]:
    return {"council": council, "year": year} if year else {"council": council}


def summarise(store: Store, council: str, year: int | None = None, today: dt.date | None = None) -> AuditSummary:
    """Every audit figure for a council (and optionally one collection year)."""
    today = today or dt.date.today()
    params = _params(council, year)
    graded, good, planned = store.query(
        f"""SELECT count(*) FILTER (WHERE overall_grade IS NOT NULL),
                   count(*) FILTER (WHERE overall_grade IN ('1', '2')),
                   count(*) FILTER (WHERE overall_grade IS NULL)
        FROM audit WHERE {_where(year)}""",
        params,
    )[0]
    pairs = store.query(
        f"SELECT overall_grade, moderated_grade FROM audit WHERE {_where(year)} "
        "AND overall_grade IS NOT NULL AND moderated_grade IS NOT NULL",
        params,
    )
    domain = store.query(
        f"""SELECT domain, count(*) FILTER (WHERE grade IN ('1', '2')), count(*) FROM audit_grade
        WHERE {_where(year)} GROUP BY domain ORDER BY domain""",
        params,
    )
    open_, overdue, done = store.query(
        f"""SELECT count(*) FILTER (WHERE completed_date IS NULL),
                   count(*) FILTER (WHERE completed_date IS NULL AND due_date < $today),
                   count(*) FILTER (WHERE completed_date IS NOT NULL)
        FROM audit_action WHERE la_code = $council
          AND audit_id IN (SELECT audit_id FROM audit WHERE {_where(year)})""",
        {**params, "today": today},
    )[0]
    return AuditSummary(
        council=council,
        graded=int(graded),
        planned=int(planned),
        good=Share(int(good), int(graded)),
        by_team=_shares(store, "coalesce(team, '(no team recorded)')", council, year),
        by_area=_shares(store, "area", council, year, AREA.label),
        by_month=_shares(store, "substr(CAST(audit_date AS VARCHAR), 1, 7)", council, year, _month),
        by_domain=[GroupShare(d, DOMAIN.label(d), Share(int(k), int(n))) for d, k, n in domain],
        moderation=Moderation(
            len(pairs), sum(1 for a, b in pairs if a == b), cohen_kappa([(str(a), str(b)) for a, b in pairs])
        ),
        actions_open=int(open_),
        actions_overdue=int(overdue),
        actions_completed=int(done),
    )


def overdue_actions(store: Store, council: str, today: dt.date | None = None) -> list[dict[str, object]]:
    """Open actions past their due date, oldest first, with days overdue."""
    return store.dicts(
        """SELECT a.action_id, a.audit_id, a.action, a.owner, a.due_date,
                  date_diff('day', a.due_date, $today) AS days_overdue, u.area, u.team
        FROM audit_action a JOIN audit u ON u.la_code = a.la_code AND u.audit_id = a.audit_id
        WHERE a.la_code = $council AND a.completed_date IS NULL AND a.due_date < $today
        ORDER BY a.due_date, a.action_id""",
        {"council": council, "today": today or dt.date.today()},
    )
