"""A child's journey from the store, in date order, with open episodes drawn to today."""

from __future__ import annotations

import datetime as dt

from lineofsight.model import TABLES
from lineofsight.store import Store
from lineofsight.web.journey import journey, timeline_svg


def _put(store: Store, table: str, **values: object) -> None:
    row = {"la_code": "813", "collection_year": 2026, "source_file": "test", "source_row": 2, **values}
    store.insert_columns(TABLES[table], {k: [v] for k, v in row.items()})


def test_journey_orders_events_and_labels_codes() -> None:
    with Store() as store:
        _put(store, "referral", child_id="A1", referral_id="1", referral_date=dt.date(2025, 4, 2),
             referral_source="1A", referral_nfa="false", closure_date=None)  # fmt: skip
        _put(store, "assessment", child_id="A1", referral_id="1", assessment_id=1,
             start_date=dt.date(2025, 4, 3), authorisation_date=dt.date(2025, 5, 20))  # fmt: skip
        _put(store, "episode", child_id="A1", start_date=dt.date(2025, 6, 1), reason_new_episode="S",
             legal_status="C2", cin_category="N1", placement_type="U1")  # fmt: skip
        _put(store, "episode", child_id="OTHER", start_date=dt.date(2025, 6, 1), reason_new_episode="S",
             legal_status="C2", cin_category="N1", placement_type="U1")  # fmt: skip
        events = journey(store, "813", "A1")
    assert [(e.lane.split(" ")[0], e.start) for e in events] == [
        ("Referral", dt.date(2025, 4, 2)),
        ("Assessment", dt.date(2025, 4, 3)),
        ("Episode", dt.date(2025, 6, 1)),
    ]
    assert events[0].end is None  # open referral
    assert events[1].end == dt.date(2025, 5, 20)
    assert str(events[2].detail["legal_status"]).startswith("C2: ")  # code with its DfE label
    svg = timeline_svg(events, dt.date(2026, 3, 31))
    assert "3 events from 2 April 2025 to 31 March 2026" in svg
    assert svg.count("<rect") == 3  # the open referral and open episode run to today; the assessment is a span


def test_no_events_no_timeline() -> None:
    with Store() as store:
        assert journey(store, "813", "NOBODY") == []
    assert timeline_svg([], dt.date(2026, 3, 31)) == ""


def test_an_event_in_several_returns_is_shown_once_as_the_latest_return_has_it() -> None:
    with Store() as store:
        for year, closure in ((2025, None), (2026, dt.date(2025, 9, 30))):  # open at March 2025, closed by 2026
            _put(store, "referral", collection_year=year, child_id="A1", referral_id="1",
                 referral_date=dt.date(2024, 11, 4), referral_source="1A", referral_nfa="false",
                 closure_date=closure, reason_for_closure="RC7" if closure else None)  # fmt: skip
        events = journey(store, "813", "A1")
    assert len(events) == 1
    assert events[0].end == dt.date(2025, 9, 30)
