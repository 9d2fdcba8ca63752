"""Cohorts that several indicators share, each declared once.

A family of indicators that counts the same children and differs only in what
puts a child in the numerator gets its member query from one function here;
the indicator's own file passes what is its own (the numerator, the ages, the
clock) and keeps its metadata and official reference. The choices that define
a shared cohort are declared here too, so every indicator states them alike.

The templates are written like any definition (Jinja, the macros of
`dialect.py`); `$name` marks what the calling indicator fills in.
"""

from __future__ import annotations

from string import Template


def oc2_cohort(alias: str) -> str:
    """Macro `{{ oc2_cohort('o') }}`: the OC2 rows (`health_outcome`), less children only on short breaks.

    It joins the episodes as `e`, so the calling query must not use that alias itself."""
    return (
        f"health_outcome {alias}\n"
        "JOIN (\n"
        "  SELECT DISTINCT la_code, collection_year, child_id FROM episode WHERE legal_status NOT IN ('V3', 'V4')\n"
        f") e ON e.la_code = {alias}.la_code AND e.collection_year = {alias}.collection_year "
        f"AND e.child_id = {alias}.child_id"
    )


MACROS = {"oc2_cohort": oc2_cohort}

# Children looked after continuously for 12 months at 31 March (the OC2 return).
OC2_CHOICES = (
    "The cohort is the OC2 table itself: the 903 guide asks for OC2 exactly for children looked after "
    "continuously for 12 months at 31 March, and the validator checks it.",
    "A child with only short-break episodes (V3, V4) in the year is left out, as in every DfE CLA figure.",
)

_OC2_FLAG = Template("""
SELECT o.la_code, o.collection_year, o.child_id AS member_id,
       TRUE AS in_denominator, coalesce(o.$flag = '1', FALSE) AS in_numerator,
       CAST(NULL AS DOUBLE) AS value, o.$flag
FROM {{ oc2_cohort('o') }}
""")


def oc2_flag_query(flag: str) -> str:
    """Children in the OC2 cohort whose 903 flag column is 1 (blank counts as not done)."""
    return _OC2_FLAG.substitute(flag=flag)


# Care leavers in the OC3 return whose 17th to 21st birthday fell in the year.
CARE_LEAVER_CHOICES = (
    "The cohort is the OC3 table: the council returns it for exactly the eligible care leavers.",
    "Age = whole years on 31 March, which is the birthday age reached in the collection year.",
    "Died (DIED) and returned home for 6 months or more (RHOM) are not care leavers in the DfE figures.",
)

# OC3 ACTIV codes for higher or other education, training, employment or an apprenticeship, full or part time.
IN_EDUCATION_EMPLOYMENT_OR_TRAINING = "l.activity IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5')"

_CARE_LEAVERS = Template("""
SELECT l.la_code, l.collection_year, l.child_id AS member_id,
       TRUE AS in_denominator, coalesce($in_numerator, FALSE) AS in_numerator, CAST(NULL AS DOUBLE) AS value,
       {{ age('l.date_of_birth', year_end('l.collection_year')) }} AS age,
       l.in_touch, l.activity, l.accommodation
FROM care_leaver l
WHERE {{ age('l.date_of_birth', year_end('l.collection_year')) }} BETWEEN $youngest AND $oldest
  AND l.in_touch NOT IN ('DIED', 'RHOM')$also
""")


def care_leavers_query(in_numerator: str, youngest: int, oldest: int, also: str = "") -> str:
    """Care leavers (`care_leaver l`) aged `youngest` to `oldest` on 31 March, less any who fail the condition
    `also`; a numerator condition that is null (no information) counts as not met."""
    condition = f"\n  AND {also}" if also else ""
    return _CARE_LEAVERS.substitute(in_numerator=in_numerator, youngest=youngest, oldest=oldest, also=condition)


