"""The reference bundle shipped in the package: built from the official downloads by `lineofsight reference update`,
it gives a store the same councils, published figures, population, Ofsted history and map as the downloads do."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.reference.bundle import BUNDLE, TABLES, import_bundle, manifest, write_bundle
from lineofsight.reference.sources import import_sources
from lineofsight.store import Store

ROWS = {
    "council": "SELECT * EXCLUDE (source_file) FROM council ORDER BY la_code",
    "benchmark_value": "SELECT * EXCLUDE (source_file) FROM benchmark_value ORDER BY ALL",
    "area_population": "SELECT * EXCLUDE (source_file) FROM area_population ORDER BY ALL",
    "map_area": "SELECT ons_code, name, rings FROM map_area ORDER BY ons_code",
    "inspection": "SELECT * EXCLUDE (source_file) FROM inspection ORDER BY ALL",
    "judgement": "SELECT * EXCLUDE (source_file) FROM judgement ORDER BY ALL",
}


@pytest.fixture(scope="module")
def from_sources(reference_dir: Path) -> Store:
    """A store built from the official downloads in ../shared/reference (reads the 158 report PDFs: slow)."""
    if not (reference_dir / "la_lookup.csv").exists():
        pytest.skip("the shared reference data is not here")
    store = Store()
    import_sources(store, reference_dir)
    return store


@pytest.fixture(scope="module")
def from_bundle() -> Store:
    store = Store()
    import_bundle(store)
    return store


def test_the_bundle_is_small_and_built_from_the_downloads_beside_it(reference_dir: Path) -> None:
    size = sum(f.stat().st_size for f in BUNDLE.iterdir())
    assert size < 2 * 2**20, f"the bundle is {size} bytes"
    sources = {s["file"]: s for s in manifest()["sources"]}
    assert "la_lookup.csv" in sources and "dfe/b1_children_in_need_2013_to_2025.csv" in sources
    assert sum(1 for f in sources if f.endswith(".pdf")) == 158
    for name in ("la_lookup.csv", "dfe/LA_Inspection_Outcomes_as_at_31_March_2025.ods"):
        path = reference_dir / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sources[name]["sha256"], f"{name} changed: rebuild"


@pytest.mark.parametrize("table", list(ROWS))
def test_a_store_from_the_bundle_holds_what_one_from_the_downloads_holds(
    from_sources: Store, from_bundle: Store, table: str
) -> None:
    expected = from_sources.query(ROWS[table])
    assert expected, f"the downloads gave no {table} rows"
    assert from_bundle.query(ROWS[table]) == expected


def test_the_bundle_gives_north_lincolnshire_its_published_figures_and_history(from_bundle: Store) -> None:
    name, neighbours = from_bundle.query("SELECT name, statistical_neighbours FROM council WHERE la_code = '813'")[0]
    assert name == "North Lincolnshire" and neighbours.split(",")[0] != ""
    # Referrals per 10,000 in 2024/25: the DfE's count over the ONS estimate of June 2024, both in the bundle.
    referrals = from_bundle.query(
        "SELECT value FROM benchmark_value WHERE indicator_id = 'cin.referrals_rate' AND collection_year = 2025"
        " AND area_code = '813'"
    )[0][0]
    children = from_bundle.query(
        "SELECT population_0_17 FROM area_population WHERE area_code = '813' AND mid_year = 2024"
    )[0][0]
    assert 25_000 < children < 40_000
    assert 100 < referrals < 1_000
    # Ofsted judged North Lincolnshire outstanding in every judgement in 2022 (its report is among the PDFs).
    grades = from_bundle.query(
        "SELECT DISTINCT grade FROM judgement j JOIN inspection i USING (inspection_id, source)"
        " WHERE i.la_code = '813' AND i.source = 'report' AND i.inspection_start BETWEEN '2022-01-01' AND '2022-12-31'"
    )
    assert grades == [("outstanding",)]
    assert from_bundle.count("map_area") == 153


def test_importing_the_bundle_twice_replaces_rather_than_doubles(from_bundle: Store) -> None:
    before = {t: from_bundle.count(t) for t in ("council", "benchmark_value", "inspection", "judgement", "map_area")}
    import_bundle(from_bundle)
    assert {t: from_bundle.count(t) for t in before} == before


def test_update_writes_a_bundle_that_imports_back(tmp_path: Path, from_sources: Store, reference_dir: Path) -> None:
    """write_bundle over the store built from the downloads, read back: the same rows (the update command's path)."""
    from lineofsight.reference.sources import read_reports

    reports = read_reports(reference_dir / "missing-folder")  # no Ofsted files: the tables alone
    rows = write_bundle(from_sources, reports, reference_dir, tmp_path / "bundle")
    assert rows["ofsted_report"] == 0 and rows["council"] == from_sources.count("council")
    again = Store()
    import_bundle(again, tmp_path / "bundle")
    for table in TABLES:
        assert again.query(ROWS[table.name]) == from_sources.query(ROWS[table.name])
    kept = again.query("SELECT DISTINCT source_file FROM benchmark_value ORDER BY 1")
    assert all(not str(f).startswith("/") for (f,) in kept)  # file names relative to the download folder


def _invoke(*args: Any) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def test_reference_import_without_a_path_imports_the_bundle(tmp_path: Path) -> None:
    result = _invoke("reference", "import", "--db", tmp_path / "s.duckdb")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # the console may wrap the line anywhere
    assert "the shipped bundle" in said and "153 councils" in said
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.count("inspection") > 900 and store.count("map_area") == 153


def test_a_folder_without_a_council_lookup_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "downloads").mkdir()
    result = _invoke("reference", "update", tmp_path / "downloads", "--out", tmp_path / "bundle")
    assert result.exit_code != 0
    assert "no la_lookup.csv" in str(result.exception)
    assert not (tmp_path / "bundle").exists()
