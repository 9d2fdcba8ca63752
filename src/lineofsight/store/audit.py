"""The audit log: every look at a child-level record or list is written here first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from lineofsight.store import Store


def record(
    store: Store, username: str, action: str, subject: str, la_code: str | None = None, detail: str = ""
) -> None:
    store.con.execute(
        "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?)",
        [dt.datetime.now(), username, action, subject, la_code, detail],
    )


def entries(store: Store, limit: int = 500, councils: Iterable[str] | None = None) -> list[dict[str, object]]:
    """The newest entries; given councils, only entries about them."""
    codes = sorted(councils) if councils is not None else []
    where = f"WHERE la_code IN ({', '.join('?' for _ in codes)})" if councils is not None else ""
    if councils is not None and not codes:
        return []
    return store.dicts(f"SELECT * FROM audit_log {where} ORDER BY occurred_at DESC LIMIT ?", [*codes, limit])
