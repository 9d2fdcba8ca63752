"""adoption.a10_3y: A10 as the adoption scorecards give it, a 3-year rolling average.

Its own indicator, not a period option on adoption.a10, for the reasons given in adoption_a1_3y.py:
every page, the pack, the benchmarks and the cache know a figure by (indicator, council, year).
The figure for a year pools the children adopted in it and the two years before and is the mean of
their days. With one or two of the three years' SSDA903 returns not loaded there is no figure for
that year, never an average over fewer years; adoption.a10 gives the single years.
"""

from lineofsight.indicators.cohorts import (
    A10_CLOCK_STOPS,
    A10_FOSTER_CARER_CHOICE,
    ADOPTION_CLOCK_CHOICES,
    SCORECARD_CHOICES,
    SCORECARD_COHORT,
    SCORECARD_PERIOD,
    SCORECARD_YEARS,
    adoption_clock_query,
)
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a10_3y",
    title="Average days from entering care to moving in with the adoptive family, adjusted for foster carer "
    "adoptions, 3-year average (A10)",
    area=Area.ADOPTION,
    numerator="Sum of days from entering care to moving in, or to the start of the foster placement with the eventual adopters",
    denominator="Children adopted in the three years (AD1) whose episodes show when they entered care and were placed",
    cohort=SCORECARD_COHORT,
    period=SCORECARD_PERIOD,
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards and ASGLB, indicator A10 (from 2012-13; 3-year average)",
    datasets=("ssda903",),
    threshold=None,
    threshold_text="",
    choices=(
        *SCORECARD_CHOICES,
        *ADOPTION_CLOCK_CHOICES,
        A10_FOSTER_CARER_CHOICE,
    ),
    years=SCORECARD_YEARS,
    query=adoption_clock_query(clock_stops=A10_CLOCK_STOPS, years=SCORECARD_YEARS),
)
