"""Reading an Ofsted report's text: council, framework, dates and every judgement with its grade.

Pure functions over the text pypdf gives (see `ofsted.pdf`), so they are tested
on the real reports and reused by any other text source. The front page of each
framework is laid out differently:
- ILACS (2018 on): a "Judgement Grade" table on page 1;
- single inspection framework (2013-2017): numbered judgements on page 1, the
  overall judgement in a sentence ("Children's services in X are good"), the
  LSCB's judgement in its own section near the end;
- 2012 looked after children / safeguarding inspections: a "Record of main
  findings" table on the last pages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from lineofsight.model.inspection import expected_judgements

GRADE_RE = r"(outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|adequate)"
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}  # fmt: skip


@dataclass
class Report:
    """What one report says; `problems` lists what could not be read (empty when complete)."""

    council: str | None = None
    urn: str | None = None
    framework: str | None = None
    kind: str | None = None
    inspection_start: dt.date | None = None
    inspection_end: dt.date | None = None
    published: dt.date | None = None
    published_from: str = "report"  # "report" or "file name" when the report text has no date
    judgements: dict[str, str] = field(default_factory=dict)
    lscb_reviewed: bool = False
    source_file: str = ""
    source_row: int | None = None
    source: str = "report"  # report | official | scraped (model.inspection.SOURCE_KIND)
    ons_code: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        if not self.framework or not self.kind:
            return ["framework"]
        expected = expected_judgements(self.framework, self.kind, self.inspection_start, self.lscb_reviewed)
        return sorted(expected - set(self.judgements))

    @property
    def complete(self) -> bool:
        have = self.council and self.inspection_start and self.inspection_end and self.published
        return bool(have) and not self.missing

    def as_json(self) -> dict[str, Any]:
        return {
            "council": self.council,
            "urn": self.urn,
            "framework": self.framework,
            "kind": self.kind,
            "inspection_start": _iso(self.inspection_start),
            "inspection_end": _iso(self.inspection_end),
            "published": _iso(self.published),
            "judgements": dict(self.judgements),
            "source_file": self.source_file,
            "complete": self.complete,
            "missing": self.missing,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def flat(text: str) -> str:
    """One line, single spaces, straight apostrophes: labels split across lines still match."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def grade_key(words: str) -> str:
    words = words.lower()
    if words.startswith("require") or words == "improvement":
        return "requires_improvement"
    return words.split()[0]


def framework_of(front: str) -> str | None:
    text = flat(front).lower()
    if "judgement grade" in text and "impact of leaders" in text:
        return "ilacs"
    if "children in need of help and protection, children looked after and care leavers" in text:
        return "sif"
    if "inspection of looked after children" in text or "inspection of safeguarding" in text:
        return "safeguarding_2012"
    return None


# --- dates -------------------------------------------------------------------------------------------------------

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"([A-Za-z]+|\d{1,2})"  # names, abbreviations, or the month of 1/06/2015
_SEP = r"(?:\s+|/)"
_PERIOD_RE = re.compile(
    rf"Inspection dates?\s*:?\s*{_DAY}(?:{_SEP}{_MONTH})?(?:{_SEP}(\d{{4}}))?\s*(?:to|–|—|-|until)\s*{_DAY}{_SEP}{_MONTH}{_SEP}(\d{{4}})",
    re.IGNORECASE,
)
_PUBLISHED_RE = re.compile(rf"(?:Report )?published\s*:?\s*{_DAY}{_SEP}{_MONTH}{_SEP}(\d{{4}})", re.IGNORECASE)
_FILE_DATE_RE = re.compile(rf"{_DAY}[ _]+{_MONTH}[ _]+(\d{{4}})", re.IGNORECASE)


