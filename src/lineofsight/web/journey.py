"""One child's journey through the store: referrals, assessments, plans, episodes, placements, missing episodes.

The events come from the model's declarations: every journey table's first date is when the event
started, and its end or closure date, when it has one, is when it finished.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from lineofsight.calendar import day_label
from lineofsight.model import TABLES, Table
from lineofsight.model.schema import ColumnType
from lineofsight.store import Store

# (table, label) in the order a child usually meets them.
JOURNEY = (
    ("contact", "Contact"),
    ("early_help", "Early help"),
    ("referral", "Referral (children in need episode)"),
    ("assessment", "Assessment"),
    ("section47", "Section 47 enquiry"),
    ("cin_plan", "Child in need plan"),
    ("protection_plan", "Child protection plan"),
    ("episode", "Episode of care (placement)"),
    ("missing", "Missing or away from placement"),
    ("missing_incident", "Missing episode (local record)"),
    ("review", "Looked after review"),
)
END_WORDS = ("end", "closure", "ceased", "authorisation")


@dataclass(frozen=True)
class Event:
    lane: str
    start: dt.date
    end: dt.date | None  # None while open; the start date again for single-day events
    detail: dict[str, object]


def _dates(table: Table) -> tuple[str, str | None]:
    dates = [c.name for c in table.columns if c.type == ColumnType.DATE and c.name != "date_of_birth"]
    ends = [d for d in dates[1:] if any(w in d for w in END_WORDS)]
    return dates[0], ends[0] if ends else None


def journey(store: Store, council: str, child_id: str) -> list[Event]:
    events: list[Event] = []
    for name, label in JOURNEY:
        table = TABLES.get(name)
        if table is None or "child_id" not in {c.name for c in table.columns}:
            continue
        start, end = _dates(table)
        shown = [c for c in table.columns if c.name not in ("child_id", "date_of_birth")]
        columns = ", ".join(c.name for c in shown)
        # Each year's return repeats what is still open: show each event once, as the latest return has it.
        rows = store.dicts(
            f"SELECT {columns} FROM (SELECT {columns}, row_number() OVER (PARTITION BY {start} "
            f"ORDER BY collection_year DESC) AS latest FROM {name} WHERE la_code = ? AND child_id = ? "
            f"AND {start} IS NOT NULL) e WHERE latest = 1 ORDER BY {start}",
            [council, child_id],
        )
        for row in rows:
            detail = {k: _label(table, k, v) for k, v in row.items() if v is not None and k not in (start, end)}
            events.append(Event(label, row[start], row[end] if end else row[start], detail))
    return sorted(events, key=lambda e: (e.start, e.lane))


def _label(table: Table, column: str, value: object) -> object:
    codes = table.column(column).codes
    if codes and isinstance(value, str) and value in codes:
        return f"{value}: {codes.label(value)}"
    return value


def timeline_svg(events: list[Event], today: dt.date) -> str:
    """Lanes of bars (spans) and dots (single dates) along a time axis; text equivalent is the table beside it."""
    if not events:
        return ""
    lanes = [label for _, label in JOURNEY if any(e.lane == label for e in events)]
    lo = min(e.start for e in events)
    hi = max(max((e.end or e.start) for e in events), today if any(e.end is None for e in events) else lo)
    span = max((hi - lo).days, 1)
    width, left, lane_h = 900, 230, 28
    height = lane_h * len(lanes) + 40

    def x(day: dt.date) -> float:
        return left + (width - left - 20) * (day - lo).days / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="los-timeline" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="tl-t tl-d">'
        f'<title id="tl-t">Timeline of the child\'s journey</title>'
        f'<desc id="tl-d">{len(events)} events from {day_label(lo)} to {day_label(hi)}; every event is listed in the table below.</desc>'
    ]
    for i, lane in enumerate(lanes):
        y = 10 + i * lane_h
        parts.append(f'<text x="0" y="{y + 15}" font-size="12">{escape(lane)}</text>')
        parts.append(f'<line x1="{left}" x2="{width - 20}" y1="{y + 11}" y2="{y + 11}" stroke="#f3f2f1"/>')
        for e in (e for e in events if e.lane == lane):
            end = e.end or today  # an open episode, plan or referral runs to today
            tip = f"{e.start:%d %b %Y}" + (f" to {e.end:%d %b %Y}" if e.end and e.end > e.start else "")
            if end > e.start:
                parts.append(
                    f'<rect x="{x(e.start):.1f}" y="{y + 4}" width="{max(x(end) - x(e.start), 3):.1f}" height="14" '
                    f'fill="#1d70b8" opacity="0.8"><title>{escape(lane)}: {tip}</title></rect>'
                )
            else:
                parts.append(
                    f'<circle cx="{x(e.start):.1f}" cy="{y + 11}" r="5" fill="#d4351c"><title>{escape(lane)}: {tip}</title></circle>'
                )
    axis_y = height - 12
    parts.append(f'<text x="{left}" y="{axis_y}" font-size="12">{lo:%b %Y}</text>')
    parts.append(f'<text x="{width - 20}" y="{axis_y}" font-size="12" text-anchor="end">{hi:%b %Y}</text>')
    return "".join(parts) + "</svg>"
