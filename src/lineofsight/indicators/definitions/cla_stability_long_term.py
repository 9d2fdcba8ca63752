"""cla.stability_long_term: children in care 2.5 years or more in the same placement for 2 years or more."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cla.stability_long_term",
    title="Long-term placement stability",
    area=Area.CHILDREN_IN_CARE,
    numerator="Children in the same placement for 2 years or more, or placed for adoption with the adoptive "
    "and the previous placement together lasting 2 years or more",
    denominator="Children looked after at 31 March, aged under 16, looked after continuously for 2.5 years or more",
    cohort="Children looked after at 31 March under 16, excluding those whose care began as short breaks",
    period="At 31 March, the end of the collection year",
    polarity="higher",
    unit="percent",
    source="DfE, Children looked after in England, long-term placement stability (69% in 2025); CLA data guidance",
    datasets=("ssda903",),
    choices=(
        "Looked after 2.5 years = the period of care (the latest RNE S episode) began on or before 30 September "
        "two and a half years before 31 March; the same placement for 2 years = the placement began on or "
        "before 31 March two years before.",
        "The same carer: a placement begins with an episode of RNE S, P or B (new carers), or a move into "
        "fostering for adoption or concurrent planning (U2, U5), which the DfE counts as a change since 2021. "
        "A change of legal status only (L), or of placement with the same carers (T, U), continues it.",
        "Placed for adoption = the open episode's placement is A3-A6; the clock then starts at the placement "
        "before the adoptive one.",
        "Episodes are pieced together from every loaded return of the council up to this year; when the "
        "earliest is not a start of care, the earliest known episode is taken as the start.",
        "Age is on 31 March; short breaks: a period of care beginning under V3 or V4 is left out.",
    ),
    query="""
WITH episodes AS ({{ episode_history() }}),
open_at_year_end AS (
  SELECT la_code, collection_year, child_id, start_date, placement_type
  FROM episodes
  WHERE {{ open_at_year_end() }}
    AND legal_status NOT IN ('V3', 'V4')
),
starts AS (
  SELECT o.la_code, o.collection_year, o.child_id, o.placement_type,
         coalesce(max(CASE WHEN h.reason_new_episode = 'S' THEN h.start_date END), min(h.start_date)) AS care_start,
         coalesce(max(CASE WHEN h.reason_new_episode IN ('S', 'P', 'B')
                             OR (h.reason_new_episode IN ('T', 'U') AND h.placement_type IN ('U2', 'U5'))
                           THEN h.start_date END), min(h.start_date)) AS placement_start
  FROM open_at_year_end o
  JOIN episodes h
    ON h.la_code = o.la_code AND h.collection_year = o.collection_year AND h.child_id = o.child_id
   AND h.start_date <= o.start_date
  GROUP BY o.la_code, o.collection_year, o.child_id, o.placement_type
),
previous_placement AS (
  SELECT s.la_code, s.collection_year, s.child_id, max(h.start_date) AS previous_placement_start
  FROM starts s
  JOIN episodes h
    ON h.la_code = s.la_code AND h.collection_year = s.collection_year AND h.child_id = s.child_id
   AND h.start_date < s.placement_start AND h.start_date >= s.care_start
   AND (h.reason_new_episode IN ('S', 'P', 'B')
        OR (h.reason_new_episode IN ('T', 'U') AND h.placement_type IN ('U2', 'U5')))
  GROUP BY s.la_code, s.collection_year, s.child_id
),
cohort AS (
  SELECT s.*, p.previous_placement_start, f.legal_status AS first_legal_status, ch.date_of_birth
  FROM starts s
  JOIN child ch ON ch.la_code = s.la_code AND ch.collection_year = s.collection_year AND ch.child_id = s.child_id
  JOIN episodes f
    ON f.la_code = s.la_code AND f.collection_year = s.collection_year AND f.child_id = s.child_id
   AND f.start_date = s.care_start
  LEFT JOIN previous_placement p
    ON p.la_code = s.la_code AND p.collection_year = s.collection_year AND p.child_id = s.child_id
  WHERE {{ age('ch.date_of_birth', year_end('s.collection_year')) }} < 16
    AND s.care_start <= make_date(CAST(s.collection_year AS INTEGER) - 3, 9, 30)
    AND f.legal_status NOT IN ('V3', 'V4')
)
SELECT la_code, collection_year, child_id AS member_id,
       TRUE AS in_denominator,
       (placement_start <= make_date(CAST(collection_year AS INTEGER) - 2, 3, 31)
        OR (placement_type IN ('A3', 'A4', 'A5', 'A6')
            AND coalesce(previous_placement_start <= make_date(CAST(collection_year AS INTEGER) - 2, 3, 31), FALSE)))
         AS in_numerator,
       CAST({{ days('placement_start', year_end('collection_year')) }} AS DOUBLE) AS value,
       care_start, placement_start, placement_type
FROM cohort
""",
)
