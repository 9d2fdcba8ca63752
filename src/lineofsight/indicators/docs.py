"""The indicator reference, derived from the declarations (never written by hand)."""

from __future__ import annotations

from lineofsight.indicators.catalogue import catalogue
from lineofsight.indicators.indicator import UNIT_MEANING, Area, Indicator


def markdown() -> str:
    """Every indicator by area of practice: definition, cohort, period, source and the choices made."""
    out = ["# Indicators", "", "Generated from `src/lineofsight/indicators/definitions/`.", ""]
    for area in Area:
        members = [i for i in catalogue() if i.area is area]
        if members:
            out += [f"## {area.label}", ""]
            for indicator in members:
                out += _section(indicator)
    return "\n".join(out).rstrip() + "\n"


def _section(i: Indicator) -> list[str]:
    better = {"higher": "higher is better", "lower": "lower is better", None: "neither higher nor lower is better"}
    lines = [
        f"### {i.title} (`{i.id}`)",
        "",
        f"- Unit: {UNIT_MEANING[i.unit]}; {better[i.polarity]}",
        f"- Numerator: {i.numerator}",
        f"- Denominator: {i.denominator}",
        f"- Cohort: {i.cohort}",
        f"- Period: {i.period}",
        f"- Source: {i.source}",
    ]
    if i.threshold is not None:
        lines.append(f"- National threshold: {i.threshold_text}")
    if i.choices:
        lines.append("- Choices where the DfE text is ambiguous or silent:")
        lines += [f"  - {c}" for c in i.choices]
    return [*lines, ""]
