"""End to end in chromium: sign in, overview, an indicator's children, a child's timeline, a rejected upload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import PASSWORD

pytestmark = pytest.mark.browser


def _sign_in(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert "/sign-in" in page.url
    page.fill("#username", "analyst")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/summary/**")  # the landing page
    page.click("a:has-text('See every indicator')")
    page.wait_for_url("**/overview/**")


def test_line_of_sight_from_overview_to_a_childs_timeline(server: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page()
    _sign_in(page, server)
    assert page.locator("h1").inner_text() == "Line of sight"
    assert page.locator("caption", has_text="Help and protection").count() == 1
    # the GOV.UK Frontend stylesheet is really applied: the header is GOV.UK's dark band or blue rebrand
    header_colour = page.eval_on_selector(".govuk-header", "e => getComputedStyle(e).backgroundColor")
    assert header_colour not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)

    page.click("a:has-text('Assessments completed within 45 working days')")
    page.wait_for_selector("#members")
    assert page.locator("h1").inner_text() == "Assessments completed within 45 working days"
    assert page.locator("svg[role=img] title").first.text_content()
    page.click("#members tbody tr:first-child a")
    page.wait_for_selector("#journey")
    assert page.locator("svg.los-timeline").count() == 1
    assert page.locator("#journey tbody tr").count() >= 2  # a referral and its assessment at least
    page.screenshot(path=str(tmp_path / "child.png"), full_page=True)
    assert (tmp_path / "child.png").stat().st_size > 10_000


def test_an_upload_with_an_error_shows_the_error(server: str, browser: Any, tmp_path: Path) -> None:
    bad = tmp_path / "header.csv"
    bad.write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nB1,1,31/02/2023,WBRI,UN1,,\r\n")
    page = browser.new_page()
    _sign_in(page, server)
    page.click("a:has-text('Upload a return')")
    page.set_input_files("#returns", str(bad))
    page.fill("#council", "813")
    page.fill("#year", "2026")
    page.click("button:has-text('Validate and load')")
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "The return was not loaded" in summary.inner_text()
    assert "31/02/2023" in page.locator("#issues").inner_text()
    page.screenshot(path=str(tmp_path / "upload.png"), full_page=True)
    # what was loaded before is still there
    page.goto(server + "/")
    page.click("a:has-text('See every indicator')")
    assert page.locator("caption", has_text="Children in care").count() == 1
