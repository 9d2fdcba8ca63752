"""SSDA903 rules whose every clause the DfE text gives is tested, not only one.

These rules differed from csc-validator-be-903 (tests/conformance/ledger.toml) where lineofsight
had left out part of the DfE rule (DfE, Children looked after return 2025 to 2026, validation
rules 104, 165, 168, 178, 523). Each clause has its own firing case; the clean return staying
silent is tested for every rule in test_rules_903.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.model.codes import sex_code
from lineofsight.store import Store
from lineofsight.validate.engine import run_rule, validate_paths
from lineofsight.validate.rules import ruleset

from .cases_903 import BAD_OLD, SW, Case, D, H, P, U, add, both, edit
from .clean_903 import LA, YEAR, clean_return, previous_return, store_of, with_previous
from .test_engine import write_return

BY_CODE = {r.code: r for r in ruleset(YEAR, "ssda903")}
MALE, FEMALE = sex_code("M", YEAR), sex_code("F", YEAR)  # the codes the year uses

CLAUSES: dict[str, tuple[str, Case]] = {
    # 104: DUC a valid date, not before the collection year starts, not before the date of birth.
    "104 implausible date": ("104", (edit(U, "C5", date_uasc_ceased=BAD_OLD), U, "C5")),
    "104 before the year": ("104", (edit(U, "C5", date_uasc_ceased=D(2025, 3, 31)), U, "C5")),
    "104 before birth": (
        "104",
        (both(edit(U, "C5", date_uasc_ceased=D(2025, 6, 1)), edit(U, "C5", date_of_birth=D(2025, 7, 1))), U, "C5"),
    ),
    # 165: MOTHER valid; not for a male; required for a female with an episode in the year.
    "165 invalid": ("165", (edit(H, "C1", mother="Y"), H, "C1")),
    "165 male": ("165", (edit(H, "C2", sex=MALE, mother="0"), H, "C2")),
    "165 female without": ("165", (edit(H, "C1", sex=FEMALE, mother=None), H, "C1")),
    # 168: the first letter is never I, O or S; unknown UPNs are UN1-UN5 only.
    "168 format": ("168", (edit(H, "C2", upn="123"), H, "C2")),
    "168 letter I": ("168", (edit(H, "C2", upn="I123456789012"), H, "C2")),
    "168 letter O": ("168", (edit(H, "C2", upn="O123456789012"), H, "C2")),
    "168 letter S": ("168", (edit(H, "C2", upn="S123456789012"), H, "C2")),
    "168 UN6": ("168", (edit(H, "C2", upn="UN6"), H, "C2")),
    # 178: a valid provider code, and none for T0-T3 and Z1 (Z11-Z14) placements.
    "178 invalid": ("178", (edit("episode", "C2", placement_provider="PR9"), "episode", "C2")),
    "178 temporary": ("178", (edit("episode", "C2", placement_type="T1"), "episode", "C2")),
    "178 other placement": ("178", (edit("episode", "C2", placement_type="Z11"), "episode", "C2")),
    # 523: AD1's date should be placed is the date of every decision to place, reversed or not.
    "523 open decision": ("523", (edit(P, "C4", date_placed=D(2024, 9, 2)), P, "C4")),
    "523 reversed decision": (
        "523",
        (
            add(P, "C4", date_placed=D(2023, 5, 1), date_placed_ceased=D(2023, 9, 1), reason_placed_ceased="RD1"),
            P,
            "C4",
        ),
    ),
}
SILENT: dict[str, tuple[str, Case]] = {
    # A female without MOTHER whose care ended before the year: 165 has nothing to ask.
    "165 female not in care this year": ("165", (edit(H, "C3", mother=None), H, "C3")),
    # The unknown codes UN1-UN5 and a UPN starting with an allowed letter pass 168.
    "168 UN5": ("168", (edit(H, "C2", upn="UN5"), H, "C2")),
    "168 letter T": ("168", (edit(H, "C2", upn="T123456789012"), H, "C2")),
    # T4 (seven days or less, other reasons) is not among the placements 178 says have no provider.
    "178 T4": ("178", (edit("episode", "C2", placement_type="T4"), "episode", "C2")),
}


@pytest.fixture(scope="module")
def store() -> Store:
    return Store()


def _hits(code: str, case: Case, store: Store) -> list[tuple[str | None, str | None]]:
    mutate, _, _ = case
    data = with_previous(clean_return())
    mutate(data)
    store_of(data, store)
    return [(i.table, i.child) for i in run_rule(store, BY_CODE[code], LA, YEAR)]


@pytest.mark.parametrize("name", sorted(CLAUSES))
def test_each_clause_fires(name: str, store: Store) -> None:
    code, case = CLAUSES[name]
    assert (case[1], case[2]) in _hits(code, case, store)


@pytest.mark.parametrize("name", sorted(SILENT))
def test_what_the_dfe_allows_passes(name: str, store: Store) -> None:
    code, case = SILENT[name]
    assert (case[1], case[2]) not in _hits(code, case, store)


def test_an_unreadable_header_dob_is_reported_once_and_the_child_kept(tmp_path: Path) -> None:
    """A Header DOB like 31/02/2012 is one issue (102); the child stays in the Header, so the other
    modules do not report it absent (INT03, INT05, INT08) and last year's DOB is still compared (203)."""
    folder = write_return(tmp_path, clean_return())
    header = folder / "Header.csv"
    lines = header.read_text(encoding="utf-8").splitlines()
    lines = [line.replace("10/05/2012", "31/02/2012") if line.startswith("C1,") else line for line in lines]
    header.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate_paths([folder], previous=[write_return(tmp_path, previous_return(), YEAR - 1)])
    c1 = sorted(i.rule for i in report.issues if i.child == "C1")
    assert c1.count("102") == 1
    assert "203" in c1
    assert not {"INT03", "INT05", "INT08"} & set(c1)


def test_sw_reason_is_required_for_episodes_begun_since_april_2023(store: Store) -> None:
    """DfE rule SW13STG1: SW_REASON says why the episode began; blank is an error from 1 April 2023."""
    code = "SW13STG1"
    assert ("social_worker_episode", "C2") in _hits(code, (edit(SW, "C2", reason_change=None), SW, "C2"), store)
    before = (edit(SW, "C4", reason_change=None), SW, "C4")  # C4's episode began on 10 January 2023
    assert ("social_worker_episode", "C4") not in _hits(code, before, store)
