"""The simulated history of one child, from which every year's return is cut."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from lineofsight.generate.places import Place


@dataclass
class Assessment:
    start: dt.date
    authorised: dt.date
    factors: list[str]


@dataclass
class Section47:
    start: dt.date
    icpc_target: dt.date
    icpc: dt.date | None
    not_required: bool


@dataclass
class ProtectionPlan:
    start: dt.date
    end: dt.date
    initial_category: str
    latest_category: str
    previous: int
    reviews: list[dt.date]


@dataclass
class Referral:
    date: dt.date
    source: str
    need: str
    nfa: bool
    closure: dt.date | None = None
    closure_reason: str | None = None
    assessments: list[Assessment] = field(default_factory=list)
    cin_plans: list[tuple[dt.date, dt.date | None]] = field(default_factory=list)
    section47: list[Section47] = field(default_factory=list)
    plans: list[ProtectionPlan] = field(default_factory=list)


@dataclass
class Episode:
    start: dt.date
    rne: str
    legal_status: str
    place: str
    provider: str
    placement: Place | None
    reason_change: str | None = None
    end: dt.date | None = None
    rec: str | None = None
    urn: str = "XXXXXXX"


@dataclass
class Adoption:
    decision: dt.date  # DATE_INT / DATE_PLACED: should be placed for adoption
    matched: dt.date | None = None
    ceased: dt.date | None = None
    ceased_reason: str | None = None
    foster_carer: bool = False
    adopters: tuple[str, str, str] = ("2", "MF", "L11")


@dataclass
class MissingIncident:
    start: dt.date
    end: dt.date
    looked_after: bool
    missing_type: str
    rhi_offered: bool
    rhi_accepted: bool | None
    rhi_date: dt.date | None


@dataclass
class CarePeriod:
    episodes: list[Episode]
    cin_category: str
    reviews: list[tuple[dt.date, str]] = field(default_factory=list)
    adoption: Adoption | None = None
    previous_permanence: tuple[str, str | None, str | None] = ("Z1", None, None)
    social_workers: list[tuple[str, dt.date, dt.date | None, str | None]] = field(default_factory=list)

    @property
    def start(self) -> dt.date:
        return self.episodes[0].start

    @property
    def end(self) -> dt.date | None:
        return self.episodes[-1].end


@dataclass
class Child:
    child_id: str
    sex: str  # M or F; each return writes its year's code (model.codes.sex_code)
    dob: dt.date
    ethnicity: str
    upn: str
    home: Place  # for a UASC, where the child first presented
    disabilities: list[str]
    uasc: bool = False
    mother_child_dob: dt.date | None = None
    referrals: list[Referral] = field(default_factory=list)
    care: list[CarePeriod] = field(default_factory=list)
    missing: list[MissingIncident] = field(default_factory=list)
    plans_before: int = 0  # child protection plans before the simulation began (or elsewhere)

    def age_on(self, day: dt.date) -> int:
        return day.year - self.dob.year - ((day.month, day.day) < (self.dob.month, self.dob.day))

    def birthday(self, age: int) -> dt.date:
        try:
            return self.dob.replace(year=self.dob.year + age)
        except ValueError:  # 29 February: 28 February, as date arithmetic in the DfE's validators counts it
            return dt.date(self.dob.year + age, 2, 28)

    def open_referral(self, day: dt.date) -> Referral | None:
        if self.referrals and (self.referrals[-1].closure is None or self.referrals[-1].closure >= day):
            return self.referrals[-1]
        return None

    def in_care(self, day: dt.date) -> bool:
        return bool(self.care) and self.care[-1].start <= day and (self.care[-1].end is None or self.care[-1].end > day)


class Quota:
    """Yes for a share of the draws, spread evenly from a random start: n draws at share s give s x n yeses,
    give or take one. For figures a council publishes over a few dozen children, where a coin per child
    would scatter the figure far from its published value."""

    def __init__(self, rng: random.Random) -> None:
        self.level = rng.random()

    def take(self, share: float) -> bool:
        self.level += share
        if self.level >= 1:
            self.level -= 1
            return True
        return False


def pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    """One code by weight (dict order is fixed, so this is deterministic for a seeded rng)."""
    left = rng.random() * sum(weights.values())
    for code, weight in weights.items():
        left -= weight
        if left < 0:
            return code
    return code


def quantile(rng: random.Random, points: tuple[tuple[float, float], ...]) -> float:
    """A draw from a distribution given by (cumulative share, value) points, linear between them."""
    u = rng.random()
    for (p0, v0), (p1, v1) in itertools.pairwise(points):
        if u <= p1:
            return v0 + (v1 - v0) * (u - p0) / (p1 - p0)
    return points[-1][1]
