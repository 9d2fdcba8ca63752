"""`lineofsight load` end to end: counts per table, problems, exit codes, one-line errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.store import Store

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"


def test_load_prints_counts_and_first_problems(tmp_path: Path) -> None:
    folder = tmp_path / "681_2026"
    folder.mkdir()
    (folder / "header.csv").write_text(HEADER + "C1,1,02/03/2010,WBRI,UN1,,\nC2,1,30/02/2010,WBRI,UN1,,\n")
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "header.csv" in result.output and "child" in result.output
    assert "child row 3: DOB '30/02/2010' is not a real date" in " ".join(result.output.split())
    # A Header row is kept with the unreadable value blank, so the child is not also missing from the
    # Header for every other table (store/load.py KEEP_ROWS).
    assert "the value was left blank" in " ".join(result.output.split())
    with Store(db, read_only=True) as store:
        assert store.query("SELECT child_id, date_of_birth FROM child ORDER BY 1") == [
            ("C1", dt.date(2010, 3, 2)),
            ("C2", None),
        ]


def test_load_with_nothing_loadable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("WHO,WHAT\nme,this\n")
    result = CliRunner().invoke(app, ["load", str(tmp_path / "notes.csv"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 1
    assert "notes.csv" in result.output and "WHAT, WHO" in result.output


def test_missing_council_is_one_line_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "header.csv").write_text(HEADER + "C1,1,02/03/2010,WBRI,UN1,,\n")
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from lineofsight.cli import main; main()",
            "load",
            str(tmp_path / "header.csv"),
            "--db",
            str(tmp_path / "s.duckdb"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "pass --council CODE and --year YYYY" in " ".join(run.stderr.split())  # rich wraps at the terminal width


def test_children_csv_puts_formula_text_behind_an_apostrophe() -> None:
    """`children --format csv` writes through this: text a spreadsheet would run is guarded, numbers are not."""
    from lineofsight.cli.indicators import _csv

    rows = [{"member": '=HYPERLINK("http://x")', "note": "@SUM(A1)", "value": -3, "plain": "C1"}]
    lines = _csv(rows, list(rows[0])).splitlines()
    assert lines[1] == '"\'=HYPERLINK(""http://x"")",\'@SUM(A1),-3,C1'


def test_a_path_with_glob_characters_is_one_file_never_a_pattern(tmp_path: Path) -> None:
    folder = tmp_path / "681_2026"
    folder.mkdir()
    (folder / "header.csv").write_text(HEADER + "C1,1,02/03/2010,WBRI,UN1,,\nC2,1,02/03/2011,WBRI,UN2,,\n")
    star = folder / "*.csv"  # a file really named *.csv
    star.write_text(HEADER + "C9,1,02/03/2012,WBRI,UN9,,\n")
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(app, ["load", str(star), "--db", str(db), "--council", "681", "--year", "2026"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        assert store.query("SELECT child_id FROM child") == [("C9",)]
