"""`lineofsight spec`: the DfE specification of one collection year, from the model's declarations."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from lineofsight.cli.validate import parse_year
from lineofsight.errors import UserError
from lineofsight.model.sources import code_lists_in, documents, tables_in
from lineofsight.validate.rules import ruleset


def register(app: typer.Typer) -> None:
    app.command()(spec)


def year_spec(year: int, dataset: str) -> dict[str, Any]:
    """The documents, tables and fields, code lists and rule count of one return in one collection year."""
    return {
        "dataset": dataset,
        "collection_year": f"{year - 1}/{year % 100:02d}",
        "documents": [
            s.cite() for kind in ("guide", "validation rules") for s in documents(dataset, kind, (year, year))
        ],
        "tables": {name: [c.source for c in cols if c.source] for name, cols in tables_in(year, dataset).items()},
        "code_lists": code_lists_in(year, dataset),
        "rules": len(ruleset(year, dataset)),
    }


def spec(
    year: Annotated[str, typer.Option("--year", help="Collection year, e.g. 2025/26")] = "2025/26",
    dataset: Annotated[str, typer.Option("--dataset", help="ssda903 (default) or cin")] = "ssda903",
    output: Annotated[str, typer.Option("--format", help="text (default) or json")] = "text",
) -> None:
    """The DfE documents, fields and code lists of a return in a collection year (codes change by year)."""
    if dataset not in ("ssda903", "cin"):
        raise UserError(f"--dataset {dataset}: use ssda903 or cin")
    if output not in ("text", "json"):
        raise UserError(f"--format {output}: use text or json")
    collection = parse_year(year)
    assert collection is not None
    found = year_spec(collection, dataset)
    if output == "json":
        sys.stdout.write(json.dumps(found, indent=1) + "\n")
        return
    lines = [f"{dataset} {found['collection_year']}: {found['rules']} rules", *found["documents"], ""]
    lines += [f"{name}: {', '.join(fields)}" for name, fields in found["tables"].items()]
    lines += [""] + [f"{name}: {', '.join(codes)}" for name, codes in found["code_lists"].items()]
    sys.stdout.write("\n".join(lines) + "\n")
