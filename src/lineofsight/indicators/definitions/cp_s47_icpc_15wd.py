"""cp.s47_icpc_15wd: initial child protection conferences within 15 working days of the section 47 start."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cp.s47_icpc_15wd",
    title="Initial child protection conferences within 15 working days of the section 47 enquiry",
    area=Area.HELP_AND_PROTECTION,
    numerator="ICPCs held within 15 working days of the S47ActualStartDate",
    denominator="ICPCs held in the year that followed a section 47 enquiry",
    cohort="Section 47 enquiries with a DateOfInitialCPC in the year",
    period="Collection year, by conference date",
    polarity="higher",
    unit="percent",
    source="DfE, Characteristics of children in need, table C4; LG Inform metric 3217",
    datasets=("cin",),
    choices=(
        "Each section 47 enquiry with a conference counts, as the DfE counts each S47.",
        "A conference dated before its enquiry started is left out, as the DfE leaves it out of the bands.",
        "Working days exclude weekends and England and Wales bank holidays; within 15 = 15 or fewer.",
    ),
    query="""
SELECT x.la_code, x.collection_year, x.child_id AS member_id,
       TRUE AS in_denominator,
       c.working_day_number - s.working_day_number <= 15 AS in_numerator,
       CAST(c.working_day_number - s.working_day_number AS DOUBLE) AS value,
       x.start_date, x.icpc_date
FROM section47 x
JOIN calendar s ON s.day = x.start_date
JOIN calendar c ON c.day = x.icpc_date
WHERE x.icpc_date BETWEEN {{ year_start('x.collection_year') }} AND {{ year_end('x.collection_year') }}
  AND x.icpc_date >= x.start_date
""",
)
