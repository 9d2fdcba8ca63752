"""CIN census rules on assessments and the factors identified at assessment."""

from __future__ import annotations

from lineofsight.model.codes import ASSESSMENT_FACTOR
from lineofsight.validate.rule import Rule
from lineofsight.validate.rules.cin_base import (
    QUERY,
    exists,
    in_list,
    outside_year,
    overlaps,
    same_referral,
    same_row,
    where,
    working_days_to_end,
)

T = "assessment"
F = "assessment_factor"
REFERRAL = f"JOIN referral r ON {same_referral('r', 't')}"
OPEN = "t.authorisation_date IS NULL"


def _same_assessment(a: str, b: str) -> str:
    return f"{same_referral(a, b)} AND {a}.assessment_id = {b}.assessment_id"


def _factor(condition: str) -> str:
    return exists(F, "f", _same_assessment("f", "t"), condition)


def _retired_factor(rule: str, code: str, replacements: str) -> Rule:
    return where(
        rule,
        F,
        ("AssessmentFactors",),
        f"Please check and either amend data or provide a reason: the assessment factors code '{code}' should not be "
        f"used ({replacements} should be used instead)",
        f"t.factor = '{code}'",
        severity=QUERY,
        first_year=2025,
    )


RULES = (
    where(
        "1103",
        T,
        ("AssessmentActualStartDate", "CINreferralDate"),
        "The assessment start date cannot be before the referral date",
        "t.start_date < r.referral_date",
        REFERRAL,
    ),
    where(
        "8608",
        T,
        ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
        "Assessment Start Date cannot be later than its End Date",
        "t.authorisation_date < t.start_date",
    ),
    where(
        "8696",
        T,
        ("AssessmentAuthorisationDate",),
        "Assessment end date must fall within the census year",
        outside_year("t.authorisation_date"),
    ),
    where(
        "8736",
        T,
        ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
        "For an Assessment that has not been completed, the start date must fall within the census year",
        f"{OPEN} AND {outside_year('t.start_date')}",
    ),
    where(
        "8670Q",
        T,
        ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
        "Please check and either amend data or provide a reason: Assessment started more than 45 working days before "
        "the end of the census year. However, there is no Assessment end date.",
        f"{OPEN} AND {working_days_to_end('t.start_date')} > 45",
        severity=QUERY,
    ),
    overlaps(
        "8863Q",
        T,
        ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
        "An Assessment is shown as starting when there is another Assessment ongoing.",
        "start_date",
        "authorisation_date",
        same_referral("o", "t"),
        severity=QUERY,
        inclusive_end=True,
    ),
    where(
        "8896",
        T,
        ("AssessmentAuthorisationDate",),
        "Within one CINDetails group there are 2 or more open Assessments groups",
        f"{OPEN} AND "
        + exists(T, "o", f"{same_referral('o', 't')} AND NOT {same_row('o', 't')}", "o.authorisation_date IS NULL"),
    ),
    where(
        "8897Q",
        T,
        ("AssessmentAuthorisationDate", "AssessmentFactors"),
        "Parental or child factors at assessment information is missing from a completed assessment",
        f"t.authorisation_date IS NOT NULL AND NOT {_factor(f'f.factor IN {in_list(ASSESSMENT_FACTOR)}')}",
        severity=QUERY,
    ),
    where(
        "8614",
        F,
        ("AssessmentAuthorisationDate", "AssessmentFactors"),
        "Parental or child factors at assessment should only be present for a completed assessment.",
        exists(T, "a", _same_assessment("a", "t"), "a.authorisation_date IS NULL"),
    ),
    where(
        "8869",
        F,
        ("AssessmentFactors",),
        "The assessment factors code '21' cannot be used in conjunction with any other assessment factors.",
        exists(F, "n", _same_assessment("n", "t"), "n.factor = '21'")
        + " AND "
        + exists(F, "o", _same_assessment("o", "t"), "o.factor <> '21'"),
    ),
    where(
        "8898",
        F,
        ("AssessmentFactors",),
        "The assessment has more than one parental or child factors with the same code",
        exists(F, "o", f"{_same_assessment('o', 't')} AND NOT {same_row('o', 't')}", "o.factor = t.factor"),
    ),
    _retired_factor("8945Q", "18A", "'18B' or '18C'"),
    _retired_factor("8950Q", "19A", "'19B' or '19C'"),
    where(
        "8873Q",
        "referral",
        ("AssessmentFactors", "ReasonForClosure"),
        "Please check and either amend data or provide a reason: When there is only one assessment on the episode and "
        "the factors code '21 No factors identified' has been used for the completed assessment, the reason for "
        "closure 'RC8' or 'RC9' should be used.",
        "t.reason_for_closure IS DISTINCT FROM 'RC8' AND t.reason_for_closure IS DISTINCT FROM 'RC9' AND "
        f"(SELECT count(*) FROM {T} a WHERE {same_referral('a', 't')}) = 1 AND "
        + exists(F, "f", same_referral("f", "t"), "f.factor = '21'"),
        severity=QUERY,
    ),
)
