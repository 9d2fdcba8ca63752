"""CIN census rules on the child: identifiers, UPN, characteristics, dates of birth and death, disabilities."""

from __future__ import annotations

from lineofsight.model.codes import DISABILITY as DISABILITY_CODES
from lineofsight.validate.rules.cin_base import (
    FALSE,
    QUERY,
    TRUE,
    code_check,
    exists,
    in_list,
    la_level,
    same_child,
    same_row,
    scope,
    where,
)

# A UPN: check letter, three-digit LA code, eight digits, then a digit or a
# letter other than I, O and S (temporary UPNs end in a letter).
UPN_FORMAT = "[A-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]"
CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # remainder mod 23 -> check letter
# LA codes valid in characters 2-4 of a UPN (post-April 1998 LA codes and pseudo codes).
UPN_LA_RANGES = (
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373), (380, 384),
    (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808), (810, 813), (815, 816),
    (820, 823), (825, 826), (830, 831), (835, 841), (845, 846), (850, 852), (855, 857), (860, 861),
    (865, 896), (908, 909), (916, 916), (919, 919), (921, 921), (925, 926), (928, 929), (931, 931),
    (933, 933), (935, 938), (940, 941),
)  # fmt: skip


def _check_letter_wrong() -> str:
    # Digits 2..13 weighted by their position, summed, modulo 23.
    weighted = " + ".join(f"TRY_CAST(substr(t.upn, {i}, 1) AS INTEGER) * {i}" for i in range(2, 14))
    return (
        f"regexp_full_match(t.upn, '[A-Z][0-9]{{12}}') "
        f"AND substr('{CHECK_LETTERS}', (({weighted}) % 23) + 1, 1) <> substr(t.upn, 1, 1)"
    )


def _la_code_unknown() -> str:
    codes = ", ".join(str(n) for lo, hi in UPN_LA_RANGES for n in range(lo, hi + 1))
    return f"t.upn IS NOT NULL AND NOT COALESCE(TRY_CAST(substr(t.upn, 2, 3) AS INTEGER) IN ({codes}), FALSE)"


REFERRAL_FURTHER_ACTION = f"r.referral_nfa IN {FALSE}"
ANY_FURTHER_ACTION = exists("referral", "r", same_child("r", "t"), REFERRAL_FURTHER_ACTION)
UNBORN = "t.date_of_birth IS NULL AND t.expected_date_of_birth IS NOT NULL"


def _duplicate(column: str) -> str:
    return exists(
        "cin_child",
        "o",
        f"o.la_code = t.la_code AND o.collection_year = t.collection_year AND NOT {same_row('o', 't')}",
        f"o.{column} = t.{column}",
    )


DISABILITY = "cin_disability"
INVALID_DISABILITY = f"d.disability IS NULL OR d.disability NOT IN {in_list(DISABILITY_CODES)}"
# Distinct disabilities (other than NONE) recorded across the return, and the most on one child.
CODES_USED = f"(SELECT count(DISTINCT d.disability) FROM {DISABILITY} d WHERE {scope('d')} AND d.disability <> 'NONE')"
MOST_ON_ONE_CHILD = (
    f"(SELECT max(n) FROM (SELECT count(*) AS n FROM {DISABILITY} d WHERE {scope('d')} "
    "AND d.disability <> 'NONE' GROUP BY d.child_id))"
)

