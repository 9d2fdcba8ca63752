"""How fast `lineofsight load` reads returns: SSDA903 at 50,000 and 500,000 episodes, CIN census at 100,000 children.

The files are built here with the project's own writers (synthetic, simple
arithmetic, no personal data), then loaded into an in-memory store.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench._measure import peak_rss_mb
from lineofsight.formats.cin_census import write_census
from lineofsight.formats.csv_tables import write_table
from lineofsight.model import TABLES
from lineofsight.store import Store
from lineofsight.store.load import load_paths

START = dt.date(2025, 4, 1)
POSTCODES = ("DN15 6NL", "DN16 1AA", "DN17 2AB", "DN20 0AA")


def _day(n: int) -> dt.date:
    return START + dt.timedelta(days=n % 360)


def episodes(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "child_id": f"C{i // 3:07d}",
            "start_date": _day(i),
            "reason_new_episode": "SPLTU"[i % 5],
            "legal_status": ("C2", "V2", "J2", "E1")[i % 4],
            "cin_category": f"N{1 + i % 8}",
            "placement_type": ("U1", "U4", "K2", "R1")[i % 4],
            "placement_provider": f"PR{i % 6}",
            "end_date": _day(i + 30) if i % 3 else None,
            "reason_episode_ceased": "E8" if i % 3 else None,
            "home_postcode": POSTCODES[i % 4],
            "placement_postcode": POSTCODES[(i + 1) % 4],
            "urn": f"SC{i % 999999:06d}",
        }


def reviews(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "child_id": f"C{i // 2:07d}",
            "date_of_birth": dt.date(2010, 1, 1),
            "review_date": _day(i),
            "participation": "PN1",
        }


def missing(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"child_id": f"C{i:07d}", "missing_type": "MA"[i % 2], "start_date": _day(i), "end_date": _day(i + 1)}


def oc2(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"child_id": f"C{i:07d}", "date_of_birth": dt.date(2012, 5, 5), "sdq_score": i % 40, "immunisations": "1"}


def ssda903(folder: Path, episode_count: int) -> Path:
    target = folder / str(episode_count) / "681_2026"  # the folder name gives council and year
    target.mkdir(parents=True)
    write_table(target / "episodes.csv", TABLES["episode"], episodes(episode_count))
    write_table(target / "reviews.csv", TABLES["review"], reviews(episode_count // 2))
    write_table(target / "missing.csv", TABLES["missing"], missing(episode_count // 10))
    write_table(target / "oc2.csv", TABLES["health_outcome"], oc2(episode_count // 6))
    return target


def census_children(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "child": {
                "child_id": f"K{i:07d}",
                "date_of_birth": dt.date(2012, 1, 1),
                "sex": "MF"[i % 2],
                "ethnicity": "WBRI",
            },
            "disabilities": ["NONE"],
            "referrals": [
                {
                    "referral": {
                        "referral_date": _day(i),
                        "referral_source": "2A",
                        "primary_need": "N1",
                        "referral_nfa": "false",
                    },
                    "assessments": [
                        {
                            "assessment": {"start_date": _day(i + 1), "authorisation_date": _day(i + 20)},
                            "factors": ["2B", "3A"],
                        }
                    ],
                    "section47": [{"start_date": _day(i + 2), "icpc_not_required": "false"}] if i % 4 == 0 else [],
                }
            ],
        }


def _timed_load(label: str, paths: list[Path], **kw: Any) -> None:
    with Store() as store:
        started, cpu = time.perf_counter(), time.process_time()
        result = load_paths(store, paths, **kw)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    rows = sum(c.loaded for c in result.counts)
    # CPU seconds too: on a shared machine the wall clock includes other people's work.
    print(
        f"{label}: {rows:,} rows in {seconds:.2f} s ({cpu:.2f} s CPU, {rows / seconds:,.0f} rows/s), "
        f"peak memory {peak_rss_mb():.0f} MB",
        flush=True,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = ssda903(folder, 50_000)
        _timed_load("SSDA903, 50,000 episodes + reviews, missing, OC2", [small])
        census = folder / "cin.xml"
        write_census(census, "681", 2026, census_children(100_000))
        _timed_load("CIN census, 100,000 children", [census])
        large = ssda903(folder, 500_000)
        _timed_load("SSDA903, 500,000 episodes + reviews, missing, OC2", [large])


if __name__ == "__main__":
    main()
