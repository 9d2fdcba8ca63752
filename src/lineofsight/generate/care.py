"""A period of care: episodes (legal status and placement changes), reviews, adoption, social workers.

RNE is set from what changed, as the DfE SSDA903 guide defines the codes: S
starts the period, L a legal status change only, P a change of placement and
carer(s), T a change of placement with the same carer(s), U a change of legal
status and of placement with the same carer(s), B a change of legal status and
of placement and carer(s) together.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from lineofsight.generate.days import add_working_days
from lineofsight.generate.entities import Adoption, CarePeriod, Child, Episode, pick, quantile
from lineofsight.generate.places import Place, Places
from lineofsight.generate.rates import Rates

DAY = dt.timedelta(days=1)
PLACE_CHANGE_REASONS = {"CARPL": 40, "CREQB": 15, "CREQO": 10, "STAND": 4, "ALLEG": 3, "CHILD": 10, "LAREQ": 8}
LONG_TERM = {"U6": "U4", "U3": "U1"}  # short-term to long-term fostering with the same carers
FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
# Moves a year: in the first months of care; in a placement's first year after that; once settled (a year on).
# Tuned to England's 10% with 3 or more placements in a year and 69% in long-term stable placements.
MOVES_FIRST_MONTHS, MOVES_NEW_PLACEMENT, MOVES_SETTLED = 1.6, 0.35, 0.055
FIRST_MONTHS = 200  # days
PROVIDER = {"U1": "PR1", "U2": "PR1", "U3": "PR1", "U4": "PR4", "U5": "PR1", "U6": "PR4", "K2": "PR4", "K3": "PR4"}


def foster_place(rng: random.Random, age: int) -> str:
    if age >= 16:
        return pick(rng, {"U6": 35, "K3": 30, "H5": 10, "K2": 15, "U4": 10})
    if age >= 12:
        return pick(rng, {"U6": 45, "U3": 10, "U4": 15, "K2": 25, "R1": 2, "K1": 1, "S1": 2})
    return pick(rng, {"U6": 60, "U3": 20, "U4": 10, "U1": 5, "K2": 3, "R3": 2})


def provider(rng: random.Random, place: str) -> str:
    if place in ("P1",):
        return "PR0"
    return PROVIDER.get(place) or pick(rng, {"PR1": 30, "PR4": 55, "PR5": 15})


# Why a child's social worker changed (the DfE's SW_REASON codes after FCONTA), in plausible shares.
CHANGE_REASONS = {
    "LEFTRL": 40,
    "MANAGE": 25,
    "ORGRST": 10,
    "TSPROC": 10,
    "ABSENC": 5,
    "PCCHAN": 3,
    "CHCHAN": 2,
    "OTHERS": 5,
}


class CareBuilder:
    """Builds one period of care for a child from its start date to its end (or the simulation's end)."""

    def __init__(
        self,
        rng: random.Random,
        places: Places,
        rates: Rates,
        social_workers: Sequence[str],
        far_share: float | None = None,
    ) -> None:
        self.rng = rng
        self.places = places
        self.rates = rates
        self.far_share = far_share  # None: the council's own share of the year
        self.social_workers = social_workers

    def placement(self, child: Child, day: dt.date) -> Place:
        far = self.rates.at(day).far_share if self.far_share is None else self.far_share
        if self.rng.random() < far:
            return self.places.beyond(self.rng, child.home)
        return self.places.within(self.rng, child.home)

    def build(self, child: Child, start: dt.date, horizon: dt.date, emergency: bool) -> CarePeriod:
        rng = self.rng
        age = child.age_on(start)
        eighteen = child.birthday(18)
        adoption_route = age < 4 and not child.uasc and rng.random() < 0.45
        if child.uasc:
            legal, length = "V2", (eighteen - start).days
        elif emergency:
            legal, length = pick(rng, {"L1": 6, "L2": 4}), self._length(rng)
        else:
            legal = pick(rng, {"V2": 38, "C1": 57, "J1": 3 if age >= 10 else 0, "E1": 0.5, "C2": 1.5})
            length = self._length(rng)
        if adoption_route:
            length = int(quantile(rng, ((0, 480), (0.5, 720), (1, 1300))))
        end = min(start + dt.timedelta(days=max(1, length)), eighteen)
        place = "P1" if legal == "C2" and rng.random() < 0.3 else foster_place(rng, age)
        if child.uasc:
            place = pick(rng, {"U6": 40, "K3": 35, "H5": 15, "K2": 10}) if age >= 16 else foster_place(rng, age)
        first = Episode(start, "S", legal, place, provider(rng, place), self._place_for(child, place, start))
        period = CarePeriod([first], "N1" if not child.uasc else "N8")
        period.cin_category = (
            "N8" if child.uasc else pick(rng, {"N1": 65, "N2": 4, "N3": 3, "N4": 8, "N5": 14, "N6": 2, "N8": 4})
        )
        changes = self._legal_changes(start, end, legal, age)
        changes += self._moves(start, end)
        if adoption_route:
            period.adoption = self._adoption(child, period, start, end, changes)
        for day, kind, value in sorted(changes, key=lambda c: (c[0], c[1])):
            if start < day < end and day <= horizon:
                self._change(child, period, day, kind, value)
        last = period.episodes[-1]
        if end <= horizon:
            last.end, last.rec = end, self._reason_ceased(child, period, end, eighteen)
        period.reviews = self._reviews(child, start, min(end, horizon))
        period.social_workers = self._social_workers(start, end if end <= horizon else None, horizon)
        if rng.random() < 0.12:
            period.previous_permanence = (
                pick(rng, {"P1": 1, "P2": 5, "P3": 3}),
                "",
                f"zz/zz/{start.year - rng.randint(1, 5)}",
            )
        return period

    @staticmethod
    def _length(rng: random.Random) -> int:
        # A third of periods are short (returns home within months); the rest last years.
        if rng.random() < 0.36:
            return int(rng.expovariate(1 / 110)) + 1
        return int(rng.expovariate(1 / 1900)) + 60

    def _legal_changes(self, start: dt.date, end: dt.date, legal: str, age: int) -> list[tuple[dt.date, str, str]]:
        rng = self.rng
        out: list[tuple[dt.date, str, str]] = []
        day = start
        if legal in ("L1", "L2"):  # police protection lasts at most 72 hours, an EPO at most 21 days
            day = start + dt.timedelta(days=rng.randint(1, 3) if legal == "L1" else rng.randint(2, 8))
            legal = pick(rng, {"C1": 70, "V2": 30})
            out.append((day, "legal", legal))
        if legal == "C1":
            out.append((day + dt.timedelta(days=rng.randint(150, 330)), "legal", "C2"))
        elif legal == "V2" and rng.random() < 0.35:
            day += dt.timedelta(days=rng.randint(30, 200))
            out.append((day, "legal", "C1"))
            out.append((day + dt.timedelta(days=rng.randint(150, 330)), "legal", "C2"))
        return out

    def _moves(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str, str]]:
        """Moves come often in the first year of care, then in a placement's first year; a child settled a
        year in a placement seldom moves again (the council's stability figures scale both)."""
        rng = self.rng
        out: list[tuple[dt.date, str, str]] = []
        day = start
        while True:
            year = self.rates.at(day)
            if (day - start).days < FIRST_MONTHS:
                gap = rng.expovariate(MOVES_FIRST_MONTHS * year.move_scale)
            else:
                gap = rng.expovariate(MOVES_NEW_PLACEMENT * year.unsettled_scale)
                if gap > 1:  # a year in the placement without a move: settled
                    gap = 1 + rng.expovariate(MOVES_SETTLED * year.unsettled_scale)
            day += dt.timedelta(days=int(gap * 365) + 7)
            if day >= end:
                return out
            out.append((day, "move", ""))

    def _adoption(
        self, child: Child, period: CarePeriod, start: dt.date, end: dt.date, changes: list[tuple[dt.date, str, str]]
    ) -> Adoption:
        rng = self.rng
        decision = start + dt.timedelta(days=int(quantile(rng, ((0, 110), (0.5, 250), (1, 480)))))
        order = decision + dt.timedelta(days=rng.randint(20, 90))
        matched = order + dt.timedelta(days=int(quantile(rng, ((0, 20), (0.5, 110), (1, 300)))))
        placed = matched + dt.timedelta(days=rng.randint(7, 45))
        changes[:] = [c for c in changes if c[0] < decision]
        foster_carer = rng.random() < 0.15
        adoption = Adoption(decision, foster_carer=foster_carer)
        adoption.adopters = pick_adopters(rng)
        if rng.random() < 0.08 or placed >= end:  # decision reversed: the child stays in care
            adoption.ceased, adoption.ceased_reason = (
                decision + dt.timedelta(days=200),
                pick(rng, {"RD1": 2, "RD3": 1, "RD4": 1}),
            )
            changes.append((order, "legal", "E1"))
            return adoption
        adoption.matched = matched
        changes.append((order, "legal", "E1"))
        changes.append((placed, "adopt", "A5" if foster_carer else "A6"))
        adoption.ceased, adoption.ceased_reason = end, pick(rng, {"E11": 85, "E12": 15})
        return adoption

    def _change(self, child: Child, period: CarePeriod, day: dt.date, kind: str, value: str) -> None:
        rng = self.rng
        last = period.episodes[-1]
        if day <= last.start or (kind == "legal" and value == last.legal_status):
            return
        last.end, last.rec = day, "X1"
        legal, place, placement, rne, reason = last.legal_status, last.place, last.placement, "L", None
        same_carer = LONG_TERM.get(last.place)
        chance = rng.random()
        if kind == "legal":
            legal = value
            if chance < 0.08 and not last.place.startswith("A"):  # new legal status and new carers at once
                place, placement = self._new_placement(child, day, last)
                rne, reason = "B", "CARPL"
            elif chance < 0.14 and same_carer:  # the same carers become long-term carers as the order is made
                place, rne, reason = same_carer, "U", "PLACE"
        elif kind == "move" and chance < 0.12 and same_carer:  # same carers, now long-term fostering
            place, rne, reason = same_carer, "T", "PLACE"
        elif kind == "adopt":  # placed for adoption with the child's own foster carers (A5) or new ones (A6)
            place, rne, reason = value, "T" if value == "A5" else "P", "CARPL"
            placement = placement if value == "A5" else self.places.beyond(rng, child.home, 1.0)
        else:
            place, placement = self._new_placement(child, day, last)
            rne, reason = "P", pick(rng, PLACE_CHANGE_REASONS)
        if last.place.startswith("A") and kind != "adopt":  # placed for adoption: no more moves
            last.end, last.rec = None, None
            return
        if place == "A5" and last.place not in FOSTER:  # A5 is only for a child's own foster carers
            place, rne, placement = "A6", "P", self.places.beyond(rng, child.home, 1.0)
            if period.adoption:
                period.adoption.foster_carer = False
        # The DfE records why a placement changed on the episode that ended, not the one that began.
        last.reason_change = reason
        period.episodes.append(
            Episode(day, rne, legal, place, provider(rng, place) if rne != "L" else last.provider, placement)
        )

    def _new_placement(self, child: Child, day: dt.date, last: Episode) -> tuple[str, Place | None]:
        """A move: a placement that differs from the last in type or postcode (the DfE checks that it does);
        in type for a UASC, whose returns carry no postcodes."""
        for _ in range(10):
            place, placement = foster_place(self.rng, child.age_on(day)), self._place_for(child, "", day)
            if child.uasc and place == last.place:
                continue
            if (place, placement) != (last.place, last.placement):
                break
        return place, placement

    def _place_for(self, child: Child, place: str, day: dt.date) -> Place | None:
        if place == "P1":
            return child.home
        return self.placement(child, day)

    def _reason_ceased(self, child: Child, period: CarePeriod, end: dt.date, eighteen: dt.date) -> str:
        rng = self.rng
        if period.adoption and period.adoption.matched:
            return period.adoption.ceased_reason or "E11"
        if end >= eighteen:
            return pick(rng, {"E17": 25, "E5": 45, "E6": 5, "E8": 15, "E7": 2})
        if child.age_on(end) >= 16:
            return pick(rng, {"E4A": 35, "E5": 30, "E6": 5, "E13": 10, "E8": 10, "E9": 3})
        return pick(
            rng, {"E4A": 50, "E4B": 5, "E13": 5, "E41": 8, "E45": 10, "E46": 3, "E47": 8, "E48": 1, "E8": 5, "E3": 3}
        )

    def _reviews(self, child: Child, start: dt.date, until: dt.date) -> list[tuple[dt.date, str]]:
        """First review within 20 working days, the second within 3 months, then 6-monthly; a few are late."""
        rng = self.rng
        out: list[tuple[dt.date, str]] = []
        due = add_working_days(start, 20)
        gaps = [91] + [182] * 40
        for gap in gaps:
            held = (
                due - dt.timedelta(days=rng.randint(0, 10))
                if rng.random() < 0.9
                else due + dt.timedelta(days=rng.randint(1, 40))
            )
            if held > until:
                return out
            out.append((held, participation(rng, child.age_on(held))))
            due = held + dt.timedelta(days=gap)
        return out

    def _social_workers(
        self, start: dt.date, end: dt.date | None, horizon: dt.date
    ) -> list[tuple[str, dt.date, dt.date | None, str | None]]:
        rng = self.rng
        out: list[tuple[str, dt.date, dt.date | None, str | None]] = []
        day = start
        stop = end or horizon
        # SW_REASON says why a social worker episode began (DfE SSDA903 guide; rules SW10b, SW13): the first
        # of a period of care is first contact, each later one the reason the social worker changed.
        reason = "FCONTA"
        while True:
            change = day + dt.timedelta(days=int(rng.expovariate(1 / 330)) + 14)
            worker = rng.choice(self.social_workers)
            if change >= stop:
                out.append((worker, day, end, reason))
                return out
            out.append((worker, day, change, reason))
            reason = pick(rng, CHANGE_REASONS)
            day = change


def participation(rng: random.Random, age: int) -> str:
    if age < 4:
        return "PN0"
    return pick(rng, {"PN1": 45, "PN2": 8, "PN3": 5, "PN4": 5, "PN5": 10, "PN6": 17, "PN7": 10})


def pick_adopters(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(
        (
            ("2", "MF", "L11"),
            ("2", "MF", "L11"),
            ("2", "MF", "L3"),
            ("2", "FF", "L12"),
            ("2", "MM", "L2"),
            ("1", "F1", "L0"),
        )
    )
