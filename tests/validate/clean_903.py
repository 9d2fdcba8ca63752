"""A small, clean SSDA903 return for 2025/26 (council 681), written out as model rows,
and the part of the council's 2024/25 return that the rules comparing years read.

Five invented children cover the tables: C1 in care all year (OC2, missing, reviews),
C2 and C5 starting care in the year (C5 unaccompanied asylum-seeking), C3 a care
leaver (OC3) and C4 adopted in the year. No rule fires on it; each rule's test
mutates one value of it. Last year's tables sit beside this year's under the key
`previous.<table>` (see `with_previous`).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from lineofsight.model import TABLES
from lineofsight.store import POSTCODE, Store

D = dt.date
LA, YEAR = "681", 2026
Return = dict[str, list[dict[str, Any]]]

# Postcode centroids (British National Grid metres) the episodes refer to.
POSTCODES = {
    "ZZ11AA": (400000.0, 300000.0),
    "ZZ12AB": (405000.0, 302000.0),
    "ZZ13AC": (410000.0, 290000.0),
    "ZZ14AD": (398000.0, 310000.0),
    "ZZ15AE": (420000.0, 305000.0),
    "ZZ99ZZ": (400000.0, 900000.0),  # 600 km north: only mutations use it
}


def _ep(child: str, start: D, rne: str, ls: str, place: str, provider: str, **more: Any) -> dict[str, Any]:
    row = {
        "child_id": child,
        "start_date": start,
        "reason_new_episode": rne,
        "legal_status": ls,
        "cin_category": more.pop("cin", "N1"),
        "placement_type": place,
        "placement_provider": provider,
        "end_date": None,
        "reason_episode_ceased": None,
        "reason_place_change": None,
        "home_postcode": "ZZ1 1AA",
        "placement_postcode": "ZZ1 2AB",
        "urn": "SC123456",
    }
    row.update(more)
    return row


def clean_return() -> Return:
    c1, c2, c3, c4, c5 = D(2012, 5, 10), D(2020, 3, 10), D(2007, 2, 1), D(2021, 6, 1), D(2009, 10, 1)
    return copy.deepcopy(
        {
            "child": [
                _child("C1", "F", c1, "WBRI", "A123456789012", mother="0"),
                _child("C2", "M", c2, "MWBA", "B123456789012"),
                _child("C3", "F", c3, "AIND", "C12345678901A"),
                _child("C4", "M", c4, "WBRI", "UN1"),
                _child("C5", "M", c5, "BAFR", "UN3"),
            ],
            "episode": [
                _ep(
                    "C1",
                    D(2024, 1, 15),
                    "S",
                    "C2",
                    "U6",
                    "PR1",
                    end_date=D(2025, 6, 1),
                    reason_episode_ceased="X1",
                    reason_place_change="CARPL",
                ),
                _ep("C1", D(2025, 6, 1), "P", "C2", "U4", "PR4", placement_postcode="ZZ1 3AC", urn="SC654321"),
                _ep("C2", D(2025, 7, 1), "S", "V2", "U6", "PR1", cin="N4", home_postcode="ZZ1 4AD"),
                _ep(
                    "C4",
                    D(2023, 1, 10),
                    "S",
                    "C2",
                    "U4",
                    "PR1",
                    end_date=D(2025, 5, 1),
                    reason_episode_ceased="X1",
                    reason_place_change="CARPL",
                ),
                _ep(
                    "C4",
                    D(2025, 5, 1),
                    "U",  # placement order and placed for adoption with the same (foster) carers at once
                    "E1",
                    "A5",
                    "PR1",
                    end_date=D(2026, 1, 15),
                    reason_episode_ceased="E11",
                    urn="SC555555",
                ),
                _ep("C5", D(2025, 10, 1), "S", "V2", "K2", "PR4", cin="N4", home_postcode="ZZ1 5AE", urn="SC777777"),
            ],
            "review": [
                {"child_id": "C1", "date_of_birth": c1, "review_date": D(2025, 5, 1), "participation": "PN1"},
                {"child_id": "C1", "date_of_birth": c1, "review_date": D(2025, 11, 1), "participation": "PN1"},
                {"child_id": "C2", "date_of_birth": c2, "review_date": D(2025, 9, 1), "participation": "PN1"},
                {"child_id": "C4", "date_of_birth": c4, "review_date": D(2025, 4, 15), "participation": "PN0"},
                {"child_id": "C5", "date_of_birth": c5, "review_date": D(2025, 11, 1), "participation": "PN1"},
            ],
            "uasc": [{"child_id": "C5", "sex": "M", "date_of_birth": c5, "date_uasc_ceased": None}],
            "health_outcome": [
                {
                    "child_id": "C1",
                    "date_of_birth": c1,
                    "sdq_score": 12,
                    "sdq_reason": None,
                    "convicted": "0",
                    "health_check": None,
                    "immunisations": "1",
                    "teeth_check": "1",
                    "health_assessment": "1",
                    "substance_misuse": "0",
                    "intervention_received": None,
                    "intervention_offered": None,
                }
            ],
            "care_leaver": [
                {"child_id": "C3", "date_of_birth": c3, "in_touch": "YES", "activity": "F2", "accommodation": "B1"}
            ],
            "adoption": [
                {
                    "child_id": "C4",
                    "date_of_birth": c4,
                    "date_should_be_placed": D(2024, 9, 1),
                    "date_matched": D(2025, 4, 20),
                    "foster_care": "1",
                    "number_of_adopters": "2",
                    "sex_of_adopters": "MF",
                    "legal_status_of_adopters": "L11",
                }
            ],
            "placed_for_adoption": [
                {
                    "child_id": "C4",
                    "date_of_birth": c4,
                    "date_placed": D(2024, 9, 1),
                    "date_placed_ceased": None,
                    "reason_placed_ceased": None,
                }
            ],
            "previous_permanence": [
                {
                    "child_id": c,
                    "date_of_birth": dob,
                    "previous_permanence": "Z1",
                    "la_of_permanence": None,
                    "date_of_permanence": None,
                }
                for c, dob in (("C2", c2), ("C5", c5))
            ],
            "missing": [
                {
                    "child_id": "C1",
                    "date_of_birth": c1,
                    "missing_type": "M",
                    "start_date": D(2025, 8, 1),
                    "end_date": D(2025, 8, 2),
                }
            ],
            "social_worker_episode": [
                _sw("C1", c1, D(2024, 1, 15)),
                _sw("C2", c2, D(2025, 7, 1)),
                _sw("C4", c4, D(2023, 1, 10), D(2026, 1, 15), "OTHERS"),
                _sw("C5", c5, D(2025, 10, 1)),
            ],
        }
    )


PREVIOUS = "previous."  # the key prefix of last year's tables in a Return


def previous_return() -> Return:
    """Council 681's 2024/25 return as far as the comparisons with last year read it: C1 and C4 in an
    episode still open at 31 March 2025 (the episodes their 2025/26 return starts with), C1 back
    from a missing period, C3 a care leaver in touch."""
    c1, c3, c4 = D(2012, 5, 10), D(2007, 2, 1), D(2021, 6, 1)
    return {
        "child": [
            _child("C1", "F", c1, "WBRI", "A123456789012", mother="0"),
            _child("C3", "F", c3, "AIND", "C12345678901A"),
            _child("C4", "M", c4, "WBRI", "UN1"),
        ],
        "episode": [
            _ep("C1", D(2024, 1, 15), "S", "C2", "U6", "PR1"),
            _ep("C4", D(2023, 1, 10), "S", "C2", "U4", "PR1"),
        ],
        "missing": [
            {
                "child_id": "C1",
                "date_of_birth": c1,
                "missing_type": "M",
                "start_date": D(2024, 11, 1),
                "end_date": D(2024, 11, 3),
            }
        ],
        "care_leaver": [
            {"child_id": "C3", "date_of_birth": c3, "in_touch": "YES", "activity": "F2", "accommodation": "B1"}
        ],
    }


def with_previous(data: Return, previous: Return | None = None) -> Return:
    """This year's return with last year's (default: `previous_return()`) beside it."""
    earlier = previous_return() if previous is None else previous
    return {**data, **{PREVIOUS + name: rows for name, rows in earlier.items()}}


def _child(child: str, sex: str, dob: D, ethnic: str, upn: str, mother: str | None = None) -> dict[str, Any]:
    return {
        "child_id": child,
        "sex": sex,
        "date_of_birth": dob,
        "ethnicity": ethnic,
        "upn": upn,
        "mother": mother,
        "mother_child_dob": None,
    }


def _sw(child: str, dob: D, start: D, end: D | None = None, reason: str | None = "FCONTA") -> dict[str, Any]:
    return {
        "child_id": child,
        "date_of_birth": dob,
        "social_worker_id": f"SW{child}",
        "start_date": start,
        "end_date": end,
        "reason_change": reason,
    }


def store_of(data: Return, store: Store | None = None, year: int = YEAR) -> Store:
    """A store holding (only) the return for `year`, each table as if read from its own CSV (header = row 1),
    and last year's tables (`previous.<table>`) under the year before.

    Pass a store to reuse it: its SSDA903 tables are emptied first (building a store's
    calendar is the slow part of a small test)."""
    if store is None:
        store = Store()
    else:
        for table in TABLES.values():
            if table.dataset == "ssda903":
                store.con.execute(f"DELETE FROM {table.name}")
        store.con.execute("DELETE FROM postcode")
    for name, rows in data.items():
        if not rows:
            continue
        table = TABLES[name.removeprefix(PREVIOUS)]
        columns: dict[str, list[Any]] = {c.name: [r.get(c.name) for r in rows] for c in table.columns}
        columns["la_code"] = [LA] * len(rows)
        columns["collection_year"] = [year - 1 if name.startswith(PREVIOUS) else year] * len(rows)
        columns["source_file"] = [f"{table.source_name}.csv"] * len(rows)
        columns["source_row"] = list(range(2, len(rows) + 2))
        store.insert_columns(table, columns)
    centroids = {
        "postcode": list(POSTCODES),
        "easting": [e for e, _ in POSTCODES.values()],
        "northing": [n for _, n in POSTCODES.values()],
        "district": ["E08000001"] * len(POSTCODES),
    }
    store.insert_columns(POSTCODE, centroids)
    return store
