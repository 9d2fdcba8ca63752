"""QA pages through the ASGI client: roles, the audit log, grading an audit, closing an action, the draft."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from lineofsight.qa import audits, feedback
from lineofsight.store import Store
from lineofsight.web.app import create_app
from lineofsight.web.users import ROLES, add_user

from .planted import ACTIONS_CSV, AUDITS_CSV, SURVEY
from .test_annex_a import planted

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("qa_web")
    db = folder / "store.duckdb"
    Store(db).close()
    source = planted()
    source.con.execute(f"ATTACH '{db}' AS f")
    for (name,) in source.query("SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory'"):
        source.con.execute(f"INSERT INTO f.{name} SELECT * FROM {name}")
    source.con.execute("DETACH f")
    with Store(db) as store:
        for name, text in (("audits.csv", AUDITS_CSV), ("actions.csv", ACTIONS_CSV), ("survey.csv", SURVEY)):
            (folder / name).write_text(text)
        audits.import_csv(store, folder / "audits.csv", "999")
        audits.import_csv(store, folder / "actions.csv", "999")
        feedback.import_csv(store, folder / "survey.csv", "999", survey="Young people 2025")
        for role in ROLES:
            add_user(store, role, role, PASSWORD)
    with TestClient(create_app(db, secret_key="test", secure_cookies=False)) as test_client:
        yield test_client


def token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found
    return found.group(1)


def sign_in(client: TestClient, username: str) -> None:
    client.cookies.clear()
    page = client.get("/sign-in")
    data = {"csrf_token": token(page.text), "username": username, "password": PASSWORD, "next": "/"}
    assert client.post("/sign-in", data=data, follow_redirects=False).status_code == 303


def audit_log(client: TestClient) -> list[str]:
    sign_in(client, "analyst")
    found = re.findall(r"(view audit|list audits|grade audit|complete action)", client.get("/audit").text)
    return [f.replace(" ", "_") for f in found]


def test_summary_for_every_role_child_level_pages_not_for_viewers(client: TestClient) -> None:
    client.cookies.clear()
    assert client.get("/qa/999/2026", follow_redirects=False).headers["location"].startswith("/sign-in?next=")
    sign_in(client, "viewer")
    page = client.get("/qa/999/2026")
    assert page.status_code == 200
    assert "60% (95% CI 23% to 88%, n=5)" in page.text  # 3 of 5 graded audits good or better
    assert "67% (95% CI 21% to 94%, n=3)" in page.text  # feedback and moderation shares
    assert "/qa/999/2026/audits" not in page.text
    assert client.get("/qa/999/2026/audits").status_code == 403
    assert client.get("/qa/999/audit/A1").status_code == 403
    sign_in(client, "auditor")
    listing = client.get("/qa/999/2026/audits")
    assert listing.status_code == 200 and "A1" in listing.text and "Review the plan" in listing.text  # overdue
    assert "list_audits" in audit_log(client)


def test_auditor_draws_a_programme(client: TestClient) -> None:
    sign_in(client, "auditor")
    listing = client.get("/qa/999/2026/audits")
    assert "Draw the programme" in listing.text
    data = {
        "csrf_token": token(listing.text),
        "theme": "second_cp_plan",
        "month": "2025-10",
        "size": "3",
        "auditors": "ann, bob",
        "seed": "4",
    }
    drawn = client.post("/qa/999/2026/plan", data=data, follow_redirects=False)
    assert drawn.status_code == 303
    # Only C1 has a second plan open in 2025/26 in the planted store.
    assert "999-2025-10-second_cp_plan-4-000" in client.get("/qa/999/2026/audits").text
    exported = client.get("/qa/999/audits.csv")
    assert exported.status_code == 200 and exported.text.startswith("AUDIT_ID,PROGRAMME,CHILD")
    edited = exported.text.replace(
        "999-2025-10-second_cp_plan-4-000,999-2025-10-second_cp_plan-4,C1,help_and_protection,,ann,",
        "999-2025-10-second_cp_plan-4-000,999-2025-10-second_cp_plan-4,C1,help_and_protection,,ann,01/10/2025",
    )
    form = {"csrf_token": token(listing.text)}
    imported = client.post(
        "/qa/999/2026/import", data=form, files={"file": ("forms.csv", edited, "text/csv")}, follow_redirects=False
    )
    assert imported.status_code == 303
    junk = client.post("/qa/999/2026/import", data=form, files={"file": ("x.csv", "A,B\n1,2\n", "text/csv")})
    assert junk.status_code == 400 and "not an audits CSV" in junk.text
    bad = client.post("/qa/999/2026/plan", data={**data, "theme": "nonsense"})
    assert bad.status_code == 400 and "unknown audit theme" in bad.text
    sign_in(client, "viewer")
    assert client.post("/qa/999/2026/plan", data=data).status_code == 403


def test_auditor_grades_and_moderates_through_the_form(client: TestClient) -> None:
    sign_in(client, "auditor")
    form = client.get("/qa/999/audit/A6")  # planned, not graded
    assert form.status_code == 200 and "Save the audit" in form.text
    data = {
        "csrf_token": token(form.text),
        "TEAM": "North",
        "AUDITOR": "ann",
        "AUDIT_DATE": "02/07/2025",
        "CHILDS_VOICE": "2",
        "ASSESSMENT": "2",
        "PLANNING": "3",
        "MANAGEMENT_OVERSIGHT": "2",
        "OUTCOME": "2",
        "OVERALL": "2",
        "FINDINGS": "Clear voice of the young person",
        "MODERATOR": "ann",
        "MODERATION_DATE": "",
        "MODERATED_GRADE": "",
        "MODERATION_COMMENT": "",
    }
    refused = client.post("/qa/999/audit/A6", data=data)
    assert refused.status_code == 400 and "must be a second auditor" in refused.text
    saved = client.post("/qa/999/audit/A6", data={**data, "MODERATOR": ""}, follow_redirects=False)
    assert saved.status_code == 303
    # Now 4 of 6 graded audits are good or better.
    assert "67% (95% CI 30% to 90%, n=6)" in client.get("/qa/999/2026").text
    no_token = client.post("/qa/999/audit/A6", data={**data, "csrf_token": "forged"})
    assert no_token.status_code == 403
    sign_in(client, "manager")
    assert client.post("/qa/999/audit/A6", data=data).status_code in (403,)  # managers read, auditors grade
    assert {"view_audit", "grade_audit"} <= set(audit_log(client))


def test_action_marked_done_and_self_evaluation(client: TestClient) -> None:
    sign_in(client, "manager")
    page = client.get("/qa/999/audit/A2")
    assert "Mark done" in page.text
    done = client.post("/qa/999/action/X1/complete", data={"csrf_token": token(page.text)}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/qa/999/audit/A2"
    assert "Mark done" not in client.get("/qa/999/audit/A2").text
    sign_in(client, "auditor")
    overview = client.get("/qa/999/2026")
    survey = "Things got better,I trust my worker\n5,4\nagree,maybe\n"
    sent = client.post(
        "/qa/999/2026/feedback",
        data={"csrf_token": token(overview.text), "survey": "Parents", "area": "help_and_protection"},
        files={"file": ("parents.csv", survey, "text/csv")},
    )
    # Three answers on the scale are loaded; "maybe" is named by file, row and question.
    assert (
        sent.status_code == 400
        and "3 answers loaded" in sent.text
        and "parents.csv, row 3, I trust my worker" in sent.text
    )
    assert "Things got better" in client.get("/qa/999/2026").text
    workbook = client.get("/qa/999/annex-a.xlsx?date=2026-03-31")
    assert workbook.status_code == 200 and workbook.content[:2] == b"PK"
    sign_in(client, "viewer")
    assert client.get("/qa/999/annex-a.xlsx").status_code == 403
    draft = client.get("/qa/999/2026/self-evaluation")
    assert draft.status_code == 200 and "DRAFT for editing" in draft.text and 'href="#E1"' in draft.text
    word = client.get("/qa/999/2026/self-evaluation.docx")
    assert word.status_code == 200 and word.content[:2] == b"PK"
    assert client.get("/qa/999/2026/self-evaluation.exe").status_code == 404