_AFTER_LAST_RETURN = Template("""
WITH returned AS (
  SELECT la_code, collection_year, child_id, looked_after, start_date, end_date, rhi_offered, rhi_accepted, rhi_date,
         row_number() OVER (
           PARTITION BY la_code, collection_year, child_id ORDER BY end_date DESC, start_date DESC
         ) AS latest
  FROM missing_incident
  WHERE end_date BETWEEN {{ year_start('collection_year') }} AND {{ year_end('collection_year') }}
)
SELECT la_code, collection_year, child_id AS member_id,
       TRUE AS in_denominator, coalesce($flag, FALSE) AS in_numerator,
       CAST(NULL AS DOUBLE) AS value,
       looked_after, start_date, end_date, $flag
FROM returned
WHERE latest = 1
""")


def after_last_return_query(flag: str) -> str:
    """Children who returned from missing in the year, judged on a flag of their last episode (latest return)."""
    return _AFTER_LAST_RETURN.substitute(flag=flag)


_WITHIN_WORKING_DAYS = Template("""
SELECT x.la_code, x.collection_year, x.child_id AS member_id,
       TRUE AS in_denominator,
       e.working_day_number - s.working_day_number <= $limit AS in_numerator,
       CAST(e.working_day_number - s.working_day_number AS DOUBLE) AS value,
       x.$start, x.$end
FROM $table x
JOIN calendar s ON s.day = x.$start
JOIN calendar e ON e.day = x.$end
WHERE x.$end BETWEEN {{ year_start('x.collection_year') }} AND {{ year_end('x.collection_year') }}
  AND x.$end >= x.$start
""")


def within_working_days_query(table: str, start: str, end: str, limit: int) -> str:
    """Rows of `table` whose `end` date fell in the year, on time when at most `limit` working days after `start`.

    A row ending before it started is a data error and is left out; the days between come from the
    store's `calendar` of working days.
    """
    return _WITHIN_WORKING_DAYS.substitute(table=table, start=start, end=end, limit=limit)


# Children adopted in the year, timed from entering care to the adoptive placement (scorecard A1 and A10).
ADOPTION_CLOCK_CHOICES = (
    "Entering care = the start of the latest period of care (RNE S) before the adoptive placement, from "
    "every loaded return of the council; the earliest known episode when no start is loaded.",
    "Moving in with the adoptive family = the start of the latest placed-for-adoption episode (A3-A6) that "
    "is not a legal-status-only change.",
)

# Where A1's and A10's clocks stop (each used by the single-year and the 3-year indicator).
A1_CLOCK_STOPS = "placed_for_adoption"
A1_FOSTER_CARER_CHOICE = (
    "Adoptions by former foster carers count to the date of the adoptive placement here; A10 stops their clock earlier."
)
A10_CLOCK_STOPS = (
    "CASE WHEN foster_care = '1' THEN coalesce(carer_placement_start, placed_for_adoption) ELSE placed_for_adoption END"
)
A10_FOSTER_CARER_CHOICE = (
    "Adopted by the former foster carer (FOSTER_CARE = 1): the clock stops at the start of the placement with that "
    "carer, the latest episode on or before the adoptive placement that began with new carers (RNE S, P or B; "
    "placed for adoption with the current carers is RNE T or U, a change of placement with the same carers)."
)

# The single-year adoption figures, and the scorecards' rolling averages beside them.
SINGLE_YEAR_CHOICE = (
    "A single collection year is shown, so that a change shows up at once; the indicator of the same name "
    "ending in _3y gives the scorecards' 3-year rolling average."
)
SCORECARD_YEARS = 3
SCORECARD_COHORT = "Children adopted during the collection year and the two collection years before it"
SCORECARD_PERIOD = (
    "Three collection years ending with the year shown (the scorecards' 3-year rolling average); "
    "no figure until all three years' SSDA903 returns are loaded"
)
SCORECARD_CHOICES = (
    "The 3-year figure for a year pools the children adopted in that collection year and the two before "
    "(2023/24 to 2025/26 for 2025/26) and averages over all of them, so a year with more adoptions weighs "
    "more, as in the scorecards; it is not the mean of three yearly averages.",
    "Each child's days are worked out as in the single-year figure of the year they were adopted; the list "
    "of children names that year (adopted in).",
    "No figure is given until the SSDA903 returns of all three years are loaded: an average over one or two "
    "years is not the scorecards' figure, and the thresholds are set on 3-year averages. The single-year "
    "figure covers those years.",
)

