"""Each writer's output loads back through the reader to the same values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from lineofsight.formats.cin_census import write_census
from lineofsight.formats.csv_tables import write_table
from lineofsight.formats.ssda903_xml import write_ssda903_xml
from lineofsight.model import TABLES
from lineofsight.store import Store
from lineofsight.store.load import load_paths

D = dt.date


def _rows(store: Store, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    return store.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY source_row")


EPISODES = [
    {
        "child_id": "C1",
        "start_date": D(2025, 4, 1),
        "reason_new_episode": "S",
        "legal_status": "C2",
        "cin_category": "N1",
        "placement_type": "U1",
        "placement_provider": "PR1",
        "end_date": D(2025, 9, 30),
        "reason_episode_ceased": "E8",
        "reason_place_change": None,
        "home_postcode": "DN15 6NL",
        "placement_postcode": "DN16 1AA",
        "urn": "SC123456",
    },
    {"child_id": "C2", "start_date": D(2026, 3, 31), "reason_new_episode": "P", "legal_status": "J2"},
]


def test_episode_csv_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "681_2026"
    folder.mkdir()
    write_table(folder / "episodes.csv", TABLES["episode"], EPISODES)
    with Store() as store:
        result = load_paths(store, [folder])
        assert [(c.read, c.loaded, c.rejected) for c in result.counts] == [(2, 2, 0)]
        names = [c.name for c in TABLES["episode"].columns]
        expected = [tuple(row.get(n) for n in names) for row in EPISODES]
        assert _rows(store, "episode", names) == expected
        assert _rows(store, "episode", ["la_code", "collection_year", "source_file", "source_row"]) == [
            ("681", 2026, "episodes.csv", 2),
            ("681", 2026, "episodes.csv", 3),
        ]
        # Both postcodes are real (North Lincolnshire), so their centroids are now in the store.
        assert {r[0] for r in store.query("SELECT postcode FROM postcode")} == {"DN156NL", "DN161AA"}


def test_worker_csv_round_trip_keeps_booleans_and_decimals(tmp_path: Path) -> None:
    rows = [
        {"worker_id": "SW1", "role": "SW", "fte": 0.8, "agency": True, "start_date": D(2020, 1, 6), "cases": 18},
        {"worker_id": "SW2", "role": "SW", "fte": 1.0, "agency": False, "absence_days": 2.5},
    ]
    write_table(tmp_path / "workers.csv", TABLES["worker"], rows)
    with Store() as store:
        load_paths(store, [tmp_path / "workers.csv"], council="681", year=2026)
        got = _rows(store, "worker", ["worker_id", "fte", "agency", "start_date", "absence_days", "cases"])
        assert got == [("SW1", 0.8, True, D(2020, 1, 6), None, 18), ("SW2", 1.0, False, None, 2.5, None)]


def _child(child_id: str) -> dict[str, Any]:
    return {
        "child": {
            "child_id": child_id,
            "upn": "A123456789012",
            "date_of_birth": D(2015, 1, 2),
            "sex": "F",
            "ethnicity": "WBRI",
        },
        "disabilities": ["HAND", "VIS"],
        "referrals": [
            {
                "referral": {
                    "referral_date": D(2025, 5, 1),
                    "referral_source": "3A",
                    "primary_need": "N1",
                    "closure_date": D(2026, 1, 10),
                    "reason_for_closure": "RC1",
                    "referral_nfa": "false",
                },
                "assessments": [
                    {
                        "assessment": {"start_date": D(2025, 5, 2), "authorisation_date": D(2025, 6, 20)},
                        "factors": ["2B"],
                    }
                ],
                "cin_plans": [{"start_date": D(2025, 7, 1), "end_date": D(2025, 12, 1)}],
                "section47": [
                    {"start_date": D(2025, 5, 3), "icpc_target_date": D(2025, 5, 24), "icpc_not_required": "false"}
                ],
                "protection_plans": [
                    {
                        "plan": {
                            "start_date": D(2025, 5, 20),
                            "end_date": D(2025, 11, 30),
                            "initial_category": "NEG",
                            "latest_category": "EMO",
                            "previous_plans": 1,
                        },
                        "reviews": [D(2025, 8, 19), D(2025, 11, 18)],
                    }
                ],
            },
            {"referral": {"referral_date": D(2026, 2, 1), "referral_source": "5A", "referral_nfa": "true"}},
        ],
    }


def test_cin_census_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cin.xml"
    write_census(path, "681", 2026, (_child(f"C{i}") for i in range(3)))
    with Store() as store:
        result = load_paths(store, [path], council="812")  # council and year come from the XML header
        assert result.councils == {"681"} and result.years == {2026}
        assert [p.message for p in result.problems] == [
            "the file's header says 681, which was used rather than --council 812"
        ]
        result.problems.clear()
        counts = {c.table: (c.read, c.loaded) for c in result.counts}
        # 3 children; each has 2 disabilities, 2 referrals, 1 assessment with 1 factor, 2 plan reviews.
        assert counts["cin_child"] == (3, 3)
        assert counts["cin_disability"] == (6, 6)
        assert counts["referral"] == (6, 6)
        assert counts["protection_plan_review"] == (6, 6)
        assert not result.problems
        assert _rows(store, "cin_child", ["child_id", "upn", "date_of_birth", "sex", "ethnicity"])[0] == (
            "C0",
            "A123456789012",
            D(2015, 1, 2),
            "F",
            "WBRI",
        )
        referrals = store.query(
            "SELECT referral_id, referral_date, referral_source, closure_date, referral_nfa "
            "FROM referral WHERE child_id = 'C1' ORDER BY referral_id"
        )
        assert referrals == [(1, D(2025, 5, 1), "3A", D(2026, 1, 10), "false"), (2, D(2026, 2, 1), "5A", None, "true")]
        assert store.query(
            "SELECT referral_id, assessment_id, factor FROM assessment_factor WHERE child_id = 'C2'"
        ) == [(1, 1, "2B")]
        assert store.query(
            "SELECT plan_start_date, review_date FROM protection_plan_review WHERE child_id = 'C0' ORDER BY 2"
        ) == [(D(2025, 5, 20), D(2025, 8, 19)), (D(2025, 5, 20), D(2025, 11, 18))]
        assert _rows(store, "protection_plan", ["initial_category", "latest_category", "previous_plans"])[0] == (
            "NEG",
            "EMO",
            1,
        )


def test_ssda903_xml_round_trip_matches_the_csv_form(tmp_path: Path) -> None:
    header = {"child_id": "C1", "sex": "2", "date_of_birth": D(2012, 3, 4), "ethnicity": "WBRI", "upn": "UN1"}
    child = {
        "child": header,
        "episode": EPISODES[:1],
        "review": [{"review_date": D(2025, 10, 1), "participation": "PN1"}],
        "uasc": [{"date_uasc_ceased": D(2025, 6, 1)}],
        "missing": [{"missing_type": "M", "start_date": D(2025, 5, 5), "end_date": D(2025, 5, 6)}],
        "health_outcome": [{"sdq_score": 14, "immunisations": "1", "teeth_check": "0"}],
    }
    path = tmp_path / "903.xml"
    assert write_ssda903_xml(path, [child]) == 1
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert not result.problems
        counts = {c.table: c.loaded for c in result.counts}
        assert counts["child"] == 1 and counts["episode"] == 1 and counts["review"] == 1
        assert counts["uasc"] == 1 and counts["missing"] == 1 and counts["health_outcome"] == 1
        assert counts["adoption"] == 0 and counts["care_leaver"] == 0
        names = [c.name for c in TABLES["episode"].columns]
        assert _rows(store, "episode", names) == [tuple(EPISODES[0].get(n) for n in names)]
        assert _rows(store, "uasc", ["child_id", "sex", "date_of_birth", "date_uasc_ceased"]) == [
            ("C1", "2", D(2012, 3, 4), D(2025, 6, 1))
        ]
        assert _rows(store, "review", ["child_id", "date_of_birth", "review_date", "participation"]) == [
            ("C1", D(2012, 3, 4), D(2025, 10, 1), "PN1")
        ]
        assert _rows(store, "health_outcome", ["sdq_score", "immunisations", "teeth_check"]) == [(14, "1", "0")]


def test_ssda903_xml_accepts_iso_dates_and_older_tag_names(tmp_path: Path) -> None:
    path = tmp_path / "903.xml"
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<EXPSSDA903><CHILD><HEADER><CHILDID>C7</CHILDID><SEX>1</SEX>"
        "<DOB>2012-03-04</DOB><ETHNIC>wbri</ETHNIC></HEADER>"
        "<EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL></EPISODE>"
        "</CHILD></EXPSSDA903>\n"
    )
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert not [p for p in result.problems if p.rule == "read"]
        assert store.query("SELECT child_id, date_of_birth, ethnicity FROM child") == [("C7", D(2012, 3, 4), "WBRI")]
        # PL is the placement type's older tag; the episode's line is its source row.
        assert store.query("SELECT placement_type, source_row FROM episode") == [("U1", 2)]
