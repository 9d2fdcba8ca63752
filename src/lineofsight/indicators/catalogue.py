"""The catalogue: every indicator declared under `definitions/`, in a stable order."""

from __future__ import annotations

import difflib
import importlib
from functools import lru_cache

from lineofsight.errors import UserError
from lineofsight.indicators.definitions import ORDER
from lineofsight.indicators.indicator import Indicator


@lru_cache(maxsize=1)
def _all() -> tuple[Indicator, ...]:
    found = []
    for name in ORDER:
        module = importlib.import_module(f"lineofsight.indicators.definitions.{name}")
        indicator: Indicator = module.INDICATOR
        if indicator.id.replace(".", "_") != name:
            raise RuntimeError(f"definitions/{name}.py declares {indicator.id}")
        found.append(indicator)
    return tuple(found)


def catalogue() -> list[Indicator]:
    """Every indicator, in the order of the DfE areas of practice."""
    return list(_all())


def get(indicator_id: str) -> Indicator:
    """One indicator by id; a UserError naming close matches if there is none."""
    by_id = {i.id: i for i in _all()}
    if indicator_id in by_id:
        return by_id[indicator_id]
    close = difflib.get_close_matches(indicator_id, list(by_id), n=3, cutoff=0.5)
    hint = f" Did you mean {', '.join(close)}?" if close else " Run `lineofsight indicators --list` to see them all."
    raise UserError(f"There is no indicator called {indicator_id!r}.{hint}")
