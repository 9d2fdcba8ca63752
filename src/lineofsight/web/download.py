"""A page's table as a download: CSV or an xlsx workbook, never a formula.

A cell whose text starts with = + - @ tab or carriage return is written with a leading apostrophe, so a
spreadsheet shows it as text rather than running it (CSV injection); numbers stay numbers in the workbook.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from starlette.responses import Response

from lineofsight.qa.csvio import FORMULA_START

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def guarded(value: Any) -> Any:
    """The value, or for text that a spreadsheet would run as a formula, the text behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table_response(name: str, kind: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Response:
    """`name`.csv or `name`.xlsx holding the header and rows."""
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([guarded(h) for h in header])
        writer.writerows([guarded(v) for v in row] for row in rows)
        body: bytes = buffer.getvalue().encode("utf-8")
    else:
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = name[:31]
        sheet.append([guarded(h) for h in header])
        for row in rows:
            sheet.append([guarded(v) for v in row])
        out = io.BytesIO()
        workbook.save(out)
        body = out.getvalue()
    disposition = f'attachment; filename="{name}.{kind}"'
    return Response(body, media_type=FORMATS[kind], headers={"content-disposition": disposition})
