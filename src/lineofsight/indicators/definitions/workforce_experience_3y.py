"""workforce.experience_3y: social workers in post with three or more years' post-qualifying experience."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="workforce.experience_3y",
    title="Social workers with three or more years' experience",
    area=Area.WORKFORCE,
    numerator="FTE of social workers qualified three years or more before 30 September",
    denominator="FTE of social workers in post at 30 September with a qualification date",
    cohort="Children and family social workers in post, agency included (CSWW census)",
    period="At the 30 September census (census 30 September 2025 = collection year 2026)",
    polarity="higher",
    unit="percent",
    source="DfE, Children's social work workforce statistics, characteristics (time in service); no DfE experience measure was found",
    datasets=("workforce",),
    sum_numerator="fte",
    sum_denominator="fte",
    member_kind="worker",
    choices=(
        "The DfE publishes no experience measure; this counts post-qualifying experience (since QUAL_DATE), "
        "by FTE like the DfE's other workforce rates, since practice experience is what a newly qualified "
        "worker lacks.",
        "Three years or more = qualified on or before the census date three years earlier.",
        "Workers without a qualification date are left out of both sides.",
    ),
    query="""
SELECT w.la_code, w.collection_year, w.worker_id AS member_id,
       w.qualification_date IS NOT NULL AS in_denominator,
       coalesce(w.qualification_date <= make_date(CAST(w.collection_year AS INTEGER) - 4, 9, 30), FALSE)
         AS in_numerator,
       CAST({{ days('w.qualification_date', census_date('w.collection_year')) }} AS DOUBLE) / 365.25 AS value,
       w.fte, w.qualification_date, w.role, w.agency
FROM worker w
WHERE {{ in_post_at_census('w') }}
""",
)
