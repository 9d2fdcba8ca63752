"""The XML form of the SSDA903 return (root EXPSSDA903, one <CHILD> per child).

The root, CHILD, HEADER, CHILDID and EPISODE elements follow the DfE's
expanded SSDA903 schema. The HEADER carries the child's fields (CHILDID, SEX,
DOB, ETHNIC, UPN, MOTHER, MC_DOB), the one-per-child items as plain fields
(DUC; IN_TOUCH, ACTIV, ACCOM; the AD1 fields; PREV_PERM, LA_PERM, DATE_PERM)
and the repeating items as groups. The group names (AREVIEW, OC2, AD_PLACED,
AMISSING, SW_EPISODE) are declared once below; only AREVIEW, OC2 and
AD_PLACED could be checked against published material. Field names are the
model's Column.source. Dates are written DD/MM/YYYY as in the CSV form; the
reader also accepts ISO dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lxml import etree

from lineofsight.errors import UserError
from lineofsight.formats.raw import RawTable, spool
from lineofsight.formats.values import to_csv_text
from lineofsight.formats.xmlio import iter_elements, leaves
from lineofsight.model import ssda903 as m
from lineofsight.model.schema import Column, Table

ROOT = "EXPSSDA903"
CHILD_TAG = "CHILDID"
# The header's own fields; the child id, SEX and DOB are shared with the tables below.
HEADER_FIELDS = m.HEADER.source_columns
SHARED = {"child_id", "sex", "date_of_birth"}
# One row per child at most, written as plain fields of the HEADER.
SINGLES = (m.UASC, m.CARE_LEAVER, m.ADOPTION, m.PREVIOUS_PERMANENCE)
# Repeating (or self-contained) items, written as groups inside the HEADER.
GROUPS: dict[str, Table] = {
    "AREVIEW": m.REVIEW,
    "OC2": m.HEALTH_OUTCOME,
    "AD_PLACED": m.PLACED_FOR_ADOPTION,
    "AMISSING": m.MISSING,
    "SW_EPISODE": m.SOCIAL_WORKER_EPISODE,
}
EPISODE_TAG = "EPISODE"
# Tags older files use for the same fields.
ALIASES = {"PL": "PLACE", "CHILD": CHILD_TAG}


def _tag(column: Column) -> str:
    return CHILD_TAG if column is m.CHILD_ID else str(column.source)


def _own(table: Table) -> tuple[Column, ...]:
    return tuple(c for c in table.source_columns if c.name not in SHARED)


def _fields(parent: etree._Element, columns: Iterable[Column], row: Mapping[str, Any]) -> None:
    for column in columns:
        value = row.get(column.name)
        if value is not None:
            etree.SubElement(parent, _tag(column)).text = to_csv_text(value, column.type)


def child_element(child: Mapping[str, Any]) -> etree._Element:
    """One <CHILD> from a dict of table name -> list of rows (readable column names)."""
    root = etree.Element("CHILD")
    header = etree.SubElement(root, "HEADER")
    _fields(header, HEADER_FIELDS, child["child"][0] if isinstance(child["child"], list) else child["child"])
    for table in SINGLES:
        for row in child.get(table.name, ())[:1]:
            _fields(header, _own(table), row)
    for tag, table in GROUPS.items():
        for row in child.get(table.name, ()):
            _fields(etree.SubElement(header, tag), _own(table), row)
    for row in child.get(m.EPISODE.name, ()):
        _fields(etree.SubElement(root, EPISODE_TAG), _own(m.EPISODE), row)
    return root


def write_ssda903_xml(path: Path, children: Iterable[Mapping[str, Any]]) -> int:
    """Stream an SSDA903 XML file; each child is {"child": {...}, "episode": [...], "review": [...], ...}."""
    written = 0
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(ROOT):
            xf.write("\n")
            for child in children:
                xf.write(child_element(child), pretty_print=True)
                written += 1
    return written


# --- reading ---------------------------------------------------------------


def _names(table: Table) -> dict[str, str]:
    return {_tag(c): c.name for c in table.source_columns}


class _Reader:
    def __init__(self, scratch: Path | None) -> None:
        self.tables = {t.name: RawTable(t, spool=spool(scratch, t.name)) for t in m.TABLES}
        self.names = {t.name: _names(t) for t in m.TABLES}

    def add(self, table: Table, line: int, fields: Mapping[str, str], shared: Mapping[str, str | None]) -> None:
        names = self.names[table.name]
        record: dict[str, str | None] = {names[t]: v for t, v in fields.items() if t in names}
        for name, value in shared.items():
            if name in self.tables[table.name].names:
                record[name] = value
        self.tables[table.name].add(line, record)

    def child(self, child: etree._Element) -> None:
        header = child.find("HEADER")
        fields = {ALIASES.get(t, t): v for t, v in leaves(header).items()} if header is not None else {}
        line = (header if header is not None else child).sourceline or 0
        self.add(m.HEADER, line, fields, {})
        names = self.names[m.HEADER.name]
        shared = {names[t]: fields.get(t) for t in (CHILD_TAG, "SEX", "DOB")}
        for table in SINGLES:
            own = {_tag(c) for c in _own(table)}
            if own & {t for t, v in fields.items() if v.strip()}:
                self.add(table, line, fields, shared)
        for tag, table in GROUPS.items():
            for group in header.iterfind(tag) if header is not None else ():
                self.add(table, group.sourceline or 0, _aliased(group), shared)
        for episode in child.iterfind(EPISODE_TAG):
            self.add(m.EPISODE, episode.sourceline or 0, _aliased(episode), shared)


def _aliased(element: etree._Element) -> dict[str, str]:
    return {ALIASES.get(t, t): v for t, v in leaves(element).items()}


def read_ssda903_xml(path: Path, scratch: Path | None = None) -> dict[str, RawTable]:
    """Read an SSDA903 XML file into text tables, one per SSDA903 table (spooled to `scratch` if given)."""
    reader = _Reader(scratch)
    children = 0
    for element in iter_elements(path, ("CHILD",)):
        reader.child(element)
        children += 1
    if children == 0:
        raise UserError(f"{path.name}: no <CHILD> elements: this is not an SSDA903 XML return")
    return reader.tables
