"""Checks every file passes before a reader parses it: size, emptiness, binary, hostile XML."""

from __future__ import annotations

import re
from pathlib import Path

from lineofsight.errors import UserError

DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB
_PROLOG = 4096
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Refuse empty, oversized or binary files; return the first bytes for recognising the kind."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_PROLOG)
    except OSError as exc:
        raise UserError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    if size == 0 or not head.strip():
        raise UserError(f"{path.name}: the file is empty")
    if size > max_bytes:
        raise UserError(
            f"{path.name}: the file is {size / 2**20:,.0f} MB, over the {max_bytes / 2**20:,.0f} MB limit "
            "(raise it with --max-size if the file is genuine)"
        )
    if b"\x00" in head and not head.startswith(_BOMS[1:]):
        raise UserError(f"{path.name}: this is a binary file, not a CSV or XML return")
    return head


def looks_like_xml(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


_ANY_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_CHUNK = 1 << 20


def refuse_doctype(path: Path) -> None:
    """Refuse any DTD anywhere in the file: entity declarations are how billion-laughs and external-entity
    attacks work, and DfE returns never declare one. The whole file is scanned, not just
    the part before the first tag, which a comment or a processing instruction could hide a DOCTYPE behind."""
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if _ANY_DTD.search(tail + chunk):
                raise UserError(
                    f"{path.name}: refused, the XML declares a DOCTYPE or entities, which DfE returns never do"
                )
            tail = chunk[-32:]
