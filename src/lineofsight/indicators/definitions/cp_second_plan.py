"""cp.second_plan: child protection plans starting in the year that are a second or later plan."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cp.second_plan",
    title="Second or subsequent child protection plans",
    area=Area.HELP_AND_PROTECTION,
    numerator="Plans starting in the year for a child who had a plan before, however long ago",
    denominator="Plans starting in the year",
    cohort="Child protection plans with a CPPstartDate in the year",
    period="Collection year, by plan start date",
    polarity="lower",
    unit="percent",
    source="DfE, Characteristics of children in need, table D3 (former NI 65); LG Inform metric 100",
    datasets=("cin",),
    choices=(
        "A previous plan is one counted in NumberOfPreviousCPP, or an earlier plan of the same child in any "
        "loaded return of the council: either is enough.",
        "Any previous plan counts, regardless of how long ago, as the DfE counts it (not 'within 2 years').",
    ),
    query="""
WITH this_year AS (
  SELECT la_code, collection_year, child_id, referral_id, start_date, previous_plans
  FROM protection_plan
  WHERE start_date BETWEEN {{ year_start('collection_year') }} AND {{ year_end('collection_year') }}
),
earlier AS (
  SELECT t.la_code, t.collection_year, t.child_id, t.start_date, max(h.start_date) AS earlier_plan_start
  FROM this_year t
  JOIN protection_plan h
    ON h.la_code = t.la_code AND h.child_id = t.child_id
   AND h.collection_year <= t.collection_year AND h.start_date < t.start_date
  GROUP BY t.la_code, t.collection_year, t.child_id, t.start_date
)
SELECT t.la_code, t.collection_year, t.child_id AS member_id,
       TRUE AS in_denominator,
       (coalesce(t.previous_plans, 0) > 0 OR e.earlier_plan_start IS NOT NULL) AS in_numerator,
       CAST(NULL AS DOUBLE) AS value,
       t.start_date, t.previous_plans, e.earlier_plan_start
FROM this_year t
LEFT JOIN earlier e
  ON e.la_code = t.la_code AND e.collection_year = t.collection_year
 AND e.child_id = t.child_id AND e.start_date = t.start_date
""",
)
