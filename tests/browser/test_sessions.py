"""In chromium: signing out ends the session itself, so a copy of the cookie in another browser stops working."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_sign_out_ends_the_session_in_a_browser_holding_a_copied_cookie(server: str, browser: Any) -> None:
    mine = browser.new_context()
    page = mine.new_page()
    page.goto(server + "/")
    page.fill("#username", "analyst")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/summary/**")
    page.goto(server + "/indicator/cin.assessments_45wd/813/2026")
    page.wait_for_selector("#members")
    child_page = server + str(page.locator("#members tbody tr:first-child a").get_attribute("href"))

    copied = browser.new_context()  # another browser, given the first one's cookie
    copied.add_cookies(mine.cookies())
    other = copied.new_page()
    other.goto(child_page)
    assert other.locator("#journey").count() == 1, "the copied cookie should work while the session lives"

    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/sign-in")
    other.goto(child_page)
    assert "/sign-in" in other.url and other.locator("#journey").count() == 0
    page.goto(child_page)
    assert "/sign-in" in page.url
    mine.close()
    copied.close()
