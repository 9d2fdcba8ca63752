"""cp.s47_icpc_15wd: initial child protection conferences within 15 working days of the section 47 start."""

from lineofsight.indicators.cohorts import within_working_days_query
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
    query=within_working_days_query("section47", "start_date", "icpc_date", limit=15),
)
