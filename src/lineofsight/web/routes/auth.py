"""Sign in and sign out."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from lineofsight.web.pages import check_csrf, render, state
from lineofsight.web.users import authenticate


def _safe_next(value: object) -> str:
    """Only a path on this site, so the sign-in page cannot send anyone elsewhere."""
    text = value if isinstance(value, str) else ""
    return text if text.startswith("/") and not text.startswith("//") else "/"


async def sign_in_page(request: Request) -> Response:
    return render(
        request, "sign_in.html", {"title": "Sign in", "next_url": _safe_next(request.query_params.get("next"))}
    )


async def sign_in(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form)
    username, password = str(form.get("username") or ""), str(form.get("password") or "")

    def check() -> str | None:
        with state(request).use() as store:
            return authenticate(store, username, password)

    role = await run_in_threadpool(check)
    next_url = _safe_next(form.get("next"))
    if role is None:
        context = {"title": "Sign in", "error": "The username or password is not right", "next_url": next_url}
        return render(request, "sign_in.html", {**context, "username": username}, status=400)
    request.session.clear()  # a fresh session at sign-in, so nothing carries over
    request.session["username"] = username
    return RedirectResponse(next_url, status_code=303)


async def sign_out(request: Request) -> Response:
    check_csrf(request, await request.form())
    request.session.clear()
    return RedirectResponse("/sign-in", status_code=303)


routes = [
    Route("/sign-in", sign_in_page, methods=["GET"]),
    Route("/sign-in", sign_in, methods=["POST"]),
    Route("/sign-out", sign_out, methods=["POST"]),
]
