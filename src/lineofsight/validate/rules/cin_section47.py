"""CIN census rules on section 47 enquiries and their initial child protection conferences."""

from __future__ import annotations

from lineofsight.validate.rules.cin_base import (
    QUERY,
    exists,
    icpc_required,
    outside_year,
    overlaps,
    same_referral,
    same_row,
    weekend,
    where,
    working_days_to_end,
)

T = "section47"
REFERRAL = f"JOIN referral r ON {same_referral('r', 't')}"
# An enquiry still awaiting its initial conference at the reference date.
AWAITING_ICPC = f"t.icpc_date IS NULL AND {icpc_required('t')}"

RULES = (
    where(
        "2889",
        T,
        ("S47ActualStartDate", "CINreferralDate"),
        "The S47 start date cannot be before the referral date.",
        "t.start_date < r.referral_date",
        REFERRAL,
    ),
    where(
        "8615",
        T,
        ("S47ActualStartDate", "DateOfInitialCPC"),
        "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child "
        "Protection Conference",
        "t.icpc_date IS NOT NULL AND (t.start_date IS NULL OR t.start_date > t.icpc_date)",
    ),
    where(
        "8675Q",
        T,
        ("S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"),
        "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days "
        "before the end of the census year. However, there is no date of Initial Child Protection Conference.",
        f"{AWAITING_ICPC} AND {working_days_to_end('t.start_date')} > 15",
        severity=QUERY,
    ),
    where(
        "8740",
        T,
        ("S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"),
        "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census "
        "year, the start date must fall within the census year",
        f"{AWAITING_ICPC} AND {outside_year('t.start_date')}",
    ),
    where(
        "8839",
        T,
        ("DateOfInitialCPC", "ICPCnotRequired"),
        "Within one CINDetails group there are 2 or more open S47 Assessments",
        f"{AWAITING_ICPC} AND "
        + exists(
            T,
            "o",
            f"{same_referral('o', 't')} AND NOT {same_row('o', 't')}",
            f"o.icpc_date IS NULL AND {icpc_required('o')}",
        ),
    ),
    where(
        "8870Q",
        T,
        ("InitialCPCtarget",),
        "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference "
        "should not be a weekend",
        weekend("t.icpc_target_date"),
        severity=QUERY,
    ),
    overlaps(
        "8890",
        T,
        ("S47ActualStartDate", "DateOfInitialCPC"),
        "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
        "start_date",
        "icpc_date",
        same_referral("o", "t"),
        open_when=icpc_required("t"),
        inclusive_end=True,
    ),
    where(
        "2991Q",
        T,
        ("S47ActualStartDate", "AssessmentActualStartDate"),
        "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no "
        "assessment on the episode",
        "NOT " + exists("assessment", "a", same_referral("a", "t")),
        severity=QUERY,
    ),
)
