"""Commands: `ofsted read|import|query|history` and `reference import`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import track
from rich.table import Table

from lineofsight.errors import UserError
from lineofsight.store import DB_HELP

DB = Annotated[str, typer.Option("--db", help=DB_HELP)]
FORMAT = Annotated[str, typer.Option("--format", help="table or json")]
out = Console()


def _store(db: str) -> Any:
    from lineofsight.store import open_store

    return open_store(db)


def _pdfs(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.pdf")))
        elif path.exists():
            found.append(path)
        else:
            raise UserError(f"{path}: no such file or folder")
    return found


def _read_all(paths: list[Path]) -> list[Any]:
    from lineofsight.ofsted.outcomes import read_outcomes

    reports: list[Any] = []
    pdfs = [p for p in _pdfs(paths) if p.suffix.lower() == ".pdf"]
    for path in _pdfs(paths):
        if path.suffix.lower() != ".pdf":
            reports.extend(read_outcomes(path))
    reports.extend(_read_pdfs(pdfs))
    return reports


def _read_pdfs(pdfs: list[Path]) -> list[Any]:
    from lineofsight.ofsted.pdf import read_pdfs

    progress = Console(stderr=True)
    return list(track(read_pdfs(pdfs), "Reading reports", total=len(pdfs), console=progress, disable=len(pdfs) < 3))


def _grades(judgements: dict[str, str]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in judgements.items())


def read(paths: list[Path], format: FORMAT = "table") -> None:
    """Read Ofsted report PDFs (files or folders): council, framework, dates and every judgement."""
    reports = _read_pdfs(_pdfs(paths))
    if format == "json":
        typer.echo(json.dumps([r.as_json() for r in reports], indent=2))
        return
    table = Table("file", "council", "framework", "kind", "on site", "published", "judgements", "complete")
    for r in reports:
        period = f"{r.inspection_start} to {r.inspection_end}"
        complete = "yes" if r.complete else "no: " + ", ".join(r.missing or ["dates or council"])
        table.add_row(Path(r.source_file).name, r.council, r.framework, r.kind, period, str(r.published),
                      _grades(r.judgements), complete)  # fmt: skip
    out.print(table)


def import_(paths: list[Path], db: DB = "lineofsight.duckdb") -> None:
    """Import reports (PDFs or folders of them), an official outcomes release (.ods) or the scraped CSV."""
    from lineofsight.ofsted.history import import_reports

    with _store(db) as store:
        result = import_reports(store, _read_all(paths))
    out.print(
        f"{result.inspections} inspection records, {result.judgements} judgements imported; "
        f"{result.matched} joined an inspection another source already gave; {len(result.rejected)} rejected"
    )
    for line in result.rejected:
        out.print(f"  rejected: {line}", highlight=False)


def query(
    at: Annotated[str, typer.Option("--at", help="Date, YYYY-MM-DD")],
    all_outstanding: Annotated[
        bool, typer.Option("--all-outstanding", help="Only councils outstanding in every judgement")
    ] = False,
    region: Annotated[str | None, typer.Option("--region")] = None,
    db: DB = "lineofsight.duckdb",
    format: FORMAT = "table",
) -> None:
    """Each council's most recent graded inspection published on or before a date."""
    from lineofsight.ofsted.history import standing_at

    with _store(db) as store:
        rows = standing_at(store, _day(at), region=region, all_outstanding=all_outstanding)
    _print_rows(rows, format)


def history(council: str, db: DB = "lineofsight.duckdb", format: FORMAT = "table") -> None:
    """A council's inspection history (name, DfE code, ONS code or URN), newest first, with each row's sources."""
    from lineofsight.benchmark.councils import CouncilIndex
    from lineofsight.ofsted.history import inspections

    with _store(db) as store:
        found = CouncilIndex(store).find(urn=council, ons_code=council, name=council)
        found = found or next((c for c in CouncilIndex(store).all if c.la_code == council), None)
        if found is None:
            raise UserError(f"no council {council!r} in the store's council lookup")
        rows = inspections(store, found.la_code)
    _print_rows(rows, format)


