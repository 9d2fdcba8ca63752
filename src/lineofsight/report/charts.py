"""Accessible SVG charts drawn on the server: the same markup serves the dashboard and the performance pack.

Every chart carries role="img", a <title> and a <desc> that says in words what it shows;
the numbers are always offered beside it as a table by the page that uses it.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from html import escape

from lineofsight.calendar import year_label
from lineofsight.indicators.indicator import fmt, fmt_value

__all__ = ["fmt", "fmt_value", "histogram", "sparkline", "trend"]

BLUE, GREY, RED, BLACK = "#1d70b8", "#b1b4b6", "#d4351c", "#0b0c0c"


def _open(width: int, height: int, title: str, desc: str, css: str = "los-chart") -> str:
    ident = f"c{zlib.crc32((title + desc).encode()):08x}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}t {ident}d">'
        f'<title id="{ident}t">{escape(title)}</title><desc id="{ident}d">{escape(desc)}</desc>'
    )


def _scale(lo: float, hi: float, out_lo: float, out_hi: float) -> tuple[float, float]:
    """(a, b) with out = a * v + b; a flat range is drawn in the middle."""
    if hi == lo:
        return 0.0, (out_lo + out_hi) / 2
    a = (out_hi - out_lo) / (hi - lo)
    return a, out_lo - a * lo


def sparkline(points: Sequence[tuple[int, float | None]], title: str) -> str:
    """A small trend line over the collection years, its first and last years written under it (no axes):
    the overview shows the figure beside it and the indicator page the numbers."""
    known = [(x, y) for x, y in points if y is not None]
    words = "; ".join(f"{year_label(x)}: {fmt(y)}" for x, y in points)
    svg = _open(120, 40, title, f"Trend by collection year: {words}.", "los-sparkline")
    if points:
        first, last = year_label(points[0][0]), year_label(points[-1][0])
        svg += f'<text x="2" y="38" font-size="10" fill="{BLACK}">{first}</text>'
        if len(points) > 1:
            svg += f'<text x="118" y="38" font-size="10" text-anchor="end" fill="{BLACK}">{last}</text>'
    if not known:
        return svg + "</svg>"
    xs = [p[0] for p in points]
    ax, bx = _scale(min(xs), max(xs), 6, 114)
    ay, by = _scale(min(y for _, y in known), max(y for _, y in known), 24, 4)
    path = " ".join(f"{ax * x + bx:.1f},{ay * y + by:.1f}" for x, y in known)
    last_x, last_y = known[-1]
    return (
        svg + f'<polyline fill="none" stroke="{BLUE}" stroke-width="2" points="{path}"/>'
        f'<circle cx="{ax * last_x + bx:.1f}" cy="{ay * last_y + by:.1f}" r="3" fill="{BLUE}"/></svg>'
    )


def trend(
    points: Sequence[tuple[int, float | None]],
    title: str,
    unit: str,
    benchmark: Sequence[tuple[int, float | None]] = (),
    benchmark_label: str = "England",
) -> str:
    """Line chart of one indicator by collection year, with the benchmark's figure for each year (England's as
    the DfE published it that year, or the other councils' average) as a dashed line where known."""
    width, height, left, bottom, top, right = 760, 220, 56, 36, 16, 130
    known = [(x, y) for x, y in points if y is not None]
    marks = [(x, y) for x, y in benchmark if y is not None and x in {p[0] for p in points}]
    words = "; ".join(f"{year_label(x)}: {fmt(y)}" for x, y in points)
    extra = f" {benchmark_label}: " + "; ".join(f"{year_label(x)}: {fmt(y)}" for x, y in marks) + "." if marks else ""
    svg = _open(width, height, title, f"{title} by collection year ({unit}). {words}.{extra}")
    if not known:
        return svg + f'<text x="{left}" y="{height / 2}">No figures yet</text></svg>'
    values = [y for _, y in known] + [y for _, y in marks]
    ticks = _ticks(min(0.0, *values), max(values) * 1.05 or 1.0)
    lo, hi = ticks[0], ticks[-1]
    xs = [p[0] for p in points]
    ax, bx = _scale(min(xs) - 0.5, max(xs) + 0.5, left, width - right)
    ay, by = _scale(lo, hi, height - bottom, top)
    parts = [svg, _axes(left, width - right, height - bottom, top, ticks, ay, by)]
    parts.append(f'<text x="4" y="11" font-size="11">{escape(unit)}</text>')  # the axis's unit
    for x in xs:
        parts.append(
            f'<text x="{ax * x + bx:.1f}" y="{height - bottom + 18}" text-anchor="middle" font-size="12">'
            f"{year_label(x)}</text>"
        )
    if marks:
        line = " ".join(f"{ax * x + bx:.1f},{ay * y + by:.1f}" for x, y in marks)
        parts.append(
            f'<polyline fill="none" stroke="{BLACK}" stroke-width="2" stroke-dasharray="6 4" points="{line}"/>'
        )
        for x, y in marks:
            parts.append(
                f'<rect x="{ax * x + bx - 3:.1f}" y="{ay * y + by - 3:.1f}" width="6" height="6" fill="{BLACK}"/>'
            )
        x, y = marks[-1]
        parts.append(
            f'<text x="{ax * x + bx + 8:.1f}" y="{ay * y + by + 4:.1f}" font-size="12">{escape(benchmark_label)} '
            f"{fmt(y)}</text>"
        )
    path = " ".join(f"{ax * x + bx:.1f},{ay * y + by:.1f}" for x, y in known)
    parts.append(f'<polyline fill="none" stroke="{BLUE}" stroke-width="3" points="{path}"/>')
    for x, y in known:
        cx, cy = ax * x + bx, ay * y + by
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{BLUE}"/>')
        parts.append(f'<text x="{cx:.1f}" y="{cy - 9:.1f}" text-anchor="middle" font-size="12">{fmt(y)}</text>')
    return "".join(parts) + "</svg>"


