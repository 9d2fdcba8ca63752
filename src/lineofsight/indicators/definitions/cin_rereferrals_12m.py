"""cin.rereferrals_12m: referrals within 12 months of a previous referral of the same child."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cin.rereferrals_12m",
    title="Re-referrals within 12 months",
    area=Area.HELP_AND_PROTECTION,
    numerator="Referrals in the year made within 12 months of a previous referral of the same child",
    denominator="Referrals in the year",
    cohort="All referrals in the CIN census (referral-level, as the DfE's headline 22.6%)",
    period="Collection year, 1 April to 31 March",
    polarity="lower",
    unit="percent",
    source="DfE, Children in need: focus on re-referrals (methodology); table C1",
    datasets=("cin",),
    choices=(
        "Within 12 months = the previous referral date is on or after the date 12 calendar months before.",
        "Previous referrals are looked for in every return of the council loaded up to this year, "
        "since a referral closed last year is not in this year's census.",
        "Two referrals on the same day are one event: neither is a re-referral of the other.",
    ),
    query="""
WITH this_year AS (
  SELECT la_code, collection_year, child_id, referral_id, referral_date
  FROM referral
  WHERE referral_date BETWEEN {{ year_start('collection_year') }} AND {{ year_end('collection_year') }}
),
previous AS (
  SELECT t.la_code, t.collection_year, t.child_id, t.referral_id, max(h.referral_date) AS previous_referral_date
  FROM this_year t
  JOIN referral h
    ON h.la_code = t.la_code AND h.child_id = t.child_id AND h.collection_year <= t.collection_year
   AND h.referral_date < t.referral_date
   AND h.referral_date >= {{ add_months('t.referral_date', -12) }}
  GROUP BY t.la_code, t.collection_year, t.child_id, t.referral_id
)
SELECT t.la_code, t.collection_year, t.child_id AS member_id,
       TRUE AS in_denominator, p.previous_referral_date IS NOT NULL AS in_numerator,
       CAST(NULL AS DOUBLE) AS value, t.referral_date, p.previous_referral_date
FROM this_year t
LEFT JOIN previous p
  ON p.la_code = t.la_code AND p.collection_year = t.collection_year
 AND p.child_id = t.child_id AND p.referral_id = t.referral_id
""",
)
