"""The self-evaluation draft: Ofsted's three questions for each area of practice.

Statements are drawn only from the evidence gathered in `qa.evidence`; each
links to the items it rests on, and every figure in a statement is copied from
its evidence's own text (the tests check this). The draft says plainly that it
is a starting point for people to edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lineofsight.benchmark.compare import NO_BENCHMARK, against
from lineofsight.indicators.indicator import fmt
from lineofsight.model.qa import AREA
from lineofsight.qa.evidence import IndicatorFigure, InspectionFigure, Sources
from lineofsight.qa.feedback import QuestionShare
from lineofsight.qa.summary import GroupShare

QUESTIONS = (
    "What do we know about the quality and impact of social work practice?",
    "How do we know it?",
    "What are our plans to maintain or improve practice?",
)
DRAFT_NOTICE = (
    "DRAFT for editing. lineofsight drew these statements from the evidence listed at the end; "
    "each links to its source. It is a starting point: check every statement, add the service's own "
    "judgement and plans, and delete what does not hold."
)
LOW_FEEDBACK = 50.0  # a question fewer than half answer positively becomes a plan
WEAK_GRADES = ("requires improvement", "inadequate", "adequate")


@dataclass(frozen=True)
class Evidence:
    ref: str  # "E1", the anchor statements link to
    kind: str  # indicator | audit | moderation | actions | feedback | inspection
    area: str
    detail: str  # the source and every figure it gives


@dataclass(frozen=True)
class Statement:
    text: str
    refs: tuple[str, ...]


@dataclass
class Section:
    area: str
    title: str
    answers: list[list[Statement]] = field(default_factory=lambda: [[], [], []])


@dataclass
class Draft:
    council: str
    year: int
    drafted: dt.date
    sections: list[Section]
    evidence: list[Evidence]
    notes: list[str]
    notice: str = DRAFT_NOTICE
    questions: tuple[str, ...] = QUESTIONS

    @property
    def period(self) -> str:
        return f"{self.year - 1} to {self.year}"

    def by_ref(self) -> dict[str, Evidence]:
        return {e.ref: e for e in self.evidence}


class _Book:
    """Numbers the evidence items as they are cited."""

    def __init__(self) -> None:
        self.items: list[Evidence] = []

    def add(self, kind: str, area: str, detail: str) -> str:
        for item in self.items:
            if item.detail == detail:
                return item.ref
        ref = f"E{len(self.items) + 1}"
        self.items.append(Evidence(ref, kind, area, detail))
        return ref


def draft(sources: Sources) -> Draft:
    book = _Book()
    sections = [_section(area, sources, book) for area in AREA.codes]
    return Draft(sources.council, sources.year, sources.today, sections, book.items, sources.notes)


def _section(area: str, s: Sources, book: _Book) -> Section:
    section = Section(area, AREA.label(area))
    know, how, plans = section.answers
    for figure in (f for f in s.indicators if f.area == area):
        ref = book.add("indicator", area, _indicator_detail(figure))
        know.append(_indicator_statement(figure, ref))
        if figure.verdict() == "worse than":
            plans.append(
                Statement(
                    f"Improve {figure.title.lower()}: {_v(figure.value, figure.unit)} against {_against(figure)}.",
                    (ref,),
                )
            )
    _audits(area, s, book, section)
    _feedback(area, s.feedback.get(area, []), book, section)
    _inspections(area, s.inspections, book, section)
    indicator_refs = tuple(book.add("indicator", area, _indicator_detail(f)) for f in s.indicators if f.area == area)
    if indicator_refs:
        how.insert(
            0,
            Statement(
                "The figures are computed from the council's statutory returns, each to the DfE's definition, "
                "and compared with England's published figures where they are loaded, else with the other councils "
                "in the store; never with the council's own figure.",
                indicator_refs,
            ),
        )
    if not know:
        know.append(Statement("No evidence for this area is loaded yet.", ()))
    if not how:
        how.append(Statement("No source of evidence for this area is loaded yet.", ()))
    if not plans:
        plans.append(
            Statement("No priority for improvement is drawn from the evidence loaded: add the service's plans.", ())
        )
    return section


def _v(value: float | None, unit: str) -> str:
    if value is None:
        return "no figure"
    number = fmt(value)  # rounded as the dashboard and the pack round it
    return f"{number}%" if unit in ("%", "percent") else f"{number} {unit}".rstrip()


def _indicator_detail(f: IndicatorFigure) -> str:
    text = f"Indicator {f.id}, {f.title}, {f.period}: {_v(f.value, f.unit)}"
    if f.england is not None:
        named = f.benchmark_name if f.benchmark_name == "England" else f"average of {f.benchmark_name}"
        text += f"; {named} {_v(f.england, f.unit)}"
    else:
        text += f"; {NO_BENCHMARK}"
    if f.neighbours is not None:
        text += f"; statistical neighbours (median) {_v(f.neighbours, f.unit)}"
    if f.quartile is not None:
        text += f"; quartile {f.quartile} of {f.ranked} councils"
    if f.rating:
        text += f"; rated {f.rating} ({f.rule})"
    text += f" ({f.polarity} is better)" if f.polarity in ("higher", "lower") else ""
    return text + (f"; benchmark: {f.benchmark_source}" if f.benchmark_source and f.england is not None else "")


def _against(f: IndicatorFigure) -> str:
    """ "England's 25%" or "the average of the 3 other councils in this store (25%)"."""
    return against(f.benchmark_name, _v(f.england, f.unit))


def _indicator_statement(f: IndicatorFigure, ref: str) -> Statement:
    verdict = f.verdict()
    if verdict is None:
        text = f"{f.title}: {_v(f.value, f.unit)} in {f.period}; {NO_BENCHMARK} to compare it with."
    else:
        text = f"{f.title}: {_v(f.value, f.unit)} in {f.period}, {verdict} {_against(f)}"
        if f.neighbours is not None:
            text += f" (statistical neighbours {_v(f.neighbours, f.unit)})"
        text += "."
    return Statement(text, (ref,))


def _audits(area: str, s: Sources, book: _Book, section: Section) -> None:
    know, how, plans = section.answers
    overdue = s.overdue.get(area, 0)
    if overdue:
        ref = book.add(
            "actions", area, f"Audit actions in {AREA.label(area).lower()} overdue on {s.today:%d %B %Y}: {overdue}"
        )
        plans.append(Statement(f"Complete the {_n(overdue, 'overdue audit action', 'overdue audit actions')}.", (ref,)))
    if s.audits is None:
        return
    group = next((g for g in s.audits.by_area if g.group == area), None)
    if group is None:
        return
    ref = book.add("audit", area, _audit_detail(group))
    k, n = group.good.k, group.good.n
    know.append(Statement(f"Case audits found {k} of {n} cases good or better: {group.good.text()}.", (ref,)))
    m = s.audits.moderation
    refs: tuple[str, ...] = (ref,)
    text = f"{_n(n, 'case audit', 'case audits')} in this area {'was' if n == 1 else 'were'} graded on Ofsted's scale"
    if m.moderated:
        refs += (book.add("moderation", "all", _moderation_detail(s)),)
        text += (
            f"; across all areas {m.moderated} audits were moderated by a second auditor, "
            f"who agreed with the grade in {m.agreement.text()}"
        )
    how.append(Statement(text + ".", refs))
    if k < n:
        plans.append(
            Statement(
                f"Act on the {_n(n - k, 'audited case', 'audited cases')} not yet good: {k} of {n} were good or better.",
                (ref,),
            )
        )


def _audit_detail(group: GroupShare) -> str:
    k, n = group.good.k, group.good.n
    return f"Case audits, {group.label.lower()}: {k} of {n} good or better, {n - k} not yet good, {group.good.text()}"


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _moderation_detail(s: Sources) -> str:
    assert s.audits is not None
    m = s.audits.moderation
    text = f"Moderation of case audits: {m.moderated} moderated, grades agreed in {m.agreed}, {m.agreement.text()}"
    return text + (f"; Cohen's kappa {m.kappa:.2f}" if m.kappa is not None else "")


def _feedback(area: str, shares: list[QuestionShare], book: _Book, section: Section) -> None:
    know, how, plans = section.answers
    if not shares:
        return
    answers = sum(q.share.n for q in shares)
    surveys = sorted({q.survey for q in shares})
    summary_ref = book.add(
        "feedback",
        area,
        f"Feedback in {AREA.label(area).lower()}: {answers} answers to {len(shares)} questions of {', '.join(surveys)}",
    )
    how.append(
        Statement(
            f"Children and families gave {answers} answers to {len(shares)} questions; each share is shown with "
            "its number of answers and confidence interval.",
            (summary_ref,),
        )
    )
    for q in shares:
        ref = book.add("feedback", area, f'Survey {q.survey}, question "{q.question}": positive {q.share.text()}')
        know.append(Statement(f'Asked "{q.question}", {q.share.text()} answered positively.', (ref,)))
        if q.share.percent is not None and q.share.percent < LOW_FEEDBACK:
            plans.append(
                Statement(
                    f'Respond to what children and families say about "{q.question}": {q.share.text()} positive.',
                    (ref,),
                )
            )


def _inspections(area: str, inspections: list[InspectionFigure], book: _Book, section: Section) -> None:
    know, how, plans = section.answers
    mine = sorted((i for i in inspections if i.area == area), key=lambda i: i.published)
    if not mine:
        return
    for i in mine:
        ref = book.add(
            "inspection",
            area,
            f"Ofsted {i.framework} inspection published {i.published:%d %B %Y}: {i.judgement}, {i.grade}",
        )
        know.append(Statement(f"Ofsted judged {i.judgement.lower()} {i.grade.lower()} ({i.published:%B %Y}).", (ref,)))
    latest = mine[-1]
    ref = book.add(
        "inspection",
        area,
        f"Ofsted {latest.framework} inspection published {latest.published:%d %B %Y}: {latest.judgement}, {latest.grade}",
    )
    how.append(Statement(f"Ofsted's most recent judgement ({latest.published:%B %Y}).", (ref,)))
    if any(w in latest.grade.lower() for w in WEAK_GRADES):
        plans.append(
            Statement(f"Address Ofsted's judgement of {latest.judgement.lower()} as {latest.grade.lower()}.", (ref,))
        )
