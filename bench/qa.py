"""How fast the quality-assurance outputs are for one council: Annex A out and back, the self-evaluation.

Ofsted asks for Annex A on the first morning of an inspection; the aim is
seconds, not hours. The council is North Lincolnshire as the generator
simulates it (two years, default population), loaded through the real readers,
with a synthetic year of audits and survey answers.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from bench._measure import peak_rss_mb, timed
from lineofsight.generate.run import Plan, generate
from lineofsight.qa import annex_a, evidence, render, sample, self_evaluation, summary
from lineofsight.store import Store
from lineofsight.store.load import load_paths

COUNCIL, YEAR, AS_AT = "813", 2026, dt.date(2026, 3, 31)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder / "returns", Plan(years=2))
        store = Store()
        load_paths(store, sorted((folder / "returns").glob(f"{COUNCIL}_*")))
        with timed("synthetic audits and surveys for one year"):
            planted = sample.plant(store, COUNCIL, YEAR, per_month=20)
        print(f"  {planted.audits} audits, {planted.actions} actions, {planted.answers} answers")
        with timed("audit summary"):
            summary.summarise(store, COUNCIL, YEAR)
        book = folder / "annex_a.xlsx"
        with timed("Annex A: eleven lists written"):
            counts = annex_a.write(store, COUNCIL, AS_AT, book)
        print(f"  {sum(counts.values())} records, {book.stat().st_size // 1024} KB")
        with timed("Annex A: read back into an empty store"):
            annex_a.load(Store(), book, COUNCIL)
        with timed("self-evaluation gathered and drafted"):
            draft = self_evaluation.draft(evidence.gather(store, COUNCIL, YEAR))
        for suffix in (".html", ".docx", ".pdf"):
            with timed(f"self-evaluation written as {suffix}"):
                render.write(draft, folder / f"draft{suffix}")
        print(f"peak memory {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