def _date(day: str, month: str | None, year: str | None) -> dt.date | None:
    month = month or ""
    number = int(month) if month.isdigit() else MONTHS.get(month.lower()[:3])
    if not number or not year:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def inspection_period(text: str) -> tuple[dt.date | None, dt.date | None]:
    """'10 to 14 October 2022', '17 September to 28 September 2018', '24 February – 18 March 2015'."""
    m = _PERIOD_RE.search(flat(text))
    if not m:
        return None, None
    d1, m1, y1, d2, m2, y2 = m.groups()
    end = _date(d2, m2, y2)
    start = _date(d1, m1 or m2, y1 or y2)
    if start and end and start > end:  # '2 December 2022 to 13 January 2023' written without the first year
        start = _date(d1, m1 or m2, str(int(y1 or y2) - 1))
    return start, end


def published_date(text: str, file_name: str = "") -> tuple[dt.date | None, str]:
    """The 'Report published' date; ILACS reports do not print one, so the file name (Ofsted's title) gives it."""
    m = _PUBLISHED_RE.search(flat(text))
    if m and (day := _date(*m.groups())):
        return day, "report"
    for m in _FILE_DATE_RE.finditer(file_name):
        if day := _date(*m.groups()):
            return day, "file name"
    return None, ""


# --- council -----------------------------------------------------------------------------------------------------

# 'Inspection of North Lincolnshire local authority children's services', 'Inspection of Buckinghamshire Council
# children's services'; the name never says "children", which keeps the match off older titles.
_ILACS_NAME = re.compile(r"Inspection of ([A-Z](?:(?!children)[^.]){1,60}?) (?:local authority )?children's services")
_TITLE_LINE = re.compile(
    r"^\s*((?:Re-?)?inspection of (children's social care|local authority children's|services for children|looked after"
    r"|safeguarding))",
    re.IGNORECASE,
)
_RUNNING_2012 = re.compile(r"^(.+?) Inspection of (?:looked after|safeguarding)", re.IGNORECASE | re.MULTILINE)


def council_name(front: str) -> str | None:
    text = flat(front)
    if m := _ILACS_NAME.search(text):
        return m.group(1).strip()
    lines = [ln.replace("\u2019", "'").strip() for ln in front.splitlines()]
    for i, line in enumerate(lines):
        if _TITLE_LINE.match(line):
            before = [ln for ln in lines[:i] if ln and not ln.isdigit()]
            if before:  # the council's name is the block above the title (it may wrap onto two lines)
                return _strip_footnote(" ".join(before[-2:] if _continues(before) else before[-1:]))
    if m := _RUNNING_2012.search(front):
        return m.group(1).strip()
    return None


def _continues(before: list[str]) -> bool:
    """'London Borough of Richmond upon' / 'Thames': the last line continues the previous one."""
    last, previous = before[-1], before[-2] if len(before) >= 2 else ""
    return bool(previous) and (last[:1].islower() or last == "Council" or previous.endswith((" upon", " of", " and")))


