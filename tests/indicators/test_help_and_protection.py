"""Hand-worked tests of the children in need and child protection indicators."""

from __future__ import annotations

import pytest

from lineofsight.store import Store

from .rows import figure, put


def test_assessments_45_working_days_skip_bank_holidays(any_store: Store) -> None:
    store = any_store
    # Start Thu 1 May 2025. Working days after it: Fri 2 May = 1; 5 May is the early May bank holiday,
    # so 6-9 May = 5; 12-16 = 10; 19-23 = 15; 26 May spring bank holiday, 27-30 = 19; 2-6 Jun = 24;
    # 9-13 = 29; 16-20 = 34; 23-27 = 39; 30 Jun-4 Jul = 44; Mon 7 Jul = 45; Tue 8 Jul = 46.
    # (Counting weekends only, 7 Jul would be 47 and late.)
    put(
        store,
        "assessment",
        [
            {"child_id": "A", "referral_id": 1, "start_date": "2025-06-02", "authorisation_date": "2025-06-02"},
            {"child_id": "B", "referral_id": 1, "start_date": "2025-05-01", "authorisation_date": "2025-07-07"},
            {"child_id": "C", "referral_id": 1, "start_date": "2025-05-01", "authorisation_date": "2025-07-08"},
            # authorised last year, and authorised before it started: both left out
            {"child_id": "D", "referral_id": 1, "start_date": "2025-02-01", "authorisation_date": "2025-03-31"},
            {"child_id": "E", "referral_id": 1, "start_date": "2025-09-10", "authorisation_date": "2025-09-01"},
        ],
    )
    # A (same day, 0) and B (45) are within; C (46) is not: 2 / 3 = 66.67%
    assert figure(store, "cin.assessments_45wd") == (2, 3, pytest.approx(200 / 3))


def test_s47_to_icpc_within_15_working_days(any_store: Store) -> None:
    store = any_store
    # S47 starts Mon 18 Aug 2025: 19-22 Aug = 4; 25 Aug bank holiday, 26-29 = 8; 1-5 Sep = 13;
    # Mon 8 Sep = 14; Tue 9 Sep = 15; Wed 10 Sep = 16.
    put(
        store,
        "section47",
        [
            {"child_id": "A", "referral_id": 1, "start_date": "2025-08-18", "icpc_date": "2025-09-09"},
            {"child_id": "B", "referral_id": 1, "start_date": "2025-08-18", "icpc_date": "2025-09-10"},
            {"child_id": "C", "referral_id": 1, "start_date": "2025-08-18", "icpc_date": "2025-08-15"},  # before
            {"child_id": "D", "referral_id": 1, "start_date": "2025-08-18"},  # no conference
        ],
    )
    # A (15) within, B (16) late: 1 / 2 = 50%
    assert figure(store, "cp.s47_icpc_15wd") == (1, 2, 50.0)


def test_referrals_rate_uses_last_years_mid_year_population(any_store: Store) -> None:
    store = any_store
    put(
        store,
        "referral",
        [
            {"child_id": "A", "referral_id": 1, "referral_date": "2025-04-01"},
            {"child_id": "A", "referral_id": 2, "referral_date": "2025-10-01"},
            {"child_id": "B", "referral_id": 1, "referral_date": "2026-03-31"},
            {"child_id": "C", "referral_id": 1, "referral_date": "2025-03-31"},  # last year
        ],
    )
    put(store, "population", [{"la_code": "999", "year": 2025, "population_0_17": 20000}])
    put(store, "population", [{"la_code": "999", "year": 2026, "population_0_17": 99999}])
    # 3 referrals in 2025/26 / 20,000 children (mid-2025) x 10,000 = 1.5
    assert figure(store, "cin.referrals_rate") == (3, 20000, 1.5)


def test_rereferrals_within_12_months_look_back_into_last_years_return(any_store: Store) -> None:
    store = any_store
    put(
        store,
        "referral",
        [
            {"child_id": "X", "referral_id": 1, "referral_date": "2025-01-10"},
            {"child_id": "Y", "referral_id": 1, "referral_date": "2024-06-01"},
            {"child_id": "Z", "referral_id": 1, "referral_date": "2024-05-31"},
        ],
        year=2025,
    )
    put(
        store,
        "referral",
        [
            {"child_id": "X", "referral_id": 2, "referral_date": "2025-12-15"},  # 11 months after: yes
            {"child_id": "Y", "referral_id": 2, "referral_date": "2025-06-01"},  # exactly 12 months: yes
            {"child_id": "Z", "referral_id": 2, "referral_date": "2025-06-01"},  # 12 months and a day: no
            {"child_id": "W", "referral_id": 1, "referral_date": "2025-09-01"},  # first referral: no
        ],
    )
    # 2 of the 4 referrals in 2025/26 = 50%
    assert figure(store, "cin.rereferrals_12m") == (2, 4, 50.0)


def test_plans_rate_counts_children_on_a_plan_at_31_march(any_store: Store) -> None:
    store = any_store
    put(
        store,
        "protection_plan",
        [
            {"child_id": "A", "referral_id": 1, "start_date": "2025-05-01"},
            {"child_id": "B", "referral_id": 1, "start_date": "2024-01-01", "end_date": "2026-03-31"},  # ended
            {"child_id": "C", "referral_id": 1, "start_date": "2026-03-31"},
            {"child_id": "D", "referral_id": 1, "start_date": "2025-01-01", "end_date": "2026-04-02"},
        ],
    )
    put(store, "population", [{"la_code": "999", "year": 2025, "population_0_17": 10000}])
    # A, C, D open at 31 March: 3 / 10,000 x 10,000 = 3.0
    assert figure(store, "cp.plans_rate") == (3, 10000, 3.0)


