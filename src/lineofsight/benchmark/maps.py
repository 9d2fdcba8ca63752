"""An SVG map of England's councils, coloured by Ofsted grade or by an indicator's quartile, with a table beside it.

Councils with children's services are upper-tier: each is drawn as the union of
its districts (ONS LTLA -> UTLA lookup). Coordinates are projected onto a
600-pixel-wide canvas and rounded to whole pixels, dropping repeated points:
this keeps the SVG small, and because neighbouring districts round their shared
border identically, edges drawn twice inside one council are interior and are
left out of its outline.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Any

from lineofsight.benchmark.councils import name_key
from lineofsight.calendar import day_label, year_label
from lineofsight.errors import UserError
from lineofsight.model.reference import MAP_AREA
from lineofsight.report.charts import fmt
from lineofsight.store import Store

WIDTH = 600
WEST, EAST, SOUTH, NORTH = -6.5, 2.0, 49.8, 55.9  # England's extent in degrees
X_SCALE = WIDTH / ((EAST - WEST) * math.cos(math.radians(52.8)))
HEIGHT = round((NORTH - SOUTH) * X_SCALE)
GREY = "#d9d9d9"
GRADE_COLOURS = {
    "outstanding": "#1a9641",
    "good": "#a6d96a",
    "requires_improvement": "#fdae61",
    "adequate": "#fdae61",
    "inadequate": "#d7191c",
}
QUARTILE_COLOURS = {1: "#1a9641", 2: "#a6d96a", 3: "#fdae61", 4: "#d7191c"}

Point = tuple[int, int]
Ring = list[Point]


@dataclass(frozen=True)
class Geography:
    """District rings grouped by upper-tier council (ONS code), with the council's name."""

    rings: dict[str, list[Ring]]
    names: dict[str, str]


@dataclass(frozen=True)
class Shade:
    """What a council is coloured by: its colour, the label for the table and tooltip, and any extra columns."""

    colour: str
    label: str
    extra: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class MapResult:
    svg: str
    rows: list[dict[str, Any]]


def _project(lon: float, lat: float) -> Point:
    x = (lon - WEST) * math.cos(math.radians(52.8)) * X_SCALE
    return round(x), round((NORTH - lat) * X_SCALE)


def _ring(coordinates: Iterable[list[float]]) -> Ring:
    ring: Ring = []
    for lon, lat, *_ in coordinates:
        point = _project(lon, lat)
        if not ring or ring[-1] != point:
            ring.append(point)
    return ring


def load_geography(boundaries: Path, lookup: Path) -> Geography:
    """Districts from the boundaries GeoJSON (LAD23CD), grouped into councils by the LTLA-UTLA lookup CSV."""
    try:
        with lookup.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
        features = json.loads(boundaries.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError) as exc:
        raise UserError(f"cannot read the map files {boundaries} and {lookup} ({exc})") from exc
    upper = {r["LTLA23CD"]: r["UTLA23CD"] for r in rows if "LTLA23CD" in r}
    names = {r["UTLA23CD"]: r["UTLA23NM"] for r in rows if "UTLA23CD" in r}
    if not upper:
        raise UserError(f"{lookup}: not an LTLA-UTLA lookup (no LTLA23CD, UTLA23CD columns)")
    rings: dict[str, list[Ring]] = {}
    for feature in features:
        code = feature["properties"].get("LAD23CD", "")
        if not code.startswith("E") or code not in upper:
            continue  # Wales and Scotland have no English children's services
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            for coordinates in polygon:
                ring = _ring(coordinates)
                if len(ring) >= 3:
                    rings.setdefault(upper[code], []).append(ring)
    return Geography(rings, names)


def save_geography(store: Store, geography: Geography, source: str) -> int:
    """Keep the simplified map in the store, so the dashboard can draw it without the boundary files."""
    codes = sorted(geography.rings)
    with store.transaction() as con:
        con.execute("DELETE FROM map_area")
        store.insert_columns(
            MAP_AREA,
            {
                "ons_code": codes,
                "name": [geography.names.get(c, c) for c in codes],
                "rings": [json.dumps(geography.rings[c], separators=(",", ":")) for c in codes],
                "source_file": [source] * len(codes),
            },
        )
    return len(codes)


