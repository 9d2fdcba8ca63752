"""Hand-worked tests of the adoption and care leaver indicators."""

from __future__ import annotations

import pytest

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
            episode("D2", "2024-03-01", "U", "E1", "A5", "2025-10-01"),
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


def test_a1_entering_care_to_moving_in() -> None:
    # D1: 1 Jan 2023 to 1 Jun 2024 = 365 + 31 + 29 + 31 + 30 + 31 = 517 days
    # D2: 1 Mar 2023 to 1 Mar 2024 (placed for adoption) = 366 days (29 Feb 2024)
    # D3: 1 Jan 2024 to 1 Sep 2024 = 31 + 29 + 31 + 30 + 31 + 30 + 31 + 31 = 244 days
    assert figure(adoption_store(), "adoption.a1") == (1127, 3, pytest.approx(1127 / 3))


def test_a10_stops_the_clock_when_the_foster_carer_adopts() -> None:
    # D2 is adopted by its foster carer: clock stops 1 Jul 2023 = 31 + 30 + 31 + 30 = 122 days
    assert figure(adoption_store(), "adoption.a10") == (517 + 122 + 244, 3, pytest.approx(883 / 3))


def test_a2_placement_order_to_match() -> None:
    # D1: order 1 Jun 2023 to match 1 May 2024 = 30+31+31+30+31+30+31 + 31+29+31+30 = 335
    # D2: matched 1 Aug 2023, before the order of 1 Sep 2023: 0. D3: no order, left out.
    assert figure(adoption_store(), "adoption.a2") == (335, 2, 167.5)


def test_care_leavers() -> None:
    store = Store()
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
