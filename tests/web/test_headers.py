"""Security headers on every response, a 500 included; child pages and exports are never cached."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.testclient import TestClient

from lineofsight.web.app import create_app

from .conftest import COUNCIL, YEAR, sign_in, token


def test_the_csp_limits_forms_and_base_and_child_pages_and_exports_are_not_stored(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    page = app_client.get(f"/indicator/cin.assessments_45wd/{COUNCIL}/{YEAR}")
    csp = page.headers["content-security-policy"]
    assert "form-action 'self'" in csp and "base-uri 'none'" in csp
    child = re.search(r'href="(/child/[^"]+)"', page.text)
    assert child
    for address in (child.group(1), f"/qa/{COUNCIL}/audits.csv", f"/qa/{COUNCIL}/annex-a.xlsx"):
        response = app_client.get(address)
        assert response.status_code == 200 and response.headers["cache-control"] == "no-store", address
    assert "no-store" not in app_client.get("/static/app.css").headers.get("cache-control", "")


def test_a_server_error_carries_the_security_headers(web_db: Path) -> None:
    app = create_app(web_db, secret_key="test", secure_cookies=False)

    def broken(request: Request) -> Response:
        raise RuntimeError("a bug")

    app.add_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/broken")
    assert response.status_code == 500 and "a bug" not in response.text
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff" and response.headers["cache-control"] == "no-store"


def test_an_odd_council_code_in_an_export_is_a_404_not_a_second_filename(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    for address in ('/qa/813"; filename="x.exe/audits.csv', "/qa/8 13/annex-a.xlsx", f"/overview/..%2F/{YEAR}"):
        response = app_client.get(address)
        assert response.status_code == 404, address
        assert "content-disposition" not in response.headers


def test_an_unknown_action_and_an_upload_named_dot_dot_are_4xx(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    csrf = token(app_client.get(f"/qa/{COUNCIL}/{YEAR}/audits").text)
    missing = app_client.post(f"/qa/{COUNCIL}/action/NO-SUCH/complete", data={"csrf_token": csrf})
    assert missing.status_code == 404 and "No action &#39;NO-SUCH&#39; for council 813" in missing.text
    for name in ("..", "."):
        sent = app_client.post(
            f"/qa/{COUNCIL}/{YEAR}/import",
            data={"csrf_token": csrf},
            files={"file": (name, b"AUDIT_ID\n", "text/csv")},
        )
        assert sent.status_code == 400 and "is not a file name" in sent.text, name


def test_a_qa_import_error_names_the_file_not_the_servers_temporary_folder(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    csrf = token(app_client.get(f"/qa/{COUNCIL}/{YEAR}/audits").text)
    for address, field in ((f"/qa/{COUNCIL}/{YEAR}/import", "file"), (f"/qa/{COUNCIL}/{YEAR}/feedback", "file")):
        sent = app_client.post(
            address, data={"csrf_token": csrf, "area": "children_in_care"}, files={field: ("mine.csv", b"", "text/csv")}
        )
        assert sent.status_code == 400 and "mine.csv" in sent.text, address
        assert "/tmp" not in sent.text and "lineofsight-" not in sent.text, address


def test_a_body_over_the_limit_is_refused_before_it_is_read(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    page = app_client.get("/sign-in")
    big = {"csrf_token": token(page.text), "username": "x" * (2 << 20), "password": "y"}
    response = app_client.post("/sign-in", data=big)
    assert response.status_code == 413 and "larger than the 1 MB this page accepts" in response.text
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
