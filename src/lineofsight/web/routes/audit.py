"""The audit log, for analysts: who looked at which child-level page or list, and when (an analyst limited to
some councils sees those councils' entries only)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lineofsight.store import audit
from lineofsight.web.pages import render, require, state


def audit_page(request: Request) -> Response:
    user = require(request, "analyst")
    with state(request).use() as store:
        entries = audit.entries(store, limit=1000, councils=user.councils or None)
    return render(request, "audit.html", {"title": "Audit log", "entries": entries})


routes = [Route("/audit", audit_page)]
