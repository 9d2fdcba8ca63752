"""`lineofsight serve`, `lineofsight user ...` and `lineofsight report`: the dashboard, its users and the pack."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from lineofsight.errors import UserError
from lineofsight.store import DB_HELP, DEFAULT_PATH, exists, is_server, open_store

console = Console()
user_app = typer.Typer(help="People who can sign in to the dashboard.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add `serve`, `user add|list|disable|enable|remove|reset-password` and `report` to the main app."""
    app.command()(serve)
    app.command()(report)
    for name, command in (
        ("add", user_add),
        ("list", user_list),
        ("disable", user_disable),
        ("enable", user_enable),
        ("remove", user_remove),
        ("reset-password", user_reset_password),
    ):
        user_app.command(name)(command)
    app.add_typer(user_app, name="user")


def _actor() -> str:
    """Who made a change, for the audit log: the operating-system account that ran the command."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


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


Name = Annotated[str, typer.Argument(help="Username")]
Db = Annotated[str, typer.Option("--db", help=DB_HELP)]
Password = Annotated[str | None, typer.Option("--password", help="Password (asked for when not given)")]


def user_add(
    name: Name,
    role: Annotated[str, typer.Option("--role", help="analyst, manager, auditor or viewer")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP + " (created if missing)")] = str(DEFAULT_PATH),
    password: Password = None,
    council: Annotated[
        list[str] | None,
        typer.Option("--council", help="Limit the user to this council (DfE LA code); repeat for several"),
    ] = None,
) -> None:
    """Create a user who can sign in, or replace an existing user's role, password and councils."""
    from lineofsight.web.users import add_user

    secret = password or typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with open_store(db) as store:
        add_user(store, name, role, secret, council or (), actor=_actor())
    limits = f", councils {', '.join(sorted(set(council)))} only" if council else ""
    console.print(f"user {name} ({role}{limits}) can now sign in")


def user_list(db: Db = str(DEFAULT_PATH)) -> None:
    """Every user: role, councils, whether disabled, live sessions and when last seen."""
    from rich.table import Table

    from lineofsight.web.users import list_users

    with open_store(_existing(db)) as store:
        users = list_users(store)
    table = Table("user", "role", "councils", "status", "live sessions", "last seen")
    for u in users:
        status = f"disabled {u['disabled_at']:%Y-%m-%d %H:%M}" if u["disabled_at"] else "enabled"
        seen = f"{u['last_seen_at']:%Y-%m-%d %H:%M}" if u["last_seen_at"] else ""
        table.add_row(u["username"], u["role"], ", ".join(u["councils"]) or "all", status, str(u["sessions"]), seen)
    console.print(table)


def user_disable(name: Name, db: Db = str(DEFAULT_PATH)) -> None:
    """Stop a user signing in and end every session they have, wherever it is used."""
    from lineofsight.web.users import set_disabled

    with open_store(_existing(db)) as store:
        ended = set_disabled(store, name, True, actor=_actor())
    console.print(f"user {name} is disabled; {ended} live sessions ended")


def user_enable(name: Name, db: Db = str(DEFAULT_PATH)) -> None:
    """Let a disabled user sign in again."""
    from lineofsight.web.users import set_disabled

    with open_store(_existing(db)) as store:
        set_disabled(store, name, False, actor=_actor())
    console.print(f"user {name} can sign in again")


def user_remove(name: Name, db: Db = str(DEFAULT_PATH)) -> None:
    """Remove a user and end their sessions (what they looked at stays in the audit log)."""
    from lineofsight.web.users import remove_user

    with open_store(_existing(db)) as store:
        ended = remove_user(store, name, actor=_actor())
    console.print(f"user {name} removed; {ended} live sessions ended")


def user_reset_password(name: Name, db: Db = str(DEFAULT_PATH), password: Password = None) -> None:
    """Give a user a new password and end every session they have."""
    from lineofsight.web.users import reset_password

    secret = password or typer.prompt("New password", hide_input=True, confirmation_prompt=True)
    with open_store(_existing(db)) as store:
        ended = reset_password(store, name, secret, actor=_actor())
    console.print(f"user {name} has a new password; {ended} live sessions ended")


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
