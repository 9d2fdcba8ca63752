"""The indicator page: the list of children behind a figure in pages of 50, and the 3-year adoption figures."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from lineofsight.model import TABLES
from lineofsight.report.pack import pack_html
from lineofsight.store import Store
from lineofsight.web.app import create_app
from lineofsight.web.paging import page_numbers
from lineofsight.web.users import add_user

from .conftest import COUNCIL, PASSWORD, YEAR, sign_in

CHILDREN = 73  # page 1: 50, page 2: 23
ASSESSMENTS = f"/indicator/cin.assessments_45wd/{COUNCIL}/{YEAR}"
# One child adopted in each of 2023/24, 2024/25 and 2025/26: (collection year, entered care, placed for adoption).
ADOPTED = ((2024, "2022-06-01", "2023-06-01"), (2025, "2023-06-01", "2024-06-01"), (2026, "2024-06-01", "2025-09-01"))
# 365, 366 (29 Feb 2024) and 365 + 30 + 31 + 31 (Jun to Aug) = 457 days: 1,188 / 3 = 396
A1_3Y = (365 + 366 + 457) / 3


def _put(store: Store, table: str, year: int, rows: list[dict[str, object]]) -> None:
    for n, row in enumerate(rows, start=2):
        values = {"la_code": COUNCIL, "collection_year": year, "source_file": "test", "source_row": n, **row}
        values = {
            k: dt.date.fromisoformat(v) if k.endswith("date") and isinstance(v, str) else v for k, v in values.items()
        }
        store.insert_columns(TABLES[table], {k: [v] for k, v in values.items()})


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """73 assessments in 2025/26, and a child adopted in each of the three years to 2025/26."""
    db: Path = tmp_path_factory.mktemp("paging") / "paging.duckdb"
    with Store(db) as store:
        assessments = [
            {
                "child_id": f"K{n:03d}",
                "referral_id": "1",
                "start_date": "2025-06-02",
                "authorisation_date": "2025-07-08",
            }
            for n in range(CHILDREN)
        ]
        _put(store, "assessment", YEAR, assessments)
        store.record_load(COUNCIL, YEAR, "cin", "assessment", "cin.xml", CHILDREN, CHILDREN, 0)
        for year, entered, placed in ADOPTED:
            child = f"AD{year}"
            episodes = [
                {"child_id": child, "start_date": entered, "end_date": placed, "reason_new_episode": "S",
                 "legal_status": "C2", "placement_type": "U4"},
                {"child_id": child, "start_date": placed, "reason_new_episode": "P", "legal_status": "E1",
                 "placement_type": "A4"},
            ]  # fmt: skip
            _put(store, "episode", year, episodes)
            _put(store, "adoption", year, [{"child_id": child, "date_matched": placed, "foster_care": "0"}])
            store.record_load(COUNCIL, year, "ssda903", "episode", "episodes.csv", 2, 2, 0)
        add_user(store, "analyst", "analyst", PASSWORD)
    return db


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, secret_key="test", secure_cookies=False)) as test_client:
        yield test_client


def _rows(html: str) -> list[str]:
    """The children listed, in order (each row links to the child's page)."""
    return re.findall(rf'href="/child/{COUNCIL}/([^"]+)"', html)


def test_page_1_has_50_children_and_a_link_to_page_2(client: TestClient) -> None:
    sign_in(client, "analyst")
    page = client.get(ASSESSMENTS)
    assert page.status_code == 200
    assert _rows(page.text) == [f"K{n:03d}" for n in range(50)]
    assert f"Showing 1 to 50 of {CHILDREN} children" in page.text
    assert f"{CHILDREN} in the numerator, {CHILDREN} in the denominator" in page.text
    assert 'class="govuk-pagination"' in page.text
    assert f'href="{ASSESSMENTS}?page=2" rel="next"' in page.text
    assert 'aria-label="Page 1" aria-current="page"' in page.text and 'rel="prev"' not in page.text


def test_page_2_has_the_rest(client: TestClient) -> None:
    sign_in(client, "analyst")
    page = client.get(f"{ASSESSMENTS}?page=2")
    assert page.status_code == 200
    assert _rows(page.text) == [f"K{n:03d}" for n in range(50, CHILDREN)]
    assert f"Showing 51 to {CHILDREN} of {CHILDREN} children" in page.text
    assert f'href="{ASSESSMENTS}?page=1" rel="prev"' in page.text and 'rel="next"' not in page.text
    assert client.get(ASSESSMENTS).text.count("/child/") == 50  # page 1 again, not page 2's cached rows


@pytest.mark.parametrize("asked", ["3", "0", "-1", "two", "", "<b>9</b>"])
def test_a_page_that_does_not_exist_says_so(client: TestClient, asked: str) -> None:
    sign_in(client, "analyst")
    page = client.get(ASSESSMENTS, params={"page": asked})
    assert page.status_code == 404
    assert "of the children behind this figure. The list has 2 pages of up to 50 (73 in all)." in page.text
    assert "Traceback" not in page.text and "<b>9</b>" not in page.text
    assert _rows(page.text) == []


def test_page_links_keep_the_other_query_parameters(client: TestClient) -> None:
    sign_in(client, "analyst")
    page = client.get(ASSESSMENTS, params={"from": "overview", "page": "2"})
    assert _rows(page.text) == [f"K{n:03d}" for n in range(50, CHILDREN)]
    assert f'href="{ASSESSMENTS}?from=overview&amp;page=1" rel="prev"' in page.text
    assert f'href="{ASSESSMENTS}?from=overview&amp;page=2"' in page.text  # the current page's own item


def test_every_page_view_is_audited(client: TestClient) -> None:
    sign_in(client, "analyst")

    def logged() -> list[str]:
        page = client.get("/audit").text
        return re.findall(r"purpose=dashboard indicator page, page (\d+)", page)

    before = logged()
    for asked in ("1", "2", "2"):  # the first view of the list may fill the cache; the others come from it
        assert client.get(ASSESSMENTS, params={"page": asked}).status_code == 200
    after = logged()
    assert len(after) == len(before) + 3
    assert sorted(after) == sorted([*before, "1", "2", "2"])


def test_3_year_adoption_figure_names_the_years_it_pools(client: TestClient) -> None:
    sign_in(client, "analyst")
    page = client.get(f"/indicator/adoption.a1_3y/{COUNCIL}/{YEAR}").text
    assert f"<strong>{A1_3Y:.0f}</strong>" in page  # 396
    assert "A 3-year figure: it pools 2023/24, 2024/25 and 2025/26." in page
    assert sorted(_rows(page)) == ["AD2024", "AD2025", "AD2026"]
    assert "2024/25" in page and "adopted in" in page  # the year each child counts from
    earlier = client.get(f"/indicator/adoption.a1_3y/{COUNCIL}/2025").text
    assert "No figure for 2024/25" in earlier
    assert "the SSDA903 return for 2022/23 is not loaded" in earlier
    assert _rows(earlier) == []
    overview = client.get(f"/overview/{COUNCIL}/{YEAR}").text
    assert (
        "3-year average (A1)" in overview and "3-year average (A2)" in overview and "3-year average (A10)" in overview
    )


def test_the_pack_shows_the_3_year_figures(client: TestClient, db: Path) -> None:
    with Store(db) as store:
        html = pack_html(store, COUNCIL, YEAR)
    row = html[html.index("3-year average (A1)") :]
    assert re.search(rf'<td class="num">{A1_3Y:.0f}</td>', row[: row.index("</tr>")])  # 396
    assert "3-year average (A2)" in html and "3-year average (A10)" in html


def test_many_pages_show_the_first_the_last_and_the_neighbours() -> None:
    # 0 stands for an ellipsis; a single page left out is shown rather than an ellipsis
    assert page_numbers(5, 10) == [1, 0, 4, 5, 6, 0, 10]
    assert page_numbers(1, 5) == [1, 2, 0, 5]
    assert page_numbers(4, 5) == [1, 2, 3, 4, 5]
    assert page_numbers(1, 1) == [1]
