"""A dashboard over a copy of the generated council, with one user per role."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from lineofsight.store import Store
from lineofsight.web.app import create_app
from lineofsight.web.users import ROLES, add_user

PASSWORD = "correct horse battery"
COUNCIL = "813"  # North Lincolnshire's code, which the sample council carries
YEAR = 2026


@pytest.fixture(scope="module")
def web_db(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    shutil.copy(sample_db, db)
    with Store(db) as store:
        for role in ROLES:
            add_user(store, role, role, PASSWORD)  # one user per role, named after it
    return db


@pytest.fixture(scope="module")
def app_client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_db, secret_key="test", secure_cookies=False)) as client:
        yield client


def token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> None:
    client.cookies.clear()
    page = client.get("/sign-in")
    response = client.post(
        "/sign-in",
        data={"csrf_token": token(page.text), "username": username, "password": password, "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:500]
