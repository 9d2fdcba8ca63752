"""`lineofsight generate` from the command line: files written, bad options refused in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.errors import UserError

runner = CliRunner()


def test_generate_writes_each_council_year(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["generate", "--out", str(tmp_path), "--seed", "2", "--population", "1500", "--years", "1", "--processes", "1"],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["813_2026", "population.csv"]
    assert (tmp_path / "population.csv").read_text().splitlines() == ["LA_CODE,YEAR,POPULATION_0_17", "813,2025,1500"]
    names = sorted(p.name for p in (tmp_path / "813_2026").iterdir())
    assert "cin_census.xml" in names and "episodes.csv" in names and "return_interviews.csv" in names


@pytest.mark.parametrize(
    ("option", "message"),
    [(["--councils", "154"], "choose 1 to 153"), (["--turnover", "11"], "between 0 and 1")],
)
def test_bad_options_are_user_errors(tmp_path: Path, option: list[str], message: str) -> None:
    result = runner.invoke(app, ["generate", "--out", str(tmp_path), *option])
    assert isinstance(result.exception, UserError) and message in str(result.exception)
