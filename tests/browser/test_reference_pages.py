"""In chromium, over a store whose public reference data came from the shipped bundle alone (no ../shared): the
benchmarks, the ranked page of every council, the Ofsted grid (sorted, downloaded) and the map, at desktop and
phone (390 px) widths. Set LOS_SCREENSHOTS to a folder to keep the screenshots."""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from lineofsight.reference.bundle import import_bundle
from lineofsight.store import Store
from lineofsight.web.users import add_user

from .conftest import PASSWORD, running

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser-bundle") / "bundle.duckdb"
    shutil.copy(sample_db, db)
    with Store(db) as store:
        assert store.count("council") == 0 and store.count("inspection") == 0  # nothing but the returns
        import_bundle(store)
        add_user(store, "analyst", "analyst", PASSWORD)
    with running(db) as address:
        yield address


@pytest.fixture()
def shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("LOS_SCREENSHOTS") or tmp_path)


def _page(browser: Any, server: str, viewport: dict[str, int] | None = None) -> Any:
    page = browser.new_page(viewport=viewport) if viewport else browser.new_page()
    page.goto(server + "/sign-in")
    page.fill("#username", "analyst")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/summary/**")  # the landing page
    return page


def _current(page: Any) -> str:
    return str(page.locator("#navigation [aria-current=page]").inner_text())


def test_a_store_from_the_bundle_alone_shows_benchmarks_ofsted_history_and_the_map(
    server: str, browser: Any, shots: Path
) -> None:
    page = _page(browser, server)
    page.goto(server + "/indicator/cla.rate/813/2025")
    assert "England" in page.locator("#benchmark").inner_text()
    assert page.locator(".govuk-breadcrumbs__list-item").count() == 2
    assert _current(page) == "Line of sight"
    page.goto(server + "/ofsted/councils/813")
    assert page.locator("h1").inner_text() == "Ofsted inspections of North Lincolnshire (813)"
    assert _current(page) == "Ofsted"
    assert page.locator("#grid tbody tr").count() >= 3
    assert page.locator("#grid .govuk-tag--green", has_text="Outstanding").count() >= 4  # 2022: outstanding in all
    page.screenshot(path=str(shots / "ofsted-council.png"), full_page=True)
    page.goto(server + "/ofsted/map?at=2025-03-31")
    assert page.locator(".los-map svg g[data-code]").count() == 153
    page.screenshot(path=str(shots / "map.png"), full_page=True)


def test_the_ranked_page_lists_every_council_and_marks_this_one(server: str, browser: Any, shots: Path) -> None:
    page = _page(browser, server)
    page.goto(server + "/indicator/cin.rereferrals_12m/813/2025")
    page.click("#ranking-link")
    page.wait_for_url("**/benchmarks/cin.rereferrals_12m/813/2025")
    assert page.locator("h1").inner_text() == "Re-referrals within 12 months: every council"
    assert _current(page) == "Line of sight"
    rows = page.locator("#ranking tbody tr")
    assert rows.count() > 140
    own = page.locator("#own")
    assert "North Lincolnshire (813)" in own.inner_text() and "This council" in own.inner_text()
    ranks = [int(t) for t in page.locator("#ranking tbody td:first-child").all_inner_texts() if t.strip()]
    assert ranks == sorted(ranks) and ranks[0] == 1  # lower is better: the lowest re-referral rate ranks first
    figures = [float(t.rstrip("%")) for t in page.locator("#ranking tbody td:last-child").all_inner_texts() if "%" in t]
    assert figures == sorted(figures)
    assert page.locator("#ranking .govuk-tag", has_text="Statistical neighbour").count() == 10
    summary = page.locator("#benchmarks").inner_text()
    assert "England" in summary and "Statistical neighbours (median)" in summary
    page.screenshot(path=str(shots / "ranking.png"), full_page=True)
    with page.expect_download() as download:
        page.click("a:has-text('CSV')")
    table = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert table[0][:2] == ["Rank", "Council"] and len(table) == rows.count() + 1


def test_the_ofsted_grid_sorts_by_a_judgement_and_downloads(server: str, browser: Any, shots: Path) -> None:
    page = _page(browser, server)
    page.goto(server + "/ofsted/standing?at=2025-03-31")
    assert page.locator("h1").inner_text() == "Latest Ofsted judgements at 31 March 2025"
    rows = page.locator("#grid tbody tr")
    assert rows.count() > 140
    outstanding = page.eval_on_selector("#grid .govuk-tag--green", "e => getComputedStyle(e).backgroundColor")
    inadequate = page.eval_on_selector("#grid .govuk-tag--red", "e => getComputedStyle(e).backgroundColor")
    assert outstanding != inadequate  # GOV.UK Frontend's tag colours are applied
    column = [h.strip() for h in page.locator("#grid thead th").all_inner_texts()].index("Help and protection") + 1
    cells = f"#grid tbody tr td:nth-child({column})"
    page.click("#grid thead a:has-text('Help and protection')")
    page.wait_for_selector("#grid th[aria-sort=ascending] >> text=Help and protection")
    grades = page.locator(cells).all_inner_texts()
    assert grades[0] == "Outstanding" and "Inadequate" in grades
    order = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"]
    graded = [order.index(g) for g in grades if g in order]
    assert graded == sorted(graded)
    page.click("#grid thead a:has-text('Help and protection')")
    page.wait_for_selector("#grid th[aria-sort=descending]")
    assert page.locator(cells).first.inner_text() == "Inadequate"
    page.screenshot(path=str(shots / "ofsted-grid.png"), full_page=True)
    with page.expect_download() as download:
        page.click("a:has-text('Excel (xlsx)')")
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert sheet is not None
    table = list(sheet.iter_rows(values_only=True))
    assert len(table) == rows.count() + 1 and "Help and protection" in table[0]
    assert table[1][table[0].index("Help and protection")] == "Inadequate"  # the download keeps the page's order


@pytest.mark.parametrize(
    "address",
    [
        "/summary/813/2026",
        "/overview/813/2026",
        "/indicator/cla.rate/813/2025",
        "/benchmarks/cla.rate/813/2025",
        "/ofsted/standing?at=2025-03-31",
        "/ofsted/councils/813",
        "/ofsted/map",
    ],
)
def test_pages_fit_a_phone_without_sideways_scrolling(server: str, browser: Any, shots: Path, address: str) -> None:
    page = _page(browser, server, PHONE)
    page.goto(server + address)
    width = page.evaluate("document.documentElement.scrollWidth")
    name = address.strip("/").split("?")[0].replace("/", "-").replace(".", "-")
    page.screenshot(path=str(shots / f"phone-{name}.png"), full_page=True)
    assert width <= PHONE["width"], f"{address} is {width} px wide at 390 px"
