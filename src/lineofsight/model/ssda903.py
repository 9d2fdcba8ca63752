"""SSDA903 (children looked after) tables, as the DfE 903 guide lays them out.

Each column pairs the readable name used inside lineofsight with the DfE field
name used in the files; `formats/ssda903.py` reads and writes by that mapping.
"""

from __future__ import annotations

from lineofsight.model import codes as c
from lineofsight.model.schema import Column, ColumnType, Table

T, D, INT = ColumnType.TEXT, ColumnType.DATE, ColumnType.INTEGER
GUIDE = "DfE, Children looked after return 2025 to 2026: guide (SSDA903)"

CHILD_ID = Column("child_id", T, "CHILD", required=True, description="The council's identifier for the child")
DOB = Column("date_of_birth", D, "DOB", required=True)

HEADER = Table(
    "child",
    "ssda903",
    (
        CHILD_ID,
        Column("sex", T, "SEX", c.SEX, required=True),
        DOB,
        Column("ethnicity", T, "ETHNIC", c.ETHNICITY, required=True),
        Column("upn", T, "UPN", required=True, description="Unique pupil number, or UN1-UN10 when not known"),
        Column("mother", T, "MOTHER", c.YES_NO, description="Girl looked after who is a mother"),
        Column("mother_child_dob", D, "MC_DOB", description="Date of birth of the mother's child"),
    ),
    "One row per child looked after during the year.",
    source_name="Header",
    key=("child_id",),
    reference=GUIDE,
)

EPISODE = Table(
    "episode",
    "ssda903",
    (
        CHILD_ID,
        Column("start_date", D, "DECOM", required=True, description="Date the episode commenced"),
        Column("reason_new_episode", T, "RNE", c.REASON_NEW_EPISODE, required=True),
        Column("legal_status", T, "LS", c.LEGAL_STATUS, required=True),
        Column("cin_category", T, "CIN", c.CIN_CATEGORY, required=True),
        Column("placement_type", T, "PLACE", c.PLACEMENT_TYPE, required=True),
        Column("placement_provider", T, "PLACE_PROVIDER", c.PLACEMENT_PROVIDER),
        Column("end_date", D, "DEC", description="Date the episode ceased; blank while open"),
        Column("reason_episode_ceased", T, "REC", c.REASON_EPISODE_CEASED),
        Column("reason_place_change", T, "REASON_PLACE_CHANGE", c.REASON_PLACE_CHANGE),
        Column("home_postcode", T, "HOME_POST", description="Postcode of the child's home when the placement started"),
        Column("placement_postcode", T, "PL_POST", description="Postcode of the placement"),
        Column("urn", T, "URN", description="Ofsted URN of the placement provider, or XXXXXXX"),
    ),
    "One row per episode of care: each change of legal status or placement starts a new episode.",
    source_name="Episodes",
    key=("child_id", "start_date"),
    reference=GUIDE,
)

REVIEW = Table(
    "review",
    "ssda903",
    (
        CHILD_ID,
        DOB,
        Column("review_date", D, "REVIEW", required=True),
        Column("participation", T, "REVIEW_CODE", c.REVIEW_PARTICIPATION, required=True),
    ),
    "One row per statutory review of a looked after child.",
    source_name="Reviews",
    key=("child_id", "review_date"),
    reference=GUIDE,
)

UASC = Table(
    "uasc",
    "ssda903",
    (CHILD_ID, Column("sex", T, "SEX", c.SEX, required=True), DOB, Column("date_uasc_ceased", D, "DUC")),
    "Unaccompanied asylum-seeking children and the date they ceased to be one.",
    source_name="UASC",
    key=("child_id",),
    reference=GUIDE,
)

_flag = c.YES_NO
HEALTH_OUTCOME = Table(
    "health_outcome",
    "ssda903",
    (
        CHILD_ID,
        DOB,
        Column("sdq_score", INT, "SDQ_SCORE", description="Strengths and difficulties questionnaire total, 0 to 40"),
        Column("sdq_reason", T, "SDQ_REASON", c.SDQ_REASON),
        Column("convicted", T, "CONVICTED", _flag),
        Column("health_check", T, "HEALTH_CHECK", _flag, description="Development check up to date (under 5s)"),
        Column("immunisations", T, "IMMUNISATIONS", _flag, required=True),
        Column("teeth_check", T, "TEETH_CHECK", _flag, required=True),
        Column("health_assessment", T, "HEALTH_ASSESSMENT", _flag, required=True),
        Column("substance_misuse", T, "SUBSTANCE_MISUSE", _flag, required=True),
        Column("intervention_received", T, "INTERVENTION_RECEIVED", _flag),
        Column("intervention_offered", T, "INTERVENTION_OFFERED", _flag),
    ),
    "Outcomes (OC2) for children looked after continuously for 12 months at 31 March.",
    source_name="OC2",
    key=("child_id",),
    reference=GUIDE,
)

