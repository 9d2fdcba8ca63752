"""Hand-worked tests of the adoption and care leaver indicators."""

from __future__ import annotations

import pytest

from lineofsight.indicators import children
from lineofsight.store import Store

from .rows import LA, figure, put
from .test_children_in_care import episode


def adoption_store(store: Store | None = None, la: str = LA) -> Store:
    store = store or Store()
    # D1's early episodes ended before 2025/26 and are only in the 2024 return.
    put(
        store,
        "episode",
        [
            episode("D1", "2023-01-01", "S", "C1", "U6", "2023-06-01"),
            episode("D1", "2023-06-01", "L", "E1", "U6", "2024-06-01"),
        ],
        year=2024,
        la=la,
    )
    put(
        store,
        "episode",
        [
            episode("D1", "2024-06-01", "P", "E1", "A6", "2025-12-01"),
            # D2: fostered from Jul 2023 by the carers who adopt
            episode("D2", "2023-03-01", "S", "V2", "U6", "2023-07-01"),
            episode("D2", "2023-07-01", "P", "V2", "U5", "2023-09-01"),
            episode("D2", "2023-09-01", "L", "E1", "U5", "2024-03-01"),
            episode("D2", "2024-03-01", "T", "E1", "A5", "2025-10-01"),  # same carers, placed for adoption
            # D3: placed with parental consent, no placement order
            episode("D3", "2024-01-01", "S", "V2", "U6", "2024-09-01"),
            episode("D3", "2024-09-01", "P", "V2", "A4", "2025-11-01"),
        ],
        la=la,
    )
    adopted = [("D1", "2024-05-01", "0"), ("D2", "2023-08-01", "1"), ("D3", "2024-08-01", "0")]
    put(
        store,
        "adoption",
        [{"child_id": c, "date_should_be_placed": m, "date_matched": m, "foster_care": f} for c, m, f in adopted],
        la=la,
    )
    return store


def test_a1_entering_care_to_moving_in(any_store: Store) -> None:
    # D1: 1 Jan 2023 to 1 Jun 2024 = 365 + 31 + 29 + 31 + 30 + 31 = 517 days
    # D2: 1 Mar 2023 to 1 Mar 2024 (placed for adoption) = 366 days (29 Feb 2024)
    # D3: 1 Jan 2024 to 1 Sep 2024 = 31 + 29 + 31 + 30 + 31 + 30 + 31 + 31 = 244 days
    assert figure(adoption_store(any_store), "adoption.a1") == (1127, 3, pytest.approx(1127 / 3))


def test_a10_stops_the_clock_when_the_foster_carer_adopts(any_store: Store) -> None:
    # D2 is adopted by its foster carer: clock stops 1 Jul 2023 = 31 + 30 + 31 + 30 = 122 days
    assert figure(adoption_store(any_store), "adoption.a10") == (517 + 122 + 244, 3, pytest.approx(883 / 3))


def test_a10_foster_placement_that_began_with_b_stops_the_clock(any_store: Store) -> None:
    """RNE B (placement order and new carers at once) starts the placement with the carers who adopt; the move
    to A5 with them (T, same carers) does not."""
    store = any_store
    put(
        store,
        "episode",
        [
            episode("D4", "2023-01-01", "S", "V2", "U6", "2023-05-01"),
            episode("D4", "2023-05-01", "B", "E1", "U4", "2024-01-01"),
            episode("D4", "2024-01-01", "T", "E1", "A5", "2025-06-01", reason_episode_ceased="E11"),
        ],
    )
    put(store, "adoption", [{"child_id": "D4", "date_should_be_placed": "2023-04-01", "foster_care": "1"}])
    # A10: 1 Jan 2023 to 1 May 2023 = 31 + 28 + 31 + 30 = 120 days; A1 runs to the A5 placement: 365 days
    assert figure(store, "adoption.a10") == (120, 1, 120.0)
    assert figure(store, "adoption.a1") == (365, 1, 365.0)


def test_a2_placement_order_to_match(any_store: Store) -> None:
    # D1: order 1 Jun 2023 to match 1 May 2024 = 30+31+31+30+31+30+31 + 31+29+31+30 = 335
    # D2: matched 1 Aug 2023, before the order of 1 Sep 2023: 0. D3: no order, left out.
    assert figure(adoption_store(any_store), "adoption.a2") == (335, 2, 167.5)


