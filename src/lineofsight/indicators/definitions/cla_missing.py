"""cla.missing: children looked after during the year who went missing."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cla.missing",
    title="Children in care who went missing",
    area=Area.CHILDREN_IN_CARE,
    numerator="Children with at least one missing incident (MISSING = M) starting in the year",
    denominator="Children looked after at any time in the year, excluding short breaks",
    cohort="Children looked after during the year (SSDA903)",
    period="Collection year, 1 April to 31 March",
    polarity="lower",
    unit="percent",
    source="DfE, Children looked after in England, missing incidents (11% in 2024)",
    datasets=("ssda903",),
    choices=(
        "Missing only (M); 'away from placement without authorisation' (A) is published separately by the DfE.",
        "The member's value is the number of missing incidents in the year.",
    ),
    query="""
WITH looked_after AS (
  SELECT DISTINCT la_code, collection_year, child_id
  FROM episode
  WHERE {{ open_in_year() }}
    AND legal_status NOT IN ('V3', 'V4')
),
went_missing AS (
  SELECT la_code, collection_year, child_id, count(*) AS incidents, min(start_date) AS first_missing
  FROM missing
  WHERE missing_type = 'M'
    AND start_date BETWEEN {{ year_start('collection_year') }} AND {{ year_end('collection_year') }}
  GROUP BY la_code, collection_year, child_id
)
SELECT l.la_code, l.collection_year, l.child_id AS member_id,
       TRUE AS in_denominator, m.child_id IS NOT NULL AS in_numerator,
       CAST(coalesce(m.incidents, 0) AS DOUBLE) AS value, m.first_missing
FROM looked_after l
LEFT JOIN went_missing m
  ON m.la_code = l.la_code AND m.collection_year = l.collection_year AND m.child_id = l.child_id
""",
)
