"""The same returns give the same store, figures, children and validation issues on DuckDB and PostgreSQL.

The hand-worked indicator tests run on both stores too (their `any_store` fixture); here a generated
council's two years go through the real loader into each store, and the SSDA903 rules' firing cases
are validated on each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from lineofsight.generate.run import Plan, generate
from lineofsight.indicators import children, compute
from lineofsight.indicators.catalogue import catalogue
from lineofsight.model import TABLES
from lineofsight.model.local import POPULATION
from lineofsight.store import POSTCODE, Store
from lineofsight.store.load import load_paths
from lineofsight.store.postgres import PgStore
from lineofsight.validate import validate_store
from lineofsight.validate.report import ValidationReport
from validate.cases_903 import CASES
from validate.clean_903 import LA, YEAR, clean_return, store_of, with_previous

COUNCIL, YEARS = "813", (2025, 2026)


def _load(store: Store, out: Path) -> Store:
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert load_paths(store, folders).loaded > 0
    load_paths(store, [out / "population.csv"], None, None)  # rows name their own council and year
    return store


@pytest.fixture(scope="module")
def stores(
    tmp_path_factory: pytest.TempPathFactory, postgres_url: str, emptied: Callable[[Store], Store]
) -> Iterator[tuple[Store, Store]]:
    """One generated council's two years loaded by the same loader into an embedded and a server store."""
    out = tmp_path_factory.mktemp("both")
    generate(out, Plan(seed=5, population=4000, years=len(YEARS)))
    with Store() as duck, PgStore(postgres_url) as pg:
        yield _load(duck, out), _load(emptied(pg), out)


def _rows(store: Store, table: str) -> list[tuple[Any, ...]]:
    return sorted(store.query(f"SELECT * FROM {table}"), key=repr)


def test_the_loader_stores_the_same_rows(stores: tuple[Store, Store]) -> None:
    duck, pg = stores
    for table in [*(t.name for t in TABLES.values() if t.provenance), POSTCODE.name, POPULATION.name]:
        assert _rows(pg, table) == _rows(duck, table), table
    assert pg.councils() == duck.councils() == [COUNCIL]
    assert pg.years(COUNCIL) == duck.years(COUNCIL) == list(YEARS)


def test_every_indicator_and_its_children_are_the_same(stores: tuple[Store, Store]) -> None:
    duck, pg = stores
    expected = compute(duck)
    assert len({r.id for r in expected}) == len(catalogue())
    assert any(r.value for r in expected)  # the generated council has figures, not only empty ones
    assert compute(pg) == expected
    for indicator in catalogue():
        for year in YEARS:
            on_duck = children(duck, indicator.id, COUNCIL, year, "pytest")
            on_pg = children(pg, indicator.id, COUNCIL, year, "pytest")
            assert sorted(on_pg, key=repr) == sorted(on_duck, key=repr), (indicator.id, year)


def _issues(report: ValidationReport) -> tuple[Any, ...]:
    issues = sorted((i.rule, i.file, i.row, i.child, i.values) for i in report.issues)
    return issues, sorted(n.rule for n in report.not_run), report.rules_run


def test_validation_of_the_loaded_returns_is_the_same(stores: tuple[Store, Store]) -> None:
    duck, pg = stores
    for year in YEARS:
        expected = validate_store(duck, COUNCIL, year)
        assert expected.rules_run > 200
        assert _issues(validate_store(pg, COUNCIL, year)) == _issues(expected)


SAMPLED = sorted(CASES)[::30]  # every thirtieth rule's firing case: each validation copies and runs the whole ruleset


@pytest.mark.parametrize("code", SAMPLED)
def test_a_rule_fires_the_same_on_both(code: str, postgres_url: str, stores: tuple[Store, Store]) -> None:
    mutate, table, child = CASES[code]
    data = with_previous(clean_return())
    mutate(data)
    with Store() as duck, PgStore(postgres_url) as pg:
        reports = [validate_store(store_of(data, s), LA, YEAR, "ssda903") for s in (duck, pg)]
        for s in (duck, pg):
            s.con.execute(f"DELETE FROM load_history WHERE la_code = '{LA}'")
    assert _issues(reports[1]) == _issues(reports[0])
    assert (code, table, child) in {(i.rule, i.table, i.child) for i in reports[1].issues}
