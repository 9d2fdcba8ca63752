"""The council's social workers, census by census (30 September), with starters, leavers and agency staff.

Rates are the council's own figures in the CSWW census of each year (`rates`):
FTE turnover, agency FTE share, vacancy rate, cases per case-holding FTE and
sickness absence (England 2025: 12%, 13%, 14%, 15.2 and 3.5%). As the DfE
defines them, agency workers are outside turnover and the vacancy rate's
denominator (vacancies / (vacancies + employed FTE in post)), inside the agency
rate and the caseload.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from lineofsight.generate.entities import pick
from lineofsight.generate.rates import Rates, YearRates
from lineofsight.generate.returns import Row

ROLES = {"5": 62, "4": 12, "3": 12, "2": 5, "1": 2, "6": 7}
TEAMS = (
    "Assessment",
    "Safeguarding",
    "Children in care",
    "Care leavers",
    "Disabled children",
    "Fostering and adoption",
)
LEAVING = {"RES": 70, "RET": 8, "TRN": 10, "DIS": 2, "END": 4, "OTH": 6}
WORKING_DAYS_A_YEAR = 253
AGENCY_LEAVING = 0.35  # agency staff stay for months, not years
# Cases per FTE by role, against the council's caseload: senior practitioners hold fewer; managers none.
CASES_BY_ROLE = {"5": 1.077, "4": 0.6}


@dataclass
class Worker:
    worker_id: str
    role: str
    team: str
    fte: float
    agency: bool
    start: dt.date
    qualified: dt.date
    leaving: dt.date | None = None
    reason: str | None = None


def census_date(year: int) -> dt.date:
    """The census of collection year `year` is taken on 30 September of the year before."""
    return dt.date(year - 1, 9, 30)


class Workforce:
    def __init__(self, la_code: str, rng: random.Random, population: float, rates: Rates) -> None:
        self.la_code = la_code
        self.rng = rng
        self.rates = rates
        self.size = max(8, round(population * 0.0032))  # about 115 social workers for 36,000 children
        self.workers: list[Worker] = []

    def ids(self, count: int) -> list[str]:
        """Registration numbers the simulation hands to children's social worker episodes."""
        return [f"SW{self.la_code}{n:04d}" for n in range(1, count + 1)]

    def _hire(self, day: dt.date, agency: bool | None = None) -> Worker:
        rng = self.rng
        newly = rng.random() < 0.3
        qualified = day - dt.timedelta(days=rng.randint(30, 330) if newly else rng.randint(365, 365 * 22))
        worker = Worker(
            f"SW{self.la_code}{len(self.workers) + 1:04d}",
            pick(rng, ROLES),
            rng.choice(TEAMS),
            rng.choice((1.0, 1.0, 1.0, 1.0, 0.8, 0.6, 0.5)),
            rng.random() < self.rates.at(day).agency if agency is None else agency,
            day,
            qualified,
        )
        self.workers.append(worker)
        return worker

    def census(self, year: int) -> list[Row]:
        """Advance one census year and return its rows: in post at 30 September, and employed leavers."""
        rng, rates = self.rng, self.rates.year(year)
        census = census_date(year)
        first = census_date(year - 1) + dt.timedelta(days=1)
        if not self.workers:
            for _ in range(self.size):
                self._hire(census - dt.timedelta(days=rng.randint(1, 365 * 12)))
        staff = self.in_post(first - dt.timedelta(days=1))
        employed = [w for w in staff if not w.agency]
        # Exactly the council's turnover of its employed staff leave (a quota, not a coin each: small councils
        # would otherwise scatter far from their published rate); agency staff leave at their own rate.
        leaving = rng.sample(employed, round(rates.turnover * len(employed)))
        leaving += [w for w in staff if w.agency and rng.random() < AGENCY_LEAVING]
        for worker in leaving:
            worker.leaving = first + dt.timedelta(days=rng.randint(0, 363))
            worker.reason = pick(rng, LEAVING) if not worker.agency else "END"
        while len(staff := self.in_post(census)) < self.size:
            # Agency staff fill posts while the agency share is under the council's: it holds year on year.
            agency = sum(w.fte for w in staff if w.agency) < rates.agency * sum(w.fte for w in staff)
            self._hire(first + dt.timedelta(days=rng.randint(0, 364)), agency)
        return [self.row(w, census, first, rates) for w in self.workers if self._in_year(w, first, census)]

    def in_post(self, day: dt.date) -> list[Worker]:
        return [w for w in self.workers if w.start <= day and (w.leaving is None or w.leaving > day)]

    @staticmethod
    def _in_year(w: Worker, first: dt.date, census: dt.date) -> bool:
        if w.start > census:
            return False
        if w.leaving is None or w.leaving > census:
            return True
        return first <= w.leaving and not w.agency  # agency leavers are not in the census

    def row(self, w: Worker, census: dt.date, first: dt.date, rates: YearRates) -> Row:
        rng = self.rng
        left = w.leaving is not None and w.leaving <= census
        days = rng.expovariate(1 / (rates.absence * WORKING_DAYS_A_YEAR * w.fte)) if rng.random() < 0.7 else 0.0
        share = CASES_BY_ROLE.get(w.role, 0.0)
        cases = max(1, round(rng.gauss(rates.caseload * share * w.fte, 2.5))) if share else 0
        return {
            "worker_id": w.worker_id,
            "role": w.role,
            "team": w.team,
            "fte": w.fte,
            "agency": w.agency,
            "start_date": w.start,
            "leaving_date": w.leaving if left else None,
            "leaving_reason": w.reason if left else None,
            "qualification_date": w.qualified,
            "absence_days": round(days / 0.7, 1),
            "cases": None if left else cases,
        }


def vacancies(rows: list[Row], rng: random.Random, rate: float) -> list[Row]:
    """Vacant posts at 30 September, `rate` of employed posts (the DfE's: vacancies / (vacancies + employed FTE in
    post), agency staff outside both), mostly case holders', most covered by agency staff."""
    in_post = sum(r["fte"] for r in rows if r["leaving_date"] is None and not r["agency"])
    total = in_post * rate / (1 - rate)
    out = []
    for role, share in (("5", 0.8), ("4", 0.1), ("3", 0.1)):
        fte = round(total * share, 1)
        out.append(
            {"role": role, "vacancies_fte": fte, "covered_by_agency_fte": round(fte * rng.uniform(0.6, 0.85), 1)}
        )
    return out
