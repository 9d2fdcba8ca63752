"""Sign-in throttling: too many wrong passwords for one account, or from one address, and sign-in waits.

An account is held after ACCOUNT_LIMIT failures within WINDOW (since its last successful sign-in), an address
after ADDRESS_LIMIT (higher: an office shares one address). While held, no password is checked at all, so
guessing costs the guesser time and costs the server nothing. Attempts are kept KEEP; the audit log keeps all.
"""

from __future__ import annotations

import datetime as dt
import math

from lineofsight.store import Store

WINDOW = dt.timedelta(minutes=15)
ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20
KEEP = dt.timedelta(days=1)


def _held_until(failures: list[dt.datetime], limit: int) -> dt.datetime | None:
    """Failures newest first: the hold lasts until the limit-th newest leaves the window."""
    return failures[limit - 1] + WINDOW if len(failures) >= limit else None


def _minutes(until: dt.datetime, now: dt.datetime) -> str:
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def held(store: Store, username: str, client: str, now: dt.datetime) -> str | None:
    """Why sign-in must wait (a sentence saying how long), or None when it may go ahead."""
    since = now - WINDOW
    account = store.query(
        "SELECT occurred_at FROM login_attempt WHERE username = ? AND NOT succeeded AND occurred_at > ? "
        "AND occurred_at > coalesce((SELECT max(occurred_at) FROM login_attempt WHERE username = ? AND succeeded), ?) "
        "ORDER BY occurred_at DESC",
        [username, since, username, since],
    )
    until = _held_until([r[0] for r in account], ACCOUNT_LIMIT)
    if until is not None:
        return (
            f"Too many wrong passwords for this account ({ACCOUNT_LIMIT} in {WINDOW.seconds // 60} minutes). "
            f"Wait {_minutes(until, now)} and try again, or ask an administrator to reset the password."
        )
    address = store.query(
        "SELECT occurred_at FROM login_attempt WHERE client = ? AND NOT succeeded AND occurred_at > ? "
        "ORDER BY occurred_at DESC",
        [client, since],
    )
    until = _held_until([r[0] for r in address], ADDRESS_LIMIT)
    if until is not None:
        return (
            f"Too many wrong passwords from your network address ({ADDRESS_LIMIT} in {WINDOW.seconds // 60} "
            f"minutes). Wait {_minutes(until, now)} and try again."
        )
    return None


def attempted(store: Store, username: str, client: str, succeeded: bool, now: dt.datetime) -> None:
    store.con.execute("DELETE FROM login_attempt WHERE occurred_at < ?", [now - KEEP])
    store.con.execute(
        "INSERT INTO login_attempt (occurred_at, username, client, succeeded) VALUES (?, ?, ?, ?)",
        [now, username, client, succeeded],
    )
