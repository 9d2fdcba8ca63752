"""Dashboard pages for Ofsted history and benchmarks: the map of England, who was outstanding when, a council's
inspections. Aggregate figures only (no child-level data), so every signed-in role may see them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lineofsight.benchmark.maps import council_map
from lineofsight.benchmark.published import PUBLISHED
from lineofsight.errors import UserError
from lineofsight.indicators import catalogue
from lineofsight.model.inspection import FRAMEWORKS, GRADE, KIND, SOURCE_KIND
from lineofsight.ofsted.history import inspections, standing_at
from lineofsight.web.pages import render, require, state

TEMPLATE = "ofsted/page.html"
COLUMNS = ["council", "region", "inspection", "inspection_start", "published", "judgements", "from"]


def _date(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError as exc:
        raise UserError(f"{text!r} is not a date: write it as YYYY-MM-DD, for example 2025-03-31") from exc


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise UserError(f"{text!r} is not a collection year: write the year it ends, for example 2025")
    return int(text)


def _page(request: Request, title: str, status: int = 200, **context: Any) -> Response:
    """Every Ofsted page: the shared layout, the form's current values and the links between the pages."""
    query = dict(request.query_params)
    published = {p.indicator_id for p in PUBLISHED}
    indicators = [(i.id, i.title) for i in catalogue() if i.id in published]
    values = {"title": title, "query": query, "indicators": indicators, "columns": [], "rows": [], **context}
    return render(request, TEMPLATE, values, status=status)


def _problem(request: Request, exc: UserError, **context: Any) -> Response:
    return _page(request, "Cannot show this page", status=400, problem=str(exc), **context)


def map_page(request: Request) -> Response:
    require(request)
    q = request.query_params
    try:
        year, day = _year(q.get("year")), _date(q.get("at"))
        with state(request).use() as store:
            page = council_map(store, None, q.get("indicator") or None, year, day)
    except UserError as exc:
        return _problem(request, exc, form="map")
    rows, columns = page.result.rows, page.columns
    return _page(request, page.title, form="map", note=page.note, svg=page.result.svg, rows=rows, columns=columns)


def standing_page(request: Request) -> Response:
    require(request)
    q = request.query_params
    only = q.get("all_outstanding") in ("1", "true", "yes")
    try:
        day = _date(q.get("at"))
        with state(request).use() as store:
            rows = standing_at(store, day, region=q.get("region") or None, all_outstanding=only)
    except UserError as exc:
        return _problem(request, exc, form="standing")
    title = f"{'Outstanding in every judgement' if only else 'Latest Ofsted judgements'} at {day:%d %B %Y}"
    note = f"{len(rows)} councils: each council's most recent graded inspection published by that day."
    return _page(request, title, form="standing", note=note, columns=COLUMNS, rows=_flat(rows))


def council_page(request: Request) -> Response:
    require(request)
    la_code = request.path_params["la_code"]
    with state(request).use() as store:
        rows = inspections(store, la_code)
        known = store.query("SELECT name FROM council WHERE la_code = ?", [la_code])
    if not rows and not known:
        raise HTTPException(404, f"No council with the DfE code {la_code} is in the council lookup.")
    name = rows[0]["council"] if rows else known[0][0]
    note = (
        "Newest first; each row names the sources that gave it and the one whose judgements are shown."
        if rows
        else "No inspections of this council are in the store: import Ofsted's published outcomes first."
    )
    return _page(request, f"Ofsted inspections of {name}", note=note, columns=COLUMNS, rows=_flat(rows))


def _flat(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Inspections in words: the kind of inspection, dates, each judgement as Ofsted names and grades it."""
    return [
        {
            **r,
            "inspection": KIND.label(r["kind"]),
            "inspection_start": _long_date(r["inspection_start"]),
            "published": _long_date(r["published"]),
            "judgements": "; ".join(
                f"{_judgement_name(r['framework'], k)}: {GRADE.label(v)}" for k, v in r["judgements"].items()
            ),
            "from": SOURCE_KIND.label(r["judgement_source"]) if r["judgement_source"] else "no judgements recorded",
        }
        for r in rows
    ]


def _long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def _judgement_name(framework: str, key: str) -> str:
    known = FRAMEWORKS.get(framework)
    return known.judgements.get(key, key.replace("_", " ")) if known else key.replace("_", " ")


routes = [
    Route("/ofsted/map", map_page, name="ofsted_map"),
    Route("/ofsted/standing", standing_page, name="ofsted_standing"),
    Route("/ofsted/councils/{la_code}", council_page, name="ofsted_council"),
]
