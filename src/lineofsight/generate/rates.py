"""One council's simulation rates for a collection year, from its published figures (`parameters`).

Rates the simulation can take as they are published (referrals per child, the
re-referral and second-plan shares, far placements, care leavers' activity and
accommodation, the workforce rates) are taken as published. Figures that are
the result of several steps (children on a plan, looked after at 31 March,
placement moves, long-term stability) scale the step that drives them by the
council's figure relative to England's in the same year: the base rates in
simulate.py and care.py are tuned to England, so England comes out near
England and each council moves with its own figure.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

from lineofsight.generate.parameters import ENGLAND, load

CARE_TUNING = 0.96  # children looked after come out 4% over the rate asked for (measured on 26 councils)
FAR_TUNING = 0.92


@dataclass(frozen=True)
class YearRates:
    population: float  # children aged 0 to 17 (ONS, June before the year ends)
    referrals: float  # per child per year
    re_referral: float  # share of referrals within 12 months of the child's last
    second_plan: float  # share of plans that are a child's second or later
    plan_scale: float  # children on a plan per referral, against England's
    care_scale: float  # children looked after per referral, against England's
    move_scale: float  # children with 3+ placements in a year, against England's
    unsettled_scale: float  # children not in a stable long-term placement, against England's
    far_share: float  # placements more than 20 miles from home
    eet_17_18: float
    eet_19_21: float
    suitable_accommodation: float
    turnover: float
    agency: float
    vacancy: float
    caseload: float
    absence: float


def collection_year(day: dt.date) -> int:
    """The collection year (ending 31 March) a date falls in."""
    return day.year + 1 if day.month >= 4 else day.year


@dataclass(frozen=True)
class Rates:
    la_code: str
    population: int | None = None  # children aged 0-17 in every year instead of the council's own

    def at(self, day: dt.date) -> YearRates:
        return self.year(collection_year(day))

    def year(self, year: int) -> YearRates:
        return _year_rates(self.la_code, year, self.population)


@lru_cache(maxsize=4096)
def _year_rates(la_code: str, year: int, population: int | None) -> YearRates:
    table = load()
    own = table.at(la_code, year) if table.has(la_code) else table.at(ENGLAND, year)
    england = table.at(ENGLAND, year)

    def ratio(column: str) -> float:
        """Against England, within a quarter and four times: a published 0 (a handful of children) stays workable."""
        return min(4.0, max(0.25, own[column] / england[column])) if england[column] else 1.0

    per_referral = own["cin.referrals_rate"] / england["cin.referrals_rate"]
    unsettled = max(5.0, 100 - own["cla.stability_long_term"]) / (100 - england["cla.stability_long_term"])
    # Measured on the simulation: the share not settled grows with the square root of the later move rates.
    return YearRates(
        population=float(population) if population is not None else own["population_0_17"],
        referrals=own["cin.referrals_rate"] / 10_000,
        re_referral=own["cin.rereferrals_12m"] / 100,
        second_plan=own["cp.second_plan"] / 100,
        plan_scale=ratio("cp.plans_rate") / per_referral,
        care_scale=CARE_TUNING * ratio("cla.rate") / per_referral,
        move_scale=math.sqrt(ratio("cla.stability_3plus")),
        unsettled_scale=min(6.0, max(0.1, unsettled**2)),
        # Published for new placements in the year; the simulation's children at 31 March come out 9% further.
        far_share=FAR_TUNING * own["cla.placed_20_miles"] / 100,
        eet_17_18=own["leavers.eet_17_18"] / 100,
        eet_19_21=own["leavers.eet_19_21"] / 100,
        suitable_accommodation=own["leavers.suitable_accommodation"] / 100,
        turnover=own["workforce.turnover"] / 100,
        agency=own["workforce.agency"] / 100,
        vacancy=own["workforce.vacancy"] / 100,
        caseload=own["workforce.caseload"],
        absence=own["workforce.absence"] / 100,
    )
