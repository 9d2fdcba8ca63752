"""lineofsight and the peer validators on the same files, rule code by rule code.

A rule agrees on a return when both flag the same children (RETURN for a flag on the
return as a whole). The ledger (ledger.toml) names every rule where they differ, with the
verdict and the DfE text behind it.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lineofsight.model import TABLES
from lineofsight.validate import rules
from lineofsight.validate.engine import validate_paths

from . import peers
from .mutations import CIN_FILE

DATASETS = ("ssda903", "cin")
LEDGER = Path(__file__).with_name("ledger.toml")
Key = tuple[str, str]  # (dataset, rule code)

# Verdicts a ledger entry may give.
LINEOFSIGHT_RIGHT = "lineofsight right"  # they differ; the DfE text supports lineofsight
PEER_RIGHT_FIXED = "peer right, fixed"  # they differed, lineofsight was fixed: they must now agree
NOT_IMPLEMENTABLE = "not implementable"  # a DfE rule lineofsight cannot check, and why
NOT_YET = "not yet implemented"  # a DfE rule lineofsight could check but does not yet
BEING_FIXED = "being fixed"  # a known lineofsight defect another change is fixing
UNRESOLVED = "unresolved"  # they differ and the DfE text has not been checked yet
VERDICTS = {LINEOFSIGHT_RIGHT, PEER_RIGHT_FIXED, NOT_IMPLEMENTABLE, NOT_YET, BEING_FIXED, UNRESOLVED}


@dataclass(frozen=True)
class Entry:
    dataset: str
    code: str
    verdict: str
    dfe: str  # the DfE text the verdict rests on
    note: str = ""


def _read() -> dict[str, list[dict[str, str]]]:
    return tomllib.loads(LEDGER.read_text(encoding="utf-8"))


def crashes() -> set[Key]:
    """Peer rules listed as raising on some of the suite's input (they are not compared there)."""
    return {(c["dataset"], c["code"]) for c in _read()["crash"]}


def ledger() -> dict[Key, Entry]:
    entries = _read()["rule"]
    out: dict[Key, Entry] = {}
    for e in entries:
        entry = Entry(**e)
        assert entry.verdict in VERDICTS, f"{entry.code}: unknown verdict {entry.verdict!r}"
        assert (entry.dataset, entry.code) not in out, f"{entry.code} listed twice"
        out[entry.dataset, entry.code] = entry
    return out


@dataclass
class Outcome:
    """Both validators on one return."""

    case: str
    ours: dict[Key, set[str]]
    theirs: dict[Key, set[str]]
    ours_run: set[Key]
    theirs_run: set[Key]
    crashed: dict[Key, str] = field(default_factory=dict)

    def differences(self) -> dict[Key, tuple[set[str], set[str]]]:
        """Rules both run that flag different children: key -> (only ours, only theirs)."""
        out = {}
        for key in self.ours_run & self.theirs_run:
            mine, theirs = self.ours.get(key, set()), self.theirs.get(key, set())
            if mine != theirs:
                out[key] = (mine - theirs, theirs - mine)
        return out


def _dataset(code: str, table: str | None) -> str:
    if table in TABLES:
        return TABLES[table].dataset
    known = {r.dataset for r in rules.all_rules() if r.code == code}
    return known.pop() if len(known) == 1 else "ssda903"


def ours(folder: Path, previous: Path | None) -> tuple[dict[Key, set[str]], set[Key]]:
    report = validate_paths([folder], previous=[previous] if previous else ())
    flagged: dict[Key, set[str]] = defaultdict(set)
    for issue in report.all_issues():
        flagged[_dataset(issue.rule, issue.table), issue.rule].add(issue.child or peers.RETURN)
    not_run = {n.rule for n in report.not_run}
    run = {(r.dataset, r.code) for r in rules.ruleset(report.year) if r.code not in not_run}
    return dict(flagged), run | set(flagged)


def both(case: str, folder: Path, year: int, la_code: str, previous: Path | None = None) -> Outcome:
    mine, mine_run = ours(folder, previous)
    p903 = peers.run_903(folder, year, la_code, previous)
    pcin = peers.run_cin(folder / CIN_FILE, year)
    theirs: dict[Key, set[str]] = {}
    theirs_run: set[Key] = set()
    crashed: dict[Key, str] = {}
    for dataset, run in (("ssda903", p903), ("cin", pcin)):
        theirs.update({(dataset, c): v for c, v in run.flagged.items()})
        theirs_run.update((dataset, c) for c in run.ran)
        crashed.update({(dataset, c): e for c, e in run.crashed.items()})
    return Outcome(case, mine, theirs, mine_run, theirs_run, crashed)


def peer_codes(year: int) -> set[Key]:
    return {("ssda903", c) for c in peers.ruleset_903(year)} | {("cin", c) for c in peers.ruleset_cin(year)}


def our_codes(year: int) -> set[Key]:
    return {(r.dataset, r.code) for r in rules.ruleset(year)}


@dataclass(frozen=True)
class Counts:
    """What the README reports about the comparison."""

    compared: int  # rules both validators have for 2025/26 or 2026/27 and both ran to the end
    agreeing: int  # of those, flagging the same children on every return
    explained: int  # of those, differing on some return, with the ledger's verdict
    not_implementable: int  # DfE rules lineofsight cannot check (ledger)
    not_yet: int  # DfE rules lineofsight does not check yet (ledger)
    peer_crashes: int  # peer rules raising on some of the input (not compared there)


def counts(outcomes: list[Outcome]) -> Counts:
    compared = {k for o in outcomes for k in o.ours_run & o.theirs_run}
    differing = {k for o in outcomes for k in o.differences()}
    verdicts = [e.verdict for e in ledger().values()]
    return Counts(
        compared=len(compared),
        agreeing=len(compared - differing),
        explained=len(differing),
        not_implementable=verdicts.count(NOT_IMPLEMENTABLE),
        not_yet=verdicts.count(NOT_YET),
        peer_crashes=len(crashes()),
    )
