"""The rule registry: every module in this package declares `RULES`, collected here.

Modules are discovered, not listed, so a new module (say next year's additions)
joins the ruleset without editing this file. A year's ruleset is the rules whose
years include it: next year's changes are additions and retirements.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from functools import cache

from lineofsight.validate.rule import Rule

# Modules that failed to import: name -> error. The engine reports them as not run.
BROKEN: dict[str, str] = {}


@cache
def all_rules() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        try:
            imported = importlib.import_module(f"{__name__}.{module.name}")
        except Exception as exc:  # a rule module in progress must not stop every other rule
            BROKEN[module.name] = f"{type(exc).__name__}: {exc}"
            continue
        found.extend(getattr(imported, "RULES", ()))
    return tuple(found)


def ruleset(year: int, dataset: str | None = None) -> list[Rule]:
    """The rules that apply to collection year `year` (2026 = 2025/26), optionally of one dataset."""
    return [r for r in all_rules() if r.applies_to(year) and (dataset is None or r.dataset == dataset)]


def version(year: int, dataset: str | None = None) -> str:
    """A label naming the year and the exact set of rules, e.g. '2025/26-r1+3fa2c1d0'."""
    codes = sorted(f"{r.dataset}:{r.code}" for r in ruleset(year, dataset))
    digest = hashlib.sha256("\n".join(codes).encode()).hexdigest()[:8]
    return f"{year - 1}/{year % 100:02d}-r1+{digest}"
