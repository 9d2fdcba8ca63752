"""`lineofsight demo` runs end to end (without serving) and shows the inspection's figures."""

from pathlib import Path

from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.store import Store


def test_demo_loads_imports_plants_and_recovers_the_headline_figures(tmp_path: Path) -> None:
    """Without ../shared: the reference data comes from the bundle in the package, map included."""
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path), "--no-serve"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    # The demo plants North Lincolnshire's 2017 figures; the indicator engine must give them back.
    for line in ("Social worker turnover", "Return home interviews accepted"):
        assert line in result.output
    assert "│ 11.0 " in result.output and "│ 92.0 " in result.output and "│ 78.0 " in result.output
    # The synthetic returns are clean: no DfE rule finds an error in any of the three years.
    for year in ("2023/24", "2024/25", "2025/26"):
        assert f"{year} 0 errors" in result.output
    with Store(tmp_path / "lineofsight.duckdb", read_only=True) as store:
        assert store.count("episode") > 0
        assert store.count("inspection") > 0
        assert store.count("map_area") == 153
        assert store.count("benchmark_value", "area_code = '813'") > 0
        assert store.count("audit") > 0