def _strip_footnote(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,")


# --- judgements --------------------------------------------------------------------------------------------------

_ILACS_LABELS = (
    ("impact_of_leaders", r"impact of leaders on social work practice with children and families"),
    ("help_and_protection", r"experiences and progress of children who need help and protection"),
    ("children_in_care_and_care_leavers", r"experiences and progress of children in care and care leavers"),
    ("children_in_care", r"experiences and progress of children in care"),
    ("care_leavers", r"experiences and progress of (?:children )?care leavers"),
    ("overall_effectiveness", r"overall effectiveness"),
)
_SIF_LABELS = (
    ("help_and_protection", r"1\.? children who need help and protection"),
    ("looked_after_and_permanence", r"2\.? children looked after and achieving permanence"),
    ("adoption_performance", r"2\.1 adoption performance"),
    ("care_leavers", r"2\.2 experiences and progress of care leavers"),
    ("leadership_management_governance", r"3\.? leadership, management and governance"),
)
_SIF_OVERALL = re.compile(
    r"(?:children's services(?: (?:in|of) [^.]{0,120}?)?|overall judgement is(?: that children's services)?)"
    rf"\s+(?:are\s+|is\s+)?(?:judged to be\s+)?{GRADE_RE}",
    re.IGNORECASE,
)
_BOARD = r"(?:LSCB|Local Safeguarding Children'?s? Board)(?: \(LSCB\))?"
_LSCB = re.compile(
    rf"(?:effectiveness of the {_BOARD}|The {_BOARD}(?: in [A-Z][\w-]*(?: [A-Z][\w-]*)*)?)"
    rf"\s+(?:is\s+|are\s+)?(?:judged to be\s+|rated as\s+)?{GRADE_RE}",
    re.IGNORECASE,
)
_MAIN_FINDINGS_2012 = (
    ("overall_effectiveness", r"overall effectiveness"),
    ("capacity_to_improve", r"capacity to improve"),
    ("outcomes", r"outcomes for looked after children and young people"),
    ("being_healthy", r"being healthy"),
    ("staying_safe", r"staying safe"),
    ("enjoying_and_achieving", r"enjoying and achieving"),
    ("making_a_positive_contribution", r"making a positive contribution(?:, including user engagement)?"),
    ("economic_wellbeing", r"economic well-?being"),
    ("quality_of_provision", r"quality of provision"),
    ("leadership_and_management", r"leadership and management"),
    ("ambition_and_prioritisation", r"ambition and prioritisation"),
    ("evaluation_of_outcomes", r"evaluation of outcomes"),
    ("user_engagement", r"user engagement"),
    ("partnership_working", r"partnership working"),
    ("equality_and_diversity", r"equality and diversity"),
    ("performance_management", r"performance management(?: and quality assurance)?"),
    ("value_for_money", r"value for money"),
)


def _labelled(text: str, labels: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Each label followed (after spaces only) by a grade; a label matches once, the first time it appears."""
    found: dict[str, str] = {}
    for key, label in labels:
        m = re.search(rf"(?<![a-z]){label}\s*:?\s+{GRADE_RE}(?![a-z])", text, re.IGNORECASE)
        if m:
            found[key] = grade_key(m.group(1))
    return found


def ilacs_judgements(front: str) -> dict[str, str]:
    table = flat(front)
    start = table.lower().find("judgement grade")
    end = table.lower().find("overall effectiveness", start)
    return _labelled(table[start : end + 80 if end >= 0 else None], _ILACS_LABELS)


def sif_judgements(front: str) -> dict[str, str]:
    text = flat(front)
    found = _labelled(text, _SIF_LABELS)
    if m := _SIF_OVERALL.search(text):
        found["overall_effectiveness"] = grade_key(m.group(1))
    return found


def lscb_judgement(text: str) -> str | None:
    m = _LSCB.search(flat(text))
    return grade_key(m.group(1)) if m else None


def main_findings_2012(text: str) -> dict[str, str]:
    """The 'Record of main findings' table of a 2012 inspection."""
    body = flat(text)
    at = body.lower().find("record of main findings")
    return _labelled(body[at:], _MAIN_FINDINGS_2012) if at >= 0 else {}


def ilacs_kind(start: dt.date | None, end: dt.date | None) -> str:
    """Short inspections are one week on site, standard ones two (ILACS framework); the reports say so only
    in their dates."""
    if start and end and (end - start).days <= 7:
        return "short"
    return "standard"


def read_front(front: str, file_name: str = "") -> Report:
    """Everything page 1-3 give; `ofsted.pdf` adds what later pages hold (LSCB, 2012 findings)."""
    report = Report(source_file=file_name)
    report.framework = framework_of(front)
    report.council = council_name(front)
    report.inspection_start, report.inspection_end = inspection_period(front)
    report.published, report.published_from = published_date(front, file_name)
    if report.framework == "ilacs":
        report.kind = ilacs_kind(report.inspection_start, report.inspection_end)
        report.judgements = ilacs_judgements(front)
    elif report.framework == "sif":
        report.kind = "sif"
        report.lscb_reviewed = "local safeguarding children board" in flat(front).lower()
        report.judgements = sif_judgements(front)
        if grade := lscb_judgement(front):  # 2013-14 reports give it on page 1
            report.judgements["lscb"] = grade
    elif report.framework == "safeguarding_2012":
        report.kind = "safeguarding" if "inspection of safeguarding" in flat(front).lower() else "looked_after"
    return report
