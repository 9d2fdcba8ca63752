"""missing.rhi_accepted: return home interviews accepted, of those offered."""

from lineofsight.indicators.cohorts import after_last_return_query
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="missing.rhi_accepted",
    title="Return home interviews accepted",
    area=Area.HELP_AND_PROTECTION,
    numerator="Children who accepted a return home interview after their last missing episode ending in the year",
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
        "latest start), as Annex A list 8 asks 'did the child accept' after their last missing episode.",
        "The denominator is every child who returned, not only those offered: an interview not offered "
        "is one not accepted.",
    ),
    query=after_last_return_query("rhi_accepted"),
)
