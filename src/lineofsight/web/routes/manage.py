"""What managers add on an indicator's page: the council's local target and the year's commentary (audited)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from lineofsight.errors import UserError
from lineofsight.indicators import get
from lineofsight.report import targets
from lineofsight.web.pages import check_csrf, require, state
from lineofsight.web.routes.dashboard import council_year, indicator_page

MANAGER = "manager"


def _declared(request: Request) -> str:
    try:
        return get(request.path_params["indicator_id"]).id
    except UserError as exc:
        raise HTTPException(404, str(exc)) from exc


def _number(text: str) -> float | None:
    text = text.strip().rstrip("%").replace(",", "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise UserError(f"the target {text!r} is not a number: write it as the figure is written, e.g. 85") from None


async def set_target(request: Request) -> Response:
    user = require(request, MANAGER)
    council, year = council_year(request)
    indicator_id = _declared(request)
    form = await request.form()
    check_csrf(request, form)
    los = state(request)
    try:
        target = _number(str(form.get("target") or ""))
        with los.use() as store:
            targets.set_target(store, council, indicator_id, target, user.username)
    except UserError as exc:
        return indicator_page(request, errors={"target": str(exc)[:1].upper() + str(exc)[1:] + "."})
    los.pages_changed()
    return RedirectResponse(f"/indicator/{indicator_id}/{council}/{year}#target", status_code=303)


async def write_commentary(request: Request) -> Response:
    user = require(request, MANAGER)
    council, year = council_year(request)
    indicator_id = _declared(request)
    form = await request.form()
    check_csrf(request, form)
    los = state(request)
    try:
        with los.use() as store:
            targets.write_commentary(
                store, council, year, indicator_id, str(form.get("commentary") or ""), user.username
            )
    except UserError as exc:
        return indicator_page(request, errors={"commentary": str(exc)[:1].upper() + str(exc)[1:] + "."})
    los.pages_changed()
    return RedirectResponse(f"/indicator/{indicator_id}/{council}/{year}#commentary", status_code=303)


routes = [
    Route("/indicator/{indicator_id}/{council}/{year:int}/target", set_target, methods=["POST"]),
    Route("/indicator/{indicator_id}/{council}/{year:int}/commentary", write_commentary, methods=["POST"]),
]
