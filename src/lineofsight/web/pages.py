"""Helpers every page module shares: rendering, the signed-in user, role checks, CSRF and the audit log.

Route modules (web/routes/<area>.py) import these and expose `routes`; app.py collects them.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from lineofsight.store import audit
from lineofsight.web import sessions
from lineofsight.web.navigation import navigation
from lineofsight.web.state import State
from lineofsight.web.users import CHILD_LEVEL

COUNCIL_CODE = re.compile(r"[A-Za-z0-9_-]{1,12}")  # as the indicator engine accepts: letters, digits, - and _
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


@dataclass(frozen=True)
class User:
    username: str
    role: str
    councils: frozenset[str] = field(default_factory=frozenset)  # empty: every council

    @property
    def child_level(self) -> bool:
        return self.role in CHILD_LEVEL

    def may_see(self, council: str) -> bool:
        return not self.councils or council in self.councils


class SignInRequired(Exception):
    """Raised by `require` when nobody is signed in; app.py turns it into a redirect to the sign-in page."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


def state(request: Request) -> State:
    los: State = request.app.state.los
    return los


def current_user(request: Request) -> User | None:
    """The holder of the request's session, if it is still live in the store (looked up once per request)."""
    if "los_user" in request.scope:
        found: User | None = request.scope["los_user"]
        return found
    session_id = request.session.get("sid")
    holder = None
    if isinstance(session_id, str):
        with state(request).use() as store:
            holder = sessions.holder(store, session_id, dt.datetime.now())
    request.scope["los_user"] = User(holder.username, holder.role, holder.councils) if holder else None
    return request.scope["los_user"]


def require(request: Request, *roles: str) -> User:
    """The signed-in user, if their role is one of `roles` (any role when none given) and they may see the
    council the page is about (every page about one council has it as its `council` path parameter); 403 otherwise."""
    user = current_user(request)
    if user is None:
        raise SignInRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    council = request.path_params.get("council")
    if isinstance(council, str) and not COUNCIL_CODE.fullmatch(council):  # nor may it reach a filename or SQL
        raise HTTPException(404, "A council is named by its DfE LA code, for example 813.")
    if isinstance(council, str) and not user.may_see(council):
        raise HTTPException(403, f"Your account is limited to council {', '.join(sorted(user.councils))}.")
    if roles and user.role not in roles:
        raise HTTPException(403, f"Your role ({user.role}) cannot open this page.")
    return user


def require_child_level(request: Request) -> User:
    """Child-level pages and lists: analysts, managers and auditors; a viewer sees aggregate figures only."""
    return require(request, *sorted(CHILD_LEVEL))


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


def check_csrf(request: Request, form: Any) -> None:
    """Every form posts the session's token; a missing or wrong one is refused before anything happens."""
    sent = form.get("csrf_token") if form is not None else None
    expected = request.session.get("csrf")
    if not isinstance(sent, str) or not expected or not secrets.compare_digest(sent, str(expected)):
        raise HTTPException(403, "The form had expired or did not come from this site. Go back, reload and try again.")


def record(request: Request, user: User, action: str, subject: str, council: str | None, detail: str = "") -> None:
    """Write the audit log before a child-level page is shown (who, what, when)."""
    with state(request).use() as store:
        audit.record(store, user.username, action, subject, council, detail)


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    status: int = 200,
    cache_key: tuple[Any, ...] | None = None,
) -> Response:
    """Render a page. With a cache_key, the page's own blocks are rendered once per key and role (they must not
    depend on anything else), and only the shell around them (user, CSRF token) is rendered per request."""
    user = current_user(request)
    place = request.session.get("place") or [None, None]  # the council-year last opened, for the navigation
    values = {"user": user, "csrf_token": csrf_token(request), "quote": quote, "council": place[0], "year": place[1]}
    values.update(context or {})
    values["name_of"] = state(request).council_name  # 'North Lincolnshire (813)' for a code
    if values.get("council"):
        values["council_name"] = state(request).council_name(str(values["council"]))
    values["navigation"] = navigation(request.url.path, user, values.get("council"), values.get("year"))
    if cache_key is not None:
        key = ("page", *cache_key, user.role if user else None)
        blocks = state(request).cached(key, lambda: _blocks(template, values))
        values = {**values, "blocks": blocks}
        template = "shell.html"
    return TEMPLATES.TemplateResponse(request, template, values, status_code=status)


def _blocks(template: str, values: dict[str, Any]) -> dict[str, Markup]:
    compiled = TEMPLATES.env.get_template(template)
    context = compiled.new_context(values)
    return {name: Markup("".join(block(context))) for name, block in compiled.blocks.items()}


def _globals() -> None:
    from lineofsight.calendar import day_label, year_label
    from lineofsight.report.charts import fmt, fmt_value

    TEMPLATES.env.globals["fmt"] = fmt
    TEMPLATES.env.globals["fmt_value"] = fmt_value
    TEMPLATES.env.globals["year_label"] = year_label
    TEMPLATES.env.globals["day_label"] = day_label


_globals()
