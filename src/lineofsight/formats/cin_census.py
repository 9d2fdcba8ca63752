"""The CIN census XML file, as the DfE specifies it (Message > Header, Children > Child).

Element names come from the model's Column.source; the element ORDER is the
DfE schema's, which differs from the model's column order in one place:
ReferralNFA sits after Section47 and before ChildProtectionPlans.
Writing streams child by child through lxml's incremental writer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from lineofsight.errors import UserError
from lineofsight.formats.raw import RawTable, spool
from lineofsight.formats.values import to_xml_text
from lineofsight.formats.xmlio import iter_elements, text
from lineofsight.model import cin
from lineofsight.model.schema import Column, Table

SOFTWARE_CODE = "lineofsight"
RELEASE = "1"


def _own(table: Table) -> tuple[Column, ...]:
    """A nested block's own fields: LAchildID appears only once, in ChildIdentifiers."""
    return tuple(c for c in table.source_columns if c is not cin.CHILD_ID)


# Fields in DfE schema order, per element, derived from the model.
IDENTIFIERS = tuple(c for c in cin.CIN_CHILD.source_columns if c.name != "ethnicity")
ETHNICITY = cin.CIN_CHILD.column("ethnicity")
REFERRAL_NFA = cin.REFERRAL.column("referral_nfa")
REFERRAL_BEFORE = tuple(c for c in _own(cin.REFERRAL) if c is not REFERRAL_NFA)
ASSESSMENT = _own(cin.ASSESSMENT)
CIN_PLAN = _own(cin.CIN_PLAN)
SECTION47 = _own(cin.SECTION47)
PROTECTION_PLAN = _own(cin.PROTECTION_PLAN)
REVIEW_DATE = cin.PROTECTION_PLAN_REVIEW.column("review_date")
FACTOR = cin.ASSESSMENT_FACTOR.column("factor")
DISABILITY = cin.CIN_DISABILITY.column("disability")


def reference_date(year: int) -> dt.date:
    """The census reference date: 31 March of the collection year."""
    return dt.date(year, 3, 31)


def _leaf(parent: etree._Element, column: Column, value: Any) -> None:
    text = to_xml_text(value, column.type)
    if text is not None and column.source:
        etree.SubElement(parent, column.source).text = text


def _fields(parent: etree._Element, columns: Iterable[Column], row: Mapping[str, Any]) -> None:
    for column in columns:
        _leaf(parent, column, row.get(column.name))


def _block(parent: etree._Element, table: Table, columns: Iterable[Column], row: Mapping[str, Any]) -> etree._Element:
    element = etree.SubElement(parent, table.source_name or table.name)
    _fields(element, columns, row)
    return element


def _list(parent: etree._Element, wrapper: str, column: Column, values: Iterable[Any]) -> None:
    values = list(values)
    if values:
        holder = etree.SubElement(parent, wrapper)
        for value in values:
            _leaf(holder, column, value)


def child_element(child: Mapping[str, Any]) -> etree._Element:
    """One <Child> element from the nested child dict the generator produces."""
    root = etree.Element("Child")
    _fields(etree.SubElement(root, "ChildIdentifiers"), IDENTIFIERS, child["child"])
    characteristics = etree.SubElement(root, "ChildCharacteristics")
    _leaf(characteristics, ETHNICITY, child["child"].get(ETHNICITY.name))
    _list(characteristics, "Disabilities", DISABILITY, child.get("disabilities", ()))
    for referral in child.get("referrals", ()):
        _referral(root, referral)
    return root


def _referral(parent: etree._Element, referral: Mapping[str, Any]) -> None:
    details = _block(parent, cin.REFERRAL, REFERRAL_BEFORE, referral["referral"])
    for item in referral.get("assessments", ()):
        element = _block(details, cin.ASSESSMENT, ASSESSMENT, item["assessment"])
        _list(element, "FactorsIdentifiedAtAssessment", FACTOR, item.get("factors", ()))
    for plan in referral.get("cin_plans", ()):
        _block(details, cin.CIN_PLAN, CIN_PLAN, plan)
    for enquiry in referral.get("section47", ()):
        _block(details, cin.SECTION47, SECTION47, enquiry)
    _leaf(details, REFERRAL_NFA, referral["referral"].get(REFERRAL_NFA.name))
    for item in referral.get("protection_plans", ()):
        element = _block(details, cin.PROTECTION_PLAN, PROTECTION_PLAN, item["plan"])
        _list(element, "Reviews", REVIEW_DATE, item.get("reviews", ()))


def header_element(la_code: str, year: int, created: dt.datetime | None = None) -> etree._Element:
    """The <Header>: collection details and the source council."""
    header = etree.Element("Header")
    details = etree.SubElement(header, "CollectionDetails")
    etree.SubElement(details, "Collection").text = "CIN"
    etree.SubElement(details, "Year").text = str(year)
    etree.SubElement(details, "ReferenceDate").text = reference_date(year).isoformat()
    source = etree.SubElement(header, "Source")
    stamp = created or dt.datetime.combine(reference_date(year), dt.time())  # fixed default: deterministic bytes
    for name, value in (
        ("SourceLevel", "L"),
        ("LEA", la_code),
        ("SoftwareCode", SOFTWARE_CODE),
        ("Release", RELEASE),
        ("SerialNo", "001"),
        ("DateTime", stamp.isoformat(timespec="seconds")),
    ):
        etree.SubElement(source, name).text = value
    return header


