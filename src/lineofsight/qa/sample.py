"""A synthetic year of quality-assurance evidence for a store's children: for demos and benchmarks.

Audit programmes are drawn by the real `programme.plan`, then graded, moderated
and given actions from seeded random draws; survey answers likewise. Every
programme and survey is named "synthetic" so it can never pass for real work.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from lineofsight.errors import UserError
from lineofsight.model.qa import DOMAIN
from lineofsight.qa import programme
from lineofsight.qa.audits import save_actions, save_audits
from lineofsight.qa.feedback import save_answers
from lineofsight.store import Store

GRADES = {"1": 0.1, "2": 0.45, "3": 0.35, "4": 0.1}
TEAMS = {
    "help_and_protection": ("Assessment team", "Child protection team"),
    "children_in_care": ("Children in care team",),
    "care_leavers": ("Leaving care team",),
}
SURVEYS = {
    "Synthetic survey of children in care": (
        "children_in_care",
        ("I feel listened to by my social worker", "I know why I am in care", "I feel safe where I live"),
    ),
    "Synthetic survey of care leavers": (
        "care_leavers",
        ("My personal adviser helps me", "I feel ready to live independently"),
    ),
    "Synthetic survey of parents": (
        "help_and_protection",
        ("My social worker explained what would happen", "Things are better for my children"),
    ),
}
LIKERT = {
    "Strongly agree": 0.25,
    "Agree": 0.4,
    "Neither agree nor disagree": 0.15,
    "Disagree": 0.12,
    "Strongly disagree": 0.08,
}


@dataclass(frozen=True)
class Planted:
    audits: int
    actions: int
    answers: int


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def plant(
    store: Store, council: str, year: int, seed: int = 1, per_month: int = 6, today: dt.date | None = None
) -> Planted:
    """Audits each month of the collection year up to today (from the store's children) and three surveys."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    audits = actions = 0
    for offset in range(12):
        month = dt.date(year - 1 + (3 + offset) // 12, (3 + offset) % 12 + 1, 1)
        if month > today:
            break
        try:
            drawn = programme.plan(
                store, council, month, "random", per_month, ["auditor A", "auditor B"], seed + offset, year
            )
        except UserError:
            continue  # no children open in this council's year: nothing to audit
        graded, todo = _grade(rng, drawn)
        with store.transaction():
            save_audits(store, council, graded, "synthetic")
            save_actions(store, council, todo, "synthetic")
        audits, actions = audits + len(graded), actions + len(todo)
    answers = _survey(store, council, year, rng)
    return Planted(audits, actions, answers)


def _grade(
    rng: random.Random, drawn: programme.Programme
) -> tuple[list[tuple[dict[str, Any], dict[str, str]]], list[dict[str, Any]]]:
    graded, actions = [], []
    for k, planned in enumerate(drawn.audits):
        day = drawn.month + dt.timedelta(days=rng.randrange(27))
        overall = _pick(rng, GRADES)
        moderated = k % 3 == 0
        record = {
            **planned,
            "programme_id": drawn.programme_id,
            "team": rng.choice(TEAMS.get(planned["area"], ("Practice team",))),
            "audit_date": day,
            "overall_grade": overall,
            "findings": "Synthetic audit: findings would be written here.",
            "moderator": "moderator" if moderated else None,
            "moderation_date": day + dt.timedelta(days=7) if moderated else None,
            "moderated_grade": (overall if rng.random() < 0.8 else str(min(4, int(overall) + 1)))
            if moderated
            else None,
            "moderation_comment": None,
        }
        grades = {d: str(min(4, max(1, int(overall) + rng.choice((-1, 0, 0, 1))))) for d in DOMAIN.codes}
        graded.append((record, grades))
        if overall in ("3", "4"):
            due = day + dt.timedelta(days=28)
            done = due + dt.timedelta(days=rng.randrange(-20, 20)) if rng.random() < 0.7 else None
            actions.append(
                {
                    "action_id": f"{planned['audit_id']}-A1",
                    "audit_id": planned["audit_id"],
                    "action": "Synthetic action: update the plan and record management oversight.",
                    "owner": f"Team manager, {record['team']}",
                    "due_date": due,
                    "completed_date": done,
                }
            )
    return graded, actions


def _survey(store: Store, council: str, year: int, rng: random.Random) -> int:
    total = 0
    for survey, (area, questions) in SURVEYS.items():
        records = []
        for respondent in range(rng.randrange(15, 40)):
            day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(80))
            for question in questions:
                answer = _pick(rng, LIKERT)
                records.append(
                    {
                        "respondent": f"synthetic-{respondent + 1}",
                        "response_date": day,
                        "area": area,
                        "question": question,
                        "answer": answer,
                        "positive": answer in ("Strongly agree", "Agree"),
                    }
                )
        with store.transaction():
            store.con.execute("DELETE FROM feedback_response WHERE la_code = ? AND survey = ?", [council, survey])
            save_answers(store, council, survey, "synthetic", records)
        total += len(records)
    return total
