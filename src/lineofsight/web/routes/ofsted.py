"""Dashboard pages for Ofsted history and benchmarks: the map of England, each council's latest judgements as a grid
(sortable, downloadable), a council's inspections. Aggregate figures only (no child-level data), so every
signed-in role may see them."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lineofsight.benchmark.maps import council_map
from lineofsight.benchmark.published import PUBLISHED
from lineofsight.calendar import day_label
from lineofsight.errors import UserError
from lineofsight.indicators import catalogue
from lineofsight.model.inspection import FRAMEWORKS, GRADE, SHORT_KIND, SHORT_NAMES, SOURCE_KIND, grade_rank
from lineofsight.ofsted.history import inspections, standing_at
from lineofsight.web.download import FORMATS, table_response
from lineofsight.web.pages import render, require, state

TEMPLATE = "ofsted/page.html"
# GOV.UK Frontend tag colours by grade: green for the best, red for the worst.
GRADE_TAGS = {
    "outstanding": "govuk-tag--green",
    "good": "govuk-tag--turquoise",
    "requires_improvement": "govuk-tag--yellow",
    "adequate": "govuk-tag--yellow",
    "inadequate": "govuk-tag--red",
}
FACTS = {"council": "Council", "region": "Region", "inspection": "Inspection", "published": "Published"}


def _date(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError as exc:
        raise UserError(f"{text!r} is not a date: write it as YYYY-MM-DD, for example 2025-03-31") from exc


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise UserError(f"{text!r} is not a collection year: write the year it ends, for example 2025 for 2024/25")
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


def _standing(request: Request) -> tuple[str, list[dict[str, Any]], dt.date]:
    q = request.query_params
    only = q.get("all_outstanding") in ("1", "true", "yes")
    day = _date(q.get("at"))
    with state(request).use() as store:
        rows = standing_at(store, day, region=q.get("region") or None, all_outstanding=only)
    name = state(request).council_name
    for row in rows:
        row["council"] = name(row["la_code"])
    title = f"{'Outstanding in every judgement' if only else 'Latest Ofsted judgements'} at {day_label(day)}"
    return title, rows, day


def standing_page(request: Request) -> Response:
    require(request)
    try:
        title, rows, _ = _standing(request)
    except UserError as exc:
        return _problem(request, exc, form="standing")
    grid = Grid(rows, ("council", "region", "inspection", "published"))
    sort, descending = _sort(request, grid)
    note = f"{len(rows)} councils: each council's most recent graded inspection published by that day."
    downloads = {kind: f"/ofsted/standing.{kind}?{request.url.query}" for kind in FORMATS}
    headers = grid.headers(request, sort, descending)
    body = grid.sorted(sort, descending)
    return _page(request, title, form="standing", note=note, grid=grid, downloads=downloads, headers=headers, body=body)


def standing_download(request: Request) -> Response:
    require(request)
    kind = request.path_params["kind"]
    if kind not in FORMATS:
        raise HTTPException(404, "Download the judgements as .csv or .xlsx.")
    try:
        _, rows, day = _standing(request)
    except UserError as exc:
        raise HTTPException(400, str(exc)) from exc
    grid = Grid(rows, ("council", "region", "inspection", "published"))
    sort, descending = _sort(request, grid)
    header = [grid.label(k) for k in grid.keys] + ["Judgements from"]
    body = [[_words(k, row) for k in grid.keys] + [_source(row)] for row in grid.sorted(sort, descending)]
    return table_response(f"ofsted-judgements-{day.isoformat()}", kind, header, body)


def council_page(request: Request) -> Response:
    require(request)
    la_code = request.path_params["la_code"]
    with state(request).use() as store:
        rows = inspections(store, la_code)
        known = store.query("SELECT name FROM council WHERE la_code = ?", [la_code])
    if not rows and not known:
        raise HTTPException(404, f"No council with the DfE code {la_code} is in the council lookup.")
    name = state(request).council_name(la_code)
    note = (
        "Newest first; each row names the source whose judgements are shown."
        if rows
        else "No inspections of this council are in the store: import the reference data (lineofsight reference import)."
    )
    grid = Grid(rows, ("inspection", "inspection_start", "published"))
    headers = grid.headers(request, None, False, sortable=False)
    return _page(request, f"Ofsted inspections of {name}", note=note, grid=grid, headers=headers, body=rows)


class Grid:
    """Inspections as a grid: one row each, the facts first, then one column per judgement any of them gives
    (ILACS first, in the order Ofsted words them), each cell a grade."""

    def __init__(self, rows: list[dict[str, Any]], facts: tuple[str, ...]) -> None:
        order = list(dict.fromkeys(k for f in ("ilacs", "sif", "safeguarding_2012") for k in FRAMEWORKS[f].judgements))
        present = {k for r in rows for k in r["judgements"]}
        self.facts = facts
        self.judgements = [k for k in order if k in present]
        self.keys = [*facts, *self.judgements]
        self.rows = rows
        self.tags = GRADE_TAGS

    def label(self, key: str) -> str:
        return {**FACTS, "inspection_start": "Inspection started"}.get(key) or SHORT_NAMES.get(key, key)

    def full_name(self, key: str) -> str:
        """The judgement as Ofsted words it, under the framework that gives it."""
        for framework in FRAMEWORKS.values():
            if key in framework.judgements:
                return framework.judgements[key]
        return key

    def headers(
        self, request: Request, sort: str | None, descending: bool, sortable: bool = True
    ) -> list[dict[str, Any]]:
        found = []
        for key in self.keys:
            flip = key == sort and not descending
            query = {**request.query_params, "sort": key, "order": "descending" if flip else "ascending"}
            found.append(
                {
                    "key": key,
                    "label": self.label(key),
                    "href": f"?{urlencode(query)}" if sortable else None,
                    "aria_sort": ("descending" if descending else "ascending") if key == sort else "none",
                }
            )
        return found

    def sorted(self, key: str, descending: bool) -> list[dict[str, Any]]:
        """Rows by one column; grades best first (ascending), dates oldest first; blanks always last."""
        have = [r for r in self.rows if _sort_value(key, r) is not None]
        blank = [r for r in self.rows if _sort_value(key, r) is None]
        have.sort(key=lambda r: str(r["council"]))
        have.sort(key=lambda r: _sort_value(key, r), reverse=descending)
        return have + sorted(blank, key=lambda r: str(r["council"]))


def _sort(request: Request, grid: Grid) -> tuple[str, bool]:
    key = request.query_params.get("sort") or "council"
    return (key if key in grid.keys else "council"), request.query_params.get("order") == "descending"


def _sort_value(key: str, row: dict[str, Any]) -> Any:
    if key in row.get("judgements", {}):
        return grade_rank(row["judgements"][key])
    if key == "inspection":
        return SHORT_KIND.get(row["kind"], row["kind"])
    value = row.get(key)
    return None if value in (None, "") else value if isinstance(value, dt.date) else str(value).lower()


def _words(key: str, row: dict[str, Any]) -> str:
    if key in row["judgements"]:
        return GRADE.label(row["judgements"][key])
    if key == "inspection":
        return SHORT_KIND.get(row["kind"], row["kind"])
    value = row.get(key)
    return day_label(value) if isinstance(value, dt.date) else "" if value is None else str(value)


def _source(row: dict[str, Any]) -> str:
    return SOURCE_KIND.label(row["judgement_source"]) if row["judgement_source"] else "no judgements recorded"


def _globals() -> None:
    from lineofsight.web.pages import TEMPLATES

    TEMPLATES.env.globals["grid_words"] = _words
    TEMPLATES.env.globals["grid_source"] = _source


_globals()

routes = [
    Route("/ofsted/map", map_page, name="ofsted_map"),
    Route("/ofsted/standing", standing_page, name="ofsted_standing"),
    Route("/ofsted/standing.{kind}", standing_download, name="ofsted_standing_download"),
    Route("/ofsted/councils/{la_code}", council_page, name="ofsted_council"),
]
