"""The audit log: every look at a child-level record or list is written here first."""

from __future__ import annotations

import datetime as dt

from lineofsight.store import Store


def record(
    store: Store, username: str, action: str, subject: str, la_code: str | None = None, detail: str = ""
) -> None:
    store.con.execute(
        "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?)",
        [dt.datetime.now(), username, action, subject, la_code, detail],
    )


def entries(store: Store, limit: int = 500) -> list[dict[str, object]]:
    return store.dicts("SELECT * FROM audit_log ORDER BY occurred_at DESC LIMIT ?", [limit])
