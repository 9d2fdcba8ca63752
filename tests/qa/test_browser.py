"""In chromium against a real server: an auditor opens the QA summary, grades a planned audit, sees it counted."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lineofsight.qa import audits
from lineofsight.store import Store
from lineofsight.web.users import add_user

from .planted import AUDITS_CSV
from .test_annex_a import planted

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PASSWORD = "auditor-test-password"
SERVER = (
    "import sys, uvicorn; from lineofsight.web.app import create_app; "
    "uvicorn.run(create_app(sys.argv[1], secret_key='qa-test', secure_cookies=False), "
    "host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("qa_browser")
    db = folder / "store.duckdb"
    Store(db).close()
    source = planted()
    source.con.execute(f"ATTACH '{db}' AS f")
    for (name,) in source.query("SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory'"):
        source.con.execute(f"INSERT INTO f.{name} SELECT * FROM {name}")
    source.con.execute("DETACH f")
    (folder / "audits.csv").write_text(AUDITS_CSV)
    with Store(db) as store:
        audits.import_csv(store, folder / "audits.csv", "999")
        add_user(store, "auditor", "auditor", PASSWORD)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the dashboard server did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_auditor_grades_an_audit_in_the_browser(server: str, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed: run `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page: Any = browser.new_page()
        page.goto(server + "/qa/999/2026")
        page.fill("#username", "auditor")
        page.fill("#password", PASSWORD)
        page.click("button:has-text('Sign in')")
        page.wait_for_url("**/qa/999/2026")
        assert page.locator("h1").inner_text() == "Quality assurance"
        assert "60% (95% CI 23% to 88%, n=5)" in page.content()  # 3 of 5 graded audits good or better
        page.click("a:has-text('Audits and actions')")
        assert page.locator("a", has_text="A1").count() >= 1
        page.goto(server + "/qa/999/audit/A6")  # planned without a date: not graded yet
        page.fill("#AUDIT_DATE", "02/07/2025")
        for field in ("CHILDS_VOICE", "ASSESSMENT", "PLANNING", "MANAGEMENT_OVERSIGHT", "OUTCOME", "OVERALL"):
            page.select_option(f"#{field}", "1")
        page.click("button:has-text('Save the audit')")
        page.wait_for_url("**/qa/999/audit/A6")
        assert page.locator("#OVERALL").input_value() == "1"
        page.goto(server + "/qa/999/2026")
        assert "67% (95% CI 30% to 90%, n=6)" in page.content()  # now 4 of 6
        page.screenshot(path=str(tmp_path / "qa.png"), full_page=True)
        browser.close()
