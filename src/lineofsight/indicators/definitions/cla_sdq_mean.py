"""cla.sdq_mean: average strengths and difficulties questionnaire score (OC2 cohort)."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cla.sdq_mean",
    title="Average SDQ score of children in care",
    area=Area.CHILDREN_IN_CARE,
    numerator="Sum of the SDQ total scores",
    denominator="Children aged 5 to 16 at 31 March in the OC2 cohort with an SDQ score",
    cohort="OC2 rows aged 5 to 16, excluding children whose only episodes in the year were short breaks",
    period="Collection year, to 31 March",
    polarity="lower",
    unit="score",
    source="DfE, Outcomes for children looked after (OC2), SDQ_SCORE: mean 14.9 in 2025; 0-13 normal, "
    "14-16 borderline, 17-40 a cause for concern",
    datasets=("ssda903",),
    choices=(
        "Ages 5 to 16 on 31 March, as the DfE tabulates it (the SDQ is required at 4 to 16, but the "
        "assessment date is not collected).",
        "Children without a score (SDQ_REASON given) are left out of the mean.",
    ),
    query="""
SELECT o.la_code, o.collection_year, o.child_id AS member_id,
       o.sdq_score IS NOT NULL AS in_denominator, o.sdq_score IS NOT NULL AS in_numerator,
       CAST(o.sdq_score AS DOUBLE) AS value, o.sdq_reason
FROM {{ oc2_cohort('o') }}
WHERE {{ age('o.date_of_birth', year_end('o.collection_year')) }} BETWEEN 5 AND 16
""",
)
