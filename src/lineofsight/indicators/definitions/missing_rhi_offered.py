"""missing.rhi_offered: return home interviews offered after a missing episode."""

from lineofsight.indicators.cohorts import after_last_return_query
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
    query=after_last_return_query("rhi_offered"),
)
