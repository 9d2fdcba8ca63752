"""The dashboard: `create_app` for an ASGI server, `serve` to run it, `create_demo_user` for the demo."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from lineofsight.errors import UserError
from lineofsight.store import is_server, open_store
from lineofsight.web.users import create_demo_user as _create_demo_user

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the dashboard over the store until interrupted. Cookies are marked secure except on plain-http loopback.

    Several worker processes need a server store (a DuckDB file has one writer); they share the
    session-signing key through the environment, so a cookie one worker signs the others accept."""
    import uvicorn

    from lineofsight.web.app import create_app

    secure = host not in LOOPBACK
    if workers == 1:
        app = create_app(db_path, secure_cookies=secure)
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    if not is_server(db_path):
        raise UserError(f"--workers {workers}: several workers need a PostgreSQL store (--db postgresql://...)")
    os.environ.setdefault("LINEOFSIGHT_SECRET_KEY", secrets.token_urlsafe(32))
    os.environ[DB_VARIABLE] = str(db_path)
    os.environ[SECURE_VARIABLE] = "1" if secure else "0"
    uvicorn.run(
        "lineofsight.web:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )


DB_VARIABLE, SECURE_VARIABLE = "LINEOFSIGHT_DB", "LINEOFSIGHT_SECURE_COOKIES"


def app_from_environment() -> object:
    """The app one worker of `serve --workers N` runs (uvicorn imports it by name in each worker)."""
    from lineofsight.web.app import create_app

    return create_app(os.environ[DB_VARIABLE], secure_cookies=os.environ.get(SECURE_VARIABLE) != "0")


def create_demo_user(db_path: str | Path) -> tuple[str, str]:
    """Create (or reset) the demo analyst; returns (username, password) for the demo to print."""
    with open_store(db_path) as store:
        return _create_demo_user(store)


__all__ = ["create_demo_user", "serve"]
