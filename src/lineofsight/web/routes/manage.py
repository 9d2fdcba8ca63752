"""What managers add on an indicator's page: the council's local target and the year's commentary (audited)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


Save = Callable[[Any, str, int, str, Any, str], None]  # store, council, year, indicator, form, manager


async def _managed(request: Request, field: str, save: Save) -> Response:
    """A manager's form on the indicator page: saved and audited, or the page again with the refusal shown."""
    user = require(request, MANAGER)
    council, year = council_year(request)
    indicator_id = _declared(request)
    form = await request.form()
    check_csrf(request, form)
    los = state(request)
    try:
        with los.use() as store:
            save(store, council, year, indicator_id, form, user.username)
    except UserError as exc:
        return indicator_page(request, errors={field: str(exc)[:1].upper() + str(exc)[1:] + "."})
    los.pages_changed()
    return RedirectResponse(f"/indicator/{indicator_id}/{council}/{year}#{field}", status_code=303)


async def set_target(request: Request) -> Response:
    def save(store: Any, council: str, year: int, indicator_id: str, form: Any, manager: str) -> None:
        targets.set_target(store, council, indicator_id, _number(str(form.get("target") or "")), manager)

    return await _managed(request, "target", save)


async def write_commentary(request: Request) -> Response:
    def save(store: Any, council: str, year: int, indicator_id: str, form: Any, manager: str) -> None:
        targets.write_commentary(store, council, year, indicator_id, str(form.get("commentary") or ""), manager)

    return await _managed(request, "commentary", save)


routes = [
    Route("/indicator/{indicator_id}/{council}/{year:int}/target", set_target, methods=["POST"]),
    Route("/indicator/{indicator_id}/{council}/{year:int}/commentary", write_commentary, methods=["POST"]),
]
