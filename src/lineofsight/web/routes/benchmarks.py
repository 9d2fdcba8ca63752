"""Every council's published figure for one indicator, ranked, with the council's own figure marked and England,
its region and its statistical neighbours beside it. Published, aggregate figures: every signed-in role sees them."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lineofsight.benchmark.published import PUBLISHED
from lineofsight.benchmark.ranking import Ranking, ranking
from lineofsight.calendar import year_label
from lineofsight.errors import UserError
from lineofsight.indicators import get
from lineofsight.report.charts import fmt_value
from lineofsight.web.download import FORMATS, table_response
from lineofsight.web.pages import render, require, state

PUBLISHED_IDS = frozenset(p.indicator_id for p in PUBLISHED)


def _ranking(request: Request) -> Ranking:
    indicator_id, council, year = (request.path_params[k] for k in ("indicator_id", "council", "year"))
    try:
        get(indicator_id)
    except UserError as exc:
        raise HTTPException(404, str(exc)) from exc
    if indicator_id not in PUBLISHED_IDS:
        raise HTTPException(404, "The DfE publishes no council figures for this indicator, so there is no ranking.")
    with state(request).use() as store:
        return ranking(store, indicator_id, council, year)


def _own_figure(request: Request, r: Ranking) -> float | None:
    """The council's figure computed from its loaded returns for the year, when they are loaded."""
    found = [x for x in state(request).results() if x.id == r.indicator.id and x.council == r.council]
    return next((x.value for x in found if x.period == r.year), None)


def ranking_page(request: Request) -> Response:
    require(request)
    r = _ranking(request)
    unit = r.indicator.unit
    own = r.own
    base = f"/benchmarks/{r.indicator.id}/{r.council}/{r.year}"
    context = {
        "title": f"{r.indicator.title}: every council",
        "council": r.council,
        "year": r.year,
        "r": r,
        "own": own,
        "computed": _own_figure(request, r),
        "value": lambda v: fmt_value(v, unit) if v is not None else "suppressed",
        "shown_year": year_label(r.published_year) if r.published_year else None,
        "downloads": {kind: f"{base}.{kind}" for kind in FORMATS},
    }
    return render(request, "ranking.html", context)


def ranking_download(request: Request) -> Response:
    require(request)
    kind = request.path_params["kind"]
    if kind not in FORMATS:
        raise HTTPException(404, "Download the ranking as .csv or .xlsx.")
    r = _ranking(request)
    header = ["Rank", "Council", "DfE code", "Region", r.indicator.title, "This council", "Statistical neighbour"]
    rows = [[p.rank, p.name, p.la_code, p.region, p.value, "yes" if p.own else "", p.neighbour or ""] for p in r.places]
    year = r.published_year or r.year
    return table_response(f"{r.indicator.id}-{year - 1}-{year % 100:02d}", kind, header, rows)


routes = [
    Route("/benchmarks/{indicator_id}/{council}/{year:int}", ranking_page, name="ranking"),
    Route("/benchmarks/{indicator_id}/{council}/{year:int}.{kind}", ranking_download, name="ranking_download"),
]
