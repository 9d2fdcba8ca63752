"""Per SSDA903 rule: a mutation of the clean return that makes the rule fire, and where.

Each case is (mutation, table, child): after the mutation the rule must report a row of
`table` belonging to `child`.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

from .clean_903 import PREVIOUS, Return

D = dt.date
Mutation = Callable[[Return], None]


def _rows(data: Return, table: str, child: str) -> list[dict[str, Any]]:
    return [r for r in data[table] if r["child_id"] == child]


def edit(table: str, child: str, n: int = 0, **changes: Any) -> Mutation:
    """Change fields of the child's n-th row of the table."""

    def apply(data: Return) -> None:
        _rows(data, table, child)[n].update(changes)

    return apply


def add(table: str, like: str, n: int = 0, **changes: Any) -> Mutation:
    """Add a copy of the child's n-th row with some fields changed."""

    def apply(data: Return) -> None:
        row = copy.deepcopy(_rows(data, table, like)[n])
        row.update(changes)
        data[table].append(row)

    return apply


def drop(table: str, child: str) -> Mutation:
    def apply(data: Return) -> None:
        data[table] = [r for r in data[table] if r["child_id"] != child]

    return apply


def both(*mutations: Mutation) -> Mutation:
    def apply(data: Return) -> None:
        for m in mutations:
            m(data)

    return apply


Case = tuple[Mutation, str, str]
H, E, R, M, O2, O3 = "child", "episode", "review", "missing", "health_outcome", "care_leaver"
A, P, U, PP, SW = "adoption", "placed_for_adoption", "uasc", "previous_permanence", "social_worker_episode"
BAD_OLD, BAD_NEW = D(1850, 1, 1), D(2205, 1, 1)
# Last year's tables (see clean_903.with_previous): the rules comparing years fire on this year's rows.
LAST_H, LAST_E, LAST_M, LAST_O3 = (PREVIOUS + t for t in (H, E, M, O3))


def _internal(table: str, like: str) -> dict[str, Case]:
    """Cases for the INT checks of a table: not in Header, DOB differs, (and listed twice)."""
    return {
        "not_in_header": (add(table, like, child_id="C9"), table, "C9"),
        "dob": (edit(table, like, date_of_birth=D(2000, 1, 1)), table, like),
        "twice": (add(table, like), table, like),
    }


def _ints(codes: tuple[str, str, str | None], table: str, like: str) -> dict[str, Case]:
    cases = _internal(table, like)
    out = {codes[0]: cases["not_in_header"], codes[1]: cases["dob"]}
    if codes[2]:
        out[codes[2]] = cases["twice"]
    return out


