"""Hostile and broken files get a one-line error, never a crash; counts always add up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.errors import UserError
from lineofsight.formats.cin_census import write_census
from lineofsight.formats.detect import read_file
from lineofsight.formats.ssda903_xml import write_ssda903_xml
from lineofsight.store import Store
from lineofsight.store.load import load_paths

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&lol2;</LAchildID></ChildIdentifiers></Child></Children></Message>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&xxe;</LAchildID></ChildIdentifiers></Child></Children></Message>
"""


@pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL])
def test_xml_with_a_doctype_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cin.xml"
    path.write_bytes(content)
    with pytest.raises(UserError, match=r"cin\.xml: refused, the XML declares a DOCTYPE"):
        read_file(path)


HIDDEN_BEHIND_A_COMMENT = EXTERNAL.replace(b"<!DOCTYPE", b"<!-- <Message> opens below --><!DOCTYPE", 1)
AFTER_A_LONG_COMMENT = EXTERNAL.replace(b"<!DOCTYPE", b"<!--" + b" padding" * 40_000 + b" --><!DOCTYPE", 1)
LOWER_CASE = EXTERNAL.replace(b"<!DOCTYPE", b"<!-- <x/> --><!doctype")


@pytest.mark.parametrize("content", [HIDDEN_BEHIND_A_COMMENT, AFTER_A_LONG_COMMENT, LOWER_CASE])
def test_a_doctype_anywhere_is_refused(tmp_path: Path, content: bytes) -> None:
    """A tag inside a comment once ended the scan before the DOCTYPE; any DTD anywhere is now refused."""
    path = tmp_path / "cin.xml"
    path.write_bytes(content)
    with pytest.raises(UserError, match=r"cin\.xml: refused, the XML declares a DOCTYPE"):
        read_file(path)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"<?xml version='1.0'?><Message><Children><Child><ChildIdentif", "not well-formed XML"),
        (b"<html><body>hello</body></html>", "neither a CIN census"),
    ],
)
def test_broken_files_get_one_clear_line(tmp_path: Path, content: bytes, why: str) -> None:
    path = tmp_path / "return.xml"
    path.write_bytes(content)
    with pytest.raises(UserError, match=why) as caught:
        read_file(path)
    assert "\n" not in str(caught.value) and "return.xml" in str(caught.value)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("CHILD,DECOM\n" + "C1,01/04/2025\n" * 100)
    with pytest.raises(UserError, match="over the 0 MB limit"):
        read_file(path, max_bytes=1000)


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(BILLION_LAUGHS)
    (tmp_path / "b.csv").write_text("CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2012,01/06/2025,PN1\n")
    with Store() as store:
        result = load_paths(store, [tmp_path], council="681", year=2026)
        assert [(c.file, c.loaded) for c in result.counts] == [("b.csv", 1)]
        assert [p.file for p in result.problems if p.rule == "file"] == ["a.xml"]


def _valid_census(tmp_path: Path) -> bytes:
    child = {
        "child": {"child_id": "C1", "date_of_birth": dt.date(2015, 1, 2), "sex": "M", "ethnicity": "WBRI"},
        "referrals": [
            {"referral": {"referral_date": dt.date(2025, 5, 1), "referral_source": "2A", "referral_nfa": "0"}}
        ],
    }
    write_census(tmp_path / "seed.xml", "681", 2026, [child, child])
    return (tmp_path / "seed.xml").read_bytes()


def _valid_ssda903_xml(tmp_path: Path) -> bytes:
    child = {
        "child": {"child_id": "C1", "sex": "1", "date_of_birth": dt.date(2012, 3, 4), "ethnicity": "WBRI"},
        "episode": [{"start_date": dt.date(2025, 4, 1), "reason_new_episode": "S", "legal_status": "C2"}],
        "review": [{"review_date": dt.date(2025, 10, 1), "participation": "PN1"}],
    }
    write_ssda903_xml(tmp_path / "seed903.xml", [child, child])
    return (tmp_path / "seed903.xml").read_bytes()


VALID_CSV = b"CHILD,DECOM,RNE,LS,CIN,PLACE\nC1,01/04/2025,S,C2,N1,U1\nC2,02/04/2025,P,C2,N1,U1\n"


_STORE: list[Store] = []


def _check(path: Path) -> None:
    """No exception but UserError escapes, and rows read = loaded + rejected for every table."""
    if not _STORE:  # one store for all examples: each load replaces the same council and year
        _STORE.append(Store())
    store = _STORE[0]
    try:
        result = load_paths(store, [path], council="681", year=2026)
    except UserError:
        return
    for count in result.counts:
        assert count.read == count.loaded + count.rejected
        assert count.loaded == store.count(count.table)


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.binary(max_size=400), st.sampled_from(["x.csv", "x.xml"]))
def test_random_bytes_never_crash(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _check(path)


@FUZZ
@given(st.data())
def test_mutated_returns_never_crash(tmp_path: Path, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from([VALID_CSV, _valid_census(tmp_path), _valid_ssda903_xml(tmp_path)]))
    mutated = bytearray(seed)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        action = data.draw(st.sampled_from(["flip", "drop", "insert", "cut"]))
        if action == "flip":
            mutated[at] = data.draw(st.integers(0, 255))
        elif action == "drop":
            del mutated[at]
        elif action == "insert":
            mutated[at:at] = data.draw(st.sampled_from([b",", b"\n", b'"', b"<", b"&", b"\xe9", b"31/02/2025"]))
        else:
            del mutated[at:]
        if not mutated:
            break
    path = tmp_path / ("x.xml" if seed.startswith(b"<?xml") else "x.csv")
    path.write_bytes(bytes(mutated))
    _check(path)
