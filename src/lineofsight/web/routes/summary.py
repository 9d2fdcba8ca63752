"""The landing page: a council's year at a glance (report.summary), each figure linked to its indicator page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lineofsight.report import figures
from lineofsight.report import summary as summarised
from lineofsight.web.pages import render
from lineofsight.web.routes.dashboard import opened


def summary(request: Request) -> Response:
    council, year, los, areas = opened(request)
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
