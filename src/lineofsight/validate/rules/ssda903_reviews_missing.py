"""SSDA903 Reviews and Missing: dates and codes, and reviews and missing periods within care."""

from __future__ import annotations

from lineofsight.model.ssda903 import MISSING, REVIEW
from lineofsight.validate.build import (
    CEASED_IN_YEAR,
    HEADER_DOB,
    age,
    code_check,
    date_check,
    in_header,
    rule,
    same_dob,
)

R, M = "review", "missing"
UNDER_FOUR = age("t.review_date", HEADER_DOB) + " < 4"
# When the child's care ended this year (the end of their last episode).
LAST_END = f"(SELECT max(e.end_date) FROM @episode e WHERE e.child_id = t.child_id AND e.child_id IN {CEASED_IN_YEAR})"
FIRST_START = "(SELECT min(e.start_date) FROM @episode e WHERE e.child_id = t.child_id)"

REVIEWS = (
    date_check("166", R, "REVIEW", "Date of review is invalid or blank."),
    code_check("167", R, "REVIEW_CODE", "Data entry for participation is invalid or blank."),
    rule(
        "399",
        R,
        ("MOTHER", "LS", "REVIEW", "REVIEW_CODE"),
        "Mother field, review field or participation field are completed but child is looked after under legal "
        "status V3 or V4.",
        "t.child_id IN (SELECT child_id FROM @episode GROUP BY child_id HAVING bool_and(legal_status IN ('V3', 'V4')))",
    ),
    rule(
        "440",
        R,
        ("DOB", "REVIEW", "REVIEW_CODE"),
        "Participation method indicates child was under 4 years old at the time of the review, but date of birth and "
        "review date indicates the child was 4 years old or over.",
        f"t.participation = 'PN0' AND NOT ({UNDER_FOUR})",
    ),
    rule(
        "441",
        R,
        ("DOB", "REVIEW", "REVIEW_CODE"),
        "Participation method indicates child was 4 years old or over at the time of the review, but the date of "
        "birth and review date indicates the child was under 4 years old.",
        f"t.participation <> 'PN0' AND {UNDER_FOUR}",
    ),
    in_header("INT08", REVIEW, "Internal Check: Child in Reviews does not exist in Header."),
    same_dob("INT17", REVIEW, "Internal Check: DOB in Reviews is different to DOB in Header."),
)

MISSING_PERIODS = (
    date_check(
        "1004",
        M,
        "MIS_START",
        "The start date of the missing episode or episode that the child was away from placement without "
        "authorisation is not a valid date.",
    ),
    date_check(
        "1005",
        M,
        "MIS_END",
        "The end date of the missing episode or episode that the child was away from placement without "
        "authorisation is not a valid date.",
    ),
    code_check("1006", M, "MISSING", "Missing type invalid.", required=False),
    rule(
        "564",
        M,
        ("MISSING", "MIS_START"),
        "Child was missing or away from placement without authorisation and the date started is blank.",
        "t.missing_type IS NOT NULL AND t.start_date IS NULL",
    ),
    rule(
        "565",
        M,
        ("MISSING", "MIS_START"),
        "The date that the child started to be missing or away from placement without authorisation has been "
        "completed but whether the child was missing or away from placement without authorisation has not been "
        "completed.",
        "t.start_date IS NOT NULL AND t.missing_type IS NULL",
    ),
    rule(
        "567",
        M,
        ("MIS_START", "MIS_END"),
        "The date that the missing episode or episode that the child was away from placement without authorisation "
        "ended is before the date that it started.",
        "t.end_date < t.start_date",
    ),
    rule(
        "570",
        M,
        ("MIS_START",),
        "The date that the child started to be missing or away from placement without authorisation is after the "
        "end of the collection year.",
        "t.start_date > $end",
    ),
    rule(
        "571",
        M,
        ("MIS_END",),
        "The date that the child ceased to be missing or away from placement without authorisation is before the "
        "start or after the end of the collection year.",
        "t.end_date < $start OR t.end_date > $end",
    ),
    rule(
        "574",
        M,
        ("MIS_START", "MIS_END"),
        "A new missing/away from placement without authorisation period cannot start when the previous "
        "missing/away from placement without authorisation period is still open. Missing/away from placement "
        "without authorisation periods should also not overlap.",
        "t.prev_end IS NULL AND t.n > 1 OR t.start_date < t.prev_end",
        source="(SELECT m.*, lag(m.end_date) OVER w AS prev_end, row_number() OVER w AS n FROM @missing m "
        "WINDOW w AS (PARTITION BY m.child_id ORDER BY m.start_date, m.source_row))",
    ),
    rule(
        "577",
        M,
        ("MIS_END",),
        "Child ceased to be looked after but there is a missing/away from placement without authorisation period "
        "without an end date.",
        f"t.end_date IS NULL AND t.child_id IN {CEASED_IN_YEAR}",
    ),
    rule(
        "578",
        M,
        ("MIS_START",),
        "The date that the child started to be missing is after the child ceased to be looked after.",
        f"t.start_date > {LAST_END}",
    ),
    rule(
        "581",
        M,
        ("MIS_START",),
        "Child is missing but has not yet started to be looked after.",
        f"t.start_date < {FIRST_START}",
    ),
    rule(
        "586",
        M,
        ("MIS_START",),
        "Dates of missing periods are before child's date of birth.",
        "t.start_date < t.date_of_birth",
    ),
    in_header("INT04", MISSING, "Internal Check: Child in Missing does not exist in Header."),
    same_dob("INT13", MISSING, "Internal Check: DOB in Missing is different to DOB in Header."),
)

RULES = REVIEWS + MISSING_PERIODS
