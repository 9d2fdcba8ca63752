"""The generated returns load back completely, use the DfE codes, and follow the SSDA903 episode rules."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from lineofsight.model import TABLES
from lineofsight.store import Store
from lineofsight.store.load import load_paths


@pytest.fixture(scope="module")
def store(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("store") / "generated.duckdb")
    result = load_paths(store, sorted(p for p in generated.iterdir() if p.is_dir()))
    assert result.problems == []
    assert all(c.read == c.loaded and c.rejected == 0 for c in result.counts)
    return store


def test_every_table_loads(store: Store) -> None:
    """Every table but UASC (a 4,000-child council may have none) has rows in the latest year."""
    for name in (
        "child", "episode", "review", "health_outcome", "care_leaver", "placed_for_adoption",
        "previous_permanence", "missing", "social_worker_episode", "cin_child", "referral", "assessment",
        "section47", "protection_plan", "cin_plan", "worker", "vacancy", "missing_incident", "contact", "early_help",
    ):  # fmt: skip
        assert store.count(name, "collection_year = 2026") > 0, name


def test_codes_come_from_the_dfe_lists(store: Store) -> None:
    for table in TABLES.values():
        if table.dataset not in ("ssda903", "cin", "workforce", "local"):
            continue
        for column in table.columns:
            if column.codes is None:
                continue
            values = {r[0] for r in store.query(f"SELECT DISTINCT {column.name} FROM {table.name}")} - {None}
            assert values <= set(column.codes.codes), (table.name, column.name, values - set(column.codes.codes))


def test_episode_reasons_match_what_changed(latest: Path) -> None:
    with (latest / "episodes.csv").open(newline="") as handle:
        episodes = list(csv.DictReader(handle))
    by_child: dict[str, list[dict[str, str]]] = defaultdict(list)
    for e in episodes:
        by_child[e["CHILD"]].append(e)
    seen = defaultdict(int)
    for rows in by_child.values():
        for before, after in itertools.pairwise(rows):
            if before["DEC"] != after["DECOM"]:
                assert after["RNE"] == "S"
                continue
            assert before["REC"] == "X1"
            rne = after["RNE"]
            seen[rne] += 1
            legal_changed = before["LS"] != after["LS"]
            if rne == "L":  # legal status only: same placement, same place
                assert legal_changed and before["PLACE"] == after["PLACE"] and before["PL_POST"] == after["PL_POST"]
            elif rne in ("P", "T"):  # placement only: P with new carers, T with the same ones
                assert not legal_changed
            elif rne in ("U", "B"):  # legal status and placement at once: U with the same carers, B new ones
                assert legal_changed
            if rne in ("T", "U"):  # same carers, another placement type: same address
                assert before["PLACE"] != after["PLACE"] and before["PL_POST"] == after["PL_POST"]
    assert seen["L"] > 0 and seen["P"] > 0 and seen["T"] > 0


def test_census_knows_nothing_after_its_reference_date(latest: Path) -> None:
    tree = etree.parse(str(latest / "cin_census.xml"))
    dates = [
        dt.date.fromisoformat(e.text)
        for e in tree.iter()
        if e.text and len(e.text) == 10 and e.text[4] == "-" and e.tag != "InitialCPCtarget"  # a target may lie ahead
    ]
    assert dates and max(dates) <= dt.date(2026, 3, 31)
    assert tree.findtext("Header/Source/LEA") == "813"


def test_rates_are_near_englands(store: Store) -> None:
    """Loose bands around England's figures (a 4,000-child council is noisy)."""
    looked_after = store.count("episode", "collection_year = 2026 AND end_date IS NULL")
    assert 40 <= looked_after / 4000 * 10_000 <= 110  # England: 67 per 10,000
    in_need = store.query(
        "SELECT count(DISTINCT child_id) FROM referral WHERE collection_year = 2026 AND closure_date IS NULL"
    )[0][0]
    assert 0.02 <= in_need / 4000 <= 0.045  # England: 3.3% at 31 March
    share = store.query(
        """SELECT avg(CASE WHEN b.working_day_number - a.working_day_number <= 45 THEN 1 ELSE 0 END)
           FROM assessment s JOIN calendar a ON a.day = s.start_date JOIN calendar b ON b.day = s.authorisation_date
           WHERE s.collection_year = 2026 AND s.authorisation_date >= DATE '2025-04-01'"""
    )[0][0]
    assert 0.75 <= share <= 0.95  # England: 85.7%


def test_an_episode_reads_the_same_in_every_return(store: Store) -> None:
    """Returns are cut from one history: an episode in two years' returns differs only in what ended since.

    The planted distance figure moves placements in the history itself, so it cannot make the latest
    return disagree with the one before (as the DfE's year-on-year checks would see).
    """
    disagreeing = store.query(
        """SELECT a.child_id, a.start_date FROM episode a JOIN episode b
             ON a.child_id = b.child_id AND a.start_date = b.start_date AND b.collection_year = a.collection_year + 1
           WHERE a.placement_postcode IS DISTINCT FROM b.placement_postcode
              OR a.placement_type IS DISTINCT FROM b.placement_type
              OR a.legal_status IS DISTINCT FROM b.legal_status
              OR a.reason_new_episode IS DISTINCT FROM b.reason_new_episode
              OR (a.end_date IS NOT NULL AND a.end_date IS DISTINCT FROM b.end_date)"""
    )
    shared = store.query(
        """SELECT count(*) FROM episode a JOIN episode b ON a.child_id = b.child_id
             AND a.start_date = b.start_date AND b.collection_year = a.collection_year + 1"""
    )[0][0]
    assert shared > 20  # enough episodes run across the two years for the check to mean something
    assert disagreeing == []
