"""`lineofsight demo`: a synthetic council from returns to dashboard, in one command.

Steps, each a function of its own module: generate and load the returns
(cli.generate), import the public reference data (councils, the DfE's published figures,
Ofsted history, the map: from the user's folder of downloads, else the shipped bundle), plant a year of
quality-assurance evidence, show the headline figures, then serve the dashboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from lineofsight import indicators
from lineofsight.calendar import year_label
from lineofsight.cli.generate import DEMO_DB, demo_generate, demo_load, summary_table
from lineofsight.store import Store

console = Console()
HEADLINES = (
    "workforce.turnover",
    "workforce.experience_3y",
    "missing.rhi_accepted",
    "missing.rhi_72h",
    "cla.placed_20_miles",
)


def register(app: typer.Typer) -> None:
    """Add `demo` to the main app."""
    app.command("demo")(demo_command)


def import_reference(db: Path, reference: Path | None) -> list[str]:
    """Councils, published DfE figures, population, Ofsted history and the map: from a folder of official downloads
    laid out like shared/reference, or from the bundle lineofsight ships when none is given."""
    from lineofsight.cli.ofsted import import_reference as imported

    with Store(db) as store:
        return imported(store, reference)


def plant_evidence(db: Path, council: str, year: int) -> str:
    """A year of synthetic case audits and survey answers, so the quality-assurance pages have content."""
    from lineofsight.qa.sample import plant

    with Store(db) as store:
        planted = plant(store, council, year)
    return f"{planted.audits} case audits, {planted.actions} actions, {planted.answers} survey answers"


def validation_summary(db: Path, council: str, years: list[int]) -> str:
    """Errors and queries per loaded year, as the DfE's rules find them in the store."""
    from lineofsight.validate.engine import validate_store

    parts = []
    with Store(db, read_only=True) as store:
        for year in years:
            report = validate_store(store, council, year)
            parts.append(f"{year_label(year)} {report.errors} errors, {report.queries} queries")
    return "; ".join(parts)


def headline_table(db: Path, council: str, year: int) -> RichTable:
    """The figures Ofsted quoted for North Lincolnshire, as this synthetic council gives them."""
    with Store(db, read_only=True) as store:
        results = indicators.compute(store, council, year, HEADLINES)
    table = RichTable(title=f"Headline figures, {year_label(year)}")
    for name in ("indicator", "value", "numerator / denominator"):
        table.add_column(name)
    for r in results:
        value = "-" if r.value is None else f"{r.value:.1f}"
        table.add_row(r.title, value, f"{r.numerator:g} / {r.denominator:g}")
    return table


def demo_command(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo's returns and store")] = Path("demo"),
    seed: Annotated[int, typer.Option("--seed")] = 1,
    reference: Annotated[
        Path | None,
        typer.Option(
            "--reference",
            help="Folder of official downloads (la_lookup.csv, dfe/, ofsted/); the bundle lineofsight ships if not given",
        ),
    ] = None,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="End by serving the dashboard")] = True,
    port: Annotated[int, typer.Option("--port")] = 8000,
) -> None:
    """Generate North Lincolnshire's last three years, load them, and serve the line-of-sight dashboard."""
    out.mkdir(parents=True, exist_ok=True)
    db = out / DEMO_DB
    folders = demo_generate(out, seed)
    result = demo_load(out, folders)
    console.print(summary_table(db))
    if result.problems:
        console.print(f"{len(result.problems)} values could not be read; see `lineofsight load` for details")
    council, year = folders[-1].name.split("_")[0], int(folders[-1].name.split("_")[1])
    console.print("DfE validation: " + validation_summary(db, council, sorted({int(f.name[-4:]) for f in folders})))
    console.print("Reference data: " + ", ".join(import_reference(db, reference)))
    console.print(f"Quality-assurance evidence: {plant_evidence(db, council, year)}")
    console.print(headline_table(db, council, year))
    console.print(f"Store: {db}")
    if serve:
        from lineofsight import web

        username, password = web.create_demo_user(db)
        console.print(
            f"Dashboard: http://127.0.0.1:{port}/  sign in as [bold]{username}[/bold], password [bold]{password}[/bold]"
        )
        console.print("Press Ctrl+C to stop.")
        web.serve(db, port=port)
