"""Plant exact figures in the latest collection year, so tests and demos can check indicators.

Each figure is defined here as the DfE (or the brief, where the DfE is silent)
defines it; the indicator engine should compute the same thing:

- turnover: FTE of employed (non-agency) social workers whose leaving date falls
  in the census year (1 October to 30 September) / FTE of employed social workers
  in post at 30 September. Planted exactly for shares with two decimals.
- experience_3y: FTE of social workers in post at 30 September (agency included)
  whose qualification date is at least 3 years before 30 September / FTE of all
  social workers in post. Planted exactly for shares with two decimals.
- rhi_accepted: children with a missing episode (in or out of care) ending in the
  collection year; the numerator is those who accepted a return home interview
  after their last episode ending in the year (latest end date, then latest start).
- rhi_72h: return home interviews held (RHI_DATE given) after episodes ending in
  the year; the numerator is those held within 72 hours: RHI_DATE at most 3 days
  after MIS_END.
- placed_within_20_miles: children looked after at 31 March (episode with no
  DEC); the numerator is those whose HOME_POST to PL_POST straight-line distance
  is 20 miles or less; children whose distance is not known (UASC, whose home
  postcode is not recorded) stay in the denominator.
The two return interview figures are planted exactly: extra children or episodes
are added so that the denominator makes the share a whole number of children. The
distance figure is planted as round(share x children looked after).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from lineofsight.generate.entities import Child, Episode
from lineofsight.generate.places import Place, Places, distance
from lineofsight.generate.returns import Row, Year
from lineofsight.generate.workforce import census_date
from lineofsight.model.codes import RNE_SAME_CARER


@dataclass(frozen=True)
class Targets:
    """Figures to plant in the latest year (None leaves the simulated figure alone)."""

    turnover: float | None = None
    experience_3y: float | None = None
    rhi_accepted: float | None = None
    rhi_72h: float | None = None
    placed_within_20_miles: float | None = None


def experienced(row: Row, census: dt.date) -> bool:
    qualified = row["qualification_date"]
    return qualified is not None and qualified <= census.replace(year=census.year - 3)


def plant_turnover(rows: list[Row], year: int, target: float) -> None:
    employed = [r for r in rows if not r["agency"]]
    in_post = [r for r in employed if r["leaving_date"] is None]
    leavers = [r for r in employed if r["leaving_date"] is not None]
    first = census_date(year - 1) + dt.timedelta(days=1)

    def ratio() -> float:
        return sum(r["fte"] for r in leavers) / sum(r["fte"] for r in in_post)

    while leavers and ratio() > target + 0.01:  # a leaver who stayed
        r = leavers.pop()
        r.update(leaving_date=None, leaving_reason=None, cases=r["cases"] or 10)
        in_post.append(r)
    while ratio() < target - 0.01 and len(in_post) > 2:  # someone in post who left
        r = in_post.pop(0)
        r.update(leaving_date=max(first, r["start_date"]) + dt.timedelta(days=30), leaving_reason="RES", cases=None)
        leavers.append(r)
    if not leavers or not in_post:
        raise ValueError("no leavers to plant a turnover figure on")
    # A whole number of FTE in post makes target x FTE a two-decimal number, so one leaver's FTE makes it exact.
    total = sum(r["fte"] for r in in_post)
    whole = math.ceil(round(total, 2))
    in_post[0]["fte"] = round(in_post[0]["fte"] + whole - total, 2)
    if in_post[0]["fte"] > 1.0:
        in_post[0]["fte"] = round(in_post[0]["fte"] - 1, 2) or 1.0
        whole = round(sum(r["fte"] for r in in_post))
    balance = leavers[-1]
    balance["fte"] = round(target * whole - sum(r["fte"] for r in leavers[:-1]), 2)
    if not 0 < balance["fte"] <= 1.5:
        raise ValueError("the workforce is too small to plant this turnover figure")


def plant_experience(rows: list[Row], year: int, target: float, new_id: Callable[[int], str]) -> None:
    """Toggle qualification dates, then add agency workers whose FTE makes the share exact.

    With E experienced FTE and T in all, one experienced newcomer of FTE a and
    inexperienced newcomers of FTE b give (E + a) / (T + a + b) = target exactly
    when E + a = target x M for a whole number M and T + a + b = M.
    """
    census = census_date(year)
    in_post = [r for r in rows if r["leaving_date"] is None]
    recent = census - dt.timedelta(days=200)
    long_ago = census.replace(year=census.year - 8)
    for r in in_post:
        r["qualification_date"] = long_ago if experienced(r, census) else min(recent, r["qualification_date"])
    total = sum(r["fte"] for r in in_post)
    done = sum(r["fte"] for r in in_post if experienced(r, census))
    for r in in_post:  # bring done / target - total into [1, 3]
        gap = done / target - total
        if 1.0 <= gap <= 3.0:
            break
        if gap > 3.0 and experienced(r, census):
            r["qualification_date"], done = recent, done - r["fte"]
        elif gap < 1.0 and not experienced(r, census):
            r["qualification_date"], done = long_ago, done + r["fte"]
    whole = math.ceil((done + 0.1) / target)
    a = round(target * whole - done, 2)
    b = round(whole - total - a, 2)
    if not (0.1 <= a <= 1.0 and b > 0):
        raise ValueError("the workforce is too small to plant this experience figure")
    pieces = [(a, long_ago)]
    while b > 0:
        piece = min(1.0, b)
        pieces.append((piece, recent))
        b = round(b - piece, 2)
    for n, (fte, qualified) in enumerate(pieces):
        rows.append(
            {
                "worker_id": new_id(n),
                "role": "5",
                "team": "Assessment",
                "fte": fte,
                "agency": True,
                "start_date": census - dt.timedelta(days=60),
                "leaving_date": None,
                "leaving_reason": None,
                "qualification_date": qualified,
                "absence_days": 0.0,
                "cases": max(1, round(12 * fte)),
            }
        )


def plant_return_interviews(
    rows: list[Row], year: Year, accepted: float | None, within_72h: float | None, rng: random.Random, la_code: str
) -> None:
    ending = [r for r in rows if r["end_date"] is not None and year.start <= r["end_date"] <= year.end]
    if accepted is not None:
        _plant_accepted(rows, ending, year, accepted, rng, la_code)
        ending = [r for r in rows if r["end_date"] is not None and year.start <= r["end_date"] <= year.end]
    if within_72h is not None:
        _plant_72h(rows, ending, year, within_72h, rng)


def _last_by_child(ending: list[Row]) -> dict[str, Row]:
    last: dict[str, Row] = {}
    for r in sorted(ending, key=lambda r: (r["end_date"], r["start_date"])):
        last[r["child_id"]] = r
    return last


def _incident(child_id: str, dob: dt.date | None, start: dt.date) -> Row:
    return {
        "child_id": child_id,
        "date_of_birth": dob,
        "looked_after": False,
        "start_date": start,
        "end_date": start + dt.timedelta(days=1),
        "rhi_offered": True,
        "rhi_accepted": True,
        "rhi_date": start + dt.timedelta(days=2),
    }


def _plant_accepted(
    rows: list[Row], ending: list[Row], year: Year, target: float, rng: random.Random, la_code: str
) -> None:
    step = Fraction(target).limit_denominator(1000).denominator
    n = len(_last_by_child(ending))
    for k in range((-n) % step):  # children missing from home, so the share is a whole number of children
        day = year.start + dt.timedelta(days=rng.randint(0, 300))
        rows.append(_incident(f"{la_code}M{k:05d}", year.end.replace(year=year.end.year - 14), day))
    ending = [r for r in rows if r["end_date"] is not None and year.start <= r["end_date"] <= year.end]
    last = sorted(_last_by_child(ending).values(), key=lambda r: r["child_id"])
    rng.shuffle(last)
    take = round(target * len(last))
    # A child may have two episodes with the same dates; which is "last" is then undecided, so both get the answer.
    tied: dict[tuple[str, dt.date, dt.date], list[Row]] = {}
    for r in ending:
        tied.setdefault((r["child_id"], r["start_date"], r["end_date"]), []).append(r)
    for i, last_row in enumerate(last):
        yes = i < take
        interview = (last_row["end_date"] + dt.timedelta(days=rng.randint(0, 3))) if yes else None
        for r in tied[(last_row["child_id"], last_row["start_date"], last_row["end_date"])]:
            offered = True if yes else r["rhi_offered"]
            r.update(rhi_offered=offered, rhi_accepted=yes if offered else None, rhi_date=interview)


def _plant_72h(rows: list[Row], ending: list[Row], year: Year, target: float, rng: random.Random) -> None:
    step = Fraction(target).limit_denominator(1000).denominator
    last = {(r["child_id"], r["start_date"], r["end_date"]) for r in _last_by_child(ending).values()}
    held = [r for r in ending if r["rhi_date"] is not None]
    # An episode with the same dates as a child's last one could be read as the last, so it is not spare.
    spare = [r for r in ending if r["rhi_date"] is None and (r["child_id"], r["start_date"], r["end_date"]) not in last]
    while len(held) % step:  # interviews after earlier episodes make the count a whole multiple
        if spare:
            r = spare.pop()
            r.update(rhi_offered=True, rhi_accepted=True, rhi_date=r["end_date"])
        else:
            template = held[0] if held else ending[0]
            r = _incident(template["child_id"], template["date_of_birth"], year.start)
            r["looked_after"] = template["looked_after"]
            rows.append(r)
        held.append(r)
    held.sort(key=lambda r: (r["child_id"], r["start_date"]))
    rng.shuffle(held)
    take = round(target * len(held))
    for i, r in enumerate(held):
        r["rhi_date"] = r["end_date"] + dt.timedelta(days=rng.randint(0, 3) if i < take else rng.randint(4, 12))


def plant_distance(children: list[Child], target: float, places: Places, rng: random.Random) -> None:
    """Move current placements so round(target x looked after at the end) are within 20 miles of home.

    Planted in the simulated histories, not in one year's rows, so every year's return tells the same story.
    """
    current = sorted((c for c in children if c.care and c.care[-1].end is None), key=lambda c: c.child_id)
    take = round(target * len(current))
    rng.shuffle(current)
    current.sort(key=lambda c: c.uasc)  # a UASC's distance is not known: the near ones are taken from the others
    take = min(take, sum(not c.uasc for c in current))  # as near as the UASC (distance not known) allow
    for i, child in enumerate(current):
        home = child.home
        place = places.within(rng, home) if i < take else places.beyond(rng, home)
        if i < take and distance(home, place) > 19.5:
            place = home
        _move(child.care[-1].episodes, place)


def _move(episodes: list[Episode], place: Place) -> None:
    """Give the current placement a new postcode, and the earlier episodes of the same placement with it."""
    for episode in reversed(episodes):
        episode.placement = place
        if episode.rne != "L" and episode.rne not in RNE_SAME_CARER:  # this episode began the placement
            return
