"""How fast an SSDA903 return of 50,000 and of 500,000 episodes is read and validated.

The return is built here (synthetic: simple arithmetic on the child's number, no
personal data, real postcode centroids): per child a Header row, three episodes
(two placement moves, the last open), two reviews, an OC2 row and a social worker
episode; every third child has a missing period and about one child in 40 carries
a deliberate error. It is written as the DfE's CSV tables by the project's writer,
read with the project's loader, then every SSDA903 rule of 2025/26 runs.
Reference: the open-source 903 validator takes about 80 s and 6 GB for 50,000 episodes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench._measure import peak_rss_mb
from lineofsight import geography
from lineofsight.formats.csv_tables import write_table
from lineofsight.model import TABLES
from lineofsight.store import Store
from lineofsight.store.load import load_paths
from lineofsight.validate.engine import validate_store

LA, YEAR = "681", 2026
SIZES = (50_000, 500_000)  # episodes
D = dt.date


def _postcodes() -> list[str]:
    samples = geography.district_samples(per_district=4)
    return [p for district in sorted(samples)[:60] for p, _, _ in samples[district]]


def _day(start: D, n: int) -> D:
    return start + dt.timedelta(days=n)


def _child(i: int) -> str:
    return f"B{i:07d}"


def _dob(i: int) -> D:
    return D(2008 + i % 13, 1 + i % 12, 1 + i % 28)


def header(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "child_id": _child(i),
            "sex": "1" if i % 2 else "2",
            "date_of_birth": _dob(i),
            "ethnicity": "WBRI" if i % 40 else "XXXX",  # one in 40: 103
            "upn": f"A{i:012d}",
            "mother": None if i % 2 else "0",
            "mother_child_dob": None,
        }


def episodes(n: int, postcodes: list[str]) -> Iterator[dict[str, Any]]:
    for i in range(n):
        first = _day(D(2024, 1, 1), i % 300)
        second = _day(D(2025, 6, 1), i % 60)
        third = _day(second, 100)
        home = postcodes[i % len(postcodes)]
        places = [postcodes[(i + k) % len(postcodes)] for k in (7, 13, 29)]
        common = {"child_id": _child(i), "cin_category": "N1", "home_postcode": home, "urn": "SC123456"}
        yield {
            **common,
            "start_date": first,
            "reason_new_episode": "S",
            "legal_status": "C2",
            "placement_type": "U4",
            "placement_provider": "PR1",
            "end_date": second,
            "reason_episode_ceased": "X1",
            "reason_place_change": "CARPL",
            "placement_postcode": places[0],
        }
        yield {
            **common,
            "start_date": second,
            "reason_new_episode": "P",
            "legal_status": "C2",
            "placement_type": "U6",
            "placement_provider": "PR4",
            "end_date": third,
            "reason_episode_ceased": "X1",
            "reason_place_change": "CARPL",
            "placement_postcode": places[1],
        }
        yield {
            **common,
            "start_date": third,
            "reason_new_episode": "P",
            "legal_status": "C2" if i % 40 else "Q1",
            "placement_type": "U4",
            "placement_provider": "PR1",
            "placement_postcode": places[2],
        }


def reviews(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        for month in (5, 11):
            yield {
                "child_id": _child(i),
                "date_of_birth": _dob(i),
                "review_date": D(2025, month, 1 + i % 28),
                "participation": "PN1",
            }


def missing(n: int) -> Iterator[dict[str, Any]]:
    for i in range(0, n, 3):
        start = _day(D(2025, 8, 1), i % 30)
        yield {
            "child_id": _child(i),
            "date_of_birth": _dob(i),
            "missing_type": "M",
            "start_date": start,
            "end_date": _day(start, 1 + i % 3),
        }


def oc2(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "child_id": _child(i),
            "date_of_birth": _dob(i),
            "sdq_score": i % 41,
            "sdq_reason": None,
            "convicted": "0" if _dob(i).year <= 2015 else None,
            "health_check": None,
            "immunisations": "1",
            "teeth_check": "1",
            "health_assessment": "1",
            "substance_misuse": "0",
            "intervention_received": None,
            "intervention_offered": None,
        }


def social_workers(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "child_id": _child(i),
            "date_of_birth": _dob(i),
            "social_worker_id": f"SW{i % 997:05d}",
            "start_date": _day(D(2024, 1, 1), i % 300),
            "end_date": None,
            "reason_change": None,
        }


def write_return(folder: Path, n_episodes: int) -> int:
    """Write the return; returns the rows written."""
    n, postcodes = n_episodes // 3, _postcodes()
    tables = {
        "child": header(n),
        "episode": episodes(n, postcodes),
        "review": reviews(n),
        "missing": missing(n),
        "health_outcome": oc2(n),
        "social_worker_episode": social_workers(n),
    }
    return sum(write_table(folder / f"{TABLES[t].source_name}.csv", TABLES[t], rows) for t, rows in tables.items())


def run(n_episodes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / f"{LA}_{YEAR}"
        folder.mkdir()
        rows = write_return(folder, n_episodes)
        started = time.perf_counter()
        with Store() as store:
            loaded = load_paths(store, [folder])
            read_done = time.perf_counter()
            report = validate_store(store, LA, YEAR, "ssda903")
            done = time.perf_counter()
        print(
            f"SSDA903 {n_episodes:,} episodes ({rows:,} rows, {loaded.loaded:,} loaded): "
            f"read {read_done - started:.2f} s + {report.rules_run} rules {done - read_done:.2f} s = "
            f"{done - started:.2f} s; {len(report.issues):,} issues, {len(report.not_run)} not run; "
            f"peak memory {peak_rss_mb():.0f} MB",
            flush=True,
        )


def main() -> None:
    for size in SIZES:
        run(size)


if __name__ == "__main__":
    main()
