"""SSDA903 Episodes: legal status and placement combinations, durations, ages, providers,
Ofsted URNs and the postcodes the distance from home is measured between."""

from __future__ import annotations

from lineofsight.model.codes import RNE_NEW_CARER, RNE_PLACEMENT_CHANGED, RNE_SAME_CARER
from lineofsight.validate.build import (
    ADOPTION_PLACEMENTS,
    EPISODE_SEQUENCE,
    FOSTER_PLACEMENTS,
    OTHER_PLACEMENTS,
    QUERY,
    TEMPORARY,
    age,
    in_list,
    miles,
    rule,
)
from lineofsight.validate.rule import Rule

E = "episode"
SEQ = EPISODE_SEQUENCE
DAYS = "date_diff('day', t.start_date, coalesce(t.end_date, $end))"
RESPITE = "('V3', 'V4')"
NO_URN = ("P1", "P3", "R1", "R2", "R5", *TEMPORARY, *OTHER_PLACEMENTS)
MILES = miles("t.home_postcode", "t.placement_postcode")  # the placement's distance from home


def _longer(code: str, ls_or_place: str, value: str, days: int, message: str, field: str = "LS") -> Rule:
    return rule(code, E, (field, "DECOM", "DEC"), message, f"t.{ls_or_place} = '{value}' AND {DAYS} > {days}")


def _min_age(code: str, places: tuple[str, ...], years: int, message: str) -> Rule:
    return rule(
        code,
        E,
        ("DECOM", "PLACE"),
        message,
        f"t.placement_type IN {in_list(places)} AND {age('t.start_date')} < {years}",
        source=SEQ,
    )


def _provider(code: str, provider: str, places: tuple[str, ...], message: str) -> Rule:
    return rule(
        code,
        E,
        ("PLACE", "PLACE_PROVIDER"),
        message,
        f"t.placement_provider = '{provider}' AND t.placement_type IN {in_list(places)}",
    )


LEGAL_STATUS = (
    rule(
        "358",
        E,
        ("DECOM", "DOB", "LS"),
        "Child with this legal status should not be under 10.",
        f"t.legal_status IN ('J1', 'J2', 'J3') AND {age('t.start_date')} < 10",
        source=SEQ,
    ),
    rule(
        "359",
        E,
        ("DEC", "LS", "PLACE"),
        "Child being looked after following 18th birthday must be accommodated under section 20(5) of the "
        "Children Act 1989 in a community home.",
        "coalesce(t.end_date, $end) > t.dob + INTERVAL 18 YEAR AND NOT (t.legal_status = 'V2' "
        "AND t.placement_type IN ('H5', 'K2', 'K3', 'R1', 'P2'))",
        source=SEQ,
    ),
    _longer(
        "361", "legal_status", "L1", 3, "Police protection legal status lasted longer than maximum 72 hours allowed"
    ),
    _longer("362", "legal_status", "L2", 21, "Emergency protection order (EPO) lasted longer than 21 days"),
    _longer(
        "363",
        "legal_status",
        "L3",
        7,
        "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
    ),
    _longer(
        "364",
        "legal_status",
        "J2",
        15,
        "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely "
        "limits the amount of time a child can be detained in custody, and it is unlikely that a child would be "
        "accommodated under this legal status for more than 15 days.",
    ),
    _longer("365", "legal_status", "V3", 17, "Any individual short- term respite placement must not exceed 17 days."),
    rule(
        "366",
        E,
        ("RNE",),
        "A child cannot change placement during the course of an individual short-term respite break.",
        f"t.legal_status = 'V3' AND t.reason_new_episode IN {in_list(RNE_PLACEMENT_CHANGED)}",
    ),
    rule(
        "367",
        E,
        ("LS", "DECOM", "DEC"),
        "The maximum amount of respite care allowable is 75 days in any 12-month period.",
        f"t.legal_status = 'V3' AND t.child_id IN (SELECT child_id FROM @episode t WHERE t.legal_status = 'V3' "
        f"GROUP BY child_id HAVING sum({DAYS}) > 75)",
    ),
    rule(
        "378",
        E,
        ("PLACE", "LS"),
        "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under "
        "Section 20 of the Children Act 1989.",
        "t.placement_type = 'P1' AND t.legal_status = 'V2'",
    ),
    rule(
        "382",
        E,
        ("LS", "PLACE"),
        "A child receiving respite care cannot be in a temporary placement.",
        f"t.legal_status IN {RESPITE} AND t.placement_type IN {in_list(TEMPORARY)}",
    ),
    rule(
        "384",
        E,
        ("PLACE", "LS"),
        "A child receiving respite care cannot be in a long-term foster placement ",
        f"t.legal_status IN {RESPITE} AND t.placement_type IN ('U1', 'U4')",
    ),
    rule(
        "408",
        E,
        ("PLACE", "LS"),
        "Child is placed for adoption with a placement order, but no placement order has been recorded.",
        "t.placement_type IN ('A5', 'A6') AND t.legal_status NOT IN ('E1', 'D1')",
    ),
    rule(
        "445",
        E,
        ("LS", "DECOM"),
        "D1 is not a valid code for episodes starting after December 2005.",
        "t.legal_status = 'D1' AND t.start_date > DATE '2005-12-30'",
    ),
    rule(
        "446",
        E,
        ("LS", "DECOM"),
        "E1 is not a valid code for episodes starting before December 2005.",
        "t.legal_status = 'E1' AND t.start_date < DATE '2005-12-30'",
    ),
    rule(
        "451",
        E,
        ("DEC", "REC", "LS"),
        "Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.",
        "t.legal_status = 'D1' AND t.end_date IS NULL",
    ),
)

