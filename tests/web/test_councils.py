"""Users limited to councils: every page, list, export and child page about another council is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.store import Store, audit
from lineofsight.web.users import add_user

from .conftest import COUNCIL, PASSWORD, YEAR, sign_in, token

INDICATOR = f"/indicator/cin.assessments_45wd/{COUNCIL}/{YEAR}"
EXAMPLE = {
    "council": COUNCIL,
    "year": str(YEAR),
    "indicator_id": "cin.assessments_45wd",
    "child_id": "813000001",
    "kind": "audits",
    "suffix": "pdf",
    "audit_id": "A1",
    "action_id": "A1",
}


def _council_routes(client: TestClient) -> list[tuple[str, str]]:
    """Every (method, address) of the app whose page is about one council, with example parameters."""
    found = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Route) and "{council}" in route.path:
            address = re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: EXAMPLE[m.group(1)], route.path)
            found.extend((method, address) for method in sorted(route.methods or ()) if method != "HEAD")
    return found


@pytest.fixture(scope="module")
def limited(web_db: Path) -> None:
    with Store(web_db) as store:
        add_user(store, "neighbour", "analyst", PASSWORD, councils=["812"], actor="test")
        add_user(store, "ours", "analyst", PASSWORD, councils=["813", "812"], actor="test")
        audit.record(store, "someone", "view_child", "813000999", COUNCIL, "an earlier look at 813's child")


def test_every_page_about_another_council_is_refused(app_client: TestClient, limited: None) -> None:
    routes = _council_routes(app_client)
    assert len(routes) >= 15  # overview, indicator, child, data quality and the QA pages and exports
    sign_in(app_client, "neighbour")
    csrf = token(app_client.get("/upload").text)
    for method, address in routes:
        response = app_client.request(method, address, data={"csrf_token": csrf} if method == "POST" else None)
        assert response.status_code == 403, (method, address, response.status_code)
        assert "Your account is limited to council 812" in response.text, address


def test_a_user_of_the_council_sees_its_pages_and_children(app_client: TestClient, limited: None) -> None:
    sign_in(app_client, "ours")
    home = app_client.get("/")
    assert str(home.url).endswith(f"/summary/{COUNCIL}/{YEAR}")
    page = app_client.get(INDICATOR)
    assert page.status_code == 200 and 'id="members"' in page.text
    child = re.search(r'href="(/child/[^"]+)"', page.text)
    assert child and app_client.get(child.group(1)).status_code == 200
    assert app_client.get(f"/qa/{COUNCIL}/audits.csv").status_code == 200


def test_another_councils_user_is_offered_nothing_on_home_or_in_the_audit_log(
    app_client: TestClient, limited: None
) -> None:
    sign_in(app_client, "neighbour")
    home = app_client.get("/")
    assert home.status_code == 200 and f"/{COUNCIL}/{YEAR}" not in home.text
    log = app_client.get("/audit")
    assert log.status_code == 200 and "813000999" not in log.text
    sign_in(app_client, "analyst")  # an analyst of every council sees it
    assert "813000999" in app_client.get("/audit").text


def test_an_upload_of_another_councils_return_is_refused(app_client: TestClient, limited: None) -> None:
    sign_in(app_client, "neighbour")
    csrf = token(app_client.get("/upload").text)
    header = b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nB1,1,01/02/2015,WBRI,UN1,,\r\n"
    response = app_client.post(
        "/upload",
        data={"csrf_token": csrf, "council": COUNCIL, "year": str(YEAR)},
        files={"returns": ("header.csv", header, "text/csv")},
    )
    assert response.status_code == 403
    assert "limited to council 812: it cannot load council 813" in response.text


def test_user_add_takes_councils_and_refuses_a_code_that_is_not_one(tmp_path: Path) -> None:
    db = str(tmp_path / "users.duckdb")
    runner = CliRunner()
    args = ["user", "add", "jo", "--role", "analyst", "--db", db, "--password", "long enough"]
    added = runner.invoke(app, [*args, "--council", "813", "--council", "812"])
    assert added.exit_code == 0 and "councils 812, 813 only" in added.output
    with Store(db) as store:
        assert store.query("SELECT la_code FROM app_user_council WHERE username = 'jo' ORDER BY 1") == [
            ("812",),
            ("813",),
        ]
    bad = runner.invoke(app, [*args, "--council", "81'3"])
    assert bad.exit_code != 0 and "a council is its DfE three-digit LA code" in str(bad.exception)
