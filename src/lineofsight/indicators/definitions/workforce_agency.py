"""workforce.agency: agency social workers as a share of all social workers in post."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="workforce.agency",
    title="Agency social worker rate",
    area=Area.WORKFORCE,
    numerator="FTE of agency social workers in post at 30 September",
    denominator="FTE of agency and employed social workers in post at 30 September",
    cohort="Children and family social workers (CSWW census)",
    period="At the 30 September census (census 30 September 2025 = collection year 2026)",
    polarity="lower",
    unit="percent",
    source="DfE, Children's social work workforce statistics, agency worker rate (13.0% in 2025)",
    datasets=("workforce",),
    sum_numerator="fte",
    sum_denominator="fte",
    member_kind="worker",
    choices=("Agency FTE / (agency FTE + employed FTE): the formula that reproduces the DfE's 2023 and 2025 rates.",),
    query="""
SELECT w.la_code, w.collection_year, w.worker_id AS member_id,
       TRUE AS in_denominator, w.agency AS in_numerator, CAST(NULL AS DOUBLE) AS value, w.fte, w.role
FROM worker w
WHERE {{ in_post_at_census('w') }}
""",
)
