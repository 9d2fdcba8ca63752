"""workforce.absence: working days lost to sickness as a share of working days available."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="workforce.absence",
    title="Social worker sickness absence rate",
    area=Area.WORKFORCE,
    numerator="Working days lost to sickness absence in the census year",
    denominator="FTE of employed social workers in post at 30 September x 253 working days",
    cohort="Employed (non-agency) children and family social workers in post at 30 September",
    period="Census year to 30 September (census 30 September 2025 = collection year 2026)",
    polarity="lower",
    unit="percent",
    source="DfE, Children's social work workforce statistics, absence rate (3.5% in 2025)",
    datasets=("workforce",),
    sum_numerator="coalesce(absence_days, 0)",
    sum_denominator="fte * 253",
    member_kind="worker",
    choices=(
        "The DfE's divisor is not published; 253 working days a year fits its published rates "
        "(3.5% in 2025, 3.2% in 2023) and is a typical year of 261 weekdays less 8 bank holidays.",
        "Employed workers in post at 30 September only; agency workers' absence is not collected.",
    ),
    query="""
SELECT w.la_code, w.collection_year, w.worker_id AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator, CAST(w.absence_days AS DOUBLE) AS value,
       w.fte, w.absence_days, w.role
FROM worker w
WHERE NOT w.agency
  AND {{ in_post_at_census('w') }}
""",
)