_ADOPTION_CLOCK = Template("""
WITH episodes AS ({{ episode_history($years) }}),
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
         max(CASE WHEN h.reason_new_episode IN ('S', 'P', 'B') THEN h.start_date END) AS carer_placement_start
  FROM adoptive d
  JOIN episodes h
    ON h.la_code = d.la_code AND h.collection_year = d.collection_year AND h.child_id = d.child_id
   AND h.start_date <= d.placed_for_adoption
  GROUP BY d.la_code, d.collection_year, d.child_id, d.foster_care, d.placed_for_adoption
)
SELECT la_code, collection_year, child_id AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator,
       CAST({{ days('entered_care', "$clock_stops") }} AS DOUBLE) AS value,
       entered_care, placed_for_adoption, foster_care
FROM clock
""")


def adoption_clock_query(clock_stops: str, years: int = 1) -> str:
    """Days from entering care to `clock_stops`, a SQL expression over `placed_for_adoption`,
    `carer_placement_start` and `foster_care`, for each child adopted in the year (or in the `years` pooled)."""
    if '"' in clock_stops:
        raise ValueError("the clock's stop is passed to a macro in double quotes; write it with single quotes")
    single = _ADOPTION_CLOCK.substitute(clock_stops=clock_stops, years=years)
    return pooled_query(single, years, ("entered_care", "placed_for_adoption", "foster_care"))


# Children adopted in the year, timed from the court's authority to place to the match (scorecard A2).
AUTHORITY_TO_MATCH_CHOICES = (
    "Court authority = the start of the first episode under legal status E1 (placement order) or D1 "
    "(freeing order), from every loaded return of the council.",
    "Children placed with parental consent and no order are left out, as LG Inform 912 leaves them out.",
    "A match before the order counts as 0 days.",
)

_AUTHORITY_TO_MATCH = Template("""
WITH episodes AS ({{ episode_history($years) }}),
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
""")


def authority_to_match_query(years: int = 1) -> str:
    """Days from the placement (or freeing) order to the match, for each child adopted in the year
    (or in the `years` pooled) who had an order."""
    single = _AUTHORITY_TO_MATCH.substitute(years=years)
    return pooled_query(single, years, ("placement_order", "date_matched"))


_POOLED = Template("""
WITH single AS (
$single
),
returns AS (SELECT DISTINCT la_code, collection_year FROM episode),
complete AS (
  SELECT r.la_code, r.collection_year
  FROM returns r
  JOIN returns p ON p.la_code = r.la_code AND p.collection_year BETWEEN r.collection_year - $back AND r.collection_year
  GROUP BY r.la_code, r.collection_year
  HAVING count(*) = $years
)
SELECT c.la_code, c.collection_year, s.member_id, s.in_denominator, s.in_numerator, s.value,
       concat(CAST(s.collection_year - 1 AS STRING), '/', substr(CAST(s.collection_year AS STRING), 3, 2))
         AS adopted_in,
       $details
FROM complete c
JOIN single s ON s.la_code = c.la_code AND s.collection_year BETWEEN c.collection_year - $back AND c.collection_year
""")


def pooled_query(single: str, years: int, details: tuple[str, ...]) -> str:
    """The members of a single-year adoption query pooled over `years` collection years: under each
    year whose 903 returns (episodes) of it and the years before are all loaded, every member of those
    years, with the collection year it belongs to (`adopted_in`, written 2024/25) and its `details`.
    `single` must narrow its episode history with `episode_history(years)`. One year: `single` itself."""
    if years == 1:
        return single
    listed = ", ".join(f"s.{d}" for d in details)
    return _POOLED.substitute(single=single.strip(), years=years, back=years - 1, details=listed)
