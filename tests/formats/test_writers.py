"""The writers produce the DfE layouts exactly, deterministically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree

from lineofsight.formats.cin_census import write_census
from lineofsight.formats.csv_tables import write_table
from lineofsight.model import TABLES

D = dt.date


def test_episode_csv_has_dfe_header_and_formats(tmp_path: Path) -> None:
    rows = [
        {"child_id": "C1", "start_date": D(2025, 4, 1), "reason_new_episode": "S", "legal_status": "C2"},
        {"child_id": "C1", "start_date": D(2025, 6, 9), "end_date": D(2026, 1, 31), "home_postcode": "DN15 6NL"},
    ]
    path = tmp_path / "episodes.csv"
    assert write_table(path, TABLES["episode"], iter(rows)) == 2
    assert path.read_bytes() == (
        b"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        b"C1,01/04/2025,S,C2,,,,,,,,,\n"
        b"C1,09/06/2025,,,,,,31/01/2026,,,DN15 6NL,,\n"
    )


def test_worker_csv_writes_booleans_as_0_1_and_decimals_plainly(tmp_path: Path) -> None:
    path = tmp_path / "workers.csv"
    write_table(path, TABLES["worker"], [{"worker_id": "SW1", "fte": 0.5, "agency": True, "cases": 17}])
    assert path.read_text().splitlines()[1] == "SW1,,,0.5,1,,,,,,17"


def _child() -> dict[str, object]:
    return {
        "child": {"child_id": "C1", "date_of_birth": D(2015, 1, 2), "sex": "M", "ethnicity": "WBRI"},
        "disabilities": ["NONE"],
        "referrals": [
            {
                "referral": {"referral_date": D(2025, 5, 1), "referral_source": "2A", "referral_nfa": "false"},
                "assessments": [{"assessment": {"start_date": D(2025, 5, 2)}, "factors": ["1A", "2B"]}],
                "cin_plans": [{"start_date": D(2025, 6, 2)}],
                "section47": [{"start_date": D(2025, 5, 3), "icpc_not_required": "false"}],
                "protection_plans": [
                    {
                        "plan": {
                            "start_date": D(2025, 6, 10),
                            "initial_category": "NEG",
                            "latest_category": "NEG",
                            "previous_plans": 0,
                        },
                        "reviews": [D(2025, 9, 1)],
                    }
                ],
            }
        ],
    }


def test_cin_census_follows_the_dfe_element_order(tmp_path: Path) -> None:
    path = tmp_path / "cin.xml"
    assert write_census(path, "681", 2026, iter([_child()])) == 1
    root = etree.parse(str(path)).getroot()
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2026-03-31"
    assert root.findtext("Header/Source/LEA") == "681"
    child = root.find("Children/Child")
    assert child is not None
    assert [e.tag for e in child] == ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"]
    details = child.find("CINdetails")
    assert details is not None
    # ReferralNFA sits after Section47 and before ChildProtectionPlans in the DfE schema.
    assert [e.tag for e in details] == [
        "CINreferralDate",
        "ReferralSource",
        "Assessments",
        "CINPlanDates",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
    ]
    assert child.findtext("ChildIdentifiers/PersonBirthDate") == "2015-01-02"
    assert [e.text for e in child.iter("AssessmentFactors")] == ["1A", "2B"]
    assert child.findtext("CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate") == "2025-09-01"


def test_cin_census_is_byte_deterministic(tmp_path: Path) -> None:
    write_census(tmp_path / "a.xml", "681", 2026, [_child()])
    write_census(tmp_path / "b.xml", "681", 2026, [_child()])
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()
