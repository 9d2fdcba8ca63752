"""Recognise a file (SSDA903 CSV table, SSDA903 XML, CIN census XML, local CSVs) and read it as text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lineofsight.errors import UserError
from lineofsight.formats import cin_census, csv_tables, ssda903_xml
from lineofsight.formats.raw import RawTable
from lineofsight.formats.safety import DEFAULT_MAX_BYTES, check_file, looks_like_xml, refuse_doctype

_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*)")


@dataclass
class FileRead:
    """One file's content as text tables, with the council and year it declares, if any."""

    path: Path
    kind: str  # "ssda903_csv" | "local_csv" | "ssda903_xml" | "cin_xml"
    tables: list[RawTable]
    la_code: str | None = None
    year: int | None = None
    date_style: str = "dmy"  # how dates are written: "dmy" (DD/MM/YYYY), "iso" or "either"


def _root_tag(path: Path, head: bytes) -> str:
    refuse_doctype(path)
    for match in _ROOT.finditer(head):
        start = match.start()
        if head[start + 1 : start + 2] not in (b"?", b"!"):
            return match.group(1).decode("ascii", "replace")
    raise UserError(f"{path.name}: looks like XML but no root element was found in its first bytes")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, scratch: Path | None = None) -> FileRead:
    """Read any supported file; a UserError names the file and why it cannot be read.

    XML rows are spooled to files in `scratch` when it is given (the caller removes it).
    """
    head = check_file(path, max_bytes)
    if looks_like_xml(head):
        root = _root_tag(path, head)
        if root == "Message":
            census = cin_census.read_census(path, scratch)
            return FileRead(path, "cin_xml", list(census.tables.values()), census.la_code, census.year, "iso")
        if root == ssda903_xml.ROOT:
            return FileRead(
                path, "ssda903_xml", list(ssda903_xml.read_ssda903_xml(path, scratch).values()), date_style="either"
            )
        raise UserError(
            f"{path.name}: XML with root element <{root}>, which is neither a CIN census (<Message>) "
            f"nor an SSDA903 return (<{ssda903_xml.ROOT}>)"
        )
    header = csv_tables.read_header(path)
    match = csv_tables.recognise(header)
    if match is None:
        raise UserError(f"{path.name}: {csv_tables.describe_unknown(header)}")
    kind = "ssda903_csv" if match.table.dataset == "ssda903" else "local_csv"
    return FileRead(path, kind, [csv_tables.open_table(path, match)])
