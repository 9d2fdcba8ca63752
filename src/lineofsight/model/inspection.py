"""Ofsted inspection frameworks, their judgements and each council's inspection history.

Every framework Ofsted has used for councils' children's services since 2012 is
declared once here with its judgement names and grade scale; the reader in
`ofsted/`, the importers, the query and the pages all take names from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lineofsight.model.schema import CodeList, Column, ColumnType, Table

T, D, INT = ColumnType.TEXT, ColumnType.DATE, ColumnType.INTEGER

# Grade keys, best first. "adequate" is the 2012 frameworks' third grade; from
# November 2013 "requires improvement (to be good)" replaced it.
GRADE = CodeList(
    "ofsted_grade",
    {
        "outstanding": "Outstanding",
        "good": "Good",
        "requires_improvement": "Requires improvement to be good",
        "adequate": "Adequate",
        "inadequate": "Inadequate",
    },
    "Ofsted inspection frameworks for local authority children's services",
)
FOUR_POINT = ("outstanding", "good", "requires_improvement", "inadequate")
FOUR_POINT_2012 = ("outstanding", "good", "adequate", "inadequate")


def grade_rank(grade: str) -> int:
    """1 (outstanding) to 4 (inadequate) on either scale."""
    return {"outstanding": 1, "good": 2, "requires_improvement": 3, "adequate": 3, "inadequate": 4}[grade]


@dataclass(frozen=True)
class Framework:
    """One inspection framework: its judgements (key -> name as Ofsted words it) and scale."""

    key: str
    title: str
    start: dt.date
    end: dt.date | None
    kinds: tuple[str, ...]  # the kinds of visit under the framework; ungraded ones give no judgements
    judgements: dict[str, str]
    scale: tuple[str, ...]
    headline: str  # the judgement that sums up the inspection
    reference: str


SAFEGUARDING_2012 = Framework(
    "safeguarding_2012",
    "Inspection of safeguarding and looked after children services (2012)",
    dt.date(2009, 6, 1),
    dt.date(2013, 11, 1),
    ("safeguarding", "looked_after"),
    {
        "safeguarding_overall_effectiveness": "Safeguarding services: overall effectiveness",
        "safeguarding_capacity_to_improve": "Safeguarding services: capacity to improve",
        "safeguarding_outcomes": "Outcomes for children and young people: safety",
        "safeguarding_quality_of_provision": "Safeguarding: quality of provision",
        "safeguarding_leadership_and_management": "Safeguarding: leadership and management",
        "overall_effectiveness": "Services for looked after children: overall effectiveness",
        "capacity_to_improve": "Services for looked after children: capacity to improve",
        "outcomes": "Outcomes for looked after children and young people",
        "being_healthy": "Being healthy",
        "staying_safe": "Staying safe",
        "enjoying_and_achieving": "Enjoying and achieving",
        "making_a_positive_contribution": "Making a positive contribution",
        "economic_wellbeing": "Economic well-being",
        "quality_of_provision": "Quality of provision",
        "leadership_and_management": "Leadership and management",
        "ambition_and_prioritisation": "Ambition and prioritisation",
        "evaluation_of_outcomes": "Evaluation of outcomes",
        "user_engagement": "User engagement",
        "partnership_working": "Partnership working",
        "equality_and_diversity": "Equality and diversity",
        "performance_management": "Performance management and quality assurance",
        "value_for_money": "Value for money",
    },
    FOUR_POINT_2012,
    "overall_effectiveness",
    "Ofsted, Framework for the inspection of safeguarding and looked after children services (2012): 22 graded aspects",
)

SIF = Framework(
    "sif",
    "Single inspection framework (2013-2017)",
    dt.date(2013, 11, 1),
    dt.date(2018, 1, 1),
    ("sif",),
    {
        "overall_effectiveness": "Overall effectiveness",
        "help_and_protection": "Children who need help and protection",
        "looked_after_and_permanence": "Children looked after and achieving permanence",
        "adoption_performance": "Adoption performance",
        "care_leavers": "Experiences and progress of care leavers",
        "leadership_management_governance": "Leadership, management and governance",
        "lscb": "Effectiveness of the Local Safeguarding Children Board (reviewed separately)",
    },
    FOUR_POINT,
    "overall_effectiveness",
    "Ofsted, Inspection of services for children in need of help and protection, children looked after and care "
    "leavers, and reviews of Local Safeguarding Children Boards (single inspection framework)",
)

ILACS = Framework(
    "ilacs",
    "Inspecting local authority children's services (ILACS, 2018 on)",
    dt.date(2018, 1, 1),
    None,
    ("standard", "short", "focused_visit", "monitoring_visit"),
    {
        "overall_effectiveness": "Overall effectiveness",
        "impact_of_leaders": "The impact of leaders on social work practice with children and families",
        "help_and_protection": "The experiences and progress of children who need help and protection",
        "children_in_care_and_care_leavers": "The experiences and progress of children in care and care leavers",
        "children_in_care": "The experiences and progress of children in care",
        "care_leavers": "The experiences and progress of care leavers",
    },
    FOUR_POINT,
    "overall_effectiveness",
    "Ofsted, Inspecting local authority children's services framework (ILACS); care leavers judged separately "
    "from January 2023",
)

FRAMEWORKS: dict[str, Framework] = {f.key: f for f in (SAFEGUARDING_2012, SIF, ILACS)}
# Column headings for tables of judgements (the frameworks above word each judgement in full), ILACS first.
SHORT_NAMES = {
    "overall_effectiveness": "Overall effectiveness",
    "impact_of_leaders": "Impact of leaders",
    "help_and_protection": "Help and protection",
    "children_in_care_and_care_leavers": "Children in care and care leavers",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "looked_after_and_permanence": "Looked after and permanence",
    "adoption_performance": "Adoption performance",
    "leadership_management_governance": "Leadership, management and governance",
    "lscb": "Safeguarding board (LSCB)",
}
ILACS_CARE_LEAVERS_SEPARATE = dt.date(2023, 1, 1)
# Reports of the reformed ILACS give no overall effectiveness grade. Ofsted's reports show the change between the
# last graded one (on site from 16 March 2026) and the first without (27 April 2026): we date it 1 April 2026.
ILACS_NO_OVERALL_FROM = dt.date(2026, 4, 1)
GRADED_KINDS = ("safeguarding", "looked_after", "sif", "standard", "short")


def expected_judgements(framework: str, kind: str, inspection_start: dt.date | None, lscb: bool = True) -> set[str]:
    """The judgements an inspection of this framework and kind gives, so a reading can be checked complete."""
    if kind not in GRADED_KINDS:
        return set()
    if framework == "ilacs":
        base = {"impact_of_leaders", "help_and_protection"}
        if inspection_start is None or inspection_start < ILACS_NO_OVERALL_FROM:
            base.add("overall_effectiveness")
        separate = inspection_start is not None and inspection_start >= ILACS_CARE_LEAVERS_SEPARATE
        return base | ({"children_in_care", "care_leavers"} if separate else {"children_in_care_and_care_leavers"})
    if framework == "sif":
        keys = set(SIF.judgements)
        return keys if lscb else keys - {"lscb"}
    return {"overall_effectiveness"}


FRAMEWORK = CodeList("ofsted_framework", {f.key: f.title for f in FRAMEWORKS.values()})
KIND = CodeList(
    "inspection_kind",
    {
        "safeguarding": "Safeguarding services inspection (2012 framework)",
        "looked_after": "Looked after children services inspection (2012 framework)",
        "sif": "Single inspection with review of the LSCB",
        "standard": "ILACS standard inspection (two weeks on site)",
        "short": "ILACS short inspection (one week on site)",
        "focused_visit": "ILACS focused visit (no grades)",
        "monitoring_visit": "ILACS monitoring visit of an inadequate council (no grades)",
    },
)
# The same kinds in a word or two, for table columns.
SHORT_KIND = {
    "safeguarding": "Safeguarding (2012)",
    "looked_after": "Looked after children (2012)",
    "sif": "Single inspection (SIF)",
    "standard": "ILACS standard",
    "short": "ILACS short",
    "focused_visit": "Focused visit",
    "monitoring_visit": "Monitoring visit",
}
SOURCE_KIND = CodeList(
    "judgement_source",
    {
        "report": "Read from the Ofsted report (PDF)",
        "official": "Ofsted official statistics: local authority inspection outcomes",
        "scraped": "A third-party scrape of Ofsted reports",
    },
)
# When two sources give the same inspection, the one that ranks first is shown:
# the report itself, then Ofsted's official statistics, then a scrape.
SOURCE_PRECEDENCE = ("report", "official", "scraped")

INSPECTION = Table(
    "inspection",
    "inspection",
    (
        Column("inspection_id", T, required=True, description="URN and first day on site, e.g. 80527-2022-10-10"),
        Column("urn", T, description="Ofsted's unique reference number of the council"),
        Column("council", T, description="Council name as the source gives it"),
        Column("framework", T, codes=FRAMEWORK, required=True),
        Column("kind", T, codes=KIND, required=True),
        Column("inspection_start", D),
        Column("inspection_end", D),
        Column("published", D),
        Column("source", T, codes=SOURCE_KIND, required=True),
    ),
    "One row per inspection per source: a council's full inspection history, the source of each row kept.",
    key=("inspection_id", "source"),
    reference="Ofsted inspection reports and official statistics",
)

JUDGEMENT = Table(
    "judgement",
    "inspection",
    (
        Column("inspection_id", T, required=True),
        Column("judgement", T, required=True, description="Judgement key of the framework, e.g. help_and_protection"),
        Column("grade", T, codes=GRADE, required=True),
        Column("source", T, codes=SOURCE_KIND, required=True),
    ),
    "Each judgement of an inspection with its grade, per source.",
    key=("inspection_id", "judgement", "source"),
    reference="Ofsted inspection reports and official statistics",
)

TABLES = (INSPECTION, JUDGEMENT)
