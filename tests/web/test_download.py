"""Downloads of a page's table never carry a formula a spreadsheet would run; numbers stay numbers."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from lineofsight.web.download import table_response

HEADER = ["Council", "Figure"]
ROWS = [['=HYPERLINK("http://x","click")', 12.5], ["+Norfolk", None], ["Leeds (383)", 3]]


def test_csv_cells_that_start_a_formula_are_written_as_text() -> None:
    response = table_response("table", "csv", HEADER, ROWS)
    assert response.headers["content-disposition"] == 'attachment; filename="table.csv"'
    rows = list(csv.reader(io.StringIO(bytes(response.body).decode("utf-8"))))
    assert rows == [HEADER, ['\'=HYPERLINK("http://x","click")', "12.5"], ["'+Norfolk", ""], ["Leeds (383)", "3"]]


def test_xlsx_cells_that_start_a_formula_are_text_and_numbers_are_numbers() -> None:
    response = table_response("table", "xlsx", HEADER, ROWS)
    sheet = load_workbook(io.BytesIO(bytes(response.body))).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[1] == ('\'=HYPERLINK("http://x","click")', 12.5)
    assert sheet["A2"].data_type == "s" and sheet["B4"].value == 3
