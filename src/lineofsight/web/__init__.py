"""The dashboard: `create_app` for an ASGI server, `serve` to run it, `create_demo_user` for the demo."""

from __future__ import annotations

from pathlib import Path

from lineofsight.store import Store
from lineofsight.web.users import create_demo_user as _create_demo_user

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the dashboard over the store until interrupted. Cookies are marked secure except on plain-http loopback."""
    import uvicorn

    from lineofsight.web.app import create_app

    app = create_app(db_path, secure_cookies=host not in LOOPBACK)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def create_demo_user(db_path: str | Path) -> tuple[str, str]:
    """Create (or reset) the demo analyst; returns (username, password) for the demo to print."""
    with Store(db_path) as store:
        return _create_demo_user(store)


__all__ = ["create_demo_user", "serve"]
