"""Every council's published figure for one indicator and year, ranked best first, with England, the council's region
and its statistical neighbours beside it.

The year shown is the one asked for or, until the DfE publishes it, the latest earlier year it has (as
`compare` does). Ranks follow the indicator's polarity (1 = best); councils with equal figures share a rank
(1, 2, 2, 4). An indicator with no better direction is listed highest first with no rank. Councils whose figure
the DfE suppressed are listed last, unranked.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from lineofsight.indicators.catalogue import get
from lineofsight.indicators.indicator import Indicator
from lineofsight.store import Store

ENGLAND = "E92000001"


@dataclass(frozen=True)
class Place:
    rank: int | None
    la_code: str
    name: str  # 'North Lincolnshire (813)'
    region: str
    value: float | None  # None: suppressed by the DfE
    own: bool  # the council the page is about
    neighbour: int | None  # 1-10: its place among the council's statistical neighbours (nearest first)


@dataclass(frozen=True)
class Ranking:
    indicator: Indicator
    council: str
    year: int
    published_year: int | None  # None: nothing published for the indicator up to this year
    places: list[Place]
    england: float | None
    region_name: str | None
    region: float | None
    neighbours: float | None  # median of the neighbours' published figures, as the DfE's dashboard gives it
    neighbours_with_values: int

    @property
    def own(self) -> Place | None:
        return next((p for p in self.places if p.own), None)

    @property
    def ranked(self) -> int:
        return sum(1 for p in self.places if p.value is not None)


def _published_year(store: Store, indicator_id: str, year: int) -> int | None:
    rows = store.query(
        "SELECT max(collection_year) FROM benchmark_value WHERE indicator_id = ? AND collection_year <= ?"
        " AND value IS NOT NULL",
        [indicator_id, year],
    )
    return int(rows[0][0]) if rows and rows[0][0] is not None else None


def ranking(store: Store, indicator_id: str, council: str, year: int) -> Ranking:
    indicator = get(indicator_id)
    used = _published_year(store, indicator_id, year)
    rows = store.query(
        "SELECT b.level, b.area_code, coalesce(c.name, b.area_name), coalesce(c.region, ''), b.value"
        " FROM benchmark_value b LEFT JOIN council c ON b.level = 'Local authority' AND c.la_code = b.area_code"
        " WHERE b.indicator_id = ? AND b.collection_year = ?",
        [indicator_id, used],
    )
    mine = store.query("SELECT region_code, region, statistical_neighbours FROM council WHERE la_code = ?", [council])
    region_code, region_name, neighbour_text = mine[0] if mine else (None, None, "")
    neighbours = [n for n in (neighbour_text or "").split(",") if n]
    areas = {code: value for level, code, _, _, value in rows if level != "Local authority"}
    councils = [r for r in rows if r[0] == "Local authority"]
    places = _rank(councils, indicator, council, neighbours)
    values = {p.la_code: p.value for p in places if p.value is not None}
    near = [values[n] for n in neighbours if n in values]
    return Ranking(
        indicator=indicator,
        council=council,
        year=year,
        published_year=used,
        places=places,
        england=_number(areas.get(ENGLAND)),
        region_name=region_name,
        region=_number(areas.get(region_code or "")),
        neighbours=statistics.median(near) if near else None,
        neighbours_with_values=len(near),
    )


def _number(value: object) -> float | None:
    return None if value is None else float(str(value))


def _rank(rows: list[tuple[object, ...]], indicator: Indicator, council: str, neighbours: list[str]) -> list[Place]:
    known = [r for r in rows if r[4] is not None]
    higher_first = indicator.polarity != "lower"
    known.sort(key=lambda r: (-float(str(r[4])) if higher_first else float(str(r[4])), str(r[2])))
    suppressed = sorted((r for r in rows if r[4] is None), key=lambda r: str(r[2]))
    places: list[Place] = []
    for position, r in enumerate([*known, *suppressed], start=1):
        value = _number(r[4])
        rank = None
        if value is not None and indicator.polarity is not None:
            same = places[-1] if places and places[-1].value == value else None
            rank = same.rank if same else position
        code = str(r[1])
        places.append(
            Place(
                rank=rank,
                la_code=code,
                name=f"{r[2]} ({code})",
                region=str(r[3]),
                value=value,
                own=code == council,
                neighbour=neighbours.index(code) + 1 if code in neighbours else None,
            )
        )
    return places
