"""The DfE's published indicator values (explore education statistics CSVs), mapped to lineofsight's indicator ids.

Each mapping says which file, which rows (filters on the breakdown columns) and
which column give the indicator's value, for England (National), regions and
councils. Suppressed cells (c, z, x, low, blank) become missing values, not zero.
Where the published breakdown is split by age band and lineofsight's indicator
is not, the value is recomputed from the published counts (numerator rows over
denominator rows), which is how the DfE computes the percentages too.
Where the DfE's files give a rate per 10,000 children only as a count (referrals,
children on a plan), the rate is recomputed over the ONS mid-year estimate of
children aged 0 to 17, for the same area, of the June before the collection year
ends: as the DfE does and as lineofsight's indicator engine does. A missing count
or population leaves the rate missing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from lineofsight.errors import UserError
from lineofsight.model.reference import AREA_POPULATION, BENCHMARK_VALUE
from lineofsight.store import Store

SUPPRESSED = {"c", "z", "x", "low", "u", ":", ""}
LEVELS = ("National", "Regional", "Local authority")


@dataclass(frozen=True)
class Published:
    indicator_id: str
    file_prefix: str  # the file name starts with this
    value: str = ""  # column holding the published value
    rows: dict[str, tuple[str, ...]] = field(default_factory=dict)  # column -> accepted values
    count: str = ""  # for recomputed ratios: the count column
    denominator_rows: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""
    year_offset: int = 0  # added to time_period to give lineofsight's collection_year
    per_10000: Published | None = None  # for recomputed rates: the population the count is divided by


# The ONS mid-year estimate of June YYYY-1 is the denominator of collection year YYYY (ending 31 March YYYY):
# cla_number_and_rate_per_10k_children.csv prints the estimate it used, and it is this one.
CHILDREN_0_17 = Published(
    "ONS population aged 0 to 17",
    "ons_mid-year_population_estimates",
    "population_estimate",
    {"age_group": ("Children aged 0 to 17 years",)},
    year_offset=1,
)


ALL_AGES = ("17 to 18 years", "19 to 21 years")
# The workforce census's reporting year 2024 is the census at 30 September 2024, which belongs to collection
# year 2025 (the year whose 31 March ends the collection year containing the census date).
CSWW_YEAR = 1
HEALTH = ("Health assessments: Children looked after all ages",)
PUBLISHED: tuple[Published, ...] = (
    Published(
        "cin.referrals_rate",
        "c1_children_in_need_referrals",
        "referral_count",
        per_10000=CHILDREN_0_17,
        note="Every referral in the year (referral_count), not every child, as lineofsight counts them.",
    ),
    Published("cin.rereferrals_12m", "c1_children_in_need_referrals", "rereferral_percent"),
    Published(
        "cp.plans_rate",
        "d5_cpps_at31march_by_duration",
        "CPP_At31",
        per_10000=CHILDREN_0_17,
        note="Children on a plan at 31 March: the total of the duration table, the same count as table D1.",
    ),
    Published("cp.second_plan", "d3_cpps_subsequent_plan", "CPP_subsequent_percent"),
    Published(
        "cp.plans_2y_plus",
        "d5_cpps_at31march_by_duration",
        "2_years_or_more_percent",
        note="Published for plans open at 31 March; lineofsight's indicator may count plans ending in the year.",
    ),
    Published(
        "cla.rate",
        "cla_number_and_rate_per_10k_children",
        "rate_per_10000",
        {"population_type": ("Children looked after on 31 March each year",)},
    ),
    Published(
        "cla.stability_3plus",
        "la_cla_placement_stability",
        "children_percent",
        {"cla_group": ("CLA on 31 March",), "placement_stability": ("With 3 or more placements during the year",)},
    ),
    Published(
        "cla.stability_long_term",
        "la_cla_placement_stability",
        "children_percent",
        {
            "cla_group": ("Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",),
            "placement_stability": ("Living with the same carer for at least 2 years",),
        },
    ),
    Published(
        "cla.placed_20_miles",
        "la_cla_during_year_new_placements",
        rows={
            "breakdown": (
                "Placed inside LA boundary more than 20 miles from home",
                "Placed outside LA boundary more than 20 miles from home",
            )
        },
        count="children_count",
        denominator_rows={"breakdown": ("Total new placements",)},
        note="New placements in the year more than 20 miles from home, inside or outside the council's boundary.",
    ),
    Published(
        "cla.health_assessments",
        "la_conviction_health_outcome_cla",
        "children_percent",
        {"characteristic": HEALTH, "breakdown": ("Had their annual health assessment",)},
    ),
    Published(
        "cla.dental_checks",
        "la_conviction_health_outcome_cla",
        "children_percent",
        {"characteristic": HEALTH, "breakdown": ("Had their teeth checked by a dentist",)},
    ),
    Published(
        "cla.immunisations",
        "la_conviction_health_outcome_cla",
        "children_percent",
        {"characteristic": HEALTH, "breakdown": ("Had their immunisations up to date",)},
    ),
    Published(
        "cla.sdq_mean",
        "la_conviction_health_outcome_cla",
        "children_count",
        {"characteristic": ("Ages 5 to 16 years with SDQ score",), "breakdown": ("SDQ average score",)},
        note="The DfE file puts the average score in its children_count column.",
    ),
    Published(
        "leavers.eet_17_18",
        "la_care_leavers_activity",
        "care_leaver_percent",
        {"care_leaver_age": ("17 to 18 years",), "breakdown": ("Total in education, employment or training",)},
    ),
    Published(
        "leavers.eet_19_21",
        "la_care_leavers_activity",
        "care_leaver_percent",
        {"care_leaver_age": ("19 to 21 years",), "breakdown": ("Total in education, employment or training",)},
    ),
    Published(
        "leavers.suitable_accommodation",
        "la_care_leavers_accommodation_suitability",
        rows={"care_leaver_age": ALL_AGES, "breakdown": ("Accommodation considered suitable",)},
        count="care_leaver_count",
        denominator_rows={"care_leaver_age": ALL_AGES, "breakdown": ("Suitability total",)},
        note="17 to 21 together, recomputed from the published counts of both age bands.",
    ),
    Published("workforce.turnover", "csww_indicators", "turnover_rate_fte", year_offset=CSWW_YEAR),
    Published("workforce.agency", "csww_indicators", "agency_rate_fte", year_offset=CSWW_YEAR),
    Published("workforce.vacancy", "csww_indicators", "vacancy_rate_fte", year_offset=CSWW_YEAR),
    Published("workforce.caseload", "csww_indicators", "caseload_fte", year_offset=CSWW_YEAR),
    Published("workforce.absence", "csww_indicators", "absence_rate_fte", year_offset=CSWW_YEAR),
)


def number(text: str | None) -> float | None:
    """A published cell as a number; suppressed or blank cells are missing."""
    text = (text or "").strip().replace(",", "")
    if text.lower() in SUPPRESSED:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _area(row: dict[str, str]) -> tuple[str, str] | None:
    level = row.get("geographic_level", "")
    if level == "National":
        return row.get("country_code") or "E92000001", row.get("country_name") or "England"
    if level == "Regional":
        return row.get("region_code", ""), row.get("region_name", "")
    if level == "Local authority":
        return row.get("old_la_code", ""), row.get("la_name", "")
    return None  # other levels (local authority districts, inner/outer London) are not benchmarks


def _matches(row: dict[str, str], rows: dict[str, tuple[str, ...]]) -> bool:
    return all(row.get(column) in accepted for column, accepted in rows.items())


Key = tuple[int, str, str]


def read_published(path: Path, spec: Published) -> dict[Key, tuple[str, float | None, int]]:
    """(collection year, level, area code) -> (area name, value, first source row)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            needed = {"time_period", "geographic_level", spec.value or spec.count} - set(reader.fieldnames or [])
            if needed:
                raise UserError(f"{path}: no column {', '.join(sorted(needed))} for {spec.indicator_id}")
            rows = list(enumerate(reader, start=2))
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read ({exc})") from exc
    direct: dict[Key, tuple[str, float | None, int]] = {}
    ratios: dict[Key, _Ratio] = {}
    for row_number, row in rows:
        area = _area(row)
        if area is None or not area[0]:
            continue
        key = (_year(row["time_period"]) + spec.year_offset, row["geographic_level"], area[0])
        if not spec.count:
            if _matches(row, spec.rows):
                direct[key] = (area[1], number(row[spec.value]), row_number)
            continue
        ratios.setdefault(key, _Ratio(area[1], row_number)).add(row, spec)
    if not spec.count:
        return direct
    return {k: (r.name, r.value, r.row) for k, r in ratios.items()}