def _print_rows(rows: list[dict[str, Any]], format: str) -> None:
    if format == "json":
        typer.echo(json.dumps(rows, indent=2, default=str))
        return
    table = Table("council", "region", "framework", "kind", "started", "published", "judgements", "from")
    for r in rows:
        table.add_row(r["council"], r["region"], r["framework"], r["kind"], str(r["inspection_start"]),
                      str(r["published"]), _grades(r["judgements"]), r["judgement_source"] or r["sources"])  # fmt: skip
    out.print(table)
    out.print(f"{len(rows)} rows")


def reference_import(
    path: Annotated[
        Path | None,
        typer.Argument(help="A folder of official downloads, a bundle, or la_lookup.csv; the shipped bundle if none"),
    ] = None,
    db: DB = "lineofsight.duckdb",
) -> None:
    """Import the public reference data: the bundle shipped with lineofsight, or the official downloads in a folder
    laid out like shared/reference (la_lookup.csv, dfe/, ofsted/, la_district_boundaries.geojson)."""
    from lineofsight.benchmark.councils import import_lookup

    with _store(db) as store:
        if path is not None and path.is_file():
            out.print(f"{import_lookup(store, path)} councils imported from {path}")
            return
        done = import_reference(store, path)
    out.print(f"Imported from {path or 'the shipped bundle'}: " + ", ".join(done), highlight=False)


def import_reference(store: Any, path: Path | None) -> list[str]:
    """The shipped bundle (path None), another bundle, or a folder of official downloads; what came in, in words."""
    from lineofsight.reference.bundle import BUNDLE, MANIFEST, import_bundle
    from lineofsight.reference.sources import import_sources

    if path is None or (path / MANIFEST).exists():
        return import_bundle(store, path or BUNDLE)
    if not path.is_dir():
        raise UserError(f"{path}: no such file or folder")
    imported = import_sources(store, path, _tracked)
    return imported.done + [f"{len(imported.rejected)} Ofsted rows not placed"] * bool(imported.rejected)


def _tracked(items: Any, total: int) -> Any:
    return track(items, "Reading Ofsted reports", total=total, console=Console(stderr=True), disable=total < 3)


def reference_update(
    folder: Annotated[
        Path, typer.Argument(help="Folder of newly downloaded official files, laid out like shared/reference")
    ],
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Where to write the bundle (default: the one lineofsight ships)")
    ] = None,
) -> None:
    """Rebuild the reference bundle from the official downloads: read every file with lineofsight's own readers,
    keep what they read as Parquet, and list each source's size and SHA-256 in MANIFEST.json."""
    from lineofsight.reference.bundle import BUNDLE, write_bundle
    from lineofsight.reference.sources import import_sources
    from lineofsight.store import Store

    target = out_dir or BUNDLE
    with Store() as store:
        imported = import_sources(store, folder, _tracked)
        rows = write_bundle(store, imported.reports, folder, target)
    size = sum(f.stat().st_size for f in target.iterdir())
    out.print(
        f"{target}: {', '.join(f'{n} {t}' for t, n in rows.items())} rows; {size / 2**20:.1f} MB", highlight=False
    )
    for line in imported.rejected:
        out.print(f"  not placed: {line}", highlight=False)


def benchmark_import(folder: Path, db: DB = "lineofsight.duckdb") -> None:
    """Import the DfE's published council, regional and England figures (explore education statistics CSVs)."""
    from lineofsight.benchmark.published import import_published

    with _store(db) as store:
        counts = import_published(store, folder)
    for indicator_id, n in counts.items():
        out.print(f"{indicator_id}: {n} published figures")