PLACEMENTS = (
    _min_age("370", ("P2",), 16, "Child in independent living should be at least 16."),
    _min_age(
        "371",
        ("H5",),
        16,
        "Child in supported accomodation not subject to children's homes regulations should be at least 16.",
    ),
    _min_age("372", ("R5",), 10, "Child in youth custody or prison should be at least 10."),
    _min_age("373", ("S1",), 4, "Child placed in a school should be at least 4 years old."),
    _min_age("374", ("P3",), 14, "Child in residential employment should be at least 14 years old."),
    _longer(
        "375", "placement_type", "T1", 42, "Hospitalisation coded as a temporary placement exceeds six weeks.", "PLACE"
    ),
    _longer(
        "376",
        "placement_type",
        "T3",
        21,
        "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.",
        "PLACE",
    ),
    rule(
        "377",
        E,
        ("PLACE",),
        "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any "
        "12-month period.",
        "t.placement_type = 'T3' AND t.child_id IN (SELECT child_id FROM @episode WHERE placement_type = 'T3' "
        "GROUP BY child_id HAVING count(*) > 2)",
    ),
    _longer(
        "379",
        "placement_type",
        "T4",
        7,
        "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
        "PLACE",
    ),
    rule(
        "380",
        E,
        ("PLACE", "RNE"),
        "A period of care cannot start with a temporary placement.",
        # A temporary placement is always with other carers, so it begins with RNE P or B (nor S, L, T, U).
        f"t.placement_type IN {in_list(TEMPORARY)} AND t.reason_new_episode NOT IN {in_list(RNE_NEW_CARER)}",
    ),
    rule(
        "381",
        E,
        ("PLACE", "REC"),
        "A period of care cannot end with a temporary placement.",
        f"t.placement_type IN {in_list(TEMPORARY)} AND t.reason_episode_ceased IS NOT NULL "
        "AND t.reason_episode_ceased <> 'X1'",
    ),
    rule(
        "383",
        E,
        ("PLACE", "RNE", "PL_POST"),
        "A child in a temporary placement must subsequently return to his/her normal placement.",
        f"t.placement_type IN {in_list(TEMPORARY)} AND t.seq > 1 AND t.next_place IS NOT NULL "
        "AND t.next_place <> t.prev_place",
        source=SEQ,
    ),
    rule(
        "217",
        E,
        ("PLACE", "DECOM", "RNE"),
        "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a "
        "reason for new episode of S, T or U.",
        f"t.placement_type IN ('A3', 'A5') AND t.reason_new_episode NOT IN {in_list(('S', *RNE_SAME_CARER))}",
    ),
    rule(
        "336",
        E,
        ("PLACE",),
        "Child does not have a foster placement immediately prior to being placed for adoption.",
        f"t.placement_type IN ('A3', 'A5') AND t.seq > 1 AND t.prev_place NOT IN {in_list(FOSTER_PLACEMENTS)}",
        source=SEQ,
    ),
)

