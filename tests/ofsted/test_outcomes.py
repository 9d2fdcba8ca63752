"""Outcome tables: the scraped CSV layout and Ofsted's official release (.ods)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from lineofsight.errors import UserError
from lineofsight.model.inspection import expected_judgements
from lineofsight.ofsted.ods import read_ods
from lineofsight.ofsted.outcomes import read_official, read_outcomes, read_scraped

HEADER = (
    "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,"
    "inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,"
    "help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version\n"
)


def test_scraped_rows_map_to_the_framework_of_their_date(tmp_path: Path) -> None:
    path = tmp_path / "scraped.csv"
    path.write_text(
        HEADER
        + "1,avon,l,a.pdf,19/11/21,standard,X,27/09/2021,08/10/2021,good,outstanding,good,good,inspection_pre_dates_judgement,1\n"
        + "1,avon,l,b.pdf,09/05/25,short,X,17/03/2025,21/03/2025,good,good,good,outstanding,requires improvement,1\n"
        + "1,avon,l,c.pdf,20/10/15,,,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1\n"
    )
    before, after, sif = read_scraped(path)
    # Before 2023 "in care" is the combined judgement; the care leavers column did not exist.
    assert before.judgements == {
        "overall_effectiveness": "good",
        "impact_of_leaders": "outstanding",
        "help_and_protection": "good",
        "children_in_care_and_care_leavers": "good",
    }
    assert (after.kind, after.judgements["care_leavers"], after.judgements["children_in_care"]) == (
        "short",
        "requires_improvement",
        "outstanding",
    )
    assert (sif.framework, sif.kind, sif.judgements, sif.published) == ("sif", "sif", {}, dt.date(2015, 10, 20))
    assert sif.source_row == 4


def test_a_csv_of_another_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(UserError, match="not an outcomes CSV: no column"):
        read_outcomes(path)


def test_an_ods_that_is_not_a_zip_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.ods"
    path.write_text("not a spreadsheet")
    with pytest.raises(UserError, match="not an OpenDocument spreadsheet"):
        read_ods(path)


def test_ods_entities_are_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "hostile.ods"
    content = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="S"><table:table-row><table:table-cell><text:p>&e;</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", content)
    sheets = read_ods(path)
    assert "root:" not in str(sheets)


def test_official_release_history(reference_dir: Path) -> None:
    release = reference_dir / "dfe" / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
    reports = read_official(release)
    north_lincs = [r for r in reports if r.ons_code == "E06000013"]
    # The history sheet names the 2022 inspection a short one; the "as at 31 March" sheet repeats it untyped.
    [in_2022] = [r for r in north_lincs if r.inspection_start == dt.date(2022, 10, 10)]
    assert in_2022.kind == "short"
    assert set(in_2022.judgements.values()) == {"outstanding"}
    assert "children_in_care_and_care_leavers" in in_2022.judgements


def test_expected_judgements_follow_the_framework_changes() -> None:
    assert "children_in_care_and_care_leavers" in expected_judgements("ilacs", "short", dt.date(2022, 10, 10))
    assert {"children_in_care", "care_leavers"} <= expected_judgements("ilacs", "standard", dt.date(2023, 1, 9))
    assert "overall_effectiveness" not in expected_judgements("ilacs", "standard", dt.date(2026, 6, 8))
    assert expected_judgements("ilacs", "focused_visit", dt.date(2024, 1, 1)) == set()
    assert "lscb" not in expected_judgements("sif", "sif", dt.date(2017, 11, 6), lscb=False)
