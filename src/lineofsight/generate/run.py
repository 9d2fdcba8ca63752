"""Generate councils' returns into folders: DIR/<la_code>_<YYYY>/ and DIR/population.csv.

One council at a time (a pool of two processes), each with its own
random.Random seeded from (seed, la_code), so output is byte-identical for the
same options whatever the order the councils finish in.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lineofsight.formats.cin_census import write_census
from lineofsight.formats.csv_tables import write_table
from lineofsight.generate import census as cin
from lineofsight.generate import returns as r
from lineofsight.generate.councils import Council, by_code, first
from lineofsight.generate.entities import Quota
from lineofsight.generate.places import Places, places_for
from lineofsight.generate.plant import (
    Targets,
    plant_distance,
    plant_experience,
    plant_return_interviews,
    plant_turnover,
)
from lineofsight.generate.rates import Rates
from lineofsight.generate.simulate import Options, Result, Simulation
from lineofsight.generate.workforce import Workforce, vacancies
from lineofsight.model import local, ssda903

LAST_YEAR = 2026

SSDA903_FILES = {
    "header.csv": ssda903.HEADER,
    "episodes.csv": ssda903.EPISODE,
    "reviews.csv": ssda903.REVIEW,
    "uasc.csv": ssda903.UASC,
    "oc2.csv": ssda903.HEALTH_OUTCOME,
    "oc3.csv": ssda903.CARE_LEAVER,
    "ad1.csv": ssda903.ADOPTION,
    "placed_adoption.csv": ssda903.PLACED_FOR_ADOPTION,
    "prev_perm.csv": ssda903.PREVIOUS_PERMANENCE,
    "missing.csv": ssda903.MISSING,
    "sw_episodes.csv": ssda903.SOCIAL_WORKER_EPISODE,
}


@dataclass(frozen=True)
class Plan:
    """Everything that decides the output: same plan, same bytes."""

    seed: int = 1
    population: int | None = None  # children aged 0-17 in every council and year; None: each council's own (ONS)
    councils: int = 1
    years: int = 3
    first_year: int | None = None
    far_share: float | None = None  # placements more than 20 miles from home; None: each council's own
    targets: Targets = field(default_factory=Targets)
    codes: tuple[str, ...] = ()  # these councils (DfE codes) instead of the first `councils`

    @property
    def year_list(self) -> list[int]:
        start = self.first_year if self.first_year is not None else LAST_YEAR - self.years + 1
        return list(range(start, start + self.years))


def council_rng(seed: int, la_code: str, part: str = "") -> random.Random:
    """A generator per council (and part), seeded from text: random seeds strings by SHA-512, not hash()."""
    return random.Random(f"lineofsight:{seed}:{la_code}:{part}")


def generate(out: Path, plan: Plan, on_step: Callable[[str], None] | None = None, processes: int = 1) -> list[Path]:
    """Write every council's folders and population.csv; return the folders written."""
    out.mkdir(parents=True, exist_ok=True)
    chosen = tuple(by_code(code) for code in plan.codes) or first(plan.councils)
    write_population(out / "population.csv", chosen, plan)
    jobs = [(out, plan, council) for council in chosen]
    folders: list[Path] = []
    if processes > 1 and len(jobs) > 1:
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            for done in pool.imap(_council_job, jobs):
                folders.extend(done)
                if on_step:
                    on_step(done[0].name.split("_")[0])
    else:
        for job in jobs:
            folders.extend(_council_job(job))
            if on_step:
                on_step(job[2].la_code)
    return folders


def _council_job(job: tuple[Path, Plan, Council]) -> list[Path]:
    out, plan, council = job
    return list(write_council(out, plan, council))


def write_population(path: Path, councils: tuple[Council, ...], plan: Plan) -> None:
    """ONS-style mid-year estimates: a collection year ending March YYYY uses mid-(YYYY-1)."""
    rows = (
        {"la_code": c.la_code, "year": year - 1, "population_0_17": round(rates(plan, c).year(year).population)}
        for c in councils
        for year in plan.year_list
    )
    write_table(path, local.POPULATION, rows)


def rates(plan: Plan, council: Council) -> Rates:
    return Rates(council.la_code, plan.population)


