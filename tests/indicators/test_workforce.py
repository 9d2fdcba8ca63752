"""Hand-worked tests of the workforce indicators (census 30 September 2025 = collection year 2026)."""

from __future__ import annotations

import pytest

from lineofsight.store import Store

from .rows import LA, figure, put


def workforce_store(store: Store | None = None, la: str = LA) -> Store:
    store = store or Store()
    workers = [
        # id, agency, fte, start, leaving, qualified, cases, absence days
        ("W1", False, 1.0, "2015-01-01", None, "2014-07-01", 20, 10),
        ("W2", False, 0.5, "2024-01-01", None, "2022-09-30", 10, 5),  # qualified 3 years to the day
        ("W3", True, 1.0, "2025-06-01", None, "2023-01-01", 15, None),  # agency
        ("W4", False, 0.8, "2018-01-01", "2025-03-01", "2010-01-01", 0, 3),  # left in the census year
        ("W5", False, 1.0, "2018-01-01", "2024-09-30", "2010-01-01", 0, 0),  # left the year before
        ("W6", False, 1.0, "2025-10-01", None, "2020-01-01", 5, 0),  # starts after the census
        ("W7", False, 0.5, "2020-01-01", None, None, 0, 0),  # no qualification date, no cases
    ]
    put(
        store,
        "worker",
        [
            {"worker_id": w, "role": "5", "agency": a, "fte": f, "start_date": s, "leaving_date": left}
            | {"qualification_date": q, "cases": c, "absence_days": days}
            for w, a, f, s, left, q, c, days in workers
        ],
        la=la,
    )
    put(store, "vacancy", [{"role": "5", "vacancies_fte": 0.7}, {"role": "4", "vacancies_fte": 0.5}], la=la)
    return store


def test_turnover_agency_and_vacancy_rates(any_store: Store) -> None:
    store = workforce_store(any_store)
    # Employed in post at 30 Sep 2025: W1 1.0 + W2 0.5 + W7 0.5 = 2.0 FTE; leavers W4 0.8: 40%
    assert figure(store, "workforce.turnover") == (0.8, 2.0, 40.0)
    # All in post 3.0 FTE (W1, W2, W3, W7); agency W3 1.0: 33.3%
    assert figure(store, "workforce.agency") == (1.0, 3.0, pytest.approx(100 / 3))
    # Vacancies 1.2 / (1.2 + employed 2.0): 37.5%
    assert figure(store, "workforce.vacancy") == (1.2, 3.2, 37.5)


def test_caseload_absence_and_experience(any_store: Store) -> None:
    store = workforce_store(any_store)
    # Case holders in post: W1 20, W2 10, W3 15 cases over 1.0 + 0.5 + 1.0 FTE: 45 / 2.5 = 18
    assert figure(store, "workforce.caseload") == (45, 2.5, 18.0)
    # Employed in post: 10 + 5 + 0 days / (2.0 FTE x 253 days) = 15 / 506 = 2.964%
    assert figure(store, "workforce.absence") == (15, 506, pytest.approx(1500 / 506))
    # FTE in post with a qualification date: W1 1.0 + W2 0.5 + W3 1.0 = 2.5; qualified by 30 Sep 2022:
    # W1 + W2 = 1.5: 60%
    assert figure(store, "workforce.experience_3y") == (1.5, 2.5, 60.0)