def benchmark_show(
    indicator: Annotated[str, typer.Option("--indicator")],
    council: Annotated[str, typer.Option("--council", help="DfE LA code")],
    year: Annotated[int, typer.Option("--year")],
    value: Annotated[float | None, typer.Option("--value", help="The council's figure (default: as published)")] = None,
    db: DB = "lineofsight.duckdb",
    format: FORMAT = "table",
) -> None:
    """One council's figure against England, region and statistical neighbours, with quartile and RAG rating."""
    from dataclasses import asdict

    from lineofsight.benchmark.compare import compare, rag

    with _store(db) as store:
        if value is None:
            rows = store.query(
                "SELECT value FROM benchmark_value WHERE indicator_id = ? AND collection_year = ? AND area_code = ?"
                " AND level = 'Local authority'",
                [indicator, year, council],
            )
            value = rows[0][0] if rows else None
        comparison = compare(store, indicator, council, year, value)
    rating = rag(indicator, value, comparison)
    result = {**asdict(comparison), "rag": rating.colour, "rule": rating.rule}
    if format == "json":
        typer.echo(json.dumps(result, indent=2))
        return
    for key, item in result.items():
        out.print(f"{key}: {item}", highlight=False)


def benchmark_map(
    out_file: Annotated[Path, typer.Option("--out", help="HTML page to write (map and table)")],
    boundaries: Annotated[Path | None, typer.Option("--boundaries", help="District boundaries GeoJSON")] = None,
    lookup: Annotated[Path | None, typer.Option("--lookup", help="LTLA-UTLA lookup CSV")] = None,
    indicator: Annotated[str | None, typer.Option("--indicator", help="Colour by this indicator's quartile")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Collection year of the indicator")] = None,
    at: Annotated[str | None, typer.Option("--at", help="Ofsted grades at this date (default today)")] = None,
    db: DB = "lineofsight.duckdb",
) -> None:
    """Write a map of England's councils coloured by latest Ofsted grade (or an indicator), with a table beside it.
    The map comes from --boundaries and --lookup, or from the store (`lineofsight reference map`)."""
    import jinja2

    from lineofsight.benchmark import maps

    geography = maps.load_geography(boundaries, lookup) if boundaries and lookup else None
    with _store(db) as store:
        page = maps.council_map(store, geography, indicator, year, _day(at) if at else None)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("lineofsight", "web/templates"), autoescape=jinja2.select_autoescape()
    )
    html = env.get_template("ofsted/map_file.html").render(
        title=page.title, svg=page.result.svg, rows=page.result.rows, columns=page.columns, note=page.note
    )
    out_file.write_text(html, encoding="utf-8")
    out.print(f"{out_file}: {len(page.result.rows)} councils, map {len(page.result.svg) // 1024} KB")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"{text!r}: expected a date as YYYY-MM-DD") from exc


def map_import(
    boundaries: Annotated[Path, typer.Option("--boundaries", help="District boundaries GeoJSON (LAD23CD)")],
    lookup: Annotated[Path, typer.Option("--lookup", help="LTLA-UTLA lookup CSV")],
    db: DB = "lineofsight.duckdb",
) -> None:
    """Simplify England's council map once and keep it in the store for the dashboard."""
    from lineofsight.benchmark import maps

    geography = maps.load_geography(boundaries, lookup)
    with _store(db) as store:
        n = maps.save_geography(store, geography, str(boundaries))
    out.print(f"{n} councils' map areas kept in the store")


def deprivation_import(path: Path, db: DB = "lineofsight.duckdb") -> None:
    """Import the IMD for upper-tier councils (MHCLG 'File 11' CSV) to show beside the Ofsted map."""
    from lineofsight.benchmark.deprivation import import_imd

    with _store(db) as store:
        n = import_imd(store, path)
    out.print(f"{n} councils' deprivation imported from {path}")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
    ofsted = typer.Typer(help="Ofsted inspections: read reports, import history, ask what was true at a date.")
    ofsted.command("read")(read)
    ofsted.command("import")(import_)
    ofsted.command("query")(query)
    ofsted.command("history")(history)
    app.add_typer(ofsted, name="ofsted")
    reference = typer.Typer(help="Reference data about councils.")
    reference.command("import")(reference_import)
    reference.command("update")(reference_update)
    app.add_typer(reference, name="reference")
    benchmark = typer.Typer(help="Benchmarks: England, region, statistical neighbours, quartile.")
    benchmark.command("import")(benchmark_import)
    benchmark.command("show")(benchmark_show)
    benchmark.command("map")(benchmark_map)
    reference.command("imd")(deprivation_import)
    reference.command("map")(map_import)
    app.add_typer(benchmark, name="benchmark")
