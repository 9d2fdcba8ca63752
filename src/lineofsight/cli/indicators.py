"""Commands `indicators` (the figures) and `children` (the audited list behind one figure)."""

from __future__ import annotations

import csv
import getpass
import io
import json
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from lineofsight.cli.progress import STDERR
from lineofsight.errors import UserError
from lineofsight.qa.csvio import FORMULA_START
from lineofsight.store import DB_HELP, Store, exists, open_store


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _open(db: str) -> Store:
    if not exists(db):
        raise UserError(f"{db}: no such store file. Load a return first (lineofsight load) or check the path.")
    return open_store(db)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
    app.command("indicators")(indicators_command)
    app.command("children")(children_command)


def indicators_command(
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = "lineofsight.duckdb",
    council: Annotated[str | None, typer.Option("--council", help="DfE three-digit LA code")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Collection year, e.g. 2026 for 2025/26")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, json, csv (or markdown with --list)")] = Format.table,
    list_: Annotated[bool, typer.Option("--list", help="List the indicators and their definitions, then stop")] = False,
) -> None:
    """Compute every indicator for the loaded councils and years."""
    from lineofsight.indicators import compute

    if list_:
        _print_catalogue(fmt)
        return
    if fmt is Format.markdown:
        raise UserError(
            "--format markdown is for the indicator reference: lineofsight indicators --list --format markdown"
        )
    store = _open(db)
    with STDERR.status("computing every indicator", spinner="dots"):
        results = compute(store, council, year)
    rows = [r.as_dict() for r in results]
    if fmt is Format.json:
        typer.echo(json.dumps(rows, indent=2))
    elif fmt is Format.csv:
        typer.echo(_csv(rows, ["id", "title", "council", "period", "numerator", "denominator", "value", "unit"]))
    else:
        table = Table("Council", "Year", "Indicator", "Value", "Numerator", "Denominator")
        for r in results:
            table.add_row(
                r.council, str(r.period), r.title, _show(r.value, r.unit), _num(r.numerator), _num(r.denominator)
            )
        Console().print(table)


def _print_catalogue(fmt: Format) -> None:
    from lineofsight.indicators import catalogue, docs

    if fmt is Format.markdown:
        typer.echo(docs.markdown(), nl=False)
        return

    rows = [
        {
            "id": i.id,
            "title": i.title,
            "area": i.area.label,
            "unit": i.unit,
            "polarity": i.polarity,
            "numerator": i.numerator,
            "denominator": i.denominator,
            "cohort": i.cohort,
            "period": i.period,
            "source": i.source,
            "choices": list(i.choices),
        }
        for i in catalogue()
    ]
    if fmt is Format.json:
        typer.echo(json.dumps(rows, indent=2))
    elif fmt is Format.csv:
        typer.echo(_csv(rows, ["id", "title", "area", "unit", "polarity", "numerator", "denominator", "source"]))
    else:
        table = Table("Id", "Title", "Area", "Unit", "Better")
        for r in rows:
            table.add_row(str(r["id"]), str(r["title"]), str(r["area"]), str(r["unit"]), str(r["polarity"] or "-"))
        Console().print(table)


def children_command(
    indicator: Annotated[str, typer.Option("--indicator", help="Indicator id, e.g. cin.assessments_45wd")],
    db: Annotated[str, typer.Option("--db", help=DB_HELP)] = "lineofsight.duckdb",
    council: Annotated[str | None, typer.Option("--council", help="DfE three-digit LA code")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Collection year, e.g. 2026")] = None,
    user: Annotated[str | None, typer.Option("--user", help="Your name for the audit log (default: OS user)")] = None,
    purpose: Annotated[str, typer.Option("--purpose", help="Why you are looking (written to the audit log)")] = "",
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv")] = Format.table,
) -> None:
    """Print the children (or workers) behind one figure. Every use is written to the audit log."""
    from lineofsight.indicators import children, get

    definition = get(indicator)
    if fmt is Format.markdown:
        raise UserError("--format markdown is for the indicator reference; use table, json or csv here")
    store = _open(db)
    council, year = _one_council_year(store, council, year)
    members = children(store, definition.id, council, year, user or _os_user(), purpose)
    rows = [
        {
            "member": m.child_id,
            "in_numerator": m.in_numerator,
            "in_denominator": m.in_denominator,
            "value": m.value,
            **{k: _plain(v) for k, v in m.detail.items()},
        }
        for m in members
    ]
    if fmt is Format.json:
        typer.echo(json.dumps(rows, indent=2))
    elif fmt is Format.csv:
        typer.echo(_csv(rows, list(rows[0]) if rows else ["member"]))
    else:
        kind = "Worker" if definition.member_kind == "worker" else "Child"
        extra = list(rows[0])[4:] if rows else []
        table = Table(kind, "Numerator", "Denominator", "Value", *extra, title=f"{definition.title}: {council} {year}")
        for r in rows:
            table.add_row(*(_cell(v) for v in r.values()))
        Console().print(table)


def _one_council_year(store: Store, council: str | None, year: int | None) -> tuple[str, int]:
    councils = store.councils()
    if council is None:
        if len(councils) != 1:
            raise UserError(f"The store holds {len(councils)} councils: choose one with --council.")
        council = councils[0]
    if year is None:
        years = store.years(council)
        if not years:
            raise UserError(f"Nothing is loaded for council {council}.")
        year = years[-1]
    return str(council), int(year)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError) as exc:  # no login name in some containers
        raise UserError("Cannot tell who you are for the audit log: pass --user NAME.") from exc


def _plain(v: object) -> object:
    return v if v is None or isinstance(v, bool | int | float | str) else str(v)


def _cell(v: object) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    return "" if v is None else str(v)


def _show(value: float | None, unit: str) -> str:
    if value is None:
        return "no data"
    if unit == "percent":
        return f"{value:.1f}%"
    return f"{value:.1f}"


def _num(v: float) -> str:
    return f"{v:g}"


def _guarded(value: object) -> object:
    """Text a spreadsheet would run as a formula goes behind an apostrophe, as in the dashboard's exports."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _csv(rows: Sequence[Mapping[str, object]], fields: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _guarded(v) for k, v in row.items()} for row in rows)
    return out.getvalue().rstrip("\n")
