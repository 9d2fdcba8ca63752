"""Real postcodes for a council's children and placements (ONS Postcode Directory)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from lineofsight.generate.councils import Council
from lineofsight.geography import district_samples, miles

Place = tuple[str, float, float]  # postcode without spaces, easting, northing


@dataclass
class Places:
    """Postcodes in the council's area, and all of England's for placements far away."""

    home: tuple[Place, ...]
    england: tuple[Place, ...]

    def home_postcode(self, rng: random.Random) -> Place:
        return rng.choice(self.home)

    def within(self, rng: random.Random, home: Place, limit: float = 19.5) -> Place:
        """A placement in or near the area, at most `limit` miles from home (home itself as a last resort)."""
        for _ in range(20):
            place = rng.choice(self.home)
            if place != home and distance(home, place) <= limit:
                return place
        return home

    def beyond(self, rng: random.Random, home: Place, limit: float = 21.0) -> Place:
        """A placement more than `limit` miles from home, anywhere in England."""
        while True:
            place = rng.choice(self.england)
            if distance(home, place) > limit:
                return place


def distance(a: Place, b: Place) -> float:
    return miles(a[1], a[2], b[1], b[2])


def places_for(council: Council) -> Places:
    samples = district_samples()
    home = tuple(p for d in council.districts for p in samples.get(d, ()))
    # Every 20th English postcode of the sample is plenty for far placements.
    england = tuple(p for d in sorted(samples) if d.startswith("E") for p in samples[d][::20])
    if not home:
        raise ValueError(f"no postcodes found for {council.name}")
    return Places(tuple(sorted(home)), england)


def pretty(postcode: str) -> str:
    """'DN156AB' -> 'DN15 6AB': the spaced form councils record."""
    return f"{postcode[:-3]} {postcode[-3:]}"
