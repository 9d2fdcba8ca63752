"""Benchmarks on a small hand-built store: England, region, neighbours' median, quartile and RAG."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.benchmark.compare import compare, quartile, rag
from lineofsight.benchmark.published import import_published, number
from lineofsight.model.reference import BENCHMARK_VALUE, COUNCIL
from lineofsight.store import Store

# Eight councils A01-A08 in two regions; A01's statistical neighbours are A02-A05 plus A09, which has no figure.
COUNCILS = {
    "A01": "R1",
    "A02": "R1",
    "A03": "R1",
    "A04": "R2",
    "A05": "R2",
    "A06": "R2",
    "A07": "R2",
    "A08": "R1",
}
# Re-referral rates (lower is better), collection year 2025.
RATES = {"A02": 10.0, "A03": 20.0, "A04": 30.0, "A05": 40.0, "A06": 50.0, "A07": 60.0, "A08": 70.0}


@pytest.fixture
def store() -> Store:
    s = Store()
    codes = list(COUNCILS)
    s.insert_columns(
        COUNCIL,
        {
            "la_code": codes,
            "ons_code": [f"E0{c}" for c in codes],
            "name": [f"Council {c}" for c in codes],
            "region_code": list(COUNCILS.values()),
            "region": ["Region one" if r == "R1" else "Region two" for r in COUNCILS.values()],
            "statistical_neighbours": ["A02,A03,A04,A05,A09" if c == "A01" else "" for c in codes],
        },
    )
    published = [("National", "E92000001", 25.0), ("Regional", "R1", 22.0)] + [
        ("Local authority", code, value) for code, value in RATES.items()
    ]
    s.insert_columns(
        BENCHMARK_VALUE,
        {
            "indicator_id": ["cin.rereferrals_12m"] * len(published),
            "collection_year": [2025] * len(published),
            "level": [p[0] for p in published],
            "area_code": [p[1] for p in published],
            "value": [p[2] for p in published],
        },
    )
    return s


def test_compare_with_published_figures(store: Store) -> None:
    c = compare(store, "cin.rereferrals_12m", "A01", 2025, 35.0)
    assert (c.england, c.region, c.region_name) == (25.0, 22.0, "Region one")
    # Neighbours with figures: A02 10, A03 20, A04 30, A05 40 (A09 has none): median = (20 + 30) / 2 = 25.
    assert c.statistical_neighbours == 25.0 and c.neighbours_with_values == 4
    # Lower is better. Better than 35: 10, 20, 30 = 3 of 8 councils (7 others + A01): 1 + floor(4 x 3 / 8) = 2.
    assert c.quartile == 2 and c.councils_ranked == 8
    assert c.polarity == "lower"


def test_quartile_by_hand() -> None:
    others = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0]
    # Higher is better, 65: one better (70) of 8: 1 + floor(4/8) = 1.
    assert quartile(65.0, others, "higher") == 1
    # Higher is better, 5: all 7 better: 1 + floor(28/8) = 4.
    assert quartile(5.0, others, "higher") == 4
    # Lower is better, 45: 10 20 30 40 better = 4 of 8: 1 + floor(16/8) = 3.
    assert quartile(45.0, others, "lower") == 3
    assert quartile(45.0, others, None) is None


def test_rag_rules(store: Store) -> None:
    good = compare(store, "cin.rereferrals_12m", "A01", 2025, 15.0)  # better than England 25; 1 better of 8 -> q1
    assert rag("cin.rereferrals_12m", 15.0, good).colour == "green"
    poor = compare(store, "cin.rereferrals_12m", "A01", 2025, 65.0)  # 6 better of 8: 1 + floor(24/8) = 4
    rating = rag("cin.rereferrals_12m", 65.0, poor)
    assert rating.colour == "red" and "bottom quarter" in rating.rule
    middle = compare(store, "cin.rereferrals_12m", "A01", 2025, 35.0)  # worse than England, quartile 2
    assert rag("cin.rereferrals_12m", 35.0, middle).colour == "amber"
    assert rag("cin.rereferrals_12m", None, middle).colour == "grey"


def test_rule_numbers_are_written_as_the_indicator_declares(store: Store) -> None:
    c = compare(store, "cin.rereferrals_12m", "A01", 2025, 12.345678)  # a percentage: one decimal place and a % sign
    rule = rag("cin.rereferrals_12m", 12.345678, c).rule
    assert rule.startswith("Green: 12.3% is at least as good as England's 25% and in quartile 1 of 8 councils")
    assert "12.34" not in rule


def test_a_year_not_yet_published_falls_back_to_the_latest_published(store: Store) -> None:
    # 2026 has no DfE figures in the store: England, region, neighbours and quartile are 2025's, and say so.
    c = compare(store, "cin.rereferrals_12m", "A01", 2026, 35.0, others={})
    assert (c.england, c.region, c.statistical_neighbours, c.quartile) == (25.0, 22.0, 25.0, 2)
    assert c.published_year == 2025 and c.fallback
    assert c.note.startswith("England figure for 2024/25, the latest published")
    assert c.source == "England, published by the DfE for 2024/25" and c.benchmark_name == "England"
    assert "England's 25% for 2024/25" in rag("cin.rereferrals_12m", 35.0, c).rule
    # The year itself when published: no note. An earlier year never borrows a later year's figures.
    assert compare(store, "cin.rereferrals_12m", "A01", 2025, 35.0).note == ""
    earlier = compare(store, "cin.rereferrals_12m", "A01", 2024, 35.0, others={"A02": 10.0})
    assert earlier.published_year is None and earlier.england == 10.0


def test_fallback_to_other_councils_in_the_store(store: Store) -> None:
    store.con.execute("DELETE FROM benchmark_value")
    # A01's own figure is among the store's: it must never count in its own benchmark.
    others = {"A01": 35.0, "A02": 10.0, "A03": 20.0, "A04": 30.0}
    c = compare(store, "cin.rereferrals_12m", "A01", 2025, 35.0, others=others)
    assert c.england == 20.0  # (10 + 20 + 30) / 3, not (35 + 10 + 20 + 30) / 4 = 23.75
    assert c.region == 15.0  # region one: A02 10, A03 20 -> 15
    assert c.statistical_neighbours == 20.0  # median of 10, 20, 30
    assert c.source == "no published benchmark: the 3 other councils in this store (their unweighted average)"
    assert c.benchmark_name == "the 3 other councils in this store" and not c.published
    # Lower is better; 35 is worse than 20 and all 3 others are better: 1 + floor(4 x 3 / 4) = 4, so red.
    rule = rag("cin.rereferrals_12m", 35.0, c).rule
    assert rule.startswith("Red: 35% is worse than the average of the 3 other councils in this store (20%)")
    assert "England" not in rule


def test_one_other_council_is_named_as_one(store: Store) -> None:
    store.con.execute("DELETE FROM benchmark_value")
    c = compare(store, "cin.rereferrals_12m", "A01", 2025, 35.0, others={"A01": 35.0, "A02": 10.0})
    assert (c.england, c.source) == (10.0, "no published benchmark: the other council in this store")
    assert c.against("percent") == "the other council in this store (10%)"


def test_a_council_alone_in_the_store_has_no_benchmark(store: Store) -> None:
    store.con.execute("DELETE FROM benchmark_value")
    c = compare(store, "cin.rereferrals_12m", "A01", 2025, 35.0, others={"A01": 35.0})
    assert (c.england, c.region, c.statistical_neighbours, c.quartile) == (None, None, None, None)
    assert c.source == "no published benchmark, and no other council in this store"
    rating = rag("cin.rereferrals_12m", 35.0, c)
    assert rating.colour == "grey" and "no published benchmark" in rating.rule


def test_suppressed_cells_are_missing() -> None:
    assert [number(t) for t in ("c", "z", "x", "low", "", "12.5", "1,234")] == [None] * 5 + [12.5, 1234.0]


def test_import_dfe_published_figures(reference_dir: Path) -> None:
    folder = reference_dir / "dfe"
    s = Store()
    counts = import_published(s, folder)
    assert counts["workforce.turnover"] > 1000
    # England's 2024/25 re-referral rate in c1_...csv is 22.6%; North Lincolnshire (813) 14.0%.
    rows = s.query(
        "SELECT area_code, value FROM benchmark_value WHERE indicator_id = 'cin.rereferrals_12m'"
        " AND collection_year = 2025 AND area_code IN ('E92000001', '813') ORDER BY 1"
    )
    assert rows == [("813", 14.0), ("E92000001", 22.6)]


def test_without_published_figures_the_store_councils_are_computed(sample_db: Path, tmp_path: Path) -> None:
    import shutil

    from lineofsight.indicators import compute

    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    s = Store(db)
    council = s.councils()[0]
    s.insert_columns(COUNCIL, {"la_code": [council], "ons_code": ["E00000000"], "name": ["Sample"]})
    [result] = compute(s, council=council, year=2026, ids=["workforce.turnover"])
    c = compare(s, "workforce.turnover", council, 2026, result.value)
    # One council in the store: no benchmark at all (never its own figure); no other council to rank it against.
    assert result.value is not None and c.england is None
    assert c.quartile is None and c.councils_ranked == 1
    assert c.source == "no published benchmark, and no other council in this store"