def test_plan_ending_on_the_day_it_reaches_two_years_counts(any_store: Store) -> None:
    store = any_store
    put(
        store,
        "protection_plan",
        [
            {"child_id": "E", "referral_id": 1, "start_date": "2023-06-15", "end_date": "2025-06-15"},  # 2 years
            {"child_id": "F", "referral_id": 1, "start_date": "2023-06-16", "end_date": "2025-06-15"},  # a day short
            {"child_id": "G", "referral_id": 1, "start_date": "2025-01-01", "end_date": "2025-09-01"},
            {"child_id": "H", "referral_id": 1, "start_date": "2022-01-01", "end_date": "2025-03-31"},  # last year
        ],
    )
    # Plans ending in 2025/26: E, F, G; E reached two years: 1 / 3
    assert figure(store, "cp.plans_2y_plus") == (1, 3, pytest.approx(100 / 3))


def test_second_plan_from_the_count_or_an_earlier_plan(any_store: Store) -> None:
    store = any_store
    put(store, "protection_plan", [{"child_id": "P2", "referral_id": 1, "start_date": "2023-02-01"}], year=2024)
    put(
        store,
        "protection_plan",
        [
            {"child_id": "P1", "referral_id": 1, "start_date": "2025-05-01", "previous_plans": 1},
            {"child_id": "P2", "referral_id": 2, "start_date": "2025-06-01", "previous_plans": 0},
            {"child_id": "P3", "referral_id": 1, "start_date": "2025-07-01", "previous_plans": 0},
            {"child_id": "P4", "referral_id": 1, "start_date": "2025-05-01", "previous_plans": 0},
            {"child_id": "P4", "referral_id": 2, "start_date": "2025-11-01", "previous_plans": 0},
        ],
    )
    # 5 plans start in the year; P1 (count), P2 (2023 plan in the 2024 return), P4's second: 3 / 5 = 60%
    assert figure(store, "cp.second_plan") == (3, 5, 60.0)


def test_reviews_on_time(any_store: Store) -> None:
    store = any_store
    plans = [
        {"child_id": "R1", "referral_id": 1, "start_date": "2025-04-10"},
        {"child_id": "R2", "referral_id": 1, "start_date": "2025-04-10"},
        {"child_id": "R3", "referral_id": 1, "start_date": "2025-06-01"},
        {"child_id": "R4", "referral_id": 1, "start_date": "2026-02-01"},
        {"child_id": "R5", "referral_id": 1, "start_date": "2024-10-01", "end_date": "2025-06-01"},
    ]
    put(store, "protection_plan", plans)
    reviews = [
        ("R1", "2025-04-10", "2025-07-10"),  # exactly 3 months after the start: on time
        ("R1", "2025-04-10", "2026-01-10"),  # exactly 6 months later: on time; next due 10 Jul 2026
        ("R2", "2025-04-10", "2025-07-11"),  # a day late
        ("R5", "2024-10-01", "2025-01-01"),  # on time; next due 1 Jul 2025, after the plan ended
    ]
    put(
        store,
        "protection_plan_review",
        [{"child_id": c, "referral_id": 1, "plan_start_date": s, "review_date": r} for c, s, r in reviews],
    )
    # R3 had no review by 1 Sep 2025: overdue. R4 lasted under 3 months: not counted.
    # Denominator R1, R2, R3, R5 = 4; on time R1, R5 = 2: 50%
    assert figure(store, "cp.reviews_on_time") == (2, 4, 50.0)


def test_return_home_interviews(any_store: Store) -> None:
    store = any_store
    incidents = [
        ("I1", "2025-05-08", "2025-05-10", True, True, "2025-05-13"),  # 3 days: within 72 hours
        ("I2", "2025-05-30", "2025-06-01", True, True, "2025-06-05"),  # 4 days: late
        ("I3", "2025-06-30", "2025-07-01", True, False, None),  # declined
        ("I4", "2025-07-30", "2025-08-01", False, None, None),  # not offered
        ("I5", "2025-03-18", "2025-03-20", True, True, "2025-03-21"),  # returned last year
        ("I6", "2026-03-30", None, False, None, None),  # not yet returned
        ("I7", "2026-01-01", "2026-01-03", True, True, "2026-01-05"),  # accepted after the first return...
        ("I7", "2026-02-01", "2026-02-02", True, False, None),  # ...but not after the last
    ]
    put(
        store,
        "missing_incident",
        [
            {"child_id": c, "looked_after": False, "start_date": s, "end_date": e}
            | {"rhi_offered": o, "rhi_accepted": a, "rhi_date": r}
            for c, s, e, o, a, r in incidents
        ],
    )
    # Children who returned in 2025/26: I1-I4 (I7's last return is 2 Feb: offered, declined)
    assert figure(store, "missing.rhi_offered") == (4, 5, 80.0)  # I1, I2, I3, I7
    assert figure(store, "missing.rhi_accepted") == (2, 5, 40.0)  # I1, I2
    # Interviews held after returns in the year: I1, I2 and I7's January one (2 days): I1, I7 within 72 hours
    assert figure(store, "missing.rhi_72h") == (2, 3, pytest.approx(200 / 3))
