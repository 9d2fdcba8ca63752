"""Hand-worked tests of the children looked after indicators."""

from __future__ import annotations

from typing import Any

import pytest

from lineofsight.indicators import children
from lineofsight.store import Store

from .rows import LA, figure, put


def episode(child: str, start: str, rne: str, ls: str, place: str, end: str | None = None, **kw: Any) -> dict[str, Any]:
    return {
        "child_id": child,
        "start_date": start,
        "reason_new_episode": rne,
        "legal_status": ls,
        "placement_type": place,
        "end_date": end,
        **kw,
    }


def test_rate_at_31_march_leaves_out_short_breaks(any_store: Store) -> None:
    store = any_store
    put(
        store,
        "episode",
        [
            episode("C1", "2024-05-01", "S", "C2", "U6"),
            episode("C2", "2025-05-01", "S", "V3", "U6"),  # short break
            episode("C3", "2025-05-01", "S", "V2", "U6", "2026-03-31"),  # ceased on 31 March
            episode("C4", "2026-03-31", "S", "V2", "K2"),
        ],
    )
    put(store, "population", [{"la_code": LA, "year": 2025, "population_0_17": 5000}])
    # C1 and C4: 2 / 5,000 x 10,000 = 4.0
    assert figure(store, "cla.rate") == (2, 5000, 4.0)


def test_three_placements_counts_moves_not_episodes(any_store: Store) -> None:
    store = any_store
    put(
        store,
        "episode",
        [
            # S1: in U6 on 1 April (1), legal status change only (not a move), P to U4 (2), P to K2 (3)
            episode("S1", "2024-01-01", "S", "C1", "U6", "2025-06-01"),
            episode("S1", "2025-06-01", "L", "C2", "U6", "2025-09-01"),
            episode("S1", "2025-09-01", "P", "C2", "U4", "2025-12-01"),
            episode("S1", "2025-12-01", "P", "C2", "K2"),
            # S2: U6 (1), a week's temporary placement and the return to U6 are not moves
            episode("S2", "2025-05-01", "S", "V2", "U6", "2025-07-01"),
            episode("S2", "2025-07-01", "P", "V2", "T2", "2025-07-08"),
            episode("S2", "2025-07-08", "P", "V2", "U6"),
            # S3: U6 (1), B to U4 (2), placed for adoption with the same foster carer (T, not a move)
            episode("S3", "2024-01-01", "S", "C2", "U6", "2025-06-01"),
            episode("S3", "2025-06-01", "B", "E1", "U4", "2026-01-01"),
            episode("S3", "2026-01-01", "T", "E1", "A5"),
            # S4: short breaks only; S5: three placements but left care before 31 March
            episode("S4", "2025-05-01", "S", "V3", "U6"),
            episode("S5", "2025-04-10", "S", "V2", "U6", "2025-05-01"),
            episode("S5", "2025-05-01", "P", "V2", "U4", "2025-06-01"),
            episode("S5", "2025-06-01", "P", "V2", "K2", "2025-07-01"),
        ],
    )
    # Cohort S1, S2, S3; only S1 has 3 placements: 1 / 3
    assert figure(store, "cla.stability_3plus") == (1, 3, pytest.approx(100 / 3))


def test_three_placements_counts_b_t_and_u_episodes(any_store: Store) -> None:
    """RNE as the DfE SSDA903 guide defines it: B new placement and carers with a new legal status, T another
    placement with the same carers, U the same with a new legal status. Each starts a placement; L does not."""
    store = any_store
    put(
        store,
        "episode",
        [
            # B1: U6 (1), B to K2 with new carers (2), P to U4 (3): three
            episode("B1", "2025-04-01", "S", "C1", "U6", "2025-07-01"),
            episode("B1", "2025-07-01", "B", "C2", "K2", "2025-10-01"),
            episode("B1", "2025-10-01", "P", "C2", "U4"),
            # T1: U6 (1), T to U4 with the same carers (2), P to K2 (3): three
            episode("T1", "2025-04-01", "S", "C2", "U6", "2025-08-01"),
            episode("T1", "2025-08-01", "T", "C2", "U4", "2025-11-01"),
            episode("T1", "2025-11-01", "P", "C2", "K2"),
            # U1: U6 (1), U to U4 with the same carers and a care order (2), L to a placement order: two
            episode("U1", "2025-04-01", "S", "C1", "U6", "2025-06-01"),
            episode("U1", "2025-06-01", "U", "C2", "U4", "2025-12-01"),
            episode("U1", "2025-12-01", "L", "E1", "U4"),
            # L1: U6 (1), two changes of legal status only: one
            episode("L1", "2025-04-01", "S", "V2", "U6", "2025-06-01"),
            episode("L1", "2025-06-01", "L", "C1", "U6", "2025-09-01"),
            episode("L1", "2025-09-01", "L", "C2", "U6"),
        ],
    )
    # Cohort B1, T1, U1, L1 (all in care at 31 March); three or more placements: B1 and T1. 2 / 4 = 50%
    assert figure(store, "cla.stability_3plus") == (2, 4, 50.0)
    listed = {m.child_id: m.value for m in children(store, "cla.stability_3plus", LA, 2026, "analyst")}
    assert listed == {"B1": 3.0, "T1": 3.0, "U1": 2.0, "L1": 1.0}