PROVIDERS_AND_URN = (
    _provider(
        "527",
        "PR1",
        ("P1", "R2", "R5"),
        "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
    ),
    _provider(
        "528",
        "PR2",
        ("P1", "R2", "R5"),
        "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
    ),
    _provider(
        "529",
        "PR3",
        ("P1", *ADOPTION_PLACEMENTS, "K1", "K2", *FOSTER_PLACEMENTS),
        "Placement provider code "
        "of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements "
        "cannot be provided by other public organisations.",
    ),
    _provider("530", "PR4", ("P1",), "A placement provider code of PR4 cannot be associated with placement P1."),
    _provider("531", "PR5", ("P1",), "A placement provider code of PR5 cannot be associated with placements P1."),
    rule(
        "550",
        E,
        ("PLACE", "PLACE_PROVIDER"),
        "A placement provider code of PR0 can only be associated with placement P1.",
        "t.placement_provider = 'PR0' AND t.placement_type <> 'P1'",
    ),
    rule(
        "218",
        E,
        ("URN",),
        "Ofsted Unique reference number (URN) is required.",
        f"t.urn IS NULL AND t.placement_type NOT IN {in_list(NO_URN)} AND t.legal_status NOT IN {RESPITE}",
    ),
    rule(
        "222",
        E,
        ("URN",),
        "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
        f"t.placement_type IN {in_list(NO_URN)} AND t.urn IS NOT NULL AND t.urn <> 'XXXXXXX'",
    ),
)

POSTCODES = (
    rule(
        "392b",
        E,
        ("HOME_POST", "PL_POST"),
        "Child is looked after but no postcodes are recorded.",
        # The DfE's rule asks for postcodes only of children not UASC: a UASC's home postcode is not known (DfE
        # SSDA903 validation rules, 392B; the DfE's own check also spares those UASC in the two years before).
        f"t.legal_status NOT IN {RESPITE} AND (t.home_postcode IS NULL OR t.placement_postcode IS NULL) "
        "AND t.child_id NOT IN (SELECT child_id FROM @uasc)",
    ),
    rule(
        "392c",
        E,
        ("HOME_POST", "PL_POST"),
        "Postcode(s) provided are invalid.",
        "EXISTS (SELECT 1 FROM (VALUES (t.home_postcode), (t.placement_postcode)) v(p) WHERE p IS NOT NULL "
        "AND upper(replace(p, ' ', '')) NOT IN (SELECT postcode FROM postcode))",
    ),
    rule(
        "392d",
        E,
        ("HOME_POST", "PL_POST", "PLACE"),
        "Home and placement postcodes should not be same unless the placement type is P1.",
        "t.placement_type <> 'P1' AND upper(replace(t.home_postcode, ' ', '')) = "
        "upper(replace(t.placement_postcode, ' ', ''))",
        severity=QUERY,
    ),
    rule(
        "398",
        E,
        ("LS", "HOME_POST", "PL_POST"),
        "Distance field completed but child looked after under legal status V3 or V4.",
        f"t.legal_status IN {RESPITE} AND (t.home_postcode IS NOT NULL OR t.placement_postcode IS NOT NULL)",
    ),
    rule(
        "454",
        E,
        ("HOME_POST", "PL_POST"),
        "Placement distance from home is over 350 miles.",
        f"{MILES} > 350",
        severity=QUERY,
        first_year=2026,
    ),
)

RULES = LEGAL_STATUS + PLACEMENTS + PROVIDERS_AND_URN + POSTCODES
