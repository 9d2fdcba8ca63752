"""What validation produces: issues, the rules that could not run, and summaries.

The CLI, the report files and the web data-quality page all render this.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from lineofsight.formats.result import TableCount


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
    council: str | None
    year: int | None
    ruleset: str
    counts: list[TableCount] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    not_run: list[NotRun] = field(default_factory=list)
    rules_run: int = 0
    messages: dict[str, str] = field(default_factory=dict)  # rule code -> DfE message, for rules run

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
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity == "error")

    def rule_summary(self) -> list[dict[str, Any]]:
        """Per rule: how many issues and children, most frequent first."""
        issues: Counter[str] = Counter()
        children: dict[str, set[str]] = defaultdict(set)
        first: dict[str, Issue] = {}
        for i in self.issues:
            issues[i.rule] += 1
            first.setdefault(i.rule, i)
            if i.child:
                children[i.rule].add(i.child)
        return [
            {
                "rule": code,
                "severity": first[code].severity,
                "issues": n,
                "children": len(children[code]),
                "message": self.messages.get(code, first[code].message),
            }
            for code, n in sorted(issues.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

    def child_summary(self) -> list[dict[str, Any]]:
        """Per child: errors, queries and the rules broken."""
        rows: dict[str, dict[str, Any]] = {}
        for i in self.issues:
            if not i.child:
                continue
            row = rows.setdefault(i.child, {"child": i.child, "errors": 0, "queries": 0, "rules": set()})
            row["errors" if i.severity == "error" else "queries"] += 1
            row["rules"].add(i.rule)
        out = sorted(rows.values(), key=lambda r: (-r["errors"], -r["queries"], r["child"]))
        return [{**r, "rules": ", ".join(sorted(r["rules"]))} for r in out]

    def to_dict(self) -> dict[str, Any]:
        return {
            "council": self.council,
            "year": self.year,
            "ruleset": self.ruleset,
            "rows_read": self.rows_read,
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "tables": [asdict(c) for c in self.counts],
            "issues": [
                {
                    "file": i.file,
                    "table": i.table,
                    "row": i.row,
                    "child": i.child,
                    "rule": i.rule,
                    "severity": i.severity,
                    "fields": list(i.fields),
                    "values": list(i.values),
                    "message": i.message,
                }
                for i in self.issues
            ],
            "rule_summary": self.rule_summary(),
            "child_summary": self.child_summary(),
            "not_run": [asdict(n) for n in self.not_run],
            "rules_run": self.rules_run,
        }
