"""How fast the CIN census rules validate a census of 10,000 and of 100,000 children.

The census is built here (synthetic, simple arithmetic on the child's number,
no personal data) with every CIN block in use: disabilities, episodes closed
and open, assessments with factors, CIN plans, section 47 enquiries with their
conferences, child protection plans with reviews; about one child in 40 carries
a deliberate error. It is written as CIN census XML by the project's writer,
loaded with the project's loader, then every CIN rule runs against the store.
Reference: the open-source CIN validator takes about 31 s for 10,000 children.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench._measure import peak_rss_mb
from lineofsight.formats.cin_census import write_census
from lineofsight.store import Store
from lineofsight.store.load import load_file
from lineofsight.validate.engine import validate_store

LA, YEAR = "370", 2026
START = dt.date(2025, 4, 1)
DISABILITIES = ("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA")
FACTORS = ("1B", "2B", "3A", "3B", "4B", "5A", "6B", "16A", "17A", "22A")


def _day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def _weekday(n: int) -> dt.date:
    """Day n, moved on to the Monday when it falls at a weekend (conferences are held on working days)."""
    day = _day(n)
    return day + dt.timedelta(days={6: 2, 7: 1}.get(day.isoweekday(), 0))


def _upn(i: int) -> str:
    digits = f"370{i:09d}"
    total = sum(int(ch) * weight for weight, ch in enumerate(digits, start=2))
    return "ABCDEFGHJKLMNPQRTUVWXYZ"[total % 23] + digits


def _protection(i: int, icpc: dt.date) -> dict[str, Any]:
    ended = i % 3 == 0
    return {
        "plan": {
            "start_date": icpc,
            "end_date": icpc + dt.timedelta(days=120) if ended else None,
            "initial_category": ("NEG", "EMO", "PHY", "SAB", "MUL")[i % 5],
            "latest_category": ("NEG", "EMO", "PHY", "SAB", "MUL")[(i + 1) % 5],
            "previous_plans": i % 3,
        },
        "reviews": [icpc + dt.timedelta(days=90)],
    }


def _episode(i: int) -> dict[str, Any]:
    """One CIN episode: referral in the year, assessment, then a CIN plan or an S47 and CP plan."""
    referral = _day(i % 200)
    closed = i % 2 == 0
    assessment = {"start_date": referral + dt.timedelta(days=1), "authorisation_date": referral + dt.timedelta(days=30)}
    episode: dict[str, Any] = {
        "referral": {
            "referral_date": referral,
            "referral_source": ("1A", "2A", "3A", "5A", "6", "8")[i % 6],
            "primary_need": f"N{1 + i % 8}",
            "closure_date": referral + dt.timedelta(days=150) if closed else None,
            "reason_for_closure": "RC7" if closed else None,
            "referral_nfa": "false",
        },
        "assessments": [{"assessment": assessment, "factors": [FACTORS[i % 10], FACTORS[(i + 3) % 10]]}],
    }
    if i % 4 == 1:
        icpc = _weekday(i % 200 + 45)
        episode["section47"] = [
            {"start_date": referral + dt.timedelta(days=31), "icpc_target_date": icpc, "icpc_date": icpc}
        ]
        episode["protection_plans"] = [_protection(i, icpc)]
    else:
        plan_end = referral + dt.timedelta(days=140) if closed else None
        episode["cin_plans"] = [{"start_date": referral + dt.timedelta(days=31), "end_date": plan_end}]
    return episode


def _error(i: int, child: dict[str, Any]) -> None:
    """About one child in 40 carries one of a few common errors."""
    kind = (i // 40) % 4
    referral = child["referrals"][0]["referral"]
    if kind == 0:
        referral["closure_date"] = referral["referral_date"] - dt.timedelta(days=3)  # 8630
    elif kind == 1 and child["child"]["upn"]:
        upn = child["child"]["upn"]
        child["child"]["upn"] = ("B" if upn[0] == "A" else "A") + upn[1:]  # 1510: wrong check letter
    elif kind == 2:
        child["disabilities"] = ["NONE", "MOB"]  # 8790
    else:
        referral["primary_need"] = None  # 8610


def children(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        unborn = i % 97 == 0
        child: dict[str, Any] = {
            "child": {
                "child_id": f"B{i:07d}",
                "upn": None if unborn else _upn(i),
                "date_of_birth": None if unborn else dt.date(2008 + i % 17, 1 + i % 12, 1 + i % 28),
                "expected_date_of_birth": _day(400) if unborn else None,
                "sex": "U" if unborn else "MF"[i % 2],
                "ethnicity": ("WBRI", "WIRI", "MWBC", "AIND", "BAFR", "CHNE")[i % 6],
            },
            "disabilities": ["NONE"] if i % 10 else [DISABILITIES[i % 12], DISABILITIES[(i + 5) % 12]],
            "referrals": [_episode(i)],
        }
        if i % 40 == 7:
            _error(i, child)
        yield child


def run(folder: Path, n: int) -> None:
    path = folder / f"cin_{n}.xml"
    started = time.perf_counter()
    write_census(path, LA, YEAR, children(n))
    written = time.perf_counter() - started
    with Store() as store:
        started = time.perf_counter()
        load_file(store, path, None, None, 2_000_000_000)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        report = validate_store(store, LA, YEAR, "cin")
        checked = time.perf_counter() - started
    per_rule = Counter(issue.rule for issue in report.issues)
    top = ", ".join(f"{code} {count:,}" for code, count in per_rule.most_common(6))
    print(
        f"CIN census, {n:,} children: write {written:.2f} s, load {loaded:.2f} s, "
        f"validate {checked:.2f} s ({report.rules_run} rules, {len(report.not_run)} not run), "
        f"load + validate {loaded + checked:.2f} s; {len(report.issues):,} issues ({top}); "
        f"peak memory {peak_rss_mb():.0f} MB",
        flush=True,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n in (10_000, 100_000):
            run(Path(tmp), n)


if __name__ == "__main__":
    main()
