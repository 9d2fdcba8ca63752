"""The self-evaluation: statements drawn from planted evidence, every figure traceable to it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from lineofsight.errors import UserError
from lineofsight.qa import audits, evidence, feedback, render, self_evaluation
from lineofsight.qa.evidence import IndicatorFigure, InspectionFigure
from lineofsight.store import Store

from .planted import ACTIONS_CSV, AUDITS_CSV, SURVEY

COUNCIL = "999"
TODAY = dt.date(2025, 9, 1)
NUMBER = re.compile(r"\d+(?:\.\d+)?")

INDICATORS = [
    # Lower is better: 12% against England's 10% is worse.
    IndicatorFigure(
        "cla_stability_short",
        "Children with three or more placements",
        "children_in_care",
        "2025/26",
        12.0,
        "%",
        "lower",
        england=10.0,
    ),
    # Higher is better: 93% against 90% is better.
    IndicatorFigure(
        "rhi_within_72h",
        "Return home interviews within 72 hours",
        "children_in_care",
        "2025/26",
        93.0,
        "%",
        "higher",
        england=90.0,
    ),
    IndicatorFigure("referrals_rate", "Referrals", "help_and_protection", "2025/26", 512.3, "per 10,000", "lower"),
]
INSPECTIONS = [
    InspectionFigure(
        dt.date(2022, 11, 25),
        "ILACS standard",
        "The experiences and progress of children in care",
        "Outstanding",
        "children_in_care",
    ),
    InspectionFigure(
        dt.date(2022, 11, 25),
        "ILACS standard",
        "The experiences and progress of care leavers",
        "Requires improvement to be good",
        "care_leavers",
    ),
]


@pytest.fixture()
def draft(tmp_path: Path) -> self_evaluation.Draft:
    store = Store()
    for name, text in (("audits.csv", AUDITS_CSV), ("actions.csv", ACTIONS_CSV), ("survey.csv", SURVEY)):
        (tmp_path / name).write_text(text)
    audits.import_csv(store, tmp_path / "audits.csv", COUNCIL)
    audits.import_csv(store, tmp_path / "actions.csv", COUNCIL)
    feedback.import_csv(store, tmp_path / "survey.csv", COUNCIL, survey="Young people 2025")
    sources = evidence.gather(store, COUNCIL, 2026, today=TODAY)
    sources.indicators, sources.inspections = INDICATORS, INSPECTIONS  # planted: hand-chosen values
    return self_evaluation.draft(sources)


def texts(d: self_evaluation.Draft, area: str, question: int) -> list[str]:
    section = next(s for s in d.sections if s.area == area)
    return [s.text for s in section.answers[question]]


def test_statements_drawn_from_the_planted_evidence(draft: self_evaluation.Draft) -> None:
    know = texts(draft, "children_in_care", 0)
    assert "Children with three or more placements: 12% in 2025/26, worse than England's 10%." in know
    assert "Return home interviews within 72 hours: 93% in 2025/26, better than England's 90%." in know
    # Audits in care: A3 outstanding, A4 inadequate -> 1 of 2; Wilson 1 of 2 = 9% to 91%.
    assert "Case audits found 1 of 2 cases good or better: 50% (95% CI 9% to 91%, n=2)." in know
    assert "Ofsted judged the experiences and progress of children in care outstanding (November 2022)." in know
    plans = texts(draft, "children_in_care", 2)
    assert "Improve children with three or more placements: 12% against England's 10%." in plans
    assert not any("Return home interviews" in p for p in plans)
    # A4's actions: X3 is open but due January 2026, so nothing is overdue in care on 1 September 2025.
    assert not any("overdue" in p for p in plans)
    # X1 (on A2, help and protection) was due 1 July 2025: overdue.
    assert "Complete the 1 overdue audit action." in texts(draft, "help_and_protection", 2)
    # 512.3 is written 512, as the dashboard and the pack write a figure of 100 or more.
    referrals = (
        "Referrals: 512 per 10,000 in 2025/26; no published benchmark, and no other council in this store "
        "to compare it with."
    )
    assert referrals in texts(draft, "help_and_protection", 0)
    assert (
        "Address Ofsted's judgement of the experiences and progress of care leavers as requires improvement to be good."
        in texts(draft, "care_leavers", 2)
    )
    # Care leavers' feedback: "I know my plan" yes, yes -> 2 of 2.
    assert 'Asked "I know my plan", 100% (95% CI 34% to 100%, n=2) answered positively.' in texts(
        draft, "care_leavers", 0
    )
    how = " ".join(texts(draft, "help_and_protection", 1))
    # Moderation across all areas: 3 moderated, 2 agreed (see test_audits).
    assert (
        "3 audits were moderated by a second auditor, who agreed with the grade in 67% (95% CI 21% to 94%, n=3)" in how
    )
    assert texts(draft, "adoption", 0) == ["No evidence for this area is loaded yet."]


def test_every_figure_in_a_statement_comes_from_its_evidence(draft: self_evaluation.Draft) -> None:
    refs = draft.by_ref()
    checked = 0
    for section in draft.sections:
        for statements in section.answers:
            for statement in statements:
                numbers = NUMBER.findall(statement.text)
                cited = " ".join(refs[r].detail for r in statement.refs)
                for number in numbers:
                    assert number in NUMBER.findall(cited), f"{number!r} in {statement.text!r} not in {cited!r}"
                    checked += 1
    assert checked > 30
    details = {e.detail for e in draft.evidence}
    assert (
        "Indicator cla_stability_short, Children with three or more placements, 2025/26: 12%; England 10% (lower is better)"
        in details
    )
    assert (
        "Moderation of case audits: 3 moderated, grades agreed in 2, 67% (95% CI 21% to 94%, n=3); Cohen's kappa 0.57"
        in details
    )


def test_html_docx_pdf_say_it_is_a_draft_and_link_evidence(draft: self_evaluation.Draft, tmp_path: Path) -> None:
    html = render.html(draft)
    assert "DRAFT for editing" in html and 'href="#E1"' in html and 'id="E1"' in html
    assert "&#34;I know my plan&#34;" in html or "&quot;I know my plan&quot;" in html  # escaped, never raw markup
    render.write(draft, tmp_path / "se.docx")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "se.docx")).paragraphs)
    assert "DRAFT for editing" in text and "What are our plans to maintain or improve practice?" in text
    render.write(draft, tmp_path / "se.pdf")
    pdf = "".join(page.extract_text() for page in PdfReader(str(tmp_path / "se.pdf")).pages)
    assert "DRAFT for editing" in pdf
    with pytest.raises(UserError, match="choose one of those"):
        render.write(draft, tmp_path / "se.txt")


def test_an_empty_store_says_what_is_missing() -> None:
    d = self_evaluation.draft(evidence.gather(Store(), COUNCIL, 2026, today=TODAY))
    assert any("No case audits graded in 2025/26" in n for n in d.notes)
    assert any("No feedback" in n for n in d.notes)
    assert all(NUMBER.search(s.text) is None for sec in d.sections for a in sec.answers for s in a)


def test_indicators_come_from_the_indicator_engine() -> None:
    from .test_annex_a import planted

    sources = evidence.gather(planted(), COUNCIL, 2026, today=TODAY)
    figures = {f.id: f for f in sources.indicators}
    # The planted store's one plan starting in 2025/26 (C1, 20 November 2025) follows a previous plan: 1 of 1.
    second = figures["cp.second_plan"]
    assert (second.value, second.unit, second.period, second.area) == (100.0, "%", "2025/26", "help_and_protection")
    d = self_evaluation.draft(sources)
    assert any(e.detail.startswith("Indicator cp.second_plan, ") for e in d.evidence)


def test_inspection_history_from_the_store() -> None:
    from .test_annex_a import plant

    store = Store()
    plant(
        store,
        "inspection",
        [
            {
                "inspection_id": "999-2022-11-07",
                "framework": "ilacs",
                "kind": "standard",
                "source": "report",
                "inspection_start": dt.date(2022, 11, 7),
                "published": dt.date(2022, 12, 16),
            },
        ],
        year=2023,
    )
    grades = {
        "overall_effectiveness": "outstanding",
        "help_and_protection": "good",
        "children_in_care_and_care_leavers": "requires_improvement",
        "impact_of_leaders": "outstanding",
    }
    plant(
        store,
        "judgement",
        [
            {"inspection_id": "999-2022-11-07", "judgement": k, "grade": g, "source": "report"}
            for k, g in grades.items()
        ],
        year=2023,
    )
    sources = evidence.gather(store, COUNCIL, 2026, today=TODAY)
    assert sorted((f.area, f.grade) for f in sources.inspections) == [
        ("care_leavers", "Requires improvement to be good"),  # the joint judgement before 2023 counts for both
        ("children_in_care", "Requires improvement to be good"),
        ("help_and_protection", "Good"),
        ("leadership", "Outstanding"),
        ("leadership", "Outstanding"),
    ]
    latest = evidence.latest_judgements(store, COUNCIL)
    assert (latest["children_in_care"].grade, latest["children_in_care"].published) == (
        "Requires improvement to be good",
        dt.date(2022, 12, 16),
    )
    d = self_evaluation.draft(sources)
    assert (
        "Ofsted judged the experiences and progress of children who need help and protection good (December 2022)."
        in texts(d, "help_and_protection", 0)
    )
    assert any(
        t.startswith("Address Ofsted's judgement of the experiences and progress of children in care and")
        for t in texts(d, "care_leavers", 2)
    )


def test_indicators_benchmarked_against_published_england_figures() -> None:
    from lineofsight.model import TABLES

    from .test_annex_a import planted

    store = planted()
    store.insert_columns(
        TABLES["council"],
        {"la_code": [COUNCIL], "name": ["Testshire"], "region_code": ["E12000003"], "statistical_neighbours": ["998"]},
    )
    store.insert_columns(
        TABLES["benchmark_value"],
        {
            "indicator_id": ["cp.second_plan"] * 3,
            "collection_year": [2026] * 3,
            "level": ["National", "Local authority", "Local authority"],
            "area_code": ["E92000001", "998", "997"],
            "value": [24.5, 20.0, 30.0],
        },
    )
    sources = evidence.gather(store, COUNCIL, 2026, today=TODAY)
    second = next(f for f in sources.indicators if f.id == "cp.second_plan")
    # 100% against England's 24.5%, lower is better: worse; neighbours 998 only -> median 20%.
    assert (second.england, second.neighbours, second.verdict()) == (24.5, 20.0, "worse than")
    d = self_evaluation.draft(sources)
    know = texts(d, "help_and_protection", 0)
    assert (
        "Second or subsequent child protection plans: 100% in 2025/26, worse than England's 24.5% "
        "(statistical neighbours 20%)." in know
    )
    assert "Improve second or subsequent child protection plans: 100% against England's 24.5%." in texts(
        d, "help_and_protection", 2
    )
