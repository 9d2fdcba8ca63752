"""Dashboard pages for Ofsted history and benchmarks: the map of England, who was outstanding when, a council's
inspections. Aggregate figures only (no child-level data), so every signed-in role may see them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from lineofsight.benchmark.maps import council_map
from lineofsight.errors import UserError
from lineofsight.ofsted.history import inspections, standing_at
from lineofsight.store import Store

_templates = jinja2.Environment(
    loader=jinja2.PackageLoader("lineofsight", "web/templates"), autoescape=jinja2.select_autoescape()
)


@contextmanager
def _store(request: Request) -> Iterator[Store]:
    """The app's store for this request: the dashboard's State (`app.state.los`, used under its lock, since a
    DuckDB connection serves one thread at a time) or a bare `app.state.store`."""
    los = getattr(request.app.state, "los", None)
    if los is not None:
        with los.use() as store:
            yield store
        return
    yield request.app.state.store


def _require_sign_in(request: Request) -> None:
    """Any signed-in role may see these aggregate pages; the dashboard's shared helpers decide who is signed in."""
    try:
        from lineofsight.web.pages import require
    except ImportError:  # the dashboard's page helpers are not installed: the pages stay aggregate-only
        return
    require(request)


def _page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_templates.get_template(template).render(**context), status_code=status)


def _date(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError as exc:
        raise UserError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _error(exc: UserError) -> HTMLResponse:
    return _page("ofsted/map.html", 400, title="Cannot show this page", note=str(exc), columns=[], rows=[])


async def map_page(request: Request) -> HTMLResponse:
    _require_sign_in(request)
    q = request.query_params
    try:
        year = int(q["year"]) if q.get("year") else None
        with _store(request) as store:
            page = council_map(store, None, q.get("indicator") or None, year, _date(q.get("at")))
    except (UserError, ValueError) as exc:
        return _error(UserError(str(exc)))
    return _page(
        "ofsted/map.html",
        title=page.title,
        note=page.note,
        svg=page.result.svg,
        rows=page.result.rows,
        columns=page.columns,
    )


async def standing_page(request: Request) -> HTMLResponse:
    _require_sign_in(request)
    q = request.query_params
    try:
        day = _date(q.get("at"))
        only = q.get("all_outstanding") in ("1", "true", "yes")
        with _store(request) as store:
            rows = standing_at(store, day, region=q.get("region") or None, all_outstanding=only)
    except UserError as exc:
        return _error(exc)
    title = f"{'Outstanding in every judgement' if only else 'Latest Ofsted judgements'} at {day:%d %B %Y}"
    return _page("ofsted/map.html", title=title, note=f"{len(rows)} councils", columns=_COLUMNS, rows=_flat(rows))


async def council_page(request: Request) -> HTMLResponse:
    _require_sign_in(request)
    la_code = request.path_params["la_code"]
    with _store(request) as store:
        rows = inspections(store, la_code)
    name = rows[0]["council"] if rows else la_code
    return _page("ofsted/map.html", title=f"Ofsted inspections of {name}", note="Newest first; each row names "
                 "the sources that gave it and the one whose judgements are shown.", columns=_COLUMNS,
                 rows=_flat(rows))  # fmt: skip


_COLUMNS = ["council", "region", "framework", "kind", "inspection_start", "published", "judgements", "from"]


def _flat(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            **r,
            "judgements": "; ".join(
                f"{k.replace('_', ' ')}: {v.replace('_', ' ')}" for k, v in r["judgements"].items()
            ),
            "from": f"{r['judgement_source'] or '-'} (sources: {r['sources']})",
        }
        for r in rows
    ]


routes = [
    Route("/ofsted/map", map_page, name="ofsted_map"),
    Route("/ofsted/standing", standing_page, name="ofsted_standing"),
    Route("/ofsted/councils/{la_code}", council_page, name="ofsted_council"),
]
