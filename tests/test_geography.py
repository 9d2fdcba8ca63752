"""The postcode centroid cache: built once per package version, reused, and as exact as the package's files.

These tests build their cache in a temporary folder (LINEOFSIGHT_CACHE_DIR)
from three of the package's real data files (F, J and Z: Blackpool, Falkirk,
Jersey, Shetland), so that building it takes a fraction of a second.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from lineofsight import geography
from lineofsight.store import Store
from lineofsight.store.load import fill_postcodes

LETTERS = ("F", "J", "Z")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LINEOFSIGHT_CACHE_DIR", str(folder))
    files = [p for p in geography.package_files() if p.name.split("_")[1][0] in LETTERS]
    assert len(files) == len(LETTERS)
    monkeypatch.setattr(geography, "package_files", lambda: files)
    monkeypatch.setattr(geography, "_ready", set())
    yield folder
    geography.district_samples.cache_clear()


def _about(path: Path) -> tuple[str, int, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute(f"SELECT version, format, (SELECT count(*) FROM {geography.CACHE_TABLE}) FROM about")
        version, form, rows = row.fetchone() or ("", 0, 0)
    return version, form, rows


def test_cache_is_built_once_reused_and_rebuilt_for_a_new_package_version(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = geography.centroid_cache()
    assert built.parent == cache_dir
    assert geography.package_version() in built.name
    expected_rows = sum(len(geography.decode(p)) for p in geography.package_files())
    assert _about(built) == (geography.package_version(), geography.CACHE_FORMAT, expected_rows)
    assert [p.name for p in cache_dir.iterdir()] == [built.name]  # no scratch files left behind
    stamp = built.stat().st_mtime_ns, built.stat().st_ino

    # A new process (nothing remembered) reuses the file without decoding the package again.
    monkeypatch.setattr(geography, "_ready", set())

    def refuse(path: Path) -> dict[str, geography.Centroid]:
        raise AssertionError(f"{path.name} decoded although the cache was there")

    with monkeypatch.context() as patched:
        patched.setattr(geography, "decode", refuse)
        assert geography.centroid_cache() == built
    assert (built.stat().st_mtime_ns, built.stat().st_ino) == stamp

    # Another package version gets its own file.
    monkeypatch.setattr(geography, "package_version", lambda: "2099.1")
    rebuilt = geography.centroid_cache()
    assert rebuilt != built
    assert "2099.1" in rebuilt.name
    assert _about(rebuilt) == ("2099.1", geography.CACHE_FORMAT, expected_rows)


def test_an_unreadable_cache_file_is_rebuilt(cache_dir: Path) -> None:
    path = cache_dir / geography.cache_name()
    cache_dir.mkdir()
    path.write_bytes(b"not a database")
    assert geography.centroid_cache() == path
    assert _about(path)[0] == geography.package_version()


def test_two_builds_at_once_leave_one_good_file(cache_dir: Path) -> None:
    path = cache_dir / geography.cache_name()
    builders = [threading.Thread(target=geography._build, args=(path,)) for _ in range(2)]
    for builder in builders:
        builder.start()
    for builder in builders:
        builder.join()
    assert _about(path)[0] == geography.package_version()
    assert [p.name for p in cache_dir.iterdir()] == [path.name]


def test_lookups_through_the_cache_match_the_package_files(cache_dir: Path) -> None:
    files = {p.name.split("_")[1][0]: geography.decode(p) for p in geography.package_files()}
    found = geography.centroids(["fy1 1aa", "FK1 1AA", "ZE1 0AA", "FY8 7AA", None, ""])
    assert found == {code: files[code[0]][code] for code in ("FY11AA", "FK11AA", "ZE10AA")}  # FY8 7AA is not real
    assert found["FY11AA"] == (330862.0, 436347.0, "E06000009")  # Blackpool
    shetland = geography.postcodes_in(["S12000027"], ["Z"])
    assert shetland == sorted((code, east, north) for code, (east, north, _) in files["Z"].items())


def test_store_distances_from_the_cache_equal_distances_from_the_package_files(cache_dir: Path) -> None:
    pairs = [("FY1 1AA", "FK1 1AA"), ("fy1 1ad", "FY3 9AA"), ("ZE1 0AA", "FY1 4AA"), ("FY1 1AA", "FY1 1AA")]
    package = {k: v for p in geography.package_files() for k, v in geography.decode(p).items()}
    with Store() as store:
        store.con.execute(
            "INSERT INTO episode (la_code, collection_year, child_id, home_postcode, placement_postcode) "
            "SELECT '681', 2026, 'C' || i, h, p FROM (SELECT unnest(range(4)) AS i, unnest($1) AS h, unnest($2) AS p)",
            [[h for h, _ in pairs], [p for _, p in pairs]],
        )
        assert fill_postcodes(store) == 6
        assert fill_postcodes(store) == 0  # already known
        stored = store.query(
            "SELECT round(sqrt(power(h.easting - p.easting, 2) + power(h.northing - p.northing, 2)) / 1000 / 1.6093, 1) "
            "FROM episode e JOIN postcode h ON h.postcode = upper(replace(e.home_postcode, ' ', '')) "
            "JOIN postcode p ON p.postcode = upper(replace(e.placement_postcode, ' ', '')) ORDER BY e.child_id"
        )
    expected = []
    for home, placed in pairs:
        (e1, n1, _), (e2, n2, _) = package[geography.normalise(home) or ""], package[geography.normalise(placed) or ""]
        expected.append((round(geography.miles(e1, n1, e2, n2), 1),))
    assert stored == expected
    assert expected[0] == (153.8,)  # Blackpool to Falkirk, worked by hand: 247,476 m / 1,609.3 m
    assert expected[3] == (0.0,)


def test_a_postcode_without_a_grid_reference_is_known_with_no_distance(cache_dir: Path) -> None:
    assert all(east != east for east, _, _ in geography.centroids(["JE1 0BD", "FY4 9AA"]).values())  # NaN
    with Store() as store:
        store.con.execute(
            "INSERT INTO episode (la_code, collection_year, child_id, home_postcode, placement_postcode) "
            "VALUES ('681', 2026, 'C1', 'FY1 1AA', 'JE1 0BD'), ('681', 2026, 'C2', 'FY4 9AA', 'FY1 1AA')"
        )
        assert fill_postcodes(store) == 3
        known = store.query("SELECT postcode, easting, northing FROM postcode ORDER BY 1")
        assert known == [("FY11AA", 330862.0, 436347.0), ("FY49AA", None, None), ("JE10BD", None, None)]
        miles = store.query(
            "SELECT sqrt(power(h.easting - p.easting, 2) + power(h.northing - p.northing, 2)) / 1609.3 > 20 "
            "FROM episode e JOIN postcode h ON h.postcode = upper(replace(e.home_postcode, ' ', '')) "
            "JOIN postcode p ON p.postcode = upper(replace(e.placement_postcode, ' ', ''))"
        )
        assert miles == [(None,), (None,)]  # not known, rather than more than 20 miles