def simulate(plan: Plan, council: Council) -> tuple[Result, Workforce, Places]:
    years = plan.year_list
    places = places_for(council)
    own = rates(plan, council)
    workforce_rng = council_rng(plan.seed, council.la_code, "workforce")
    workforce = Workforce(council.la_code, workforce_rng, own.year(years[0]).population, own)
    options = Options(own, dt.date(years[0] - 1, 4, 1), dt.date(years[-1], 3, 31), plan.far_share)
    rng = council_rng(plan.seed, council.la_code)
    result = Simulation(council.la_code, rng, places, options, workforce.ids(workforce.size)).run()
    return result, workforce, places


def write_council(out: Path, plan: Plan, council: Council) -> Iterator[Path]:
    result, workforce, places = simulate(plan, council)
    if plan.targets.placed_within_20_miles is not None:
        rng = council_rng(plan.seed, council.la_code, "distance")
        plant_distance(result.children, plan.targets.placed_within_20_miles, places, rng)
    result.contacts.sort(key=lambda c: (c[1], c[0]))
    result.early_help.sort(key=lambda e: (e[1], e[0]))
    years = plan.year_list
    for year in years:
        folder = out / f"{council.la_code}_{year}"
        folder.mkdir(parents=True, exist_ok=True)
        latest = year == years[-1]
        rng = council_rng(plan.seed, council.la_code, str(year))
        targets = plan.targets if latest else Targets()
        write_year(folder, council.la_code, r.Year(year), result, rng, targets, workforce.rates)
        write_workforce(folder, council.la_code, workforce, year, rng, plan.targets if latest else Targets())
        yield folder


def ssda903_rows(children: list[Any], year: r.Year, rng: random.Random, rates: Rates) -> dict[str, list[r.Row]]:
    tables: dict[str, list[r.Row]] = {name: [] for name in SSDA903_FILES}
    for child, periods in r.looked_after(children, year):
        tables["header.csv"].append(r.header(child, year))
        tables["episodes.csv"].extend(r.episodes(child, periods, year))
        tables["reviews.csv"].extend(r.reviews(child, periods, year))
        tables["missing.csv"].extend(r.missing_in_care(child, year))
        tables["sw_episodes.csv"].extend(r.social_workers(child, periods, year))
        ad1, placed = r.adoption_rows(child, periods, year)
        tables["ad1.csv"].extend(ad1)
        tables["placed_adoption.csv"].extend(placed)
        for name, row in (
            ("uasc.csv", r.uasc(child, year)),
            ("oc2.csv", r.health_outcome(child, periods, year, rng)),
            ("prev_perm.csv", r.previous_permanence(child, periods, year)),
        ):
            if row is not None:
                tables[name].append(row)
    in_header = {row["child_id"] for row in tables["header.csv"]}
    quotas = {name: Quota(rng) for name in ("eet young", "eet older", "suitable")}
    for child in children:
        leaver = r.care_leaver(child, year, rng, rates.year(year.year), quotas)
        if leaver is not None:
            tables["oc3.csv"].append(leaver)
            if child.child_id not in in_header:  # every child in any table has a Header row, care leavers too
                tables["header.csv"].append(r.header(child, year, looked_after=False))
    return tables


def write_year(
    folder: Path, la_code: str, year: r.Year, result: Result, rng: random.Random, targets: Targets, rates: Rates
) -> None:
    tables = ssda903_rows(result.children, year, rng, rates)
    for name, table in SSDA903_FILES.items():
        write_table(folder / name, table, tables[name])
    write_census(folder / "cin_census.xml", la_code, year.year, cin.census_children(result.children, year))
    incidents = cin.missing_incidents(result.children, year)
    if targets.rhi_accepted is not None or targets.rhi_72h is not None:
        plant_return_interviews(incidents, year, targets.rhi_accepted, targets.rhi_72h, rng, la_code)
    write_table(folder / "return_interviews.csv", local.MISSING_INCIDENT, incidents)
    write_table(folder / "contacts.csv", local.CONTACT, cin.contacts(result, year))
    write_table(folder / "early_help.csv", local.EARLY_HELP, cin.early_help(result, year))


def write_workforce(
    folder: Path, la_code: str, workforce: Workforce, year: int, rng: random.Random, targets: Targets
) -> None:
    rows = workforce.census(year)
    if targets.turnover is not None:
        plant_turnover(rows, year, targets.turnover)
    if targets.experience_3y is not None:
        plant_experience(rows, year, targets.experience_3y, lambda n: f"SW{la_code}9{n:03d}")
    write_table(folder / "workforce.csv", local.WORKER, rows)
    write_table(folder / "vacancies.csv", local.VACANCY, vacancies(rows, rng, workforce.rates.year(year).vacancy))
