"""`lineofsight serve`, `lineofsight user add` and `lineofsight report`: the dashboard, its users and the pack."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from lineofsight.errors import UserError
from lineofsight.store import DB_HELP, DEFAULT_PATH, exists, is_server, open_store

console = Console()
user_app = typer.Typer(help="People who can sign in to the dashboard.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add `serve`, `user add` and `report` to the main app."""
    app.command()(serve)
    app.command()(report)
    user_app.command("add")(user_add)
    app.add_typer(user_app, name="user")


def _existing(db: str) -> str:
    if not exists(db):
        raise UserError(f"--db {db}: no store there; load returns first with `lineofsight load`")
    return db


def serve(
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = str(DEFAULT_PATH),
    host: Annotated[str, typer.Option("--host", help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", help="Worker processes: 1 for a file store; a PostgreSQL store's default is 2", min=1
        ),
    ] = None,
) -> None:
    """Serve the dashboard (sign in with a user made by `lineofsight user add`).

    On any address but loopback the session cookie is marked Secure: put the server behind HTTPS.
    """
    from lineofsight.web import serve as run
    from lineofsight.web.app import VENDOR

    _existing(db)
    if not (VENDOR / "govuk-frontend.min.css").is_file():
        console.print(
            "[yellow]GOV.UK Frontend is not installed: pages will be unstyled (run `make web-assets`)[/yellow]"
        )
    console.print(f"lineofsight dashboard at http://{host}:{port}/  (Ctrl+C to stop)")
    run(db, host, port, workers or (2 if is_server(db) else 1))


def user_add(
    name: Annotated[str, typer.Argument(help="Username")],
    role: Annotated[str, typer.Option("--role", help="analyst, manager, auditor or viewer")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP + " (created if missing)")] = str(DEFAULT_PATH),
    password: Annotated[str | None, typer.Option("--password", help="Password (asked for when not given)")] = None,
) -> None:
    """Create a user who can sign in, or reset an existing user's role and password."""
    from lineofsight.web.users import add_user

    secret = password or typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with open_store(db) as store:
        add_user(store, name, role, secret)
    console.print(f"user {name} ({role}) can now sign in")


def report(
    council: Annotated[str, typer.Option("--council", help="Three-digit LA code")],
    year: Annotated[int, typer.Option("--year", help="Collection year, e.g. 2026 for 2025/26")],
    out: Annotated[Path, typer.Option("--out", help="pack.html or pack.pdf")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = str(DEFAULT_PATH),
) -> None:
    """Write the monthly performance pack as a self-contained HTML file or a PDF."""
    from lineofsight.report.pack import write_pack

    with console.status("building the pack"), open_store(_existing(db), read_only=True) as store:
        written = write_pack(store, council, year, out)
    console.print(f"performance pack written to {written}")
