"""The `lineofsight` command: thin commands over the engine, one module per area.

Errors the user can fix are printed as one plain line (no traceback) with exit code 2.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from lineofsight.cli import demo, generate, indicators, load, ofsted, qa, spec, validate, web
from lineofsight.errors import UserError

app = typer.Typer(
    name="lineofsight",
    help="A line of sight from every child's record to the figures, the evidence and the Ofsted judgements.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """lineofsight: load, validate, measure, benchmark and serve children's services data."""


@app.command()
def version() -> None:
    """Print the lineofsight version."""
    from lineofsight import __version__

    typer.echo(__version__)


for module in (generate, demo, load, validate, spec, indicators, web, ofsted, qa):
    module.register(app)

err = Console(stderr=True)


def main() -> None:
    try:
        app()
    except UserError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
