"""Tables lineofsight keeps for itself: users, their sessions and sign-in attempts, the audit log, load history."""

from __future__ import annotations

from lineofsight.model.schema import Column, ColumnType, Table

T, INT, TS, BOOL = ColumnType.TEXT, ColumnType.INTEGER, ColumnType.TIMESTAMP, ColumnType.BOOLEAN

AUDIT_LOG = Table(
    "audit_log",
    "system",
    (
        Column("occurred_at", TS, required=True),
        Column("username", T, required=True),
        Column("action", T, required=True, description="e.g. view_child, list_children, export"),
        Column("subject", T, required=True, description="What was seen: an indicator id, a child id"),
        Column("la_code", T),
        Column("detail", T),
    ),
    "Who looked at which child-level record or list, and when.",
    provenance=False,
)

APP_USER = Table(
    "app_user",
    "system",
    (
        Column("username", T, required=True),
        Column("role", T, required=True, description="analyst, manager, auditor or viewer"),
        Column("password_hash", T, required=True),
        Column("created_at", TS),
        Column("disabled_at", TS, description="Set while the user may not sign in; their sessions were ended"),
    ),
    "People who can sign in.",
    key=("username",),
    provenance=False,
)

APP_USER_COUNCIL = Table(
    "app_user_council",
    "system",
    (
        Column("username", T, required=True),
        Column("la_code", T, required=True, description="A council the user may see; none listed: every council"),
    ),
    "Councils a user is limited to (a pooled or regional store holds several councils' children).",
    key=("username", "la_code"),
    provenance=False,
)

APP_SESSION = Table(
    "app_session",
    "system",
    (
        Column("session_hash", T, required=True, description="SHA-256 of the random id in the cookie, never the id"),
        Column("username", T, required=True),
        Column("created_at", TS, required=True),
        Column("last_seen_at", TS, required=True),
        Column("expires_at", TS, required=True),
        Column("revoked_at", TS, description="When it was ended: sign-out, password reset, user disabled"),
        Column("revoked_why", T),
    ),
    "Signed-in sessions, held here so that ending one ends it wherever its cookie is used.",
    key=("session_hash",),
    provenance=False,
)

LOGIN_ATTEMPT = Table(
    "login_attempt",
    "system",
    (
        Column("occurred_at", TS, required=True),
        Column("username", T, required=True, description="The name typed, which may not exist"),
        Column("client", T, required=True, description="The client's address"),
        Column("succeeded", BOOL, required=True),
    ),
    "Recent sign-in attempts, for throttling password guessing (kept a day; the audit log keeps them all).",
    provenance=False,
)

LOAD_HISTORY = Table(
    "load_history",
    "system",
    (
        Column("loaded_at", TS, required=True),
        Column("la_code", T, required=True),
        Column("collection_year", INT, required=True),
        Column("dataset", T, required=True),
        Column("table_name", T, required=True),
        Column("source_file", T),
        Column("rows_read", INT),
        Column("rows_loaded", INT),
        Column("rows_rejected", INT),
    ),
    "Every load into the store, with the row counts.",
    provenance=False,
)

TABLES = (AUDIT_LOG, APP_USER, APP_USER_COUNCIL, APP_SESSION, LOGIN_ATTEMPT, LOAD_HISTORY)
