"""A minimal OpenDocument spreadsheet (.ods) reader: sheet name -> rows of cell text.

Ofsted and the DfE publish some statistics only as .ods. The format is a zip
holding content.xml; reading cell text needs no library beyond lxml, parsed
with entity resolution and network access off (the file may be hostile).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from lineofsight.errors import UserError

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
MAX_CONTENT = 200 * 1024 * 1024  # content.xml larger than this is refused (a zip bomb, not a statistics release)
MAX_REPEAT = 1000  # trailing empty cells/rows are stored as huge repeats; real tables are far smaller


def read_ods(path: Path) -> dict[str, list[list[str]]]:
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.getinfo("content.xml").file_size > MAX_CONTENT:
                raise UserError(f"{path}: content.xml is larger than {MAX_CONTENT // 2**20} MB")
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UserError(f"{path}: not an OpenDocument spreadsheet ({exc})") from exc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise UserError(f"{path}: content.xml is not well-formed XML ({exc})") from exc
    return {str(sheet.get(f"{TABLE}name")): _rows(sheet) for sheet in root.iter(f"{TABLE}table")}


def _rows(sheet: etree._Element) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in sheet.iter(f"{TABLE}table-row"):
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                continue
            text = "\n".join("".join(p.itertext()) for p in cell.iter(TEXT_P))
            cells.extend([text] * min(int(cell.get(f"{TABLE}number-columns-repeated", "1")), MAX_REPEAT))
        while cells and not cells[-1]:
            cells.pop()
        repeat = min(int(row.get(f"{TABLE}number-rows-repeated", "1")), MAX_REPEAT) if cells else 1
        rows.extend([cells] * repeat)
    while rows and not rows[-1]:
        rows.pop()
    return rows