def stored_geography(store: Store) -> Geography:
    rows = store.query("SELECT ons_code, name, rings FROM map_area")
    if not rows:
        raise UserError("no map in the store: run `lineofsight reference map --boundaries FILE --lookup FILE` first")
    rings = {code: [[(int(x), int(y)) for x, y in ring] for ring in json.loads(text)] for code, _, text in rows}
    return Geography(rings, {code: name for code, name, _ in rows})


def _line(points: Ring) -> str:
    """'M x y l dx dy ...': moves relative to the previous point are shorter to write than positions."""
    (x0, y0), steps = points[0], pairwise(points)
    return f"M{x0} {y0}l" + " ".join(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in steps)


def _path(rings: list[Ring]) -> str:
    return "".join(_line(ring) + "z" for ring in rings)


def _outline(rings: list[Ring]) -> str:
    """The council's outer border: the ring edges that are not shared by two of its own districts."""
    edges: Counter[frozenset[Point]] = Counter()
    for ring in rings:
        for a, b in zip(ring, [*ring[1:], ring[0]], strict=True):
            edges[frozenset((a, b))] += 1
    parts: list[str] = []
    for ring in rings:
        run: list[Point] = []
        for a, b in zip(ring, [*ring[1:], ring[0]], strict=True):
            if edges[frozenset((a, b))] == 1:
                run = run or [a]
                run.append(b)
            elif run:
                parts.append(_line(run))
                run = []
        if run:
            parts.append(_line(run))
    return "".join(parts)


def render(geography: Geography, shades: Mapping[str, Shade], title: str, legend: Mapping[str, str]) -> MapResult:
    """Pure: the SVG and one table row per council (ONS code, name, label, extra columns), sorted by name."""
    paths: list[str] = []
    rows: list[dict[str, Any]] = []
    for code in sorted(geography.rings, key=lambda c: geography.names.get(c, c)):
        name = geography.names.get(code, code)
        shade = shades.get(code, Shade(GREY, "no data"))
        rings = geography.rings[code]
        paths.append(
            f'<g data-code="{escape(code)}"><title>{escape(name)}: {escape(shade.label)}</title>'
            f'<path d="{_path(rings)}" fill="{shade.colour}" stroke="none"/>'
            f'<path d="{_outline(rings)}" fill="none" stroke="#ffffff" stroke-width="0.6"/></g>'
        )
        rows.append({"ons_code": code, "council": name, "value": shade.label, **(shade.extra or {})})
    keys = "".join(
        f'<rect x="10" y="{20 + 18 * i}" width="12" height="12" fill="{colour}"/>'
        f'<text x="28" y="{30 + 18 * i}" font-size="11">{escape(label)}</text>'
        for i, (label, colour) in enumerate(legend.items())
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{''.join(paths)}<g>{keys}</g></svg>"
    )
    return MapResult(svg, rows)


