"""adoption.a10: Average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions (A10)."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a10",
    title="Average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions (A10)",
    area=Area.ADOPTION,
    numerator="Sum of days from entering care to moving in, or to the start of the foster placement with the eventual adopters",
    denominator="Children adopted in the year (AD1) whose episodes show when they entered care and were placed",
    cohort="Children adopted during the collection year",
    period="Collection year (a single year, not the scorecard's 3-year rolling average)",
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards and ASGLB, indicator A10 (from 2012-13)",
    datasets=("ssda903",),
    threshold=None,
    threshold_text="",
    choices=(
        "A single collection year is shown, so that a change shows up at once; the scorecards' 3-year rolling "
        "average is the mean of three consecutive years' members.",
        "Entering care = the start of the latest period of care (RNE S) before the adoptive placement, from "
        "every loaded return of the council; the earliest known episode when no start is loaded.",
        "Moving in with the adoptive family = the start of the latest placed-for-adoption episode (A3-A6) that "
        "is not a legal-status-only change.",
        "Adopted by the former foster carer (FOSTER_CARE = 1): the clock stops at the start of the placement with that carer, the latest RNE S, P or T episode on or before the adoptive placement (placed for adoption with current carers is RNE U or B).",
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
       CAST({{ days('entered_care', "CASE WHEN foster_care = '1' THEN coalesce(carer_placement_start, placed_for_adoption) ELSE placed_for_adoption END") }} AS DOUBLE) AS value,
       entered_care, placed_for_adoption, foster_care
FROM clock
""",
)
