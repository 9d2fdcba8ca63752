"""leavers.in_touch: Care leavers the council is in touch with."""

from lineofsight.indicators.cohorts import CARE_LEAVER_CHOICES, care_leavers_query
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="leavers.in_touch",
    title="Care leavers the council is in touch with",
    area=Area.CARE_LEAVERS,
    numerator="Care leavers with IN_TOUCH = YES",
    denominator="Care leavers aged 17 to 21 in the OC3 return, excluding those who died or returned home to parents",
    cohort="Care leavers (OC3) whose 17th to 21st birthday fell in the year",
    period="Collection year, around the young person's birthday",
    polarity="higher",
    unit="percent",
    source="DfE, Children looked after in England, care leavers: in touch 94% (17-18), 92% (19-21) in 2024; CLA data guidance",
    datasets=("ssda903",),
    choices=(
        *CARE_LEAVER_CHOICES,
        "Refused contact (REFU) and no longer requires services (NREQ) count as not in touch.",
    ),
    query=care_leavers_query("l.in_touch = 'YES'", youngest=17, oldest=21),
)
