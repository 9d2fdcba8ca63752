"""Tables lineofsight keeps for itself: users, the audit log, load history."""

from __future__ import annotations

from lineofsight.model.schema import Column, ColumnType, Table

T, INT, TS = ColumnType.TEXT, ColumnType.INTEGER, ColumnType.TIMESTAMP

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
    ),
    "People who can sign in.",
    key=("username",),
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

TABLES = (AUDIT_LOG, APP_USER, LOAD_HISTORY)
