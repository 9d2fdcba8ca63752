"""The reference bundle: what `sources` reads from the official downloads, kept as Parquet files in the package.

One file per table (council, benchmark_value, area_population, map_area) holds the rows exactly as the
importers stored them, file names made relative to the download folder; `ofsted_report` holds what each Ofsted
source says about each inspection (one row per report, official row or scraped row), and is imported through
`ofsted.history.import_reports`, so inspections join the store's own history as any other source would.
MANIFEST.json names every source file with its size and SHA-256, and the rows of each table.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from lineofsight.errors import UserError
from lineofsight.model.reference import AREA_POPULATION, BENCHMARK_VALUE, COUNCIL, MAP_AREA
from lineofsight.model.schema import Table
from lineofsight.ofsted.report import Report
from lineofsight.store import Store

BUNDLE = Path(__file__).parent / "data"
MANIFEST = "MANIFEST.json"
LICENCE = "Open Government Licence v3.0: contains public sector information from the DfE, ONS and Ofsted."
TABLES: tuple[Table, ...] = (COUNCIL, BENCHMARK_VALUE, AREA_POPULATION, MAP_AREA)
REPORT_COLUMNS = {
    "council": "VARCHAR",
    "urn": "VARCHAR",
    "ons_code": "VARCHAR",
    "framework": "VARCHAR",
    "kind": "VARCHAR",
    "inspection_start": "DATE",
    "inspection_end": "DATE",
    "published": "DATE",
    "source": "VARCHAR",
    "source_file": "VARCHAR",
    "source_row": "INTEGER",
    "judgements": "VARCHAR",  # JSON: judgement key -> grade
}
PARQUET = "(FORMAT parquet, COMPRESSION zstd)"


def _relative(text: str | None, folder: Path) -> str | None:
    prefix = str(folder).rstrip("/") + "/"
    return text[len(prefix) :] if text and text.startswith(prefix) else text


def write_bundle(store: Store, reports: list[Report], folder: Path, out: Path) -> dict[str, int]:
    """Write the store's reference tables and the Ofsted sources' rows to `out`; returns rows per file."""
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    prefix = str(folder).rstrip("/") + "/"
    for table in TABLES:
        names = [c.name for c in table.all_columns]
        select = ", ".join(
            f"CASE WHEN starts_with(source_file, $1) THEN substr(source_file, {len(prefix) + 1}) ELSE source_file END"
            " AS source_file"
            if n == "source_file"
            else n
            for n in names
        )
        order = ", ".join(table.key or names[:1])
        target = out / f"{table.name}.parquet"
        store.con.execute(
            f"COPY (SELECT {select} FROM {table.name} ORDER BY {order}) TO '{target}' {PARQUET}", [prefix]
        )
        rows[table.name] = store.count(table.name)
    rows["ofsted_report"] = _write_reports(store, reports, folder, out / "ofsted_report.parquet")
    manifest = {"licence": LICENCE, "rows": rows, "sources": _sources(folder)}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return rows


def _write_reports(store: Store, reports: list[Report], folder: Path, target: Path) -> int:
    columns: dict[str, list[Any]] = {name: [] for name in REPORT_COLUMNS}
    for r in reports:
        for name in REPORT_COLUMNS:
            columns[name].append(getattr(r, name) if name not in ("judgements", "source_file") else None)
        columns["judgements"][-1] = json.dumps(r.judgements, sort_keys=True)
        columns["source_file"][-1] = _relative(r.source_file, folder)
    names = list(REPORT_COLUMNS)
    select = ", ".join(f"unnest(${i + 1})::{REPORT_COLUMNS[n]} AS {n}" for i, n in enumerate(names))
    store.con.execute(f"COPY (SELECT {select}) TO '{target}' {PARQUET}", [columns[n] for n in names])
    return len(reports)


def _sources(folder: Path) -> list[dict[str, Any]]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        found.append({"file": str(path.relative_to(folder)), "bytes": path.stat().st_size, "sha256": digest})
    return found


def import_bundle(store: Store, folder: Path = BUNDLE) -> list[str]:
    """Import a bundle into the store: councils, published figures, population and the map replace what the store
    had; the Ofsted rows join its inspection history. Returns what was imported, in words."""
    if not (folder / MANIFEST).exists():
        raise UserError(
            f"{folder}: not a reference bundle (no {MANIFEST}); build one with `lineofsight reference update`"
        )
    with store.transaction() as con:
        for table in TABLES:
            path = str(folder / f"{table.name}.parquet")
            names = ", ".join(c.name for c in table.all_columns)
            if table is BENCHMARK_VALUE:
                con.execute(
                    "DELETE FROM benchmark_value WHERE indicator_id IN (SELECT indicator_id FROM read_parquet(?))",
                    [path],
                )
            else:
                con.execute(f"DELETE FROM {table.name}")
            con.execute(f"INSERT INTO {table.name} ({names}) SELECT {names} FROM read_parquet(?)", [path])
    reports = read_bundle_reports(store, folder)
    from lineofsight.ofsted.history import import_reports

    ofsted = import_reports(store, reports)
    return [
        f"{store.count('council')} councils",
        f"{store.count('benchmark_value')} published DfE figures",
        f"{store.count('area_population')} ONS population estimates",
        f"{ofsted.inspections} Ofsted inspection records",
        f"the map of {store.count('map_area')} councils",
    ]


def read_bundle_reports(store: Store, folder: Path = BUNDLE) -> list[Report]:
    rows = store.dicts("SELECT * FROM read_parquet(?)", [str(folder / "ofsted_report.parquet")])
    return [Report(**{**row, "judgements": json.loads(row["judgements"])}) for row in rows]


def manifest(folder: Path = BUNDLE) -> dict[str, Any]:
    return dict(json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
