"""Case audits: planted audits and actions, summaries checked against hand-worked figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lineofsight.errors import UserError
from lineofsight.model import TABLES
from lineofsight.qa import audits, programme, summary
from lineofsight.qa.stats import cohen_kappa, wilson
from lineofsight.store import Store

from .planted import ACTIONS_CSV, AUDITS_CSV

COUNCIL = "999"


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store()
    (tmp_path / "audits.csv").write_text(AUDITS_CSV)
    (tmp_path / "actions.csv").write_text(ACTIONS_CSV)
    return s


def test_import_loads_good_rows_and_names_each_bad_one(store: Store, tmp_path: Path) -> None:
    result = audits.import_csv(store, tmp_path / "audits.csv", COUNCIL)
    assert (result.kind, result.rows_read, result.rows_loaded) == ("audits", 10, 6)
    assert [str(p) for p in result.problems] == [
        "audits.csv, row 8, OVERALL: must be a grade: 1 Outstanding, 2 Good, 3 Requires improvement to be good, "
        "4 Inadequate",
        "audits.csv, row 9, AREA: must be one of " + ", ".join(TABLES["audit"].column("area").codes.codes),  # type: ignore[union-attr]
        "audits.csv, row 10, MODERATOR: must be a second auditor, not the one who audited the case",
        "audits.csv, row 11, AUDIT_DATE: is required when the audit is graded (OVERALL)",
    ]
    grades = store.query("SELECT domain, grade FROM audit_grade WHERE audit_id = 'A1' ORDER BY domain")
    assert grades == [
        ("assessment", "2"),
        ("childs_voice", "2"),
        ("management_oversight", "3"),
        ("outcome", "2"),
        ("planning", "2"),
    ]
    # Audits dated May-June 2025 belong to collection year 2026 (April 2025 to March 2026).
    assert store.query("SELECT DISTINCT collection_year FROM audit WHERE audit_date IS NOT NULL") == [(2026,)]

    actions = audits.import_csv(store, tmp_path / "actions.csv", COUNCIL)
    assert (actions.kind, actions.rows_read, actions.rows_loaded) == ("actions", 5, 3)
    assert [(p.row, p.field) for p in actions.problems] == [(5, "AUDIT_ID"), (6, "DUE_DATE")]


def test_import_twice_replaces_not_doubles(store: Store, tmp_path: Path) -> None:
    audits.import_csv(store, tmp_path / "audits.csv", COUNCIL)
    audits.import_csv(store, tmp_path / "audits.csv", COUNCIL)
    assert store.count("audit") == 6
    assert store.count("audit_grade", "audit_id = 'A1'") == 5


def test_summary_matches_hand_worked_figures(store: Store, tmp_path: Path) -> None:
    audits.import_csv(store, tmp_path / "audits.csv", COUNCIL)
    audits.import_csv(store, tmp_path / "actions.csv", COUNCIL)
    s = summary.summarise(store, COUNCIL, today=dt.date(2025, 9, 1))
    # Graded: A1 good, A2 RI, A3 outstanding, A4 inadequate, A5 good -> 3 of 5 good or better; A6 planned.
    assert (s.graded, s.good.k, s.planned) == (5, 3, 1)
    assert s.good.percent == pytest.approx(60.0)
    # Teams: North A1 A2 A5 -> 2 of 3; South A3 A4 -> 1 of 2.
    assert [(g.group, g.good.k, g.good.n) for g in s.by_team] == [("North", 2, 3), ("South", 1, 2)]
    # Months: May A1 A2 -> 1 of 2; June A3 A4 A5 -> 2 of 3.
    assert [(g.group, g.good.k, g.good.n) for g in s.by_month] == [("2025-05", 1, 2), ("2025-06", 2, 3)]
    assert [g.label for g in s.by_month] == ["May 2025", "June 2025"]
    assert [(g.group, g.good.k, g.good.n) for g in s.by_area] == [
        ("care_leavers", 1, 1),
        ("children_in_care", 1, 2),
        ("help_and_protection", 1, 2),
    ]
    # Moderated: A1 2/2, A2 3/4, A3 1/1 -> agree 2 of 3.
    # Kappa: observed 2/3; chance = (1*1 for grade 1 + 1*1 for grade 2 + 0 for 3 and 4) / 3^2 = 2/9;
    # (2/3 - 2/9) / (1 - 2/9) = (4/9) / (7/9) = 4/7.
    assert (s.moderation.moderated, s.moderation.agreed) == (3, 2)
    assert s.moderation.kappa == pytest.approx(4 / 7)
    # Actions at 1 September 2025: X1 open and overdue (due 1 July), X2 done, X3 open not yet due.
    assert (s.actions_open, s.actions_overdue, s.actions_completed) == (2, 1, 1)
    overdue = summary.overdue_actions(store, COUNCIL, dt.date(2025, 9, 1))
    # 1 July to 1 September 2025 = 30 (rest of July) + 31 (August) + 1 = 62 days.
    assert [(a["action_id"], a["days_overdue"], a["team"]) for a in overdue] == [("X1", 62, "North")]


def test_export_round_trips_and_defuses_formulas(store: Store, tmp_path: Path) -> None:
    audits.import_csv(store, tmp_path / "audits.csv", COUNCIL)
    out = tmp_path / "out.csv"
    assert audits.export_csv(store, COUNCIL, out) == 6
    text = out.read_text()
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    again = Store()
    result = audits.import_csv(again, out, COUNCIL)
    assert result.problems == []
    cols = "audit_id, child_id, area, team, auditor, audit_date, overall_grade, moderated_grade, moderator"
    assert again.query(f"SELECT {cols} FROM audit ORDER BY 1") == store.query(f"SELECT {cols} FROM audit ORDER BY 1")
    assert again.query("SELECT * EXCLUDE (source_file, source_row) FROM audit_grade ORDER BY ALL") == store.query(
        "SELECT * EXCLUDE (source_file, source_row) FROM audit_grade ORDER BY ALL"
    )


def test_not_an_audit_file_is_one_plain_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.csv"
    bad.write_text("A,B\n1,2\n")
    with pytest.raises(UserError, match="not an audits CSV"):
        audits.import_csv(Store(), bad, COUNCIL)


def _plant_plans(store: Store) -> None:
    table = TABLES["protection_plan"]
    store.insert_columns(
        table,
        {
            "la_code": [COUNCIL] * 5,
            "collection_year": [2026] * 5,
            "child_id": ["C1", "C2", "C3", "C4", "C5"],
            "referral_id": [1] * 5,
            "start_date": [dt.date(2025, 5, 1)] * 4 + [dt.date(2024, 1, 1)],
            "end_date": [None, None, None, None, dt.date(2024, 6, 1)],
            "initial_category": ["NEG"] * 5,
            "latest_category": ["NEG"] * 5,
            "previous_plans": [1, 0, 2, 1, 3],
        },
    )


def test_theme_programme_is_seeded_and_drawn_from_the_theme() -> None:
    store = Store()
    _plant_plans(store)
    # Second or subsequent plan open in 2025/26: C1, C3, C4 (C2 is a first plan, C5 ended in 2024).
    assert [c for c, _ in programme.cohort(store, COUNCIL, 2026, "second_cp_plan")] == ["C1", "C3", "C4"]
    first = programme.plan(store, COUNCIL, dt.date(2025, 10, 1), "second_cp_plan", 2, ["ann", "bob"], seed=7)
    again = programme.plan(store, COUNCIL, dt.date(2025, 10, 1), "second_cp_plan", 2, ["ann", "bob"], seed=7)
    assert first.audits == again.audits and first.cohort == 3
    assert {a["child_id"] for a in first.audits} <= {"C1", "C3", "C4"}
    assert [a["auditor"] for a in first.audits] == ["ann", "bob"]
    assert store.count("audit", "programme_id = ? AND overall_grade IS NULL", [first.programme_id]) == 2
    with pytest.raises(UserError, match="unknown audit theme"):
        programme.cohort(store, COUNCIL, 2026, "nonsense")


def test_wilson_and_kappa_reference_values() -> None:
    # Wilson 3 of 5, z = 1.96: centre (0.6 + 3.8415/10) / 1.76829 = 0.55655;
    # half 1.96 * sqrt(0.048 + 0.038415) / 1.76829 = 0.32583 -> 23.07% to 88.24%.
    lo, hi = wilson(3, 5) or (0.0, 0.0)
    assert (round(lo, 1), round(hi, 1)) == (23.1, 88.2)
    assert wilson(0, 0) is None
    assert cohen_kappa([("1", "1"), ("1", "1")]) is None  # chance agreement 1: undefined


def test_synthetic_sample_is_seeded_and_uses_the_store_children() -> None:
    from lineofsight.qa import sample

    from .test_annex_a import planted

    first, second = planted(), planted()
    a = sample.plant(first, COUNCIL, 2026, seed=5, per_month=2)
    b = sample.plant(second, COUNCIL, 2026, seed=5, per_month=2)
    assert a == b and a.audits == 24  # 2 a month for the 12 months of 2025/26
    children = {r[0] for r in first.query("SELECT child_id FROM audit")}
    assert children <= {"C1", "C2", "C3", "C4", "C5", "C8"}  # children open in 2025/26 in the planted store
    assert summary.summarise(first, COUNCIL, 2026) == summary.summarise(second, COUNCIL, 2026)
    assert first.count("audit_programme", "title LIKE 'A random sample%'") == 12
