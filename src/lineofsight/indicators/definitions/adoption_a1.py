"""adoption.a1: Average days from entering care to moving in with the adoptive family (A1)."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a1",
    title="Average days from entering care to moving in with the adoptive family (A1)",
    area=Area.ADOPTION,
    numerator="Sum of days from entering care to moving in with the adoptive family",
    denominator="Children adopted in the year (AD1) whose episodes show when they entered care and were placed",
    cohort="Children adopted during the collection year",
    period="Collection year (a single year, not the scorecard's 3-year rolling average)",
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards, indicator A1; thresholds 2013-16 (14 months)",
    datasets=("ssda903",),
    threshold=426.0,
    threshold_text="2013-16 threshold: 14 months (426 days)",
    choices=(
        "A single collection year is shown, so that a change shows up at once; the scorecards' 3-year rolling "
        "average is the mean of three consecutive years' members.",
        "Entering care = the start of the latest period of care (RNE S) before the adoptive placement, from "
        "every loaded return of the council; the earliest known episode when no start is loaded.",
        "Moving in with the adoptive family = the start of the latest placed-for-adoption episode (A3-A6) that "
        "is not a legal-status-only change.",
        "Adoptions by former foster carers count to the date of the adoptive placement here; A10 stops their clock earlier.",
    ),
    query="""
WITH episodes AS ({{ episode_history() }}),
adoptive AS (
  SELECT a.la_code, a.collection_year, a.child_id, a.foster_care,
         coalesce(max(CASE WHEN h.reason_new_episode <> 'L' THEN h.start_date END), min(h.start_date))
           AS placed_for_adoption
  FROM adoption a
  JOIN episodes h
    ON h.la_code = a.la_code AND h.collection_year = a.collection_year AND h.child_id = a.child_id
   AND h.placement_type IN ('A3', 'A4', 'A5', 'A6')
  GROUP BY a.la_code, a.collection_year, a.child_id, a.foster_care
),
clock AS (
  SELECT d.la_code, d.collection_year, d.child_id, d.foster_care, d.placed_for_adoption,
         coalesce(max(CASE WHEN h.reason_new_episode = 'S' THEN h.start_date END), min(h.start_date))
           AS entered_care,
         max(CASE WHEN h.reason_new_episode IN ('S', 'P', 'T') THEN h.start_date END) AS carer_placement_start
  FROM adoptive d
  JOIN episodes h
    ON h.la_code = d.la_code AND h.collection_year = d.collection_year AND h.child_id = d.child_id
   AND h.start_date <= d.placed_for_adoption
  GROUP BY d.la_code, d.collection_year, d.child_id, d.foster_care, d.placed_for_adoption
)
SELECT la_code, collection_year, child_id AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator,
       CAST({{ days('entered_care', 'placed_for_adoption') }} AS DOUBLE) AS value,
       entered_care, placed_for_adoption, foster_care
FROM clock
""",
)
