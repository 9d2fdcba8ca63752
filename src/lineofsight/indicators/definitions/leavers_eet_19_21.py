"""leavers.eet_19_21: Care leavers aged 19 to 21 in education, employment or training."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="leavers.eet_19_21",
    title="Care leavers aged 19 to 21 in education, employment or training",
    area=Area.CARE_LEAVERS,
    numerator="Care leavers in higher or other education, training, employment or an apprenticeship (ACTIV F1-F5, P1-P5)",
    denominator="Care leavers aged 19 to 21 in the OC3 return, excluding those who died or returned home to parents",
    cohort="Care leavers (OC3) whose 17th to 21st birthday fell in the year",
    period="Collection year, around the young person's birthday",
    polarity="higher",
    unit="percent",
    source="DfE, Children looked after in England, care leavers: EET 54% (19-21) in 2025; CLA data guidance",
    datasets=("ssda903",),
    choices=(
        "The cohort is the OC3 table: the council returns it for exactly the eligible care leavers.",
        "Age = whole years on 31 March, which is the birthday age reached in the collection year.",
        "Died (DIED) and returned home for 6 months or more (RHOM) are not care leavers in the DfE figures.",
        "No information (0 or blank) counts as not in education, employment or training.",
    ),
    query="""
SELECT l.la_code, l.collection_year, l.child_id AS member_id,
       TRUE AS in_denominator, coalesce(l.activity IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'), FALSE) AS in_numerator, CAST(NULL AS DOUBLE) AS value,
       {{ age('l.date_of_birth', year_end('l.collection_year')) }} AS age,
       l.in_touch, l.activity, l.accommodation
FROM care_leaver l
WHERE {{ age('l.date_of_birth', year_end('l.collection_year')) }} BETWEEN 19 AND 21
  AND l.in_touch NOT IN ('DIED', 'RHOM')
""",
)
