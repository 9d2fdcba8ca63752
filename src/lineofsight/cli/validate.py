"""`lineofsight validate`: check returns against the DfE rules and report every issue."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from lineofsight.errors import UserError
from lineofsight.validate import ValidationReport, validate_paths
from lineofsight.validate.engine import previous_year_missing
from lineofsight.validate.export import write_json, write_report
from lineofsight.validate.rules import ruleset, version

SHOWN_ISSUES = 50
console = Console()


def register(app: typer.Typer) -> None:
    """Add `validate` and `rules` to the main app."""
    app.command()(validate)
    app.command()(rules)


def parse_year(text: str | None) -> int | None:
    """'2025/26', '2025-26' or '2026' -> 2026 (the year the collection ends)."""
    if text is None:
        return None
    if match := re.fullmatch(r"(\d{4})[/-](\d{2})", text.strip()):
        first, second = int(match[1]), int(match[2])
        if (first + 1) % 100 != second:
            raise UserError(f"--year {text}: the two years must follow each other, e.g. 2025/26")
        return first + 1
    if re.fullmatch(r"\d{4}", text.strip()) and 2000 <= int(text) <= 2100:
        return int(text)
    raise UserError(f"--year {text}: give the collection year as 2025/26 (or 2026)")


def validate(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of one council's return")],
    year: Annotated[str | None, typer.Option("--year", help="Collection year, e.g. 2025/26")] = None,
    council: Annotated[
        str | None, typer.Option("--council", help="Three-digit LA code, if the files do not say")
    ] = None,
    report_file: Annotated[
        Path | None, typer.Option("--report", help="Write every issue to FILE.xlsx, .csv, .html or .json")
    ] = None,
    output: Annotated[str, typer.Option("--format", help="text (default) or json")] = "text",
    previous: Annotated[
        list[Path] | None,
        typer.Option("--previous", help="The council's return for the year before, for the rules comparing years"),
    ] = None,
) -> None:
    """Validate an SSDA903 return or CIN census against the DfE rules for its collection year."""
    if output not in ("text", "json"):
        raise UserError(f"--format {output}: use text or json")
    if council is not None and not (council.isdigit() and len(council) == 3):
        raise UserError(f"--council {council!r}: an LA code is three digits, e.g. 681")
    missing = [str(p) for p in [*paths, *(previous or [])] if not p.exists()]
    if missing:
        raise UserError("no such file or folder: " + ", ".join(missing))
    with console.status("validating", spinner="dots") if output == "text" else _quiet():
        report = validate_paths(paths, parse_year(year), council, previous=previous or ())
    if report_file is not None:
        write_report(report, report_file)
    if output == "json":
        write_json(report, sys.stdout)
    else:
        show(report, report_file)


class _quiet:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def show(report: ValidationReport, report_file: Path | None) -> None:
    console.print(
        f"Council {report.council}, collection year {report.year}: ruleset {report.ruleset}, "
        f"{report.rules_run} rules run"
    )
    rows = RichTable("File", "Table", "Read", "Loaded", "Rejected", title="Rows read = loaded + rejected")
    for c in report.counts:
        rows.add_row(c.file, c.table, str(c.read), str(c.loaded), str(c.rejected))
    console.print(rows)
    unanswered = previous_year_missing(report.year) if report.year else None
    for n in report.not_run:
        if n.error != unanswered:
            console.print(f"[red]not run[/red] {n.rule} ({n.table}): {n.error}", highlight=False)
    skipped = [n.rule for n in report.not_run if n.error == unanswered]
    if skipped:
        console.print(
            f"[yellow]not run[/yellow] {len(skipped)} rules comparing with last year ({', '.join(skipped)}): "
            f"{unanswered}; give it with --previous",
            highlight=False,
        )
    rules = RichTable("Rule", "Severity", "Issues", "Children", "Message", title="Issues by rule")
    for r in report.rule_summary():
        rules.add_row(r["rule"], r["severity"], str(r["issues"]), str(r["children"]), r["message"])
    console.print(rules)
    issues = RichTable("Child", "Table", "Row", "Rule", "Values", "Message", title="Issues")
    for i in report.issues[:SHOWN_ISSUES]:
        values = "; ".join(f"{f}={v if v is not None else ''}" for f, v in zip(i.fields, i.values, strict=False))
        issues.add_row(i.child or "", i.table or "", str(i.row or ""), i.rule, values, i.message)
    console.print(issues)
    more = report.issue_count - SHOWN_ISSUES
    tail = f"; {more} more in the report" if more > 0 and report_file else (f"; {more} more" if more > 0 else "")
    console.print(f"{report.issue_count} issues ({report.errors} errors){tail}")
    if report_file:
        console.print(f"Report written to {report_file}")


def rules(
    year: Annotated[str, typer.Option("--year", help="Collection year, e.g. 2025/26")] = "2025/26",
    dataset: Annotated[str | None, typer.Option("--dataset", help="ssda903 or cin (default: both)")] = None,
    output: Annotated[str, typer.Option("--format", help="table (default), markdown or json")] = "table",
) -> None:
    """List the DfE rules of a collection year: code, error or query, table, fields and message."""
    if dataset not in (None, "ssda903", "cin"):
        raise UserError(f"--dataset {dataset}: use ssda903 or cin")
    collection = parse_year(year)
    assert collection is not None
    found = ruleset(collection, dataset)
    rows = [(r.dataset, r.code, str(r.severity), r.table, ", ".join(r.fields), r.message) for r in found]
    if output == "json":
        keys = ("dataset", "code", "severity", "table", "fields", "message")
        sys.stdout.write(json.dumps([dict(zip(keys, row, strict=True)) for row in rows], indent=1) + "\n")
    elif output == "markdown":
        sys.stdout.write(f"Ruleset {version(collection, dataset)}: {len(rows)} rules\n\n")
        sys.stdout.write("| Dataset | Code | Severity | Table | Fields | Message |\n|---|---|---|---|---|---|\n")
        for row in rows:
            sys.stdout.write("| " + " | ".join(v.replace("|", "/") for v in row) + " |\n")
    elif output == "table":
        table = RichTable(
            "Dataset",
            "Code",
            "Severity",
            "Table",
            "Fields",
            "Message",
            title=f"Ruleset {version(collection, dataset)}: {len(rows)} rules",
        )
        for row in rows:
            table.add_row(*row)
        console.print(table)
    else:
        raise UserError(f"--format {output}: use table, markdown or json")
