"""missing.rhi_offered: return home interviews offered after a missing episode."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="missing.rhi_offered",
    title="Return home interviews offered",
    area=Area.HELP_AND_PROTECTION,
    numerator="Children offered a return home interview after their last missing episode ending in the year",
    denominator="Children with a missing episode that ended (the child returned) in the year",
    cohort="Missing episodes of children in and out of care (local records, Annex A list 8)",
    period="Collection year, by date of return",
    polarity="higher",
    unit="percent",
    source="DfE, Statutory guidance on children who run away or go missing from home or care (2014); "
    "Ofsted Annex A list 8",
    datasets=("local",),
    choices=(
        "Counted per child, after the child's last missing episode ending in the year (latest return, then "
        "latest start), as Annex A list 8 asks 'after their last missing episode'.",
        "An episode with no return date yet is not counted: nothing could be offered.",
    ),
    query="""
WITH returned AS (
  SELECT la_code, collection_year, child_id, looked_after, start_date, end_date, rhi_offered, rhi_accepted, rhi_date,
         row_number() OVER (
           PARTITION BY la_code, collection_year, child_id ORDER BY end_date DESC, start_date DESC
         ) AS latest
  FROM missing_incident
  WHERE end_date BETWEEN {{ year_start('collection_year') }} AND {{ year_end('collection_year') }}
)
SELECT la_code, collection_year, child_id AS member_id,
       TRUE AS in_denominator, coalesce(rhi_offered, FALSE) AS in_numerator,
       CAST(NULL AS DOUBLE) AS value,
       looked_after, start_date, end_date, rhi_offered
FROM returned
WHERE latest = 1
""",
)
