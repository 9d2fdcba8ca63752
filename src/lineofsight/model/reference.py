"""Reference data about councils: codes, region, statistical neighbours, published figures, deprivation.

These tables are not per council-year returns, so they carry no provenance
columns; each row names the file it came from.
"""

from __future__ import annotations

from lineofsight.model.schema import CodeList, Column, ColumnType, Table

T, INT, N = ColumnType.TEXT, ColumnType.INTEGER, ColumnType.DECIMAL

LEVEL = CodeList(
    "geographic_level",
    {"National": "England", "Regional": "Region", "Local authority": "Council"},
    "DfE explore education statistics: geographic_level",
)

COUNCIL = Table(
    "council",
    "reference",
    (
        Column("la_code", T, "la_code", required=True, description="DfE three-digit LA code"),
        Column("ons_code", T, "la_code_new", required=True, description="ONS code, e.g. E06000013"),
        Column("urn", T, "urn", description="Ofsted's unique reference number of the council"),
        Column("name", T, "local_authority_ons_name", required=True),
        Column("region", T, "region_name", description="Region as the DfE publishes it (London, South East, ...)"),
        Column("region_code", T, "rgn22cd"),
        Column(
            "statistical_neighbours",
            T,
            "stat_neighbours",
            description="The ten DfE statistical neighbours' LA codes, nearest first, comma-separated",
        ),
        Column("population_0_25", INT, "ons_population_0-25"),
        Column("council_type", T, "ons_la_type"),
        Column("source_file", T),
    ),
    "Every English council with children's services.",
    key=("la_code",),
    provenance=False,
    reference="DfE statistical neighbour model; ONS codes; Ofsted URNs",
)

BENCHMARK_VALUE = Table(
    "benchmark_value",
    "reference",
    (
        Column("indicator_id", T, required=True),
        Column("collection_year", INT, required=True, description="Year the collection ends: 2025 = 2024/25"),
        Column("level", T, codes=LEVEL, required=True),
        Column("area_code", T, required=True, description="E92000001 (England), a region code or a DfE LA code"),
        Column("area_name", T),
        Column("value", N, description="Missing where the DfE suppressed the figure (c, z, x, low)"),
        Column("source_file", T),
        Column("source_row", INT),
    ),
    "Indicator values the DfE published for England, regions and councils.",
    key=("indicator_id", "collection_year", "level", "area_code"),
    provenance=False,
    reference="DfE explore education statistics, children's social care",
)

DEPRIVATION = Table(
    "deprivation",
    "reference",
    (
        Column("ons_code", T, required=True),
        Column("name", T),
        Column("imd_rank", INT, description="Rank of the average IMD score: 1 is the most deprived"),
        Column("imd_score", N, description="Average IMD score"),
        Column("source_file", T),
    ),
    "English Indices of Deprivation for upper-tier councils, when the user imports them.",
    key=("ons_code",),
    provenance=False,
    reference="MHCLG, English Indices of Deprivation (upper-tier local authority summaries)",
)

MAP_AREA = Table(
    "map_area",
    "reference",
    (
        Column("ons_code", T, required=True, description="Upper-tier council (UTLA) ONS code"),
        Column("name", T),
        Column("rings", T, description="JSON: the council's district rings, projected and rounded to map pixels"),
        Column("source_file", T),
    ),
    "The map of England's councils, simplified once at import so pages draw it without the boundary files.",
    key=("ons_code",),
    provenance=False,
    reference="ONS local authority district boundaries and the LTLA-UTLA lookup",
)

AREA_POPULATION = Table(
    "area_population",
    "reference",
    (
        Column("level", T, codes=LEVEL, required=True),
        Column("area_code", T, required=True, description="E92000001 (England), a region code or a DfE LA code"),
        Column("area_name", T),
        Column("mid_year", INT, required=True, description="The estimate is of the population at 30 June of this year"),
        Column("population_0_17", INT, description="Children aged 0 to 17"),
        Column("source_file", T),
        Column("source_row", INT),
    ),
    "ONS mid-year estimates of children aged 0 to 17 for England, regions and councils: the denominators of the "
    "published rates per 10,000 children.",
    key=("level", "area_code", "mid_year"),
    provenance=False,
    reference="ONS mid-year population estimates, as the DfE republishes them (explore education statistics)",
)

TABLES = (COUNCIL, BENCHMARK_VALUE, DEPRIVATION, MAP_AREA, AREA_POPULATION)
