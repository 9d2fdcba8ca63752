"""The Ofsted pages in the dashboard: signed in only, inside the site's layout, no inline styles or scripts."""

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

PAGES = ["/ofsted/map", "/ofsted/standing", f"/ofsted/councils/{COUNCIL}"]


@pytest.fixture(scope="module")
def client(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("ofsted") / "ofsted.duckdb"
    shutil.copy(reference_db, db)
    with Store(db) as store:
        add_user(store, "viewer", "viewer", PASSWORD)
    with TestClient(create_app(db, secret_key="test", secure_cookies=False)) as test_client:
        yield test_client


def _cells(html: str) -> list[str]:
    """A table's rows as 'cell | cell | ...' text, tags stripped."""
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", html, re.S)
    return [
        " | ".join(re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)) for r in rows
    ]


@pytest.mark.parametrize("path", PAGES)
def test_signed_out_is_sent_to_sign_in(client: TestClient, path: str) -> None:
    client.cookies.clear()
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in?next=%2Fofsted%2F")


@pytest.mark.parametrize("path", [*PAGES, "/ofsted/map?at=1 Dec"])
def test_pages_are_inside_the_layout_without_inline_styles_or_scripts(client: TestClient, path: str) -> None:
    sign_in(client, "viewer")
    page = client.get(path)
    html = page.text
    assert 'id="navigation"' in html and "Sign out viewer (viewer)" in html  # base.html's service navigation
    assert '<link rel="stylesheet" href="/static/app.css">' in html
    assert not re.search(r"\sstyle\s*=", html, re.I), "an inline style attribute breaks the CSP (style-src 'self')"
    assert "<style" not in html.lower()
    assert not re.search(r"<script(?![^>]*\ssrc=)", html, re.I), "an inline script breaks the CSP"
    assert "style-src 'self'" in page.headers["content-security-policy"]


def test_map_colours_councils_by_grade(client: TestClient) -> None:
    sign_in(client, "viewer")
    page = client.get("/ofsted/map", params={"at": "2022-12-01"})
    assert page.status_code == 200
    assert "<svg" in page.text and "Ofsted overall effectiveness at 1 December 2022" in page.text
    assert any(row.startswith("North Lincolnshire (813) | outstanding") for row in _cells(page.text))


def test_map_by_an_indicator_quartile_rounds_as_the_indicator_declares(client: TestClient) -> None:
    sign_in(client, "viewer")
    page = client.get("/ofsted/map", params={"indicator": "cin.rereferrals_12m", "year": "2025"})
    assert page.status_code == 200
    assert '<option value="cin.rereferrals_12m" selected>' in page.text  # the form keeps the choice
    # North Lincolnshire's 14.0% re-referral rate (lower is better) is in the best quarter in 2024/25.
    assert any(row.startswith("North Lincolnshire (813) | 14 | 1") for row in _cells(page.text))


def test_standing_lists_the_outstanding_councils_with_links(client: TestClient) -> None:
    sign_in(client, "viewer")
    page = client.get("/ofsted/standing", params={"at": "2022-12-01", "all_outstanding": "1", "region": "London"})
    assert page.status_code == 200
    assert "Kensington and Chelsea" in page.text and "Westminster" in page.text
    assert "Hampshire" not in page.text
    assert re.search(r'<a class="govuk-link" href="/ofsted/councils/\d+">Westminster \(\d+\)</a>', page.text)


def test_council_history_bad_input_and_unknown_council(client: TestClient) -> None:
    sign_in(client, "viewer")
    history = client.get(f"/ofsted/councils/{COUNCIL}")
    assert history.status_code == 200 and "Ofsted inspections of North Lincolnshire" in history.text
    # In words, as Ofsted writes them: North Lincolnshire's short ILACS inspection published 25 November 2022.
    assert "ILACS short" in history.text and "25 November 2022" in history.text
    # A grid of grades: one column per judgement, each grade a GOV.UK tag in its colour.
    assert re.search(r'aria-sort="none">Overall effectiveness</th>', history.text)
    assert '<strong class="govuk-tag govuk-tag--green">Outstanding</strong>' in history.text
    bad = client.get("/ofsted/map", params={"at": "1 Dec"})
    assert bad.status_code == 400 and "govuk-error-summary" in bad.text and "is not a date" in bad.text
    year = client.get("/ofsted/map", params={"indicator": "cin.rereferrals_12m", "year": "next"})
    assert year.status_code == 400 and "is not a collection year" in year.text
    unknown = client.get("/ofsted/councils/999")
    assert unknown.status_code == 404 and 'id="navigation"' in unknown.text
