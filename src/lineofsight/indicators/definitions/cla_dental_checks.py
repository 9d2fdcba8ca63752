"""cla.dental_checks: Dental checks (OC2 cohort)."""

from lineofsight.indicators.cohorts import OC2_CHOICES, oc2_flag_query
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cla.dental_checks",
    title="Dental checks",
    area=Area.CHILDREN_IN_CARE,
    numerator="Children in the cohort whose teeth were checked by a dentist in the year",
    denominator="Children looked after continuously for 12 months or more at 31 March (the OC2 cohort)",
    cohort="OC2 rows, excluding children whose only episodes in the year were short breaks (V3, V4)",
    period="Collection year, to 31 March",
    polarity="higher",
    unit="percent",
    source="DfE, Outcomes for children looked after (OC2), TEETH_CHECK (81% in 2025); CLA data guidance",
    datasets=("ssda903",),
    choices=(
        *OC2_CHOICES,
        "A blank teeth_check flag counts as not done (in the denominator, not the numerator).",
    ),
    query=oc2_flag_query("teeth_check"),
)
