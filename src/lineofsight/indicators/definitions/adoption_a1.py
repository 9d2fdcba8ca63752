"""adoption.a1: Average days from entering care to moving in with the adoptive family (A1)."""

from lineofsight.indicators.cohorts import (
    A1_CLOCK_STOPS,
    A1_FOSTER_CARER_CHOICE,
    ADOPTION_CLOCK_CHOICES,
    SINGLE_YEAR_CHOICE,
    adoption_clock_query,
)
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a1",
    title="Average days from entering care to moving in with the adoptive family (A1)",
    area=Area.ADOPTION,
    numerator="Sum of days from entering care to moving in with the adoptive family",
    denominator="Children adopted in the year (AD1) whose episodes show when they entered care and were placed",
    cohort="Children adopted during the collection year",
    period="Collection year (a single year, not the scorecard's 3-year rolling average)",
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards, indicator A1; thresholds 2013-16 (14 months)",
    datasets=("ssda903",),
    threshold=426.0,
    threshold_text="2013-16 threshold: 14 months (426 days)",
    choices=(
        SINGLE_YEAR_CHOICE,
        *ADOPTION_CLOCK_CHOICES,
        A1_FOSTER_CARER_CHOICE,
    ),
    query=adoption_clock_query(clock_stops=A1_CLOCK_STOPS),
)