def write_census(
    path: Path,
    la_code: str,
    year: int,
    children: Iterable[Mapping[str, Any]],
    created: dt.datetime | None = None,
) -> int:
    """Stream a CIN census XML file; return the number of children written."""
    written = 0
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            xf.write("\n")
            xf.write(header_element(la_code, year, created), pretty_print=True)
            with xf.element("Children"):
                xf.write("\n")
                for child in children:
                    xf.write(child_element(child), pretty_print=True)
                    written += 1
            xf.write("\n")
    return written


# --- reading ---------------------------------------------------------------

# Earlier census years called the child's sex GenderCurrent; read both.
ALIASES = {"GenderCurrent": "Sex"}


@dataclass
class CensusFile:
    """What one CIN census file holds, as text: the council and year from its header, and its tables."""

    la_code: str | None
    year: int | None
    tables: dict[str, RawTable]


Record = list[str | None]


def _tags(table: Table) -> dict[str, int]:
    """Element name -> position in the table's records (earlier names included)."""
    tags = {str(c.source): i for i, c in enumerate(table.columns) if c.source}
    tags.update({old: tags[new] for old, new in ALIASES.items() if new in tags})
    return tags


class _Reader:
    """Flattens each <Child> into rows of the cin tables, numbering referrals and assessments.

    Records are lists in the model's column order; the nested tables begin
    with their keys (child_id, referral_id[, assessment_id]), which the
    nesting supplies. One pass over each block: this is the hot loop of
    reading a census of 100,000 children.
    """

    def __init__(self, scratch: Path | None) -> None:
        self.tables = {t.name: RawTable(t, spool=spool(scratch, t.name)) for t in cin.TABLES}
        self.tags = {t.name: _tags(t) for t in cin.TABLES}
        self.width = {t.name: len(t.columns) for t in cin.TABLES}

    def record(self, table: str, element: etree._Element, keys: Record) -> Record:
        """Keys first, then the element's simple fields by name."""
        record = keys + [None] * (self.width[table] - len(keys))
        tags = self.tags[table]
        for leaf in element:
            index = tags.get(leaf.tag)
            if index is not None and index >= len(keys):
                record[index] = leaf.text or ""
        return record

    def child(self, child: etree._Element) -> None:
        record: Record = [None] * self.width["cin_child"]
        tags = self.tags["cin_child"]
        details, disabilities = [], []
        for block in child:
            if block.tag == "CINdetails":
                details.append(block)
                continue
            for leaf in block:  # ChildIdentifiers, ChildCharacteristics
                if leaf.tag == "Disabilities":
                    disabilities.extend(leaf)
                    continue
                index = tags.get(leaf.tag)
                if index is not None:
                    record[index] = leaf.text or ""
        self.tables["cin_child"].add_list(child.sourceline or 0, record)
        cid = record[0]
        for disability in disabilities:
            self.tables["cin_disability"].add_list(disability.sourceline or 0, [cid, disability.text])
        for number, block in enumerate(details, start=1):
            self.referral(block, cid, str(number))

    def referral(self, details: etree._Element, cid: str | None, rid: str) -> None:
        self.tables["referral"].add_list(details.sourceline or 0, self.record("referral", details, [cid, rid]))
        assessments = 0
        for item in details:
            tag = item.tag
            if tag == "Assessments":
                assessments += 1
                self.assessment(item, cid, rid, str(assessments))
            elif tag == "CINPlanDates":
                self.tables["cin_plan"].add_list(item.sourceline or 0, self.record("cin_plan", item, [cid, rid]))
            elif tag == "Section47":
                self.tables["section47"].add_list(item.sourceline or 0, self.record("section47", item, [cid, rid]))
            elif tag == "ChildProtectionPlans":
                self.protection_plan(item, cid, rid)

    def assessment(self, item: etree._Element, cid: str | None, rid: str, aid: str) -> None:
        self.tables["assessment"].add_list(item.sourceline or 0, self.record("assessment", item, [cid, rid, aid]))
        factors = self.tables["assessment_factor"]
        for factor in item.iterfind("FactorsIdentifiedAtAssessment/AssessmentFactors"):
            factors.add_list(factor.sourceline or 0, [cid, rid, aid, factor.text])

    def protection_plan(self, item: etree._Element, cid: str | None, rid: str) -> None:
        plan = self.record("protection_plan", item, [cid, rid])
        self.tables["protection_plan"].add_list(item.sourceline or 0, plan)
        start = plan[self.tags["protection_plan"]["CPPstartDate"]]
        reviews = self.tables["protection_plan_review"]
        for review in item.iterfind("Reviews/CPPreviewDate"):
            reviews.add_list(review.sourceline or 0, [cid, rid, start, review.text])


def _header_year(header: etree._Element) -> int | None:
    for value in (text(header, "CollectionDetails/ReferenceDate"), text(header, "CollectionDetails/Year")):
        if value and value.strip()[:4].isdigit():
            return int(value.strip()[:4])
    return None


def read_census(path: Path, scratch: Path | None = None) -> CensusFile:
    """Read a CIN census XML file into text tables (streaming; children are freed as they are read).

    With a `scratch` folder the rows go to files there rather than memory.
    """
    reader = _Reader(scratch)
    la_code: str | None = None
    year: int | None = None
    seen_root = False
    for element in iter_elements(path, ("Header", "Child")):
        seen_root = True
        if element.tag == "Header":
            la_code = (text(element, "Source/LEA") or "").strip() or None
            year = _header_year(element)
        else:
            reader.child(element)
    if not seen_root:
        raise UserError(f"{path.name}: no <Header> or <Child> elements: this is not a CIN census file")
    return CensusFile(la_code, year, reader.tables)