def three_year_store(store: Store | None = None, la: str = LA) -> Store:
    """A child adopted in each of 2022/23 and 2023/24, two in 2024/25 and one in 2025/26; all four returns loaded."""
    store = store or Store()
    episodes = {
        2023: [  # H1, adopted in 2022/23: outside the window of 2025/26
            episode("H1", "2021-05-01", "S", "C2", "U6", "2022-05-01"),
            episode("H1", "2022-05-01", "P", "E1", "A3", "2022-12-01"),
        ],
        2024: [
            # E1: placement order 1 Oct 2022, matched 1 Mar 2023, placed 1 Apr 2023
            episode("E1", "2022-04-01", "S", "C2", "U4", "2022-10-01"),
            episode("E1", "2022-10-01", "L", "E1", "U4", "2023-04-01"),
            episode("E1", "2023-04-01", "P", "E1", "A4", "2023-10-01"),
            # F1 and F2 entered care in 2023/24: their first episodes are only in that year's return
            episode("F1", "2023-06-01", "S", "C2", "U6", "2024-01-01"),
            episode("F1", "2024-01-01", "L", "E1", "U6"),
            episode("F2", "2023-09-01", "S", "V2", "U4", "2024-02-01"),
            episode("F2", "2024-02-01", "P", "V2", "U5"),  # fostered by the carers who adopt
        ],
        2025: [
            episode("F1", "2024-01-01", "L", "E1", "U6", "2024-07-01"),
            episode("F1", "2024-07-01", "P", "E1", "A6", "2025-01-01"),
            episode("F2", "2024-02-01", "P", "V2", "U5", "2024-05-01"),
            episode("F2", "2024-05-01", "L", "E1", "U5", "2024-09-01"),
            episode("F2", "2024-09-01", "T", "E1", "A5", "2025-02-01"),
            episode("G1", "2024-04-01", "S", "C2", "U6", "2024-10-01"),
            episode("G1", "2024-10-01", "L", "E1", "U6"),
        ],
        2026: [
            episode("G1", "2024-10-01", "L", "E1", "U6", "2025-06-01"),
            episode("G1", "2025-06-01", "P", "E1", "A4", "2025-12-01"),
        ],
    }
    adopted = {
        2023: [("H1", "2022-04-01", "0")],
        2024: [("E1", "2023-03-01", "0")],
        2025: [("F1", "2024-06-01", "0"), ("F2", "2024-04-15", "1")],  # F2 matched before the order
        2026: [("G1", "2025-05-01", "0")],
    }
    for year, rows in episodes.items():
        put(store, "episode", rows, la=la, year=year)
        put(
            store,
            "adoption",
            [{"child_id": c, "date_matched": m, "foster_care": f} for c, m, f in adopted[year]],
            la=la,
            year=year,
        )
        store.record_load(la, year, "ssda903", "episode", f"episodes_{year}.csv", len(rows), len(rows), 0)
    return store


# Days worked by hand, each month's length written out (2024 is a leap year):
# H1 (2022/23): entered 1 May 2021, placed 1 May 2022 = 365
H1_A1 = 365
# E1 (2023/24): 1 Apr 2022 to 1 Apr 2023 = 365; order 1 Oct 2022 to match 1 Mar 2023 = 31+30+31+31+28 = 151
E1_A1, E1_A2 = 365, 31 + 30 + 31 + 31 + 28
# F1 (2024/25): 1 Jun 2023 to 1 Jul 2024 = 366 + 30 = 396; order 1 Jan 2024 to match 1 Jun 2024 = 31+29+31+30+31 = 152
F1_A1, F1_A2 = 366 + 30, 31 + 29 + 31 + 30 + 31
# F2 (2024/25): 1 Sep 2023 to 1 Sep 2024 = 366; A10 stops at the foster placement of 1 Feb 2024 = 30+31+30+31+31 = 153;
# matched 15 Apr 2024, before the order of 1 May 2024: 0
F2_A1, F2_A10, F2_A2 = 366, 30 + 31 + 30 + 31 + 31, 0
# G1 (2025/26): 1 Apr 2024 to 1 Jun 2025 = 365 + 30 + 31 = 426; 1 Oct 2024 to 1 May 2025 = 31+30+31+31+28+31+30 = 212
G1_A1, G1_A2 = 365 + 30 + 31, 31 + 30 + 31 + 31 + 28 + 31 + 30


