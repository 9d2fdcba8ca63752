"""The QA commands end to end on a store file: plan, import, summary, export, feedback, Annex A, draft."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.errors import UserError
from lineofsight.store import Store

from .planted import ACTIONS_CSV, AUDITS_CSV, SURVEY
from .test_annex_a import planted

runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    Store(path).close()
    source = planted()
    source.con.execute(f"ATTACH '{path}' AS f")
    for (name,) in source.query("SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory'"):
        source.con.execute(f"INSERT INTO f.{name} SELECT * FROM {name}")
    source.con.execute("DETACH f")
    for name, text in (("audits.csv", AUDITS_CSV), ("actions.csv", ACTIONS_CSV), ("survey.csv", SURVEY)):
        (tmp_path / name).write_text(text)
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if isinstance(result.exception, UserError):
        return 2, str(result.exception)
    return result.exit_code, result.output


def test_audit_commands(db: Path, tmp_path: Path) -> None:
    common = ("--db", str(db), "--council", "999")
    code, out = run(
        "audit",
        "plan",
        *common,
        "--month",
        "2025-10",
        "--theme",
        "second_cp_plan",
        "--size",
        "5",
        "--auditors",
        "ann",
        "--out",
        str(tmp_path / "plan.csv"),
    )
    assert code == 0 and "1 cases drawn from 1 who fit the theme" in out  # C1 alone has a previous plan
    assert len((tmp_path / "plan.csv").read_text().splitlines()) == 2
    code, out = run("audit", "import", str(tmp_path / "audits.csv"), *common)
    assert code == 1 and "6 of 10 audits loaded" in out and "audits.csv, row 8, OVERALL" in out
    code, out = run("audit", "import", str(tmp_path / "actions.csv"), *common)
    assert code == 1 and "3 of 5 actions loaded" in out
    code, out = run("audit", "summary", *common, "--today", "2025-09-01")
    assert code == 0 and "Good or better: 60% (95% CI 23% to 88%, n=5)" in out
    assert "Actions: 2 open, 1 overdue, 1 completed" in out
    code, out = run("audit", "actions", *common, "--today", "2025-09-01")
    assert code == 0 and "X1" in out and "62" in out
    code, out = run("audit", "complete", "X1", *common, "--date", "2025-09-02")
    assert code == 0 and "Action X1 completed on 02 September 2025." in out
    code, out = run("audit", "actions", *common, "--today", "2025-09-03")
    assert code == 0 and "No overdue actions." in out
    code, out = run("audit", "complete", "X99", *common)
    assert code == 2 and "no action 'X99'" in out
    code, out = run("audit", "export", *common, "--out", str(tmp_path / "out.csv"))
    assert code == 0 and "7 audits written" in out  # six imported, one planned
    with Store(db) as store:  # both child-level exports were logged before they were written
        assert [r[0] for r in store.query("SELECT subject FROM audit_log ORDER BY occurred_at")] == [
            "audit programme",
            "audits",
        ]
    code, out = run("audit", "summary", *common, "--today", "not-a-date")
    assert code == 2 and "--today must be a date" in out


def test_feedback_annex_a_and_self_evaluation(db: Path, tmp_path: Path) -> None:
    common = ("--db", str(db), "--council", "999")
    code, out = run("feedback", "import", str(tmp_path / "survey.csv"), *common)
    assert code == 1 and "15 answers from 7 respondents loaded" in out
    code, out = run("feedback", "summary", *common)
    assert code == 0 and "67% (95% CI 21% to 94%, n=3)" in out
    book = tmp_path / "annex_a.xlsx"
    code, out = run("annex-a", *common, "--date", "2026-03-31", "--out", str(book))
    assert code == 0 and "List 8: 3 records" in out
    assert openpyxl.load_workbook(book, read_only=True).sheetnames[0] == "Cover"
    code, out = run("annex-a", "read", str(book), "--db", str(tmp_path / "back.duckdb"), "--council", "999")
    assert code == 0 and "referral: 3 rows" in out
    code, out = run("annex-a", *common, "--out", str(tmp_path / "a.csv"))
    assert code == 2 and "name it .xlsx" in out
    for suffix in (".html", ".docx"):
        code, out = run("self-evaluation", *common, "--year", "2026", "--out", str(tmp_path / f"se{suffix}"))
        assert code == 0 and "Draft written" in out
    assert "DRAFT for editing" in (tmp_path / "se.html").read_text()
    code, out = run(
        "self-evaluation",
        "--db",
        str(tmp_path / "missing.duckdb"),
        "--council",
        "999",
        "--year",
        "2026",
        "--out",
        str(tmp_path / "x.html"),
    )
    assert code == 2 and "no such store" in out
