"""cla.rate: children looked after at 31 March per 10,000 children."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cla.rate",
    title="Children looked after per 10,000 children",
    area=Area.CHILDREN_IN_CARE,
    numerator="Children looked after at 31 March, excluding those on an agreed series of short breaks",
    denominator="ONS mid-year estimate of children aged 0 to 17 (the one for the calendar year before 31 March)",
    cohort="Children looked after (SSDA903 episodes)",
    period="At 31 March, the end of the collection year",
    polarity=None,
    unit="per_10000",
    source="DfE, Children looked after in England including adoptions (rate per 10,000 at 31 March)",
    datasets=("ssda903",),
    choices=(
        "Looked after at 31 March = an episode started on or before 31 March with no end date or one after it; "
        "an episode ceasing on 31 March is not open at 31 March.",
        "Episodes under legal status V3 or V4 (short breaks) are left out, as in every DfE CLA figure.",
    ),
    query="""
SELECT e.la_code, e.collection_year, e.child_id AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator, CAST(NULL AS DOUBLE) AS value,
       max(e.legal_status) AS legal_status, max(e.placement_type) AS placement_type
FROM episode e
WHERE {{ open_at_year_end('e') }}
  AND e.legal_status NOT IN ('V3', 'V4')
GROUP BY e.la_code, e.collection_year, e.child_id
""",
)
