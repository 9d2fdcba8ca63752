"""The line of sight: the overview per council and year, an indicator with the children behind it, a child's journey."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from lineofsight.benchmark.published import PUBLISHED
from lineofsight.calendar import year_label
from lineofsight.errors import UserError
from lineofsight.indicators import Indicator, Result, get
from lineofsight.indicators.indicator import UNIT_MEANING
from lineofsight.report import figures
from lineofsight.web import journey
from lineofsight.web.pages import record, render, require, require_child_level, state
from lineofsight.web.paging import paginate, requested_page


def _choices(request: Request) -> list[tuple[str, int]]:
    results = state(request).results()
    return sorted({(r.council, r.period) for r in results}, key=lambda p: (p[0], -p[1]))


def home(request: Request) -> Response:
    user = require(request)
    choices = [(c, y) for c, y in _choices(request) if user.may_see(c)]  # a limited user sees their councils only
    if len({c for c, _ in choices}) == 1:  # one council: straight to its latest year's summary
        council, year = choices[0]
        return RedirectResponse(f"/summary/{council}/{year}", status_code=303)
    return render(request, "home.html", {"title": "Line of sight", "choices": choices})


def council_year(request: Request) -> tuple[str, int]:
    council, year = request.path_params["council"], request.path_params["year"]
    if (council, year) not in set(_choices(request)):
        raise HTTPException(404, f"Nothing is loaded for council {council} in collection year {year}.")
    return council, year


def opened(request: Request) -> tuple[str, int, Any, Any]:
    """A signed-in user opens a council's year (remembered for the menu): its council, year, state and figures."""
    require(request)
    council, year = council_year(request)
    request.session["place"] = [council, year]
    los = state(request)

    def build() -> Any:
        return figures.overview(los.store, los.results(), council, year)

    return council, year, los, los.cached(("overview", council, year), build)


def overview(request: Request) -> Response:
    council, year, los, areas = opened(request)

    def spread() -> Any:
        return figures.distributions(los.store, council, year)

    distributions = los.cached(("distributions", council, year), spread)
    years = figures.years_of(los.results(), council)
    context = {"title": f"Line of sight {council} {year}", "council": council, "year": year, "areas": areas}
    context = {**context, "years": years, "distributions": distributions, "bases": figures.bases(areas)}
    return render(request, "overview.html", context, cache_key=("overview", council, year))


def indicator(request: Request) -> Response:
    return indicator_page(request)


def indicator_page(request: Request, errors: dict[str, str] | None = None) -> Response:
    """The indicator's page; with `errors` (a manager's form that was refused), the page again with them shown."""
    user = require(request)
    council, year = council_year(request)
    try:
        declared = get(request.path_params["indicator_id"])
    except UserError as exc:
        raise HTTPException(404, str(exc)) from exc
    los = state(request)

    def build() -> Any:
        return figures.figure(los.store, los.results(), declared, council, year)

    figure = los.cached(("indicator", declared.id, council, year), build)
    spread = None
    if declared.id in figures.DISTRIBUTION_OF:
        spread = los.cached(("distributions", council, year), lambda: figures.distributions(los.store, council, year))
        spread = spread[figures.DISTRIBUTION_OF[declared.id]]
    members, paging = None, None
    if user.child_level:
        purpose = f"dashboard indicator page, page {requested_page(request) or 1}"
        members = los.members(declared.id, council, year, user.username, purpose)
        kind = "workers" if declared.member_kind == "worker" else "children"
        paging = paginate(request, len(members), f"{kind} behind this figure")
    context = {
        "title": declared.title,
        "council": council,
        "year": year,
        "f": figure,
        "definition": _definition(declared),
        "trend_rows": [(year_label(y), figures.charts.fmt(v)) for y, v in figure.trend],
        "pooled": _pooled(declared, los.results(), council, year),
        "members": None if members is None or paging is None else paging.rows(members),
        "paging": paging,
        "counted": sum(1 for m in members or [] if m.in_numerator),
        "detail_keys": sorted({k for m in members or [] for k in m.detail}),
        "distribution": spread,
        "errors": errors or {},
        "ranked": any(p.indicator_id == declared.id for p in PUBLISHED),  # the DfE publishes every council's figure
    }
    # The page's blocks are cached per page of the list; a request with other query parameters (which
    # the page links keep) is rendered afresh, so that no address fills the cache.
    # A manager's page carries forms with the session's CSRF token, so it is never served from the cache.
    plain = set(request.query_params) <= {"page"} and not errors and user.role != "manager"
    key = ("indicator", declared.id, council, year, paging.page if paging else 1) if plain else None
    return render(request, "indicator.html", context, status=400 if errors else 200, cache_key=key)


def _pooled(declared: Indicator, results: Sequence[Result], council: str, year: int) -> dict[str, Any] | None:
    """For a figure pooling several collection years: the years it pools, and those of them not loaded."""
    if declared.years == 1:
        return None
    window = list(range(year - declared.years + 1, year + 1))
    loaded = {r.period for r in results if r.id == declared.id and r.council == council}
    return {"years": [year_label(y) for y in window], "missing": [year_label(y) for y in window if y not in loaded]}


def _definition(i: Any) -> list[tuple[str, str]]:
    rows = [
        ("Area of practice", i.area.label),
        ("Numerator", i.numerator),
        ("Denominator", i.denominator),
        ("Cohort", i.cohort),
        ("Period", i.period),
        ("Better", f"{i.polarity} is better" if i.polarity else "no better direction"),
        ("Unit", UNIT_MEANING[i.unit]),
        ("Source", i.source),
        ("Returns used", ", ".join(i.datasets)),
    ]
    if i.threshold_text or i.threshold is not None:
        rows.append(("Threshold", i.threshold_text or str(i.threshold)))
    return rows


def child(request: Request) -> Response:
    user = require_child_level(request)
    council, child_id = request.path_params["council"], request.path_params["child_id"]
    record(request, user, "view_child", child_id, council, "dashboard child page")
    with state(request).use() as store:
        events = journey.journey(store, council, child_id)
    svg = journey.timeline_svg(events, dt.date.today())
    context = {"title": f"Child {child_id}", "council": council, "child_id": child_id, "events": events, "svg": svg}
    return render(request, "child.html", context)


routes = [
    Route("/", home),
    Route("/overview/{council}/{year:int}", overview),
    Route("/indicator/{indicator_id}/{council}/{year:int}", indicator),
    Route("/child/{council}/{child_id}", child),
]
