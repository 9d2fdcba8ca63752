"""Importing inspection history from every source and asking what was true at a date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lineofsight.benchmark.councils import import_lookup
from lineofsight.cli import app
from lineofsight.errors import UserError
from lineofsight.ofsted.history import import_reports, inspections, standing_at
from lineofsight.ofsted.outcomes import read_official, read_scraped
from lineofsight.ofsted.pdf import read_pdf
from lineofsight.store import Store

NORTH_LINCS_2022 = "80527_north_lincolnshire/children's_services_inspection_-_25_november_2022.pdf"


@pytest.fixture(scope="module")
def store(reference_dir: Path) -> Store:
    official = reference_dir / "dfe" / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
    if not official.exists():
        pytest.skip("no official outcomes release in ../shared/reference/dfe")
    s = Store()
    import_lookup(s, reference_dir / "la_lookup.csv")
    import_reports(s, read_official(official))
    import_reports(s, read_scraped(reference_dir / "ofsted" / "ilacs_history_scraped.csv"))
    import_reports(s, [read_pdf(reference_dir / "ofsted" / "reports" / NORTH_LINCS_2022)])
    return s


def test_all_outstanding_at_1_december_2022(store: Store) -> None:
    rows = standing_at(store, dt.date(2022, 12, 1), all_outstanding=True)
    # The brief names these five; the official release, the scrape and the report agree.
    assert {r["council"] for r in rows} == {
        "Hampshire",
        "Kensington and Chelsea",
        "North Lincolnshire",
        "North Yorkshire",
        "Westminster",
    }
    north_lincs = next(r for r in rows if r["council"] == "North Lincolnshire")
    assert north_lincs["judgement_source"] == "report"  # the report outranks the official table and the scrape
    assert north_lincs["sources"] == "official,report,scraped"


def test_one_day_before_publication_the_2022_inspection_does_not_count(store: Store) -> None:
    rows = standing_at(store, dt.date(2022, 11, 24), all_outstanding=True)
    assert "North Lincolnshire" not in {r["council"] for r in rows}


def test_region_filter_and_unknown_region(store: Store) -> None:
    rows = standing_at(store, dt.date(2022, 12, 1), region="London", all_outstanding=True)
    assert {r["council"] for r in rows} == {"Kensington and Chelsea", "Westminster"}
    with pytest.raises(UserError, match="no region called 'Atlantis'"):
        standing_at(store, dt.date(2022, 12, 1), region="Atlantis")


def test_history_keeps_every_inspection_once_with_all_its_sources(store: Store) -> None:
    history = inspections(store, "813")  # North Lincolnshire's DfE code
    ids = [r["inspection_id"] for r in history]
    assert len(ids) == len(set(ids))
    starts = {r["inspection_start"] for r in history}
    assert dt.date(2022, 10, 10) in starts
    # Stored once per source: the official release, the scrape and the PDF all gave the 2022 inspection.
    sources = store.query("SELECT source FROM inspection WHERE inspection_id = '813-2022-10-10' ORDER BY 1")
    assert [s[0] for s in sources] == ["official", "report", "scraped"]


def test_reimporting_the_same_source_does_not_duplicate(store: Store, reference_dir: Path) -> None:
    before = store.count("judgement")
    import_reports(store, [read_pdf(reference_dir / "ofsted" / "reports" / NORTH_LINCS_2022)])
    assert store.count("judgement") == before


def test_import_without_councils_is_a_user_error(reference_dir: Path) -> None:
    with pytest.raises(UserError, match="import the council lookup first"):
        import_reports(Store(), [read_pdf(reference_dir / "ofsted" / "reports" / NORTH_LINCS_2022)])


def test_cli_read_import_query(reference_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    pdf = str(reference_dir / "ofsted" / "reports" / NORTH_LINCS_2022)
    result = runner.invoke(app, ["ofsted", "read", pdf, "--format", "json"])
    assert result.exit_code == 0, result.output
    [read] = json.loads(result.output)
    assert read["judgements"]["overall_effectiveness"] == "outstanding"
    assert read["inspection_start"] == "2022-10-10"
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["reference", "import", str(reference_dir / "la_lookup.csv"), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["ofsted", "import", pdf, "--db", db]).exit_code == 0
    result = runner.invoke(
        app, ["ofsted", "query", "--at", "2022-12-01", "--all-outstanding", "--format", "json", "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert [r["council"] for r in json.loads(result.output)] == ["North Lincolnshire"]
