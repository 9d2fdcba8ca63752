"""Each council's inspection history in the store: import from any source, ask "what was true at a date".

One inspection reaching us from several sources (its report, Ofsted's official
statistics, a scrape) is stored once per source under one inspection_id, so the
source of every judgement stays visible; reading picks the first source in
`SOURCE_PRECEDENCE` (the report itself, then the official statistics, then the scrape).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lineofsight.benchmark.councils import CouncilIndex
from lineofsight.errors import UserError
from lineofsight.model.inspection import GRADED_KINDS, INSPECTION, JUDGEMENT, SOURCE_PRECEDENCE
from lineofsight.ofsted.report import Report
from lineofsight.store import Store

SAME_INSPECTION_DAYS = 14  # sources disagree by a few days on when an inspection began


@dataclass
class ImportResult:
    inspections: int = 0
    judgements: int = 0
    matched: int = 0  # rows that joined an inspection another source had already given
    rejected: list[str] = field(default_factory=list)


def collection_year(day: dt.date) -> int:
    return day.year + 1 if day.month >= 4 else day.year


def import_reports(store: Store, reports: list[Report]) -> ImportResult:
    index = CouncilIndex(store)
    if not index.all:
        raise UserError("no councils in the store: import the council lookup first (lineofsight reference import)")
    result = ImportResult()
    with store.transaction():
        for report in reports:
            _import_one(store, index, report, result)
    return result


def _where(report: Report) -> str:
    row = f" row {report.source_row}" if report.source_row else ""
    return f"{report.source_file}{row}"


def _import_one(store: Store, index: CouncilIndex, report: Report, result: ImportResult) -> None:
    council = index.find(urn=report.urn, ons_code=report.ons_code, name=report.council)
    day = report.inspection_start or report.published
    if council is None:
        result.rejected.append(f"{_where(report)}: council {report.council!r} is not in the council lookup")
        return
    if day is None or report.framework is None or report.kind is None:
        result.rejected.append(f"{_where(report)}: no inspection date or framework could be read")
        return
    inspection_id, matched = _inspection_id(store, council.la_code, report)
    result.matched += matched
    store.con.execute("DELETE FROM judgement WHERE inspection_id = ? AND source = ?", [inspection_id, report.source])
    store.con.execute("DELETE FROM inspection WHERE inspection_id = ? AND source = ?", [inspection_id, report.source])
    store.insert_columns(
        INSPECTION,
        {
            "la_code": [council.la_code],
            "collection_year": [collection_year(report.inspection_end or day)],
            "source_file": [report.source_file],
            "source_row": [report.source_row],
            "inspection_id": [inspection_id],
            "urn": [council.urn],
            "council": [council.name],
            "framework": [report.framework],
            "kind": [report.kind],
            "inspection_start": [report.inspection_start],
            "inspection_end": [report.inspection_end],
            "published": [report.published],
            "source": [report.source],
        },
    )
    if report.judgements:
        n = len(report.judgements)
        store.insert_columns(
            JUDGEMENT,
            {
                "la_code": [council.la_code] * n,
                "collection_year": [collection_year(report.inspection_end or day)] * n,
                "source_file": [report.source_file] * n,
                "source_row": [report.source_row] * n,
                "inspection_id": [inspection_id] * n,
                "judgement": list(report.judgements),
                "grade": list(report.judgements.values()),
                "source": [report.source] * n,
            },
        )
    result.inspections += 1
    result.judgements += len(report.judgements)


def _inspection_id(store: Store, la_code: str, report: Report) -> tuple[str, int]:
    """The id another source already gave this inspection (same council, start or publication close), or a new
    one: DfE LA code and first day on site (publication day when the start is unknown)."""
    rows = store.query(
        "SELECT DISTINCT inspection_id FROM inspection WHERE la_code = ? AND source <> ? AND ("
        " (? IS NOT NULL AND abs(date_diff('day', inspection_start, ?)) <= ?)"
        " OR (? IS NOT NULL AND abs(date_diff('day', published, ?)) <= 7))",
        [
            la_code,
            report.source,
            report.inspection_start,
            report.inspection_start,
            SAME_INSPECTION_DAYS,
            report.published,
            report.published,
        ],
    )
    if rows:
        return str(rows[0][0]), 1
    day = report.inspection_start or report.published
    assert day is not None
    return f"{la_code}-{day.isoformat()}", 0


# --- reading ----------------------------------------------------------------------------------------------------

_PRECEDENCE_SQL = "CASE source " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(SOURCE_PRECEDENCE)) + " END"


def inspections(store: Store, la_code: str | None = None, at: dt.date | None = None) -> list[dict[str, Any]]:
    """Every inspection (one row each, facts from the best source), with its judgements from the best source that
    graded it and the sources that gave it. Newest first."""
    rows = store.dicts(
        f"""
        WITH best AS (
          SELECT *, row_number() OVER (PARTITION BY inspection_id ORDER BY {_PRECEDENCE_SQL}) AS rank
          FROM inspection WHERE ($1::VARCHAR IS NULL OR la_code = $1)
        ), sources AS (
          SELECT inspection_id, string_agg(DISTINCT source, ',' ORDER BY source) AS sources
          FROM inspection GROUP BY inspection_id
        )
        SELECT b.inspection_id, b.la_code, coalesce(c.name, b.council) AS council, c.region, b.urn, b.framework,
               b.kind, b.inspection_start, b.inspection_end, b.published, s.sources
        FROM best b JOIN sources s USING (inspection_id) LEFT JOIN council c ON c.la_code = b.la_code
        WHERE b.rank = 1 AND ($2::DATE IS NULL OR coalesce(b.published, b.inspection_end, b.inspection_start) <= $2)
        ORDER BY b.la_code, coalesce(b.inspection_start, b.published) DESC
        """,
        [la_code, at],
    )
    grades = _judgements(store, la_code)
    for row in rows:
        source, found = grades.get(row["inspection_id"], (None, {}))
        row["judgements"] = found
        row["judgement_source"] = source
    return rows


def _judgements(store: Store, la_code: str | None) -> dict[str, tuple[str, dict[str, str]]]:
    rows = store.query(
        f"""
        WITH ranked AS (
          SELECT inspection_id, source, dense_rank() OVER (PARTITION BY inspection_id ORDER BY {_PRECEDENCE_SQL}) AS r
          FROM judgement WHERE ($1::VARCHAR IS NULL OR la_code = $1)
        )
        SELECT j.inspection_id, j.source, j.judgement, j.grade FROM judgement j
        JOIN (SELECT DISTINCT inspection_id, source FROM ranked WHERE r = 1) chosen USING (inspection_id, source)
        """,
        [la_code],
    )
    found: dict[str, tuple[str, dict[str, str]]] = {}
    for inspection_id, source, judgement, grade in rows:
        found.setdefault(inspection_id, (source, {}))[1][judgement] = grade
    return found


def standing_at(
    store: Store, at: dt.date, region: str | None = None, all_outstanding: bool = False
) -> list[dict[str, Any]]:
    """Each council's most recent graded inspection published on or before `at`."""
    latest: dict[str, dict[str, Any]] = {}
    for row in inspections(store, at=at):
        if row["kind"] in GRADED_KINDS and row["judgements"] and row["la_code"] not in latest:
            latest[row["la_code"]] = row
    rows = sorted(latest.values(), key=lambda r: str(r["council"]))
    if region:
        rows = [r for r in rows if (r["region"] or "").lower() == region.lower()]
        if not rows and not any((c or "").lower() == region.lower() for c in _regions(store)):
            raise UserError(f"no region called {region!r}; regions: {', '.join(_regions(store))}")
    if all_outstanding:
        rows = [r for r in rows if set(r["judgements"].values()) == {"outstanding"}]
    return rows


def _regions(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT DISTINCT region FROM council WHERE region IS NOT NULL ORDER BY 1")]
