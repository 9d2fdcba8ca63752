"""Workforce, return home interviews and other data the statutory returns lack.

The CSWW census reaches the DfE through its own collection tool; lineofsight
takes it as one CSV of workers and one of vacancies, with the census fields.
Missing episodes of children not in care and return home interviews are local
records (Annex A list 8 asks for them), taken as one CSV.
"""

from __future__ import annotations

from lineofsight.model import codes as c
from lineofsight.model.schema import Column, ColumnType, Table

T, D, INT, N, B = ColumnType.TEXT, ColumnType.DATE, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.BOOLEAN
CSWW = "DfE, Children's social work workforce census guide (census date 30 September)"

WORKER = Table(
    "worker",
    "workforce",
    (
        Column("worker_id", T, "SWENO", required=True, description="Social Work England registration number"),
        Column("role", T, "ROLE", c.WORKER_ROLE, required=True),
        Column("team", T, "TEAM", description="Team or service the worker belongs to"),
        Column("fte", N, "FTE", required=True, description="Full-time equivalent at 30 September (or when leaving)"),
        Column("agency", B, "AGENCY", required=True, description="Agency worker, not paid directly by the council"),
        Column("start_date", D, "START_DATE", required=True, description="Start in the council's children's services"),
        Column("leaving_date", D, "LEAVING_DATE", description="Left in the census year (1 October to 30 September)"),
        Column("leaving_reason", T, "LEAVING_REASON", c.LEAVING_REASON),
        Column("qualification_date", D, "QUAL_DATE", description="Date the social work qualification was awarded"),
        Column(
            "absence_days", N, "ABSENCE_DAYS", description="Working days lost to sickness absence in the census year"
        ),
        Column("cases", INT, "CASES", description="Cases held at 30 September"),
    ),
    "One row per social worker in post at 30 September or who left during the census year.",
    source_name="Workers",
    key=("worker_id",),
    reference=CSWW,
)

VACANCY = Table(
    "vacancy",
    "workforce",
    (
        Column("role", T, "ROLE", c.WORKER_ROLE, required=True),
        Column("vacancies_fte", N, "VACANCIES_FTE", required=True),
        Column("covered_by_agency_fte", N, "AGENCY_COVER_FTE"),
    ),
    "Vacant social worker posts (FTE) at 30 September.",
    source_name="Vacancies",
    key=("role",),
    reference=CSWW,
)

MISSING_INCIDENT = Table(
    "missing_incident",
    "local",
    (
        Column("child_id", T, "CHILD", required=True),
        Column("date_of_birth", D, "DOB"),
        Column("looked_after", B, "LOOKED_AFTER", required=True, description="Looked after at the time"),
        Column("start_date", D, "MIS_START", required=True),
        Column("end_date", D, "MIS_END", description="Date and time the child returned"),
        Column("rhi_offered", B, "RHI_OFFERED", required=True, description="Return home interview offered"),
        Column("rhi_accepted", B, "RHI_ACCEPTED", description="Child accepted the return home interview"),
        Column("rhi_date", D, "RHI_DATE", description="Date the return home interview took place"),
    ),
    "Missing episodes of children in and out of care, with their return home interviews.",
    source_name="ReturnInterviews",
    key=("child_id", "start_date"),
    reference="DfE, Statutory guidance on children who run away or go missing from home or care (2014); Ofsted Annex A list 8",
)

CONTACT = Table(
    "contact",
    "local",
    (
        Column("child_id", T, "CHILD", required=True),
        Column("contact_date", D, "CONTACT_DATE", required=True),
        Column("contact_source", T, "CONTACT_SOURCE", c.REFERRAL_SOURCE),
        Column(
            "outcome",
            T,
            "OUTCOME",
            description="Next step: referral, early help, information and advice, no further action",
        ),
    ),
    "Contacts to the front door (Annex A list 1).",
    source_name="Contacts",
    key=("child_id", "contact_date"),
    reference="Ofsted Annex A list 1",
)

EARLY_HELP = Table(
    "early_help",
    "local",
    (
        Column("child_id", T, "CHILD", required=True),
        Column("start_date", D, "EH_START", required=True),
        Column("end_date", D, "EH_END"),
        Column("organisation", T, "ORGANISATION"),
    ),
    "Early help assessments and support (Annex A list 2).",
    source_name="EarlyHelp",
    key=("child_id", "start_date"),
    reference="Ofsted Annex A list 2",
)

POPULATION = Table(
    "population",
    "reference",
    (
        Column("la_code", T, "LA_CODE", required=True),
        Column("year", INT, "YEAR", required=True, description="Mid-year estimate: population at 30 June of this year"),
        Column("population_0_17", INT, "POPULATION_0_17", required=True),
    ),
    "ONS mid-year estimates of children aged 0 to 17, the denominator of rates per 10,000. "
    "A collection year ending 31 March YYYY uses the mid-year estimate of YYYY-1, as the DfE does.",
    source_name="Population",
    key=("la_code", "year"),
    provenance=False,
    reference="ONS mid-year population estimates",
)

TABLES = (WORKER, VACANCY, MISSING_INCIDENT, CONTACT, EARLY_HELP, POPULATION)
