"""Planted figures, recomputed from the generated FILES with the csv module (not the indicator engine)."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

from lineofsight.geography import centroids, miles

from .conftest import TARGETS


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def day(text: str) -> dt.date | None:
    return dt.datetime.strptime(text, "%d/%m/%Y").date() if text else None


CENSUS = dt.date(2025, 9, 30)  # the census of collection year 2026
YEAR_START, YEAR_END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)


def test_turnover(latest: Path) -> None:
    workers = [w for w in rows(latest / "workforce.csv") if w["AGENCY"] == "0"]
    leavers = sum(float(w["FTE"]) for w in workers if w["LEAVING_DATE"])
    in_post = sum(float(w["FTE"]) for w in workers if not w["LEAVING_DATE"])
    assert all(dt.date(2024, 10, 1) <= day(w["LEAVING_DATE"]) <= CENSUS for w in workers if w["LEAVING_DATE"])  # type: ignore[operator]
    assert abs(leavers / in_post - TARGETS.turnover) < 1e-9  # type: ignore[operator]


def test_experience(latest: Path) -> None:
    in_post = [w for w in rows(latest / "workforce.csv") if not w["LEAVING_DATE"]]
    three_years_before = dt.date(2022, 9, 30)
    experienced = sum(float(w["FTE"]) for w in in_post if day(w["QUAL_DATE"]) <= three_years_before)  # type: ignore[operator]
    total = sum(float(w["FTE"]) for w in in_post)
    assert abs(experienced / total - TARGETS.experience_3y) < 1e-9  # type: ignore[operator]


def test_return_interviews(latest: Path) -> None:
    incidents = [r for r in rows(latest / "return_interviews.csv") if r["MIS_END"]]
    ending = [r for r in incidents if YEAR_START <= day(r["MIS_END"]) <= YEAR_END]  # type: ignore[operator]
    last: dict[str, dict[str, str]] = {}
    for r in sorted(ending, key=lambda r: (day(r["MIS_END"]), day(r["MIS_START"]))):
        last[r["CHILD"]] = r
    accepted = sum(1 for r in last.values() if r["RHI_ACCEPTED"] == "1")
    # Exact: the generator makes the number of children missing a multiple of 25 (0.92 = 23/25).
    assert len(last) % 25 == 0 and accepted * 25 == 23 * len(last)
    held = [r for r in ending if r["RHI_DATE"]]
    quick = sum(1 for r in held if (day(r["RHI_DATE"]) - day(r["MIS_END"])).days <= 3)  # type: ignore[operator]
    assert len(held) % 50 == 0 and quick * 50 == 39 * len(held)  # 0.78 = 39/50


def test_placed_within_20_miles(latest: Path) -> None:
    current = [e for e in rows(latest / "episodes.csv") if not e["DEC"]]
    assert len({e["CHILD"] for e in current}) == len(current)  # one open episode per child
    points = centroids([e["HOME_POST"] for e in current] + [e["PL_POST"] for e in current])

    def within(e: dict[str, str]) -> bool:
        home, place = points.get(e["HOME_POST"].replace(" ", "")), points.get(e["PL_POST"].replace(" ", ""))
        return bool(home and place) and round(miles(home[0], home[1], place[0], place[1]), 1) <= 20  # type: ignore[index]

    near = sum(1 for e in current if within(e))
    assert near == round(TARGETS.placed_within_20_miles * len(current))  # type: ignore[operator]


def test_earlier_years_are_not_planted(generated: Path) -> None:
    """Only the latest year is planted: the year before keeps its simulated interviews."""
    by_child: dict[str, list[str]] = defaultdict(list)
    for r in rows(generated / "813_2025" / "return_interviews.csv"):
        by_child[r["CHILD"]].append(r["RHI_ACCEPTED"])
    assert not any(child.startswith("813M") for child in by_child)
