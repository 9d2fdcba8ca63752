"""Annex A: lists drawn from a planted store, the cover sheet's gaps, and the round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lineofsight.errors import UserError
from lineofsight.formats import annex_a as fmt
from lineofsight.model import TABLES
from lineofsight.qa import annex_a
from lineofsight.store import Store

COUNCIL = "999"
AS_AT = dt.date(2026, 3, 31)  # six months back: from 1 October 2025; twelve: from 1 April 2025
D = dt.date


def plant(store: Store, table: str, rows: list[dict[str, Any]], year: int = 2026) -> None:
    names = {c.name for c in TABLES[table].all_columns}
    columns = {n: [r.get(n) for r in rows] for n in names}
    columns.update(la_code=[COUNCIL] * len(rows), collection_year=[year] * len(rows))
    store.insert_columns(TABLES[table], columns)


def planted() -> Store:
    s = Store()
    plant(
        s,
        "cin_child",
        [
            {"child_id": "C1", "sex": "M", "ethnicity": "WBRI", "date_of_birth": D(2015, 6, 1)},
            {"child_id": "C2", "sex": "F", "ethnicity": "AIND", "date_of_birth": D(2012, 1, 15)},
            {"child_id": "C3", "sex": "U", "ethnicity": "NOBT", "date_of_birth": D(2020, 3, 1)},
        ],
    )
    plant(s, "cin_disability", [{"child_id": "C1", "disability": "NONE"}, {"child_id": "C2", "disability": "LD"}])
    plant(
        s,
        "contact",
        [
            {"child_id": "C1", "contact_date": D(2025, 11, 1), "contact_source": "1A"},
            {"child_id": "C2", "contact_date": D(2026, 1, 10), "contact_source": "6"},
            {"child_id": "C2", "contact_date": D(2025, 3, 1), "contact_source": "6"},  # before the window
        ],
    )
    plant(
        s,
        "early_help",
        [
            {
                "child_id": "C3",
                "start_date": D(2025, 9, 1),
                "end_date": D(2025, 12, 1),
                "organisation": "=HYPERLINK(1)",
            },
        ],
    )
    plant(
        s,
        "referral",
        [
            {
                "child_id": "C1",
                "referral_id": 1,
                "referral_date": D(2025, 11, 2),
                "referral_source": "1A",
                "primary_need": "N1",
                "referral_nfa": "false",
            },
            {
                "child_id": "C2",
                "referral_id": 1,
                "referral_date": D(2026, 1, 11),
                "referral_source": "6",
                "primary_need": "N4",
                "closure_date": D(2026, 3, 1),
                "reason_for_closure": "RC8",
                "referral_nfa": "false",
            },
            {
                "child_id": "C3",
                "referral_id": 1,
                "referral_date": D(2025, 10, 1),
                "referral_source": "5D",
                "primary_need": "N5",
                "referral_nfa": "false",
            },
        ],
    )
    plant(
        s,
        "assessment",
        [
            {
                "child_id": "C1",
                "referral_id": 1,
                "assessment_id": 1,
                "start_date": D(2025, 11, 3),
                "authorisation_date": D(2025, 12, 1),
            },
        ],
    )
    plant(
        s,
        "section47",
        [
            {
                "child_id": "C1",
                "referral_id": 1,
                "start_date": D(2025, 11, 5),
                "icpc_date": D(2025, 11, 20),
                "icpc_not_required": "false",
            },
        ],
    )
    plant(
        s,
        "protection_plan",
        [
            {
                "child_id": "C1",
                "referral_id": 1,
                "start_date": D(2025, 11, 20),
                "initial_category": "NEG",
                "latest_category": "EMO",
                "previous_plans": 1,
            },
        ],
    )
    plant(
        s,
        "protection_plan_review",
        [
            {"child_id": "C1", "referral_id": 1, "plan_start_date": D(2025, 11, 20), "review_date": D(2026, 2, 15)},
        ],
    )
    plant(
        s,
        "child",
        [
            {"child_id": "C4", "sex": "F", "ethnicity": "BAFR", "date_of_birth": D(2010, 5, 5)},
            {"child_id": "C5", "sex": "M", "ethnicity": "WBRI", "date_of_birth": D(2008, 2, 2)},
            {"child_id": "C8", "sex": "M", "ethnicity": "MWBC", "date_of_birth": D(2024, 1, 1)},
        ],
    )
    episode = {"cin_category": "N1", "placement_provider": "PR1", "reason_new_episode": "S"}
    plant(
        s,
        "episode",
        [
            {
                **episode,
                "child_id": "C4",
                "start_date": D(2025, 6, 1),
                "legal_status": "C2",
                "placement_type": "U4",
                "placement_postcode": "ZZ1 1ZZ",
                "urn": "SC000001",
            },
            {
                **episode,
                "child_id": "C5",
                "start_date": D(2024, 9, 1),
                "legal_status": "V2",
                "placement_type": "K2",
                "end_date": D(2025, 8, 1),
                "reason_episode_ceased": "E4A",
                "placement_provider": "PR4",
            },
            {**episode, "child_id": "C8", "start_date": D(2025, 8, 1), "legal_status": "E1", "placement_type": "A5"},
            {
                **episode,
                "child_id": "C9",
                "start_date": D(2023, 1, 1),
                "legal_status": "C2",
                "placement_type": "U4",
                "end_date": D(2024, 1, 1),
                "reason_episode_ceased": "E8",
            },  # left care before the window
        ],
    )
    plant(s, "review", [{"child_id": "C4", "review_date": D(2025, 12, 1), "participation": "PN1"}])
    plant(
        s,
        "missing",
        [
            {"child_id": "C4", "missing_type": "M", "start_date": D(2025, 10, 10)},
            {"child_id": "C4", "missing_type": "M", "start_date": D(2026, 1, 5)},
            {"child_id": "C4", "missing_type": "A", "start_date": D(2026, 2, 5)},
        ],
    )
    plant(s, "uasc", [{"child_id": "C4", "sex": "F"}])
    plant(s, "social_worker_episode", [{"child_id": "C4", "social_worker_id": "SW1", "start_date": D(2025, 6, 1)}])
    plant(
        s,
        "care_leaver",
        [
            {"child_id": "C6", "in_touch": "YES", "activity": "F2", "accommodation": "D1"},
            {"child_id": "C7", "in_touch": "NO", "activity": "G5", "accommodation": "R"},
        ],
    )
    plant(s, "placed_for_adoption", [{"child_id": "C8", "date_placed": D(2025, 9, 1)}])
    return s


def test_lists_hold_the_records_in_their_windows() -> None:
    lists = annex_a.lists(planted(), COUNCIL, AS_AT)
    assert [r["child_id"] for r in lists[1]] == ["C1", "C2"]  # C2's March 2025 contact is before 1 October
    assert lists[1][0]["age"] == 10  # born 1 June 2015: 10 on 31 March 2026
    assert [(r["child_id"], r["disabled"]) for r in lists[3]] == [("C1", "N"), ("C2", "Y"), ("C3", "U")]
    status = {r["child_id"]: r["case_status"] for r in lists[6]}
    assert status == {"C1": "CPP", "C2": "CLOSED", "C3": None}
    s47 = lists[5][0]
    assert (s47["icpc_plan"], s47["s47_12m"], s47["icpc_12m"]) == ("Y", 1, 1)  # the plan started on the ICPC date
    assert lists[7][0]["latest_review"] == D(2026, 2, 15)
    cla = {r["child_id"]: r for r in lists[8]}
    assert sorted(cla) == ["C4", "C5", "C8"]  # C9 left care in January 2024
    c4 = cla["C4"]
    # C4: two missing (October, January) and one absence (February) in the twelve months; UASC; worker SW1.
    assert (c4["missing_12m"], c4["absent_12m"], c4["uasc"], c4["social_worker_id"]) == (2, 1, "Y", "SW1")
    assert (cla["C5"]["end_date"], cla["C5"]["reason_episode_ceased"]) == (D(2025, 8, 1), "E4A")
    leavers = {r["child_id"]: (r["accommodation_type"], r["suitability"]) for r in lists[9]}
    assert leavers == {"C6": ("D", "1"), "C7": ("R", None)}
    adoption = lists[10][0]
    assert (adoption["period_start"], adoption["placement_order"], adoption["placed_for_adoption"]) == (
        D(2025, 8, 1),
        D(2025, 8, 1),
        D(2025, 8, 1),
    )


def test_workbook_layout_cover_and_no_formulas(tmp_path: Path) -> None:
    out = tmp_path / "annex_a.xlsx"
    counts = annex_a.write(planted(), COUNCIL, AS_AT, out)
    assert counts == {1: 2, 2: 1, 3: 3, 4: 1, 5: 1, 6: 3, 7: 1, 8: 3, 9: 2, 10: 1, 11: 0}
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Cover"] + [f"List {n}" for n in range(1, 12)]
    assert [c.value for c in book["List 1"][1]] == [
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "Date of Contact",
        "Contact Source",
    ]
    assert [c.value for c in book["List 1"][2]][1:3] == ["a) Male", "a) WBRI"]
    assert book["List 2"]["H2"].value == "'=HYPERLINK(1)"
    assert all(c.data_type != "f" for ws in book.worksheets for row in ws.iter_rows() for c in row)
    cover = [tuple(c.value for c in row) for row in book["Cover"].iter_rows()]
    listed = {
        (r[0], r[1]) for r in cover if r[0] and str(r[0]).startswith("List ") and r[2] and not isinstance(r[2], int)
    }
    assert listed == {(a.sheet, col.header) for a, col in fmt.gaps()}
    assert ("List 3", "Allocated Team") in listed and ("List 11", "Date enquiry received") in listed


def test_round_trip_gives_the_same_lists(tmp_path: Path) -> None:
    original = planted()
    out = tmp_path / "annex_a.xlsx"
    annex_a.write(original, COUNCIL, AS_AT, out)
    again = Store()
    loaded, problems = annex_a.load(again, out, COUNCIL)
    assert problems == []
    assert loaded["referral"] == 3 and loaded["episode"] == 3
    before, after = annex_a.lists(original, COUNCIL, AS_AT), annex_a.lists(again, COUNCIL, AS_AT)
    # What Annex A cannot carry back: which disability (only yes/no), and list 8's counts of missing
    # episodes and return interviews (counts, not the episodes themselves).
    lost = {"disabled", "missing_12m", "absent_12m", "rhi_offered", "rhi_accepted"}
    for number in range(1, 12):
        strip = [{k: v for k, v in r.items() if k not in lost} for r in before[number]]
        assert strip == [{k: v for k, v in r.items() if k not in lost} for r in after[number]], f"List {number}"
    # Loading the same workbook again replaces its rows rather than doubling them.
    annex_a.load(again, out, COUNCIL)
    assert again.count("referral") == 3


def test_bad_cells_named_and_not_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "annex_a.xlsx"
    annex_a.write(planted(), COUNCIL, AS_AT, out)
    book = openpyxl.load_workbook(out)
    book["List 1"]["F2"] = "last Tuesday"
    book["List 1"]["G3"] = "carrier pigeon"
    book.save(out)
    loaded, problems = annex_a.load(Store(), out, COUNCIL)
    assert [(p.sheet, p.row, p.column) for p in problems] == [
        ("List 1", 2, "Date of Contact"),
        ("List 1", 3, "Contact Source"),
    ]
    assert loaded["contact"] == 0
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(UserError, match="not an Excel workbook"):
        annex_a.load(Store(), junk, COUNCIL)


def test_reads_a_council_own_workbook_with_plain_values(tmp_path: Path) -> None:
    """Councils fill the template by hand: labels without prefixes, numeric IDs, sheet names with titles."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "List 1 - Contacts"
    sheet.append(fmt.BY_NUMBER[1].headers)
    sheet.append([123456, "Female", "WBRI", D(2015, 6, 1), 10, "01/11/2025", "Police"])
    sheet.append([123457, "a) Male", "j) AIND", None, None, D(2025, 12, 1), "Individual"])  # ambiguous source
    path = tmp_path / "council.xlsx"
    book.save(path)
    store = Store()
    loaded, problems = annex_a.load(store, path, COUNCIL)
    assert loaded["contact"] == 1
    assert [str(p) for p in problems] == [
        "List 1, row 3, Contact Source: must be one of the Annex A values: " + "; ".join(fmt.SOURCE.values())
    ]
    assert store.query("SELECT child_id, contact_date, contact_source FROM contact") == [
        ("123456", D(2025, 11, 1), "6")
    ]
    assert store.query("SELECT child_id, sex, ethnicity FROM cin_child") == [("123456", "F", "WBRI")]


