"""Reading files as analysts produce them, and telling the user what could not be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lineofsight.errors import UserError
from lineofsight.store import Store
from lineofsight.store.load import load_paths

D = dt.date
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"


def _load(store: Store, path: Path, **kw: object) -> object:
    return load_paths(store, [path], council=kw.get("council", "681"), year=kw.get("year", 2026))  # type: ignore[arg-type]


def test_messy_header_spaces_case_bom_and_lower_case_codes(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_bytes(
        "\ufeff child , sex,Dob,ETHNIC ,upn,MOTHER,MC_DOB\r\n C1 , 1 ,02/03/2010, wbri ,UN1,,\r\n".encode()
    )
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert [(c.table, c.loaded) for c in result.counts] == [("child", 1)]
        assert store.query("SELECT child_id, sex, date_of_birth, ethnicity, upn FROM child") == [
            ("C1", "1", D(2010, 3, 2), "WBRI", "UN1")
        ]


def test_tabs_and_non_breaking_spaces_around_values_are_trimmed(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text("CHILD,DOB,REVIEW,REVIEW_CODE\r\nC1\u00a0,01/01/2012,\t01/06/2025,\tpn2 \r\n", encoding="utf-8")
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert not [p for p in result.problems if p.rule == "read"]
        assert store.query("SELECT child_id, review_date, participation FROM review") == [("C1", D(2025, 6, 1), "PN2")]


def test_windows_1252_file_reads_its_accented_text(tmp_path: Path) -> None:
    path = tmp_path / "workers.csv"
    path.write_bytes("SWENO,ROLE,TEAM,FTE,AGENCY\nSW1,SW,Équipe d’accueil,1,N\n".encode("cp1252"))
    with Store() as store:
        load_paths(store, [path], council="681", year=2026)
        assert store.query("SELECT team, agency FROM worker") == [("Équipe d’accueil", False)]


def test_unknown_codes_and_blank_mandatory_fields_are_kept_for_validation(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(f"{HEADER}\nC1,7,02/03/2010,ZZZZ,,,\n")
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert (result.counts[0].loaded, result.counts[0].rejected) == (1, 0)
        assert store.query("SELECT sex, ethnicity, upn FROM child") == [("7", "ZZZZ", None)]


def test_bad_values_reject_the_row_and_say_why(tmp_path: Path) -> None:
    path = tmp_path / "oc2.csv"
    path.write_text(
        "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
        "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n"
        "C1,01/01/2012,12,,0,,1,1,1,0,,\n"
        "C2,2012-01-01,12,,0,,1,1,1,0,,\n"
        "C3,01/01/2012,twelve,,0,,1,1,1,0,,\n"
    )
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        count = result.counts[0]
        assert (count.read, count.loaded, count.rejected) == (3, 1, 2)
        assert [(p.row, p.child, p.field, p.value) for p in result.problems] == [
            (3, "C2", "DOB", "2012-01-01"),
            (4, "C3", "SDQ_SCORE", "twelve"),
        ]
        assert "DOB '2012-01-01' is not a real date in the form DD/MM/YYYY" in result.problems[0].message


def test_row_with_too_many_fields_is_rejected_but_trailing_empty_ones_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text("CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2012,01/06/2025,PN1,,\nC2,01/01/2012,01/06/2025,PN1,X\n")
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert (result.counts[0].read, result.counts[0].loaded, result.counts[0].rejected) == (2, 1, 1)
        assert result.problems[0].row == 3 and "5 fields but the header has 4" in result.problems[0].message


def test_previous_layout_with_dropped_columns_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "episodes.csv"
    # An earlier layout: PL_LA and PL_LOCATION (since dropped), no URN or PLACE_PROVIDER.
    path.write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,PL_LA,PL_LOCATION\n"
        "C1,01/04/2025,S,C2,N1,U1,,,,,,E06000013,IN\n"
    )
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert result.counts[0].table == "episode" and result.counts[0].loaded == 1
        notes = " ".join(p.message for p in result.problems if p.rule == "layout")
        assert "PL_LA, PL_LOCATION" in notes and "PLACE_PROVIDER, URN" in notes


def test_loading_twice_replaces_rather_than_doubles(tmp_path: Path) -> None:
    folder = tmp_path / "681_2026"
    folder.mkdir()
    (folder / "h.csv").write_text(f"{HEADER}\nC1,1,02/03/2010,WBRI,UN1,,\nC2,2,02/03/2011,WBRI,UN1,,\n")
    with Store() as store:
        load_paths(store, [folder])
        load_paths(store, [folder])
        assert store.count("child") == 2
        (folder / "h.csv").write_text(f"{HEADER}\nC9,1,02/03/2010,WBRI,UN1,,\n")
        load_paths(store, [folder])
        assert store.query("SELECT child_id, la_code, collection_year FROM child") == [("C9", "681", 2026)]
        assert store.count("load_history") == 3


def test_council_and_year_must_come_from_somewhere(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(f"{HEADER}\nC1,1,02/03/2010,WBRI,UN1,,\n")
    with Store() as store, pytest.raises(UserError, match="--council CODE and --year YYYY"):
        load_paths(store, [path])


def test_unrecognised_file_is_reported_with_its_unknown_columns(tmp_path: Path) -> None:
    (tmp_path / "odd.csv").write_text("CHILD,DOB,COLOUR\nC1,01/01/2010,red\n")
    with Store() as store:
        result = load_paths(store, [tmp_path / "odd.csv"], council="681", year=2026)
        assert result.counts == []
        assert result.problems[0].rule == "file"
        assert "odd.csv" in result.problems[0].message and "COLOUR" in result.problems[0].message


def test_population_replaces_by_its_own_keys(tmp_path: Path) -> None:
    path = tmp_path / "pop.csv"
    path.write_text("LA_CODE,YEAR,POPULATION_0_17\n681,2025,38000\n681,2024,37900\n")
    with Store() as store:
        load_paths(store, [path], council="681", year=2026)
        path.write_text("LA_CODE,YEAR,POPULATION_0_17\n681,2025,38100\n")
        load_paths(store, [path], council="681", year=2026)
        assert store.query("SELECT year, population_0_17 FROM population ORDER BY 1") == [(2024, 37900), (2025, 38100)]


def test_population_needs_no_council_or_year(tmp_path: Path) -> None:
    path = tmp_path / "population.csv"
    path.write_text("LA_CODE,YEAR,POPULATION_0_17\n681,2025,38000\n")
    with Store() as store:
        result = load_paths(store, [path])
        assert result.counts[0].loaded == 1 and result.councils == set()
        assert store.councils() == []  # a reference table is not a council's return


def test_quoted_fields_and_blank_lines_keep_exact_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "workers.csv"
    # Row 2 spans two lines inside quotes; row 3 is blank (as a spreadsheet shows it); the bad FTE is on row 4.
    path.write_text('SWENO,ROLE,TEAM,FTE,AGENCY\nSW1,SW,"North, and\nSouth",1,0\n\nSW2,SW,East,lots,1\n')
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert (result.counts[0].read, result.counts[0].loaded) == (2, 1)
        assert [(p.row, p.field, p.value) for p in result.problems if p.rule == "read"] == [(4, "FTE", "lots")]
        assert store.query("SELECT team, source_row FROM worker") == [("North, and\nSouth", 2)]


def test_two_files_of_one_table_say_the_second_replaced_the_first(tmp_path: Path) -> None:
    folder = tmp_path / "681_2026"
    folder.mkdir()
    (folder / "a.csv").write_text(f"{HEADER}\nC1,1,02/03/2010,WBRI,UN1,,\n")
    (folder / "b.csv").write_text(f"{HEADER}\nC2,1,02/03/2010,WBRI,UN1,,\n")
    with Store() as store:
        result = load_paths(store, [folder])
        assert store.query("SELECT child_id FROM child") == [("C2",)]
        assert [p.message for p in result.problems if p.rule == "replaced"] == [
            "child for 681 2026 from b.csv replaced what a.csv loaded just before"
        ]


@pytest.mark.parametrize(
    ("text", "loaded"),
    [("01/06/2025", D(2025, 6, 1)), ("1/6/2025", D(2025, 6, 1)), ("06/06/25", None), ("2025-06-01", None)],
)
def test_csv_dates_need_a_four_digit_year_in_day_month_year_order(tmp_path: Path, text: str, loaded: object) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text(f"CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2012,{text},PN1\n")
    with Store() as store:
        result = load_paths(store, [path], council="681", year=2026)
        assert store.query("SELECT review_date FROM review") == ([(loaded,)] if loaded else [])
        assert result.counts[0].rejected == (0 if loaded else 1)
