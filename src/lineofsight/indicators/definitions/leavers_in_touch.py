"""leavers.in_touch: Care leavers the council is in touch with."""

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
        "The cohort is the OC3 table: the council returns it for exactly the eligible care leavers.",
        "Age = whole years on 31 March, which is the birthday age reached in the collection year.",
        "Died (DIED) and returned home for 6 months or more (RHOM) are not care leavers in the DfE figures.",
        "Refused contact (REFU) and no longer requires services (NREQ) count as not in touch.",
    ),
    query="""
SELECT l.la_code, l.collection_year, l.child_id AS member_id,
       TRUE AS in_denominator, coalesce(l.in_touch = 'YES', FALSE) AS in_numerator, CAST(NULL AS DOUBLE) AS value,
       {{ age('l.date_of_birth', year_end('l.collection_year')) }} AS age,
       l.in_touch, l.activity, l.accommodation
FROM care_leaver l
WHERE {{ age('l.date_of_birth', year_end('l.collection_year')) }} BETWEEN 17 AND 21
  AND l.in_touch NOT IN ('DIED', 'RHOM')
""",
)
