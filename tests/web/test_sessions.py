"""Sessions held in the store: sign-out, password resets, disabled and removed users end them everywhere;
sign-in is throttled per account and per address; every step is in the audit log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.store import Store
from lineofsight.web import sessions, throttle
from lineofsight.web.users import add_user, list_users, remove_user, reset_password, set_disabled

from .conftest import PASSWORD, sign_in, token

COOKIE = "lineofsight_session"
HALF_MINUTE = dt.timedelta(seconds=30)


def _client(app_client: TestClient) -> TestClient:
    """Another browser on the same server."""
    return TestClient(app_client.app)


def _signed_in(app_client: TestClient, username: str) -> TestClient:
    client = _client(app_client)
    sign_in(client, username)
    assert client.get("/", follow_redirects=False).status_code in (200, 303)
    assert _works(client)
    return client


def _works(client: TestClient) -> bool:
    """Whether the client's cookie still opens a signed-in page (the audit log is any role's; home is)."""
    response = client.get("/upload", follow_redirects=False)
    return response.status_code != 303 or not response.headers["location"].startswith("/sign-in")


def _copy_of(client: TestClient) -> TestClient:
    """Another browser holding a copy of the client's cookie."""
    thief = TestClient(client.app)
    thief.cookies.set(COOKIE, client.cookies[COOKIE])
    return thief


def _audit(web_db: Path, action: str, subject: str) -> list[tuple[object, ...]]:
    with Store(web_db) as store:
        return store.query("SELECT username, detail FROM audit_log WHERE action = ? AND subject = ?", [action, subject])


def _add(web_db: Path, name: str, role: str = "analyst") -> None:
    with Store(web_db) as store:
        add_user(store, name, role, PASSWORD, actor="test")


def test_sign_out_ends_the_session_for_a_copied_cookie(app_client: TestClient, web_db: Path) -> None:
    _add(web_db, "leaver")
    client = _signed_in(app_client, "leaver")
    copy = _copy_of(client)
    assert _works(copy)  # a copied cookie works while the session lives ...
    page = client.get("/upload")
    assert client.post("/sign-out", data={"csrf_token": token(page.text)}, follow_redirects=False).status_code == 303
    assert not _works(copy)  # ... and not after its owner signs out
    assert not _works(client)
    assert [r[0] for r in _audit(web_db, "sign_out", "leaver")] == ["leaver"]
    with Store(web_db) as store:
        ended = store.query("SELECT revoked_why FROM app_session WHERE username = 'leaver'")
    assert ended == [("signed out",)]


def test_the_cookie_holds_only_a_random_id_and_the_store_only_its_hash(app_client: TestClient, web_db: Path) -> None:
    _add(web_db, "hashcheck")
    client = _signed_in(app_client, "hashcheck")
    cookie = client.cookies[COOKIE]
    with Store(web_db) as store:
        stored = [r[0] for r in store.query("SELECT session_hash FROM app_session WHERE username = 'hashcheck'")]
    assert len(stored) == 1 and len(stored[0]) == 64
    assert "hashcheck" not in cookie  # the signed cookie names nobody: the store says whose session it is


@pytest.mark.parametrize("change", ["reset", "disable", "remove"])
def test_resetting_disabling_or_removing_a_user_ends_all_their_sessions(
    app_client: TestClient, web_db: Path, change: str
) -> None:
    name = f"two_browsers_{change}"
    _add(web_db, name)
    office, home = _signed_in(app_client, name), _signed_in(app_client, name)
    bystander = _signed_in(app_client, "analyst")
    with Store(web_db) as store:
        assert next(u for u in list_users(store) if u["username"] == name)["sessions"] == 2
        if change == "reset":
            ended = reset_password(store, name, "a new password", actor="cli:admin")
        elif change == "disable":
            ended = set_disabled(store, name, True, actor="cli:admin")
        else:
            ended = remove_user(store, name, actor="cli:admin")
    assert ended == 2
    assert not _works(office) and not _works(home)
    assert _works(bystander)  # other people's sessions carry on
    action = {"reset": "user_reset_password", "disable": "user_disable", "remove": "user_remove"}[change]
    assert _audit(web_db, action, name) == [("cli:admin", "2 sessions ended")]


def test_a_disabled_user_cannot_sign_in_until_enabled(app_client: TestClient, web_db: Path) -> None:
    _add(web_db, "suspended")
    with Store(web_db) as store:
        set_disabled(store, "suspended", True, actor="test")
    client = _client(app_client)
    page = client.get("/sign-in")
    refused = client.post(
        "/sign-in", data={"csrf_token": token(page.text), "username": "suspended", "password": PASSWORD}
    )
    assert refused.status_code == 400 and "This account is disabled" in refused.text
    assert "sign_in_refused" in {a for (a,) in _actions(web_db, "suspended")}
    with Store(web_db) as store:
        set_disabled(store, "suspended", False, actor="test")
    _signed_in(app_client, "suspended")


def _actions(web_db: Path, subject: str) -> list[tuple[object, ...]]:
    with Store(web_db) as store:
        return store.query("SELECT action FROM audit_log WHERE subject = ? ORDER BY occurred_at", [subject])