RULES = (
    where("8500", "cin_child", ("LAchildID",), "LA Child ID missing", "t.child_id IS NULL OR trim(t.child_id) = ''"),
    where(
        "8510",
        "cin_child",
        ("LAchildID",),
        "More than one child record with the same LA Child ID",
        _duplicate("child_id"),
    ),
    where(
        "1570",
        "cin_child",
        ("LAchildID",),
        "LA Child ID must not be longer than 20 characters",
        "length(t.child_id) > 20",
        first_year=2025,
    ),
    where(
        "1580",
        "cin_child",
        ("LAchildID",),
        "LA Child ID must not contain any non-alphanumeric characters",
        "NOT regexp_full_match(t.child_id, '[A-Za-z0-9]*')",
        first_year=2025,
    ),
    where("1510", "cin_child", ("UPN",), "UPN invalid (wrong check letter at character 1)", _check_letter_wrong()),
    where("1520", "cin_child", ("UPN",), "More than one record with the same UPN", _duplicate("upn")),
    where("1530", "cin_child", ("UPN",), "UPN invalid (characters 2-4 not a recognised LA code)", _la_code_unknown()),
    where(
        "1540",
        "cin_child",
        ("UPN",),
        "UPN invalid (characters 5-12 not all numeric)",
        "NOT regexp_full_match(substr(t.upn, 5, 8), '[0-9]{8}')",
    ),
    where(
        "1550",
        "cin_child",
        ("UPN",),
        "UPN invalid (character 13 not a recognised value)",
        "NOT regexp_full_match(substr(t.upn, 13), '[0-9A-HJ-NP-RT-Z]')",
    ),
    where(
        "1560Q",
        "cin_child",
        ("FormerUPN",),
        "Please check and either amend or provide a reason: Former UPN wrongly formatted",
        f"NOT regexp_full_match(t.former_upn, '{UPN_FORMAT}')",
        severity=QUERY,
    ),
    code_check("4180", "cin_child", "sex", "Sex must be provided and equal M, F, or U"),
    code_check("4220", "cin_child", "ethnicity", "Ethnicity is missing or invalid (see Ethnicity table)"),
    where(
        "8520",
        "cin_child",
        ("PersonBirthDate",),
        "Date of Birth is after data collection period (must be on or before the end of the census period)",
        "t.date_of_birth > $end",
    ),
    where(
        "8525Q",
        "cin_child",
        ("PersonBirthDate", "ExpectedPersonBirthDate"),
        "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
        "(t.date_of_birth IS NULL) = (t.expected_date_of_birth IS NULL)",
        severity=QUERY,
    ),
    where(
        "8530Q",
        "cin_child",
        ("ExpectedPersonBirthDate",),
        "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected "
        "range for this census (March to December of the Census Year end)",
        "t.expected_date_of_birth < $end - INTERVAL 30 DAY OR t.expected_date_of_birth > $end + INTERVAL 9 MONTH",
        severity=QUERY,
    ),
    where(
        "8535Q",
        "cin_child",
        ("PersonDeathDate", "PersonBirthDate"),
        "Please check and either amend data or provide a reason: Child's date of death should not be prior to the "
        "date of birth",
        "t.date_of_death < t.date_of_birth",
        severity=QUERY,
    ),
    where(
        "8545Q",
        "cin_child",
        ("PersonDeathDate",),
        "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
        "t.date_of_death < $start OR t.date_of_death > $end",
        severity=QUERY,
    ),
    where(
        "8750",
        "cin_child",
        ("Sex", "PersonBirthDate", "ExpectedPersonBirthDate"),
        "Sex must equal U for an unborn child",
        f"{UNBORN} AND t.sex IS DISTINCT FROM 'U'",
    ),
    where(
        "8770Q",
        "cin_child",
        ("UPN", "UPNunknown", "PersonBirthDate"),
        "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 "
        "for a child who is of school age",
        # School age: five by the 31 August before the census year's September.
        "t.date_of_birth < make_date(CAST($year AS INTEGER) - 6, 9, 1) AND t.upn IS NULL "
        "AND (t.upn_unknown IS NULL OR t.upn_unknown NOT IN ('UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7')) "
        f"AND {ANY_FURTHER_ACTION}",
        severity=QUERY,
    ),
    where(
        "8772",
        "cin_child",
        ("UPNunknown", "ReferralNFA"),
        "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going "
        "on to further action",
        f"t.upn_unknown = 'UN7' AND {exists('referral', 'r', same_child('r', 't'), f'r.referral_nfa NOT IN {TRUE}')}",
    ),
    where(
        "8775Q",
        "cin_child",
        ("PersonBirthDate", "CINclosureDate"),
        "Please check and either amend data or provide a reason: Child is over 25 years old",
        "t.date_of_birth < $end - INTERVAL 25 YEAR AND "
        + exists(
            "referral",
            "r",
            same_child("r", "t"),
            "r.closure_date IS NULL OR r.closure_date > t.date_of_birth + INTERVAL 25 YEAR",
        ),
        severity=QUERY,
    ),
    where(
        "8590",
        "cin_child",
        ("LAchildID",),
        "Child does not have a recorded CIN episode.",
        "NOT " + exists("referral", "r", same_child("r", "t")),
    ),
    la_level(
        "2886Q",
        "cin_child",
        ("Sex", "ExpectedPersonBirthDate"),
        "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than "
        "2% (excluding unborns)",
        "TRUE",
        f"(SELECT count(*) FILTER (WHERE (c.sex IS NULL OR c.sex = 'U') AND c.expected_date_of_birth IS NULL) "
        f"> 0.02 * count(*) FROM cin_child c WHERE {scope('c')})",
    ),
    where(
        "8540",
        "cin_child",
        ("Disability", "PersonBirthDate", "ReferralNFA"),
        "Child's disability is missing or invalid (see Disability table)",
        f"t.date_of_birth IS NOT NULL AND {ANY_FURTHER_ACTION} AND ("
        f"NOT {exists(DISABILITY, 'd', same_child('d', 't'))} "
        f"OR {exists(DISABILITY, 'd', same_child('d', 't'), INVALID_DISABILITY)})",
    ),
    where(
        "8790",
        DISABILITY,
        ("Disability",),
        "Disability information includes both None and other values",
        exists(DISABILITY, "n", same_child("n", "t"), "n.disability = 'NONE'")
        + " AND "
        + exists(DISABILITY, "o", same_child("o", "t"), "o.disability <> 'NONE'"),
    ),
    where(
        "8794",
        DISABILITY,
        ("Disability",),
        "Child has two or more disabilities with the same code",
        exists(DISABILITY, "o", f"{same_child('o', 't')} AND NOT {same_row('o', 't')}", "o.disability = t.disability"),
    ),
    la_level(
        "2887Q",
        "cin_child",
        ("Disability",),
        "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return",
        "TRUE",
        f"{CODES_USED} <= 7",
    ),
    la_level(
        "2888Q",
        DISABILITY,
        ("Disability",),
        "Please check and either amend or provide a reason: Only one disability code is recorded per child and "
        "multiple disabilities should be recorded where possible.",
        "t.disability <> 'NONE'",
        f"{MOST_ON_ONE_CHILD} <= 1",
    ),
)
