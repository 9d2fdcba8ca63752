"""The service navigation menu: its items for the signed-in user, and which one the current page belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Item:
    label: str
    href: str
    sections: tuple[str, ...]  # first path segments of the pages this item covers
    active: bool = False


def navigation(path: str, user: Any, council: Any, year: Any) -> list[Item]:
    """Menu items in order; the one whose section holds `path` is marked active (aria-current in the template)."""
    if user is None:
        return []
    place = f"/{council}/{year}" if council and year else None
    items = [Item("Line of sight", "/", ("", "overview", "indicator", "child", "benchmarks", "summary"))]
    if place:
        items += [
            Item("Data quality", f"/data-quality{place}", ("data-quality",)),
            Item("Ofsted", f"/ofsted/councils/{council}", ("ofsted",)),
            Item("Quality assurance", f"/qa{place}", ("qa",)),
        ]
    else:
        items.append(Item("Ofsted", "/ofsted/map", ("ofsted",)))
    if getattr(user, "role", None) == "analyst":
        items += [Item("Upload a return", "/upload", ("upload",)), Item("Audit log", "/audit", ("audit",))]
    section = path.strip("/").split("/")[0]
    return [Item(i.label, i.href, i.sections, section in i.sections) for i in items]
