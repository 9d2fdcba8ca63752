"""Ofsted's Annex A workbook: the eleven case-level lists, in the published column layout.

Each list is declared once below: its column headers as Ofsted publishes them,
the kind of each cell, and for coded cells the value shown in the workbook's
drop-downs (for example "a) Male", "N1 - Abuse or neglect"). Writing and reading
are both derived from these declarations. A column with no `key` is one the
store cannot fill; the cover sheet lists it with the reason, so nothing is left
silently blank. Cells never start a formula: text starting with = + - @ is
written with a leading apostrophe, as spreadsheets expect for literal text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from lineofsight.errors import UserError
from lineofsight.model import codes as c

REFERENCE = "Ofsted, Inspecting local authority children's services: Annex A, children's social care data"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"
MAX_BYTES = 200 * 1024 * 1024  # refuse a workbook that could exhaust memory when unzipped
COVER = "Cover"


def _lettered(codes: Sequence[str], sep: str = ") ") -> dict[str, str]:
    return {code: f"{chr(ord('a') + i)}{sep}{code}" for i, code in enumerate(codes)}


def _dash(codes: Mapping[str, str]) -> dict[str, str]:
    return {k: f"{k} - {v}" for k, v in codes.items()}


def _colon(codes: Mapping[str, str]) -> dict[str, str]:
    return {k: f"{k}: {v}" for k, v in codes.items()}


GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}
ETHNICITY = {
    **_lettered(list(c.ETHNICITY.codes)[:18]),
    "REFU": "s) REFU",
    "NOBT": "s) NOBT",
}
_SOURCE_GROUPS = {
    "1": "Individual",
    "2A": "Schools",
    "2B": "Education services",
    "3": "Health services",
    "4": "Housing",
    "5": "LA services",
    "6": "Police",
    "7": "Other legal agency",
    "8": "Other",
    "9": "Anonymous",
    "10": "Unknown",
}
_SOURCE_LETTERS = [
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "p1",
    "q",
    "r",
    "s",
    "t",
    "u",
]
_SOURCES = [
    "1A",
    "1B",
    "1C",
    "1D",
    "2A",
    "2B",
    "3A",
    "3B",
    "3C",
    "3D",
    "3E",
    "3F",
    "4",
    "5A",
    "5B",
    "5C",
    "5D",
    "6",
    "7",
    "8",
    "9",
    "10",
]
SOURCE = {
    code: f"{letter}) {code}: " + _SOURCE_GROUPS.get(code, _SOURCE_GROUPS.get(code.rstrip("ABCDEF"), ""))
    for letter, code in zip(_SOURCE_LETTERS, _SOURCES, strict=True)
}
YES_NO = {"Y": "a) Yes", "N": "b) No"}
YES_NO_UNKNOWN = {**YES_NO, "U": "c) Unknown"}
CATEGORY_OF_ABUSE = {k: f"{chr(ord('a') + i)}) {v}" for i, (k, v) in enumerate(c.CATEGORY_OF_ABUSE.codes.items())}
CASE_STATUS = {
    "LAC": "a) Looked after child",
    "CPP": "b) Child Protection plan",
    "CINP": "c) Child in need plan",
    "ASMT": "d) Open assessment",
    "CLOSED": "e) Closed episode",
}
IN_TOUCH = {"YES": "a) Yes", "NO": "b) No", "DIED": "c) Died", "REFU": "d) Refu", "NREQ": "e) NREQ", "RHOM": "f) Rhom"}
ACCOMMODATION_TYPE = {
    **{k[0]: f"{k[0]}: {v.split(': ')[0]}" for k, v in c.ACCOMMODATION.codes.items() if k.endswith("1")},
    "G": "G: Abroad",
    "H": "H: Deported",
    "R": "R: Residence not known",
}
SUITABILITY = {"1": "a) Suitable", "2": "b) Unsuitable"}


@dataclass(frozen=True)
class AColumn:
    """One Annex A column: its published header, and where its value comes from."""

    header: str
    key: str | None = None  # key of the list's rows; None: the store cannot fill it
    kind: str = "text"  # text | date | int | code
    codes: Mapping[str, str] = field(default_factory=dict)  # store code -> workbook value
    gap: str = ""  # why the store cannot fill it


@dataclass(frozen=True)
class AList:
    number: int
    title: str
    period: str  # which records the list holds, as the cover sheet says
    columns: tuple[AColumn, ...]

    @property
    def sheet(self) -> str:
        return f"List {self.number}"

    @property
    def headers(self) -> list[str]:
        return [col.header for col in self.columns]


NOT_HELD = "not held in the statutory returns lineofsight loads"
TEAM = AColumn("Allocated Team", gap="allocated teams are " + NOT_HELD)
WORKER = AColumn("Allocated Worker", gap="allocated workers are " + NOT_HELD)
CHILD = (
    AColumn("Child Unique ID", "child_id"),
    AColumn("Gender", "sex", "code", GENDER),
    AColumn("Ethnicity", "ethnicity", "code", ETHNICITY),
    AColumn("Date of Birth", "date_of_birth", "date"),
    AColumn("Age of Child (Years)", "age", "int"),
)
DISABILITY = AColumn("Does the Child have a Disability", "disabled", "code", YES_NO_UNKNOWN)

LISTS: tuple[AList, ...] = (
    AList(
        1,
        "Contacts",
        "contacts in the six months to the date",
        (
            *CHILD,
            AColumn("Date of Contact", "contact_date", "date"),
            AColumn("Contact Source", "contact_source", "code", SOURCE),
        ),
    ),
    AList(
        2,
        "Early help",
        "early help assessments open at any time in the six months to the date",
        (
            *CHILD,
            AColumn("Assessment start date", "start_date", "date"),
            AColumn("Assessment completion date", "end_date", "date"),
            AColumn("Organisation completing assessment", "organisation"),
        ),
    ),
    AList(
        3,
        "Referrals",
        "referrals in the six months to the date",
        (
            *CHILD,
            AColumn("Date of referral", "referral_date", "date"),
            AColumn("Referral Source", "referral_source", "code", SOURCE),
            AColumn("Referral NFA?", "referral_nfa", "code", YES_NO),
            AColumn("Number of Referrals in Last 12 Months", "referrals_12m", "int"),
            TEAM,
            WORKER,
        ),
    ),
    AList(
        4,
        "Assessments",
        "assessments started in the six months to the date, or still open",
        (
            *CHILD,
            DISABILITY,
            AColumn("Continuous Assessment Start Date", "start_date", "date"),
            AColumn("Child Seen During Continuous Assessment", gap="visits are " + NOT_HELD),
            AColumn("Continuous Assessment Date of Authorisation", "authorisation_date", "date"),
            AColumn(
                "Was the child assessed as requiring LA children's social care support?",
                gap="the assessment's conclusion is " + NOT_HELD,
            ),
            TEAM,
            WORKER,
        ),
    ),
    AList(
        5,
        "Section 47 enquiries",
        "section 47 enquiries started in the six months to the date",
        (
            *CHILD,
            DISABILITY,
            AColumn("Strategy discussion initiating Section 47 Enquiry Start Date", "start_date", "date"),
            AColumn(
                "Was an Initial Child Protection Conference deemed unnecessary?", "icpc_not_required", "code", YES_NO
            ),
            AColumn("Date of Initial Child Protection Conference", "icpc_date", "date"),
            AColumn(
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                "icpc_plan",
                "code",
                YES_NO,
            ),
            AColumn("Number of Section 47 Enquiries in the last 12 months", "s47_12m", "int"),
            AColumn("Number of ICPCs in the last 12 months", "icpc_12m", "int"),
            TEAM,
            WORKER,
        ),
    ),
    AList(
        6,
        "Children in need",
        "children in need episodes open at any time in the six months to the date",
        (
            *CHILD,
            DISABILITY,
            AColumn("CIN Start Date", "referral_date", "date"),
            AColumn("Primary Need Code", "primary_need", "code", _dash(c.PRIMARY_NEED.codes)),
            AColumn("Date Child Was Last Seen", gap="visits are " + NOT_HELD),
            AColumn("CIN Closure Date", "closure_date", "date"),
            AColumn("Reason for Closure", "reason_for_closure", "code", _dash(c.REASON_FOR_CLOSURE.codes)),
            AColumn("Case Status", "case_status", "code", CASE_STATUS),
            TEAM,
            WORKER,
        ),
    ),
    AList(
        7,
        "Child protection",
        "child protection plans open at any time in the six months to the date",
        (
            *CHILD,
            DISABILITY,
            AColumn("Child Protection Plan Start Date", "start_date", "date"),
            AColumn("Initial Category of Abuse", "initial_category", "code", CATEGORY_OF_ABUSE),
            AColumn("Latest Category of Abuse", "latest_category", "code", CATEGORY_OF_ABUSE),
            AColumn("Date of the Last Statutory Visit", gap="visits are " + NOT_HELD),
            AColumn("Was the Child Seen Alone?", gap="visits are " + NOT_HELD),
            AColumn("Date of latest review conference", "latest_review", "date"),
            AColumn("Child Protection Plan End Date", "end_date", "date"),
            AColumn(
                "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                gap="emergency protection of children not looked after is " + NOT_HELD,
            ),
            AColumn("Number of Previous Child Protection Plans", "previous_plans", "int"),
            TEAM,
            WORKER,
        ),
    ),
    AList(
        8,
        "Children in care",
        "children looked after at any time in the twelve months to the date",
        (
            *CHILD,
            AColumn(
                "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "uasc", "code", YES_NO
            ),
            DISABILITY,
            AColumn("Date Started to be Looked After", "period_start", "date"),
            AColumn("Child's Category of Need", "cin_category", "code", _dash(c.PRIMARY_NEED.codes)),
            AColumn(
                "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                "second_period",
                "code",
                YES_NO,
            ),
            AColumn("Start date of current legal status", "legal_status_start", "date"),
            AColumn("Child's Legal Status", "legal_status", "code", _colon(c.LEGAL_STATUS.codes)),
            AColumn("Date of Latest Statutory Review", "latest_review", "date"),
            AColumn("Date of Last Social Work Visit", gap="visits are " + NOT_HELD),
            AColumn("What is the permanence plan for this child?", gap="permanence plans are " + NOT_HELD),
            AColumn("Date of Last IRO Visit / Contact to the Child", gap="IRO contacts are " + NOT_HELD),
            AColumn("Date of Last Health Assessment", gap="the 903 return records whether, not when (OC2)"),
            AColumn("Date of Last Dental Check", gap="the 903 return records whether, not when (OC2)"),
            AColumn("Number of Placements in the Last 12 months", "placements_12m", "int"),
            AColumn("Date Ceased to be Looked After", "end_date", "date"),
            AColumn(
                "Reason Ceased to be Looked After",
                "reason_episode_ceased",
                "code",
                _colon(c.REASON_EPISODE_CEASED.codes),
            ),
            AColumn("Start Date of Most Recent Placement", "placement_start", "date"),
            AColumn("Placement Type", "placement_type", "code", _colon(c.PLACEMENT_TYPE.codes)),
            AColumn("Placement Provider", "placement_provider", "code", _colon(c.PLACEMENT_PROVIDER.codes)),
            AColumn("Placement postcode", "placement_postcode"),
            AColumn("URN of Placement", "urn"),
            AColumn("Placement Location", gap="in or out of the council's area needs its boundary, not in the store"),
            AColumn("LA of Placement", gap="the placement's council is " + NOT_HELD),
            AColumn(
                "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                "missing_12m",
                "int",
            ),
            AColumn(
                "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                "absent_12m",
                "int",
            ),
            AColumn(
                "Was the child offered a Return Interview after their last missing episode (Y/N)?",
                "rhi_offered",
                "code",
                YES_NO_UNKNOWN,
            ),
            AColumn(
                "Did the child accept a Return Interview after their last missing episode (Y/N)?",
                "rhi_accepted",
                "code",
                YES_NO_UNKNOWN,
            ),
            TEAM,
            AColumn("Allocated Worker", "social_worker_id"),
        ),
    ),
    AList(
        9,
        "Care leavers",
        "care leavers in the latest 903 return (OC3) up to the date",
        (
            *CHILD,
            AColumn(
                "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
                "uasc",
                "code",
                YES_NO,
            ),
            DISABILITY,
            TEAM,
            WORKER,
            AColumn("Allocated Personal Advisor", gap="personal advisers are " + NOT_HELD),
            AColumn("Eligibility Category", gap="eligibility categories are " + NOT_HELD),
            AColumn("Latest Pathway Plan Review Date", gap="pathway plans are " + NOT_HELD),
            AColumn("LA in Touch", "in_touch", "code", IN_TOUCH),
            AColumn("Latest Date of Contact", gap="contact dates with care leavers are " + NOT_HELD),
            AColumn("Type of Accommodation", "accommodation_type", "code", ACCOMMODATION_TYPE),
            AColumn("Suitability of Accommodation", "suitability", "code", SUITABILITY),
            AColumn("Activity Status", "activity", "code", _colon(c.ACTIVITY.codes)),
        ),
    ),
    AList(
        10,
        "Adoption",
        "children with a decision to place for adoption in force at any time in the twelve months to the date",
        (
            AColumn("Child Unique ID", "child_id"),
            AColumn("Family identifier", gap="adoptive families are " + NOT_HELD),
            *CHILD[1:],
            DISABILITY,
            AColumn("Date the Child Entered Care", "period_start", "date"),
            AColumn("Date of Decision that Child Should be Placed for Adoption", "date_placed", "date"),
            AColumn("Date of Placement Order", "placement_order", "date"),
            AColumn("Date of Matching Child and Prospective Adopters", "date_matched", "date"),
            AColumn("Date Placed for Adoption", "placed_for_adoption", "date"),
            AColumn("Date of Adoption Order", "adoption_order", "date"),
            AColumn(
                "Date of Decision that Child Should No Longer be Placed for Adoption", "date_placed_ceased", "date"
            ),
            AColumn(
                "Reason Why Child No Longer Placed for Adoption",
                "reason_placed_ceased",
                "code",
                _dash(c.REASON_PLACED_CEASED.codes),
            ),
            AColumn(
                "Date the child was placed for fostering in FFA or concurrent planning placement", "ffa_start", "date"
            ),
        ),
    ),
    AList(
        11,
        "Adopters",
        "prospective adopters (no source in the store: the list is sent empty)",
        tuple(
            AColumn(h, gap="adopters' records are " + NOT_HELD)
            for h in (
                "Individual adopter identifier",
                "Family identifier",
                "Gender",
                "Ethnicity",
                "Disability",
                "Is the (prospective) adopter fostering for adoption?",
                "Date enquiry received",
                "Date Stage 1 started",
                "Date Stage 1 ended",
                "Date Stage 2 started",
                "Date Stage 2 ended",
                "Date application submitted",
                "Date application approved",
                "Date adopter matched with child(ren)",
                "Date child/children placed with adopter(s)",
                "No. of children placed",
                "Date of Adoption Order",
                "Date of leaving adoption process",
                "Reason for leaving adoption process",
            )
        ),
    ),
)
BY_NUMBER = {a.number: a for a in LISTS}


def gaps() -> list[tuple[AList, AColumn]]:
    """Every column the store cannot fill, list by list."""
    return [(a, col) for a in LISTS for col in a.columns if col.key is None]


# --- writing ---------------------------------------------------------------------


def cell_value(column: AColumn, value: Any) -> Any:
    """The workbook value of one cell: dates as dates, codes as the drop-down text, text defused."""
    if value is None or value == "":
        return None
    if column.kind == "code":
        value = column.codes.get(str(value), str(value))
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write(
    path: Path,
    rows: Mapping[int, Iterable[Mapping[str, Any]]],
    council: str,
    as_at: dt.date,
) -> dict[int, int]:
    """Write the workbook: a cover sheet, then one sheet per list. Returns rows written per list."""
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = COVER
    counts = {}
    for alist in LISTS:
        sheet = book.create_sheet(alist.sheet)
        sheet.append(alist.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        counts[alist.number] = _write_rows(sheet, alist, rows.get(alist.number, ()))
    _cover(cover, council, as_at, counts)
    book.save(path)
    return counts


def _write_rows(sheet: Worksheet, alist: AList, rows: Iterable[Mapping[str, Any]]) -> int:
    count = 0
    for row in rows:
        sheet.append([cell_value(col, row.get(col.key)) if col.key else None for col in alist.columns])
        count += 1
        for col_number, col in enumerate(alist.columns, start=1):
            if col.kind == "date":
                sheet.cell(row=count + 1, column=col_number).number_format = DATE_FORMAT
    return count


def _cover(sheet: Worksheet, council: str, as_at: dt.date, counts: Mapping[int, int]) -> None:
    sheet.append(["Annex A: children's social care data"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Council", council])
    sheet.append(["Data as at", as_at])
    sheet["B3"].number_format = DATE_FORMAT
    sheet.append(["Layout", REFERENCE])
    sheet.append([])
    sheet.append(["List", "Title", "Records", "Which records"])
    for alist in LISTS:
        sheet.append([alist.sheet, alist.title, counts.get(alist.number, 0), alist.period])
    sheet.append([])
    sheet.append(["Fields the store cannot fill (left blank in the lists, for the council to complete)"])
    sheet.append(["List", "Column", "Why"])
    for alist, col in gaps():
        sheet.append([alist.sheet, col.header, col.gap])
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["D"].width = 70


# --- reading ---------------------------------------------------------------------


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int
    column: str
    rule: str

    def __str__(self) -> str:
        return f"{self.sheet}, row {self.row}, {self.column}: {self.rule}"


def _parse(column: AColumn, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("'") and value[1:].startswith(FORMULA_START):
            value = value[1:]
    if column.kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(str(value), fmt).date()
            except ValueError:
                continue
        raise ValueError("must be a date (DD/MM/YYYY)")
    if column.kind == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ValueError("must be a whole number") from None
    if column.kind == "code":
        return _code(column, _text(value))
    return _text(value)


def _text(value: Any) -> str:
    """A cell as text: a whole number Excel stored as 123456.0 is the identifier 123456."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _code(column: AColumn, text: str) -> str:
    """The store code of a drop-down value: the value itself, its code alone, or its label without the prefix."""
    low = " ".join(text.lower().split())
    accepted: dict[str, set[str]] = {}
    for code, shown in column.codes.items():
        for variant in _variants(code, shown):
            accepted.setdefault(variant, set()).add(code)
    codes = accepted.get(low, set())
    if len(codes) == 1:  # a label shared by several codes ('Individual') names none of them
        return codes.pop()
    raise ValueError("must be one of the Annex A values: " + "; ".join(column.codes.values()))


