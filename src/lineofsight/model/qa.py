"""Quality-assurance evidence: case audits, their moderation and actions, and feedback.

Audits and feedback are local records a council keeps beside its returns; they
are graded on Ofsted's four-point scale so that they read against judgements.
The CSV layouts of `lineofsight audit import/export` use the `source` names.
"""

from __future__ import annotations

from lineofsight.model.schema import CodeList, Column, ColumnType, Table

T, D, INT, B = ColumnType.TEXT, ColumnType.DATE, ColumnType.INTEGER, ColumnType.BOOLEAN
OFSTED_SCALE = "Ofsted, Inspecting local authority children's services (ILACS) framework: four-point scale"

GRADE = CodeList(
    "grade",
    {"1": "Outstanding", "2": "Good", "3": "Requires improvement to be good", "4": "Inadequate"},
    OFSTED_SCALE,
)

# The areas of practice Ofsted judges (ILACS), the same keys as the indicators' Area.
AREA = CodeList(
    "area_of_practice",
    {
        "help_and_protection": "Children who need help and protection",
        "children_in_care": "Children in care",
        "care_leavers": "Care leavers",
        "adoption": "Adoption",
        "workforce": "Workforce",
        "leadership": "Impact of leaders",
    },
    "Ofsted ILACS judgements",
)

# Audit domains: the aspects of a case file that audit tools commonly grade.
DOMAIN = CodeList(
    "audit_domain",
    {
        "childs_voice": "The child's voice and lived experience",
        "assessment": "Assessment",
        "planning": "Planning",
        "management_oversight": "Management oversight",
        "outcome": "Outcome and impact for the child",
    },
    "lineofsight audit form",
)

AUDIT_PROGRAMME = Table(
    "audit_programme",
    "qa",
    (
        Column("programme_id", T, "PROGRAMME", required=True),
        Column("title", T, "TITLE", required=True),
        Column("theme", T, "THEME", required=True, description="random or the name of a theme query"),
        Column("month", D, "MONTH", required=True, description="First day of the month the audits are due"),
        Column("seed", INT, "SEED", description="Seed of the random draw, so the sample can be drawn again"),
    ),
    "A programme of case audits: which cases, which auditors, which month.",
    key=("programme_id",),
    reference="Local quality-assurance framework",
)

AUDIT = Table(
    "audit",
    "qa",
    (
        Column("audit_id", T, "AUDIT_ID", required=True),
        Column("programme_id", T, "PROGRAMME"),
        Column("child_id", T, "CHILD", required=True),
        Column("area", T, "AREA", AREA, required=True),
        Column("team", T, "TEAM"),
        Column("auditor", T, "AUDITOR", required=True),
        Column("audit_date", D, "AUDIT_DATE", description="Blank while the audit is planned"),
        Column("overall_grade", T, "OVERALL", GRADE, description="Auditor's overall grade of the case"),
        Column("findings", T, "FINDINGS", description="Free-text findings"),
        Column("moderator", T, "MODERATOR", description="Second auditor who moderated the audit"),
        Column("moderation_date", D, "MODERATION_DATE"),
        Column("moderated_grade", T, "MODERATED_GRADE", GRADE, description="Moderator's overall grade"),
        Column("moderation_comment", T, "MODERATION_COMMENT"),
    ),
    "One audit of one child's case: the overall grade and its moderation.",
    key=("audit_id",),
    reference=OFSTED_SCALE,
)

AUDIT_GRADE = Table(
    "audit_grade",
    "qa",
    (
        Column("audit_id", T, required=True),
        Column("domain", T, codes=DOMAIN, required=True),
        Column("grade", T, codes=GRADE, required=True),
    ),
    "The grade of each domain of an audit (the CSV carries one column per domain).",
    key=("audit_id", "domain"),
    reference=OFSTED_SCALE,
)

AUDIT_ACTION = Table(
    "audit_action",
    "qa",
    (
        Column("action_id", T, "ACTION_ID", required=True),
        Column("audit_id", T, "AUDIT_ID", required=True),
        Column("action", T, "ACTION", required=True, description="What must be done"),
        Column("owner", T, "OWNER", required=True),
        Column("due_date", D, "DUE_DATE", required=True),
        Column("completed_date", D, "COMPLETED_DATE"),
    ),
    "Actions an audit asks for, with owners and due dates, followed to completion.",
    key=("action_id",),
    reference="Local quality-assurance framework",
)

FEEDBACK_RESPONSE = Table(
    "feedback_response",
    "qa",
    (
        Column("survey", T, required=True),
        Column("respondent", T, required=True, description="Row of the response in its file, or its own id"),
        Column("response_date", D),
        Column("area", T, codes=AREA, required=True),
        Column("question", T, required=True),
        Column("answer", T, required=True, description="The answer as given"),
        Column("positive", B, required=True, description="Agree, strongly agree, 4 or 5 of 5, or yes"),
    ),
    "Answers of children, young people and families to surveys, one row per answer.",
    key=("survey", "respondent", "question"),
    reference="Local feedback surveys",
)

TABLES = (AUDIT_PROGRAMME, AUDIT, AUDIT_GRADE, AUDIT_ACTION, FEEDBACK_RESPONSE)
