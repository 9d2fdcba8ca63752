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
from lineofsight.ofsted.outcomes import GRADES, SCRAPED_COLUMNS, read_official, read_scraped
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
    _against_official(reports)


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


def _against_official(reports: list[Report]) -> None:
    """ILACS readings against Ofsted's official statistics (ILACS history sheet), matched on ONS code and start."""
    release = REFERENCE.parent / "dfe" / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
    lookup = REFERENCE.parent / "la_lookup.csv"
    if not release.exists() or not lookup.exists():
        return
    with lookup.open(newline="", encoding="utf-8-sig") as handle:
        ons = {r["urn"]: r["la_code_new"] for r in csv.DictReader(handle)}
    official = {(r.ons_code, r.inspection_start): r for r in read_official(release) if r.kind in ("short", "standard")}
    matched = agree = 0
    for r in reports:
        row = official.get((ons.get(r.urn or ""), r.inspection_start))
        if row is None:
            continue
        matched += 1
        differences = [
            f"{key}: official {grade}, report {r.judgements.get(key)}"
            for key, grade in row.judgements.items()
            if r.judgements.get(key) != grade
        ]
        if row.kind != r.kind:
            differences.append(f"kind: official {row.kind}, report {r.kind}")
        if row.published != r.published:
            differences.append(f"published: official {row.published}, report {r.published} ({r.published_from})")
        agree += not differences
        for d in differences:
            print(f"  official vs report {Path(r.source_file).parent.name} {r.inspection_start}: {d}")
    print(
        f"ofsted_read vs Ofsted's official ILACS history (to March 2025): {matched} reports matched, {agree} agree on "
        "every judgement, kind and publication date"
    )
    _scraper_against_official(official, ons)


def _scraper_against_official(official: dict[tuple[str | None, dt.date | None], Report], ons: dict[str, str]) -> None:
    """The scraper's own errors: all its rows (not only the 158 reports here) against the official statistics."""
    matched = 0
    errors: list[str] = []
    for row in read_scraped(REFERENCE / "ilacs_history_scraped.csv"):
        truth = official.get((ons.get(row.urn or ""), row.inspection_start))
        if truth is None:
            continue
        matched += 1
        for key, grade in truth.judgements.items():
            if row.judgements.get(key) != grade:
                errors.append(
                    f"{row.council} {row.inspection_start} {key}: scraped {row.judgements.get(key)}, official {grade}"
                )
        if row.kind != truth.kind:
            errors.append(f"{row.council} {row.inspection_start} kind: scraped {row.kind}, official {truth.kind}")
    print(f"scraped CSV vs official ILACS history: {matched} rows matched, {len(errors)} disagreements")
    for line in errors:
        print(f"  {line}")
