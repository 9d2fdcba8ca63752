"""cp.plans_rate: children subject to a child protection plan at 31 March per 10,000 children."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cp.plans_rate",
    title="Children on a child protection plan per 10,000 children",
    area=Area.HELP_AND_PROTECTION,
    numerator="Children with a child protection plan open at 31 March",
    denominator="ONS mid-year estimate of children aged 0 to 17 (the one for the calendar year before 31 March)",
    cohort="Child protection plans in the CIN census",
    period="At 31 March, the end of the collection year",
    polarity=None,
    unit="per_10000",
    source="DfE, Characteristics of children in need, table D1 (children subject to a plan at 31 March)",
    datasets=("cin",),
    choices=(
        "Open at 31 March = started on or before 31 March and not ended, or ended after 31 March.",
        "A plan ending on 31 March itself is not open at 31 March.",
        "Each child counts once, even with two plans recorded.",
    ),
    query="""
SELECT p.la_code, p.collection_year, p.child_id AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator, CAST(NULL AS DOUBLE) AS value,
       min(p.start_date) AS plan_start_date
FROM protection_plan p
WHERE {{ open_at_year_end('p') }}
GROUP BY p.la_code, p.collection_year, p.child_id
""",
)
