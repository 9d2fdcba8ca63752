"""The specification as versioned data: what the DfE collects in each collection year, and which
DfE document says so. The year-by-year changes asserted here are the ones checked against sources
(cited on each test); the DfE document wins over the peer validators."""

from __future__ import annotations

import pytest

from lineofsight.model import TABLES
from lineofsight.model.codes import PLACEMENT_TYPE, SEX, sex_code
from lineofsight.model.sources import FIRST_YEAR, LAST_YEAR, SOURCES, code_lists_in, documents, tables_in
from lineofsight.validate.rules import all_rules, ruleset

YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


def test_each_return_has_a_guide_and_rules_for_every_declared_year() -> None:
    titles = {s.title for s in SOURCES}
    for year in YEARS:
        assert f"Children looked after return {year - 1} to {year}: guide" in titles
        assert f"Children looked after return {year - 1} to {year}: validation rules" in titles
        assert f"Children in need census {year - 1} to {year}: guide" in titles
        assert f"Children in need census {year - 1} to {year}: validation rules" in titles
    assert len(titles) == len(SOURCES) == 4 * len(YEARS)


def test_sex_is_1_2_to_2023_24_and_m_f_u_from_2024_25() -> None:
    """DfE SSDA903 guide and rule 101 (2024/25 on: "The child or young person's reported sex is not valid")."""
    assert code_lists_in(2024, "ssda903")["sex"] == {"1": "Male", "2": "Female"}
    assert set(code_lists_in(2025, "ssda903")["sex"]) == {"M", "F", "U"}
    assert set(code_lists_in(2027, "ssda903")["sex"]) == {"M", "F", "U"}
    assert (sex_code("F", 2024), sex_code("F", 2025), sex_code("U", 2024)) == ("2", "F", None)
    assert SEX.span == (None, None)  # one field, one list: the codes change, the list does not end
    assert code_lists_in(2024, "cin")["cin_sex"] == code_lists_in(2026, "cin")["cin_sex"]  # CIN was M/F/U already


def test_other_placements_split_in_2025_26() -> None:
    """Z1 "other placements" is replaced by Z11-Z14 from 2025/26 (product brief, from the DfE guide)."""
    before, after = code_lists_in(2025, "ssda903")["placement_type"], code_lists_in(2026, "ssda903")["placement_type"]
    assert "Z1" in before and not {"Z11", "Z12", "Z13", "Z14"} & set(before)
    assert "Z1" not in after and {"Z11", "Z12", "Z13", "Z14"} <= set(after)
    assert set(before) - {"Z1"} == set(after) - {"Z11", "Z12", "Z13", "Z14"}
    assert PLACEMENT_TYPE.valid_in("Z1", 2025) and not PLACEMENT_TYPE.valid_in("Z1", 2026)


def test_social_worker_episodes_are_collected_from_2023_24() -> None:
    """DfE, Stability measures for children looked after in England 2024: social worker data first collected
    for 2023/24."""
    assert "social_worker_episode" not in tables_in(2023, "ssda903")
    assert "social_worker_episode" in tables_in(2024, "ssda903")
    assert next(s.title for s in documents("ssda903", "guide", TABLES["social_worker_episode"].years)) == (
        "Children looked after return 2023 to 2024: guide"
    )


@pytest.mark.parametrize("year", YEARS)
def test_every_field_and_code_list_of_a_year_cites_that_years_guide(year: int) -> None:
    for dataset in ("ssda903", "cin"):
        fields = tables_in(year, dataset)
        assert fields and all(fields.values())
        for name, codes in code_lists_in(year, dataset).items():
            assert codes, f"{name} has no codes in {year}"
        guide = documents(dataset, "guide", (year, year))
        assert [s.year for s in guide] == [year]


@pytest.mark.parametrize("year", YEARS)
def test_every_rule_of_a_year_cites_that_years_validation_rules(year: int) -> None:
    for rule in ruleset(year):
        assert year in {s.year for s in rule.documents}, rule.code
        assert all(s.kind == "validation rules" and s.dataset == rule.dataset for s in rule.documents)


def test_a_rule_cites_only_the_years_it_applies_to() -> None:
    by_code = {r.code: r for r in all_rules() if r.dataset == "ssda903"}
    assert [s.year for s in by_code["232"].documents] == [2025, 2026, 2027]
    assert "DfE, Children looked after return 2025 to 2026: validation rules, version updated 30 October 2025" in {
        s.cite() for s in by_code["101"].documents
    }


def test_spec_command_prints_a_years_codes_and_documents() -> None:
    import json

    from typer.testing import CliRunner

    from lineofsight.cli import app

    result = CliRunner().invoke(app, ["spec", "--year", "2023/24", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["code_lists"]["sex"] == {"1": "Male", "2": "Female"}
    assert found["documents"][0] == "DfE, Children looked after return 2023 to 2024: guide"
    assert found["tables"]["social_worker_episode"] == ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]
    text = CliRunner().invoke(app, ["spec", "--year", "2025/26"]).output
    place = next(line for line in text.splitlines() if line.startswith("placement_type: "))
    assert "sex: M, F, U" in text.splitlines() and "Z11" in place and "Z1," not in place
    assert CliRunner().invoke(app, ["spec", "--dataset", "xx"]).exit_code != 0
