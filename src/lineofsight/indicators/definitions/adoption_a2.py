"""adoption.a2: average days from the court's authority to place to the match with adopters."""

from lineofsight.indicators.cohorts import AUTHORITY_TO_MATCH_CHOICES, SINGLE_YEAR_CHOICE, authority_to_match_query
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="adoption.a2",
    title="Average days from placement order to match with adopters (A2)",
    area=Area.ADOPTION,
    numerator="Sum of days from the placement (or freeing) order to the decision to match",
    denominator="Children adopted in the year with a placement or freeing order in their episodes",
    cohort="Children adopted during the collection year",
    period="Collection year (a single year, not the scorecard's 3-year rolling average)",
    polarity="lower",
    unit="days",
    source="DfE, Adoption scorecards, indicator A2; LG Inform metric 912; thresholds 2013-16 (4 months)",
    datasets=("ssda903",),
    threshold=121.0,
    threshold_text="2013-16 threshold: 4 months (121 days)",
    choices=(SINGLE_YEAR_CHOICE, *AUTHORITY_TO_MATCH_CHOICES),
    query=authority_to_match_query(),
)
