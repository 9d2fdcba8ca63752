"""cla.stability_3plus: children looked after at 31 March with three or more placements in the year."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cla.stability_3plus",
    title="Children in care with three or more placements in the year",
    area=Area.CHILDREN_IN_CARE,
    numerator="Children with three or more placements during the year",
    denominator="Children looked after at 31 March, excluding short breaks",
    cohort="Children looked after at 31 March (SSDA903 episodes)",
    period="Collection year; placements from 1 April to 31 March",
    polarity="lower",
    unit="percent",
    source="DfE, Children looked after in England, short-term placement stability (10% in 2025)",
    datasets=("ssda903",),
    choices=(
        "Placements, not episodes, are counted: the placement the child was in on 1 April (or the first of the "
        "year) counts one, and each later episode that starts a new placement counts one more: RNE S, P or B "
        "(new carers) and T or U (another placement with the same carers), as Annex A counts placements.",
        "Not a move: a change of legal status only (RNE L); a temporary placement (T0-T4) and the return from "
        "it; being placed for adoption with the current foster carer (A3, A5), as former NI 62 said.",
        "Short-break episodes (V3, V4) are left out of the count and of the cohort.",
    ),
    query="""
WITH cla AS (
  SELECT DISTINCT la_code, collection_year, child_id
  FROM episode
  WHERE {{ open_at_year_end() }}
    AND legal_status NOT IN ('V3', 'V4')
),
in_year AS (
  SELECT la_code, collection_year, child_id, start_date, reason_new_episode, placement_type,
         lag(placement_type) OVER (PARTITION BY la_code, collection_year, child_id ORDER BY start_date) AS previous_type,
         row_number() OVER (PARTITION BY la_code, collection_year, child_id ORDER BY start_date) AS n
  FROM episode
  WHERE {{ open_in_year() }}
    AND legal_status NOT IN ('V3', 'V4')
),
placements AS (
  SELECT la_code, collection_year, child_id,
         sum(CASE WHEN n = 1 THEN 1
                  WHEN reason_new_episode IN ('S', 'P', 'T', 'U', 'B')
                   AND placement_type NOT IN ('T0', 'T1', 'T2', 'T3', 'T4', 'A3', 'A5')
                   AND coalesce(previous_type, '') NOT IN ('T0', 'T1', 'T2', 'T3', 'T4') THEN 1
                  ELSE 0 END) AS placements
  FROM in_year
  GROUP BY la_code, collection_year, child_id
)
SELECT c.la_code, c.collection_year, c.child_id AS member_id,
       TRUE AS in_denominator, p.placements >= 3 AS in_numerator, CAST(p.placements AS DOUBLE) AS value
FROM cla c
JOIN placements p ON p.la_code = c.la_code AND p.collection_year = c.collection_year AND p.child_id = c.child_id
""",
)
