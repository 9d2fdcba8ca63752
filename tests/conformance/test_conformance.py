"""lineofsight against the validators councils already use, on the same files.

Generated returns for two collection years (2025/26 and 2026/27), the second also with
every kind of fault in mutations.py planted, go through lineofsight and through
csc-validator-be-903 / csc-validator-be-cin rule by rule. Any rule where the two flag
different children must be in ledger.toml with a verdict and the DfE text behind it;
every rule code either validator has must be implemented by lineofsight or listed there.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from lineofsight.generate.run import Plan, generate

from . import compare
from .mutations import MUTATIONS, mutate

LA = "813"
YEARS = (2026, 2027)  # 2025/26 and 2026/27
PLAN = Plan(seed=5, population=9_000, councils=1, years=2, first_year=YEARS[0])
# Verdicts that explain a difference the suite still sees.
STILL_DIFFERENT = {compare.LINEOFSIGHT_RIGHT, compare.BEING_FIXED, compare.UNRESOLVED}
# Planted faults no DfE rule of either validator reports, and why.
NO_RULE = {
    "review_before_care": "neither validator has a rule for a review dated before the child's care began",
    "cin_invalid_primary_need": "neither validator checks PrimaryNeedCode against its code list (the DfE's CIN "
    "rule set has no such rule; the schema's enumeration is enforced by the DfE's upload, not by a rule)",
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[compare.Outcome], dict[str, str]]:
    out = tmp_path_factory.mktemp("conformance")
    first, second = generate(out / "generated", PLAN)
    planted = mutate(second, YEARS[1], out / "mutated" / second.name)
    outcomes = [
        compare.both("clean 2025/26", first, YEARS[0], LA),
        compare.both("clean 2026/27", second, YEARS[1], LA, previous=first),
        compare.both("mutated 2026/27", out / "mutated" / second.name, YEARS[1], LA, previous=first),
    ]
    return outcomes, planted


def _describe(outcome: compare.Outcome, key: compare.Key, planted: dict[str, str]) -> str:
    names = {child: name for name, child in planted.items()}
    mine, theirs = outcome.differences()[key]
    show = lambda cs: sorted(names.get(c, c) for c in cs)[:5]  # noqa: E731
    return f"{outcome.case} {key}: only lineofsight {show(mine)}, only the peer {show(theirs)}"


def test_every_difference_is_in_the_ledger(run: tuple[list[compare.Outcome], dict[str, str]]) -> None:
    outcomes, planted = run
    ledger = compare.ledger()
    unexplained = [
        _describe(o, key, planted)
        for o in outcomes
        for key in sorted(o.differences())
        if key not in ledger or ledger[key].verdict not in STILL_DIFFERENT
    ]
    assert unexplained == []


def test_ledger_differences_are_still_there(run: tuple[list[compare.Outcome], dict[str, str]]) -> None:
    """A difference the ledger explains must still be seen, or the entry is stale (rules only lineofsight
    has are listed for that reason, not for a difference)."""
    outcomes, _ = run
    seen = {key for o in outcomes for key in o.differences()}
    both = {k for y in YEARS for k in compare.peer_codes(y) & compare.our_codes(y)}
    stale = [
        key
        for key, e in compare.ledger().items()
        if e.verdict in {compare.LINEOFSIGHT_RIGHT, compare.UNRESOLVED} and key in both and key not in seen
    ]
    assert stale == []


def test_the_readme_gives_the_counts(run: tuple[list[compare.Outcome], dict[str, str]]) -> None:
    """The README's figures are this run's (one definition: compare.counts)."""
    c = compare.counts(run[0])
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    line = (
        f"{c.compared} rules compared, {c.agreeing} agreeing, {c.explained} differing and explained by the ledger; "
        f"{c.not_implementable} DfE rules not implementable, {c.not_yet} not yet implemented; "
        f"{c.peer_crashes} peer rules crash on some of the input"
    )
    assert line in " ".join(readme.split()), line


def test_rules_fixed_after_a_difference_now_agree(run: tuple[list[compare.Outcome], dict[str, str]]) -> None:
    outcomes, _ = run
    fixed = {k for k, e in compare.ledger().items() if e.verdict == compare.PEER_RIGHT_FIXED}
    assert [(o.case, k) for o in outcomes for k in o.differences() if k in fixed] == []


def test_peer_rules_that_crash_are_listed(run: tuple[list[compare.Outcome], dict[str, str]]) -> None:
    outcomes, _ = run
    listed = compare.crashes()
    assert sorted({k for o in outcomes for k in o.crashed} - listed) == []


def test_every_planted_fault_is_reported(run: tuple[list[compare.Outcome], dict[str, str]]) -> None:
    outcomes, planted = run
    assert len(planted) >= 40
    mutated = outcomes[-1]
    missed = [name for name, child in planted.items() if not any(child in cs for cs in mutated.ours.values())]
    assert sorted(missed) == sorted(NO_RULE)
    assert {m.__name__ for m in MUTATIONS} >= set(NO_RULE)


@pytest.mark.parametrize("year", YEARS)
def test_rules_only_lineofsight_has_are_listed(year: int) -> None:
    """A rule the peers do not have (retired by the DfE, or never a DfE rule) needs a reason to stay."""
    ledger = compare.ledger()
    assert sorted(k for k in compare.our_codes(year) - compare.peer_codes(year) if k not in ledger) == []


@pytest.mark.parametrize("year", YEARS)
def test_every_dfe_rule_is_implemented_or_listed(year: int) -> None:
    ledger = compare.ledger()
    missing = compare.peer_codes(year) - compare.our_codes(year)
    unlisted = sorted(
        k for k in missing if k not in ledger or ledger[k].verdict not in {compare.NOT_IMPLEMENTABLE, compare.NOT_YET}
    )
    assert unlisted == []
    # A rule the ledger calls missing that lineofsight now implements must leave the list.
    done = sorted(
        k
        for k, e in ledger.items()
        if e.verdict in {compare.NOT_IMPLEMENTABLE, compare.NOT_YET} and k in compare.our_codes(year)
    )
    assert done == []


def test_ledger_is_well_formed() -> None:
    data = tomllib.loads(compare.LEDGER.read_text(encoding="utf-8"))
    for entry in data["rule"]:
        assert entry["dfe"].strip(), entry["code"]
    assert Path(compare.LEDGER).exists()
