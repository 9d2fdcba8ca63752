"""SSDA903 rules comparing the return with the council's return for the year before.

Each reads `@previous.table`, last year's rows of the same council; where the store holds no
SSDA903 return for that year the engine reports them as not run, never as passed.

A child's Header should not change between years, except a UPN found for a child last shown as
unknown (or UN1 giving way to another reason for not knowing it). The first episode of the year
continues the episode still open at the end of last year's return, so the two must agree (502,
503A-G). 503H (placement LA) and 503J (placed inside or outside the council) are not declared:
the DfE derives both from the placement postcode's upper-tier authority, which the store's
postcode table (ONS districts) cannot give for two-tier areas; a changed placement postcode
changes the distance, 503G.
"""

from __future__ import annotations

from lineofsight.validate.build import CONTINUATION, OTHER_PLACEMENTS, column, in_list, miles, rule
from lineofsight.validate.rule import Rule
from lineofsight.validate.rules.ssda903_header import UPN_UNKNOWN

H, E, M, O3 = "child", "episode", "missing", "care_leaver"


_SEX = "CASE {0}.sex WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE {0}.sex END"


def _header_changed(code: str, field: str, message: str, differs: str = "") -> Rule:
    """The child's Header field differs from last year's (a blank counts as a value)."""
    name = column(H, field).name
    test = differs or f"p.{name} IS DISTINCT FROM t.{name}"
    where = f"EXISTS (SELECT 1 FROM @previous.child p WHERE p.child_id = t.child_id AND {test})"
    return rule(code, H, (field,), message, where)


def _continuation(code: str, fields: tuple[str, ...], message: str, where: str) -> Rule:
    """The first episode of the year disagrees with the episode open at the end of last year."""
    return rule(code, E, fields, message, where, source=CONTINUATION)


def _same(field: str, previous: str) -> str:
    name = column(E, field).name
    return f"t.{name} IS DISTINCT FROM t.{previous}"


# A UPN may change only from unknown to known (found), or from UN1 (not yet of school age) or
# blank to another reason for not knowing it.
WAS_UNKNOWN = f"(p.upn IS NULL OR upper(p.upn) IN {UPN_UNKNOWN})"
NOW_KNOWN = f"(t.upn IS NOT NULL AND upper(t.upn) NOT IN {UPN_UNKNOWN})"
UN1_TO_OTHER_UNKNOWN = f"((p.upn IS NULL OR upper(p.upn) = 'UN1') AND coalesce(upper(t.upn) IN {UPN_UNKNOWN} AND upper(t.upn) <> 'UN1', FALSE))"
UPN_CHANGED = (
    f"upper(p.upn) IS DISTINCT FROM upper(t.upn) AND NOT ({WAS_UNKNOWN} AND {NOW_KNOWN}) AND NOT {UN1_TO_OTHER_UNKNOWN}"
)

# Placement codes the DfE replaced: an episode open under the old code continues under a new one.
RECODED_PLACEMENT = (
    "coalesce(($year <= 2025 AND t.prev_place = 'H5' AND t.placement_type = 'K3') "
    f"OR ($year >= 2026 AND t.prev_place = 'Z1' AND t.placement_type IN {in_list(OTHER_PLACEMENTS)}), FALSE)"
)
DISTANCE = "round({}, 1)"  # the DfE records the distance to a tenth of a mile

