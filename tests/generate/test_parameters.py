"""The councils' parameters (the DfE's published figures in the reference bundle) and the rates drawn from them."""

from __future__ import annotations

import datetime as dt
import random

from lineofsight.generate.entities import Quota
from lineofsight.generate.parameters import ENGLAND, _value, load
from lineofsight.generate.rates import CARE_TUNING, Rates
from lineofsight.generate.workforce import vacancies


def test_published_figures_are_taken_as_published() -> None:
    table = load()
    # cla_number_and_rate_per_10k_children.csv, 2025: England 67 and North Lincolnshire 62 per 10,000;
    # c1_...: England's referrals 2024-25 = 519.4 per 10,000 (referral_count over the mid-2024 ONS estimate).
    assert table.published(ENGLAND, 2025, "cla.rate") == 67.0
    assert table.published("813", 2025, "cla.rate") == 62.0
    assert table.published(ENGLAND, 2025, "cin.referrals_rate") == 519.4
    # csww census of 30 September 2025 belongs to collection year 2026: England's agency rate 13.0%.
    assert table.published(ENGLAND, 2026, "workforce.agency") == 13.0


def test_a_council_without_a_figure_takes_its_neighbours_median() -> None:
    series = {(2025, "A"): 10.0, (2025, "B"): 20.0, (2025, "C"): 40.0, (2025, ENGLAND): 30.0, (2024, "D"): 5.0}
    assert _value(series, "D", 2025, ["A", "B", "C"]) == (20.0, False)  # median of 10, 20, 40
    assert _value(series, "D", 2025, ["A", "B"]) == (15.0, False)  # median of 10 and 20
    assert _value(series, "D", 2025, ["X"]) == (30.0, False)  # no neighbour published: England
    assert _value(series, "D", 2024, ["A"]) == (5.0, True)
    assert _value(series, "A", 2030, []) == (10.0, False)  # after the series: its last year, not published


def test_neighbour_medians_are_marked_not_published() -> None:
    table = load()
    filled = [(k, c) for k, cols in table.filled.items() for c in cols if k[0] != ENGLAND and 2023 <= k[1] <= 2025]
    assert filled  # small councils' figures are suppressed
    (la, year), column = filled[0]
    assert table.published(la, year, column) is None
    assert table.at(la, year)[column] >= 0


def test_rates_follow_the_council_against_england() -> None:
    england = Rates(ENGLAND).year(2025)
    assert england.care_scale == CARE_TUNING and england.plan_scale == 1.0
    assert england.referrals == 519.4 / 10_000
    table = load()
    high, low = (
        sorted(
            (la for la, year in table.values if year == 2025 and la != ENGLAND),
            key=lambda la: table.at(la, 2025)["cla.rate"] / table.at(la, 2025)["cin.referrals_rate"],
        )[::-1][:1]
        + sorted(
            (la for la, year in table.values if year == 2025 and la != ENGLAND),
            key=lambda la: table.at(la, 2025)["cla.rate"] / table.at(la, 2025)["cin.referrals_rate"],
        )[:1]
    )
    assert Rates(high).year(2025).care_scale > england.care_scale > Rates(low).year(2025).care_scale
    assert Rates("813", population=5000).at(dt.date(2024, 6, 1)).population == 5000


def test_vacancies_are_a_share_of_employed_posts() -> None:
    """DfE: vacancy rate = FTE vacancies / (FTE vacancies + FTE employed social workers); agency staff are neither."""
    rows = [
        {"fte": 1.0, "agency": False, "leaving_date": None},
        {"fte": 1.0, "agency": False, "leaving_date": None},
        {"fte": 1.0, "agency": False, "leaving_date": None},
        {"fte": 1.0, "agency": False, "leaving_date": None},
        {"fte": 1.0, "agency": True, "leaving_date": None},  # agency: not in the denominator
        {"fte": 1.0, "agency": False, "leaving_date": dt.date(2025, 1, 1)},  # left: not in post
    ]
    out = vacancies(rows, random.Random(1), 0.2)  # 4 employed FTE at 20% -> 1 FTE vacant
    assert round(sum(r["vacancies_fte"] for r in out), 1) == 1.0


def test_a_quota_gives_its_share_of_yeses() -> None:
    quota = Quota(random.Random(3))
    assert sum(quota.take(0.37) for _ in range(200)) in (74, 75)  # 0.37 x 200 = 74, give or take one
