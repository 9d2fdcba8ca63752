"""The generated returns pass the DfE's validation rules, as a council's clean return would.

A clean real return still carries a few queries about work open at 31 March; those
are the only issues allowed here. Every other rule, error or query, must not fire,
including the rules comparing a return with the council's return for the year before.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lineofsight.generate.run import Plan, generate
from lineofsight.validate.engine import previous_year_missing, validate_paths

PLAN = Plan(seed=11, population=15_000, councils=2, years=4)
# Queries a clean return raises for work still under way at 31 March.
OPEN_WORK_QUERIES = {
    "8670Q",  # an assessment begun more than 45 working days before 31 March, not yet authorised
    "8675Q",  # a section 47 enquiry begun more than 15 working days before 31 March, conference not yet held
    "2991Q",  # a section 47 enquiry this year after an assessment authorised last year
}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("valid"), PLAN)


def test_every_return_passes_the_dfe_rules(folders: list[Path]) -> None:
    assert len(folders) == PLAN.councils * PLAN.years
    named = {folder.name: folder for folder in folders}  # <LA>_<year>
    for folder in folders:
        la_code, year = folder.name.split("_")
        before = named.get(f"{la_code}_{int(year) - 1}")
        report = validate_paths([folder], previous=[before] if before else ())
        # The first year generated has no year before it to compare with.
        unanswered = None if before else previous_year_missing(int(year))
        assert [n for n in report.not_run if n.error != unanswered] == [], folder.name
        assert report.rules_run > 300
        unexpected = Counter(i.rule for i in report.issues if i.rule not in OPEN_WORK_QUERIES)
        assert unexpected == Counter(), folder.name
        open_work = sum(1 for i in report.issues if i.rule in OPEN_WORK_QUERIES)
        assert open_work < report.rows_loaded / 200, folder.name  # a handful, not a pattern
