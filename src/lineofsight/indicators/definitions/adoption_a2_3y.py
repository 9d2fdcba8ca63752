"""adoption.a2_3y: A2 as the adoption scorecards give it, a 3-year rolling average.

Its own indicator, not a period option on adoption.a2, for the reasons given in adoption_a1_3y.py:
every page, the pack, the benchmarks and the cache know a figure by (indicator, council, year), and
the DfE set the A2 thresholds on 3-year averages. The figure for a year pools the children adopted
in it and the two years before who had a placement or freeing order, and is the mean of their days.
With one or two of the three years' SSDA903 returns not loaded there is no figure for that year,
never an average over fewer years; adoption.a2 gives the single years.
"""

from lineofsight.indicators.cohorts import (
    AUTHORITY_TO_MATCH_CHOICES,
    SCORECARD_CHOICES,
    SCORECARD_COHORT,
    SCORECARD_PERIOD,
    SCORECARD_YEARS,
    authority_to_match_query,
)
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a2_3y",
    title="Average days from placement order to match with adopters, 3-year average (A2)",
    area=Area.ADOPTION,
    numerator="Sum of days from the placement (or freeing) order to the decision to match",
    denominator="Children adopted in the three years with a placement or freeing order in their episodes",
    cohort=SCORECARD_COHORT,
    period=SCORECARD_PERIOD,
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards, indicator A2 (3-year average); LG Inform metric 912; thresholds 2013-16 (4 months)",
    datasets=("ssda903",),
    threshold=121.0,
    threshold_text="2013-16 threshold: 4 months (121 days)",
    choices=(*SCORECARD_CHOICES, *AUTHORITY_TO_MATCH_CHOICES),
    years=SCORECARD_YEARS,
    query=authority_to_match_query(years=SCORECARD_YEARS),
)