def test_long_term_stability_reads_the_carer_from_rne(any_store: Store) -> None:
    """Same carer for 2 years: T and U keep the carers (the placement type changed), B brings new carers,
    and a move into fostering for adoption (U5) counts as a change even with the same carers (DfE, since 2021)."""
    store = any_store
    put(
        store,
        "episode",
        [
            episode("K1", "2022-01-01", "S", "C2", "U6", "2024-06-01"),
            episode("K1", "2024-06-01", "T", "C2", "U4"),  # short- to long-term fostering, same carers: stable
            episode("K2", "2022-01-01", "S", "C1", "U6", "2024-06-01"),
            episode("K2", "2024-06-01", "B", "C2", "K2"),  # care order and new carers: placed since June 2024
            episode("K3", "2022-01-01", "S", "C1", "U6", "2024-06-01"),
            episode("K3", "2024-06-01", "U", "C2", "U4"),  # care order, same carers now long-term: stable
            episode("K4", "2022-01-01", "S", "C2", "U6", "2024-06-01"),
            episode("K4", "2024-06-01", "T", "C2", "U5"),  # same carers, now fostering for adoption: a change
        ],
    )
    put(store, "child", [{"child_id": c, "date_of_birth": "2012-01-01"} for c in ("K1", "K2", "K3", "K4")])
    # All four under 16 and in care since January 2022 (before 30 September 2023); in the same placement since
    # 31 March 2024 or earlier: K1 and K3. 2 / 4 = 50%
    assert figure(store, "cla.stability_long_term") == (2, 4, 50.0)


def test_long_term_stability(any_store: Store) -> None:
    store = any_store
    # 31 March 2026: in care since 30 Sep 2023 or earlier, in the placement since 31 Mar 2024 or earlier.
    # T1's first episode ended before 2025/26, so it is only in the earlier returns.
    for year in (2024, 2025):
        put(store, "episode", [episode("T1", "2023-09-30", "S", "C1", "U6", "2024-05-01")], year=year)
    put(
        store,
        "episode",
        [
            episode("T1", "2024-05-01", "L", "C2", "U6"),  # legal status only: still the 2023 placement
            episode("T2", "2022-01-01", "S", "C2", "U6", "2024-04-01"),
            episode("T2", "2024-04-01", "P", "C2", "U4"),  # placement a day short of 2 years
            episode("T3", "2022-01-01", "S", "C2", "U4", "2024-03-31"),
            episode("T3", "2024-03-31", "P", "C2", "U4"),  # exactly 2 years
            episode("T4", "2020-01-01", "S", "C2", "U4"),  # aged 16 on 31 March: left out
            episode("T5", "2023-10-01", "S", "C2", "U4"),  # in care a day short of 2.5 years: left out
            episode("T6", "2022-01-01", "S", "C2", "U6", "2023-06-01"),
            episode("T6", "2023-06-01", "P", "C2", "U6", "2025-06-01"),  # previous placement from Jun 2023
            episode("T6", "2025-06-01", "B", "E1", "A6"),  # placement order and placed with new carers at once
        ],
    )
    born = {"T1": "2012-01-01", "T2": "2012-01-01", "T3": "2012-01-01", "T4": "2009-06-01", "T5": "2012-01-01"}
    born["T6"] = "2020-01-01"
    put(store, "child", [{"child_id": c, "date_of_birth": dob} for c, dob in born.items()])
    # Cohort T1, T2, T3, T6; stable T1 (L is not a move), T3 (2 years to the day), T6 (adoption): 3 / 4
    assert figure(store, "cla.stability_long_term") == (3, 4, 75.0)


