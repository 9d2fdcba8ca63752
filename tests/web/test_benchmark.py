"""With the council lookup and the DfE's published figures imported, pages show the benchmark and the RAG rule."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from lineofsight.store import Store
from lineofsight.web.app import create_app
from lineofsight.web.users import add_user

from .conftest import COUNCIL, PASSWORD, sign_in

PUBLISHED_YEAR = 2025  # the latest year the DfE has published, and a year the sample council has


@pytest.fixture(scope="module")
def client(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("bench") / "bench.duckdb"
    shutil.copy(reference_db, db)
    with Store(db) as store:
        add_user(store, "viewer", "viewer", PASSWORD)
    with TestClient(create_app(db, secret_key="test", secure_cookies=False)) as test_client:
        yield test_client


def test_overview_shows_england_region_neighbours_and_rated_rules(client: TestClient) -> None:
    sign_in(client, "viewer")
    page = client.get(f"/overview/{COUNCIL}/{PUBLISHED_YEAR}").text
    assert "Yorkshire and the Humber" in page  # North Lincolnshire's region, from the lookup
    assert f"North Lincolnshire ({COUNCIL}) · collection year 2024/25" in page  # named once the lookup is in
    assert "statistical neighbours" in page
    colours = set(re.findall(r"govuk-tag--(green|yellow|red) ", page))
    assert colours, "no indicator was rated red, amber or green"
    # The rule, in words (HTML-escaped), its numbers rounded as the indicator's figures are.
    assert re.search(r"(Green|Amber|Red): [0-9.]+%? .*England&#39;s [0-9.]+", page)
    rules = re.findall(r"(?:Green|Amber|Red): [^<]*", page)
    assert rules and not [r for r in rules if re.search(r"\d\.\d\d", r)], "a rule shows an unrounded number"
    assert "latest published" not in page  # 2024/25 is published: no fallback


def test_rates_per_10000_are_benchmarked_from_the_published_counts(client: TestClient) -> None:
    sign_in(client, "viewer")
    page = client.get(f"/overview/{COUNCIL}/{PUBLISHED_YEAR}").text
    # England's rates recomputed from c1's and d5's counts over the ONS mid-2024 estimate of children aged 0 to 17:
    # 632,830 referrals and 49,420 children on a plan over 12,183,016 children.
    for indicator_id, england in (("cin.referrals_rate", "England 519;"), ("cp.plans_rate", "England 40.6;")):
        row = re.search(rf'href="/indicator/{re.escape(indicator_id)}/{COUNCIL}/{PUBLISHED_YEAR}".*?</tr>', page, re.S)
        assert row, f"{indicator_id} is not on the overview"
        assert england in row.group(0) and "Yorkshire and the Humber " in row.group(0)
        assert "statistical neighbours " in row.group(0)


def test_a_year_not_yet_published_is_compared_with_the_latest_published(client: TestClient) -> None:
    sign_in(client, "viewer")
    page = client.get(f"/overview/{COUNCIL}/{PUBLISHED_YEAR + 1}").text
    assert "England figure for 2024/25, the latest published" in page
    assert "England&#39;s 22.6% for 2024/25" in page  # re-referrals: England's 2024/25 rate in the rule
    indicator = client.get(f"/indicator/cin.rereferrals_12m/{COUNCIL}/{PUBLISHED_YEAR + 1}").text
    assert "England figure for 2024/25, the latest published" in indicator
    assert "Compared with England, published by the DfE for 2024/25 (England figure for 2024/25" in indicator


def test_the_pack_falls_back_as_the_page_does(client: TestClient) -> None:
    from lineofsight.report.pack import pack_html

    los = client.app.state.los  # type: ignore[attr-defined]
    with los.use() as store:
        html = pack_html(store, COUNCIL, PUBLISHED_YEAR + 1)
    assert "England figure for 2024/25, the latest published" in html
    assert "England&#39;s 22.6% for 2024/25" in html
    assert f"<title>Performance pack, North Lincolnshire ({COUNCIL}), 2025/26</title>" in html
