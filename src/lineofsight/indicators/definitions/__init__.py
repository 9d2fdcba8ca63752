"""One file per indicator: metadata an analyst can read, then the child-level SQL.

ORDER is the catalogue order (by area of practice); each module declares INDICATOR
and is named after the indicator id with the dot as an underscore.
"""

ORDER = (
    "cin_referrals_rate",
    "cin_rereferrals_12m",
    "cin_assessments_45wd",
    "cp_s47_icpc_15wd",
    "cp_plans_rate",
    "cp_plans_2y_plus",
    "cp_second_plan",
    "cp_reviews_on_time",
    "missing_rhi_offered",
    "missing_rhi_accepted",
    "missing_rhi_72h",
    "cla_rate",
    "cla_stability_3plus",
    "cla_stability_long_term",
    "cla_placed_20_miles",
    "cla_missing",
    "cla_health_assessments",
    "cla_dental_checks",
    "cla_immunisations",
    "cla_sdq_mean",
    "adoption_a1",
    "adoption_a2",
    "adoption_a10",
    "adoption_a1_3y",
    "adoption_a2_3y",
    "adoption_a10_3y",
    "leavers_in_touch",
    "leavers_suitable_accommodation",
    "leavers_eet_17_18",
    "leavers_eet_19_21",
    "workforce_turnover",
    "workforce_agency",
    "workforce_vacancy",
    "workforce_caseload",
    "workforce_absence",
    "workforce_experience_3y",
)
