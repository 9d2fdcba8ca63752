"""SSDA903 AD1 (adoptions) and PlacedAdoption (decisions that a child should be placed for adoption)."""

from __future__ import annotations

from lineofsight.model.ssda903 import ADOPTION, PLACED_FOR_ADOPTION
from lineofsight.validate.build import (
    ADOPTED,
    ADOPTION_PLACEMENTS,
    QUERY,
    code_check,
    date_check,
    in_header,
    in_list,
    once,
    rule,
    same_dob,
)

A, P = "adoption", "placed_for_adoption"
ADOPTED_EPISODE = f"(SELECT child_id FROM @episode WHERE reason_episode_ceased IN {in_list(ADOPTED)})"
ADOPTION_DATE = (
    f"(SELECT max(end_date) FROM @episode e WHERE e.child_id = t.child_id AND e.reason_episode_ceased IN "
    f"{in_list(ADOPTED)})"
)
FIRST_ADOPTION_PLACEMENT = (
    f"(SELECT min(start_date) FROM @episode e WHERE e.child_id = t.child_id AND e.placement_type IN "
    f"{in_list(ADOPTION_PLACEMENTS)})"
)
LATEST_CARE_START = (
    "(SELECT max(start_date) FROM @episode e WHERE e.child_id = t.child_id AND e.reason_new_episode = 'S')"
)
SEXES = ("SEX_ADOPTR",)

