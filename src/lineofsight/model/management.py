"""What managers add to the figures: a local target per indicator and a commentary per indicator and year.

Both are kept as a history (every change is a new row, with who and when), so the store itself shows
who set what; the latest row is the one in force. Both are also written to the audit log when set.
"""

from __future__ import annotations

from lineofsight.model.schema import Column, ColumnType, Table

T, INT, N, TS = ColumnType.TEXT, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.TIMESTAMP
WHO = (
    Column("set_by", T, required=True, description="Username of the manager who wrote the row"),
    Column("set_at", TS, required=True),
)

TARGET = Table(
    "indicator_target",
    "system",
    (
        Column("la_code", T, required=True),
        Column("indicator_id", T, required=True, description="An indicator of the catalogue"),
        Column(
            "target",
            N,
            description="In the indicator's unit (a percentage as 0-100); blank when a manager removed the target",
        ),
        *WHO,
    ),
    "Local targets, one history per council and indicator: the latest row is in force. A figure is rated "
    "against its target as well as against its benchmark.",
    provenance=False,
)

COMMENTARY = Table(
    "indicator_commentary",
    "system",
    (
        Column("la_code", T, required=True),
        Column("collection_year", INT, required=True),
        Column("indicator_id", T, required=True),
        Column("commentary", T, required=True, description="What the figure means and what is being done about it"),
        *WHO,
    ),
    "Managers' commentary on an indicator's figure for a collection year, shown on its page and in the pack: "
    "the latest row is in force.",
    provenance=False,
)

TABLES = (TARGET, COMMENTARY)
