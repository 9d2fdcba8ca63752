"""Cut each collection year's returns out of the simulated histories.

A return holds what the council knew on 31 March: anything dated later is
left blank (an episode still open, a plan not yet ended). SSDA903 tables cover
children looked after at any time in the year; the CIN census covers children
in need at any point in it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lineofsight.generate.entities import CarePeriod, Child, Quota, pick
from lineofsight.generate.places import Place, pretty
from lineofsight.generate.rates import YearRates
from lineofsight.model.codes import sex_code

Row = dict[str, Any]


@dataclass(frozen=True)
class Year:
    year: int
    start: dt.date = field(init=False)  # 1 April of the year before
    end: dt.date = field(init=False)  # 31 March: the reference date

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", dt.date(self.year - 1, 4, 1))
        object.__setattr__(self, "end", dt.date(self.year, 3, 31))

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        return start <= self.end and (end is None or end >= self.start)

    def known(self, day: dt.date | None) -> dt.date | None:
        """A date as the return sees it: blank if it lies after 31 March."""
        return day if day is not None and day <= self.end else None


def postcode(place: Place | None) -> str | None:
    return pretty(place[0]) if place else None


def looked_after(children: list[Child], year: Year) -> Iterator[tuple[Child, list[CarePeriod]]]:
    for child in children:
        periods = [p for p in child.care if year.overlaps(p.start, p.end)]
        if periods:
            yield child, periods


def school_age(child: Child, year: Year) -> bool:
    """Five or over on the 31 August before the collection year began: from then a child has a UPN."""
    return child.age_on(dt.date(year.year - 1, 8, 31)) >= 5


def upn(child: Child, year: Year) -> str:
    """The UPN as the return shows it: UN1 (not yet of school age) until the child has one."""
    return child.upn if child.upn.startswith("UN") or school_age(child, year) else "UN1"


def header(child: Child, year: Year, looked_after: bool = True) -> Row:
    """The Header row; motherhood is asked of every girl looked after in the year (DfE rule 165), not of
    care leavers without an episode in the year."""
    mother = None
    if looked_after and child.sex == "F":
        mother = "1" if child.mother_child_dob and child.mother_child_dob <= year.end else "0"
    return {
        "child_id": child.child_id,
        "sex": sex_code(child.sex, year.year),
        "date_of_birth": child.dob,
        "ethnicity": child.ethnicity,
        "upn": upn(child, year),
        "mother": mother,
        "mother_child_dob": child.mother_child_dob if mother == "1" else None,
    }


def episodes(child: Child, periods: list[CarePeriod], year: Year) -> Iterator[Row]:
    for period in periods:
        for ep in period.episodes:
            if not year.overlaps(ep.start, ep.end):
                continue
            end = year.known(ep.end)
            yield {
                "child_id": child.child_id,
                "start_date": ep.start,
                "reason_new_episode": ep.rne,
                "legal_status": ep.legal_status,
                "cin_category": period.cin_category,
                "placement_type": ep.place,
                "placement_provider": ep.provider,
                "end_date": end,
                "reason_episode_ceased": ep.rec if end else None,
                "reason_place_change": ep.reason_change if end else None,
                # A UASC's home is not known, so neither is the distance (the DfE's "not known" distances).
                "home_postcode": None if child.uasc else postcode(child.home),
                "placement_postcode": None if child.uasc else postcode(ep.placement),
                "urn": urn(ep.place, ep.placement),
            }


def urn(place: str, placement: Place | None) -> str:
    """Ofsted URN for registered provision (children's homes, supported accommodation), else XXXXXXX."""
    if place in ("K1", "K2", "K3") and placement:
        return f"SC{sum(ord(ch) * (i + 1) for i, ch in enumerate(placement[0])) % 1000000:06d}"
    return "XXXXXXX"


def reviews(child: Child, periods: list[CarePeriod], year: Year) -> Iterator[Row]:
    for period in periods:
        for day, code in period.reviews:
            if year.start <= day <= year.end:
                yield {
                    "child_id": child.child_id,
                    "date_of_birth": child.dob,
                    "review_date": day,
                    "participation": code,
                }


def social_workers(child: Child, periods: list[CarePeriod], year: Year) -> Iterator[Row]:
    for period in periods:
        for worker, start, end, reason in period.social_workers:
            if year.overlaps(start, end):
                known = year.known(end)
                yield {
                    "child_id": child.child_id,
                    "date_of_birth": child.dob,
                    "social_worker_id": worker,
                    "start_date": start,
                    "end_date": known,
                    "reason_change": reason,
                }


def missing_in_care(child: Child, year: Year) -> Iterator[Row]:
    for m in child.missing:
        if m.looked_after and year.overlaps(m.start, m.end):
            yield {
                "child_id": child.child_id,
                "date_of_birth": child.dob,
                "missing_type": m.missing_type,
                "start_date": m.start,
                "end_date": year.known(m.end),
            }


def health_outcome(child: Child, periods: list[CarePeriod], year: Year, rng: random.Random) -> Row | None:
    """OC2: looked after continuously for 12 months at 31 March."""
    last = periods[-1]
    if (last.end is not None and last.end <= year.end) or last.start > year.end - dt.timedelta(days=365):
        return None
    age = child.age_on(year.end)
    sdq = age >= 4 and child.age_on(year.start) < 17  # no SDQ (nor a reason for none) outside those ages
    score = min(40, max(0, round(rng.gauss(15, 7)))) if sdq and rng.random() < 0.8 else None
    misuse = rng.random() < 0.03
    received = "1" if rng.random() < 0.7 else "0"
    return {
        "child_id": child.child_id,
        "date_of_birth": child.dob,
        "sdq_score": score,
        "sdq_reason": pick(rng, {"SDQ2": 1, "SDQ4": 2, "SDQ5": 1}) if sdq and score is None else None,
        "convicted": ("1" if rng.random() < 0.03 else "0") if age >= 10 else None,
        "health_check": ("1" if rng.random() < 0.88 else "0") if age <= 4 else None,
        "immunisations": "1" if rng.random() < 0.84 else "0",
        "teeth_check": "1" if rng.random() < 0.81 else "0",
        "health_assessment": "1" if rng.random() < 0.9 else "0",
        "substance_misuse": "1" if misuse else "0",
        "intervention_received": received if misuse else None,
        # "Offered" is asked only when none was received.
        "intervention_offered": ("1" if rng.random() < 0.5 else "0") if misuse and received == "0" else None,
    }


IN_TOUCH = {"YES": 93, "NO": 3, "REFU": 2, "NREQ": 2}
EET = {
    "young": {"F2": 40, "F4": 12, "P4": 5, "F5": 5, "F1": 3},
    "older": {"F1": 8, "F2": 12, "F4": 22, "P4": 6, "F5": 5},
}
NEET = {"G5": 25, "G4": 6, "G6": 4}
ACCOMMODATION = {"Z": 20, "U": 25, "D": 20, "E": 10, "B": 15, "T": 5, "C": 3, "S": 1, "X": 1}


def care_leaver(child: Child, year: Year, rng: random.Random, rates: YearRates, quotas: dict[str, Quota]) -> Row | None:
    """OC3: a care leaver whose 17th to 21st birthday falls in the year.

    The council's published shares (in education, employment or training; in suitable accommodation) are of
    all its care leavers of the age, those not in touch counting as neither, so the shares among those in
    touch are the published share over the share in touch. `quotas` (one per share and age band) hold
    each share to its value for the year's care leavers.
    """
    left = [p for p in child.care if p.end and p.end <= year.end and child.age_on(p.end) >= 16]
    if (
        not left
        or child.in_care(year.end)
        or (left[-1].episodes[-1].rec or "") in ("E2", "E3", "E11", "E12", "E4A", "E4B")
    ):
        return None
    left_on = left[-1].end or year.end
    birthdays = [
        a for a in range(17, 22) if year.start <= child.birthday(a) <= year.end and child.birthday(a) >= left_on
    ]
    if not birthdays:
        return None
    young = birthdays[0] <= 18
    in_touch = pick(rng, IN_TOUCH)
    if in_touch != "YES":
        return {
            "child_id": child.child_id,
            "date_of_birth": child.dob,
            "in_touch": in_touch,
            "activity": "0",
            "accommodation": "0",
        }
    reached = IN_TOUCH["YES"] / sum(IN_TOUCH.values())
    eet = (rates.eet_17_18 if young else rates.eet_19_21) / reached
    band = "young" if young else "older"
    activity = pick(rng, EET[band]) if quotas[f"eet {band}"].take(eet) else pick(rng, NEET)
    suitable = quotas["suitable"].take(rates.suitable_accommodation / reached)
    accommodation = pick(rng, ACCOMMODATION) + ("1" if suitable else "2")
    return {
        "child_id": child.child_id,
        "date_of_birth": child.dob,
        "in_touch": in_touch,
        "activity": activity,
        "accommodation": accommodation,
    }


def adoption_rows(child: Child, periods: list[CarePeriod], year: Year) -> tuple[list[Row], list[Row]]:
    """AD1 for children adopted in the year; PlacedAdoption for every decision to place known by 31 March."""
    ad1: list[Row] = []
    placed: list[Row] = []
    for period in periods:
        adoption = period.adoption
        if adoption is None or adoption.decision > year.end:
            continue
        ceased = year.known(adoption.ceased)
        placed.append(
            {
                "child_id": child.child_id,
                "date_of_birth": child.dob,
                "date_placed": adoption.decision,
                "date_placed_ceased": ceased,
                "reason_placed_ceased": adoption.ceased_reason if ceased else None,
            }
        )
        if adoption.matched and ceased and year.start <= ceased and adoption.ceased_reason in ("E11", "E12"):
            number, sex, status = adoption.adopters
            ad1.append(
                {
                    "child_id": child.child_id,
                    "date_of_birth": child.dob,
                    "date_should_be_placed": adoption.decision,
                    "date_matched": adoption.matched,
                    "foster_care": "1" if adoption.foster_carer else "0",
                    "number_of_adopters": number,
                    "sex_of_adopters": sex,
                    "legal_status_of_adopters": status,
                }
            )
    return ad1, placed


def previous_permanence(child: Child, periods: list[CarePeriod], year: Year) -> Row | None:
    period = periods[-1]
    if period.start < year.start:
        return None
    code, la, when = period.previous_permanence
    return {
        "child_id": child.child_id,
        "date_of_birth": child.dob,
        "previous_permanence": code,
        "la_of_permanence": la or None,
        "date_of_permanence": when,
    }


def uasc(child: Child, year: Year) -> Row | None:
    if not child.uasc:
        return None
    return {
        "child_id": child.child_id,
        "sex": sex_code(child.sex, year.year),
        "date_of_birth": child.dob,
        "date_uasc_ceased": child.birthday(18),
    }
