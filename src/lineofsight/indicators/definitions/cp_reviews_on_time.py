"""cp.reviews_on_time: child protection plans reviewed within the statutory timescales."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cp.reviews_on_time",
    title="Child protection plans reviewed on time",
    area=Area.HELP_AND_PROTECTION,
    numerator="Plans whose every review conference was on time and none is overdue",
    denominator="Plans open during the year that had lasted at least three months (by 31 March or their end)",
    cohort="Child protection plans open at any time in the year",
    period="Collection year; reviews up to 31 March or the plan's end",
    polarity="higher",
    unit="percent",
    source="Working Together to Safeguard Children: first review within 3 months of the initial "
    "conference, then at most 6-monthly (former NI 67)",
    datasets=("cin",),
    choices=(
        "The DfE's own calculation ('CPPs reviewed within timescales' in COLLECT) is not published; this "
        "follows former NI 67: plans lasting at least 3 months, every review within timescale.",
        "The initial conference date is the plan start date (CPPstartDate).",
        "On time: the first review by the date 3 calendar months after the start, each later review by "
        "6 calendar months after the one before, and the next review not yet overdue at 31 March or the "
        "plan's end (due on that day is not overdue).",
        "Every review date of the plan in this year's return is checked, including any before 1 April; "
        "a plan whose earlier reviews are missing from the return is judged on what the return holds.",
    ),
    query="""
WITH plans AS (
  SELECT la_code, collection_year, child_id, referral_id, start_date,
         CASE WHEN end_date IS NULL OR end_date > {{ year_end('collection_year') }}
              THEN {{ year_end('collection_year') }} ELSE end_date END AS as_at
  FROM protection_plan
  WHERE {{ open_in_year() }}
),
reviews AS (
  SELECT p.la_code, p.collection_year, p.child_id, p.referral_id, p.start_date, r.review_date,
         lag(r.review_date) OVER (
           PARTITION BY p.la_code, p.collection_year, p.child_id, p.referral_id, p.start_date
           ORDER BY r.review_date
         ) AS previous_review
  FROM plans p
  JOIN protection_plan_review r
    ON r.la_code = p.la_code AND r.collection_year = p.collection_year AND r.child_id = p.child_id
   AND r.referral_id = p.referral_id AND r.plan_start_date = p.start_date AND r.review_date <= p.as_at
),
checked AS (
  SELECT la_code, collection_year, child_id, referral_id, start_date,
         count(*) AS reviews, max(review_date) AS last_review,
         sum(CASE WHEN review_date > (CASE WHEN previous_review IS NULL
                                           THEN {{ add_months('start_date', 3) }}
                                           ELSE {{ add_months('previous_review', 6) }} END)
                  THEN 1 ELSE 0 END) AS late_reviews
  FROM reviews
  GROUP BY la_code, collection_year, child_id, referral_id, start_date
),
judged AS (
  SELECT p.la_code, p.collection_year, p.child_id, p.start_date, p.as_at,
         coalesce(c.reviews, 0) AS reviews, coalesce(c.late_reviews, 0) AS late_reviews, c.last_review,
         CASE WHEN c.last_review IS NULL THEN {{ add_months('p.start_date', 3) }}
              ELSE {{ add_months('c.last_review', 6) }} END AS next_review_due,
         p.as_at >= {{ add_months('p.start_date', 3) }} AS lasted_3_months
  FROM plans p
  LEFT JOIN checked c
    ON c.la_code = p.la_code AND c.collection_year = p.collection_year AND c.child_id = p.child_id
   AND c.referral_id = p.referral_id AND c.start_date = p.start_date
)
SELECT la_code, collection_year, child_id AS member_id,
       lasted_3_months AS in_denominator,
       (lasted_3_months AND late_reviews = 0 AND next_review_due >= as_at) AS in_numerator,
       CAST(late_reviews AS DOUBLE) AS value,
       start_date, reviews, last_review, next_review_due
FROM judged
""",
)
