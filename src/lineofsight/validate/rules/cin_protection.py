"""CIN census rules on child protection plans and their reviews."""

from __future__ import annotations

from lineofsight.validate.rules.cin_base import (
    QUERY,
    code_check,
    exists,
    la_level,
    outside_year,
    overlaps,
    same_child,
    same_referral,
    same_row,
    scope,
    where,
)

T = "protection_plan"
R = "protection_plan_review"
CHILD = f"JOIN cin_child c ON {same_child('c', 't')}"
REFERRAL = f"JOIN referral r ON {same_referral('r', 't')}"
IN_YEAR = "t.start_date BETWEEN $start AND $end"
# The plan starts on the day of an initial conference: its section 47's, or the
# episode's own when the episode has no section 47.
STARTS_AT_ICPC = (
    exists("section47", "s", same_referral("s", "t"), "s.icpc_date = t.start_date")
    + " OR ("
    + "NOT "
    + exists("section47", "s", same_referral("s", "t"))
    + " AND r.date_of_initial_cpc IS NOT DISTINCT FROM t.start_date)"
)
PLANS_STARTED = f"(SELECT count(*) FROM {T} p WHERE {scope('p')} AND p.start_date BETWEEN $start AND $end)"
CONFERENCES_HELD = (
    f"(SELECT count(*) FROM referral r WHERE {scope('r')} AND r.date_of_initial_cpc BETWEEN $start AND $end)"
    f" + (SELECT count(*) FROM section47 s WHERE {scope('s')} AND s.icpc_date BETWEEN $start AND $end)"
)

RULES = (
    where(
        "1105",
        T,
        ("CPPstartDate", "CINreferralDate"),
        "The child protection plan start date cannot be before the referral date",
        "t.start_date < r.referral_date",
        REFERRAL,
    ),
    where(
        "8720",
        T,
        ("CPPstartDate",),
        "Child Protection Plan Start Date missing or out of data collection period",
        "t.start_date IS NULL OR t.start_date > $end",
    ),
    where(
        "8730",
        T,
        ("NumberOfPreviousCPP",),
        "Total Number of previous Child Protection Plans missing",
        "t.previous_plans IS NULL",
    ),
    where(
        "8840",
        T,
        ("CPPstartDate", "CPPendDate"),
        "Child Protection Plan cannot start and end on the same day",
        "t.end_date = t.start_date",
    ),
    code_check(
        "8905",
        T,
        "initial_category",
        "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
    ),
    code_check(
        "8910",
        T,
        "latest_category",
        "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
    ),
    where(
        "8915",
        T,
        ("CPPstartDate", "PersonDeathDate"),
        "Child Protection Plan shown as starting after the child's Date of Death",
        "t.start_date > c.date_of_death",
        CHILD,
    ),
    where(
        "8920",
        T,
        ("CPPendDate", "PersonDeathDate"),
        "Child Protection Plan cannot end after the child's Date of Death",
        "t.end_date > c.date_of_death",
        CHILD,
    ),
    where(
        "8925",
        T,
        ("CPPstartDate", "CPPendDate"),
        "Child Protection Plan End Date earlier than Start Date",
        "t.end_date < t.start_date",
    ),
    where(
        "8930",
        T,
        ("CPPendDate",),
        "Child Protection Plan End Date must fall within the census year",
        outside_year("t.end_date"),
    ),
    where(
        "8935",
        T,
        ("CPPendDate",),
        "This child is showing more than one open Child Protection plan, i.e. with no End Date",
        "t.end_date IS NULL AND "
        + exists(T, "o", f"{same_child('o', 't')} AND NOT {same_row('o', 't')}", "o.end_date IS NULL"),
    ),
    overlaps(
        "8940",
        T,
        ("CPPstartDate", "CPPendDate"),
        "Child Protection Plan data contains overlapping dates",
        "start_date",
        "end_date",
        same_child("o", "t"),
    ),
    where(
        "2885",
        T,
        ("CPPstartDate", "DateOfInitialCPC"),
        "Child protection plan shown as starting a different day to the initial child protection conference.",
        f"{IN_YEAR} AND NOT ({STARTS_AT_ICPC})",
        REFERRAL,
    ),
    la_level(
        "2883",
        T,
        ("CPPstartDate", "DateOfInitialCPC"),
        "There are more child protection plans starting than initial conferences taking place",
        IN_YEAR,
        f"{PLANS_STARTED} > {CONFERENCES_HELD}",
    ),
    where(
        "8841",
        R,
        ("CPPreviewDate", "CPPstartDate"),
        "The review date cannot be on the same day or before the Child protection Plan start date.",
        "t.review_date <= t.plan_start_date",
    ),
    where(
        "8842Q",
        R,
        ("CPPreviewDate",),
        "Please check and either amend or provide a reason: Review Record has a missing date",
        "t.review_date IS NULL",
        severity=QUERY,
    ),
    where(
        "4003",
        R,
        ("CPPreviewDate", "CINPlanStartDate", "CINPlanEndDate"),
        "A CPP review date is shown as being held at the same time as an open CIN Plan.",
        "t.review_date IS DISTINCT FROM p.end_date AND "
        + exists(
            "cin_plan",
            "n",
            same_referral("n", "t"),
            "t.review_date BETWEEN n.start_date AND COALESCE(n.end_date, $end)",
        ),
        f"JOIN {T} p ON {same_referral('p', 't')} AND p.start_date = t.plan_start_date",
    ),
)