def test_placed_more_than_20_miles_is_strict(any_store: Store) -> None:
    store = any_store
    put(
        store,
        "postcode",
        [
            {"postcode": "AA11AA", "easting": 400000, "northing": 300000},
            # 32,186 m east: 32.186 / 1.6093 = 20.0 miles exactly, which is not MORE than 20
            {"postcode": "BB22BB", "easting": 432186, "northing": 300000},
            # 32,300 m north: 32.3 / 1.6093 = 20.07, 20.1 to 1 dp: more than 20
            {"postcode": "CC33CC", "easting": 400000, "northing": 332300},
            {"postcode": "DD44DD", "easting": 410000, "northing": 300000},  # 6.2 miles
        ],
    )
    put(
        store,
        "episode",
        [
            episode("P1", "2025-05-01", "S", "C2", "U4", home_postcode="AA1 1AA", placement_postcode="bb2 2bb"),
            episode("P2", "2025-05-01", "S", "C2", "U4", home_postcode="AA1 1AA", placement_postcode="CC3 3CC"),
            episode("P3", "2025-05-01", "S", "C2", "U4", home_postcode="AA1 1AA", placement_postcode="DD4 4DD"),
            episode("P4", "2025-05-01", "S", "C2", "U4", placement_postcode="DD4 4DD"),  # home not known
        ],
    )
    # P2 only; P4 (not known) stays in the denominator: 1 / 4
    assert figure(store, "cla.placed_20_miles") == (1, 4, 25.0)
    listed = {m.child_id: m.value for m in children(store, "cla.placed_20_miles", LA, 2026, "analyst")}
    assert listed == {"P1": 20.0, "P2": 20.1, "P3": 6.2, "P4": None}


def test_missing_counts_children_with_a_missing_incident(any_store: Store) -> None:
    store = any_store
    put(
        store,
        "episode",
        [
            episode("M1", "2025-04-01", "S", "C2", "U4"),
            episode("M2", "2025-04-01", "S", "C2", "U4"),
            episode("M3", "2025-01-01", "S", "C2", "U4"),
            episode("M4", "2024-01-01", "S", "C2", "U4", "2025-04-02"),
            episode("M5", "2025-04-01", "S", "V3", "U4"),  # short breaks
        ],
    )
    put(
        store,
        "missing",
        [
            {"child_id": "M1", "missing_type": "M", "start_date": "2025-06-01"},
            {"child_id": "M1", "missing_type": "M", "start_date": "2025-07-01"},
            {"child_id": "M2", "missing_type": "A", "start_date": "2025-06-01"},  # away, not missing
            {"child_id": "M3", "missing_type": "M", "start_date": "2025-03-01"},  # last year
            {"child_id": "M5", "missing_type": "M", "start_date": "2025-06-01"},
        ],
    )
    # Looked after in the year: M1-M4; missing: M1: 1 / 4
    assert figure(store, "cla.missing") == (1, 4, 25.0)


def test_health_measures_of_the_oc2_cohort(any_store: Store) -> None:
    store = any_store
    ages = {"H1": "2015-06-01", "H2": "2010-06-01", "H3": "2017-06-01", "H4": "2008-06-01", "H5": "2012-01-01"}
    put(store, "episode", [episode(c, "2020-01-01", "S", "C2", "U4") for c in ("H1", "H2", "H3", "H4")])
    put(store, "episode", [episode("H5", "2024-01-01", "S", "V3", "U4")])
    flags = {  # health assessment, teeth, immunisations, SDQ
        "H1": ("1", "1", "1", 10),  # aged 10
        "H2": ("0", "1", "0", 20),  # aged 15
        "H3": ("1", "0", "1", None),  # aged 8, no SDQ
        "H4": ("1", "1", "0", 30),  # aged 17: outside the SDQ ages
        "H5": ("0", "0", "0", 40),  # short breaks only: left out
    }
    put(
        store,
        "health_outcome",
        [
            {"child_id": c, "date_of_birth": ages[c], "health_assessment": h, "teeth_check": t}
            | {"immunisations": i, "sdq_score": s}
            for c, (h, t, i, s) in flags.items()
        ],
    )
    assert figure(store, "cla.health_assessments") == (3, 4, 75.0)  # H1, H3, H4
    assert figure(store, "cla.dental_checks") == (3, 4, 75.0)  # H1, H2, H4
    assert figure(store, "cla.immunisations") == (2, 4, 50.0)  # H1, H3
    assert figure(store, "cla.sdq_mean") == (30, 2, 15.0)  # (10 + 20) / 2
