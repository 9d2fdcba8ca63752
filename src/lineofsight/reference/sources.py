"""Reading the official downloads into a store, each with the product's own reader.

The folder is laid out as the DfE, ONS and Ofsted publish the files (see shared/reference/README.md):
- la_lookup.csv: councils, codes, URNs, regions, statistical neighbours (benchmark.councils);
- dfe/*.csv: the DfE's published council, regional and England figures and the ONS 0-17 mid-year estimates
  (benchmark.published);
- dfe/LA_Inspection_Outcomes*.ods: Ofsted's official outcomes; ofsted/reports/**/*.pdf: the reports, read by
  ofsted.pdf; ofsted/ilacs_history_scraped.csv: a scraper's reading, kept as the lowest-precedence source
  (ofsted.history keeps every source and shows the report's own judgements first);
- la_district_boundaries.geojson with dfe/LTLA-UTLA*.csv: the council map, simplified once (benchmark.maps).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lineofsight.errors import UserError
from lineofsight.ofsted.report import Report
from lineofsight.store import Store

LOOKUP = "la_lookup.csv"
DFE = "dfe"
OFFICIAL = "LA_Inspection_Outcomes*.ods"
REPORTS = Path("ofsted") / "reports"
SCRAPED = Path("ofsted") / "ilacs_history_scraped.csv"
BOUNDARIES = "la_district_boundaries.geojson"
DISTRICTS_TO_COUNCILS = "LTLA-UTLA*.csv"


@dataclass
class Imported:
    """What one import brought in, in words for the command line, and the Ofsted rows it could not place."""

    done: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)  # every Ofsted source's rows, as read


def read_reports(
    folder: Path, track: Callable[[Iterable[Report], int], Iterable[Report]] | None = None
) -> list[Report]:
    """Every Ofsted source in the folder, most trusted first: the reports, the official release, the scrape."""
    from lineofsight.ofsted.outcomes import read_official, read_scraped
    from lineofsight.ofsted.pdf import read_pdfs

    pdfs = sorted((folder / REPORTS).rglob("*.pdf")) if (folder / REPORTS).is_dir() else []
    read = read_pdfs(pdfs)
    reports = [r for r in (track(read, len(pdfs)) if track else read) if r.framework]
    for official in sorted((folder / DFE).glob(OFFICIAL)):
        reports += read_official(official)
    if (folder / SCRAPED).exists():
        reports += read_scraped(folder / SCRAPED)
    return reports


def import_sources(
    store: Store, folder: Path, track: Callable[[Iterable[Report], int], Iterable[Report]] | None = None
) -> Imported:
    """Import every official file the folder holds; a folder with none of them is an error."""
    from lineofsight.benchmark.councils import import_lookup
    from lineofsight.benchmark.maps import load_geography, save_geography
    from lineofsight.benchmark.published import import_published
    from lineofsight.ofsted.history import import_reports

    if not (folder / LOOKUP).exists():
        raise UserError(f"{folder}: no {LOOKUP} (the council lookup every other file is joined to)")
    result = Imported([f"{import_lookup(store, folder / LOOKUP)} councils"])
    if (folder / DFE).is_dir():
        counts = import_published(store, folder / DFE)
        result.done.append(f"{sum(counts.values())} published DfE figures of {len(counts)} indicators")
        result.done.append(f"{store.count('area_population')} ONS population estimates")
    result.reports = read_reports(folder, track)
    if result.reports:
        ofsted = import_reports(store, result.reports)
        result.done.append(f"{ofsted.inspections} Ofsted inspection records")
        result.rejected += ofsted.rejected
    lookups = sorted((folder / DFE).glob(DISTRICTS_TO_COUNCILS))
    if (folder / BOUNDARIES).exists() and lookups:
        geography = load_geography(folder / BOUNDARIES, lookups[0])
        result.done.append(f"the map of {save_geography(store, geography, str(folder / BOUNDARIES))} councils")
    return result
