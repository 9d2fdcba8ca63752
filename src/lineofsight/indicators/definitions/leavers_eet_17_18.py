"""leavers.eet_17_18: Care leavers aged 17 to 18 in education, employment or training."""

from lineofsight.indicators.cohorts import CARE_LEAVER_CHOICES, IN_EDUCATION_EMPLOYMENT_OR_TRAINING, care_leavers_query
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="leavers.eet_17_18",
    title="Care leavers aged 17 to 18 in education, employment or training",
    area=Area.CARE_LEAVERS,
    numerator="Care leavers in higher or other education, training, employment or an apprenticeship (ACTIV F1-F5, P1-P5)",
    denominator="Care leavers aged 17 to 18 in the OC3 return, excluding those who died or returned home to parents",
    cohort="Care leavers (OC3) whose 17th to 21st birthday fell in the year",
    period="Collection year, around the young person's birthday",
    polarity="higher",
    unit="percent",
    source="DfE, Children looked after in England, care leavers: EET 64% (17-18) in 2025; CLA data guidance",
    datasets=("ssda903",),
    choices=(
        *CARE_LEAVER_CHOICES,
        "No information (0 or blank) counts as not in education, employment or training.",
    ),
    query=care_leavers_query(IN_EDUCATION_EMPLOYMENT_OR_TRAINING, youngest=17, oldest=18),
)