def _ticks(lo: float, hi: float) -> list[float]:
    """Round axis ticks covering [lo, hi]: steps of 1, 2, 2.5 or 5 times a power of ten, four steps at most."""
    raw = (hi - lo) / 4 or 1.0
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first, last = math.floor(lo / step), math.ceil(hi / step)
    return [i * step for i in range(first, last + 1)]


def _axes(x0: float, x1: float, y0: float, y1: float, ticks: Sequence[float], ay: float, by: float) -> str:
    out = [f'<line x1="{x0}" x2="{x0}" y1="{y0}" y2="{y1}" stroke="{GREY}"/>']
    out.append(f'<line x1="{x0}" x2="{x1}" y1="{y0}" y2="{y0}" stroke="{GREY}"/>')
    for t in ticks:
        y = ay * t + by
        out.append(f'<line x1="{x0 - 4}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="#f3f2f1"/>')
        out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{fmt(t)}</text>')
    return "".join(out)


def histogram(
    bins: Sequence[tuple[str, int]], title: str, axis: str, marker: int | None = None, marker_text: str = ""
) -> str:
    """Bar chart of counts per bin (bins in order); bins from `marker` on are drawn red, with a line before them."""
    width, height, left, bottom, top, right = 560, 260, 48, 48, 16, 8
    total = sum(n for _, n in bins)
    words = "; ".join(f"{label}: {n}" for label, n in bins)
    svg = _open(width, height, title, f"{title}: {total} in all. {words}. {marker_text}")
    if not bins:
        return svg + f'<text x="{left}" y="{height / 2}">No figures yet</text></svg>'
    ticks = _ticks(0, max(n for _, n in bins) * 1.05 or 1)
    ay, by = _scale(ticks[0], ticks[-1], height - bottom, top)
    step = (width - left - right) / len(bins)
    parts = [svg, _axes(left, width - right, height - bottom, top, ticks, ay, by)]
    for i, (label, n) in enumerate(bins):
        x, y = left + i * step, ay * n + by
        colour = RED if marker is not None and i >= marker else BLUE
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{step - 4:.1f}" height="{height - bottom - y:.1f}" '
            f'fill="{colour}"><title>{escape(label)}: {n}</title></rect>'
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle" font-size="10">'
            f"{escape(label)}</text>"
        )
    if marker is not None:
        x = left + marker * step
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - bottom}" stroke="{BLACK}" stroke-width="2"/>'
        )
        parts.append(f'<text x="{x + 4:.1f}" y="{top + 12}" font-size="12">{escape(marker_text)}</text>')
    parts.append(
        f'<text x="{(left + width) / 2:.1f}" y="{height - 8}" text-anchor="middle" font-size="12">{escape(axis)}</text>'
    )
    return "".join(parts) + "</svg>"
