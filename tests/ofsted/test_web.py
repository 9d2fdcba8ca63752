"""The Ofsted pages through the ASGI test client, on a store with the real reference data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from lineofsight.benchmark.councils import import_lookup
from lineofsight.benchmark.maps import load_geography, save_geography
from lineofsight.ofsted.history import import_reports
from lineofsight.ofsted.outcomes import read_official
from lineofsight.store import Store
from lineofsight.web.routes import ofsted as ofsted_pages
from lineofsight.web.routes.ofsted import routes


@pytest.fixture(scope="module")
def client(reference_dir: Path) -> Iterator[TestClient]:
    store = Store()
    import_lookup(store, reference_dir / "la_lookup.csv")
    import_reports(store, read_official(reference_dir / "dfe" / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"))
    geography = load_geography(
        reference_dir / "la_district_boundaries.geojson",
        reference_dir / "dfe" / "LTLA-UTLA_Apr23_Lookup_England-Wales.csv",
    )
    save_geography(store, geography, "test")
    app = Starlette(routes=routes)
    app.state.store = store
    # Sign-in belongs to the dashboard's app and is tested there; these tests exercise the Ofsted pages alone.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ofsted_pages, "_require_sign_in", lambda request: None)
        yield TestClient(app)


def test_map_page_colours_councils_by_grade(client: TestClient) -> None:
    page = client.get("/ofsted/map", params={"at": "2022-12-01"})
    assert page.status_code == 200
    assert "<svg" in page.text and "Ofsted overall effectiveness at 01 December 2022" in page.text
    assert "<td>North Lincolnshire</td><td>outstanding</td>" in page.text


def test_standing_page_lists_the_outstanding_councils(client: TestClient) -> None:
    page = client.get("/ofsted/standing", params={"at": "2022-12-01", "all_outstanding": "1", "region": "London"})
    assert page.status_code == 200
    assert "Kensington and Chelsea" in page.text and "Westminster" in page.text
    assert "Hampshire" not in page.text


def test_council_history_and_bad_input(client: TestClient) -> None:
    assert "North Lincolnshire" in client.get("/ofsted/councils/813").text
    bad = client.get("/ofsted/map", params={"at": "1 Dec"})
    assert bad.status_code == 400 and "is not a date" in bad.text
