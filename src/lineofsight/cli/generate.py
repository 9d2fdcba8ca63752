"""`lineofsight generate` (synthetic councils' returns) and `lineofsight demo` (one council, loaded).

The demo's steps are small functions (`demo_generate`, `demo_load`,
`summary_table`) so later steps (indicators, the dashboard) can call them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from lineofsight.benchmark import calibration
from lineofsight.calendar import year_label
from lineofsight.cli.progress import bar
from lineofsight.errors import UserError
from lineofsight.formats.result import LoadResult
from lineofsight.generate.councils import councils
from lineofsight.generate.plant import Targets
from lineofsight.generate.run import Plan, generate
from lineofsight.model import TABLES
from lineofsight.store import Store
from lineofsight.store.load import load_paths

console = Console()
DEMO_POPULATION = 36_000  # North Lincolnshire's children aged 0-17, roughly
DEMO_DB = "lineofsight.duckdb"
LAST_PUBLISHED = 2025  # the latest collection year the DfE has published for every calibrated figure


def register(app: typer.Typer) -> None:
    """Add `generate` to the main app (`demo`, which calls the demo steps here, lives in cli/demo.py)."""
    app.command("generate")(generate_command)


def _share(name: str, value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 1:
        raise UserError(f"--{name} {value}: give a share between 0 and 1, e.g. 0.11 for 11%")
    return value


def generate_command(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the returns into")],
    seed: Annotated[int, typer.Option("--seed", help="Same seed and options, same bytes")] = 1,
    population: Annotated[
        int | None,
        typer.Option("--population", help="Children aged 0-17 in each council (default: each council's own, ONS)"),
    ] = None,
    council_count: Annotated[
        int | None,
        typer.Option(
            "--councils", help="How many councils, North Lincolnshire first then by LA code (default 1; report: 153)"
        ),
    ] = None,
    years: Annotated[int, typer.Option("--years", help="Collection years to write")] = 3,
    first_year: Annotated[
        int | None, typer.Option("--first-year", help="First collection year (default: the last one is 2026)")
    ] = None,
    far: Annotated[
        float | None,
        typer.Option("--far", help="Share of placements more than 20 miles from home (default: each council's own)"),
    ] = None,
    turnover: Annotated[float | None, typer.Option(help="Plant: FTE social worker turnover, latest year")] = None,
    experience_3y: Annotated[
        float | None, typer.Option("--experience-3y", help="Plant: FTE share qualified 3+ years, latest year")
    ] = None,
    rhi_accepted: Annotated[
        float | None, typer.Option(help="Plant: share of missing children accepting a return interview")
    ] = None,
    rhi_72h: Annotated[
        float | None, typer.Option("--rhi-72h", help="Plant: share of return interviews within 72 hours")
    ] = None,
    placed_within_20_miles: Annotated[
        float | None, typer.Option(help="Plant: share of children looked after at 31 March within 20 miles")
    ] = None,
    processes: Annotated[int, typer.Option("--processes", help="Councils generated in parallel")] = 2,
    calibration_report: Annotated[
        bool,
        typer.Option(
            "--calibration-report",
            help="Generate, load and compare the last year's indicators with the DfE's published figures; "
            "writes OUT/calibration.md",
        ),
    ] = False,
) -> None:
    """Simulate councils child by child and write their returns (SSDA903, CIN census, workforce, local lists)."""
    total = len(councils())
    council_count = council_count or (total if calibration_report else 1)
    if not 1 <= council_count <= total:
        raise UserError(f"--councils {council_count}: choose 1 to {total}")
    if population is not None and population < 1000:
        raise UserError(f"--population {population}: give at least 1,000 children")
    if not 1 <= years <= 20:
        raise UserError(f"--years {years}: choose 1 to 20")
    targets = Targets(
        _share("turnover", turnover),
        _share("experience-3y", experience_3y),
        _share("rhi-accepted", rhi_accepted),
        _share("rhi-72h", rhi_72h),
        _share("placed-within-20-miles", placed_within_20_miles),
    )
    if calibration_report:
        report_command(out, seed, council_count, years, first_year, processes)
        return
    plan = Plan(seed, population, council_count, years, first_year, _share("far", far), targets)
    folders = run_generation(out, plan, processes)
    console.print(f"Wrote {len(folders)} council-years and population.csv to {out}")


def report_command(
    out: Path, seed: int, council_count: int, years: int, first_year: int | None, processes: int
) -> None:
    last = (first_year + years - 1) if first_year is not None else LAST_PUBLISHED
    with bar() as progress:
        task = progress.add_task("generating councils", total=council_count)
        report = calibration.run(out, council_count, years, last, seed, processes, lambda la: progress.advance(task))
    text = calibration.markdown(report)
    (out / "calibration.md").write_text(text, encoding="utf-8")
    console.print(text, markup=False, highlight=False)


def run_generation(out: Path, plan: Plan, processes: int = 1) -> list[Path]:
    """Generate with a progress bar over councils; planting problems become one-line errors."""
    with bar() as progress:
        task = progress.add_task("generating councils", total=plan.councils)
        try:
            return generate(out, plan, lambda la: progress.advance(task), processes)
        except ValueError as exc:
            raise UserError(f"cannot generate: {exc}") from None


def demo_generate(folder: Path, seed: int = 1) -> list[Path]:
    """Step 1: North Lincolnshire, three collection years, with the inspection's figures planted."""
    targets = Targets(turnover=0.11, experience_3y=0.74, rhi_accepted=0.92, rhi_72h=0.78, placed_within_20_miles=0.90)
    return run_generation(folder, Plan(seed=seed, population=DEMO_POPULATION, years=3, targets=targets))


def demo_load(folder: Path, folders: list[Path]) -> LoadResult:
    """Step 2: load the returns and the population estimates into <folder>/lineofsight.duckdb."""
    with Store(folder / DEMO_DB) as store:
        result = load_paths(store, folders)
        council = folders[0].name.split("_")[0]
        result.extend(load_paths(store, [folder / "population.csv"], council, int(folders[-1].name[-4:])))
    return result


def summary_table(db: Path) -> RichTable:
    """Step 3: rows in the store per table per collection year."""
    with Store(db, read_only=True) as store:
        years = store.years()
        counts = {
            t.name: dict(store.query(f"SELECT collection_year, count(*) FROM {t.name} GROUP BY 1"))
            for t in TABLES.values()
            if t.provenance and t.dataset in ("ssda903", "cin", "workforce", "local")
        }
        population = store.count("population")
    table = RichTable(title="Loaded into the store")
    table.add_column("table")
    for year in years:
        table.add_column(year_label(year), justify="right")
    for name in sorted(counts):
        table.add_row(name, *(f"{counts[name].get(y, 0):,}" for y in years))
    table.caption = f"population estimates: {population} rows"
    return table
