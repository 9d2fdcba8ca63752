"""workforce.turnover: social workers leaving in the census year, as a share of those in post."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="workforce.turnover",
    title="Social worker turnover",
    area=Area.WORKFORCE,
    numerator="FTE of employed (non-agency) social workers who left between 1 October and 30 September",
    denominator="FTE of employed (non-agency) social workers in post at 30 September",
    cohort="Children and family social workers employed by the council (CSWW census)",
    period="Census year to 30 September (census 30 September 2025 = collection year 2026)",
    polarity="lower",
    unit="percent",
    source="DfE, Children's social work workforce statistics, turnover rate (11.8% in 2025)",
    datasets=("workforce",),
    sum_numerator="fte",
    sum_denominator="fte",
    member_kind="worker",
    choices=(
        "FTE-based and for employed social workers only, as the DfE's rate is; agency workers are left out.",
        "A leaver's FTE is the FTE when leaving; leavers are in the numerator but not the denominator, "
        "as the DfE divides leavers by those in post at 30 September.",
    ),
    query="""
SELECT w.la_code, w.collection_year, w.worker_id AS member_id,
       ({{ in_post_at_census('w') }}) AS in_denominator,
       (w.leaving_date > make_date(CAST(w.collection_year AS INTEGER) - 2, 9, 30)
        AND w.leaving_date <= {{ census_date('w.collection_year') }}) AS in_numerator,
       CAST(NULL AS DOUBLE) AS value, w.fte, w.role, w.leaving_date, w.leaving_reason
FROM worker w
WHERE NOT w.agency
""",
)