CASES: dict[str, Case] = {
    # Header
    "101": (edit(H, "C2", sex="3"), H, "C2"),
    "232": (edit(H, "C2", sex="U"), H, "C2"),
    "102": (edit(H, "C2", date_of_birth=None), H, "C2"),
    "103": (edit(H, "C2", ethnicity="XXXX"), H, "C2"),
    "165": (edit(H, "C1", mother="Y"), H, "C1"),
    "168": (edit(H, "C2", upn="123"), H, "C2"),
    "171": (edit(H, "C1", mother="1", mother_child_dob=BAD_OLD), H, "C1"),
    "174": (edit(H, "C2", mother_child_dob=D(2024, 1, 1)), H, "C2"),
    "209": (edit(H, "C2", upn="UN1"), H, "C2"),
    "210": (edit(H, "C1", upn="UN4"), H, "C1"),
    "301": (edit(H, "C2", date_of_birth=D(2026, 5, 1)), H, "C2"),
    "351": (edit(H, "C3", date_of_birth=D(1995, 1, 1)), H, "C3"),
    "393": (edit(H, "C1", mother=None), H, "C1"),
    "442": (edit(H, "C2", upn=None), H, "C2"),
    "444": (edit(H, "C2", upn="A123456789012"), H, "C2"),
    "607": (edit(H, "C4", sex="F", date_of_birth=D(2010, 1, 1)), H, "C4"),
    "611": (edit(H, "C1", mother="1"), H, "C1"),
    "612": (edit(H, "C1", mother_child_dob=D(2025, 1, 1)), H, "C1"),
    "620": (edit(H, "C2", mother="1"), H, "C2"),
    "621": (edit(H, "C1", mother="1", mother_child_dob=D(2010, 1, 1)), H, "C1"),
    "625": (edit(H, "C1", mother="1", mother_child_dob=D(2026, 6, 1)), H, "C1"),
    "628": (edit(H, "C3", mother="0"), H, "C3"),
    "INT32": (add(H, "C2"), H, "C2"),
    # Episodes: columns
    "141": (edit(E, "C2", start_date=BAD_OLD), E, "C2"),
    "143": (edit(E, "C2", reason_new_episode="Q"), E, "C2"),
    "144": (edit(E, "C2", legal_status="Q1"), E, "C2"),
    "145": (edit(E, "C2", cin_category="N9"), E, "C2"),
    "146": (edit(E, "C2", placement_type="Z1"), E, "C2"),
    "147": (edit(E, "C4", 1, end_date=BAD_NEW), E, "C4"),
    "149": (edit(E, "C4", 1, reason_episode_ceased="E99"), E, "C4"),
    "178": (edit(E, "C2", placement_provider="PR9"), E, "C2"),
    "1008": (edit(E, "C2", urn="12AB"), E, "C2"),
    "1009": (edit(E, "C1", reason_place_change="OOPS"), E, "C1"),
    "INT03": (add(E, "C2", child_id="C9"), E, "C9"),
    # Episodes: sequence
    "142": (edit(E, "C1", end_date=None, reason_episode_ceased=None, reason_place_change=None), E, "C1"),
    "148": (edit(E, "C4", 1, reason_episode_ceased=None), E, "C4"),
    "302": (edit(E, "C2", start_date=D(2019, 1, 1)), E, "C2"),
    "352": (edit(H, "C5", date_of_birth=D(2005, 1, 1)), E, "C5"),
    "353": (edit(E, "C4", start_date=D(1990, 1, 1)), E, "C4"),
    "355": (edit(E, "C4", 1, end_date=D(2025, 5, 1)), E, "C4"),
    "356": (edit(E, "C4", 1, end_date=D(2025, 4, 1)), E, "C4"),
    "357": (edit(E, "C2", reason_new_episode="P"), E, "C2"),
    "385": (edit(E, "C4", 1, end_date=D(2026, 4, 15)), E, "C4"),
    "388": (edit(E, "C4", 1, reason_episode_ceased="X1"), E, "C4"),
    "431": (edit(E, "C1", 1, reason_new_episode="S"), E, "C1"),
    "432": (edit(E, "C1", reason_episode_ceased="E8"), E, "C1"),
    "433": (edit(E, "C1", 1, start_date=D(2025, 6, 2)), E, "C1"),
    "434": (edit(E, "C1", 1, reason_new_episode="L"), E, "C1"),
    "435": (edit(E, "C1", 1, legal_status="E1"), E, "C1"),
    "436": (edit(E, "C4", 1, legal_status="C2"), E, "C4"),
    "437": (edit(E, "C4", reason_episode_ceased="E2"), E, "C4"),
    "501": (edit(E, "C1", 1, start_date=D(2025, 5, 1)), E, "C1"),
    "504": (edit(E, "C1", 1, cin_category="N2"), E, "C1"),
    # Episodes: reasons ceased and placement change
    "386": (edit(H, "C4", date_of_birth=D(2007, 1, 1)), E, "C4"),
    "387": (edit(E, "C4", 1, reason_episode_ceased="E5"), E, "C4"),
    "389": (edit(E, "C4", 1, reason_episode_ceased="E7"), E, "C4"),
    "390": (edit(E, "C4", 1, placement_type="U4"), E, "C4"),
    "407": (both(edit(E, "C4", 1, reason_episode_ceased="E45"), edit(H, "C4", date_of_birth=D(2007, 1, 1))), E, "C4"),
    "460": (edit(E, "C4", 1, reason_episode_ceased="E17"), E, "C4"),
    "225": (edit(E, "C1", reason_place_change=None), E, "C1"),
    "226": (edit(E, "C1", placement_type="T1"), E, "C1"),
    "233": (edit(E, "C2", reason_place_change="CARPL"), E, "C2"),
    "234": (edit(E, "C4", reason_place_change="CUSTOD"), E, "C4"),
    "213": (edit(E, "C2", placement_type="T4"), E, "C2"),
    "526": (edit(E, "C2", placement_provider=None), E, "C2"),
    # Legal status and placements
    "358": (edit(E, "C2", legal_status="J1"), E, "C2"),
    "359": (both(edit(H, "C5", date_of_birth=D(2007, 6, 1)), edit(E, "C5", placement_type="U4")), E, "C5"),
    "361": (edit(E, "C2", legal_status="L1"), E, "C2"),
    "362": (edit(E, "C2", legal_status="L2"), E, "C2"),
    "363": (edit(E, "C2", legal_status="L3"), E, "C2"),
    "364": (edit(E, "C2", legal_status="J2"), E, "C2"),
    "365": (edit(E, "C2", legal_status="V3"), E, "C2"),
    "366": (edit(E, "C1", 1, legal_status="V3"), E, "C1"),
    "367": (edit(E, "C2", legal_status="V3"), E, "C2"),
    "378": (edit(E, "C2", placement_type="P1"), E, "C2"),
    "382": (edit(E, "C2", legal_status="V3", placement_type="T0"), E, "C2"),
    "384": (edit(E, "C2", legal_status="V4", placement_type="U4"), E, "C2"),
    "408": (edit(E, "C4", 1, legal_status="C2"), E, "C4"),
    "445": (edit(E, "C2", legal_status="D1"), E, "C2"),
    "446": (edit(E, "C4", legal_status="E1", start_date=D(2005, 1, 1)), E, "C4"),
    "451": (edit(E, "C2", legal_status="D1"), E, "C2"),
    "370": (edit(E, "C2", placement_type="P2"), E, "C2"),
    "371": (edit(E, "C2", placement_type="H5"), E, "C2"),
    "372": (edit(E, "C2", placement_type="R5"), E, "C2"),
    "373": (edit(E, "C4", placement_type="S1"), E, "C4"),
    "374": (edit(E, "C2", placement_type="P3"), E, "C2"),
    "375": (edit(E, "C2", placement_type="T1"), E, "C2"),
    "376": (edit(E, "C2", placement_type="T3"), E, "C2"),
    "377": (
        both(*(add(E, "C2", start_date=D(2025, 8, d), placement_type="T3") for d in (1, 2, 3))),
        E,
        "C2",
    ),
    "379": (edit(E, "C2", placement_type="T4"), E, "C2"),
    "380": (edit(E, "C2", placement_type="T0"), E, "C2"),
    "381": (edit(E, "C4", 1, placement_type="T2"), E, "C4"),
    "383": (
        both(
            edit(E, "C1", 1, placement_type="T1", end_date=D(2025, 7, 1), reason_episode_ceased="X1"),
            add(E, "C1", 1, start_date=D(2025, 7, 1), placement_type="K2"),
        ),
        E,
        "C1",
    ),
    "217": (edit(E, "C4", 1, reason_new_episode="P"), E, "C4"),
    "336": (edit(E, "C4", placement_type="K2"), E, "C4"),
    "527": (edit(E, "C2", placement_type="R2"), E, "C2"),
    "528": (edit(E, "C2", placement_type="R2", placement_provider="PR2"), E, "C2"),
    "529": (edit(E, "C2", placement_provider="PR3"), E, "C2"),
    "530": (edit(E, "C2", placement_type="P1", placement_provider="PR4"), E, "C2"),
    "531": (edit(E, "C2", placement_type="P1", placement_provider="PR5"), E, "C2"),
    "550": (edit(E, "C2", placement_provider="PR0"), E, "C2"),
    "218": (edit(E, "C2", urn=None), E, "C2"),
    "222": (edit(E, "C2", placement_type="R1"), E, "C2"),
    "392b": (edit(E, "C2", home_postcode=None), E, "C2"),
    "392c": (edit(E, "C2", placement_postcode="QQ1 1QQ"), E, "C2"),
    "392d": (edit(E, "C2", placement_postcode="ZZ1 4AD"), E, "C2"),
    "398": (edit(E, "C2", legal_status="V4"), E, "C2"),
    "454": (edit(E, "C2", placement_postcode="ZZ9 9ZZ"), E, "C2"),
    # Reviews
    "166": (edit(R, "C2", review_date=BAD_OLD), R, "C2"),
    "167": (edit(R, "C2", participation="PN9"), R, "C2"),
    "399": (edit(E, "C2", legal_status="V3"), R, "C2"),
    "440": (edit(R, "C2", participation="PN0"), R, "C2"),
    "441": (edit(R, "C4", participation="PN1"), R, "C4"),
    **_ints(("INT08", "INT17", None), R, "C2"),
    # Missing
    "1004": (edit(M, "C1", start_date=BAD_OLD), M, "C1"),
    "1005": (edit(M, "C1", end_date=BAD_NEW), M, "C1"),
    "1006": (edit(M, "C1", missing_type="X"), M, "C1"),
    "564": (edit(M, "C1", start_date=None), M, "C1"),
    "565": (edit(M, "C1", missing_type=None), M, "C1"),
    "567": (edit(M, "C1", end_date=D(2025, 7, 1)), M, "C1"),
    "570": (edit(M, "C1", start_date=D(2026, 4, 2), end_date=None), M, "C1"),
    "571": (edit(M, "C1", end_date=D(2026, 5, 1)), M, "C1"),
    "574": (add(M, "C1", start_date=D(2025, 7, 30), end_date=D(2025, 8, 5)), M, "C1"),
    "577": (add(M, "C1", child_id="C4", date_of_birth=D(2021, 6, 1), start_date=D(2025, 6, 1), end_date=None), M, "C4"),
    "578": (
        add(M, "C1", child_id="C4", date_of_birth=D(2021, 6, 1), start_date=D(2026, 2, 1), end_date=D(2026, 2, 2)),
        M,
        "C4",
    ),
    "581": (edit(M, "C1", start_date=D(2023, 12, 1), end_date=D(2023, 12, 2)), M, "C1"),
    "586": (edit(M, "C1", start_date=D(2012, 1, 1)), M, "C1"),
    **_ints(("INT04", "INT13", None), M, "C1"),
    # OC2
    "180": (edit(O2, "C1", sdq_score=41), O2, "C1"),
    "181": (edit(O2, "C1", convicted="2"), O2, "C1"),
    "182": (edit(O2, "C1", immunisations=None), O2, "C1"),
    "157": (edit(O2, "C1", sdq_score=None, sdq_reason="SDQ1"), O2, "C1"),
    "158": (edit(O2, "C1", substance_misuse="1", intervention_received="1", intervention_offered="1"), O2, "C1"),
    "159": (edit(O2, "C1", substance_misuse="1", intervention_received="0"), O2, "C1"),
    "186": (edit(O2, "C1", sdq_score=None), O2, "C1"),
    "188": (edit(O2, "C1", date_of_birth=D(2023, 1, 1)), O2, "C1"),
    "189": (edit(O2, "C1", date_of_birth=D(2007, 1, 1)), O2, "C1"),
    "190": (add(O2, "C1", child_id="C2"), O2, "C2"),
    "191": (edit(O2, "C1", teeth_check=None), O2, "C1"),
    "192": (edit(O2, "C1", substance_misuse="1"), O2, "C1"),
    "193": (edit(O2, "C1", intervention_offered="1"), O2, "C1"),
    "196": (edit(O2, "C1", sdq_reason="SDQ9"), O2, "C1"),
    "197a": (edit(O2, "C1", sdq_reason="SDQ4"), O2, "C1"),
    "198": (add(O2, "C1", child_id="C2", sdq_score=None, sdq_reason="SDQ4"), O2, "C2"),
    "542": (edit(O2, "C1", date_of_birth=D(2017, 1, 1)), O2, "C1"),
    "543": (edit(O2, "C1", convicted=None), O2, "C1"),
    "544": (edit(O2, "C1", health_assessment=None), O2, "C1"),
    "545": (edit(O2, "C1", date_of_birth=D(2022, 1, 1)), O2, "C1"),
    "546": (edit(O2, "C1", health_check="1"), O2, "C1"),
    "547": (edit(O2, "C1", health_check="1", teeth_check=None), O2, "C1"),
    **_ints(("INT05", "INT14", "INT33"), O2, "C1"),
    # OC3
    "131": (edit(O3, "C3", in_touch="MAYBE"), O3, "C3"),
    "132": (edit(O3, "C3", activity="Z9"), O3, "C3"),
    "133": (edit(O3, "C3", accommodation="Q"), O3, "C3"),
    "134": (add(A, "C4", child_id="C3"), O3, "C3"),
    "153": (edit(O3, "C3", activity=None), O3, "C3"),
    "215": (add(O2, "C1", child_id="C3"), O3, "C3"),
    "344": (edit(O3, "C3", in_touch="DIED"), O3, "C3"),
    "345": (edit(O3, "C3", activity="0"), O3, "C3"),
    "391": (edit(O3, "C3", date_of_birth=D(2010, 1, 1)), O3, "C3"),
    "1000": (add(E, "C4", 1, child_id="C3", reason_episode_ceased="E2"), O3, "C3"),
    "1007": (both(edit(O3, "C3", date_of_birth=D(2008, 1, 1)), add(E, "C2", child_id="C3")), O3, "C3"),
    "1011": (add(E, "C4", 1, child_id="C3", reason_episode_ceased="E3"), O3, "C3"),
    **_ints(("INT06", "INT15", "INT34"), O3, "C3"),
    # AD1
    "112": (edit(A, "C4", date_should_be_placed=BAD_OLD), A, "C4"),
    "113": (edit(A, "C4", date_matched=BAD_NEW), A, "C4"),
    "114": (edit(A, "C4", foster_care="3"), A, "C4"),
    "175": (edit(A, "C4", number_of_adopters="3"), A, "C4"),
    "176": (edit(A, "C4", sex_of_adopters="XX"), A, "C4"),
    "177": (edit(A, "C4", legal_status_of_adopters="L9"), A, "C4"),
    "151": (edit(A, "C4", foster_care=None), A, "C4"),
    "331": (edit(A, "C4", date_matched=D(2025, 5, 2)), A, "C4"),
    "333": (edit(A, "C4", date_should_be_placed=D(2025, 4, 21)), A, "C4"),
    "334": (edit(A, "C4", date_should_be_placed=D(2022, 1, 1)), A, "C4"),
    "511": (edit(A, "C4", sex_of_adopters="M1"), A, "C4"),
    "514": (edit(A, "C4", legal_status_of_adopters="L0"), A, "C4"),
    "517": (edit(A, "C4", legal_status_of_adopters="L3", sex_of_adopters="MM"), A, "C4"),
    "518": (edit(A, "C4", legal_status_of_adopters="L4"), A, "C4"),
    "519": (edit(A, "C4", legal_status_of_adopters="L2", sex_of_adopters="M1"), A, "C4"),
    "520": (edit(A, "C4", sex_of_adopters="MM"), A, "C4"),
    "524": (edit(A, "C4", legal_status_of_adopters="L12"), A, "C4"),
    "582": (edit(A, "C4", date_matched=D(2026, 1, 15)), A, "C4"),
    "602": (edit(E, "C4", 1, reason_episode_ceased="E8"), A, "C4"),
    **_ints(("INT01", "INT11", "INT31"), A, "C4"),
    # PlacedAdoption
    "115": (edit(P, "C4", date_placed=BAD_OLD), P, "C4"),
    "116": (edit(P, "C4", date_placed_ceased=BAD_NEW, reason_placed_ceased="RD1"), P, "C4"),
    "120": (edit(P, "C4", date_placed_ceased=D(2025, 1, 1), reason_placed_ceased="RD9"), P, "C4"),
    "117": (edit(P, "C4", date_placed_ceased=D(2026, 5, 1), reason_placed_ceased="RD1"), P, "C4"),
    "119": (edit(P, "C4", reason_placed_ceased="RD1"), P, "C4"),
    "184": (edit(P, "C4", date_placed=D(2021, 1, 1)), P, "C4"),
    "522": (edit(P, "C4", date_placed_ceased=D(2024, 1, 1), reason_placed_ceased="RD1"), P, "C4"),
    "523": (edit(P, "C4", date_placed=D(2024, 9, 2)), P, "C4"),
    "525": (edit(P, "C4", date_placed_ceased=D(2025, 1, 1), reason_placed_ceased="RD1"), P, "C4"),
    "551": (edit(P, "C4", date_placed=None), P, "C4"),
    "552": (edit(P, "C4", date_placed=D(2025, 5, 2)), P, "C4"),
    "558": (edit(P, "C4", date_placed_ceased=D(2025, 1, 1), reason_placed_ceased="RD1"), P, "C4"),
    "579": (add(P, "C4", date_placed=D(2024, 10, 1)), P, "C4"),
    "1003": (edit(P, "C4", date_placed=D(2022, 6, 1)), P, "C4"),
    **_ints(("INT02", "INT12", None), P, "C4"),
    # UASC
    "104": (edit(U, "C5", date_uasc_ceased=BAD_OLD), U, "C5"),
    "304": (edit(U, "C5", date_uasc_ceased=D(2028, 1, 1)), U, "C5"),
    "1014": (add(U, "C5", child_id="C3"), U, "C3"),
    "INT21": (edit(U, "C5", sex="F"), U, "C5"),
    **_ints(("INT09", "INT18", "INT36"), U, "C5"),
    # PrevPerm
    "630": (drop(PP, "C2"), E, "C2"),
    "631": (edit(PP, "C2", previous_permanence="P9"), PP, "C2"),
    "632": (edit(PP, "C2", previous_permanence="P1", date_of_permanence="2020-01-01"), PP, "C2"),
    "633": (edit(PP, "C2", previous_permanence="P1", la_of_permanence="ABCD"), PP, "C2"),
    "634": (add(PP, "C2", child_id="C3"), PP, "C3"),
    "635": (edit(PP, "C2", la_of_permanence="681"), PP, "C2"),
    **_ints(("INT07", "INT16", "INT35"), PP, "C2"),
    # SWEpisodes
    "SW01STG1": (drop(SW, "C2"), E, "C2"),
    "SW02STG1": (edit(SW, "C2", social_worker_id="AB1"), SW, "C2"),
    "SW03STG1": (edit(SW, "C2", social_worker_id=None), SW, "C2"),
    "SW04STG1": (edit(SW, "C2", start_date=BAD_OLD), SW, "C2"),
    "SW05STG1": (edit(SW, "C4", end_date=BAD_NEW), SW, "C4"),
    "SW06STG2": (edit(SW, "C2", start_date=D(2026, 4, 5)), SW, "C2"),
    "SW07STG2": (edit(SW, "C4", end_date=D(2026, 4, 5)), SW, "C4"),
    "SW08STG2": (add(SW, "C1", start_date=D(2025, 1, 1)), SW, "C1"),
    "SW09STG2": (edit(SW, "C4", end_date=D(2023, 1, 10)), SW, "C4"),
    "SW10STG2": (add(SW, "C4", start_date=D(2024, 1, 1), end_date=D(2024, 2, 1), reason_change="OTHERS"), SW, "C4"),
    "SW11aSTG2": (edit(SW, "C1", end_date=D(2025, 12, 1), reason_change="OTHERS"), SW, "C1"),
    "SW13STG1": (edit(SW, "C4", reason_change="BAD"), SW, "C4"),
    "SW15STG2": (edit(SW, "C2", reason_change=None), SW, "C2"),
    "SW17STG2": (edit(SW, "C2", end_date=D(2025, 12, 1), reason_change="OTHERS"), E, "C2"),
    # Compared with last year's return
    "202": (edit(LAST_H, "C1", sex="M"), H, "C1"),
    "203": (edit(LAST_H, "C4", date_of_birth=D(2021, 6, 2)), H, "C4"),
    "204": (edit(LAST_H, "C3", ethnicity="WBRI"), H, "C3"),
    "207": (edit(LAST_H, "C1", mother="1", mother_child_dob=D(2024, 1, 1)), H, "C1"),
    "208": (edit(H, "C1", upn="UN2"), H, "C1"),
    "624": (
        both(
            edit(LAST_H, "C1", mother="1", mother_child_dob=D(2024, 1, 1)),
            edit(H, "C1", mother="1", mother_child_dob=D(2024, 2, 1)),
        ),
        H,
        "C1",
    ),
    "626": (edit(H, "C1", mother="1", mother_child_dob=D(2025, 1, 1)), H, "C1"),
    "502": (edit(LAST_E, "C1", start_date=D(2024, 1, 16)), E, "C1"),
    "503A": (edit(LAST_E, "C4", reason_new_episode="P"), E, "C4"),
    "503B": (edit(LAST_E, "C4", legal_status="C1"), E, "C4"),
    "503C": (edit(LAST_E, "C1", cin_category="N2"), E, "C1"),
    "503D": (edit(LAST_E, "C1", placement_type="U5"), E, "C1"),
    "503E": (edit(LAST_E, "C1", placement_provider="PR2"), E, "C1"),
    "503F": (edit(LAST_E, "C4", urn="SC999999"), E, "C4"),
    "503G": (edit(LAST_E, "C1", placement_postcode="ZZ1 3AC"), E, "C1"),
    "576": (edit(LAST_M, "C1", end_date=None), M, "C1"),
    "348": (edit(LAST_O3, "C3", in_touch="DIED"), O3, "C3"),
}