def test_an_idle_or_expired_session_ends(app_client: TestClient, web_db: Path) -> None:
    _add(web_db, "idler")
    client = _signed_in(app_client, "idler")
    with Store(web_db) as store:
        long_ago = dt.datetime.now() - sessions.IDLE - dt.timedelta(minutes=1)
        store.con.execute("UPDATE app_session SET last_seen_at = ? WHERE username = 'idler'", [long_ago])
    assert not _works(client)
    client = _signed_in(app_client, "idler")
    with Store(web_db) as store:
        store.con.execute(
            "UPDATE app_session SET expires_at = ? WHERE username = 'idler'", [dt.datetime.now() - dt.timedelta(1)]
        )
    assert not _works(client)


def test_five_wrong_passwords_hold_the_account_with_a_clear_message(app_client: TestClient, web_db: Path) -> None:
    _add(web_db, "guessed")
    client = _client(app_client)
    for _ in range(throttle.ACCOUNT_LIMIT):
        page = client.get("/sign-in")
        wrong = client.post(
            "/sign-in", data={"csrf_token": token(page.text), "username": "guessed", "password": "wrong guess"}
        )
        assert wrong.status_code == 400 and "not right" in wrong.text
    page = client.get("/sign-in")
    held = client.post("/sign-in", data={"csrf_token": token(page.text), "username": "guessed", "password": PASSWORD})
    assert held.status_code == 429  # even the right password waits: the guesser learns nothing
    assert "Too many wrong passwords for this account (5 in 15 minutes). Wait 15 minutes" in held.text
    assert not _works(client)
    assert _signed_in(app_client, "analyst")  # another account from the same address is not held
    actions = [a for (a,) in _actions(web_db, "guessed")]
    assert actions.count("sign_in_refused") == 5 and actions[-1] == "sign_in_held"


def test_the_hold_lasts_until_the_fifth_newest_failure_is_15_minutes_old() -> None:
    now = dt.datetime(2026, 3, 2, 10, 0)
    with Store() as store:
        # five failures at 9:50, 9:52, 9:54, 9:56, 9:58: the fifth newest (9:50) leaves the window at 10:05
        for minute in (50, 52, 54, 56, 58):
            throttle.attempted(store, "jo", "10.0.0.1", False, now.replace(hour=9, minute=minute))
        assert "Wait 5 minutes" in str(throttle.held(store, "jo", "10.0.0.1", now))
        assert throttle.held(store, "jo", "10.0.0.1", now.replace(minute=5)) is None
        # a success after the failures starts the count again
        throttle.attempted(store, "jo", "10.0.0.1", True, now.replace(hour=9, minute=59))
        assert throttle.held(store, "jo", "10.0.0.1", now) is None


def test_twenty_failures_from_one_address_hold_every_account_from_it() -> None:
    now = dt.datetime(2026, 3, 2, 10, 0)
    with Store() as store:
        for i in range(throttle.ADDRESS_LIMIT):  # one guess each at 20 accounts, 30 s apart from 9:50:00
            throttle.attempted(store, f"user{i}", "10.0.0.9", False, now.replace(hour=9, minute=50) + i * HALF_MINUTE)
        # the 20th newest failure is 9:50:00's, which leaves the window at 10:05
        message = str(throttle.held(store, "someone_else", "10.0.0.9", now))
        assert "from your network address (20 in 15 minutes). Wait 5 minutes and try again." in message
        assert throttle.held(store, "someone_else", "10.0.0.8", now) is None


runner = CliRunner()


def test_user_commands_list_disable_enable_reset_and_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "users.duckdb")
    added = runner.invoke(app, ["user", "add", "sam", "--role", "viewer", "--db", db, "--password", "first-password"])
    assert added.exit_code == 0, added.output
    with Store(db) as store:
        session = sessions.start(store, "sam", dt.datetime.now())
    listed = runner.invoke(app, ["user", "list", "--db", db])
    assert listed.exit_code == 0 and "sam" in listed.output and "viewer" in listed.output
    assert "enabled" in listed.output
    disabled = runner.invoke(app, ["user", "disable", "sam", "--db", db])
    assert disabled.exit_code == 0 and "1 live sessions ended" in disabled.output
    with Store(db) as store:
        assert sessions.holder(store, session, dt.datetime.now()) is None
    assert "disabled" in runner.invoke(app, ["user", "list", "--db", db]).output
    assert runner.invoke(app, ["user", "enable", "sam", "--db", db]).exit_code == 0
    reset = runner.invoke(app, ["user", "reset-password", "sam", "--db", db, "--password", "second-password"])
    assert reset.exit_code == 0 and "new password" in reset.output
    with Store(db) as store:
        from lineofsight.web.users import authenticate

        assert authenticate(store, "sam", "second-password") == "viewer"
        assert authenticate(store, "sam", "first-password") is None
    assert runner.invoke(app, ["user", "remove", "sam", "--db", db]).exit_code == 0
    missing = runner.invoke(app, ["user", "disable", "sam", "--db", db])
    assert missing.exit_code != 0 and "there is no user 'sam'" in str(missing.exception)
    with Store(db) as store:
        done = [r[0] for r in store.query("SELECT action FROM audit_log WHERE subject = 'sam' ORDER BY occurred_at")]
    assert done == ["user_add", "user_disable", "user_enable", "user_reset_password", "user_remove"]
