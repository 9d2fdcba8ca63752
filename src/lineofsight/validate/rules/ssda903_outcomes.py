"""SSDA903 OC2 (children looked after for 12 months) and OC3 (care leavers): codes and cohorts."""

from __future__ import annotations

from lineofsight.model.ssda903 import CARE_LEAVER, HEALTH_OUTCOME
from lineofsight.validate.build import (
    CONTINUOUSLY_12_MONTHS,
    LOOKED_AFTER_AT_END,
    QUERY,
    age,
    code_check,
    in_header,
    integer_check,
    once,
    rule,
    same_dob,
)

O2, O3 = "health_outcome", "care_leaver"
FLAGS = ("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
CORE = "t.immunisations IS NULL OR t.teeth_check IS NULL OR t.health_assessment IS NULL OR t.substance_misuse IS NULL"
ANY_OC2 = (
    "coalesce(t.sdq_score::VARCHAR, t.sdq_reason, t.convicted, t.health_check, t.immunisations, t.teeth_check, "
    "t.health_assessment, t.substance_misuse, t.intervention_received, t.intervention_offered) IS NOT NULL"
)
IN_COHORT = f"t.child_id IN {CONTINUOUSLY_12_MONTHS}"
AGE_START, AGE_END = age("$start", "t.date_of_birth"), age("$end", "t.date_of_birth")
FLAG_FIELDS = (*FLAGS, "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
NOT_FLAG = " OR ".join(
    f"t.{n} NOT IN ('0', '1')"
    for n in (
        "convicted",
        "health_check",
        "immunisations",
        "teeth_check",
        "health_assessment",
        "substance_misuse",
        "intervention_received",
        "intervention_offered",
    )
)

OC2 = (
    integer_check(
        "180",
        O2,
        "SDQ_SCORE",
        "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
        0,
        40,
    ),
    rule(
        "181",
        O2,
        FLAG_FIELDS,
        "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.",
        NOT_FLAG,
    ),
    rule(
        "182",
        O2,
        ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"),
        "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified "
        "should be completed or all OC2 fields should be left blank.",
        f"({CORE}) AND {ANY_OC2}",
    ),
    rule(
        "157",
        O2,
        ("SDQ_REASON", "DOB"),
        "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and "
        "Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and "
        "Difficulties Questionnaire (SDQ) score.",
        f"t.sdq_reason = 'SDQ1' AND {AGE_START} >= 4 AND {AGE_END} <= 16",
    ),
    rule(
        "158",
        O2,
        ("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
        "If a child has been recorded as receiving an intervention for their substance misuse problem, then the "
        "additional item on whether an intervention was offered should be left blank.",
        "t.intervention_received = '1' AND t.intervention_offered IS NOT NULL",
    ),
    rule(
        "159",
        O2,
        ("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
        "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the "
        "additional item on whether an intervention was offered should be completed as well.",
        "t.substance_misuse = '1' AND t.intervention_received = '0' AND t.intervention_offered IS NULL",
    ),
    rule(
        "186",
        O2,
        ("SDQ_SCORE",),
        "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who "
        "have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) "
        "score completed.",
        f"t.sdq_score IS NULL AND t.sdq_reason IS NULL AND {AGE_START} >= 4 AND {AGE_END} < 17 AND {IN_COHORT}",
        severity=QUERY,
    ),
    rule(
        "188",
        O2,
        ("SDQ_SCORE", "SDQ_REASON"),
        "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a "
        "reason for no SDQ score has been completed. ",
        f"{AGE_END} < 4 AND (t.sdq_score IS NOT NULL OR t.sdq_reason IS NOT NULL)",
    ),
    rule(
        "189",
        O2,
        ("DOB", "SDQ_SCORE", "SDQ_REASON"),
        "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score "
        "or a reason for not completing one has been provided.",
        f"{AGE_START} >= 17 AND (t.sdq_score IS NOT NULL OR t.sdq_reason IS NOT NULL)",
    ),
    rule(
        "190",
        O2,
        FLAG_FIELDS,
        "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items "
        "relating to children looked after for 12 months have been completed.",
        f"NOT {IN_COHORT} AND {ANY_OC2}",
        severity=QUERY,
    ),
    rule(
        "191",
        O2,
        ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"),
        "Child has been looked after continuously for at least 12 months at 31 March but one or more data items "
        "relating to children looked after for 12 months have been left blank.",
        f"{IN_COHORT} AND ({CORE})",
    ),
    rule(
        "192",
        O2,
        ("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"),
        "Child has been identified as having a substance misuse problem but the additional item on whether an "
        "intervention was received has been left blank.",
        "t.substance_misuse = '1' AND t.intervention_received IS NULL",
    ),
    rule(
        "193",
        O2,
        ("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
        "Child not identified as having a substance misuse problem but at least one of the two additional items on "
        "whether an intervention were offered and received have been completed.",
        "t.substance_misuse = '0' AND (t.intervention_received IS NOT NULL OR t.intervention_offered IS NOT NULL)",
    ),
    code_check("196", O2, "SDQ_REASON", "Strengths and Difficulties (SDQ) reason is not a valid code."),
    rule(
        "197a",
        O2,
        ("SDQ_SCORE", "SDQ_REASON"),
        "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties "
        "Questionnaire score is filled in.",
        "t.sdq_score IS NOT NULL AND t.sdq_reason IS NOT NULL",
    ),
    rule(
        "198",
        O2,
        ("SDQ_REASON",),
        "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no "
        "Strengths and Difficulties (SDQ) score has been completed. ",
        f"t.sdq_reason IS NOT NULL AND NOT {IN_COHORT}",
    ),
    rule(
        "542",
        O2,
        ("CONVICTED",),
        "A child aged under 10 at 31 March should not have conviction information completed.",
        f"t.convicted IS NOT NULL AND {AGE_END} < 10",
    ),
    rule(
        "543",
        O2,
        ("DOB", "CONVICTED"),
        "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction "
        "information has not been completed.",
        f"t.convicted IS NULL AND {AGE_END} >= 10 AND {IN_COHORT}",
    ),
    rule(
        "544",
        O2,
        ("CONVICTED", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"),
        "Any child who has conviction information completed must also have immunisation, teeth check, health "
        "assessment and substance misuse problem identified fields completed.",
        f"t.convicted IS NOT NULL AND ({CORE})",
    ),
    rule(
        "545",
        O2,
        ("DOB", "HEALTH_CHECK"),
        "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion "
        "information has not been completed.",
        f"t.health_check IS NULL AND {AGE_END} < 5 AND {IN_COHORT}",
    ),
    rule(
        "546",
        O2,
        ("DOB", "HEALTH_CHECK"),
        "Children aged 5 or over at 31 March should not have health promotion information completed.",
        f"t.health_check IS NOT NULL AND {AGE_END} >= 5",
    ),
    rule(
        "547",
        O2,
        ("HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"),
        "Any child who has health promotion information completed must also have immunisation, teeth check, health "
        "assessment and substance misuse problem identified fields completed.",
        f"t.health_check IS NOT NULL AND ({CORE})",
    ),
    in_header("INT05", HEALTH_OUTCOME, "Internal Check: Child in OC2 does not exist in Header."),
    same_dob("INT14", HEALTH_OUTCOME, "Internal Check: DOB in OC2 is different to DOB in Header."),
    once("INT33", HEALTH_OUTCOME, "Internal Check: Child should only exist once in OC2."),
)

LEAVER_AGE = age("$end", "t.date_of_birth")
OC3 = (
    code_check("131", O3, "IN_TOUCH", "Data entry for being in touch after leaving care is invalid."),
    code_check("132", O3, "ACTIV", "Data entry for activity after leaving care is invalid."),
    code_check(
        "133",
        O3,
        "ACCOM",
        "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after "
        "leaving care the data entry must be valid",
    ),
    rule(
        "134",
        O3,
        ("CHILD",),
        "Data on adoption should not be entered for the OC3 cohort.",
        "t.child_id IN (SELECT child_id FROM @adoption)",
    ),
    rule(
        "153",
        O3,
        ("IN_TOUCH", "ACTIV", "ACCOM"),
        "All data items relating to a child's activity or accommodation after leaving care must be coded or left "
        "blank.",
        "(t.in_touch IS NULL OR t.activity IS NULL OR t.accommodation IS NULL) "
        "AND coalesce(t.in_touch, t.activity, t.accommodation) IS NOT NULL",
    ),
    rule(
        "215",
        O3,
        ("IN_TOUCH", "ACTIV", "ACCOM"),
        "Child has care leaver information but one or more data items relating to children looked after for 12 "
        "months have been completed.",
        "t.child_id IN (SELECT child_id FROM @health_outcome WHERE coalesce(convicted, health_check, immunisations, "
        "teeth_check, health_assessment, substance_misuse) IS NOT NULL)",
    ),
    rule(
        "344",
        O3,
        ("IN_TOUCH", "ACTIV", "ACCOM"),
        "The record shows the young person has died or returned home to live with parent(s) or someone with parental "
        "responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving "
        "care have been completed.",
        "t.in_touch IN ('DIED', 'RHOM') AND (t.activity IS NOT NULL OR t.accommodation IS NOT NULL)",
    ),
    rule(
        "345",
        O3,
        ("IN_TOUCH", "ACTIV", "ACCOM"),
        "The data collection record shows the local authority is in touch with this young person, but activity "
        "and/or accommodation data items are zero.",
        "t.in_touch = 'YES' AND (t.activity = '0' OR t.accommodation = '0')",
    ),
    rule(
        "391",
        O3,
        ("DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
        "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
        f"{LEAVER_AGE} < 17 OR {age('$start', 't.date_of_birth')} > 21",
    ),
    rule(
        "1000",
        O3,
        ("IN_TOUCH", "ACTIV", "ACCOM"),
        "This child is recorded as having died in care and therefore should not have the care leaver information "
        "completed.",
        "t.child_id IN (SELECT child_id FROM @episode WHERE reason_episode_ceased = 'E2') "
        "AND coalesce(t.in_touch, t.activity, t.accommodation) IS NOT NULL",
    ),
    rule(
        "1007",
        O3,
        ("IN_TOUCH", "ACTIV", "ACCOM"),
        "Care leaver information is not required for 17- or 18-year olds who are still looked after.",
        f"t.child_id IN {LOOKED_AFTER_AT_END} AND {LEAVER_AGE} IN (17, 18) "
        "AND coalesce(t.in_touch, t.activity, t.accommodation) IS NOT NULL",
    ),
    rule(
        "1011",
        O3,
        ("IN_TOUCH", "ACTIV", "ACCOM"),
        "This child is recorded as having his/her care transferred to another local authority for the final episode "
        "and therefore should not have the care leaver information completed.",
        "t.child_id IN (SELECT child_id FROM (SELECT child_id, reason_episode_ceased, row_number() OVER (PARTITION "
        "BY child_id ORDER BY start_date DESC) AS r FROM @episode) WHERE r = 1 AND reason_episode_ceased = 'E3') "
        "AND coalesce(t.in_touch, t.activity, t.accommodation) IS NOT NULL",
    ),
    in_header("INT06", CARE_LEAVER, "Internal Check: Child in OC3 does not exist in Header."),
    same_dob("INT15", CARE_LEAVER, "Internal Check: DOB in OC3 is different to DOB in Header."),
    once("INT34", CARE_LEAVER, "Internal Check: Child should only exist once in OC3."),
)

RULES = OC2 + OC3
