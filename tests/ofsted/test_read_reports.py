"""The report reader on real Ofsted reports of each framework (../shared/reference/ofsted/reports)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lineofsight.errors import UserError
from lineofsight.ofsted.pdf import read_pdf
from lineofsight.ofsted.report import inspection_period, published_date, read_front


@pytest.fixture(scope="module")
def reports(reference_dir: Path) -> Path:
    path = reference_dir / "ofsted" / "reports"
    if not path.exists():
        pytest.skip("no Ofsted reports in ../shared/reference")
    return path


def _report(reports: Path, folder: str, day: str) -> Path:
    return reports / folder / f"children's_services_inspection_-_{day}.pdf"


def test_north_lincolnshire_2022_outstanding_in_all_four(reports: Path) -> None:
    r = read_pdf(_report(reports, "80527_north_lincolnshire", "25_november_2022"))
    assert r.council == "North Lincolnshire"
    assert r.urn == "80527"
    assert (r.framework, r.kind) == ("ilacs", "short")  # 10 to 14 October: one week on site
    assert (r.inspection_start, r.inspection_end) == (dt.date(2022, 10, 10), dt.date(2022, 10, 14))
    assert r.published == dt.date(2022, 11, 25) and r.published_from == "file name"
    assert r.judgements == {
        "overall_effectiveness": "outstanding",
        "impact_of_leaders": "outstanding",
        "help_and_protection": "outstanding",
        "children_in_care_and_care_leavers": "outstanding",
    }
    assert r.complete


def test_ilacs_standard_before_2023_combines_care_and_care_leavers(reports: Path) -> None:
    r = read_pdf(_report(reports, "80432_bolton", "12_june_2018"))
    assert (r.framework, r.kind) == ("ilacs", "standard")  # 23 April to 4 May 2018: two weeks
    assert r.inspection_start == dt.date(2018, 4, 23) and r.inspection_end == dt.date(2018, 5, 4)
    assert r.judgements == {
        "overall_effectiveness": "good",
        "impact_of_leaders": "good",
        "help_and_protection": "good",
        "children_in_care_and_care_leavers": "good",
    }
    assert r.complete


def test_ilacs_short_2025_judges_care_leavers_separately(reports: Path) -> None:
    r = read_pdf(_report(reports, "2532283_dorset", "09_may_2025"))
    assert (r.framework, r.kind) == ("ilacs", "short")
    assert r.judgements["care_leavers"] == "good"
    assert r.judgements["children_in_care"] == "outstanding"
    assert "children_in_care_and_care_leavers" not in r.judgements
    assert r.complete


def test_ilacs_standard_2024_with_a_different_care_leavers_grade(reports: Path) -> None:
    r = read_pdf(_report(reports, "80447_cheshire_east", "16_may_2024"))
    assert (r.framework, r.kind) == ("ilacs", "standard")  # 26 February to 8 March 2024
    assert r.judgements["care_leavers"] == "inadequate"
    assert r.judgements["children_in_care"] == "requires_improvement"
    assert r.judgements["overall_effectiveness"] == "inadequate"


def test_reformed_ilacs_2026_has_no_overall_grade_and_is_still_complete(reports: Path) -> None:
    r = read_pdf(_report(reports, "80573_trafford", "03_august_2026"))
    assert "overall_effectiveness" not in r.judgements
    assert r.judgements["impact_of_leaders"] == "inadequate"
    assert r.complete and r.missing == []


def test_sif_2017_with_lscb_read_from_its_own_section(reports: Path) -> None:
    r = read_pdf(_report(reports, "80436_bracknell_forest", "14_july_2017"))
    assert (r.framework, r.kind) == ("sif", "sif")
    assert r.council == "Bracknell Forest"
    assert r.published == dt.date(2017, 7, 14) and r.published_from == "report"
    assert r.judgements == {
        "overall_effectiveness": "good",  # "Children's services in Bracknell Forest are good"
        "help_and_protection": "good",
        "looked_after_and_permanence": "outstanding",
        "adoption_performance": "outstanding",
        "care_leavers": "outstanding",
        "leadership_management_governance": "good",
        "lscb": "good",  # page 28: "The Local Safeguarding Children Board is good"
    }


def test_sif_2014_wording_overall_judgement_is(reports: Path) -> None:
    r = read_pdf(_report(reports, "80432_bolton", "21_march_2014"))
    assert r.judgements["overall_effectiveness"] == "requires_improvement"
    assert r.judgements["lscb"] == "requires_improvement"
    assert r.inspection_start == dt.date(2014, 1, 14)
    assert r.published == dt.date(2014, 3, 21) and r.published_from == "file name"


def test_sif_reinspection_has_no_lscb_review(reports: Path) -> None:
    r = read_pdf(_report(reports, "80567_surrey", "16_may_2018"))
    assert r.framework == "sif" and not r.lscb_reviewed
    assert r.judgements["overall_effectiveness"] == "inadequate"
    assert r.complete


def test_2012_looked_after_children_inspection(reports: Path) -> None:
    r = read_pdf(reports / "80418_norfolk" / "children's_services_inspection_pdf_-_16_august_2013.pdf")
    assert (r.framework, r.kind) == ("safeguarding_2012", "looked_after")
    assert r.council == "Norfolk County Council"
    assert r.judgements["overall_effectiveness"] == "inadequate"
    assert r.judgements["capacity_to_improve"] == "inadequate"


def test_not_a_pdf_is_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "report.pdf"
    bad.write_text("not a pdf")
    with pytest.raises(UserError, match=r"report\.pdf: not a readable PDF"):
        read_pdf(bad)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Inspection dates: 10 to 14 October 2022", dt.date(2022, 10, 10), dt.date(2022, 10, 14)),
        ("Inspection date: 2 July 2014 – 23 July 2014", dt.date(2014, 7, 2), dt.date(2014, 7, 23)),
        ("Inspection date: 24 February – 18 March 2015", dt.date(2015, 2, 24), dt.date(2015, 3, 18)),
        ("Inspection date: 18 Feb 2014 – 12 March 2014", dt.date(2014, 2, 18), dt.date(2014, 3, 12)),
        ("Inspection date: 1/06/2015 – 25/06/2015", dt.date(2015, 6, 1), dt.date(2015, 6, 25)),
        ("Inspection dates: 2 December to\n13 January 2023", dt.date(2022, 12, 2), dt.date(2023, 1, 13)),
    ],
)
def test_inspection_period_wordings(text: str, start: dt.date, end: dt.date) -> None:
    assert inspection_period(text) == (start, end)


def test_published_prefers_the_report_text_to_the_file_name() -> None:
    assert published_date("Report published: 10/08/2015", "x_-_12_august_2015.pdf") == (dt.date(2015, 8, 10), "report")
    assert published_date("no date here", "x_-_12_august_2015.pdf") == (dt.date(2015, 8, 12), "file name")


def test_front_page_text_with_judgement_split_over_lines() -> None:
    # Written for the test in the 2018 layout, where long labels and grades wrap.
    front = """Anytown Council
Inspection of children's social care services
Inspection dates: 3 September 2018 to 14 September 2018
Judgement Grade
The impact of leaders on social work practice with children
and families Good
The experiences and progress of children who need help and
protection
Requires improvement
to be good
The experiences and progress of children in care and care
leavers Inadequate
Overall effectiveness Requires improvement to be good
"""
    r = read_front(front, "children's_services_inspection_-_15_october_2018.pdf")
    assert r.council == "Anytown Council"
    assert r.judgements == {
        "impact_of_leaders": "good",
        "help_and_protection": "requires_improvement",
        "children_in_care_and_care_leavers": "inadequate",
        "overall_effectiveness": "requires_improvement",
    }
    assert r.complete
