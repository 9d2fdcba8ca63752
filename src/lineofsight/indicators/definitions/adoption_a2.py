"""adoption.a2: average days from the court's authority to place to the match with adopters."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a2",
    title="Average days from placement order to match with adopters (A2)",
    area=Area.ADOPTION,
    numerator="Sum of days from the placement (or freeing) order to the decision to match",
    denominator="Children adopted in the year with a placement or freeing order in their episodes",
    cohort="Children adopted during the collection year",
    period="Collection year (a single year, not the scorecard's 3-year rolling average)",
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards, indicator A2; LG Inform metric 912; thresholds 2013-16 (4 months)",
    datasets=("ssda903",),
    threshold=121.0,
    threshold_text="2013-16 threshold: 4 months (121 days)",
    choices=(
        "Court authority = the start of the first episode under legal status E1 (placement order) or D1 "
        "(freeing order), from every loaded return of the council.",
        "Children placed with parental consent and no order are left out, as LG Inform 912 leaves them out.",
        "A match before the order counts as 0 days.",
        "A single collection year is shown; the scorecards' 3-year average is the mean over three years' members.",
    ),
    query="""
WITH episodes AS ({{ episode_history() }}),
authority AS (
  SELECT a.la_code, a.collection_year, a.child_id, a.date_matched, min(h.start_date) AS placement_order
  FROM adoption a
  JOIN episodes h
    ON h.la_code = a.la_code AND h.collection_year = a.collection_year AND h.child_id = a.child_id
   AND h.legal_status IN ('E1', 'D1')
  GROUP BY a.la_code, a.collection_year, a.child_id, a.date_matched
)
SELECT la_code, collection_year, child_id AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator,
       CAST(CASE WHEN date_matched < placement_order THEN 0
                 ELSE {{ days('placement_order', 'date_matched') }} END AS DOUBLE) AS value,
       placement_order, date_matched
FROM authority
""",
)
