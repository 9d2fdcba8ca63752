"""SSDA903 Header: the child's sex, date of birth, ethnicity, UPN and motherhood."""

from __future__ import annotations

from lineofsight.model.codes import FEMALE, MALE
from lineofsight.model.ssda903 import HEADER
from lineofsight.validate.build import (
    CEASED_IN_YEAR,
    LOOKED_AFTER_AT_END,
    QUERY,
    age,
    code_check,
    date_check,
    in_list,
    mandatory,
    once,
    rule,
)

H = "child"
# DfE rule 168 (SSDA903 2025/26, 2026/27): a UPN's first character is a check letter, never I, O or S,
# then 11 digits and a digit or letter; unknown UPNs are UN1-UN5 (UN6-UN10 are the CIN census's only).
UPN_FORMAT = "'^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-Z]$'"
UPN_UNKNOWN = "('UN1', 'UN2', 'UN3', 'UN4', 'UN5')"


RULES = (
    code_check("101", H, "SEX", "The child or young person's reported sex is not valid."),
    rule(
        "232",
        H,
        ("SEX",),
        "Sex of the child/young person has been reported as unknown.",
        "t.sex = 'U'",
        severity=QUERY,
        first_year=2025,
    ),
    date_check("102", H, "DOB", "Date of birth is not a valid date."),
    code_check("103", H, "ETHNIC", "The ethnicity code is either not valid or has not been entered."),
    # DfE rule 165 (2025/26, 2026/27): MOTHER, if provided, must be valid and the child female; a female
    # child with an episode in the year (short breaks, V3/V4, aside) must have it.
    rule(
        "165",
        H,
        ("MOTHER", "SEX"),
        "Data entry for mother status is invalid.",
        f"t.mother NOT IN {in_list(HEADER.column('mother').codes.codes)} "  # type: ignore[union-attr]
        f"OR (t.mother IS NOT NULL AND t.sex IN {in_list(MALE)}) "
        f"OR (t.mother IS NULL AND t.sex IN {in_list(FEMALE)} AND t.child_id IN (SELECT child_id "
        "FROM @episode WHERE start_date <= $end AND (end_date IS NULL OR end_date >= $start) "
        "AND legal_status NOT IN ('V3', 'V4')))",
    ),
    rule(
        "168",
        H,
        ("UPN",),
        "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.",
        f"t.upn NOT IN {UPN_UNKNOWN} AND NOT regexp_full_match(t.upn, {UPN_FORMAT})",
    ),
    date_check("171", H, "MC_DOB", "Date of birth of mother's child is not a valid date."),
    rule(
        "174",
        H,
        ("SEX", "MC_DOB"),
        "Mother's child date of birth is recorded but sex shows that the child is a male.",
        f"t.mother_child_dob IS NOT NULL AND t.sex IN {in_list(MALE)}",
    ),
    rule(
        "209",
        H,
        ("UPN", "DOB"),
        "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
        f"t.upn = 'UN1' AND {age('make_date($year - 1, 8, 31)', 't.date_of_birth')} >= 5",
    ),
    rule(
        "210",
        H,
        ("UPN", "DECOM"),
        "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number "
        "(UPN) code of UN4.",
        "t.upn = 'UN4' AND t.child_id IN (SELECT child_id FROM @episode WHERE end_date IS NULL "
        "AND start_date < $end - INTERVAL 7 DAY)",
    ),
    rule("301", H, ("DOB",), "Date of birth falls after the year ended.", "t.date_of_birth > $end"),
    rule(
        "351",
        H,
        ("DOB",),
        "Child was over 25 at the start of the current collection year.",
        f"{age('$start', 't.date_of_birth')} > 25",
    ),
    rule(
        "393",
        H,
        ("MOTHER",),
        "Child is looked after but mother field is not completed.",
        f"t.sex IN {in_list(FEMALE)} AND t.mother IS NULL AND {age('$end', 't.date_of_birth')} >= 11 "
        f"AND t.child_id IN {LOOKED_AFTER_AT_END}",
        severity=QUERY,
    ),
    mandatory("442", H, ("UPN",), "Unique Pupil Number (UPN) field is not completed."),
    rule(
        "444",
        H,
        ("UPN",),
        "Duplicate UPN has been reported",
        f"t.upn NOT IN {UPN_UNKNOWN} AND t.upn IN (SELECT upn FROM @child GROUP BY upn "
        "HAVING count(DISTINCT child_id) > 1)",
        first_year=2026,
    ),
    rule(
        "607",
        H,
        ("MOTHER", "SEX"),
        "Child ceased to be looked after in the year, but mother field has not been completed.",
        f"t.sex IN {in_list(FEMALE)} AND t.mother IS NULL AND {age('$end', 't.date_of_birth')} >= 11 "
        f"AND t.child_id IN {CEASED_IN_YEAR}",
    ),
    rule(
        "611",
        H,
        ("MOTHER", "MC_DOB"),
        "Date of birth field is blank, but child is a mother.",
        "t.mother = '1' AND t.mother_child_dob IS NULL",
    ),
    rule(
        "612",
        H,
        ("SEX", "MOTHER", "MC_DOB"),
        "Date of birth field has been completed but mother field indicates child is not a mother.",
        "t.mother = '0' AND t.mother_child_dob IS NOT NULL",
    ),
    rule(
        "620",
        H,
        ("DOB", "MOTHER"),
        "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
        f"t.mother = '1' AND {age('$start', 't.date_of_birth')} < 11",
    ),
    rule(
        "621",
        H,
        ("DOB", "MC_DOB"),
        "Mother's field has been completed but date of birth shows that the mother is younger than her child.",
        "t.mother_child_dob < t.date_of_birth",
    ),
    rule(
        "625",
        H,
        ("MC_DOB",),
        "Date of birth of the first child is beyond the end of this reporting year or the date the child "
        "ceased to be looked after.",
        "t.mother_child_dob > $end",
    ),
    rule(
        "628",
        H,
        ("MOTHER",),
        "Motherhood details are not required for care leavers who have not been looked after during the year.",
        "t.mother IS NOT NULL AND t.child_id NOT IN (SELECT child_id FROM @episode)",
    ),
    once("INT32", HEADER, "Internal Check: Child should only exist once in Header."),
)
