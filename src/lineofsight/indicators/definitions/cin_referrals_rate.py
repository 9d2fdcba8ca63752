"""cin.referrals_rate: referrals in the year per 10,000 children."""

from lineofsight.indicators.indicator import Area, Indicator

INDICATOR = Indicator(
    id="cin.referrals_rate",
    title="Referrals per 10,000 children",
    area=Area.HELP_AND_PROTECTION,
    numerator="Referrals (CINreferralDate) received in the year; every referral counts, not every child",
    denominator="ONS mid-year estimate of children aged 0 to 17 (the one for the calendar year before 31 March)",
    cohort="All referrals in the CIN census",
    period="Collection year, 1 April to 31 March",
    polarity=None,
    unit="per_10000",
    source="DfE, Characteristics of children in need, table C1 (referrals per 10,000 children)",
    datasets=("cin",),
    choices=(
        "A referral counts in the year of its CINreferralDate, whichever return it arrived in.",
        "Polarity is neither: a high or low rate is a question to ask, not a judgement.",
    ),
    query="""
SELECT r.la_code, r.collection_year, r.child_id AS member_id,
       TRUE AS in_denominator, TRUE AS in_numerator, CAST(NULL AS DOUBLE) AS value,
       r.referral_date, r.referral_source
FROM referral r
WHERE r.referral_date BETWEEN {{ year_start('r.collection_year') }} AND {{ year_end('r.collection_year') }}
""",
)
