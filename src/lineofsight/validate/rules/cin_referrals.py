"""CIN census rules on the CIN episode (CINdetails): referral, closure, no further action, activity."""

from __future__ import annotations

from lineofsight.validate.rules.cin_base import (
    FALSE,
    QUERY,
    TRUE,
    code_check,
    exists,
    icpc_required,
    outside_year,
    overlaps,
    same_child,
    same_referral,
    weekend,
    where,
)

T = "referral"
CHILD = f"JOIN cin_child c ON {same_child('c', 't')}"
NFA = f"t.referral_nfa IN {TRUE}"
FURTHER_ACTION = f"t.referral_nfa IN {FALSE}"
CLOSED_AFTER_ASSESSMENT = "t.reason_for_closure IN ('RC8', 'RC9')"
OPEN = "t.closure_date IS NULL"


def _in_episode(table: str, alias: str, condition: str = "TRUE") -> str:
    return exists(table, alias, same_referral(alias, "t"), condition)


def _icpc(condition: str) -> str:
    """The episode's initial conference, recorded on CINdetails or on one of its section 47s, meets `condition`."""
    own = condition.format(d="t.date_of_initial_cpc")
    return f"({own} OR {_in_episode('section47', 's', condition.format(d='s.icpc_date'))})"


ASSESSED = _in_episode("assessment", "a")
SECTION47 = _in_episode("section47", "s")
PROTECTION = _in_episode("protection_plan", "p")
CIN_PLAN = _in_episode("cin_plan", "n")
# Dates of the episode's activity that a closure date must not precede.
ACTIVITY_AFTER_CLOSURE = " OR ".join(
    (
        _in_episode("assessment", "a", "a.start_date > t.closure_date OR a.authorisation_date > t.closure_date"),
        _in_episode("section47", "s", "s.start_date > t.closure_date OR s.icpc_date > t.closure_date"),
        "t.date_of_initial_cpc > t.closure_date",
        _in_episode("protection_plan", "p", "p.end_date > t.closure_date"),
        _in_episode("cin_plan", "n", "n.start_date > t.closure_date OR n.end_date > t.closure_date"),
    )
)
LAST_WORKING_DAY_BEFORE_YEAR = "(SELECT max(w.day) FROM calendar w WHERE w.day < $start AND w.is_working_day)"

