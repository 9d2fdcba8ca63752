"""cla.placed_20_miles: children looked after at 31 March placed more than 20 miles from home."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cla.placed_20_miles",
    title="Children in care placed more than 20 miles from home",
    area=Area.CHILDREN_IN_CARE,
    numerator="Children whose placement is more than 20 miles (straight line) from their home postcode",
    denominator="Children looked after at 31 March, excluding short breaks, including distance not known",
    cohort="Children looked after at 31 March (SSDA903 episodes)",
    period="At 31 March, the end of the collection year",
    polarity="lower",
    unit="percent",
    source="DfE, Children looked after in England, distance between home and placement (22% in 2024); "
    "CLA data guidance",
    datasets=("ssda903",),
    choices=(
        "Distance = sqrt(dEasting^2 + dNorthing^2) / 1000 / 1.6093 between the ONS postcode centroids of "
        "HOME_POST and PL_POST (spaces removed, upper case), rounded to 1 decimal place as the 903 field is.",
        "More than 20 miles is strict: a placement at 20.0 miles is not more than 20 miles.",
        "Distance not known (a postcode missing or not in the directory) stays in the denominator, as the "
        "DfE keeps its 'not known' category in the total.",
    ),
    query="""
WITH placed AS (
  SELECT e.la_code, e.collection_year, e.child_id, e.placement_type,
         round(sqrt(power(h.easting - p.easting, 2) + power(h.northing - p.northing, 2)) / 1000 / 1.6093, 1)
           AS miles
  FROM episode e
  LEFT JOIN postcode h ON h.postcode = upper(replace(e.home_postcode, ' ', ''))
  LEFT JOIN postcode p ON p.postcode = upper(replace(e.placement_postcode, ' ', ''))
  WHERE {{ open_at_year_end('e') }}
    AND e.legal_status NOT IN ('V3', 'V4')
)
SELECT la_code, collection_year, child_id AS member_id,
       TRUE AS in_denominator, coalesce(miles > 20, FALSE) AS in_numerator,
       CAST(miles AS DOUBLE) AS value, placement_type
FROM placed
""",
)