@dataclass
class _Ratio:
    """Counts summed over the numerator's and the denominator's rows; a suppressed part leaves the ratio unknown."""

    name: str
    row: int
    top: float = 0.0
    bottom: float = 0.0
    suppressed: bool = False

    def add(self, row: dict[str, str], spec: Published) -> None:
        count = number(row[spec.count])
        for part, filters in (("top", spec.rows), ("bottom", spec.denominator_rows)):
            if _matches(row, filters):
                if count is None:
                    self.suppressed = True
                else:
                    setattr(self, part, getattr(self, part) + count)

    @property
    def value(self) -> float | None:
        return None if self.suppressed or not self.bottom else round(100 * self.top / self.bottom, 1)


def per_10000(
    counts: dict[Key, tuple[str, float | None, int]], population: dict[Key, tuple[str, float | None, int]]
) -> dict[Key, tuple[str, float | None, int]]:
    """Each count per 10,000 of its own area's population in the same collection year, to one decimal place as the
    DfE's tables give it; missing where the count or the population is."""
    rates = {}
    for key, (name, count, row) in counts.items():
        children = population[key][1] if key in population else None
        rates[key] = (name, None if count is None or not children else round(10000 * count / children, 1), row)
    return rates


def _year(period: str) -> int:
    """'201819' (a financial year) -> 2019: the year the collection ends."""
    text = str(period)
    return int(text[:4]) + 1 if len(text) == 6 else int(text[:4])


