"""SSDA903 UASC, PrevPerm (previous permanence) and SWEpisodes (social worker episodes)."""

from __future__ import annotations

from lineofsight.model.ssda903 import PREVIOUS_PERMANENCE, UASC
from lineofsight.validate.build import (
    LOOKED_AFTER_AT_END,
    QUERY,
    code_check,
    date_check,
    in_header,
    mandatory,
    once,
    rule,
    same_dob,
)

U, PP, SW = "uasc", "previous_permanence", "social_worker_episode"
SW_SEQUENCE = (
    "(SELECT s.*, lag(s.end_date) OVER w AS prev_end, lead(s.start_date) OVER w AS next_start, "
    "row_number() OVER w AS seq, count(*) OVER (PARTITION BY s.child_id) AS n "
    "FROM @social_worker_episode s WINDOW w AS (PARTITION BY s.child_id ORDER BY s.start_date, s.source_row))"
)
# The DfE's date format for DATE_PERM allows zz for an unknown day or month.
DATE_PERM = r"'(0[1-9]|[12][0-9]|3[01]|zz)/(0[1-9]|1[0-2]|zz)/(19|20)[0-9]{2}'"

UASC_RULES = (
    # DfE rule 104 (2025/26, 2026/27): if provided, DUC must be a valid date, not before the start of the
    # collection year and not before the date of birth.
    date_check(
        "104",
        U,
        "DUC",
        "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
        also="t.date_uasc_ceased < $start OR t.date_uasc_ceased < t.date_of_birth",
        fields=("DOB",),
    ),
    rule(
        "304",
        U,
        ("DUC",),
        "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a "
        "child.",
        "t.date_uasc_ceased > t.date_of_birth + INTERVAL 18 YEAR",
    ),
    rule(
        "1014",
        U,
        ("ACTIV", "ACCOM", "IN_TOUCH", "DUC"),
        "UASC information is not required for care leavers",
        "t.child_id IN (SELECT child_id FROM @care_leaver) AND t.child_id NOT IN (SELECT child_id FROM @episode)",
    ),
    in_header("INT09", UASC, "Internal Check: Child in UASC does not exist in Header."),
    same_dob("INT18", UASC, "Internal Check: DOB in UASC is different to DOB in Header."),
    rule(
        "INT21",
        U,
        ("SEX",),
        "Internal Check: SEX in UASC is different to SEX in Header.",
        "EXISTS (SELECT 1 FROM @child c WHERE c.child_id = t.child_id AND c.sex <> t.sex)",
    ),
    once("INT36", UASC, "Internal Check: Child should only exist once in UASC."),
)

PERMANENCE = (
    rule(
        "630",
        "episode",
        ("RNE",),
        "Information on previous permanence option should be returned.",
        "t.reason_new_episode = 'S' AND t.start_date >= $start AND t.child_id NOT IN "
        "(SELECT child_id FROM @previous_permanence)",
    ),
    code_check("631", PP, "PREV_PERM", "Previous permanence option not a valid value."),
    rule(
        "632",
        PP,
        ("DATE_PERM", "DECOM"),
        "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where "
        "the period of care started before the current collection year",
        f"t.date_of_permanence IS NOT NULL AND NOT regexp_full_match(t.date_of_permanence, {DATE_PERM})",
    ),
    rule(
        "633",
        PP,
        ("LA_PERM",),
        "Local authority code where previous permanence option was arranged is not a valid value.",
        "t.la_of_permanence IS NOT NULL AND NOT regexp_full_match(t.la_of_permanence, '[0-9]{3}|NIR|SCO|WAL|NUK')",
    ),
    rule(
        "634",
        PP,
        ("LA_PERM", "PREV_PERM", "DATE_PERM", "DECOM"),
        "There are entries for previous permanence options, but child has not started to be looked after from "
        "1 April 2016 onwards.",
        "coalesce(t.previous_permanence, t.la_of_permanence, t.date_of_permanence) IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM @episode e WHERE e.child_id = t.child_id AND e.start_date >= DATE '2016-04-01')",
    ),
    rule(
        "635",
        PP,
        ("LA_PERM", "DATE_PERM", "PREV_PERM"),
        "There are entries for date of order and local authority code where previous permanence option was arranged "
        "but previous permanence code is Z1",
        "t.previous_permanence = 'Z1' AND (t.la_of_permanence IS NOT NULL OR t.date_of_permanence IS NOT NULL)",
    ),
    in_header("INT07", PREVIOUS_PERMANENCE, "Internal Check: Child in PrevPerm does not exist in Header."),
    same_dob("INT16", PREVIOUS_PERMANENCE, "Internal Check: DOB in PrevPerm is different to DOB in Header."),
    once("INT35", PREVIOUS_PERMANENCE, "Internal Check: Child should only exist once in PrevPerm."),
)

