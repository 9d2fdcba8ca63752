"""leavers.suitable_accommodation: Care leavers in suitable accommodation."""

from lineofsight.indicators.cohorts import CARE_LEAVER_CHOICES, care_leavers_query
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="leavers.suitable_accommodation",
    title="Care leavers in suitable accommodation",
    area=Area.CARE_LEAVERS,
    numerator="Care leavers whose ACCOM code ends in 1 (suitable)",
    denominator="Care leavers aged 17 to 21 in the OC3 return, excluding those who died or returned home to parents",
    cohort="Care leavers (OC3) whose 17th to 21st birthday fell in the year",
    period="Collection year, around the young person's birthday",
    polarity="higher",
    unit="percent",
    source="DfE, Children looked after in England, care leavers: suitable accommodation 91% (17-18), 89% (19-21) in 2025; CLA data guidance",
    datasets=("ssda903",),
    choices=(
        *CARE_LEAVER_CHOICES,
        "Gone abroad (G), deported (H) and residence not known (R) leave the denominator; no information (0 or blank) stays in it as not suitable.",
    ),
    query=care_leavers_query(
        "substr(l.accommodation, 2, 1) = '1'",
        youngest=17,
        oldest=21,
        also="coalesce(l.accommodation, '0') NOT IN ('G', 'H', 'R')",
    ),
)
