"""The validators councils already use, run rule by rule on a return's files.

csc-validator-be-903 (package `lac_validator`) and csc-validator-be-cin (`cin_validator`),
from PyPI, are test-only dependencies. Each rule runs on its own deep copy of the data:
the 903 validator's own loop copies the data store shallowly, so one rule's changes to a
table leak into the rules after it. A rule that raises is recorded as crashed, not as
passed (the 903 rules 231 and 233 read UASC_STATUS and DATE_EPISODE_CEASED, columns its
reader only makes from XML, so they raise on CSV input).

The result for each rule code is the set of children it flags; a flag on the return as a
whole (no child) is the child RETURN.
"""

from __future__ import annotations

import contextlib
import copy
import importlib
import io
import logging
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lineofsight.generate.councils import DFE_TO_ONS
from lineofsight.generate.run import SSDA903_FILES

RETURN = "<return>"  # a flag on the return as a whole, not on one child


@dataclass
class PeerRun:
    flagged: dict[str, set[str]] = field(default_factory=dict)  # rule code -> children flagged
    ran: set[str] = field(default_factory=set)  # rule codes run to the end (with or without flags)
    crashed: dict[str, str] = field(default_factory=dict)  # rule code -> exception


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The peers log every rule and print data frames; keep the test output readable."""
    logging.disable(logging.CRITICAL)
    try:
        with (
            contextlib.redirect_stdout(io.StringIO()),
            contextlib.redirect_stderr(io.StringIO()),
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(logging.NOTSET)


def ruleset_903(year: int) -> dict[str, Any]:
    """The peer's 903 rules for collection year `year` (2026 = 2025/26)."""
    with _quiet():
        return dict(importlib.import_module(f"lac_validator.rules.lac{year - 1}_{year % 100}").registry)


def ruleset_cin(year: int) -> dict[str, Any]:
    with _quiet():
        return dict(importlib.import_module(f"cin_validator.rules.cin{year - 1}_{year % 100}").registry)


def _903_files(folder: Path, description: str) -> list[dict[str, Any]]:
    return [
        {"name": name, "file_content": (folder / name).read_bytes(), "description": description}
        for name in SSDA903_FILES
        if (folder / name).exists()
    ]


def run_903(folder: Path, year: int, la_code: str, previous: Path | None = None) -> PeerRun:
    """Every peer 903 rule of `year` on the CSV files in `folder` (and last year's in `previous`)."""
    with _quiet():
        from lac_validator.datastore import create_datastore
        from lac_validator.ingress import read_from_text

        files = _903_files(folder, "This year") + (_903_files(previous, "Prev year") if previous else [])
        tables, extras = read_from_text(files)
        metadata = {"collectionYear": str(year), "localAuthority": DFE_TO_ONS[la_code], **extras}
        store = create_datastore(tables, metadata)
        out = PeerRun()
        for code, rule in ruleset_903(year).items():
            try:
                result = rule.func(copy.deepcopy(store))
            except Exception as exc:
                out.crashed[code] = f"{type(exc).__name__}: {exc}"
                continue
            out.ran.add(code)
            children: set[str] = set()
            for table, rows in result.items():
                frame = store[table]
                children.update(str(frame.loc[r, "CHILD"]) for r in rows if r in frame.index)
            if children:
                out.flagged[code] = children
        return out


def run_cin(xml: Path, year: int) -> PeerRun:
    """Every peer CIN rule of `year` on a CIN census XML file."""
    with _quiet():
        from cin_validator import cin_validator
        from cin_validator.rule_engine import RuleContext

        tables = cin_validator.process_data(cin_validator.convert_data(ET.parse(xml).getroot()))
        keyed = cin_validator.enum_keys(tables)
        out = PeerRun()
        for code, rule in ruleset_cin(year).items():
            context = RuleContext(rule)
            try:
                rule.func(copy.deepcopy(keyed), context)
            except Exception as exc:
                out.crashed[code] = f"{type(exc).__name__}: {exc}"
                continue
            out.ran.add(code)
            children = _cin_children(context, tables)
            if children:
                out.flagged[code] = children
        return out


def _cin_children(context: Any, tables: dict[str, Any]) -> set[str]:
    """The children behind a CIN rule's issue locations (tables_affected, ROW_ID); Header is the return."""
    children: set[str] = set()
    if len(context.la_level_issues):
        children.add(RETURN)
    for issues in (
        context.type_zero_issues,
        context.type_one_issues,
        context.type_two_issues,
        context.type_three_issues,
    ):
        if not len(issues):
            continue
        for table, row in zip(issues["tables_affected"], issues["ROW_ID"], strict=True):
            if table == "Header":
                children.add(RETURN)
            else:
                children.add(str(tables[table].iloc[int(row)]["LAchildID"]))
    return children
