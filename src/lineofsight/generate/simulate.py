"""Simulate one council's children event by event: contacts, referrals, assessments, enquiries,
plans, care and missing episodes, over a warm-up and the collection years asked for.

Each council's rates are its own published figures, year by year (`rates`):
referrals per child, re-referrals, second plans; children on a plan and looked
after scale the steps below, whose base rates are tuned to England
(INDICATORS.md): about 520 referrals per 10,000 children a year, assessments
taking a median of 33 working days (86% within 45; no council figure is in the
reference data), 81% of initial conferences within 15 working days of the
section 47 start, and enough entries to care (about 25 per 10,000 a year) for
about 70 per 10,000 looked after.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import deque
from dataclasses import dataclass, field

from lineofsight.generate.care import CareBuilder
from lineofsight.generate.days import add_working_days
from lineofsight.generate.entities import (
    Assessment,
    CarePeriod,
    Child,
    MissingIncident,
    ProtectionPlan,
    Referral,
    Section47,
    pick,
    quantile,
)
from lineofsight.generate.places import Places
from lineofsight.generate.rates import Rates

WARM_UP_YEARS = 8  # years simulated before the first return, so long care periods and histories exist
CARE_ENTRY_AFTER_S47 = 0.13  # with the other routes, about 4.7% of referrals end in care
CARE_ENTRY_OTHER = 0.032
UASC_PER_CHILD_YEAR = 0.00012
PLAN_AFTER_S47 = 0.40  # England: enquiries leading to a conference (45%) that make a plan (88%)
ASSESSMENT_DAYS = ((0, 0), (0.05, 4), (0.25, 17), (0.5, 33), (0.75, 43), (0.857, 45), (0.95, 62), (1, 120))
ICPC_DAYS = ((0, 2), (0.087, 10), (0.5, 14), (0.814, 15), (0.9, 20), (1, 45))
SOURCES = {
    "6": 29,
    "2A": 20,
    "3A": 3,
    "3B": 2,
    "3E": 3,
    "3F": 6,
    "5A": 4,
    "5B": 3,
    "5C": 2,
    "5D": 4,
    "1A": 5,
    "1C": 2,
    "1D": 2,
    "4": 2,
    "7": 3,
    "8": 6,
    "9": 2,
    "10": 2,
}
NEEDS = {"N1": 56, "N2": 9, "N3": 3, "N4": 9, "N5": 14, "N6": 3, "N7": 1, "N8": 3, "N0": 2}
FACTORS = ("3B", "4B", "2B", "1B", "16A", "17A", "4A", "3A", "18B", "5B", "19B", "14A", "10A", "11A", "23A", "15A")
ETHNIC = {
    "WBRI": 72,
    "WOTH": 5,
    "MWBC": 2,
    "MOTH": 3,
    "MWAS": 1,
    "AIND": 2,
    "APKN": 3,
    "ABAN": 1,
    "AOTH": 1,
    "BAFR": 3,
    "BCRB": 1,
    "BOTH": 1,
    "CHNE": 0.5,
    "OOTH": 2,
    "WROM": 1,
    "NOBT": 1.5,
}
DISABILITY = {"LD": 3, "AUT": 4, "BEH": 3, "COMM": 2, "MOB": 1, "CON": 1, "HAND": 0.5, "VIS": 0.3, "HEAR": 0.3}
CATEGORY = {"NEG": 50, "EMO": 37, "PHY": 6, "SAB": 4, "MUL": 3}
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


@dataclass
class Options:
    """What to simulate: the council's rates (and population) year by year, and the span of dates."""

    rates: Rates
    first_day: dt.date  # 1 April of the first collection year
    last_day: dt.date  # 31 March of the last collection year
    far_share: float | None = None  # placements more than 20 miles from home; None: the council's own


@dataclass
class Result:
    children: list[Child]
    contacts: list[tuple[str, dt.date, str, str]] = field(default_factory=list)
    early_help: list[tuple[str, dt.date, dt.date | None, str]] = field(default_factory=list)


