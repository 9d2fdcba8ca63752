"""CIN census rules on child in need plans, alone and alongside child protection plans."""

from __future__ import annotations

from lineofsight.validate.rules.cin_base import (
    QUERY,
    exists,
    outside_year,
    overlaps,
    same_child,
    same_referral,
    same_row,
    where,
)

T = "cin_plan"
CHILD = f"JOIN cin_child c ON {same_child('c', 't')}"
REFERRAL = f"JOIN referral r ON {same_referral('r', 't')}"


def _starts_within(start: str, table: str, alias: str) -> str:
    """`start` falls on or after the start of a plan of `table` for the child and before its end (or it is open)."""
    return exists(
        table,
        alias,
        same_child(alias, "t"),
        f"{start} >= {alias}.start_date AND ({start} < {alias}.end_date OR {alias}.end_date IS NULL)",
    )


RULES = (
    where(
        "4004",
        T,
        ("CINPlanEndDate",),
        "This child is showing more than one open CIN Plan, i.e. with no End Date",
        "t.end_date IS NULL AND "
        + exists(T, "o", f"{same_child('o', 't')} AND NOT {same_row('o', 't')}", "o.end_date IS NULL"),
    ),
    where(
        "4008",
        T,
        ("CINPlanStartDate", "PersonDeathDate"),
        "CIN Plan shown as starting after the child's Date of Death.",
        "t.start_date > c.date_of_death",
        CHILD,
    ),
    where(
        "4009Q",
        T,
        ("CINPlanEndDate", "PersonDeathDate"),
        "CIN Plan cannot end after the child's Date of Death",
        "t.end_date > c.date_of_death",
        CHILD,
        QUERY,
    ),
    where(
        "4010",
        T,
        ("CINPlanStartDate",),
        "CIN Plan start date is missing or out of data collection period",
        "t.start_date IS NULL OR t.start_date > $end",
    ),
    where(
        "4011",
        T,
        ("CINPlanEndDate", "CINPlanStartDate"),
        "CIN Plan End Date earlier than Start Date",
        "t.end_date < t.start_date",
    ),
    where(
        "4012Q",
        T,
        ("CINPlanStartDate", "CINPlanEndDate"),
        "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day",
        "t.end_date = t.start_date",
        severity=QUERY,
    ),
    where(
        "4013",
        T,
        ("CINPlanEndDate",),
        "CIN Plan end date must fall within the census year",
        outside_year("t.end_date"),
    ),
    overlaps(
        "4014",
        T,
        ("CINPlanStartDate", "CINPlanEndDate"),
        "CIN Plan data contains overlapping dates",
        "start_date",
        "end_date",
        same_child("o", "t"),
    ),
    where(
        "4015",
        T,
        ("CINPlanStartDate", "CINreferralDate"),
        "The CIN Plan start date cannot be before the referral date",
        "t.start_date < r.referral_date",
        REFERRAL,
    ),
    where(
        "4001",
        T,
        ("CINPlanEndDate", "CPPendDate"),
        "A CIN Plan cannot run concurrently with a Child Protection Plan",
        "t.end_date IS NULL AND " + exists("protection_plan", "p", same_referral("p", "t"), "p.end_date IS NULL"),
    ),
    where(
        "4016",
        T,
        ("CINPlanStartDate", "CPPstartDate", "CPPendDate"),
        "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
        _starts_within("t.start_date", "protection_plan", "p"),
    ),
    where(
        "4017",
        "protection_plan",
        ("CPPstartDate", "CINPlanStartDate", "CINPlanEndDate"),
        "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
        _starts_within("t.start_date", "cin_plan", "n"),
    ),
)
