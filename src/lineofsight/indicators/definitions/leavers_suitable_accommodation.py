"""leavers.suitable_accommodation: Care leavers in suitable accommodation."""

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
        "The cohort is the OC3 table: the council returns it for exactly the eligible care leavers.",
        "Age = whole years on 31 March, which is the birthday age reached in the collection year.",
        "Died (DIED) and returned home for 6 months or more (RHOM) are not care leavers in the DfE figures.",
        "Gone abroad (G), deported (H) and residence not known (R) leave the denominator; no information (0 or blank) stays in it as not suitable.",
    ),
    query="""
SELECT l.la_code, l.collection_year, l.child_id AS member_id,
       TRUE AS in_denominator, coalesce(substr(l.accommodation, 2, 1) = '1', FALSE) AS in_numerator, CAST(NULL AS DOUBLE) AS value,
       {{ age('l.date_of_birth', year_end('l.collection_year')) }} AS age,
       l.in_touch, l.activity, l.accommodation
FROM care_leaver l
WHERE {{ age('l.date_of_birth', year_end('l.collection_year')) }} BETWEEN 17 AND 21
  AND l.in_touch NOT IN ('DIED', 'RHOM')
  AND coalesce(l.accommodation, '0') NOT IN ('G', 'H', 'R')
""",
)
