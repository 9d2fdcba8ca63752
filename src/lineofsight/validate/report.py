"""What validation produces: issues, the rules that could not run, and summaries.

The CLI, the report files and the web data-quality page all render this.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lineofsight.formats.result import TableCount

if TYPE_CHECKING:
    from lineofsight.validate.log import IssueLog


@dataclass(frozen=True)
class Issue:
    """One rule broken by one row of one file."""

    file: str
    table: str | None
    row: int | None
    child: str | None
    rule: str
    severity: str
    fields: tuple[str, ...]
    values: tuple[str | None, ...]
    message: str


@dataclass(frozen=True)
class NotRun:
    """A rule whose query failed: reported, never hidden."""

    rule: str
    table: str
    error: str


@dataclass
class ValidationReport:
    """The outcome of one validation. Every issue is in `log`, on disk; `issues` holds the first
    SAMPLE of them in report order, and the counts (`issue_count`, `errors`, `rule_summary`) are exact."""

    council: str | None
    year: int | None
    ruleset: str
    counts: list[TableCount] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # the first issues only: see issue_count
    not_run: list[NotRun] = field(default_factory=list)
    rules_run: int = 0
    messages: dict[str, str] = field(default_factory=dict)  # rule code -> DfE message, for rules run
    log: IssueLog = field(default_factory=lambda: _new_log(), repr=False)
    issue_count: int = 0
    errors: int = 0
    _rules: list[tuple[str, str, int, int, str]] = field(default_factory=list, repr=False)

    def refresh(self) -> None:
        """Read the counts and the sample back from the log, after the engine has written to it."""
        self.issue_count, self.errors = self.log.totals()
        self.issues = self.log.sample()
        self._rules = self.log.rule_counts()

    @property
    def rows_read(self) -> int:
        return sum(c.read for c in self.counts)

    @property
    def rows_loaded(self) -> int:
        return sum(c.loaded for c in self.counts)

    @property
    def rows_rejected(self) -> int:
        return sum(c.rejected for c in self.counts)

    @property
    def queries(self) -> int:
        return self.issue_count - self.errors

    @property
    def sampled(self) -> bool:
        """Whether `issues` is only the first part of the issues (the report files hold them all)."""
        return len(self.issues) < self.issue_count

    def all_issues(self) -> Iterator[Issue]:
        """Every issue in report order, streamed from disk."""
        return self.log.rows()

    def rule_summary(self) -> list[dict[str, Any]]:
        """Per rule: how many issues and children, most frequent first (exact, whatever the sample)."""
        return [
            {
                "rule": code,
                "severity": severity,
                "issues": n,
                "children": children,
                "message": self.messages.get(code, message),
            }
            for code, severity, n, children, message in self._rules
        ]

    def child_summary(self) -> Iterator[dict[str, Any]]:
        """Per child: errors, queries and the rules broken, most errors first; streamed."""
        for child, errors, queries, rules in self.log.children():
            yield {"child": child, "errors": errors, "queries": queries, "rules": rules}


def _new_log() -> IssueLog:
    from lineofsight.validate.log import IssueLog  # the log builds Issues: imported here to avoid a cycle

    return IssueLog()
