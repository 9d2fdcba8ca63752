"""Council reference data: codes, Ofsted URN, region, statistical neighbours and population, from the LA lookup."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from lineofsight.errors import UserError
from lineofsight.model.reference import COUNCIL
from lineofsight.store import Store


def import_lookup(store: Store, path: Path) -> int:
    """Replace the council table with the lookup's rows (la_lookup.csv layout: columns named by COUNCIL.source)."""
    sources = {c.source: c for c in COUNCIL.columns if c.source}
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [s for s, c in sources.items() if c.required and s not in (reader.fieldnames or [])]
            if missing:
                raise UserError(f"{path}: not a council lookup: no column {', '.join(missing)}")
            rows = list(reader)
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read ({exc})") from exc
    columns: dict[str, list[object]] = {c.name: [] for c in COUNCIL.columns}
    for number, row in enumerate(rows, start=2):
        for source, column in sources.items():
            value: object = (row.get(source) or "").strip() or None
            if column.required and value is None:
                raise UserError(f"{path} row {number}: {source} is blank; every council needs one")
            if column.name == "statistical_neighbours" and value:
                value = ",".join(re.split(r"\s*,\s*", str(value)))
            if column.name == "population_0_25" and value:
                value = int(float(str(value)))
            columns[column.name].append(value)
        columns["source_file"].append(str(path))
    with store.transaction() as con:
        con.execute("DELETE FROM council")
        store.insert_columns(COUNCIL, columns)
    return len(rows)


@dataclass(frozen=True)
class Council:
    la_code: str
    ons_code: str
    urn: str | None
    name: str
    region: str | None
    statistical_neighbours: tuple[str, ...]


def councils(store: Store) -> list[Council]:
    rows = store.query("SELECT la_code, ons_code, urn, name, region, statistical_neighbours FROM council ORDER BY name")
    return [Council(r[0], r[1], r[2], r[3], r[4], tuple(filter(None, (r[5] or "").split(",")))) for r in rows]


def display_name(store: Store, la_code: str) -> str:
    """'North Lincolnshire (813)' once the council lookup is imported, else 'Council 813'."""
    rows = store.query("SELECT name FROM council WHERE la_code = ?", [la_code])
    return f"{rows[0][0]} ({la_code})" if rows and rows[0][0] else f"Council {la_code}"


def name_key(name: str) -> str:
    """'London Borough of Barking and Dagenham' and 'barking & dagenham' -> 'barking and dagenham'."""
    text = name.lower().replace("&", " and ").replace("'", "").replace(",", " ")
    text = re.sub(r"\b(the|council|county|city of|city|metropolitan|district|borough|london|royal|of)\b", " ", text)
    text = re.sub(r"\b(children.?s services|local authority)\b", " ", text)
    return re.sub(r"[^a-z]+", " ", text).strip()


class CouncilIndex:
    """Find a council by DfE code, ONS code, URN or name as a report prints it."""

    def __init__(self, store: Store) -> None:
        self.all = councils(store)
        self.by_code: dict[str, Council] = {}
        for c in self.all:
            for key in (c.la_code, c.ons_code, c.urn, name_key(c.name)):
                if key:
                    self.by_code.setdefault(key, c)

    def find(self, *, urn: str | None = None, ons_code: str | None = None, name: str | None = None) -> Council | None:
        for key in (urn, ons_code, name_key(name) if name else None):
            if key and key in self.by_code:
                return self.by_code[key]
        if name:  # 'Hull' for 'Kingston upon Hull', 'Bristol City of' for 'Bristol'
            wanted = set(name_key(name).split())
            hits = [c for c in self.all if wanted and wanted <= set(name_key(c.name).split())]
            if len(hits) == 1:
                return hits[0]
        return None
