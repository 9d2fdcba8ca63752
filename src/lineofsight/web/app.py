"""The dashboard as a Starlette app: route modules are discovered, sessions are held in the store (web/sessions.py).

Every module in web/routes exposes `routes`; adding a page area means adding a module, not editing this file.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lineofsight.formats.safety import DEFAULT_MAX_BYTES
from lineofsight.web import routes as routes_package
from lineofsight.web import sessions
from lineofsight.web.pages import SignInRequired, render
from lineofsight.web.state import State

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor" / "govuk-frontend"
HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'; "
        b"base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]

NO_STORE = (b"cache-control", b"no-store")
CACHEABLE = ("/static/", "/assets/")


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): no inline scripts or styles, no framing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        # Pages name children and exports are child-level: no browser or proxy may keep a copy (static files may).
        extra = HEADERS if scope["path"].startswith(CACHEABLE) else [*HEADERS, NO_STORE]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


FORM_LIMIT = 1 << 20  # a sign-in, a grade, a target: far under 1 MiB
UPLOAD_LIMIT = DEFAULT_MAX_BYTES + FORM_LIMIT  # the largest return a reader takes, and the form around it
UPLOADS = ("/upload", "/import", "/feedback")


class BodyLimit:
    """Request bodies are limited before they are read: a declared length over the limit is refused at once,
    and a body sent without one is counted as it arrives (a 413 either way). Uploads may be as large as a return."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = UPLOAD_LIMIT if scope["path"].endswith(UPLOADS) else FORM_LIMIT
        declared = dict(scope.get("headers", [])).get(b"content-length", b"0")
        too_big = HTTPException(413, f"The request is larger than the {limit // 2**20:,} MB this page accepts.")
        if not declared.isdigit() or int(declared) > limit:
            response = PlainTextResponse(str(too_big.detail), 413 if declared.isdigit() else 400)
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise too_big
            return message

        await self.app(scope, counted, send)


def discovered_routes() -> list[BaseRoute]:
    found: list[BaseRoute] = []
    for info in sorted(pkgutil.iter_modules(routes_package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{routes_package.__name__}.{info.name}")
        found.extend(getattr(module, "routes", []))
    return found


async def _sign_in(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    return RedirectResponse("/sign-in?" + urlencode({"next": exc.next_url}), status_code=303)


async def _server_error(request: Request, exc: Exception) -> Response:
    """A 500 is sent by Starlette's outermost middleware, past SecurityHeaders: it carries the headers itself."""
    headers = {k.decode(): v.decode() for k, v in (*HEADERS, NO_STORE)}
    return PlainTextResponse("Something went wrong on the server; it has been logged.", 500, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    titles = {403: "You cannot open this page", 404: "Page not found", 405: "Not allowed"}
    title = titles.get(exc.status_code, "Something went wrong")
    return render(request, "error.html", {"title": title, "detail": exc.detail}, status=exc.status_code)


def create_app(db_path: str | Path, secret_key: str | None = None, secure_cookies: bool = True) -> Starlette:
    """The dashboard over one store file. secure_cookies=False only for plain-http loopback (tests, the demo)."""
    los = State(db_path)
    key = secret_key or os.environ.get("LINEOFSIGHT_SECRET_KEY") or secrets.token_urlsafe(32)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        los.close()

    mounts: list[BaseRoute] = [Mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")]
    if (VENDOR / "assets").is_dir():  # govuk-frontend's CSS asks for its fonts and images under /assets
        mounts.append(Mount("/assets", StaticFiles(directory=VENDOR / "assets"), name="assets"))
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(BodyLimit),
        Middleware(
            SessionMiddleware,
            secret_key=key,
            session_cookie="lineofsight_session",
            max_age=int(sessions.EXPIRES.total_seconds()),  # the store ends it sooner: sign-out, idle, reset
            same_site="strict",
            https_only=secure_cookies,
        ),
    ]
    handlers: dict[Any, Any] = {SignInRequired: _sign_in, HTTPException: _http_error, Exception: _server_error}
    app = Starlette(
        routes=[*discovered_routes(), *mounts], middleware=middleware, exception_handlers=handlers, lifespan=lifespan
    )
    app.state.los = los
    return app
