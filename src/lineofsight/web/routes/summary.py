"""The landing page: a council's year at a glance (report.summary), each figure linked to its indicator page."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lineofsight.report import figures
from lineofsight.report import summary as summarised
from lineofsight.web.pages import render, require, state
from lineofsight.web.routes.dashboard import council_year


def summary(request: Request) -> Response:
    require(request)
    council, year = council_year(request)
    request.session["place"] = [council, year]
    los = state(request)

    def build() -> Any:
        return figures.overview(los.store, los.results(), council, year)

    areas = los.cached(("overview", council, year), build)
    context = {
        "title": f"Summary {council} {year}",
        "council": council,
        "year": year,
        "s": summarised.summarise(areas, council, year),
        "years": figures.years_of(los.results(), council),
        "bases": figures.bases(areas),
    }
    return render(request, "summary.html", context, cache_key=("summary", council, year))


routes = [Route("/summary/{council}/{year:int}", summary)]