def test_3_year_averages_pool_the_children_of_the_three_years(any_store: Store) -> None:
    store = three_year_store(any_store)
    # 2025/26 pools 2023/24 (E1), 2024/25 (F1, F2) and 2025/26 (G1): four children, not a mean of yearly means
    a1 = E1_A1 + F1_A1 + F2_A1 + G1_A1
    assert figure(store, "adoption.a1_3y") == (a1, 4, a1 / 4)  # 1553 / 4 = 388.25
    a10 = E1_A1 + F1_A1 + F2_A10 + G1_A1
    assert figure(store, "adoption.a10_3y") == (a10, 4, a10 / 4)  # 1340 / 4 = 335
    a2 = E1_A2 + F1_A2 + F2_A2 + G1_A2
    assert figure(store, "adoption.a2_3y") == (a2, 4, a2 / 4)  # 515 / 4 = 128.75
    # 2024/25 pools 2022/23 to 2024/25: H1 in, G1 out
    a1 = H1_A1 + E1_A1 + F1_A1 + F2_A1
    assert figure(store, "adoption.a1_3y", year=2025) == (a1, 4, a1 / 4)
    # the pooled sums are the single-year sums of the three years
    singles = [figure(store, "adoption.a1", year=y) for y in (2024, 2025, 2026)]
    assert figure(store, "adoption.a1_3y")[:2] == (sum(s[0] for s in singles), sum(s[1] for s in singles))


def test_3_year_list_names_the_children_and_the_year_each_was_adopted(any_store: Store) -> None:
    members = children(three_year_store(any_store), "adoption.a1_3y", LA, 2026, "pytest")
    got = sorted((m.child_id, m.value, m.detail["adopted_in"]) for m in members)
    assert got == [
        ("E1", E1_A1, "2023/24"),
        ("F1", F1_A1, "2024/25"),
        ("F2", F2_A1, "2024/25"),
        ("G1", G1_A1, "2025/26"),
    ]
    assert str(members[0].detail["entered_care"]) and "foster_care" in members[0].detail


def test_no_3_year_figure_until_all_three_years_are_loaded(any_store: Store) -> None:
    store = three_year_store(any_store)
    # 2023/24 would pool 2021/22 (not loaded), 2022/23 and 2023/24: two years of three, so no figure at all,
    # and no children behind it; the single-year figure is still there.
    assert figure(store, "adoption.a1_3y", year=2024) == (0, 0, None)
    assert figure(store, "adoption.a2_3y", year=2024) == (0, 0, None)
    assert children(store, "adoption.a10_3y", LA, 2024, "pytest") == []
    assert figure(store, "adoption.a1", year=2024) == (E1_A1, 1, E1_A1)
    # 2022/23, the first year loaded: one year of three, no figure either
    assert figure(store, "adoption.a10_3y", year=2023) == (0, 0, None)
    # a gap counts as much as a missing start: with 2024/25 removed, 2025/26 has no 3-year figure
    store.con.execute(f"DELETE FROM episode WHERE la_code = '{LA}' AND collection_year = 2025")
    assert figure(store, "adoption.a1_3y") == (0, 0, None)
    assert figure(store, "adoption.a1")[1] == 1  # the single year still has G1


def test_care_leavers(any_store: Store) -> None:
    store = any_store
    leavers = [
        ("L1", "2008-06-01", "YES", "F2", "B1"),  # 17
        ("L2", "2007-04-01", "NO", "G5", "0"),  # 18 (19 the day after 31 March)
        ("L3", "2005-03-31", "YES", "F4", "U2"),  # 21 on 31 March
        ("L4", "2006-01-01", "REFU", None, "R"),  # 20, residence not known
        ("L5", "2006-05-05", "DIED", None, None),  # died: left out
        ("L6", "2004-01-01", "YES", "F1", "B1"),  # 22: left out
    ]
    put(
        store,
        "care_leaver",
        [
            {"child_id": c, "date_of_birth": b, "in_touch": t, "activity": a, "accommodation": m}
            for c, b, t, a, m in leavers
        ],
    )
    assert figure(store, "leavers.in_touch") == (2, 4, 50.0)  # L1, L3 of L1-L4
    assert figure(store, "leavers.suitable_accommodation") == (1, 3, pytest.approx(100 / 3))  # L1 of L1-L3
    assert figure(store, "leavers.eet_17_18") == (1, 2, 50.0)  # L1 of L1, L2
    assert figure(store, "leavers.eet_19_21") == (1, 2, 50.0)  # L3 of L3, L4
