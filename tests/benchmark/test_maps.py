"""The council map: districts merged into councils, colours by grade and quartile, small SVG, IMD import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lineofsight.benchmark.councils import import_lookup
from lineofsight.benchmark.deprivation import import_imd
from lineofsight.benchmark.maps import (
    GRADE_COLOURS,
    GRADE_LEGEND,
    Geography,
    Shade,
    _outline,
    grade_shades,
    load_geography,
    map_codes,
    quartile_shades,
    render,
)
from lineofsight.errors import UserError
from lineofsight.store import Store


def test_two_districts_share_an_edge_that_the_council_outline_leaves_out() -> None:
    # Two unit squares side by side: (0,0)-(1,1) and (1,0)-(2,1); the edge x=1 is shared.
    left = [(0, 0), (1, 0), (1, 1), (0, 1)]
    right = [(1, 0), (2, 0), (2, 1), (1, 1)]
    outline = _outline([left, right])
    # Left square: (0,0)->(1,0) kept, (1,0)->(1,1) shared and dropped, (1,1)->(0,1)->(0,0) kept.
    # Right square: (1,0)->(2,0)->(2,1)->(1,1) kept, (1,1)->(1,0) shared and dropped. Relative moves after M.
    assert outline == "M0 0l1 0M1 1l-1 0 0 -1M1 0l1 0 0 1 -1 0"


def test_render_colours_and_table_rows() -> None:
    geography = Geography(
        {"E1": [[(0, 0), (5, 0), (5, 5)]], "E2": [[(5, 0), (9, 0), (9, 5)]]}, {"E1": "Avon", "E2": "Bede"}
    )
    result = render(geography, {"E1": Shade(GRADE_COLOURS["good"], "good")}, "Grades", GRADE_LEGEND)
    assert f'fill="{GRADE_COLOURS["good"]}"' in result.svg
    assert [r["council"] for r in result.rows] == ["Avon", "Bede"]
    assert result.rows[1]["value"] == "no data"


def test_quartile_shades_respect_polarity() -> None:
    values = {"A": 10.0, "B": 20.0, "C": 30.0, "D": 40.0}
    # Lower is better: A has no one better -> 1 + floor(0) = 1; D has 3 better of 4 -> 1 + floor(12/4) = 4.
    lower = quartile_shades(values, "lower")
    assert (lower["A"].extra or {})["quartile"] == 1 and (lower["D"].extra or {})["quartile"] == 4
    higher = quartile_shades(values, "higher")
    assert (higher["A"].extra or {})["quartile"] == 4


def test_england_map_from_the_reference_boundaries(reference_dir: Path) -> None:
    geography = load_geography(
        reference_dir / "la_district_boundaries.geojson",
        reference_dir / "dfe" / "LTLA-UTLA_Apr23_Lookup_England-Wales.csv",
    )
    assert len(geography.rings) == 153  # upper-tier councils in England in 2023 (Isles of Scilly included)
    store = Store()
    import_lookup(store, reference_dir / "la_lookup.csv")
    codes = map_codes(geography, store.query("SELECT la_code, ons_code, name FROM council"))
    assert set(geography.rings) <= set(codes.values())
    latest = [
        {
            "la_code": "813",
            "judgements": {"overall_effectiveness": "outstanding"},
            "published": dt.date(2022, 11, 25),
            "framework": "ilacs",
            "kind": "short",
        }
    ]
    result = render(geography, grade_shades(latest, codes), "Grades", GRADE_LEGEND)
    assert len(result.svg) < 300_000  # simplified to whole pixels on a 600-pixel canvas
    row = next(r for r in result.rows if r["council"] == "North Lincolnshire")
    assert row["value"] == "outstanding"


def test_imd_import(tmp_path: Path) -> None:
    path = tmp_path / "imd.csv"
    path.write_text(
        "Upper Tier Local Authority District code (2019),Upper Tier Local Authority District name (2019),"
        "IMD - Average score,IMD - Rank of average score\nE06000013,North Lincolnshire,22.1,70\n"
    )
    store = Store()
    assert import_imd(store, path) == 1
    assert store.query("SELECT ons_code, imd_rank, imd_score FROM deprivation") == [("E06000013", 70, 22.1)]
    path.write_text("code,IMD - Rank of average score\nW06000001,3\n")
    with pytest.raises(UserError, match="row 2: code 'W06000001' is not an English ONS code"):
        import_imd(store, path)


def test_cli_writes_the_indicator_map_page(reference_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lineofsight.cli import app

    runner = CliRunner()
    db, page = str(tmp_path / "s.duckdb"), tmp_path / "map.html"
    assert runner.invoke(app, ["reference", "import", str(reference_dir / "la_lookup.csv"), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["benchmark", "import", str(reference_dir / "dfe"), "--db", db]).exit_code == 0
    args = ["benchmark", "map", "--boundaries", str(reference_dir / "la_district_boundaries.geojson")]
    args += ["--lookup", str(reference_dir / "dfe" / "LTLA-UTLA_Apr23_Lookup_England-Wales.csv"), "--out", str(page)]
    result = runner.invoke(app, [*args, "--indicator", "cin.rereferrals_12m", "--year", "2025", "--db", db])
    assert result.exit_code == 0, result.output
    html = page.read_text()
    assert "<svg" in html and "North Lincolnshire" in html
    # North Lincolnshire's 14.0% re-referral rate (lower is better) is in the best quarter in 2024/25.
    assert html.startswith("<!doctype html>") and "<style>" in html  # a file on its own, styles inside
    row = (
        '<th scope="row" class="govuk-table__header">North Lincolnshire (813)</th><td class="govuk-table__cell">14</td>'
    )
    assert row + '<td class="govuk-table__cell">1</td>' in html