def _variants(code: str, shown: str) -> set[str]:
    """'a) 1A: Individual' may also be written '1A: Individual', '1A' or 'Individual'."""
    shown = shown.lower()
    out = {code.lower(), shown}
    if ") " in shown:
        out.add(shown.split(") ", 1)[1])
    for sep in (": ", " - "):
        if sep in shown:
            head, tail = shown.split(sep, 1)
            out.add(head.split(") ")[-1])
            if code.lower() in head:
                out.add(tail)
    return out


def read(path: Path) -> tuple[dict[int, list[dict[str, Any]]], list[CellProblem]]:
    """Rows of every list found in the workbook, keyed as the declarations say; bad cells reported."""
    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise UserError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB; an Annex A workbook is far smaller")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UserError(f"{path}: not an Excel workbook ({type(exc).__name__})") from None
    rows: dict[int, list[dict[str, Any]]] = {}
    problems: list[CellProblem] = []
    for sheet in book.worksheets:
        alist = _match(sheet.title)
        if alist is not None:
            rows[alist.number] = _read_sheet(sheet, alist, problems)
    book.close()
    if not rows:
        raise UserError(f"{path}: no sheet named 'List 1' to 'List 11': not an Annex A workbook")
    return rows, problems


def _match(title: str) -> AList | None:
    words = title.replace("-", " ").split()
    if len(words) >= 2 and words[0].lower() == "list" and words[1].isdigit():
        return BY_NUMBER.get(int(words[1]))
    return None


def _read_sheet(sheet: Any, alist: AList, problems: list[CellProblem]) -> list[dict[str, Any]]:
    lines = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(lines, ())]
    by_header = {col.header.lower(): col for col in alist.columns}
    positions = [(i, by_header[h.lower()]) for i, h in enumerate(header) if h.lower() in by_header]
    out = []
    for number, values in enumerate(lines, start=2):
        if not any(v not in (None, "") for v in values):
            continue
        record: dict[str, Any] = {"_row": number}
        for i, col in positions:
            if col.key is None:
                continue
            try:
                record[col.key] = _parse(col, values[i] if i < len(values) else None)
            except ValueError as exc:
                problems.append(CellProblem(alist.sheet, number, col.header, str(exc)))
        out.append(record)
    return out