SOCIAL_WORKERS = (
    rule(
        "SW01STG1",
        "episode",
        ("DEC",),
        "Child looked after on 31 March, but no social worker episode information is reported",
        "t.end_date IS NULL AND t.child_id NOT IN (SELECT child_id FROM @social_worker_episode)",
        first_year=2024,
    ),
    rule(
        "SW02STG1",
        SW,
        ("SW_ID",),
        "Social worker ID does not begin with the characters 'SW' or 'XX'.",
        "NOT (upper(t.social_worker_id) LIKE 'SW%' OR upper(t.social_worker_id) LIKE 'XX%')",
        first_year=2024,
    ),
    mandatory(
        "SW03STG1",
        SW,
        ("SW_ID", "SW_DECOM"),
        "For each social worker episode, information should be complete.",
        first_year=2024,
    ),
    date_check("SW04STG1", SW, "SW_DECOM", "Date social worker episode began is not a valid date.", first_year=2024),
    date_check("SW05STG1", SW, "SW_DEC", "Date social worker episode ceased is not a valid date.", first_year=2024),
    rule(
        "SW06STG2",
        SW,
        ("SW_DECOM",),
        "Social worker episode data should be within the social worker data reporting year.",
        "t.start_date > $end",
        first_year=2024,
    ),
    rule(
        "SW07STG2",
        SW,
        ("SW_DEC",),
        "Social worker episode end date should be on or after the start of the social worker reporting period, and "
        "should be on or before the collection end date.",
        "t.end_date < $start OR t.end_date > $end",
        first_year=2024,
    ),
    rule(
        "SW08STG2",
        SW,
        ("SW_DEC",),
        "A new social worker episode has started, but the previous episode has not ended.",
        "t.end_date IS NULL AND t.seq < t.n",
        source=SW_SEQUENCE,
        first_year=2024,
    ),
    rule(
        "SW09STG2",
        SW,
        ("SW_DECOM", "SW_DEC"),
        "Social worker episode appears to have lasted for less than 24 hours.",
        "t.end_date <= t.start_date",
        source=SW_SEQUENCE,
        first_year=2024,
        severity=QUERY,
    ),
    rule(
        "SW10STG2",
        SW,
        ("SW_DECOM",),
        "A new social worker episode has started before the end date of the previous social worker episode.",
        "t.start_date < t.prev_end",
        source=SW_SEQUENCE,
        first_year=2024,
    ),
    rule(
        "SW11aSTG2",
        SW,
        ("SW_DEC",),
        "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
        f"t.end_date < $end AND t.seq = t.n AND t.child_id IN {LOOKED_AFTER_AT_END}",
        source=SW_SEQUENCE,
        first_year=2024,
    ),
    # DfE rule SW13STG1: SW_REASON (why the episode began) must be a valid code, and present for an
    # episode beginning on or after 1 April 2023, when social worker episodes joined the return.
    code_check(
        "SW13STG1",
        SW,
        "SW_REASON",
        "The reason for social worker change is not valid.",
        also="t.reason_change IS NULL AND t.start_date >= DATE '2023-04-01'",
        first_year=2024,
    ),
    rule(
        "SW15STG2",
        SW,
        ("SW_REASON",),
        "Reason for social worker change is missing.",
        # SW_REASON belongs to the episode that begins (the change to this social worker), not the one ending.
        "t.reason_change IS NULL AND t.start_date >= $start",
        first_year=2025,
    ),
    rule(
        "SW17STG2",
        "episode",
        ("DEC",),
        "There is no social worker episode open at 31 March",
        "t.end_date IS NULL AND t.child_id IN (SELECT child_id FROM @social_worker_episode) AND t.child_id NOT IN "
        "(SELECT child_id FROM @social_worker_episode WHERE end_date IS NULL OR end_date > $end)",
        first_year=2026,
    ),
)

RULES = UASC_RULES + PERMANENCE + SOCIAL_WORKERS
