"""workforce.vacancy: vacant social worker posts as a share of all posts."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="workforce.vacancy",
    title="Social worker vacancy rate",
    area=Area.WORKFORCE,
    numerator="FTE of vacant social worker posts at 30 September",
    denominator="FTE of vacancies plus employed (non-agency) social workers in post at 30 September",
    cohort="Children and family social worker posts (CSWW census)",
    period="At the 30 September census (census 30 September 2025 = collection year 2026)",
    polarity="lower",
    unit="percent",
    source="DfE, Children's social work workforce statistics, vacancy rate (14.2% in 2025)",
    datasets=("workforce",),
    sum_numerator="fte",
    sum_denominator="fte",
    member_kind="worker",
    choices=(
        "In-post FTE counts employed social workers only: agency workers mostly fill vacant posts, "
        "so counting them too would count those posts twice.",
        "Each vacancy row is a member named 'vacancy, role N'.",
    ),
    query="""
SELECT w.la_code, w.collection_year, w.worker_id AS member_id,
       TRUE AS in_denominator, FALSE AS in_numerator, CAST(NULL AS DOUBLE) AS value, w.fte, w.role
FROM worker w
WHERE NOT w.agency
  AND {{ in_post_at_census('w') }}
UNION ALL
SELECT v.la_code, v.collection_year, concat('vacancy, role ', v.role) AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator, CAST(NULL AS DOUBLE) AS value,
       v.vacancies_fte AS fte, v.role
FROM vacancy v
""",
)