def map_codes(geography: Geography, councils: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """DfE LA code -> the map's council code, by ONS code or else by name (ONS codes of a few councils changed
    between the lookup and the boundaries, e.g. Barnsley and Sheffield)."""
    by_name = {name_key(name): code for code, name in geography.names.items() if code in geography.rings}
    found: dict[str, str] = {}
    for la_code, ons_code, name in councils:
        code = ons_code if ons_code in geography.rings else by_name.get(name_key(name))
        if code:
            found[la_code] = code
    return found


def with_deprivation(shades: dict[str, Shade], imd_rank: Mapping[str, int | None]) -> dict[str, Shade]:
    """Add each council's IMD rank (1 = most deprived) to its table row, when the user has imported the IMD."""
    return {
        code: Shade(s.colour, s.label, {**(s.extra or {}), "imd_rank": imd_rank.get(code)})
        for code, s in shades.items()
    }


def grade_shades(latest: Iterable[Mapping[str, Any]], ons_codes: Mapping[str, str]) -> dict[str, Shade]:
    """Colour by the overall effectiveness grade of each council's latest graded inspection (`history.standing_at`
    rows); reports after the 2026 reform give no overall grade and are shown grey with a note."""
    shades: dict[str, Shade] = {}
    for row in latest:
        code = ons_codes.get(row["la_code"])
        if not code:
            continue
        grade = row["judgements"].get("overall_effectiveness")
        label = grade.replace("_", " ") if grade else "no overall grade (reformed framework)"
        extra = {"published": day_label(row["published"]), "framework": row["framework"], "kind": row["kind"]}
        shades[code] = Shade(GRADE_COLOURS.get(grade or "", GREY), label, extra)
    return shades


def quartile_shades(values: Mapping[str, float | None], polarity: str | None) -> dict[str, Shade]:
    """Colour councils (ONS code -> value) by quartile among themselves, 1 = best; grey without a direction."""
    known = {c: v for c, v in values.items() if v is not None}
    shades: dict[str, Shade] = {}
    for code, value in known.items():
        if polarity is None:
            shades[code] = Shade("#9ecae1", fmt(value))
            continue
        better = sum(1 for o in known.values() if (o > value if polarity == "higher" else o < value))
        q = min(4, 1 + (4 * better) // len(known))
        shades[code] = Shade(QUARTILE_COLOURS[q], fmt(value), {"quartile": q})
    return shades


GRADE_LEGEND = {label.replace("_", " "): colour for label, colour in GRADE_COLOURS.items() if label != "adequate"}
QUARTILE_LEGEND = {f"quartile {q}" + (" (best)" if q == 1 else ""): c for q, c in QUARTILE_COLOURS.items()}


@dataclass(frozen=True)
class CouncilMap:
    title: str
    note: str
    result: MapResult

    @property
    def columns(self) -> list[str]:
        return list(dict.fromkeys(k for row in self.result.rows for k in row if k not in ("ons_code", "la_code")))


def council_map(
    store: Store,
    geography: Geography | None = None,
    indicator_id: str | None = None,
    year: int | None = None,
    at: dt.date | None = None,
) -> CouncilMap:
    """The map of England's councils by latest Ofsted grade at a date, or by an indicator's published quartile."""
    from lineofsight.indicators.catalogue import get
    from lineofsight.ofsted.history import standing_at

    geography = geography or stored_geography(store)
    codes = map_codes(geography, store.query("SELECT la_code, ons_code, name FROM council"))
    if not codes:
        raise UserError("no councils in the store: run `lineofsight reference import la_lookup.csv` first")
    if indicator_id:
        indicator = get(indicator_id)
        if year is None:
            raise UserError("an indicator map needs a collection year")
        rows = store.query(
            "SELECT area_code, value FROM benchmark_value WHERE indicator_id = ? AND collection_year = ?"
            " AND level = 'Local authority'",
            [indicator_id, year],
        )
        shades = quartile_shades({codes[c]: v for c, v in rows if c in codes}, indicator.polarity)
        title, legend = f"{indicator.title}, {year_label(year)}: quartile among councils", QUARTILE_LEGEND
    else:
        day = at or dt.date.today()
        shades = grade_shades(standing_at(store, day), codes)
        title, legend = f"Ofsted overall effectiveness at {day_label(day)}", GRADE_LEGEND
    imd = dict(store.query("SELECT ons_code, imd_rank FROM deprivation"))
    if imd:
        shades = with_deprivation(shades, imd)
    note = "IMD rank: 1 is the most deprived council." if imd else "Import the IMD to show deprivation beside it."
    result = render(geography, shades, title, legend)
    la_codes = {ons: la for la, ons in codes.items()}
    for row in result.rows:  # 'North Lincolnshire (813)', as every page names a council, linked by its DfE code
        if row["ons_code"] in la_codes:
            row["la_code"] = la_codes[row["ons_code"]]
            row["council"] = f"{row['council']} ({row['la_code']})"
    return CouncilMap(title, note, result)
