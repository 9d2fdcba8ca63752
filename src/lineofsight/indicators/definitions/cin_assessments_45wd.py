"""cin.assessments_45wd: assessments completed within 45 working days."""

from lineofsight.indicators.cohorts import within_working_days_query
from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cin.assessments_45wd",
    title="Assessments completed within 45 working days",
    area=Area.HELP_AND_PROTECTION,
    numerator="Assessments authorised within 45 working days of their start",
    denominator="Assessments authorised (completed) in the year",
    cohort="Children and family assessments in the CIN census",
    period="Collection year, by authorisation date",
    polarity="higher",
    unit="percent",
    source="DfE, Characteristics of children in need, table C2 (duration of assessments)",
    datasets=("cin",),
    choices=(
        "Duration runs from AssessmentActualStartDate to AssessmentAuthorisationDate, as table C2 measures it.",
        "Working days exclude weekends and England and Wales bank holidays; a same-day completion is 0 "
        "and 'within 45' means 45 or fewer (C2 bands: same day, 1-10 ... 41-45).",
        "An assessment authorised before it started is left out (a data error the validator reports).",
    ),
    query=within_working_days_query("assessment", "start_date", "authorisation_date", limit=45),
)
