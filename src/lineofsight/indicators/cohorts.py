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
    "A single collection year is shown, so that a change shows up at once; the scorecards' 3-year rolling "
    "average is the mean of three consecutive years' members.",
    "Entering care = the start of the latest period of care (RNE S) before the adoptive placement, from "
    "every loaded return of the council; the earliest known episode when no start is loaded.",
    "Moving in with the adoptive family = the start of the latest placed-for-adoption episode (A3-A6) that "
    "is not a legal-status-only change.",
)

_ADOPTION_CLOCK = Template("""
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
       CAST({{ days('entered_care', "$clock_stops") }} AS DOUBLE) AS value,
       entered_care, placed_for_adoption, foster_care
FROM clock
""")


def adoption_clock_query(clock_stops: str) -> str:
    """Days from entering care to `clock_stops`, a SQL expression over `placed_for_adoption`,
    `carer_placement_start` and `foster_care`, for each child adopted in the year."""
    if '"' in clock_stops:
        raise ValueError("the clock's stop is passed to a macro in double quotes; write it with single quotes")
    return _ADOPTION_CLOCK.substitute(clock_stops=clock_stops)
