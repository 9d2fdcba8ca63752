"""Signed-in sessions held in the store: the cookie carries only a random id, the store says whether it still counts.

Only the SHA-256 of the id is stored, so a copy of the store does not hand out working cookies. A session ends
at sign-out, when its user is disabled, removed or given a new password, after IDLE without a request, and
EXPIRES after it began; an ended session opens nothing, wherever its cookie has been copied to.
The SQL is plain standard SQL with parameters, so it runs on every store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from lineofsight.store import Store

EXPIRES = dt.timedelta(hours=8)
IDLE = dt.timedelta(hours=1)
TOUCH_EVERY = dt.timedelta(minutes=1)  # last_seen_at is written at most this often, not on every request
KEEP_ENDED = dt.timedelta(days=1)


@dataclass(frozen=True)
class Holder:
    """Who a live session belongs to: their role and the councils they are limited to (empty: every council)."""

    username: str
    role: str
    councils: frozenset[str]


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def start(store: Store, username: str, now: dt.datetime) -> str:
    """A new session for a user who has just proved their password; returns the id for the cookie."""
    session_id = secrets.token_urlsafe(32)
    with store.transaction() as con:
        con.execute("DELETE FROM app_session WHERE expires_at < ?", [now - KEEP_ENDED])
        con.execute(
            "INSERT INTO app_session (session_hash, username, created_at, last_seen_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [_hash(session_id), username, now, now, now + EXPIRES],
        )
    return session_id


def holder(store: Store, session_id: str, now: dt.datetime) -> Holder | None:
    """The user of a live session (not ended, expired or idle, its user enabled); None otherwise."""
    rows = store.query(
        "SELECT u.username, u.role, s.last_seen_at, c.la_code FROM app_session s "
        "JOIN app_user u ON u.username = s.username LEFT JOIN app_user_council c ON c.username = u.username "
        "WHERE s.session_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ? "
        "AND u.disabled_at IS NULL",
        [_hash(session_id), now, now - IDLE],
    )
    if not rows:
        return None
    username, role, last_seen, _ = rows[0]
    if now - last_seen >= TOUCH_EVERY:
        store.con.execute("UPDATE app_session SET last_seen_at = ? WHERE session_hash = ?", [now, _hash(session_id)])
    return Holder(str(username), str(role), frozenset(str(r[3]) for r in rows if r[3] is not None))


def end(store: Store, session_id: str, why: str, now: dt.datetime) -> None:
    store.con.execute(
        "UPDATE app_session SET revoked_at = ?, revoked_why = ? WHERE session_hash = ? AND revoked_at IS NULL",
        [now, why, _hash(session_id)],
    )


def end_all(store: Store, username: str, why: str, now: dt.datetime) -> int:
    """End every live session of a user; returns how many were live."""
    live = store.query(
        "SELECT count(*) FROM app_session WHERE username = ? AND revoked_at IS NULL AND expires_at > ?",
        [username, now],
    )
    store.con.execute(
        "UPDATE app_session SET revoked_at = ?, revoked_why = ? WHERE username = ? AND revoked_at IS NULL",
        [now, why, username],
    )
    return int(live[0][0])