AD1 = (
    date_check("112", A, "DATE_INT", "Date should be placed for adoption is not a valid date."),
    date_check("113", A, "DATE_MATCH", "Date matching child and adopter(s) is not a valid date."),
    code_check(
        "114", A, "FOSTER_CARE", "Data entry to record the status of former carer(s) of an adopted child is invalid."
    ),
    code_check("175", A, "NB_ADOPTR", "The number of adopter(s) code is not a valid code."),
    code_check("176", A, "SEX_ADOPTR", "The gender of adopter(s) at the date of adoption code is not a valid code."),
    code_check("177", A, "LS_ADOPTR", "The legal status of adopter(s) code is not a valid code."),
    rule(
        "151",
        A,
        ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
        "All data items relating to a childs adoption must be coded or left blank.",
        "(t.date_should_be_placed IS NULL OR t.date_matched IS NULL OR t.foster_care IS NULL OR "
        "t.number_of_adopters IS NULL OR t.sex_of_adopters IS NULL OR t.legal_status_of_adopters IS NULL) AND "
        "coalesce(t.date_should_be_placed::VARCHAR, t.date_matched::VARCHAR, t.foster_care, t.number_of_adopters, "
        "t.sex_of_adopters, t.legal_status_of_adopters) IS NOT NULL",
    ),
    rule(
        "331",
        A,
        ("DATE_MATCH", "DECOM", "REC"),
        "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.",
        f"t.date_matched > {FIRST_ADOPTION_PLACEMENT}",
    ),
    rule(
        "333",
        A,
        ("DATE_INT",),
        "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).",
        "t.date_should_be_placed > t.date_matched",
    ),
    rule(
        "334",
        A,
        ("DATE_INT", "DECOM", "RNE"),
        "Date child started to be looked after in latest period of care must be on or prior to the date should be "
        "placed for adoption. ",
        f"t.date_should_be_placed < {LATEST_CARE_START}",
    ),
    rule(
        "511",
        A,
        ("NB_ADOPTR", "SEX_ADOPTR"),
        "If reporting that the number of person(s) adopting the looked after child is two adopters then the code "
        "should only be MM, FF or MF. MM = the adopting couple are both males. FF = the adopting couple are both "
        "females. MF = The adopting couple are male and female.",
        "t.number_of_adopters = '2' AND t.sex_of_adopters NOT IN ('MM', 'FF', 'MF')",
    ),
    rule(
        "514",
        A,
        ("LS_ADOPTR", "SEX_ADOPTR"),
        "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of "
        "adopters shows it as a couple.",
        "t.legal_status_of_adopters = 'L0' AND (t.number_of_adopters = '2' OR t.sex_of_adopters IN ('MM', 'FF', 'MF'))",
    ),
    rule(
        "517",
        A,
        ("LS_ADOPTR", "SEX_ADOPTR"),
        "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the "
        "adopting couple are male and female.",
        "t.legal_status_of_adopters = 'L3' AND t.sex_of_adopters <> 'MF'",
    ),
    rule(
        "518",
        A,
        ("LS_ADOPTR", "SEX_ADOPTR"),
        "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = "
        "the adopting couple are both males. FF = the adopting couple are both females.",
        "t.legal_status_of_adopters = 'L4' AND t.sex_of_adopters NOT IN ('MM', 'FF')",
    ),
    rule(
        "519",
        A,
        ("LS_ADOPTR", "SEX_ADOPTR"),
        "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of "
        "adopters does not show it as a couple.",
        "t.legal_status_of_adopters = 'L2' AND t.sex_of_adopters NOT IN ('MM', 'FF', 'MF')",
    ),
    rule(
        "520",
        A,
        ("LS_ADOPTR", "SEX_ADOPTR"),
        "Data entry on the legal status of adopters shows different gender married couple but data entry on genders "
        "of adopters shows it as a same gender couple.",
        "t.legal_status_of_adopters = 'L11' AND t.sex_of_adopters <> 'MF'",
    ),
    rule(
        "524",
        A,
        ("LS_ADOPTR", "SEX_ADOPTR"),
        "If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = "
        "the adopting couple are both males. FF = the adopting couple are both females.",
        "t.legal_status_of_adopters = 'L12' AND t.sex_of_adopters NOT IN ('MM', 'FF')",
    ),
    rule(
        "582",
        A,
        ("DEC", "DATE_MATCH"),
        "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the "
        "date reported for being matched with adopters.",
        f"t.date_matched = {ADOPTION_DATE}",
        severity=QUERY,
    ),
    rule(
        "602",
        A,
        ("CHILD",),
        "The episode data submitted for this child does not show that he/she was adopted during the year.",
        f"t.child_id NOT IN {ADOPTED_EPISODE}",
    ),
    in_header("INT01", ADOPTION, "Data Integrity Check: Child in AD1 does not exist in Header."),
    same_dob("INT11", ADOPTION, "Internal Check: DOB in AD1 is different to DOB in Header."),
    once("INT31", ADOPTION, "Internal Check: Child should only exist once in AD1."),
)

