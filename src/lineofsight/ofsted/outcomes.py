"""Outcome tables: Ofsted's official "local authority inspection outcomes" (.ods) and a scraper's CSV.

Both are read into the same `Report` records the PDF reader gives, each marked
with its source, so the importer treats every source alike.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from lineofsight.errors import UserError
from lineofsight.model.inspection import ILACS_CARE_LEAVERS_SEPARATE
from lineofsight.ofsted.ods import read_ods
from lineofsight.ofsted.report import Report

# Official column headings -> judgement keys (the wording since January 2023; see the release's notes).
OFFICIAL_COLUMNS = {
    "Overall effectiveness": "overall_effectiveness",
    "The impact of leaders on social work practice with children and families": "impact_of_leaders",
    "The experiences and progress of children who need help and protection": "help_and_protection",
    "The experiences and progress of children in care": "children_in_care",
    "The experiences and progress of care leavers": "care_leavers",
}
OFFICIAL_KINDS = {
    "ILACS Standard Inspection": "standard",
    "ILACS Short Inspection": "short",
    "ILACS Focused Visit": "focused_visit",
    "ILACS Monitoring Visit": "monitoring_visit",
}
OFFICIAL_SHEETS = ("ILACS_inspection_history", "In-year_inspections", "Inspections_as_at_31_March")
SCRAPED_COLUMNS = {
    "overall_effectiveness_grade": "overall_effectiveness",
    "impact_of_leaders_grade": "impact_of_leaders",
    "help_and_protection_grade": "help_and_protection",
    "in_care_grade": "children_in_care",
    "care_leavers_grade": "care_leavers",
}
SCRAPED_HEADER = {"urn", "local_authority", "pdf_filename", "publication_date", "inspection_framework"}
GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires_improvement",
    "requires improvement": "requires_improvement",
    "inadequate": "inadequate",
}


def read_outcomes(path: Path) -> list[Report]:
    """Read an official release (.ods) or the scraped CSV, chosen by the file's contents."""
    if path.suffix.lower() == ".ods":
        return read_official(path)
    if path.suffix.lower() == ".csv":
        return read_scraped(path)
    raise UserError(f"{path}: expected an Ofsted report (.pdf), an official outcomes release (.ods) or a CSV")


def _day(text: str, fmt: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text.strip(), fmt).date() if text.strip() else None
    except ValueError:
        return None


def _combine_in_care(report: Report) -> None:
    """Before 2023 children in care and care leavers were one judgement; both tables put it under 'in care'."""
    start = report.inspection_start or report.published
    if start and start < ILACS_CARE_LEAVERS_SEPARATE and "children_in_care" in report.judgements:
        report.judgements["children_in_care_and_care_leavers"] = report.judgements.pop("children_in_care")
        report.judgements.pop("care_leavers", None)


def read_official(path: Path) -> list[Report]:
    sheets = read_ods(path)
    reports: dict[tuple[str | None, object], Report] = {}
    for name in OFFICIAL_SHEETS:
        rows = sheets.get(name)
        if not rows:
            continue
        header_at = next((i for i, r in enumerate(rows) if "Local authority area code" in r), None)
        if header_at is None:
            raise UserError(f"{path}: sheet {name} has no 'Local authority area code' heading row")
        header = rows[header_at]
        for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
            cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
            if cells.get("Local authority area code"):
                report = _official_row(cells, path, name, number)
                # The sheets overlap; the first (the history, which names the inspection type) is kept.
                reports.setdefault((report.ons_code, report.inspection_start), report)
    if not reports:
        raise UserError(f"{path}: no sheet of Ofsted's local authority inspection outcomes found ({', '.join(sheets)})")
    return list(reports.values())


def _official_row(cells: dict[str, str], path: Path, sheet: str, number: int) -> Report:
    kind_text = cells.get("Inspection type") or cells.get("Inspection/Visit type") or "ILACS Standard Inspection"
    report = Report(
        council=cells.get("Local authority name"),
        ons_code=cells["Local authority area code"].strip(),
        framework="ilacs",
        kind=OFFICIAL_KINDS.get(kind_text.strip(), "standard"),
        inspection_start=_day(cells.get("Inspection date") or cells.get("Inspection/Visit date") or "", "%d/%m/%Y"),
        published=_day(cells.get("Publication date", ""), "%d/%m/%Y"),
        source="official",
        source_file=f"{path}#{sheet}",
        source_row=number,
    )
    for heading, key in OFFICIAL_COLUMNS.items():
        grade = GRADES.get(cells.get(heading, "").strip().lower())
        if grade:
            report.judgements[key] = grade
    _combine_in_care(report)
    return report


def read_scraped(path: Path) -> list[Report]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = SCRAPED_HEADER - set(reader.fieldnames or [])
            if missing:
                raise UserError(f"{path}: not an outcomes CSV: no column {', '.join(sorted(missing))}")
            return [_scraped_row(row, path, number) for number, row in enumerate(reader, start=2)]
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read ({exc})") from exc


def _scraped_row(row: dict[str, str], path: Path, number: int) -> Report:
    start = _day(row.get("inspection_start_date", ""), "%d/%m/%Y")
    published = _day(row.get("publication_date", ""), "%d/%m/%y")
    framework_text = row.get("inspection_framework", "").strip()
    ilacs = framework_text in ("short", "standard") or bool(published and published >= dt.date(2018, 6, 1))
    report = Report(
        council=row.get("local_authority"),
        urn=row.get("urn", "").strip() or None,
        framework="ilacs" if ilacs else "sif",
        kind=framework_text if framework_text in ("short", "standard") else ("standard" if ilacs else "sif"),
        inspection_start=start,
        inspection_end=_day(row.get("inspection_end_date", ""), "%d/%m/%Y"),
        published=published,
        source="scraped",
        source_file=f"{path}:{row.get('pdf_filename', '')}",
        source_row=number,
    )
    for column, key in SCRAPED_COLUMNS.items():
        grade = GRADES.get(row.get(column, "").strip().lower())
        if grade:
            report.judgements[key] = grade
    _combine_in_care(report)
    return report
