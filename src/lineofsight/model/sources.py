"""The DfE documents the specification is read from, declared once, and what is valid in a collection year.

The DfE publishes, for each collection year, a guide and a set of validation rules for each return
(gov.uk: "Children looked after return 2025 to 2026: guide", "... : validation rules"; the same for the
children in need census). Fields, tables, code lists, codes and rules carry the span of collection years
they are valid in (`Span`, 2026 = 2025/26); the documents they come from are the ones of those years
(`documents`), so nothing names a document by hand and a new year is one line here.

`version` is the version or update date read from the document; None where it was not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from lineofsight.model.schema import CodeList, Column, Span, Table, in_span

FIRST_YEAR, LAST_YEAR = 2024, 2027  # the collection years declared: 2023/24 to 2026/27


@dataclass(frozen=True)
class Source:
    """One DfE document: a return's guide or validation rules for one collection year."""

    dataset: str  # "ssda903" or "cin"
    kind: str  # "guide" or "validation rules"
    year: int  # the collection year it specifies (2026 = 2025/26)
    version: str | None = None

    @property
    def title(self) -> str:
        name = "Children looked after return" if self.dataset == "ssda903" else "Children in need census"
        return f"{name} {self.year - 1} to {self.year}: {self.kind}"

    def cite(self) -> str:
        return f"DfE, {self.title}" + (f", version {self.version}" if self.version else "")


# Versions read: the 2025 to 2026 SSDA903 validation rules as updated on 30 October 2025 (gov.uk page history).
_VERSIONS = {("ssda903", "validation rules", 2026): "updated 30 October 2025"}

SOURCES = tuple(
    Source(dataset, kind, year, _VERSIONS.get((dataset, kind, year)))
    for dataset in ("ssda903", "cin")
    for kind in ("guide", "validation rules")
    for year in range(FIRST_YEAR, LAST_YEAR + 1)
)


def documents(dataset: str, kind: str, span: Span) -> tuple[Source, ...]:
    """The declared documents of `dataset` that specify an item valid over `span`."""
    return tuple(s for s in SOURCES if s.dataset == dataset and s.kind == kind and in_span(span, s.year))


def tables_in(year: int, dataset: str) -> dict[str, tuple[Column, ...]]:
    """The DfE tables of `dataset` collected in `year`, each with the fields collected that year."""
    from lineofsight.model import TABLES

    return {
        t.name: tuple(c for c in t.columns if in_span(c.years, year))
        for t in TABLES.values()
        if t.dataset == dataset and in_span(t.years, year)
    }


def code_lists_in(year: int, dataset: str) -> dict[str, dict[str, str]]:
    """The code lists the fields of `dataset` take in `year`: list name -> the codes valid that year."""
    lists: dict[str, CodeList] = {}
    for columns in tables_in(year, dataset).values():
        lists.update({c.codes.name: c.codes for c in columns if c.codes is not None})
    return {name: codes.in_year(year) for name, codes in sorted(lists.items())}


def table_documents(table: Table) -> tuple[Source, ...]:
    return documents(table.dataset, "guide", table.years)


def field_span(table: Table, column: Column) -> Span:
    """A field's years within its table's: the later first year and the earlier last year."""
    firsts = [y for y in (table.years[0], column.years[0]) if y is not None]
    lasts = [y for y in (table.years[1], column.years[1]) if y is not None]
    return (max(firsts) if firsts else None, min(lasts) if lasts else None)