CARE_LEAVER = Table(
    "care_leaver",
    "ssda903",
    (
        CHILD_ID,
        DOB,
        Column("in_touch", T, "IN_TOUCH", c.IN_TOUCH, required=True),
        Column("activity", T, "ACTIV", c.ACTIVITY),
        Column("accommodation", T, "ACCOM", c.ACCOMMODATION),
    ),
    "Care leavers' outcomes (OC3) around their 17th to 21st birthdays.",
    source_name="OC3",
    key=("child_id",),
    reference=GUIDE,
)

ADOPTION = Table(
    "adoption",
    "ssda903",
    (
        CHILD_ID,
        DOB,
        Column(
            "date_should_be_placed",
            D,
            "DATE_INT",
            required=True,
            description="Date of the decision that the child should be placed for adoption",
        ),
        Column(
            "date_matched",
            D,
            "DATE_MATCH",
            required=True,
            description="Date the child was matched with prospective adopters",
        ),
        Column("foster_care", T, "FOSTER_CARE", _flag, required=True, description="Adopted by former foster carer"),
        Column("number_of_adopters", T, "NB_ADOPTR", c.NUMBER_OF_ADOPTERS, required=True),
        Column("sex_of_adopters", T, "SEX_ADOPTR", c.SEX_OF_ADOPTERS, required=True),
        Column("legal_status_of_adopters", T, "LS_ADOPTR", c.LEGAL_STATUS_OF_ADOPTERS, required=True),
    ),
    "Children adopted during the year (AD1).",
    source_name="AD1",
    key=("child_id",),
    reference=GUIDE,
)

PLACED_FOR_ADOPTION = Table(
    "placed_for_adoption",
    "ssda903",
    (
        CHILD_ID,
        DOB,
        Column(
            "date_placed",
            D,
            "DATE_PLACED",
            required=True,
            description="Date of the decision that the child should be placed for adoption",
        ),
        Column("date_placed_ceased", D, "DATE_PLACED_CEASED"),
        Column("reason_placed_ceased", T, "REASON_PLACED_CEASED", c.REASON_PLACED_CEASED),
    ),
    "Children for whom the decision was made that they should be placed for adoption.",
    source_name="PlacedAdoption",
    key=("child_id", "date_placed"),
    reference=GUIDE,
)

PREVIOUS_PERMANENCE = Table(
    "previous_permanence",
    "ssda903",
    (
        CHILD_ID,
        DOB,
        Column("previous_permanence", T, "PREV_PERM", c.PREVIOUS_PERMANENCE, required=True),
        Column("la_of_permanence", T, "LA_PERM", description="LA code of the council that arranged it"),
        Column("date_of_permanence", T, "DATE_PERM", description="DD/MM/YYYY, with zz for an unknown day or month"),
    ),
    "Permanence order the child had before entering care.",
    source_name="PrevPerm",
    key=("child_id",),
    reference=GUIDE,
)

MISSING = Table(
    "missing",
    "ssda903",
    (
        CHILD_ID,
        DOB,
        Column("missing_type", T, "MISSING", c.MISSING_TYPE, required=True),
        Column("start_date", D, "MIS_START", required=True),
        Column("end_date", D, "MIS_END"),
    ),
    "Periods a looked after child was missing or away from placement without authorisation.",
    source_name="Missing",
    key=("child_id", "start_date"),
    reference=GUIDE,
)

SOCIAL_WORKER_EPISODE = Table(
    "social_worker_episode",
    "ssda903",
    (
        CHILD_ID,
        DOB,
        Column("social_worker_id", T, "SW_ID", required=True, description="Social Work England registration number"),
        Column("start_date", D, "SW_DECOM", required=True),
        Column("end_date", D, "SW_DEC"),
        Column("reason_change", T, "SW_REASON", c.SOCIAL_WORKER_CHANGE_REASON),
    ),
    "Periods each social worker held the child's case.",
    source_name="SWEpisodes",
    key=("child_id", "start_date"),
    reference=GUIDE,
    years=(2024, None),  # first collected in 2023/24 (DfE, Stability measures for children looked after, 2024)
)

TABLES = (
    HEADER,
    EPISODE,
    REVIEW,
    UASC,
    HEALTH_OUTCOME,
    CARE_LEAVER,
    ADOPTION,
    PLACED_FOR_ADOPTION,
    PREVIOUS_PERMANENCE,
    MISSING,
    SOCIAL_WORKER_EPISODE,
)
