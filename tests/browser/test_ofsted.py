"""The Ofsted pages in chromium: the site's content security policy holds (no inline style or script is refused),
the map is drawn at its stylesheet's size, and the pages link to one another."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lineofsight.store import Store
from lineofsight.web.users import add_user

from .conftest import PASSWORD, running

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard over the sample council with the council lookup, Ofsted's outcomes and the map imported."""
    db = tmp_path_factory.mktemp("browser-ofsted") / "ofsted.duckdb"
    shutil.copy(reference_db, db)
    with Store(db) as store:
        add_user(store, "viewer", "viewer", PASSWORD)
    with running(db) as address:
        yield address


def test_ofsted_pages_hold_the_content_security_policy(server: str, browser: Any) -> None:
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server + "/ofsted/map?at=2022-12-01")
    assert "/sign-in" in page.url  # signed out: sent to sign in, then back
    page.fill("#username", "viewer")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/ofsted/map?at=2022-12-01")
    assert page.locator("h1").inner_text() == "Ofsted overall effectiveness at 1 December 2022"
    assert page.locator("#navigation a", has_text="Ofsted").count() == 1
    width = page.eval_on_selector(".los-map svg", "e => e.getBoundingClientRect().width")
    assert 300 < width <= 600  # app.css sizes the map: the stylesheet, not an inline style, is applied
    display = page.eval_on_selector(".los-inline-list li", "e => getComputedStyle(e).display")
    assert display == "inline-block"
    page.click("a:has-text('Outstanding in every judgement')")
    page.wait_for_selector("table#grid")
    page.click("table#grid tbody a >> nth=0")
    page.wait_for_url("**/ofsted/councils/*")
    assert page.locator("h1").inner_text().startswith("Ofsted inspections of ")
    assert refused == []
