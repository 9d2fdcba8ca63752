"""People who can sign in: argon2id password hashes in the app_user table."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lineofsight.errors import UserError
from lineofsight.store import Store

ROLES = ("analyst", "manager", "auditor", "viewer")
# Roles that may see child-level lists and records; a viewer sees aggregate figures only.
CHILD_LEVEL = frozenset({"analyst", "manager", "auditor"})
DEMO_USER, DEMO_PASSWORD = "demo", "demo-analyst"

_hasher = PasswordHasher()


def add_user(store: Store, username: str, role: str, password: str) -> None:
    """Create the user, or reset the role and password of an existing one."""
    if role not in ROLES:
        raise UserError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if not username.strip() or len(password) < 8:
        raise UserError("a user needs a name and a password of at least 8 characters")
    with store.transaction() as con:
        con.execute("DELETE FROM app_user WHERE username = ?", [username])
        con.execute(
            "INSERT INTO app_user VALUES (?, ?, ?, ?)", [username, role, _hasher.hash(password), dt.datetime.now()]
        )


def authenticate(store: Store, username: str, password: str) -> str | None:
    """The user's role when the password is right, else None."""
    rows = store.query("SELECT role, password_hash FROM app_user WHERE username = ?", [username])
    if not rows:
        _hasher.hash(password)  # same work as a real check, so timing does not reveal who exists
        return None
    role, stored = rows[0]
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    return str(role)


def role_of(store: Store, username: str) -> str | None:
    rows = store.query("SELECT role FROM app_user WHERE username = ?", [username])
    return str(rows[0][0]) if rows else None


def create_demo_user(store: Store) -> tuple[str, str]:
    """The demo analyst the demo prints: (username, password)."""
    add_user(store, DEMO_USER, "analyst", DEMO_PASSWORD)
    return DEMO_USER, DEMO_PASSWORD
