"""Every route for every role: viewers see aggregate figures only, child-level views are audited."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from lineofsight.store import Store
from lineofsight.web.users import ROLES

from .conftest import COUNCIL, YEAR, sign_in, token

OVERVIEW = f"/overview/{COUNCIL}/{YEAR}"
INDICATOR = f"/indicator/cin.assessments_45wd/{COUNCIL}/{YEAR}"


def _a_child(client: TestClient) -> str:
    sign_in(client, "analyst")
    page = client.get(INDICATOR).text
    found = re.search(r'href="(/child/[^"]+)"', page)
    assert found, "the analyst's indicator page lists no children"
    return found.group(1)


@pytest.mark.parametrize("path", ["/", OVERVIEW, INDICATOR, "/audit", "/upload", f"/data-quality/{COUNCIL}/{YEAR}"])
def test_signed_out_is_sent_to_sign_in(app_client: TestClient, path: str) -> None:
    app_client.cookies.clear()
    response = app_client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in?next=")


def test_child_page_signed_out_is_sent_to_sign_in(app_client: TestClient) -> None:
    child = _a_child(app_client)
    app_client.cookies.clear()
    assert app_client.get(child, follow_redirects=False).status_code == 303


def test_wrong_password_and_missing_csrf_are_refused(app_client: TestClient) -> None:
    app_client.cookies.clear()
    page = app_client.get("/sign-in")
    wrong = app_client.post("/sign-in", data={"csrf_token": token(page.text), "username": "analyst", "password": "no"})
    assert wrong.status_code == 400 and "The username or password is not right" in wrong.text
    forged = app_client.post("/sign-in", data={"username": "analyst", "password": "correct horse battery"})
    assert forged.status_code == 403
    assert "lineofsight_session" not in forged.headers.get("set-cookie", "") or "username" not in app_client.cookies


def test_session_cookie_flags(app_client: TestClient) -> None:
    app_client.cookies.clear()
    response = app_client.get("/sign-in")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert "default-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("role", ROLES)
def test_overview_shows_every_area_for_every_role(app_client: TestClient, role: str) -> None:
    sign_in(app_client, role)
    landing = app_client.get("/")  # one council: straight to its latest year's summary
    assert landing.status_code == 200 and str(landing.url).endswith(f"/summary/{COUNCIL}/{YEAR}")
    assert OVERVIEW in landing.text  # which links to every indicator
    home = app_client.get(OVERVIEW)
    for area in ("Help and protection", "Children in care", "Care leavers", "Adoption", "Workforce"):
        assert area in home.text
    assert "Assessments completed within 45 working days" in home.text
    assert home.text.count('role="img"') >= 30  # a sparkline per indicator
    assert "Council 813 · collection year 2025/26" in home.text  # no lookup imported: the code alone


@pytest.mark.parametrize("role", ["analyst", "manager", "auditor"])
def test_child_level_roles_see_children_and_are_audited(app_client: TestClient, web_db: object, role: str) -> None:
    child = _a_child(app_client)
    sign_in(app_client, role)
    page = app_client.get(INDICATOR)
    assert page.status_code == 200 and 'id="members"' in page.text
    journey = app_client.get(child)
    assert journey.status_code == 200 and "Journey" in journey.text and "Assessment" in journey.text
    child_id = child.rsplit("/", 1)[1]
    with Store(str(web_db), read_only=False) as store:
        seen = store.query("SELECT action, subject FROM audit_log WHERE username = ?", [role])
    assert ("list_children", "cin.assessments_45wd") in seen
    assert ("view_child", child_id) in seen


def test_viewer_gets_403_on_child_pages_and_no_list(app_client: TestClient) -> None:
    child = _a_child(app_client)
    sign_in(app_client, "viewer")
    page = app_client.get(INDICATOR)
    assert page.status_code == 200 and 'id="members"' not in page.text
    assert "aggregate figures only" in page.text
    assert app_client.get(child).status_code == 403
    quality = app_client.get(f"/data-quality/{COUNCIL}/{YEAR}")
    assert quality.status_code == 200 and 'id="issues"' not in quality.text


@pytest.mark.parametrize("role", ["manager", "auditor", "viewer"])
def test_only_analysts_open_the_audit_log_and_upload(app_client: TestClient, role: str) -> None:
    sign_in(app_client, role)
    assert app_client.get("/audit").status_code == 403
    assert app_client.get("/upload").status_code == 403


def test_analyst_reads_the_audit_log(app_client: TestClient) -> None:
    _a_child(app_client)  # the analyst lists the children behind an indicator
    page = app_client.get("/audit")
    assert page.status_code == 200
    assert "list children" in page.text and "cin.assessments_45wd" in page.text


def test_indicator_page_shows_definition_and_trend(app_client: TestClient) -> None:
    sign_in(app_client, "manager")
    page = app_client.get(INDICATOR).text
    assert "Assessments authorised within 45 working days of their start" in page  # numerator, from the declaration
    assert "Show the numbers" in page and "<title" in page and "<desc" in page
    assert "Working days to complete assessments" in page  # the distribution against the 45-day line


def test_unknown_indicator_council_or_year_is_404(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    assert app_client.get(f"/indicator/no.such/{COUNCIL}/{YEAR}").status_code == 404
    assert app_client.get(f"/overview/999/{YEAR}").status_code == 404
    assert app_client.get(f"/overview/{COUNCIL}/1999").status_code == 404


def test_sign_out_needs_csrf_and_ends_the_session(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    assert app_client.post("/sign-out", data={}).status_code == 403
    page = app_client.get(OVERVIEW)
    out = app_client.post("/sign-out", data={"csrf_token": token(page.text)}, follow_redirects=False)
    assert out.status_code == 303
    assert app_client.get(OVERVIEW, follow_redirects=False).status_code == 303


def test_every_view_of_a_cached_list_is_audited(app_client: TestClient, web_db: object) -> None:
    sign_in(app_client, "manager")

    def logged() -> int:
        with Store(str(web_db)) as store:
            where = "username = 'manager' AND action = 'list_children' AND subject = 'cin.assessments_45wd'"
            return store.count("audit_log", where)

    before = logged()
    for _ in range(3):  # the first view may fill the cache; the next two are served from it
        assert 'id="members"' in app_client.get(INDICATOR).text
    assert logged() == before + 3


def test_overview_draws_the_distributions_with_their_numbers(app_client: TestClient) -> None:
    sign_in(app_client, "viewer")
    page = app_client.get(OVERVIEW).text
    assert "Working days to complete assessments" in page and "45 working days" in page
    assert "Distance of placements from home" in page and "20 miles" in page
    assert page.count("Show the numbers") >= 2
