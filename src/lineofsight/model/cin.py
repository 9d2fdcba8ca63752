"""CIN census tables: the nested XML flattened into one table per element.

XML nesting is kept by keys: each CINdetails block is one `referral`
(numbered within the child in file order), and assessments, section 47
enquiries, plans and reviews hang off it.
"""

from __future__ import annotations

from lineofsight.model import codes as c
from lineofsight.model.schema import Column, ColumnType, Table

T, D, INT = ColumnType.TEXT, ColumnType.DATE, ColumnType.INTEGER
GUIDE = "DfE, Children in need census 2025 to 2026: guide"

CHILD_ID = Column("child_id", T, "LAchildID", required=True)
REFERRAL_ID = Column("referral_id", INT, description="Number of the CINdetails block within the child, from 1")

CIN_CHILD = Table(
    "cin_child",
    "cin",
    (
        CHILD_ID,
        Column("upn", T, "UPN"),
        Column("former_upn", T, "FormerUPN"),
        Column("upn_unknown", T, "UPNunknown", c.UPN_UNKNOWN),
        Column("date_of_birth", D, "PersonBirthDate"),
        Column("expected_date_of_birth", D, "ExpectedPersonBirthDate"),
        Column("sex", T, "Sex", c.CIN_SEX, required=True),
        Column("date_of_death", D, "PersonDeathDate"),
        Column("ethnicity", T, "Ethnicity", c.ETHNICITY, required=True),
    ),
    "One row per child in the census (ChildIdentifiers and ChildCharacteristics).",
    source_name="Child",
    key=("child_id",),
    reference=GUIDE,
)

CIN_DISABILITY = Table(
    "cin_disability",
    "cin",
    (CHILD_ID, Column("disability", T, "Disability", c.DISABILITY, required=True)),
    "Disabilities recorded for the child.",
    source_name="Disabilities",
    key=("child_id", "disability"),
    reference=GUIDE,
)

REFERRAL = Table(
    "referral",
    "cin",
    (
        CHILD_ID,
        REFERRAL_ID,
        Column("referral_date", D, "CINreferralDate", required=True),
        Column("referral_source", T, "ReferralSource", c.REFERRAL_SOURCE, required=True),
        Column("primary_need", T, "PrimaryNeedCode", c.PRIMARY_NEED),
        Column("closure_date", D, "CINclosureDate"),
        Column("reason_for_closure", T, "ReasonForClosure", c.REASON_FOR_CLOSURE),
        Column(
            "date_of_initial_cpc",
            D,
            "DateOfInitialCPC",
            description="Initial child protection conference in this episode",
        ),
        Column(
            "referral_nfa",
            T,
            "ReferralNFA",
            c.TRUE_FALSE,
            required=True,
            description="Referral led to no further action",
        ),
    ),
    "One row per children in need episode (CINdetails), opened by a referral.",
    source_name="CINdetails",
    key=("child_id", "referral_id"),
    reference=GUIDE,
)

ASSESSMENT = Table(
    "assessment",
    "cin",
    (
        CHILD_ID,
        REFERRAL_ID,
        Column("assessment_id", INT, description="Number of the Assessments block within the referral, from 1"),
        Column("start_date", D, "AssessmentActualStartDate", required=True),
        Column("internal_review_date", D, "AssessmentInternalReviewDate"),
        Column("authorisation_date", D, "AssessmentAuthorisationDate"),
    ),
    "Children and family assessments (Assessments).",
    source_name="Assessments",
    key=("child_id", "referral_id", "assessment_id"),
    reference=GUIDE,
)

ASSESSMENT_FACTOR = Table(
    "assessment_factor",
    "cin",
    (
        CHILD_ID,
        REFERRAL_ID,
        Column("assessment_id", INT),
        Column("factor", T, "AssessmentFactors", c.ASSESSMENT_FACTOR, required=True),
    ),
    "Factors identified at the end of an assessment.",
    source_name="FactorsIdentifiedAtAssessment",
    key=("child_id", "referral_id", "assessment_id", "factor"),
    reference=GUIDE,
)

CIN_PLAN = Table(
    "cin_plan",
    "cin",
    (
        CHILD_ID,
        REFERRAL_ID,
        Column("start_date", D, "CINPlanStartDate", required=True),
        Column("end_date", D, "CINPlanEndDate"),
    ),
    "Child in need plans (CINPlanDates).",
    source_name="CINPlanDates",
    key=("child_id", "referral_id", "start_date"),
    reference=GUIDE,
)

SECTION47 = Table(
    "section47",
    "cin",
    (
        CHILD_ID,
        REFERRAL_ID,
        Column("start_date", D, "S47ActualStartDate", required=True),
        Column("icpc_target_date", D, "InitialCPCtarget"),
        Column("icpc_date", D, "DateOfInitialCPC"),
        Column("icpc_not_required", T, "ICPCnotRequired", c.TRUE_FALSE),
    ),
    "Section 47 enquiries and the initial child protection conference they lead to (Section47).",
    source_name="Section47",
    key=("child_id", "referral_id", "start_date"),
    reference=GUIDE,
)

PROTECTION_PLAN = Table(
    "protection_plan",
    "cin",
    (
        CHILD_ID,
        REFERRAL_ID,
        Column("start_date", D, "CPPstartDate", required=True),
        Column("end_date", D, "CPPendDate"),
        Column("initial_category", T, "InitialCategoryOfAbuse", c.CATEGORY_OF_ABUSE, required=True),
        Column("latest_category", T, "LatestCategoryOfAbuse", c.CATEGORY_OF_ABUSE, required=True),
        Column("previous_plans", INT, "NumberOfPreviousCPP", required=True),
    ),
    "Child protection plans (ChildProtectionPlans).",
    source_name="ChildProtectionPlans",
    key=("child_id", "referral_id", "start_date"),
    reference=GUIDE,
)

PROTECTION_PLAN_REVIEW = Table(
    "protection_plan_review",
    "cin",
    (
        CHILD_ID,
        REFERRAL_ID,
        Column("plan_start_date", D, description="CPPstartDate of the plan reviewed"),
        Column("review_date", D, "CPPreviewDate", required=True),
    ),
    "Child protection review conferences (Reviews > CPPreviewDate).",
    source_name="Reviews",
    key=("child_id", "referral_id", "plan_start_date", "review_date"),
    reference=GUIDE,
)

TABLES = (
    CIN_CHILD,
    CIN_DISABILITY,
    REFERRAL,
    ASSESSMENT,
    ASSESSMENT_FACTOR,
    CIN_PLAN,
    SECTION47,
    PROTECTION_PLAN,
    PROTECTION_PLAN_REVIEW,
)
