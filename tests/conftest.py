"""Fixtures shared by every test area."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lineofsight.store import Store

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout; LINEOFSIGHT_SHARED names it when the checkout is elsewhere (a git worktree).
SHARED = Path(os.environ.get("LINEOFSIGHT_SHARED") or ROOT.parent / "shared")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout: the brief and the public reference data (never committed)."""
    if not SHARED.exists():
        pytest.skip("../shared/ is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def reference_dir(shared_dir: Path) -> Path:
    return shared_dir / "reference"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated council (population 5,000, collection years 2025 and 2026) loaded into a DuckDB file.

    Built once per session; open it read-only (Store(path, read_only=True)) or copy it before writing.
    The latest year carries planted figures: see lineofsight.generate.sample.SAMPLE_TARGETS.
    """
    from lineofsight.generate.sample import sample_store

    return sample_store(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def reference_db(sample_db: Path, reference_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample council with the public reference data imported: councils and neighbours, the DfE's published
    figures, Ofsted's official outcomes and the council map. Copy it before writing (add users to the copy)."""
    import shutil

    from lineofsight.benchmark.councils import import_lookup
    from lineofsight.benchmark.maps import load_geography, save_geography
    from lineofsight.benchmark.published import import_published
    from lineofsight.ofsted.history import import_reports
    from lineofsight.ofsted.outcomes import read_official
    from lineofsight.store import Store

    if not (reference_dir / "la_lookup.csv").exists():
        pytest.skip("the shared reference data is not here")
    db = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    shutil.copy(sample_db, db)
    dfe = reference_dir / "dfe"
    with Store(db) as store:
        import_lookup(store, reference_dir / "la_lookup.csv")
        import_published(store, dfe)
        import_reports(store, read_official(dfe / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"))
        lookup = dfe / "LTLA-UTLA_Apr23_Lookup_England-Wales.csv"
        save_geography(store, load_geography(reference_dir / "la_district_boundaries.geojson", lookup), "test")
    return db


# --- PostgreSQL, the team's shared store -------------------------------------------------------------------------

POSTGRES = "postgresql://lineofsight:lineofsight@127.0.0.1:54329/lineofsight_test"  # scripts/start-postgres.sh


@pytest.fixture(scope="session")
def postgres_url(worker_id: str) -> str:
    """A database of this test process's own on the test server (`make test` starts it), emptied first.

    If the server cannot be reached the test fails, saying how to start it: nothing is skipped."""
    import psycopg

    admin = os.environ.get("LINEOFSIGHT_TEST_POSTGRES", POSTGRES)
    name = f"lineofsight_test_{worker_id}"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as con:
            con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            con.execute(f"CREATE DATABASE {name}")
    except psycopg.OperationalError as exc:
        pytest.fail(
            f"PostgreSQL is not reachable at {admin} ({str(exc).strip().splitlines()[-1]}): start it with "
            "`sh scripts/start-postgres.sh` (make test and .ci/run do), or set LINEOFSIGHT_TEST_POSTGRES",
            pytrace=False,
        )
    return admin.rsplit("/", 1)[0] + "/" + name


def empty(store: Store) -> Store:
    """Empty every table but the calendar (a server store outlives a test; building the calendar is slow)."""
    from lineofsight.model import TABLES
    from lineofsight.store import POSTCODE

    names = ", ".join([*(t.name for t in TABLES.values()), POSTCODE.name])
    store.con.execute(f"TRUNCATE {names}" if store.dialect == "postgres" else "SELECT 1")
    return store


@pytest.fixture(scope="session")
def emptied() -> Callable[[Store], Store]:
    """`empty`, for tests that hold a server store for a whole module."""
    return empty


@pytest.fixture(params=["duckdb", "postgres"])
def any_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store of each kind: the embedded DuckDB and the PostgreSQL server."""
    if request.param == "duckdb":
        with Store() as store:
            yield store
        return
    from lineofsight.store.postgres import PgStore

    with PgStore(request.getfixturevalue("postgres_url")) as store:
        yield empty(store)
