"""One mutation per CIN rule that makes it fire on a known row of the clean census.

Each case: the rule code, SQL that breaks the clean census in one way the rule
exists to catch, and a selector for the row(s) of the rule's table the rule
must then flag (evaluated after the mutation, so inserted rows can be named).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    code: str
    mutation: tuple[str, ...]
    expect: str  # WHERE clause over the rule's table
    why: str = ""


def case(code: str, mutation: str | tuple[str, ...], expect: str, why: str = "") -> Case:
    return Case(code, (mutation,) if isinstance(mutation, str) else mutation, expect, why)


def set_(table: str, assignments: str, where: str) -> str:
    return f"UPDATE {table} SET {assignments} WHERE {where}"


def copy(table: str, where: str, row: int, **changes: str) -> str:
    """Insert a copy of a row with some values changed (SQL expressions) and a new source_row."""
    replaced = ", ".join(f"{value} AS {name}" for name, value in {"source_row": str(row), **changes}.items())
    return f"INSERT INTO {table} SELECT * REPLACE ({replaced}) FROM {table} WHERE {where}"


C1, C2, C3, C4, C5 = (f"child_id = 'C{n}'" for n in range(1, 6))
C2R1, C2R2 = "child_id = 'C2' AND referral_id = 1", "child_id = 'C2' AND referral_id = 2"

CHILD = [
    case("8500", set_("cin_child", "child_id = ''", C3), "child_id = ''"),
    case("8510", set_("cin_child", "child_id = 'C1'", C3), C1),
    case("1570", set_("cin_child", "child_id = 'C3ABCDEFGHIJKLMNOPQRST'", C3), "child_id LIKE 'C3%'", "21 chars"),
    case("1580", set_("cin_child", "child_id = 'C-3'", C3), "child_id = 'C-3'"),
    # K370123456789 is valid (worked in census.upn); A is the wrong check letter.
    case("1510", set_("cin_child", "upn = 'A370123456789'", C1), C1),
    case("1520", set_("cin_child", "upn = (SELECT upn FROM cin_child WHERE child_id = 'C1')", C5), C5),
    case("1530", set_("cin_child", "upn = 'K999123456789'", C1), C1, "999 is no LA code"),
    case("1540", set_("cin_child", "upn = 'K370ABCD56789'", C1), C1),
    case("1550", set_("cin_child", "upn = 'K37012345678I'", C1), C1, "I is not used"),
    case("1560Q", set_("cin_child", "former_upn = '123'", C4), C4),
    case("4180", set_("cin_child", "sex = 'X'", C1), C1),
    case("4220", set_("cin_child", "ethnicity = 'ZZZZ'", C1), C1),
    case("8520", set_("cin_child", "date_of_birth = DATE '2026-04-05'", C1), C1),
    case("8525Q", set_("cin_child", "expected_date_of_birth = DATE '2015-06-10'", C1), C1),
    case("8530Q", set_("cin_child", "expected_date_of_birth = DATE '2027-06-01'", C3), C3),
    case("8535Q", set_("cin_child", "date_of_death = DATE '2009-12-01'", C5), C5),
    case("8545Q", set_("cin_child", "date_of_death = DATE '2025-03-01'", C5), C5),
    case("8750", set_("cin_child", "sex = 'F'", C3), C3),
    case("8770Q", set_("cin_child", "upn = NULL", C1), C1, "born 2015: of school age"),
    case("8772", set_("cin_child", "upn_unknown = 'UN7'", C2), C2),
    case("8775Q", set_("cin_child", "date_of_birth = DATE '1999-01-01'", C5), C5),
    case("8590", f"DELETE FROM referral WHERE {C3}", C3),
    # 1 of 5 children (not unborn) with sex U: 20% > 2%; the query points at the first child.
    case("2886Q", set_("cin_child", "sex = 'U'", C4), C1),
    case("8540", set_("cin_disability", "disability = 'XYZ'", C4), C4),
    case("8790", copy("cin_disability", f"{C1} AND disability = 'MOB'", 9001, disability="'NONE'"), C1),
    case("8794", copy("cin_disability", C4, 9002), C4),
    # 7 codes other than NONE used in the return: fewer than 8.
    case("2887Q", f"DELETE FROM cin_disability WHERE {C1} AND disability = 'VIS'", C1),
    case("2888Q", f"DELETE FROM cin_disability WHERE {C1} AND disability <> 'MOB'", C1),
]

REFERRALS = [
    case("8600", set_("referral", "referral_date = DATE '2026-04-02'", C1), C1),
    # DOB 10 June 2015 less 280 days is 3 September 2014.
    case("8606", set_("referral", "referral_date = DATE '2014-07-01'", C1), C1),
    case("8555Q", set_("referral", "referral_date = DATE '2025-09-01'", C5), C5),
    case("8866", set_("referral", "referral_source = '99'", C1), C1),
    case("8568", set_("referral", "referral_nfa = NULL", C1), C1),
    # The last working day before 1 April 2025 is Monday 31 March 2025.
    case("8569Q", set_("referral", "referral_date = DATE '2025-03-28'", C3), C3),
    case("8610", set_("referral", "primary_need = NULL", C1), C1),
    case("8650", set_("referral", "primary_need = 'N99'", C1), C1),
    case("8620", set_("referral", "closure_date = DATE '2026-04-10'", C1), C1),
    case("8630", set_("referral", "closure_date = DATE '2025-04-20'", C1), C1),
    case("8640", set_("referral", "reason_for_closure = 'RC99'", C1), C1),
    case("8805", set_("referral", "reason_for_closure = NULL", C1), C1),
    case("8810", set_("referral", "closure_date = NULL", C1), C1),
    case("8585Q", set_("referral", "reason_for_closure = 'RC2'", C1), C1),
    case("8815", set_("referral", "closure_date = NULL, reason_for_closure = NULL", C2R1), C2R1),
    case("8816", set_("referral", "closure_date = NULL, reason_for_closure = NULL", C2R1), C2R1),
    # C2's first episode runs 20 Nov 2024 to 30 Apr 2025.
    case("8820", set_("referral", "referral_date = DATE '2025-04-15'", C2R2), C2R2),
    case("8825Q", f"DELETE FROM assessment WHERE {C2R1}", C2R1),
    case("8831", set_("referral", "referral_nfa = 'true'", C1), C1),
    case("8832", set_("referral", "referral_nfa = 'true'", C4), C4),
    case("4000", set_("referral", "referral_nfa = 'true'", C5), C5),
    case("2990", set_("referral", "reason_for_closure = 'RC8'", C1), C1),
    case("8565", set_("referral", "closure_date = DATE '2025-12-01'", C1), C1, "CP plan ends 10 Jan 2026"),
    case("8867", set_("assessment", "authorisation_date = NULL", C1), C1),
    case("8868", set_("section47", "icpc_date = NULL", C1), C1),
    case("1104", set_("section47", "icpc_date = DATE '2025-04-29'", C1), C1),
    case("8715", set_("section47", "icpc_date = DATE '2026-04-07'", C4), C4),
    case("8875", set_("section47", "icpc_date = DATE '2025-06-14'", C4), C4, "a Saturday"),
    case("2884", set_("referral", "date_of_initial_cpc = DATE '2025-06-10'", C4), C4),
    case("8873Q", set_("referral", "reason_for_closure = 'RC7'", C2R1), C2R1),
]

ASSESSMENTS = [
    case("1103", set_("assessment", "start_date = DATE '2025-04-30'", C1), C1),
    case("8608", set_("assessment", "authorisation_date = DATE '2025-05-01'", C1), C1),
    case("8696", set_("assessment", "authorisation_date = DATE '2026-04-02'", C1), C1),
    case("8736", set_("assessment", "start_date = DATE '2025-03-20'", C2R2), C2R2),
    case("8670Q", set_("assessment", "start_date = DATE '2025-12-01'", C2R2), C2R2),
    case(
        "8863Q",
        copy(
            "assessment",
            C1,
            9003,
            assessment_id="2",
            start_date="DATE '2025-05-20'",
            authorisation_date="DATE '2025-06-01'",
        ),
        f"{C1} AND assessment_id = 2",
    ),
    case("8896", copy("assessment", C2R2, 9004, assessment_id="2"), f"{C2R2} AND assessment_id = 1"),
    case("8897Q", f"DELETE FROM assessment_factor WHERE {C4}", C4),
    case("8614", set_("assessment", "authorisation_date = NULL", C4), C4),
    case("8869", copy("assessment_factor", f"{C1} AND factor = '2B'", 9005, factor="'21'"), C1),
    case("8898", copy("assessment_factor", f"{C1} AND factor = '2B'", 9006), f"{C1} AND factor = '2B'"),
    case("8945Q", set_("assessment_factor", "factor = '18A'", C5), C5),
    case("8950Q", set_("assessment_factor", "factor = '19A'", C5), C5),
]

SECTION47 = [
    case("2889", set_("section47", "start_date = DATE '2025-04-20'", C1), C1),
    case("8615", set_("section47", "start_date = DATE '2025-09-24'", C1), C1),
    case("8675Q", set_("section47", "start_date = DATE '2026-02-02'", C2), C2),
    case("8740", set_("section47", "start_date = DATE '2025-03-03'", C2), C2),
    case("8839", copy("section47", C2, 9007, start_date="DATE '2026-03-26'"), f"{C2} AND source_row = 9007"),
    case("8870Q", set_("section47", "icpc_target_date = DATE '2025-09-20'", C1), C1, "a Saturday"),
    case(
        "8890",
        copy("section47", C1, 9008, start_date="DATE '2025-09-10'", icpc_date="DATE '2025-09-16'"),
        f"{C1} AND source_row = 9008",
    ),
    case("2991Q", f"DELETE FROM assessment WHERE {C4}", C4),
]

PROTECTION = [
    case("1105", set_("protection_plan", "start_date = DATE '2025-04-20'", C1), C1),
    case("8720", set_("protection_plan", "start_date = DATE '2026-04-03'", C1), C1),
    case("8730", set_("protection_plan", "previous_plans = NULL", C4), C4),
    case("8840", set_("protection_plan", "end_date = DATE '2025-09-23'", C1), C1),
    case("8905", set_("protection_plan", "initial_category = 'XXX'", C1), C1),
    case("8910", set_("protection_plan", "latest_category = NULL", C1), C1),
    case("8915", set_("cin_child", "date_of_death = DATE '2025-09-01'", C1), C1),
    case("8920", set_("cin_child", "date_of_death = DATE '2025-12-01'", C1), C1),
    case("8925", set_("protection_plan", "end_date = DATE '2025-09-01'", C1), C1),
    case("8930", set_("protection_plan", "end_date = DATE '2026-04-20'", C1), C1),
    case("8935", copy("protection_plan", C4, 9009, start_date="DATE '2025-08-01'"), C4),
    case(
        "8940",
        copy("protection_plan", C1, 9010, start_date="DATE '2025-10-01'", end_date="DATE '2025-11-01'"),
        f"{C1} AND source_row = 9010",
    ),
    case("2885", set_("protection_plan", "start_date = DATE '2025-09-24'", C1), C1),
    # C4's conference removed: 2 plans start in the year, 1 conference held; points at the first plan.
    case("2883", set_("section47", "icpc_date = NULL", C4), C1),
    case("8841", set_("protection_plan_review", "review_date = DATE '2025-09-23'", C1), C1),
    case("8842Q", set_("protection_plan_review", "review_date = NULL", C1), C1),
    case("4003", set_("protection_plan_review", "review_date = DATE '2025-07-01'", C1), C1),
]

PLANS = [
    case(
        "4004",
        (
            set_("cin_plan", "end_date = NULL", C5),
            copy("cin_plan", C5, 9011, start_date="DATE '2025-06-01'"),
        ),
        C5,
    ),
    case("4008", set_("cin_plan", "start_date = DATE '2025-08-05'", C5), C5),
    case("4009Q", set_("cin_plan", "end_date = DATE '2025-08-10'", C5), C5),
    case("4010", set_("cin_plan", "start_date = NULL", C5), C5),
    case("4011", set_("cin_plan", "end_date = DATE '2025-05-01'", C5), C5),
    case("4012Q", set_("cin_plan", "end_date = DATE '2025-05-02'", C5), C5),
    case("4013", set_("cin_plan", "end_date = DATE '2026-04-15'", C1), C1),
    case(
        "4014",
        copy("cin_plan", C1, 9012, start_date="DATE '2025-07-01'", end_date="DATE '2025-08-01'"),
        f"{C1} AND source_row = 9012",
    ),
    case("4015", set_("cin_plan", "start_date = DATE '2025-04-25'", C1), C1),
    case(
        "4001",
        copy("cin_plan", C5, 9013, child_id="'C4'", start_date="DATE '2025-05-21'", end_date="NULL"),
        C4,
    ),
    case("4016", set_("cin_plan", "start_date = DATE '2025-10-01', end_date = DATE '2025-10-20'", C1), C1),
    case("4017", set_("cin_plan", "end_date = DATE '2025-10-01'", C1), C1, "CP plan starts 23 Sep 2025"),
]

CASES = CHILD + REFERRALS + ASSESSMENTS + SECTION47 + PROTECTION + PLANS
