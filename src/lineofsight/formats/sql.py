"""How DfE text becomes typed values, as DuckDB SQL expressions (text only; the store runs them).

Strict: a date must be a real date in the form the format uses (DD/MM/YYYY in
CSV, ISO in the CIN census); numbers must be numbers; booleans 1/0, true/false,
Y/N. Values are trimmed of spaces, tabs, line ends and non-breaking spaces;
codes are put in the case the DfE writes them. Anything else is left to the
validation rules.
"""

from __future__ import annotations

from lineofsight.model.schema import Column, ColumnType, Table

# Spaces, tabs, line ends and the non-breaking spaces spreadsheets leave around values.
BLANKS = "' ' || chr(9) || chr(10) || chr(13) || chr(160)"
# style -> (what a person is told, SQL parsing a clean value `v` into a DATE or NULL)
DATE_FORMS = {
    # strptime alone would read '06/06/25' as the year 25: insist the year has four digits.
    "dmy": ("DD/MM/YYYY", "CASE WHEN substr({v}, -5, 1) = '/' THEN try_strptime({v}, '%d/%m/%Y')::DATE END"),
    "iso": ("YYYY-MM-DD", "CASE WHEN length({v}) = 10 THEN try_strptime({v}, '%Y-%m-%d')::DATE END"),
}


def styles(date_style: str) -> tuple[str, ...]:
    """The date forms a file may use: "dmy", "iso", or "either" (the SSDA903 XML)."""
    return ("dmy", "iso") if date_style == "either" else (date_style,)


def clean(name: str) -> str:
    """Trimmed text, blank as NULL."""
    return f"nullif(trim({name}, {BLANKS}), '')"


def _case(column: Column, value: str) -> str:
    """Codes are compared as the DfE writes them: upper case, or lower case for XML true/false."""
    codes = list(column.codes.codes) if column.codes else []
    if not codes:
        return value
    if all(c == c.lower() for c in codes) and any(c != c.upper() for c in codes):
        return f"lower({value})"
    return f"upper({value})"


def typed(column: Column, value: str, date_style: str) -> str:
    """SQL turning the clean text `value` into the column's model type (NULL when it does not parse)."""
    kind = column.type
    if kind is ColumnType.TEXT:
        return _case(column, value)
    if kind is ColumnType.DATE:
        forms = [DATE_FORMS[s][1].format(v=value) for s in styles(date_style)]
        return forms[0] if len(forms) == 1 else f"coalesce({', '.join(forms)})"
    if kind is ColumnType.INTEGER:
        return f"TRY_CAST({value} AS BIGINT)"
    if kind is ColumnType.DECIMAL:
        return f"CASE WHEN isfinite(TRY_CAST({value} AS DOUBLE)) THEN TRY_CAST({value} AS DOUBLE) END"
    if kind is ColumnType.BOOLEAN:
        return (
            f"CASE WHEN upper({value}) IN ('1', 'TRUE', 'Y', 'YES') THEN TRUE "
            f"WHEN upper({value}) IN ('0', 'FALSE', 'N', 'NO') THEN FALSE END"
        )
    return (
        f"coalesce(try_strptime({value}, '%d/%m/%Y %H:%M:%S'), try_strptime({value}, '%d/%m/%Y %H:%M'), "
        f"CASE WHEN length({value}) >= 16 THEN TRY_CAST({value} AS TIMESTAMP) END)"
    )


def expected(column: Column, date_style: str) -> str:
    """The end of the message for a value that did not parse."""
    if column.type is ColumnType.DATE:
        return f"is not a real date in the form {' or '.join(DATE_FORMS[s][0] for s in styles(date_style))}"
    return {
        ColumnType.INTEGER: "is not a whole number",
        ColumnType.DECIMAL: "is not a number",
        ColumnType.BOOLEAN: "is not a yes/no value (1/0, true/false, Y/N)",
        ColumnType.TIMESTAMP: "is not a real date and time",
    }.get(column.type, "cannot be read")


def identifier(table: Table) -> Column | None:
    """The child identifier: a row without one cannot be loaded."""
    return next((c for c in table.columns if c.name == "child_id"), None)


def checked(table: Table) -> list[tuple[int, Column]]:
    """Columns whose text must parse: every column that is not plain text."""
    return [(i, c) for i, c in enumerate(table.columns) if c.type is not ColumnType.TEXT]