HEADER = (
    _header_changed(
        "202",
        "SEX",
        "The gender code conflicts with the gender already recorded for this child.",
        # 2024/25 recoded SEX from 1/2 to M/F, so last year's 1 is this year's M.
        f"{_SEX.format('p')} IS DISTINCT FROM {_SEX.format('t')}",
    ),
    _header_changed("203", "DOB", "Date of birth disagrees with the date of birth already recorded for this child."),
    _header_changed(
        "204",
        "ETHNIC",
        "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
        "upper(p.ethnicity) IS DISTINCT FROM upper(t.ethnicity)",
    ),
    _header_changed(
        "207",
        "MOTHER",
        "Mother status for the current year disagrees with the mother status already recorded for this child.",
        "p.mother = '1' AND t.mother IS DISTINCT FROM '1' AND t.child_id IN (SELECT child_id FROM @episode)",
    ),
    _header_changed(
        "208",
        "UPN",
        "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already "
        "recorded for this child.",
        UPN_CHANGED,
    ),
    _header_changed(
        "624",
        "MC_DOB",
        "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
        "p.mother_child_dob IS NOT NULL AND t.mother_child_dob IS DISTINCT FROM p.mother_child_dob",
    ),
    rule(
        "626",
        H,
        ("MOTHER", "MC_DOB"),
        "Child was reported as a mother but the date of birth of the first child is before the current year "
        "which contradicts with the mother status recorded last year.",
        "t.mother = '1' AND t.mother_child_dob < $start "
        "AND EXISTS (SELECT 1 FROM @previous.child p WHERE p.child_id = t.child_id AND p.mother = '0')",
    ),
)

EPISODES = (
    _continuation(
        "502",
        ("DECOM",),
        "Last year's record ended with an open episode. The date on which that episode started does not match "
        "the start date of the first episode on this year's record.",
        "t.start_date IS DISTINCT FROM t.prev_start",
    ),
    _continuation(
        "503A",
        ("RNE",),
        "The reason for new episode in the first episode does not match open episode at end of last year.",
        _same("RNE", "prev_rne"),
    ),
    _continuation(
        "503B",
        ("LS",),
        "The legal status in the first episode does not match open episode at end of last year.",
        _same("LS", "prev_ls"),
    ),
    _continuation(
        "503C",
        ("CIN",),
        "The category of need in the first episode does not match open episode at end of last year.",
        _same("CIN", "prev_cin"),
    ),
    _continuation(
        "503D",
        ("PLACE",),
        "The placement type in the first episode does not match open episode at end of last year.",
        f"{_same('PLACE', 'prev_place')} AND NOT {RECODED_PLACEMENT}",
    ),
    _continuation(
        "503E",
        ("PLACE_PROVIDER",),
        "The placement provider in the first episode does not match open episode at end of last year.",
        _same("PLACE_PROVIDER", "prev_provider"),
    ),
    _continuation(
        "503F",
        ("URN",),
        "The Ofsted URN in the first episode does not match open episode at end of last year.",
        _same("URN", "prev_urn"),
    ),
    _continuation(
        "503G",
        ("HOME_POST", "PL_POST"),
        "The distance in first episode does not match open episode at end of last year.",
        f"{DISTANCE.format(miles('t.home_postcode', 't.placement_postcode'))} IS DISTINCT FROM "
        f"{DISTANCE.format(miles('t.prev_home_postcode', 't.prev_placement_postcode'))}",
    ),
)

OTHER = (
    rule(
        "576",
        M,
        ("MIS_START",),
        "There is an open missing/away from placement without authorisation period in last year's return and "
        "there is no corresponding period recorded at the start of this year.",
        "EXISTS (SELECT 1 FROM @previous.missing p WHERE p.child_id = t.child_id AND p.end_date IS NULL "
        "AND p.start_date IS NOT NULL AND p.start_date IS DISTINCT FROM t.start_date)",
        source="(SELECT * FROM @missing "
        "QUALIFY row_number() OVER (PARTITION BY child_id ORDER BY start_date NULLS LAST, source_row) = 1)",
    ),
    rule(
        "348",
        O3,
        ("IN_TOUCH",),
        "Care leaver has previously been reported as having died.",
        "t.in_touch IS DISTINCT FROM 'DIED' AND EXISTS (SELECT 1 FROM @previous.care_leaver p "
        "WHERE p.child_id = t.child_id AND p.in_touch = 'DIED')",
        first_year=2026,
    ),
)

RULES = (*HEADER, *EPISODES, *OTHER)
