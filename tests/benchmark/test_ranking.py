"""Every council's published figure ranked: polarity, shared ranks, suppressed figures last, the year falls back."""

from __future__ import annotations

from lineofsight.benchmark.ranking import ranking
from lineofsight.store import Store

COUNCILS = [  # la_code, name, region code, region, neighbours
    ("101", "Ashton", "R1", "North", "102,103"),
    ("102", "Bexley", "R1", "North", "101"),
    ("103", "Crewe", "R2", "South", ""),
    ("104", "Dover", "R2", "South", ""),
    ("105", "Ely", "R2", "South", ""),
]


def _store(indicator: str, values: dict[str, float | None], year: int = 2025) -> Store:
    store = Store()
    for code, name, region_code, region, neighbours in COUNCILS:
        store.con.execute(
            "INSERT INTO council (la_code, ons_code, name, region, region_code, statistical_neighbours)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [code, "E0" + code, name, region, region_code, neighbours],
        )
    rows = [("Local authority", code, value) for code, value in values.items()]
    rows += [("National", "E92000001", 20.0), ("Regional", "R1", 18.0)]
    for level, code, value in rows:
        store.con.execute(
            "INSERT INTO benchmark_value (indicator_id, collection_year, level, area_code, value) VALUES (?, ?, ?, ?, ?)",
            [indicator, year, level, code, value],
        )
    return store


def test_lower_is_better_ranks_the_lowest_first_and_equal_figures_share_a_rank() -> None:
    # Re-referrals: lower is better. 10 < 15 = 15 < 30; Ely suppressed.
    store = _store("cin.rereferrals_12m", {"101": 15.0, "102": 10.0, "103": 30.0, "104": 15.0, "105": None})
    r = ranking(store, "cin.rereferrals_12m", "101", 2026)  # 2025/26 not published: 2024/25 is used
    assert r.published_year == 2025
    assert [(p.rank, p.la_code) for p in r.places] == [(1, "102"), (2, "101"), (2, "104"), (4, "103"), (None, "105")]
    assert r.own is not None and r.own.name == "Ashton (101)" and r.own.rank == 2
    assert r.ranked == 4 and r.england == 20.0 and r.region == 18.0 and r.region_name == "North"
    # Neighbours 102 (10) and 103 (30): the median is 20, and each is marked with its place.
    assert r.neighbours == 20.0 and r.neighbours_with_values == 2
    assert {p.la_code: p.neighbour for p in r.places if p.neighbour} == {"102": 1, "103": 2}


def test_higher_is_better_ranks_the_highest_first() -> None:
    store = _store("cla.health_assessments", {"101": 90.0, "102": 95.0, "103": 80.0})
    r = ranking(store, "cla.health_assessments", "103", 2025)
    assert [(p.rank, p.la_code) for p in r.places] == [(1, "102"), (2, "101"), (3, "103")]


def test_nothing_published_gives_an_empty_ranking() -> None:
    store = _store("cla.rate", {"101": 70.0}, year=2027)
    r = ranking(store, "cla.rate", "101", 2025)
    assert r.published_year is None and r.places == [] and r.own is None