def test_number_of_placements_counts_every_rne_that_changes_the_placement() -> None:
    """List 8 "number of placements in the last 12 months": the placement on the window's first day counts one,
    and each episode after it that changes the placement (RNE P, B, T or U, with or without new carers) one more.
    A change of legal status only (L) is not a placement."""
    s = Store()
    base = {"cin_category": "N1", "placement_provider": "PR1"}

    def ep(child: str, start: D, rne: str, ls: str, place: str, end: D | None = None) -> dict[str, Any]:
        return {
            **base,
            "child_id": child,
            "start_date": start,
            "reason_new_episode": rne,
            "legal_status": ls,
            "placement_type": place,
            "end_date": end,
            "reason_episode_ceased": "X1" if end else None,
        }

    plant(
        s,
        "episode",
        [
            # A1: in U6 since 2024 (1), L (not a placement), B to K2 (2), T to K3 (3), U to U4 (4)
            ep("A1", D(2024, 6, 1), "S", "V2", "U6", D(2025, 5, 1)),
            ep("A1", D(2025, 5, 1), "L", "C1", "U6", D(2025, 7, 1)),
            ep("A1", D(2025, 7, 1), "B", "C2", "K2", D(2025, 9, 1)),
            ep("A1", D(2025, 9, 1), "T", "C2", "K3", D(2025, 12, 1)),
            ep("A1", D(2025, 12, 1), "U", "E1", "U4"),
            # A2: a B move before the window, then one change of legal status only inside it: 1
            ep("A2", D(2024, 6, 1), "S", "V2", "U6", D(2025, 1, 1)),
            ep("A2", D(2025, 1, 1), "B", "C1", "U4", D(2025, 6, 1)),
            ep("A2", D(2025, 6, 1), "L", "C2", "U4"),
        ],
    )
    plant(s, "child", [{"child_id": c, "sex": "M", "date_of_birth": D(2014, 1, 1)} for c in ("A1", "A2")])
    cla = {r["child_id"]: r["placements_12m"] for r in annex_a.lists(s, COUNCIL, AS_AT)[8]}
    assert cla == {"A1": 4, "A2": 1}
