"""Uploading a return: validated first; a rejected upload leaves what was loaded before untouched."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from lineofsight.store import Store
from lineofsight.web.routes import quality

from .conftest import COUNCIL, YEAR, sign_in, token

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n"


def _post(client: TestClient, name: str, body: str, force: bool = False) -> httpx.Response:
    page = client.get("/upload")
    data = {"csrf_token": token(page.text), "council": COUNCIL, "year": str(YEAR)}
    if force:
        data["force"] = "yes"
    return client.post("/upload", data=data, files={"returns": (name, body.encode(), "text/csv")})


def _children(db: object) -> list[str]:
    with Store(str(db)) as store:
        return [
            r[0]
            for r in store.query(
                "SELECT child_id FROM child WHERE la_code = ? AND collection_year = ? ORDER BY 1", [COUNCIL, YEAR]
            )
        ]


def test_rejected_upload_shows_errors_and_keeps_what_was_loaded(app_client: TestClient, web_db: object) -> None:
    sign_in(app_client, "analyst")
    before = _children(web_db)
    assert before, "the sample council has children in its header table"
    # 31 February is not a date: the DfE rule 102 error for DOB, row 2 (the header is row 1).
    response = _post(app_client, "header.csv", HEADER + "NEW1,1,31/02/2023,WBRI,UN1,,\r\n")
    assert response.status_code == 422
    text = response.text
    assert "The return was not loaded" in text and "what was loaded before is unchanged" in text
    assert "31/02/2023" in text and "header.csv" in text
    assert _children(web_db) == before


def test_clean_upload_loads_and_replaces_the_table(app_client: TestClient, web_db: object) -> None:
    sign_in(app_client, "analyst")
    response = _post(app_client, "header.csv", HEADER + "NEW2,F,03/02/2023,WBRI,UN1,,\r\n")
    assert response.status_code == 200, response.text[:2000]
    assert "Return loaded" in response.text
    assert _children(web_db) == ["NEW2"]  # a load replaces the council-year of that table


def test_upload_without_a_file_is_refused(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    page = app_client.get("/upload")
    response = app_client.post("/upload", data={"csrf_token": token(page.text)})
    assert response.status_code == 400 and "Choose at least one file" in response.text


def test_upload_needs_csrf(app_client: TestClient) -> None:
    sign_in(app_client, "analyst")
    response = app_client.post("/upload", files={"returns": ("header.csv", HEADER.encode(), "text/csv")})
    assert response.status_code == 403


def test_an_upload_is_checked_against_last_years_return_in_the_store(app_client: TestClient, web_db: object) -> None:
    with Store(str(web_db)) as store:
        child, sex, dob = store.query(
            "SELECT child_id, sex, date_of_birth FROM child WHERE la_code = ? AND collection_year = ? ORDER BY 1",
            [COUNCIL, YEAR - 1],
        )[0]
    other = "F" if sex in ("1", "M") else "M"  # 2025/26 codes (M/F/U from 2024/25); 202 reads 1 as M
    sign_in(app_client, "analyst")
    row = f"{child},{other},{dob:%d/%m/%Y},WBRI,UN1,,\r\n"
    response = _post(app_client, "header.csv", HEADER + row)
    # Rule 202 compares sex with last year's Header, which the store holds: the change is an error.
    assert response.status_code == 422
    assert "The gender code conflicts with the gender already recorded for this child." in response.text


def test_the_page_says_how_many_of_the_issues_it_lists(app_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quality, "MAX_ISSUES_SHOWN", 1)
    sign_in(app_client, "analyst")
    rows = "NEW3,M,31/02/2023,WBRI,UN1,,\r\nNEW4,M,30/02/2023,WBRI,UN1,,\r\n"  # two impossible dates: rule 102 twice
    response = _post(app_client, "header.csv", HEADER + rows)
    assert response.status_code == 422
    assert "showing the first 1 of 2" in response.text
    assert "31/02/2023" in response.text and "30/02/2023" not in response.text


def test_an_upload_over_the_limit_is_refused(app_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quality, "MAX_UPLOAD_BYTES", 4096)
    sign_in(app_client, "analyst")
    response = _post(app_client, "header.csv", HEADER + "NEW5,M,03/02/2023,WBRI,UN1,,\r\n" * 200)
    assert response.status_code == 413
    assert "The upload is larger than 4 KB, the most this dashboard accepts" in response.text


def test_a_chunked_upload_is_cut_off_at_the_limit(app_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a Content-Length the body is counted as it arrives."""
    monkeypatch.setattr(quality, "MAX_UPLOAD_BYTES", 4096)
    sign_in(app_client, "analyst")
    page = app_client.get("/upload")
    boundary = "lineofsightboundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token(page.text)}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="returns"; filename="header.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n{HEADER}{'NEW6,M,03/02/2023,WBRI,UN1,,' * 1000}\r\n--{boundary}--\r\n"
    ).encode()

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 1024):
            yield body[start : start + 1024]

    response = app_client.post(
        "/upload", content=chunks(), headers={"content-type": f"multipart/form-data; boundary={boundary}"}
    )
    assert response.status_code == 413 and "the most this dashboard accepts" in response.text