def upn(la_code: str, serial: int) -> str:
    """A UPN unique to the child, with a valid check letter: weights 2..13 over the 12 digits, sum mod 23.

    The digits after the LA code stand for a school (4), the year the UPN was issued (2) and a serial (3).
    """
    digits = f"{la_code}{2000 + serial // 100_000:04d}{serial // 1000 % 100:02d}{serial % 1000:03d}"
    return UPN_LETTERS[sum(int(d) * w for d, w in zip(digits, range(2, 14), strict=True)) % 23] + digits


class Simulation:
    def __init__(
        self, la_code: str, rng: random.Random, places: Places, options: Options, social_workers: list[str]
    ) -> None:
        self.la_code = la_code
        self.rng = rng
        self.places = places
        self.options = options
        self.start = options.first_day.replace(year=options.first_day.year - WARM_UP_YEARS)
        self.care = CareBuilder(rng, places, options.rates, social_workers, options.far_share)
        self.children: list[Child] = []
        self.recent: deque[tuple[dt.date, Child]] = deque()
        self.result = Result(self.children)

    def run(self) -> Result:
        rng, rates = self.rng, self.options.rates
        clock = float(self.start.toordinal())
        while True:  # referrals arrive at the rate of the year the clock is in (its population and referral rate)
            year = rates.at(dt.date.fromordinal(int(clock)))
            clock += rng.expovariate(year.population * year.referrals / 365.25)
            day = dt.date.fromordinal(int(clock))
            if day > self.options.last_day:
                break
            self._referral(day)
            if rng.random() < UASC_PER_CHILD_YEAR / year.referrals:
                self._uasc(day)
        return self.result

    # -- children -------------------------------------------------------------------------

    def _new_child(self, day: dt.date, age: int | None = None, uasc: bool = False) -> Child:
        rng = self.rng
        if age is None:
            age = int(quantile(rng, ((0, 0), (0.12, 1), (0.3, 5), (0.55, 10), (0.9, 16), (1, 18))))
        dob = day - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        serial = len(self.children) + 1
        child = Child(
            child_id=f"{self.la_code}{serial:06d}",
            sex="M" if uasc or rng.random() < 0.52 else "F",
            dob=dob,
            ethnicity=pick(rng, {"BAFR": 40, "AOTH": 30, "OOTH": 30}) if uasc else pick(rng, ETHNIC),
            upn="UN2" if uasc else upn(self.la_code, serial),  # returns show UN1 until the child is of school age
            home=self.places.home_postcode(rng),  # for a UASC, where the child first presented
            disabilities=["NONE"] if rng.random() < 0.87 else disabilities(rng),
            uasc=uasc,
        )
        child.plans_before = 1 if rng.random() < self.options.rates.at(day).second_plan else 0
        self.children.append(child)
        return child

    def _choose_child(self, day: dt.date) -> Child:
        while self.recent and (day - self.recent[0][0]).days > 365:
            self.recent.popleft()
        if self.recent and self.rng.random() < self.options.rates.at(day).re_referral:
            for _ in range(12):  # many recent referrals are still open: look for one that closed
                candidate = self.recent[self.rng.randrange(len(self.recent))][1]
                if candidate.open_referral(day) is None and not candidate.in_care(day) and candidate.age_on(day) < 17:
                    return candidate
        return self._new_child(day)

    # -- the front door -------------------------------------------------------------------

    def _referral(self, day: dt.date) -> None:
        rng = self.rng
        child = self._choose_child(day)
        self._contacts(child, day)
        referral = Referral(day, pick(rng, SOURCES), pick(rng, NEEDS), nfa=rng.random() < 0.06)
        child.referrals.append(referral)
        self.recent.append((day, child))
        if referral.nfa:  # closed on the day; RC8 and RC9 mean closed after an assessment, which an NFA never had
            referral.closure, referral.closure_reason, referral.need = day, "RC7", "N9"
            return
        self._work(child, referral, day)
        self._missing(child, day, referral.closure or self.options.last_day, looked_after=False)

    def _contacts(self, child: Child, day: dt.date) -> None:
        rng = self.rng
        self.result.contacts.append((child.child_id, day, pick(rng, SOURCES), "Referral"))
        # Contacts that stop at the front door: about one for each referral, about a third to early help.
        if rng.random() < 0.9:
            other = f"{self.la_code}C{len(self.result.contacts):07d}"
            when = day - dt.timedelta(days=rng.randint(0, 60))
            outcome = pick(rng, {"Early help": 35, "Information and advice": 40, "No further action": 25})
            self.result.contacts.append((other, when, pick(rng, SOURCES), outcome))
            if outcome == "Early help":
                end = when + dt.timedelta(days=rng.randint(40, 300))
                self.result.early_help.append(
                    (other, when, end, pick(rng, {"Family hub": 3, "School": 2, "Health": 1}))
                )

    def _work(self, child: Child, referral: Referral, day: dt.date) -> None:
        rng = self.rng
        start = add_working_days(day, int(quantile(rng, ((0, 0), (0.7, 0), (1, 4)))))
        authorised = add_working_days(start, round(quantile(rng, ASSESSMENT_DAYS)))
        factors = sorted(rng.sample(FACTORS, rng.randint(1, 4)), key=FACTORS.index)
        referral.assessments.append(Assessment(start, authorised, factors))
        route = pick(rng, {"close": 36, "cin": 38, "s47": 26})
        end: dt.date | None = authorised
        period: CarePeriod | None = None
        if route == "s47":
            end = self._section47(child, referral, day)
        elif route == "cin":
            end = authorised + dt.timedelta(days=rng.randint(60, 420))
            referral.cin_plans.append((authorised, end))
        entry = (CARE_ENTRY_AFTER_S47 if route == "s47" else CARE_ENTRY_OTHER) * self.options.rates.at(day).care_scale
        if rng.random() < entry:
            period = self._enter_care(child, day + dt.timedelta(days=rng.randint(0, 150)), emergency=rng.random() < 0.1)
            if period is not None:
                end = period.end
        self._close(referral, route, end, period)

    def _close(self, referral: Referral, route: str, end: dt.date | None, period: CarePeriod | None) -> None:
        """Close the episode once its last piece of work has ended (left open if that is after the last day)."""
        ends = [end, *(a.authorised for a in referral.assessments), *(p.end for p in referral.plans)]
        ends += [plan_end for _, plan_end in referral.cin_plans]
        if any(e is None for e in ends):
            return
        closure = max(e for e in ends if e is not None)
        if closure <= self.options.last_day:
            referral.closure, referral.closure_reason = closure, closure_reason(self.rng, route, period)

    def _section47(self, child: Child, referral: Referral, day: dt.date) -> dt.date:
        rng = self.rng
        start = day + dt.timedelta(days=rng.randint(0, 3))
        target = add_working_days(start, 15)
        plan = min(0.88, PLAN_AFTER_S47 * self.options.rates.at(day).plan_scale)
        if rng.random() < 1 - plan / 0.88:  # no conference needed
            referral.section47.append(Section47(start, target, None, True))
            end = start + dt.timedelta(days=rng.randint(60, 300))
            referral.cin_plans.append((start + dt.timedelta(days=14), end))
            return end
        icpc = add_working_days(start, round(quantile(rng, ICPC_DAYS)))
        referral.section47.append(Section47(start, target, icpc, False))
        if rng.random() < 0.12:
            end = icpc + dt.timedelta(days=rng.randint(60, 300))
            referral.cin_plans.append((icpc, end))
            return end
        months = quantile(rng, ((0, 1), (0.15, 3), (0.75, 12), (0.955, 24), (1, 40)))
        end = icpc + dt.timedelta(days=int(months * 30.4))
        previous = child.plans_before + sum(len(r.plans) for r in child.referrals)
        category = pick(rng, CATEGORY)
        latest = category if rng.random() < 0.9 else pick(rng, CATEGORY)
        reviews = []
        review = add_working_days(icpc, 0) + dt.timedelta(days=rng.randint(60, 90) if rng.random() < 0.94 else 100)
        while review < end:
            reviews.append(review)
            review += dt.timedelta(days=rng.randint(150, 182) if rng.random() < 0.95 else 200)
        referral.plans.append(ProtectionPlan(icpc, end, category, latest, previous, reviews))
        return end

    # -- care -----------------------------------------------------------------------------

    def _enter_care(self, child: Child, day: dt.date, emergency: bool) -> CarePeriod | None:
        """The period of care the child is in from `day` (a new one unless already in care); None if too late."""
        if child.age_on(day) >= 18 or day > self.options.last_day:
            return None
        if child.care and (child.care[-1].end is None or child.care[-1].end >= day):
            return child.care[-1]
        period = self.care.build(child, day, self.options.last_day, emergency)
        child.care.append(period)
        self._missing(child, day, period.end or self.options.last_day, looked_after=True)
        return period

    def _uasc(self, day: dt.date) -> None:
        child = self._new_child(day, age=self.rng.choice((14, 15, 15, 16, 16, 16, 17)), uasc=True)
        referral = Referral(day, "8", "N8", nfa=False)
        child.referrals.append(referral)
        referral.assessments.append(Assessment(day, add_working_days(day, self.rng.randint(10, 40)), ["9A"]))
        period = self._enter_care(child, day, emergency=False)
        end = period.end if period else None
        if end is not None and end <= self.options.last_day:
            referral.closure, referral.closure_reason = max(end, referral.assessments[0].authorised), "RC7"

    # -- missing from home or care ----------------------------------------------------------

    def _missing(self, child: Child, start: dt.date, end: dt.date, looked_after: bool) -> None:
        """Missing incidents while open to children's social care: teenagers mostly, in clusters."""
        rng = self.rng
        age = child.age_on(start)
        chance = (0.38 if looked_after else 0.07) if age >= 11 else 0.01
        if rng.random() >= chance:
            return
        rate = 5.0 / 365  # about 6 incidents a year per child who goes missing
        back = start
        while True:  # each incident starts after the last one ended: periods never overlap
            day = back + dt.timedelta(days=int(rng.expovariate(rate)) + 1)
            if day >= end or child.age_on(day) >= 18:
                return
            back = day + dt.timedelta(days=int(quantile(rng, ((0, 0), (0.6, 0), (0.9, 1), (1, 6)))))
            offered = rng.random() < 0.95
            accepted = offered and rng.random() < 0.85
            held = back + dt.timedelta(days=int(quantile(rng, ((0, 0), (0.65, 3), (1, 14))))) if accepted else None
            kind = "M" if rng.random() < 0.85 else "A"
            child.missing.append(
                MissingIncident(day, back, looked_after, kind, offered, accepted if offered else None, held)
            )


def disabilities(rng: random.Random) -> list[str]:
    """One disability, or two for about one disabled child in five."""
    first = pick(rng, DISABILITY)
    second = pick(rng, DISABILITY) if rng.random() < 0.2 else first
    return sorted({first, second})


def closure_reason(rng: random.Random, route: str, period: CarePeriod | None) -> str:
    """Why the episode closed: from how the child left care, if the work ended in care."""
    if period is not None and period.end:
        rec = period.episodes[-1].rec or ""
        return {
            "E11": "RC1",
            "E12": "RC1",
            "E41": "RC3",
            "E45": "RC4",
            "E46": "RC4",
            "E47": "RC4",
            "E48": "RC4",
            "E3": "RC5",
            "E7": "RC6",
            "E2": "RC2",
        }.get(rec, "RC7")
    if route == "close":
        return pick(rng, {"RC8": 70, "RC9": 30})
    return "RC7"
