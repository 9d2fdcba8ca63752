"""Sign in and sign out: throttled, audited, with the session held in the store.

The password is checked outside the store lock (Argon2 takes tens of milliseconds of CPU on purpose) and one
check at a time, so that people guessing passwords cannot slow everyone else's pages.
"""

from __future__ import annotations

import datetime as dt
import secrets

import anyio
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from lineofsight.store import audit
from lineofsight.web import sessions, throttle
from lineofsight.web.pages import check_csrf, current_user, render, state
from lineofsight.web.users import credentials, password_matches

WRONG = "The username or password is not right"
DISABLED = "This account is disabled: ask an administrator to enable it"
_checking = anyio.CapacityLimiter(1)  # one Argon2 check at a time per process


def _safe_next(value: object) -> str:
    """Only a path on this site, so the sign-in page cannot send anyone elsewhere."""
    text = value if isinstance(value, str) else ""
    return text if text.startswith("/") and not text.startswith("//") else "/"


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def sign_in_page(request: Request) -> Response:
    return render(
        request, "sign_in.html", {"title": "Sign in", "next_url": _safe_next(request.query_params.get("next"))}
    )


async def sign_in(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form)
    username, password = str(form.get("username") or "")[:200], str(form.get("password") or "")[:1000]
    client, next_url = client_address(request), _safe_next(form.get("next"))
    los = state(request)

    def before() -> tuple[str | None, tuple[str, bool] | None]:
        current_user(request)  # looked up here, off the event loop, for the page if sign-in is refused
        with los.use() as store:
            wait = throttle.held(store, username, client, dt.datetime.now())
            if wait:
                audit.record(store, username, "sign_in_held", username, None, f"client={client}")
                return wait, None
            return None, credentials(store, username)

    wait, found = await anyio.to_thread.run_sync(before)
    if wait:
        return _refused(request, username, next_url, wait, 429)
    right = await anyio.to_thread.run_sync(password_matches, found[0] if found else None, password, limiter=_checking)
    disabled = right and found is not None and found[1]

    def after() -> str | None:
        now = dt.datetime.now()
        with los.use() as store:
            throttle.attempted(store, username, client, right, now)
            outcome = "sign_in" if right and not disabled else "sign_in_refused"
            why = "" if outcome == "sign_in" else ("; account disabled" if disabled else "; wrong password")
            audit.record(store, username, outcome, username, None, f"client={client}{why}")
            return sessions.start(store, username, now) if outcome == "sign_in" else None

    session_id = await anyio.to_thread.run_sync(after)
    if session_id is None:
        return _refused(request, username, next_url, DISABLED if disabled else WRONG, 400)
    request.session.clear()  # a fresh session at sign-in, so nothing carries over
    request.session["sid"] = session_id
    request.session["csrf"] = secrets.token_urlsafe(32)
    return RedirectResponse(next_url, status_code=303)


def _refused(request: Request, username: str, next_url: str, error: str, status: int) -> Response:
    context = {"title": "Sign in", "error": error, "next_url": next_url, "username": username}
    return render(request, "sign_in.html", context, status=status)


async def sign_out(request: Request) -> Response:
    check_csrf(request, await request.form())
    session_id = request.session.get("sid")
    if isinstance(session_id, str):

        def end() -> None:
            user = current_user(request)
            with state(request).use() as store:
                sessions.end(store, session_id, "signed out", dt.datetime.now())
                if user is not None:
                    audit.record(store, user.username, "sign_out", user.username, None, "")

        await anyio.to_thread.run_sync(end)
    request.session.clear()
    return RedirectResponse("/sign-in", status_code=303)


routes = [
    Route("/sign-in", sign_in_page, methods=["GET"]),
    Route("/sign-in", sign_in, methods=["POST"]),
    Route("/sign-out", sign_out, methods=["POST"]),
]
