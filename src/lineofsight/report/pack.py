"""The monthly performance pack: one self-contained HTML file (inline CSS and SVG), or a PDF of it via WeasyPrint.

The figures come from `report.figures`, the same code the dashboard uses, so the pack and the pages agree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from lineofsight.benchmark.councils import display_name
from lineofsight.calendar import year_label
from lineofsight.errors import UserError
from lineofsight.indicators import compute
from lineofsight.indicators.indicator import UNIT_MEANING
from lineofsight.report import charts, figures, summary
from lineofsight.store import Store

TEMPLATES = Path(__file__).parent / "templates"
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
_env.globals["fmt"] = charts.fmt
_env.globals["year_label"] = year_label
_env.globals["fmt_value"] = charts.fmt_value
_env.globals["unit_meaning"] = UNIT_MEANING


def pack_html(store: Store, council: str, year: int) -> str:
    results = compute(store)  # every council: the others in the store are the benchmark where none is published
    if not any(r.period == year and r.council == council for r in results):
        loaded = ", ".join(f"{c} {y}" for c, y in sorted({(r.council, r.period) for r in results})) or "nothing"
        raise UserError(f"nothing is loaded for council {council} in collection year {year} (loaded: {loaded})")
    areas = figures.overview(store, results, council, year)
    return _env.get_template("pack.html").render(
        council=council,
        council_name=display_name(store, council),
        year=year,
        areas=areas,
        s=summary.summarise(areas, council, year),
        bases=figures.bases(areas),
        distributions=figures.distributions(store, council, year),
        made=dt.date.today(),
        css=(TEMPLATES / "pack.css").read_text(encoding="utf-8"),
    )


def write_pack(store: Store, council: str, year: int, out: Path) -> Path:
    """Write the pack as .html or .pdf, chosen by the file's suffix."""
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise UserError(f"--out {out.name}: the pack is written as .html or .pdf")
    html = pack_html(store, council, year)
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".pdf":
        from weasyprint import HTML  # imported late: it loads Pango, which the HTML pack does not need

        HTML(string=html).write_pdf(out)
    else:
        out.write_text(html, encoding="utf-8")
    return out
