"""`lineofsight load`: read returns into the store and show what was loaded and what was not."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from lineofsight.cli.progress import bar
from lineofsight.errors import UserError
from lineofsight.formats.result import LoadResult, Problem
from lineofsight.formats.safety import DEFAULT_MAX_BYTES
from lineofsight.store import DB_HELP, DEFAULT_PATH, open_store
from lineofsight.store.load import files_in, load_paths

FIRST_PROBLEMS = 5
console = Console()


def register(app: typer.Typer) -> None:
    """Add `load` to the main app."""
    app.command()(load)


def load(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of returns (folders: every .csv and .xml)")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP + " (created if missing)")] = str(DEFAULT_PATH),
    council: Annotated[
        str | None, typer.Option("--council", help="Three-digit LA code, if the files do not say")
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="Collection year, e.g. 2026 for 2025/26")] = None,
    max_size_mb: Annotated[
        int, typer.Option("--max-size", help="Refuse files larger than this (MB)")
    ] = DEFAULT_MAX_BYTES >> 20,
) -> None:
    """Load SSDA903 (CSV or XML), CIN census XML, workforce and local CSV files into the store.

    Council and year come from the file's header, else --council and --year, else a folder named
    like 681_2026. Loading a council's year of a table again replaces it.
    """
    if council is not None and not (council.isdigit() and len(council) == 3):
        raise UserError(f"--council {council!r}: an LA code is three digits, e.g. 681")
    if year is not None and not 2000 <= year <= 2100:
        raise UserError(f"--year {year}: give the year the collection ends, e.g. 2026 for 2025/26")
    files = files_in(paths)
    if not files:
        raise UserError("no .csv or .xml files found in " + ", ".join(str(p) for p in paths))
    with open_store(db) as store, bar() as progress:
        task = progress.add_task("loading", total=len(files))
        result = load_paths(
            store,
            files,
            council,
            year,
            progress=lambda name, done, total: progress.update(task, completed=done, description=name),
            max_bytes=max_size_mb << 20,
        )
    show(result)
    if result.loaded == 0:
        raise typer.Exit(1)


def show(result: LoadResult) -> None:
    """One table of counts per file, then the first problems of each file."""
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in result.problems:
        by_file[problem.file].append(problem)
    counts = RichTable(title="Loaded", title_justify="left")
    for name in ("council", "year", "file", "table", "read", "loaded", "rejected"):
        counts.add_column(name, justify="right" if name in ("read", "loaded", "rejected") else "left")
    for c in result.counts:
        counts.add_row(
            c.la_code or "", str(c.year or ""), c.file, c.table, f"{c.read:,}", f"{c.loaded:,}", f"{c.rejected:,}"
        )
    if result.counts:
        console.print(counts)
    for file, problems in by_file.items():
        console.print(f"[bold]{file}[/bold]: {len(problems):,} problem(s)", highlight=False)
        for problem in problems[:FIRST_PROBLEMS]:
            unit = "line" if file.lower().endswith(".xml") else "row"  # XML problems point at the element's line
            where = f"{problem.table} {unit} {problem.row}: " if problem.row else ""
            console.print(f"  {where}{problem.message}", highlight=False, markup=False)
    if result.councils:
        councils = ", ".join(sorted(result.councils))
        years = ", ".join(str(y) for y in sorted(result.years))
        console.print(f"Council(s) {councils}, year(s) {years}: {result.loaded:,} rows loaded.", highlight=False)
