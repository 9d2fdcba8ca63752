"""No page or document compares a council with a benchmark computed from that council alone.

Without the DfE's published figures, the benchmark is the other councils in the store, named as such; a council
alone in the store has none. Rendered for real: the overview, every indicator page, the self-evaluation (page and
PDF text) and the pack, for a one-council store and for a two-council store.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from lineofsight.generate.run import Plan, generate
from lineofsight.indicators import catalogue, compute
from lineofsight.indicators.indicator import fmt_value
from lineofsight.model import TABLES
from lineofsight.qa import evidence, self_evaluation
from lineofsight.qa.render import html as draft_html
from lineofsight.report.pack import pack_html
from lineofsight.store import Store
from lineofsight.store.load import load_paths
from lineofsight.web.app import create_app
from lineofsight.web.users import add_user

from .conftest import PASSWORD, sign_in

YEAR = 2026
# Words that state a comparison with a benchmark figure: "England 86.4%", "England's 86.4%", an average.
COMPARED = re.compile(r"England(?:'s)? \d|average of|other councils' average|in line with|better than|worse than")


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def two_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """Two generated councils, each the other's statistical neighbour, with no published figures."""
    folder = tmp_path_factory.mktemp("two")
    folders = generate(folder / "returns", Plan(seed=7, population=2500, councils=2, years=2))
    codes = sorted({f.name.split("_")[0] for f in folders})
    db = folder / "two.duckdb"
    with Store(db) as store:
        load_paths(store, folders)
        for code in codes:
            load_paths(store, [folder / "returns" / "population.csv"], code, YEAR)
        other = {codes[0]: codes[1], codes[1]: codes[0]}
        store.insert_columns(
            TABLES["council"],
            {
                "la_code": codes,
                "name": [f"Council {c}" for c in codes],
                "region_code": ["E12000003"] * 2,
                "region": ["Yorkshire and The Humber"] * 2,
                "statistical_neighbours": [other[c] for c in codes],
            },
        )
        add_user(store, "analyst", "analyst", PASSWORD)
    return db, codes[0], codes[1]


@pytest.fixture(scope="module")
def one_db(two_db: tuple[Path, str, str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The same store with the second council's rows removed: its first council alone."""
    source, mine, theirs = two_db
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    shutil.copy(source, db)
    with Store(db) as store:
        for table in TABLES.values():
            names = {c.name for c in table.all_columns}
            if "la_code" in names and table.name != "council":
                store.con.execute(f"DELETE FROM {table.name} WHERE la_code = ?", [theirs])
        store.con.execute("DELETE FROM load_history WHERE la_code = ?", [theirs])
    return db, mine


def _client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, secret_key="test", secure_cookies=False)) as client:
        sign_in(client, "analyst")
        yield client


def _pages(client: TestClient, council: str) -> dict[str, str]:
    """Every page that shows a benchmark, by address."""
    addresses = [f"/overview/{council}/{YEAR}", f"/qa/{council}/{YEAR}/self-evaluation"]
    addresses += [f"/indicator/{i.id}/{council}/{YEAR}" for i in catalogue()]
    pages = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        pages[address] = _text(response.text)
    return pages


def _documents(db: Path, council: str) -> dict[str, str]:
    with Store(db) as store:
        draft = self_evaluation.draft(evidence.gather(store, council, YEAR))
        return {"pack": _text(pack_html(store, council, YEAR)), "self-evaluation": _text(draft_html(draft))}


def test_a_council_alone_in_the_store_is_compared_with_nothing(one_db: tuple[Path, str]) -> None:
    db, council = one_db
    for client in _client(db):
        texts = {**_pages(client, council), **_documents(db, council)}
    for where, text in texts.items():
        found = COMPARED.search(text)
        assert found is None, f"{where} compares the council with its own figure: ...{text[found.start() - 80 :][:200]}"
    for i in catalogue():
        assert (
            "no published benchmark, and no other council in this store" in texts[f"/indicator/{i.id}/{council}/{YEAR}"]
        )
    assert "no published benchmark, and no other council in this store to compare it with" in texts["self-evaluation"]
    assert "No published benchmark, and no other council in this store" in texts["pack"]


def test_with_a_second_council_its_figure_is_the_benchmark_and_is_named(two_db: tuple[Path, str, str]) -> None:
    db, mine, theirs = two_db
    with Store(db) as store:
        results = compute(store, year=YEAR)
        docs = _documents(db, mine)
    value = {(r.council, r.id): r.value for r in results}
    # An indicator where both councils have a figure and they differ: the benchmark must be the other one's.
    chosen = next(
        i
        for i in catalogue()
        if value.get((mine, i.id)) is not None
        and value.get((theirs, i.id)) is not None
        and fmt_value(value[(mine, i.id)], i.unit) != fmt_value(value[(theirs, i.id)], i.unit)
    )
    theirs_text = fmt_value(value[(theirs, chosen.id)], chosen.unit)
    for client in _client(db):
        page = _text(client.get(f"/indicator/{chosen.id}/{mine}/{YEAR}").text)
        overview = _text(client.get(f"/overview/{mine}/{YEAR}").text)
    assert f"other councils' average {theirs_text}" in page
    assert "Compared with no published benchmark: the other council in this store." in page
    assert "England" not in page.split("Definition")[0]  # nothing before the definition claims to be England
    assert "No published benchmark: the other council in this store:" in overview
    assert f"the other council in this store ({theirs_text}" in docs["self-evaluation"]
    assert f"other councils' average {theirs_text}" in docs["pack"]
