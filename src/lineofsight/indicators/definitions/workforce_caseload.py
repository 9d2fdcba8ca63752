"""workforce.caseload: average cases held per FTE case-holding social worker."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="workforce.caseload",
    title="Average caseload",
    area=Area.WORKFORCE,
    numerator="Cases held at 30 September by social workers holding at least one case",
    denominator="FTE of those case holders, agency workers included",
    cohort="Children and family social workers holding cases (CSWW census)",
    period="At the 30 September census (census 30 September 2025 = collection year 2026)",
    polarity="lower",
    unit="ratio",
    source="DfE, Children's social work workforce statistics, average caseload (15.2 in 2025)",
    datasets=("workforce",),
    sum_denominator="fte",
    member_kind="worker",
    choices=("Case holders are workers of any role holding one case or more; agency workers count, as the DfE's do.",),
    query="""
SELECT w.la_code, w.collection_year, w.worker_id AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator, CAST(w.cases AS DOUBLE) AS value, w.fte, w.role, w.agency
FROM worker w
WHERE {{ in_post_at_census('w') }}
  AND w.cases >= 1
""",
)
