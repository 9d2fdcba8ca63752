"""The users, sessions and throttling SQL on every store: the embedded DuckDB file and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from collections.abc import Iterator

import pytest

from lineofsight.store import Store, audit
from lineofsight.web import sessions, throttle, users

PG = os.environ.get("LINEOFSIGHT_TEST_PG", "postgresql://lineofsight:lineofsight@127.0.0.1:54329/lineofsight_test")


def _pg_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 54329), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(params=["duckdb", "postgres"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    if request.param == "duckdb":
        with Store() as memory:
            yield memory
        return
    if not _pg_up():
        pytest.skip("PostgreSQL is not running: scripts/start-postgres.sh starts it")
    import psycopg

    from lineofsight.store.postgres import PgStore

    name = f"sessions_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        pg = PgStore(PG.rsplit("/", 1)[0] + "/" + name)
        yield pg
        pg.close()
    finally:
        with psycopg.connect(PG, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name}")


def test_a_session_lives_until_ended_and_names_its_councils(store: Store) -> None:
    now = dt.datetime.now()  # user changes end the sessions live at the time they are made
    users.add_user(store, "jo", "analyst", "long enough", ["813", "812"], actor="test")
    first, second = sessions.start(store, "jo", now), sessions.start(store, "jo", now)
    later = now + dt.timedelta(minutes=5)
    assert sessions.holder(store, first, later) == sessions.Holder("jo", "analyst", frozenset({"812", "813"}))
    assert [u["sessions"] for u in users.list_users(store, later)] == [2]
    sessions.end(store, first, "signed out", later)
    assert sessions.holder(store, first, later) is None and sessions.holder(store, second, later) is not None
    assert sessions.holder(store, second, later + sessions.IDLE + dt.timedelta(minutes=6)) is None  # idle
    assert users.set_disabled(store, "jo", True, actor="test") == 1
    assert sessions.holder(store, second, later) is None
    assert users.authenticate(store, "jo", "long enough") is None
    users.set_disabled(store, "jo", False, actor="test")
    assert users.authenticate(store, "jo", "long enough") == "analyst"
    assert users.remove_user(store, "jo", actor="test") == 0
    actions = [e["action"] for e in audit.entries(store)]
    assert sorted(actions) == ["user_add", "user_disable", "user_enable", "user_remove"]


def test_throttling_counts_failures_since_the_last_success(store: Store) -> None:
    now = dt.datetime(2026, 3, 2, 10, 0)
    for minute in (50, 52, 54, 56, 58):
        throttle.attempted(store, "jo", "10.0.0.1", False, now.replace(hour=9, minute=minute))
    assert "Wait 5 minutes" in str(throttle.held(store, "jo", "10.0.0.1", now))
    throttle.attempted(store, "jo", "10.0.0.1", True, now.replace(hour=9, minute=59))
    assert throttle.held(store, "jo", "10.0.0.1", now) is None
