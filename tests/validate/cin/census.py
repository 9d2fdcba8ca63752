"""A small, clean CIN census written in the test: five children on which no CIN rule fires.

Collection year 2026 (1 April 2025 to 31 March 2026), council 370. Each child
exercises a different path through the census:
  C1  school-age child, closed episode: assessment, CIN plan, section 47, ICPC, CP plan ended, review
  C2  young child, an episode closed after assessment (RC8) and a later open one with an open S47
  C3  unborn child, referral with no further action
  C4  open episode with an open CP plan and two reviews
  C5  child who died: closure RC2, CIN plan ended on the date of death
"""

from __future__ import annotations

import datetime as dt
from typing import Any

LA = "370"
YEAR = 2026
CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def upn(digits: str) -> str:
    """A UPN with its check letter: digits 2..13 weighted by position, summed, mod 23, as letter.

    Worked example, upn("370123456789"):
      3*2 + 7*3 + 0*4 + 1*5 + 2*6 + 3*7 + 4*8 + 5*9 + 6*10 + 7*11 + 8*12 + 9*13
      = 6 + 21 + 0 + 5 + 12 + 21 + 32 + 45 + 60 + 77 + 96 + 117 = 492
      492 mod 23 = 492 - 483 = 9 -> the tenth letter (no I, O, S) = K, so "K370123456789".
    """
    total = sum(int(ch) * weight for weight, ch in enumerate(digits, start=2))
    return CHECK_LETTERS[total % 23] + digits


def _referral(**fields: Any) -> dict[str, Any]:
    base = {
        "referral_date": None,
        "referral_source": "2A",
        "primary_need": "N1",
        "closure_date": None,
        "reason_for_closure": None,
        "date_of_initial_cpc": None,
        "referral_nfa": "false",
    }
    return base | fields


def children() -> list[dict[str, Any]]:
    """The nested child dicts the census writer takes."""
    return [
        {
            "child": {
                "child_id": "C1",
                "upn": upn("370123456789"),
                "date_of_birth": d("2015-06-10"),
                "sex": "F",
                "ethnicity": "WBRI",
            },
            "disabilities": ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"],
            "referrals": [
                {
                    "referral": _referral(
                        referral_date=d("2025-05-01"), closure_date=d("2026-01-15"), reason_for_closure="RC7"
                    ),
                    "assessments": [
                        {
                            "assessment": {"start_date": d("2025-05-02"), "authorisation_date": d("2025-06-10")},
                            "factors": ["2B", "3B"],
                        }
                    ],
                    "cin_plans": [{"start_date": d("2025-06-12"), "end_date": d("2025-09-01")}],
                    "section47": [
                        {
                            "start_date": d("2025-09-02"),
                            "icpc_target_date": d("2025-09-23"),  # a Tuesday
                            "icpc_date": d("2025-09-23"),
                            "icpc_not_required": "false",
                        }
                    ],
                    "protection_plans": [
                        {
                            "plan": {
                                "start_date": d("2025-09-23"),
                                "end_date": d("2026-01-10"),
                                "initial_category": "NEG",
                                "latest_category": "NEG",
                                "previous_plans": 0,
                            },
                            "reviews": [d("2025-12-10")],
                        }
                    ],
                }
            ],
        },
        {
            "child": {
                "child_id": "C2",
                "upn_unknown": "UN1",
                "date_of_birth": d("2023-02-01"),
                "sex": "M",
                "ethnicity": "ABAN",
            },
            "disabilities": ["NONE"],
            "referrals": [
                {
                    "referral": _referral(
                        referral_date=d("2024-11-20"),
                        referral_source="1A",
                        primary_need="N8",
                        closure_date=d("2025-04-30"),
                        reason_for_closure="RC8",
                    ),
                    "assessments": [
                        {
                            "assessment": {"start_date": d("2024-11-21"), "authorisation_date": d("2025-04-20")},
                            "factors": ["21"],
                        }
                    ],
                },
                {
                    "referral": _referral(referral_date=d("2025-10-01"), referral_source="6", primary_need="N2"),
                    "assessments": [{"assessment": {"start_date": d("2026-03-20")}, "factors": []}],
                    "section47": [
                        {
                            "start_date": d("2026-03-25"),
                            "icpc_target_date": d("2026-04-15"),  # a Wednesday
                            "icpc_not_required": "false",
                        }
                    ],
                },
            ],
        },
        {
            "child": {"child_id": "C3", "expected_date_of_birth": d("2026-05-20"), "sex": "U", "ethnicity": "WBRI"},
            "disabilities": [],
            "referrals": [
                {
                    "referral": _referral(
                        referral_date=d("2026-02-02"),
                        referral_source="3B",
                        primary_need=None,
                        closure_date=d("2026-02-02"),
                        reason_for_closure="RC7",
                        referral_nfa="true",
                    )
                }
            ],
        },
        {
            "child": {
                "child_id": "C4",
                "upn": upn("370987654321"),
                "former_upn": upn("370555555555"),
                "date_of_birth": d("2012-03-03"),
                "sex": "M",
                "ethnicity": "WBRI",
            },
            "disabilities": ["NONE"],
            "referrals": [
                {
                    "referral": _referral(referral_date=d("2025-04-10"), referral_source="6"),
                    "assessments": [
                        {
                            "assessment": {"start_date": d("2025-04-11"), "authorisation_date": d("2025-05-20")},
                            "factors": ["3A", "4B"],
                        }
                    ],
                    "section47": [
                        {
                            "start_date": d("2025-05-21"),
                            "icpc_target_date": d("2025-06-10"),  # a Tuesday
                            "icpc_date": d("2025-06-10"),
                            "icpc_not_required": "false",
                        }
                    ],
                    "protection_plans": [
                        {
                            "plan": {
                                "start_date": d("2025-06-10"),
                                "initial_category": "PHY",
                                "latest_category": "EMO",
                                "previous_plans": 1,
                            },
                            "reviews": [d("2025-09-02"), d("2026-02-24")],
                        }
                    ],
                }
            ],
        },
        {
            "child": {
                "child_id": "C5",
                "upn": upn("370111122223"),
                "date_of_birth": d("2010-01-01"),
                "date_of_death": d("2025-08-01"),
                "sex": "F",
                "ethnicity": "WBRI",
            },
            "disabilities": ["NONE"],
            "referrals": [
                {
                    "referral": _referral(
                        referral_date=d("2025-04-07"),
                        referral_source="3A",
                        closure_date=d("2025-08-01"),
                        reason_for_closure="RC2",
                    ),
                    "assessments": [
                        {
                            "assessment": {"start_date": d("2025-04-08"), "authorisation_date": d("2025-05-01")},
                            "factors": ["16A"],
                        }
                    ],
                    "cin_plans": [{"start_date": d("2025-05-02"), "end_date": d("2025-08-01")}],
                }
            ],
        },
    ]
