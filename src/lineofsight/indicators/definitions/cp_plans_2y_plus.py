"""cp.plans_2y_plus: child protection plans ending in the year that lasted two years or more."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cp.plans_2y_plus",
    title="Child protection plans lasting two years or more",
    area=Area.HELP_AND_PROTECTION,
    numerator="Plans ending in the year that had lasted two years or more",
    denominator="Plans ending in the year",
    cohort="Child protection plans with a CPPendDate in the year",
    period="Collection year, by plan end date",
    polarity="lower",
    unit="percent",
    source="DfE, Characteristics of children in need, table D7 (plans ceasing, by length)",
    datasets=("cin",),
    choices=(
        "The DfE publishes two measures: plans ending in the year (D7, 4.4% in 2025) and plans open at "
        "31 March (D5, 2.3%). This is D7, plans ending in the year.",
        "Two years or more = the end date is on or after the date two calendar years after the start: "
        "a plan ending on the day it reaches two years counts.",
    ),
    query="""
SELECT p.la_code, p.collection_year, p.child_id AS member_id,
       TRUE AS in_denominator,
       p.end_date >= {{ add_months('p.start_date', 24) }} AS in_numerator,
       CAST({{ days('p.start_date', 'p.end_date') }} AS DOUBLE) AS value,
       p.start_date, p.end_date
FROM protection_plan p
WHERE p.end_date BETWEEN {{ year_start('p.collection_year') }} AND {{ year_end('p.collection_year') }}
""",
)