PLACED = (
    date_check(
        "115",
        P,
        "DATE_PLACED",
        "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.",
    ),
    date_check(
        "116",
        P,
        "DATE_PLACED_CEASED",
        "Date of Local Authority's (LA) decision that a child should no longer "
        "be placed for adoption is not a valid date.",
    ),
    code_check(
        "120",
        P,
        "REASON_PLACED_CEASED",
        "The reason for the reversal of the decision that the child should be placed for adoption code is not valid.",
    ),
    rule(
        "117",
        P,
        ("DATE_PLACED_CEASED", "DATE_PLACED"),
        "Date of decision that a child should/should no longer be placed for adoption is beyond the current "
        "collection year or after the child ceased to be looked after.",
        "t.date_placed > $end OR t.date_placed_ceased > $end",
    ),
    rule(
        "119",
        P,
        ("REASON_PLACED_CEASED", "DATE_PLACED_CEASED"),
        "If the decision is made that a child should no longer be placed for adoption, then the date of this "
        "decision and the reason why this decision was made must be completed.",
        "(t.date_placed_ceased IS NULL) <> (t.reason_placed_ceased IS NULL)",
    ),
    rule(
        "184",
        P,
        ("DATE_PLACED", "DOB"),
        "Date of decision that a child should be placed for adoption is before the child was born.",
        "t.date_placed < t.date_of_birth",
    ),
    rule(
        "522",
        P,
        ("DATE_PLACED", "DATE_PLACED_CEASED"),
        "Date of decision that the child should be placed for adoption must be on or before the date that a child "
        "should no longer be placed for adoption.",
        "t.date_placed > t.date_placed_ceased",
    ),
    rule(
        "523",
        P,
        ("DATE_PLACED", "DATE_INT"),
        "Date of decision that the child should be placed for adoption should be the same date as the decision that "
        "adoption is in the best interest (date should be placed).",
        # DfE rule 523: any decision to place recorded this year must carry AD1's date; no exception for a
        # decision since reversed (the DfE text has none).
        "EXISTS (SELECT 1 FROM @adoption a WHERE a.child_id = t.child_id AND a.date_should_be_placed <> t.date_placed)",
    ),
    rule(
        "525",
        P,
        ("DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
        "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.",
        "t.reason_placed_ceased LIKE 'RD%' AND t.child_id IN (SELECT child_id FROM @adoption) "
        "AND NOT EXISTS (SELECT 1 FROM @placed_for_adoption o WHERE o.child_id = t.child_id "
        "AND o.date_placed > t.date_placed)",
    ),
    rule(
        "551",
        P,
        ("DATE_PLACED", "PLACE"),
        "Child has been placed for adoption but there is no date of the decision that the child should be placed "
        "for adoption.",
        "t.date_placed IS NULL",
    ),
    rule(
        "552",
        P,
        ("DATE_PLACED", "DECOM"),
        "Date of Decision to place a child for adoption should be on or prior to the date that the child was placed "
        "for adoption.",
        "t.date_placed > (SELECT min(start_date) FROM @episode e WHERE e.child_id = t.child_id AND e.placement_type IN "
        f"{in_list(ADOPTION_PLACEMENTS)} AND e.start_date >= t.date_placed - INTERVAL 10 YEAR "
        "AND (t.date_placed_ceased IS NULL OR e.start_date <= t.date_placed_ceased))",
    ),
    rule(
        "558",
        P,
        ("DATE_PLACED_CEASED", "REC"),
        "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the "
        "date of the decision that a child should no longer be placed for adoption should be left blank.",
        f"t.child_id IN {ADOPTED_EPISODE} AND t.reason_placed_ceased NOT IN {in_list(ADOPTED)} "
        f"AND t.date_placed = (SELECT max(date_placed) FROM @placed_for_adoption o WHERE o.child_id = t.child_id)",
    ),
    rule(
        "579",
        P,
        ("DATE_PLACED", "DATE_PLACED_CEASED"),
        "A new decision that the child should be placed for adoption this year cannot start when the previous "
        "decision is still open. Decisions to place the child for adoption should also not overlap. The date of any "
        "new decision to place the child for adoption must not be before the date placed ceased of previous "
        "decisions.",
        "t.seq > 1 AND (t.prev_ceased IS NULL OR t.date_placed < t.prev_ceased)",
        source="(SELECT p.*, lag(p.date_placed_ceased) OVER w AS prev_ceased, row_number() OVER w AS seq "
        "FROM @placed_for_adoption p WINDOW w AS (PARTITION BY p.child_id ORDER BY p.date_placed, p.source_row))",
    ),
    rule(
        "1003",
        P,
        ("DATE_PLACED", "DECOM", "RNE"),
        "Date of LA's decision that a child should be placed for adoption is before the child started to be looked "
        "after.",
        f"t.date_placed < {LATEST_CARE_START}",
    ),
    in_header("INT02", PLACED_FOR_ADOPTION, "Internal Check: Child in PlacedAdoption does not exist in Header."),
    same_dob("INT12", PLACED_FOR_ADOPTION, "Internal Check: DOB in PlacedAdoption is different to DOB in Header."),
)

RULES = AD1 + PLACED
