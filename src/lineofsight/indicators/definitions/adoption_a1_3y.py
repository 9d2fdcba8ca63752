"""adoption.a1_3y: A1 as the adoption scorecards give it, a 3-year rolling average.

A separate indicator rather than a period option on adoption.a1: the engine, the pages, the pack,
the benchmarks and the cache all know a figure by (indicator, council, collection year), and a
3-year figure is a different figure for the same year, with its own children behind it and the
thresholds, which the DfE set on 3-year averages. Declared as its own indicator it is listed,
trended, benchmarked and audited like any other, with nothing new in the engine.

The figure for 2025/26 pools the children adopted in 2023/24, 2024/25 and 2025/26 and is the mean
of their days (not the mean of three yearly means). When one or two of the three years' SSDA903
returns are not loaded there is no figure for that year (the DfE's scorecards always cover three
years, so an average over fewer would pass for one it is not); the indicator page says which year
is missing, and adoption.a1 gives the single-year figures meanwhile.
"""

from lineofsight.indicators.cohorts import (
    A1_CLOCK_STOPS,
    A1_FOSTER_CARER_CHOICE,
    ADOPTION_CLOCK_CHOICES,
    SCORECARD_CHOICES,
    SCORECARD_COHORT,
    SCORECARD_PERIOD,
    SCORECARD_YEARS,
    adoption_clock_query,
)
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a1_3y",
    title="Average days from entering care to moving in with the adoptive family, 3-year average (A1)",
    area=Area.ADOPTION,
    numerator="Sum of days from entering care to moving in with the adoptive family",
    denominator="Children adopted in the three years (AD1) whose episodes show when they entered care and were placed",
    cohort=SCORECARD_COHORT,
    period=SCORECARD_PERIOD,
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards, indicator A1 (3-year average); thresholds 2013-16 (14 months)",
    datasets=("ssda903",),
    threshold=426.0,
    threshold_text="2013-16 threshold: 14 months (426 days)",
    choices=(
        *SCORECARD_CHOICES,
        *ADOPTION_CLOCK_CHOICES,
        A1_FOSTER_CARER_CHOICE,
    ),
    years=SCORECARD_YEARS,
    query=adoption_clock_query(clock_stops=A1_CLOCK_STOPS, years=SCORECARD_YEARS),
)
