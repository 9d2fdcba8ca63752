"""The indicator engine: every DfE and Ofsted measure, defined once, with the children behind each figure.

Public API (the dashboard, performance pack, benchmark and self-evaluation use these):
`Indicator`, `Area`, `Result`, `Member`, `catalogue()`, `get(id)`, `compute(store, ...)`
and `children(store, ...)`, the one audited way to read a child-level list.
"""

from __future__ import annotations

from lineofsight.indicators.catalogue import catalogue, get
from lineofsight.indicators.engine import Engine, StoreEngine, children, compute
from lineofsight.indicators.indicator import Area, Indicator, Member, Result

__all__ = [
    "Area",
    "Engine",
    "Indicator",
    "Member",
    "Result",
    "StoreEngine",
    "catalogue",
    "children",
    "compute",
    "get",
]
