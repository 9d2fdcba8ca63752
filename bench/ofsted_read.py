"""How many of the reference Ofsted reports the reader reads completely, and how it compares with the scraper.

Reads every PDF under ../shared/reference/ofsted/reports, counts complete readings
per framework and kind, then compares dates and grades field by field with
ofsted/ilacs_history_scraped.csv (matched on URN and the report's file name).
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
from pathlib import Path

from bench._measure import timed
from lineofsight.ofsted.outcomes import GRADES, SCRAPED_COLUMNS
from lineofsight.ofsted.pdf import read_pdf
from lineofsight.ofsted.report import Report

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "ofsted"


def _scraped() -> dict[tuple[str, str], dict[str, str]]:
    with (REFERENCE / "ilacs_history_scraped.csv").open(newline="", encoding="utf-8") as handle:
        return {(r["urn"], _file_key(r["pdf_filename"])): r for r in csv.DictReader(handle)}


def _file_key(name: str) -> str:
    return "".join(ch for ch in name.lower().removesuffix(".pdf") if ch.isalnum())


def _compare(report: Report, row: dict[str, str]) -> list[str]:
    """Disagreements between our reading and the scraper's, on the fields both read."""
    differences = []
    ours_dates = {
        "inspection_start_date": report.inspection_start,
        "inspection_end_date": report.inspection_end,
    }
    for column, ours in ours_dates.items():
        theirs = row[column].strip()
        if theirs and ours and dt.datetime.strptime(theirs, "%d/%m/%Y").date() != ours:
            differences.append(f"{column}: scraped {theirs}, report {ours}")
    theirs_published = dt.datetime.strptime(row["publication_date"], "%d/%m/%y").date()
    if report.published and theirs_published != report.published:
        differences.append(
            f"published: scraped {theirs_published}, report {report.published} ({report.published_from})"
        )
    framework = row["inspection_framework"]
    if framework and framework != report.kind and not (report.framework == "sif" and framework == ""):
        differences.append(f"framework: scraped {framework!r}, report {report.kind}")
    for column, key in SCRAPED_COLUMNS.items():
        theirs = GRADES.get(row[column].strip().lower())
        if key == "children_in_care" and "children_in_care_and_care_leavers" in report.judgements:
            key = "children_in_care_and_care_leavers"
        ours = report.judgements.get(key)
        if theirs and theirs != ours:
            differences.append(f"{key}: scraped {theirs}, report {ours}")
    return differences


def main() -> None:
    paths = sorted((REFERENCE / "reports").glob("*/*.pdf"))
    if not paths:
        print("ofsted_read: no reports in ../shared/reference/ofsted/reports; skipped")
        return
    with timed(f"ofsted_read: read {len(paths)} report PDFs"):
        reports = [read_pdf(p) for p in paths]
    totals: collections.Counter[str] = collections.Counter()
    complete: collections.Counter[str] = collections.Counter()
    for r in reports:
        group = f"{r.framework}/{r.kind}" + (
            "+care_leavers" if "care_leavers" in r.judgements and r.framework == "ilacs" else ""
        )
        totals[group] += 1
        complete[group] += r.complete
        if not r.complete:
            print(f"  incomplete: {Path(r.source_file).parent.name}/{Path(r.source_file).name}: missing {r.missing}")
    print(f"ofsted_read: read completely {sum(complete.values())} of {len(reports)}")
    for group in sorted(totals):
        print(f"  {group}: {complete[group]} of {totals[group]}")
    _against_scraper(reports)


def _against_scraper(reports: list[Report]) -> None:
    scraped = _scraped()
    matched = unreadable = agree = 0
    disagreements: list[str] = []
    fields: collections.Counter[str] = collections.Counter()
    for r in reports:
        row = scraped.get((r.urn or "", _file_key(Path(r.source_file).name.replace("_", " "))))
        if row is None:
            continue
        matched += 1
        if row["overall_effectiveness_grade"] in ("data_unreadable", "") and not row["inspection_framework"]:
            unreadable += 1
        differences = _compare(r, row)
        agree += not differences
        fields.update(d.split(":")[0] for d in differences)
        disagreements.extend(f"{Path(r.source_file).parent.name} {r.published}: {d}" for d in differences)
    print(f"ofsted_read vs scraped CSV: {matched} reports matched; scraper left {unreadable} without judgements")
    print(f"  agree on every field both read: {agree}; disagree on at least one: {matched - agree}")
    print(f"  disagreements by field: {dict(fields)}")
    for line in disagreements:
        print(f"  {line}")