RULES = (
    where(
        "8600",
        T,
        ("CINreferralDate",),
        "Child referral date missing or after data collection period",
        "t.referral_date IS NULL OR t.referral_date > $end",
    ),
    where(
        "8606",
        T,
        ("CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate"),
        "Child referral date is more than 40 weeks before DOB or expected DOB",
        "t.referral_date < c.date_of_birth - INTERVAL 280 DAY "
        "OR t.referral_date < c.expected_date_of_birth - INTERVAL 280 DAY",
        CHILD,
    ),
    where(
        "8555Q",
        T,
        ("CINreferralDate", "PersonDeathDate"),
        "Child cannot be referred after its recorded date of death",
        "t.referral_date > c.date_of_death",
        CHILD,
        QUERY,
    ),
    code_check("8866", T, "referral_source", "Source of Referral is missing or an invalid code"),
    code_check("8568", T, "referral_nfa", "RNFA flag is missing or invalid"),
    where(
        "8569Q",
        T,
        ("CINreferralDate", "ReferralNFA"),
        "A case with referral date before one working day prior to the collection start date must not be flagged as "
        "a no further action case",
        f"{NFA} AND t.referral_date < {LAST_WORKING_DAY_BEFORE_YEAR}",
        severity=QUERY,
    ),
    where(
        "8610",
        T,
        ("ReferralNFA", "PrimaryNeedCode"),
        "Primary Need code is missing for a referral which led to further action.",
        f"{FURTHER_ACTION} AND t.primary_need IS NULL",
    ),
    code_check("8650", T, "primary_need", "Primary Need Code invalid (see Primary Need table in CIN census code set)"),
    where(
        "8620",
        T,
        ("CINclosureDate",),
        "CIN Closure Date present and does not fall within the Census year",
        outside_year("t.closure_date"),
    ),
    where(
        "8630",
        T,
        ("CINreferralDate", "CINclosureDate"),
        "CIN Closure Date is before CIN Referral Date for the same CIN episode",
        "t.closure_date < t.referral_date",
    ),
    code_check(
        "8640",
        T,
        "reason_for_closure",
        "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
    ),
    where(
        "8805",
        T,
        ("CINclosureDate", "ReasonForClosure"),
        "A CIN case cannot have a CIN closure date without a Reason for Closure",
        "t.closure_date IS NOT NULL AND t.reason_for_closure IS NULL",
    ),
    where(
        "8810",
        T,
        ("ReasonForClosure", "CINclosureDate"),
        "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
        "t.reason_for_closure IS NOT NULL AND t.closure_date IS NULL",
    ),
    where(
        "8585Q",
        T,
        ("ReasonForClosure", "PersonDeathDate"),
        "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however "
        "child has no recorded Date of Death",
        "t.reason_for_closure = 'RC2' AND c.date_of_death IS NULL",
        CHILD,
        QUERY,
    ),
    where(
        "8815",
        T,
        ("CINclosureDate", "ReferralNFA"),
        "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child "
        "and case is not a referral with no further action.",
        f"{OPEN} AND {FURTHER_ACTION} AND "
        + exists(
            T,
            "o",
            f"{same_child('o', 't')} AND o.referral_id IS DISTINCT FROM t.referral_id",
            f"o.closure_date IS NULL AND o.referral_nfa IN {FALSE}",
        ),
    ),
    where(
        "8816",
        T,
        ("CINreferralDate", "CINclosureDate"),
        "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest "
        "episode.",
        f"{OPEN} AND {FURTHER_ACTION} AND " + exists(T, "o", same_child("o", "t"), "o.referral_date > t.referral_date"),
    ),
    overlaps(
        "8820",
        T,
        ("CINreferralDate", "CINclosureDate"),
        "The dates on the CIN episodes for this child overlap",
        "referral_date",
        "closure_date",
        same_child("o", "t"),
        open_when=FURTHER_ACTION,
    ),
    where(
        "8825Q",
        T,
        ("ReasonForClosure",),
        "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after "
        "assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no "
        "assessment present for the episode.",
        f"{CLOSED_AFTER_ASSESSMENT} AND NOT {ASSESSED}",
        severity=QUERY,
    ),
    where(
        "8831",
        T,
        ("ReferralNFA", "AssessmentActualStartDate", "S47ActualStartDate", "DateOfInitialCPC"),
        "Activity is recorded against a case marked as a referral with no further action",
        f"{NFA} AND ({ASSESSED} OR {SECTION47} OR t.date_of_initial_cpc IS NOT NULL)",
    ),
    where(
        "8832",
        T,
        ("ReferralNFA", "CPPstartDate"),
        "Child Protection details provided for a referral with no further action.",
        f"{NFA} AND {PROTECTION}",
    ),
    where(
        "4000",
        T,
        ("ReferralNFA", "CINPlanStartDate"),
        "CIN Plan details provided for a referral with no further action",
        f"{NFA} AND {CIN_PLAN}",
    ),
    where(
        "2990",
        T,
        ("ReasonForClosure", "S47ActualStartDate", "CPPstartDate", "DateOfInitialCPC", "CINPlanStartDate"),
        "Activity is recorded against a case marked as 'Case closed after assessment, no further action' or 'case "
        "closed after assessment, referred to early help'.",
        f"{CLOSED_AFTER_ASSESSMENT} AND ({SECTION47} OR {PROTECTION} OR {CIN_PLAN} "
        "OR t.date_of_initial_cpc IS NOT NULL)",
    ),
    where(
        "8565",
        T,
        ("CINclosureDate",),
        "Activity shown after a case has been closed",
        f"t.closure_date IS NOT NULL AND ({ACTIVITY_AFTER_CLOSURE})",
    ),
    where(
        "8867",
        T,
        ("CINclosureDate", "AssessmentAuthorisationDate"),
        "CIN episode is shown as closed, however Assessment is not shown as completed",
        "t.closure_date IS NOT NULL AND " + _in_episode("assessment", "a", "a.authorisation_date IS NULL"),
    ),
    where(
        "8868",
        T,
        ("CINclosureDate", "DateOfInitialCPC", "ICPCnotRequired"),
        "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC "
        "not required flag",
        "t.closure_date IS NOT NULL AND "
        + _in_episode("section47", "s", f"s.icpc_date IS NULL AND {icpc_required('s')}"),
    ),
    where(
        "1104",
        T,
        ("DateOfInitialCPC", "CINreferralDate"),
        "The date of the initial child protection conference cannot be before the referral date",
        _icpc("{d} < t.referral_date"),
    ),
    where(
        "8715",
        T,
        ("DateOfInitialCPC",),
        "Date of Initial Child Protection Conference must fall within the census year",
        _icpc(outside_year("{d}")),
    ),
    where(
        "8875",
        T,
        ("DateOfInitialCPC",),
        "The Date of Initial Child Protection Conference cannot be a weekend",
        _icpc(weekend("{d}")),
    ),
    where(
        "2884",
        T,
        ("DateOfInitialCPC",),
        "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only "
        "be recorded in one",
        "t.date_of_initial_cpc IS NOT NULL AND " + _in_episode("section47", "s", "s.icpc_date = t.date_of_initial_cpc"),
    ),
)
