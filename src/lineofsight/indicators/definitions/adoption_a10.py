"""adoption.a10: Average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions (A10)."""

from lineofsight.indicators.cohorts import (
    A10_CLOCK_STOPS,
    A10_FOSTER_CARER_CHOICE,
    ADOPTION_CLOCK_CHOICES,
    SINGLE_YEAR_CHOICE,
    adoption_clock_query,
)
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a10",
    title="Average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions (A10)",
    area=Area.ADOPTION,
    numerator="Sum of days from entering care to moving in, or to the start of the foster placement with the eventual adopters",
    denominator="Children adopted in the year (AD1) whose episodes show when they entered care and were placed",
    cohort="Children adopted during the collection year",
    period="Collection year (a single year, not the scorecard's 3-year rolling average)",
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards and ASGLB, indicator A10 (from 2012-13)",
    datasets=("ssda903",),
    threshold=None,
    threshold_text="",
    choices=(
        SINGLE_YEAR_CHOICE,
        *ADOPTION_CLOCK_CHOICES,
        A10_FOSTER_CARER_CHOICE,
    ),
    query=adoption_clock_query(clock_stops=A10_CLOCK_STOPS),
)
