"""Python values to and from the text the DfE files carry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from lineofsight.model.schema import ColumnType


def to_csv_text(value: Any, kind: ColumnType) -> str:
    """A value as SSDA903-style CSV text: dates DD/MM/YYYY, booleans 0/1, None empty."""
    if value is None:
        return ""
    if kind is ColumnType.DATE and isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if kind is ColumnType.TIMESTAMP and isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float | Decimal):
        return _number(value)
    return str(value)


def to_xml_text(value: Any, kind: ColumnType) -> str | None:
    """A value as XML text: ISO dates, true/false booleans; None means leave the element out."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | Decimal):
        return _number(value)
    return str(value)


def _number(value: float | Decimal) -> str:
    text = format(value, "f") if isinstance(value, Decimal) else repr(float(value))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