def _file(files: list[Path], spec: Published) -> Path | None:
    return next((f for f in files if f.name.startswith(spec.file_prefix)), None)


def import_published(store: Store, folder: Path) -> dict[str, int]:
    """Import every mapped indicator whose file is in `folder`; returns indicator id -> rows imported."""
    files = sorted(folder.glob("*.csv")) if folder.is_dir() else [folder]
    imported: dict[str, int] = {}
    with store.transaction() as con:
        for spec in PUBLISHED:
            path = _file(files, spec)
            if path is None:
                continue
            values = read_published(path, spec)
            if spec.per_10000:
                population = _file(files, spec.per_10000)
                if population is None:
                    continue
                values = per_10000(values, read_published(population, spec.per_10000))
            con.execute("DELETE FROM benchmark_value WHERE indicator_id = ?", [spec.indicator_id])
            keys = list(values)
            store.insert_columns(
                BENCHMARK_VALUE,
                {
                    "indicator_id": [spec.indicator_id] * len(keys),
                    "collection_year": [k[0] for k in keys],
                    "level": [k[1] for k in keys],
                    "area_code": [k[2] for k in keys],
                    "area_name": [values[k][0] for k in keys],
                    "value": [values[k][1] for k in keys],
                    "source_file": [str(path)] * len(keys),
                    "source_row": [values[k][2] for k in keys],
                },
            )
            imported[spec.indicator_id] = len(keys)
        population = _file(files, CHILDREN_0_17)
        if population is not None:
            _import_population(store, population)
    if not imported:
        raise UserError(f"{folder}: none of the DfE files lineofsight maps to indicators is there")
    return imported


def _import_population(store: Store, path: Path) -> None:
    """The ONS 0-17 estimates themselves, kept beside the rates computed over them."""
    values = read_published(path, CHILDREN_0_17)
    keys = list(values)
    store.con.execute("DELETE FROM area_population")
    store.insert_columns(
        AREA_POPULATION,
        {
            "level": [k[1] for k in keys],
            "area_code": [k[2] for k in keys],
            "area_name": [values[k][0] for k in keys],
            "mid_year": [k[0] - CHILDREN_0_17.year_offset for k in keys],
            "population_0_17": [None if values[k][1] is None else int(values[k][1] or 0) for k in keys],
            "source_file": [str(path)] * len(keys),
            "source_row": [values[k][2] for k in keys],
        },
    )
