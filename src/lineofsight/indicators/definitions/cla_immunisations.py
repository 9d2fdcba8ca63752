"""cla.immunisations: Immunisations up to date (OC2 cohort)."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cla.immunisations",
    title="Immunisations up to date",
    area=Area.CHILDREN_IN_CARE,
    numerator="Children in the cohort whose immunisations were up to date at 31 March",
    denominator="Children looked after continuously for 12 months or more at 31 March (the OC2 cohort)",
    cohort="OC2 rows, excluding children whose only episodes in the year were short breaks (V3, V4)",
    period="Collection year, to 31 March",
    polarity="higher",
    unit="percent",
    source="DfE, Outcomes for children looked after (OC2), IMMUNISATIONS (84% in 2025); CLA data guidance",
    datasets=("ssda903",),
    choices=(
        "The cohort is the OC2 table itself: the 903 guide asks for OC2 exactly for children looked after "
        "continuously for 12 months at 31 March, and the validator checks it.",
        "A child with only short-break episodes (V3, V4) in the year is left out, as in every DfE CLA figure.",
        "A blank immunisations flag counts as not done (in the denominator, not the numerator).",
    ),
    query="""
SELECT o.la_code, o.collection_year, o.child_id AS member_id,
       TRUE AS in_denominator, coalesce(o.immunisations = '1', FALSE) AS in_numerator,
       CAST(NULL AS DOUBLE) AS value, o.immunisations
FROM health_outcome o
JOIN (
  SELECT DISTINCT la_code, collection_year, child_id FROM episode WHERE legal_status NOT IN ('V3', 'V4')
) e ON e.la_code = o.la_code AND e.collection_year = o.collection_year AND e.child_id = o.child_id
""",
)
