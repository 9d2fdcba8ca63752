"""missing.rhi_72h: accepted return home interviews held within 72 hours of the return."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="missing.rhi_72h",
    title="Return home interviews within 72 hours",
    area=Area.HELP_AND_PROTECTION,
    numerator="Return home interviews held within 72 hours (3 days) of the child's return",
    denominator="Return home interviews held (RHI_DATE given) after missing episodes ending in the year",
    cohort="Missing episodes of children in and out of care (local records, Annex A list 8)",
    period="Collection year, by date of return",
    polarity="higher",
    unit="percent",
    source="DfE, Statutory guidance on children who run away or go missing from home or care (2014): "
    "an independent return interview within 72 hours of return",
    datasets=("local",),
    choices=(
        "Dates carry no time, so within 72 hours = held no more than 3 calendar days after the return date.",
        "Counted per missing episode whose interview was held: the timeliness of the interviews that took place.",
    ),
    query="""
SELECT m.la_code, m.collection_year, m.child_id AS member_id,
       TRUE AS in_denominator,
       m.rhi_date <= {{ add_days('m.end_date', 3) }} AS in_numerator,
       CAST({{ days('m.end_date', 'm.rhi_date') }} AS DOUBLE) AS value,
       m.looked_after, m.end_date, m.rhi_date
FROM missing_incident m
WHERE m.end_date BETWEEN {{ year_start('m.collection_year') }} AND {{ year_end('m.collection_year') }}
  AND m.rhi_date IS NOT NULL
""",
)
