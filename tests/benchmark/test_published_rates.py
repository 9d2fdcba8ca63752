"""Rates per 10,000 children recomputed from the DfE's published counts over the ONS 0-17 mid-year estimates."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lineofsight.benchmark.published import import_published
from lineofsight.store import Store

COUNTS = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
PLANS = "d5_cpps_at31march_by_duration_2013_to_2025.csv"
POPULATION = "ons_mid-year_population_estimates_2012_to_2024.csv"


def _cell(path: Path, period: str, level: str, column: str, la_code: str = "") -> str:
    """One raw cell of a published file, read without lineofsight's code."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if (row["time_period"], row["geographic_level"], row["old_la_code"]) == (period, level, la_code):
                return row[column]
    raise AssertionError(f"no {level} {la_code} row for {period} in {path.name}")


def _benchmark(store: Store, indicator_id: str, year: int, area_code: str) -> float | None:
    rows = store.query(
        "SELECT value FROM benchmark_value WHERE indicator_id = ? AND collection_year = ? AND area_code = ?",
        [indicator_id, year, area_code],
    )
    assert len(rows) == 1, f"{indicator_id} {year} {area_code}: {rows}"
    return None if rows[0][0] is None else float(rows[0][0])


@pytest.fixture(scope="module")
def imported(reference_dir: Path) -> tuple[Store, Path]:
    folder = reference_dir / "dfe"
    store = Store()
    counts = import_published(store, folder)
    assert counts["cin.referrals_rate"] > 2000 and counts["cp.plans_rate"] > 2000
    return store, folder


def test_north_lincolnshire_2024_25_by_hand(imported: tuple[Store, Path]) -> None:
    store, folder = imported
    referrals = _cell(folder / COUNTS, "2025", "Local authority", "referral_count", "813")
    on_a_plan = _cell(folder / PLANS, "2025", "Local authority", "CPP_At31", "813")
    children = _cell(folder / POPULATION, "2024", "Local authority", "population_estimate", "813")  # mid-2024
    assert (referrals, on_a_plan, children) == ("1483", "138", "34675")
    # 1483 / 34675 x 10,000 = 427.69; 138 / 34675 x 10,000 = 39.80 (the DfE's tables give one decimal place).
    assert _benchmark(store, "cin.referrals_rate", 2025, "813") == 427.7
    assert _benchmark(store, "cp.plans_rate", 2025, "813") == 39.8
    assert _benchmark(store, "cin.referrals_rate", 2025, "813") == round(10000 * int(referrals) / int(children), 1)


def test_england_2024_25_by_hand(imported: tuple[Store, Path]) -> None:
    store, folder = imported
    referrals = _cell(folder / COUNTS, "2025", "National", "referral_count")
    on_a_plan = _cell(folder / PLANS, "2025", "National", "CPP_At31")
    children = _cell(folder / POPULATION, "2024", "National", "population_estimate")
    assert (referrals, on_a_plan, children) == ("632830", "49420", "12183016")
    # 632830 / 12183016 x 10,000 = 519.44; 49420 / 12183016 x 10,000 = 40.56.
    assert _benchmark(store, "cin.referrals_rate", 2025, "E92000001") == 519.4
    assert _benchmark(store, "cp.plans_rate", 2025, "E92000001") == 40.6
    # Yorkshire and The Humber has its own published population; its rate is between its councils'.
    region = _benchmark(store, "cin.referrals_rate", 2025, "E12000003")
    assert region is not None and 300 < region < 800


def test_suppressed_counts_and_missing_populations_stay_missing(imported: tuple[Store, Path]) -> None:
    store, folder = imported
    assert _cell(folder / PLANS, "2025", "Local authority", "CPP_At31", "201") == "c"  # City of London
    assert _benchmark(store, "cp.plans_rate", 2025, "201") is None
    # Dorset (835, before the 2019 reorganisation) has 4686 referrals in 2018/19 but the ONS estimate for mid-2018 is x.
    assert _cell(folder / POPULATION, "2018", "Local authority", "population_estimate", "835") == "x"
    assert _benchmark(store, "cin.referrals_rate", 2019, "835") is None


HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name"
)


def test_made_up_counts_over_made_up_populations(tmp_path: Path) -> None:
    (tmp_path / "c1_children_in_need_referrals_tiny.csv").write_text(
        f"{HEADER},referral_count,rereferral_percent\n"
        "2025,Reporting year,National,E92000001,England,,,,,300,20\n"
        "2025,Reporting year,Regional,E92000001,England,R1,Region one,,,120,20\n"
        "2025,Reporting year,Local authority,E92000001,England,R1,Region one,901,Council A,50,20\n"
        "2025,Reporting year,Local authority,E92000001,England,R1,Region one,902,Council B,c,c\n"
        "2025,Reporting year,Local authority,E92000001,England,R1,Region one,903,Council C,70,20\n"
        "2024,Reporting year,Local authority,E92000001,England,R1,Region one,901,Council A,40,20\n"
    )
    (tmp_path / "ons_mid-year_population_estimates_tiny.csv").write_text(
        f"{HEADER},age_group,population_estimate\n"
        "2024,Reporting year,National,E92000001,England,,,,,Children aged 0 to 17 years,60000\n"
        "2024,Reporting year,Regional,E92000001,England,R1,Region one,,,Children aged 0 to 17 years,30000\n"
        "2024,Reporting year,Local authority,E92000001,England,R1,Region one,901,Council A,Children aged 0 to 17 years,"
        "8000\n"
        "2024,Reporting year,Local authority,E92000001,England,R1,Region one,902,Council B,Children aged 0 to 17 years,"
        "9000\n"
        "2024,Reporting year,Local authority,E92000001,England,R1,Region one,903,Council C,Children aged 0 to 17 years,"
        "x\n"
        "2024,Reporting year,Local authority,E92000001,England,R1,Region one,901,Council A,Children aged 0 to 15 years,"
        "1\n"
        "2025,Reporting year,Local authority,E92000001,England,R1,Region one,901,Council A,Children aged 0 to 17 years,"
        "2\n"
    )
    store = Store()
    counts = import_published(store, tmp_path)
    assert counts["cin.referrals_rate"] == 6 and "cp.plans_rate" not in counts  # no d5 file: no plans rate
    values = dict(
        ((year, code), value)
        for year, code, value in store.query(
            "SELECT collection_year, area_code, value FROM benchmark_value WHERE indicator_id = 'cin.referrals_rate'"
        )
    )
    assert values == {
        (2025, "E92000001"): 50.0,  # 300 / 60,000 x 10,000: 2024/25 over the mid-2024 estimate
        (2025, "R1"): 40.0,  # 120 / 30,000 x 10,000
        (2025, "901"): 62.5,  # 50 / 8,000 x 10,000, the 0-17 row, not the 0-15 one nor mid-2025's
        (2025, "902"): None,  # count suppressed
        (2025, "903"): None,  # population suppressed
        (2024, "901"): None,  # no mid-2023 estimate in the file: not invented
    }
