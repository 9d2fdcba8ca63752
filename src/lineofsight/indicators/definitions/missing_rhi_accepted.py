"""missing.rhi_accepted: return home interviews accepted, of those offered."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="missing.rhi_accepted",
    title="Return home interviews accepted",
    area=Area.HELP_AND_PROTECTION,
    numerator="Offered return home interviews the child accepted",
    denominator="Missing episodes ended in the year after which an interview was offered",
    cohort="Missing episodes of children in and out of care (local records, Annex A list 8)",
    period="Collection year, by date of return",
    polarity="higher",
    unit="percent",
    source="DfE, Statutory guidance on children who run away or go missing from home or care (2014); "
    "Ofsted Annex A list 8",
    datasets=("local",),
    choices=("Counted per missing episode; the denominator is the interviews offered, not every return.",),
    query="""
SELECT m.la_code, m.collection_year, m.child_id AS member_id,
       TRUE AS in_denominator, coalesce(m.rhi_accepted, FALSE) AS in_numerator,
       CAST(NULL AS DOUBLE) AS value,
       m.looked_after, m.start_date, m.end_date, m.rhi_accepted
FROM missing_incident m
WHERE m.end_date BETWEEN {{ year_start('m.collection_year') }} AND {{ year_end('m.collection_year') }}
  AND m.rhi_offered
""",
)
