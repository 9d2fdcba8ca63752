"""In chromium: the summary is the landing page; a manager sets a target and writes a commentary, which show."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lineofsight.store import Store
from lineofsight.web.users import add_user

from .conftest import PASSWORD, running

pytestmark = pytest.mark.browser
ASSESSMENTS = "Assessments completed within 45 working days"


@pytest.fixture(scope="module")
def manager_server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser_summary") / "summary.duckdb"
    shutil.copy(sample_db, db)
    with Store(db) as store:
        add_user(store, "manager", "manager", PASSWORD)
    with running(db) as address:
        yield address


def _shots(tmp_path: Path) -> Path:
    """Screenshots go to $LINEOFSIGHT_SCREENSHOTS when set (to look at them), else to the test's folder."""
    folder = Path(os.environ.get("LINEOFSIGHT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sign_in(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.fill("#username", "manager")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/summary/**")


def test_summary_then_a_target_and_a_commentary(manager_server: str, browser: Any, tmp_path: Path) -> None:
    shots = _shots(tmp_path)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _sign_in(page, manager_server)
    assert page.locator("h1").inner_text() == "Summary"
    counts = [int(n) for n in page.locator("#rag-counts .los-count").all_inner_texts()]
    assert sum(counts) == 36
    assert page.locator("#movers-table tbody tr").count() == 5
    assert "not loaded" in page.locator("#in-year").inner_text()
    page.screenshot(path=str(shots / "summary.png"), full_page=True)

    page.locator("#movers-table tbody tr a").first.click()
    page.wait_for_selector("#target")
    page.goto(re.sub(r"/summary/(\w+)/(\d+)$", r"/overview/\1/\2", page.url))  # back through the overview
    page.goto(manager_server + "/")
    page.click("a:has-text('See every indicator')")
    page.click(f"a:has-text('{ASSESSMENTS}')")
    page.wait_for_selector("#target-input")

    page.fill("#target-input", "not a number")
    page.click("button:has-text('Save the target')")
    page.locator(".govuk-error-summary").wait_for()
    assert "is not a number" in page.locator("#target-error").inner_text()

    page.fill("#target-input", "99")
    page.click("button:has-text('Save the target')")
    page.wait_for_url("**#target")
    assert "the local target of 99%" in page.locator("main").inner_text()

    page.fill("#commentary-input", "Assessments slowed in the autumn; two agency posts filled in January.")
    page.click("button:has-text('Save the commentary')")
    page.wait_for_url("**#commentary")
    assert "two agency posts" in page.locator("#commentary-text").inner_text()
    page.screenshot(path=str(shots / "indicator_target.png"), full_page=True)

    page.goto(manager_server + "/")
    assert page.locator("#target-counts .los-count").count() >= 1
    page.screenshot(path=str(shots / "summary_with_target.png"), full_page=True)


def test_the_summary_fits_a_phone(manager_server: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    _sign_in(page, manager_server)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # tables scroll in their own box
    assert page.locator("#movers-table").is_visible()
    page.screenshot(path=str(_shots(tmp_path) / "summary_390.png"), full_page=True)
