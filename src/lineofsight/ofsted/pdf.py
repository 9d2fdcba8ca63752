"""Reading an Ofsted report PDF with pypdf: the front pages always, later pages only when needed."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError

from lineofsight.errors import UserError
from lineofsight.ofsted.report import Report, lscb_judgement, main_findings_2012, read_front

FRONT_PAGES = 3
T = TypeVar("T")
_URN_DIR = re.compile(r"^(\d{5,8})_")


def read_pdf(path: Path) -> Report:
    """Read one report. The URN comes from a folder named '<urn>_<council>' when there is one (reports do not
    print it); otherwise the importer finds it from the council's name."""
    try:
        reader = PdfReader(path)
        pages = reader.pages
        front = "\n".join(_text(pages[i]) for i in range(min(FRONT_PAGES, len(pages))))
    except (PdfReadError, OSError, ValueError) as exc:
        raise UserError(f"{path}: not a readable PDF ({exc})") from exc
    report = read_front(front, path.name)
    report.source_file = str(path)
    if m := _URN_DIR.match(path.parent.name):
        report.urn = m.group(1)
    if report.framework == "sif" and report.lscb_reviewed and "lscb" not in report.judgements:
        grade = _search_back(pages, lscb_judgement)
        if grade:
            report.judgements["lscb"] = grade
    elif report.framework == "safeguarding_2012":
        found = _search_back(pages, lambda t: main_findings_2012(t) or None, span=2)
        report.judgements.update(found or {})
    if report.framework is None:
        report.problems.append("not a report of a framework lineofsight knows (2012, SIF or ILACS)")
    return report


def _text(page: PageObject) -> str:
    return page.extract_text() or ""


def _search_back(pages: Sequence[PageObject], find: Callable[[str], T | None], span: int = 1) -> T | None:
    """Search pages from the end (the LSCB section and the 2012 findings sit near the end), `span` pages at a
    time so a table that runs over a page break is read whole."""
    for i in range(len(pages) - 1, FRONT_PAGES - 1, -1):
        text = "\n".join(_text(pages[j]) for j in range(i, min(i + span, len(pages))))
        result = find(text)
        if result:
            return result
    return None


def read_pdfs(paths: Sequence[Path], workers: int | None = None) -> Iterator[Report]:
    """Read many reports in order, in up to two processes (pypdf is pure Python, so threads would not help)."""
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    if workers <= 1 or len(paths) < 4:
        yield from (read_pdf(p) for p in paths)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(read_pdf, paths, chunksize=4)
