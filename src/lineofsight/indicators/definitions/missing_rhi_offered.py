"""missing.rhi_offered: return home interviews offered after a missing episode."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="missing.rhi_offered",
    title="Return home interviews offered",
    area=Area.HELP_AND_PROTECTION,
    numerator="Missing episodes after which a return home interview was offered",
    denominator="Missing episodes that ended (the child returned) in the year",
    cohort="Missing episodes of children in and out of care (local records, Annex A list 8)",
    period="Collection year, by date of return",
    polarity="higher",
    unit="percent",
    source="DfE, Statutory guidance on children who run away or go missing from home or care (2014); "
    "Ofsted Annex A list 8",
    datasets=("local",),
    choices=(
        "Counted per missing episode, not per child: every return should be offered an interview.",
        "An episode with no return date yet is not counted: nothing could be offered.",
    ),
    query="""
SELECT m.la_code, m.collection_year, m.child_id AS member_id,
       TRUE AS in_denominator, coalesce(m.rhi_offered, FALSE) AS in_numerator,
       CAST(NULL AS DOUBLE) AS value,
       m.looked_after, m.start_date, m.end_date, m.rhi_offered
FROM missing_incident m
WHERE m.end_date BETWEEN {{ year_start('m.collection_year') }} AND {{ year_end('m.collection_year') }}
""",
)
