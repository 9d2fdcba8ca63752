"""People who can sign in: argon2id password hashes in app_user, the councils each may see in app_user_council.

Hashing and checking a password is slow on purpose (tens of milliseconds of CPU), so it is done outside any
store lock: `hash_password` before a change is written, `password_matches` after the stored hash is read.
Every change is written to the audit log under the name of whoever made it (`actor`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lineofsight.errors import UserError
from lineofsight.store import Store, audit
from lineofsight.web import sessions

ROLES = ("analyst", "manager", "auditor", "viewer")
# Roles that may see child-level lists and records; a viewer sees aggregate figures only.
CHILD_LEVEL = frozenset({"analyst", "manager", "auditor"})
DEMO_USER, DEMO_PASSWORD = "demo", "demo-analyst"
COUNCIL_CODE = re.compile(r"\d{3}")  # the DfE's three-digit LA code, e.g. 813

_hasher = PasswordHasher()
_DUMMY = _hasher.hash("not a password anyone has")


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise UserError("a password needs at least 8 characters")
    return _hasher.hash(password)


def password_matches(stored: str | None, password: str) -> bool:
    """Check a password against a stored hash; with no hash (no such user) do the same work and say no,
    so that timing does not reveal who exists."""
    try:
        return bool(_hasher.verify(stored or _DUMMY, password)) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def _councils(councils: Iterable[str]) -> list[str]:
    codes = sorted({c.strip() for c in councils})
    for code in codes:
        if not COUNCIL_CODE.fullmatch(code):
            raise UserError(f"--council {code!r}: a council is its DfE three-digit LA code, e.g. 813")
    return codes


def _exists(store: Store, username: str) -> bool:
    return bool(store.query("SELECT count(*) FROM app_user WHERE username = ?", [username])[0][0])


def _known(store: Store, username: str) -> None:
    if not _exists(store, username):
        raise UserError(f"there is no user {username!r}: `lineofsight user list` shows who there is")


def add_user(
    store: Store, username: str, role: str, password: str, councils: Iterable[str] = (), actor: str = "cli"
) -> None:
    """Create the user, or replace an existing one's role, password and councils (ending their sessions)."""
    if role not in ROLES:
        raise UserError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if not username.strip():
        raise UserError("a user needs a name")
    codes = _councils(councils)
    hashed = hash_password(password)  # before the transaction: no lock is held while hashing
    now = dt.datetime.now()
    existed = _exists(store, username)
    with store.transaction() as con:
        con.execute("DELETE FROM app_user WHERE username = ?", [username])
        con.execute("DELETE FROM app_user_council WHERE username = ?", [username])
        con.execute(
            "INSERT INTO app_user (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
            [username, role, hashed, now],
        )
        for code in codes:
            con.execute("INSERT INTO app_user_council (username, la_code) VALUES (?, ?)", [username, code])
        ended = sessions.end_all(store, username, "user replaced", now) if existed else 0
        limits = f"councils {', '.join(codes)}" if codes else "every council"
        detail = f"role={role}; {limits}" + (f"; replaced, {ended} sessions ended" if existed else "")
        audit.record(store, actor, "user_add", username, None, detail)


def credentials(store: Store, username: str) -> tuple[str, bool] | None:
    """(password hash, disabled) of a user, or None: read under the store lock, checked outside it."""
    rows = store.query("SELECT password_hash, disabled_at FROM app_user WHERE username = ?", [username])
    return (str(rows[0][0]), rows[0][1] is not None) if rows else None


def authenticate(store: Store, username: str, password: str) -> str | None:
    """The role of an enabled user whose password is right, else None (for scripts; the dashboard's sign-in
    reads `credentials` and checks the password outside the store lock)."""
    found = credentials(store, username)
    if not password_matches(found[0] if found else None, password) or found is None or found[1]:
        return None
    rows = store.query("SELECT role FROM app_user WHERE username = ?", [username])
    return str(rows[0][0])


def reset_password(store: Store, username: str, password: str, actor: str = "cli") -> int:
    """A new password; every session of the user ends. Returns how many sessions were ended."""
    _known(store, username)
    hashed = hash_password(password)
    now = dt.datetime.now()
    with store.transaction() as con:
        con.execute("UPDATE app_user SET password_hash = ? WHERE username = ?", [hashed, username])
        ended = sessions.end_all(store, username, "password reset", now)
        audit.record(store, actor, "user_reset_password", username, None, f"{ended} sessions ended")
    return ended


def set_disabled(store: Store, username: str, disabled: bool, actor: str = "cli") -> int:
    """Disable (ending every session) or enable a user; returns how many sessions were ended."""
    _known(store, username)
    now = dt.datetime.now()
    with store.transaction() as con:
        con.execute("UPDATE app_user SET disabled_at = ? WHERE username = ?", [now if disabled else None, username])
        ended = sessions.end_all(store, username, "user disabled", now) if disabled else 0
        action = "user_disable" if disabled else "user_enable"
        audit.record(store, actor, action, username, None, f"{ended} sessions ended" if disabled else "")
    return ended


def remove_user(store: Store, username: str, actor: str = "cli") -> int:
    """Remove a user (their audit log entries stay); returns how many sessions were ended."""
    _known(store, username)
    now = dt.datetime.now()
    with store.transaction() as con:
        ended = sessions.end_all(store, username, "user removed", now)
        con.execute("DELETE FROM app_user_council WHERE username = ?", [username])
        con.execute("DELETE FROM app_user WHERE username = ?", [username])
        audit.record(store, actor, "user_remove", username, None, f"{ended} sessions ended")
    return ended


def list_users(store: Store, now: dt.datetime | None = None) -> list[dict[str, Any]]:
    """Every user with their role, councils, whether disabled, live sessions and when last seen."""
    now = now or dt.datetime.now()
    users = store.dicts("SELECT username, role, created_at, disabled_at FROM app_user ORDER BY username")
    councils: dict[str, list[str]] = {}
    for name, code in store.query("SELECT username, la_code FROM app_user_council ORDER BY la_code"):
        councils.setdefault(name, []).append(code)
    live = store.query(
        "SELECT username, count(*), max(last_seen_at) FROM app_session WHERE revoked_at IS NULL "
        "AND expires_at > ? AND last_seen_at > ? GROUP BY username",
        [now, now - sessions.IDLE],
    )
    seen = {r[0]: (int(r[1]), r[2]) for r in live}
    return [
        {
            **u,
            "councils": councils.get(u["username"], []),
            "sessions": seen.get(u["username"], (0, None))[0],
            "last_seen_at": seen.get(u["username"], (0, None))[1],
        }
        for u in users
    ]


def create_demo_user(store: Store) -> tuple[str, str]:
    """The demo analyst the demo prints: (username, password)."""
    add_user(store, DEMO_USER, "analyst", DEMO_PASSWORD, actor="demo")
    return DEMO_USER, DEMO_PASSWORD
