"""Deliberate faults planted in a generated return, one kind per child.

Each mutation takes the next child not yet touched that it can apply to, changes the
return's files the way a council's case system might get them wrong, and names the
child. One mutated return then holds every kind at once, so both validators run once
and each child's flags come from its own fault.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from lineofsight.generate.run import SSDA903_FILES

Row = dict[str, str]
CIN_FILE = "cin_census.xml"


def _date(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def _text(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass
class Return:
    """A return's 903 CSV files as rows, and its CIN census as an XML tree."""

    year: int
    tables: dict[str, list[Row]]
    columns: dict[str, list[str]]
    cin: etree._ElementTree
    used: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, folder: Path, year: int) -> Return:
        tables, columns = {}, {}
        for name in SSDA903_FILES:
            with (folder / name).open(newline="", encoding="utf-8") as f:
                reader = csv.DictReader(f)
                columns[name] = list(reader.fieldnames or [])
                tables[name] = list(reader)
        return cls(year, tables, columns, etree.parse(str(folder / CIN_FILE)))

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in self.tables.items():
            with (folder / name).open("w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(f, self.columns[name], lineterminator="\r\n")
                writer.writeheader()
                writer.writerows(rows)
        self.cin.write(str(folder / CIN_FILE), xml_declaration=True, encoding="utf-8")

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - 1, 4, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 3, 31)

    def rows(self, name: str, child: str) -> list[Row]:
        return [r for r in self.tables[name] if r["CHILD"] == child]

    def pick(self, name: str, fits: Callable[[Row], bool] = lambda r: True) -> Row:
        """The first row of `name`, of a child not yet touched, that `fits`; its child is now used."""
        for row in self.tables[name]:
            if row["CHILD"] not in self.used and fits(row):
                self.used.add(row["CHILD"])
                return row
        raise LookupError(f"no untouched child in {name} fits")

    def episodes(self, child: str) -> list[Row]:
        return sorted(self.rows("episodes.csv", child), key=lambda r: _date(r["DECOM"]))

    def pick_child(self, fits: Callable[[str], bool]) -> str:
        """A child of the Header, not yet touched, that `fits`."""
        return self.pick("header.csv", lambda r: fits(r["CHILD"]))["CHILD"]

    def pick_cin(self, path: str) -> etree._Element:
        """The first CIN <Child> holding `path` (an XPath from the child), of a child not yet touched."""
        for child in self.cin.getroot().iter("Child"):
            ident = child.findtext("ChildIdentifiers/LAchildID") or ""
            if ident not in self.used and child.find(path) is not None:
                self.used.add(ident)
                return child
        raise LookupError(f"no untouched CIN child has {path}")


def _set(row: Row, **values: str) -> str:
    row.update(values)
    return row["CHILD"]


def _several(r: Return, n: int) -> Callable[[str], bool]:
    return lambda c: len(r.episodes(c)) >= n


def _open(r: Return) -> Callable[[str], bool]:
    return lambda c: bool(r.episodes(c)) and not r.episodes(c)[-1]["DEC"]


# --- SSDA903 Header -----------------------------------------------------------------------


def blank_sex(r: Return) -> str:
    return _set(r.pick("header.csv"), SEX="")


def invalid_sex(r: Return) -> str:
    return _set(r.pick("header.csv"), SEX="X")


def blank_dob(r: Return) -> str:
    return _set(r.pick("header.csv"), DOB="")


def impossible_dob(r: Return) -> str:
    return _set(r.pick("header.csv"), DOB="31/02/2012")


def dob_after_year(r: Return) -> str:
    return _set(r.pick("header.csv"), DOB=_text(r.end + dt.timedelta(days=20)))


def invalid_ethnicity(r: Return) -> str:
    return _set(r.pick("header.csv"), ETHNIC="ZZZZ")


def upn_first_letter_i(r: Return) -> str:
    return _set(r.pick("header.csv", lambda x: len(x["UPN"]) == 13), UPN="I813200000999")


def upn_unknown_code_un6(r: Return) -> str:
    return _set(r.pick("header.csv"), UPN="UN6")


def mother_for_a_male(r: Return) -> str:
    male = r.pick("header.csv", lambda x: x["SEX"] in ("1", "M") and (r.end - _date(x["DOB"])).days > 13 * 365)
    return _set(male, MOTHER="1", MC_DOB=_text(r.start + dt.timedelta(days=30)))


def mother_blank_for_a_girl(r: Return) -> str:
    girl = r.pick("header.csv", lambda x: x["SEX"] in ("2", "F") and (r.end - _date(x["DOB"])).days > 13 * 365)
    return _set(girl, MOTHER="")


def baby_born_before_mother(r: Return) -> str:
    girl = r.pick("header.csv", lambda x: x["SEX"] in ("2", "F") and (r.end - _date(x["DOB"])).days > 13 * 365)
    return _set(girl, MOTHER="1", MC_DOB=_text(_date(girl["DOB"]) - dt.timedelta(days=10)))


def duplicate_header_row(r: Return) -> str:
    row = r.pick("header.csv")
    r.tables["header.csv"].append(dict(row))
    return row["CHILD"]


# --- SSDA903 Episodes ---------------------------------------------------------------------


def blank_decom(r: Return) -> str:
    return _set(r.pick("episodes.csv"), DECOM="")


def impossible_decom(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: _date(x["DECOM"]) >= r.start), DECOM="30/02/" + str(r.year))


def decom_after_year(r: Return) -> str:
    return _set(
        r.pick("episodes.csv", lambda x: _date(x["DECOM"]) >= r.start and not x["DEC"]),
        DECOM=_text(r.end + dt.timedelta(days=3)),
    )


def invalid_rne(r: Return) -> str:
    return _set(r.pick("episodes.csv"), RNE="Z")


def invalid_legal_status(r: Return) -> str:
    return _set(r.pick("episodes.csv"), LS="Q9")


def invalid_cin_code(r: Return) -> str:
    return _set(r.pick("episodes.csv"), CIN="N0")


def invalid_placement(r: Return) -> str:
    return _set(r.pick("episodes.csv"), PLACE="Z9")


def invalid_provider(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: bool(x["PLACE_PROVIDER"])), PLACE_PROVIDER="PR9")


def provider_for_a_temporary_placement(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: bool(x["PLACE_PROVIDER"]) and not x["DEC"]), PLACE="T1")


def blank_provider_for_foster_care(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: x["PLACE"].startswith("U") and not x["DEC"]), PLACE_PROVIDER="")


def dec_before_decom(r: Return) -> str:
    row = r.pick("episodes.csv", lambda x: bool(x["DEC"]) and _date(x["DECOM"]) >= r.start)
    return _set(row, DEC=_text(_date(row["DECOM"]) - dt.timedelta(days=2)))


def overlapping_episodes(r: Return) -> str:
    child = r.pick_child(lambda c: _several(r, 2)(c) and _date(r.episodes(c)[1]["DECOM"]) > r.start)
    first, second = r.episodes(child)[:2]
    second["DECOM"] = _text(_date(first["DEC"]) - dt.timedelta(days=5))
    return child


def gap_between_episodes(r: Return) -> str:
    child = r.pick_child(lambda c: _several(r, 2)(c) and _date(r.episodes(c)[0]["DEC"]) > r.start)
    first = r.episodes(child)[0]
    first["DEC"] = _text(_date(first["DEC"]) - dt.timedelta(days=9))
    return child


def episodes_out_of_order(r: Return) -> str:
    """The later episode listed first, with the RNE the first one had."""
    child = r.pick_child(lambda c: _several(r, 2)(c) and _date(r.episodes(c)[1]["DECOM"]) > r.start)
    first, second = r.episodes(child)[:2]
    first["RNE"], second["RNE"] = second["RNE"], first["RNE"]
    table = r.tables["episodes.csv"]
    i, j = table.index(first), table.index(second)
    table[i], table[j] = table[j], table[i]
    return child


def duplicate_episode_row(r: Return) -> str:
    row = r.pick("episodes.csv", lambda x: _date(x["DECOM"]) >= r.start)
    r.tables["episodes.csv"].append(dict(row))
    return row["CHILD"]


def rne_l_for_a_new_placement(r: Return) -> str:
    """The second episode changed placement only, but says legal status changed (L)."""
    child = r.pick_child(
        lambda c: _several(r, 2)(c) and r.episodes(c)[1]["RNE"] == "P" and _date(r.episodes(c)[1]["DECOM"]) >= r.start
    )
    r.episodes(child)[1]["RNE"] = "L"
    return child


def rne_p_with_nothing_changed(r: Return) -> str:
    child = r.pick_child(lambda c: _several(r, 2)(c) and _date(r.episodes(c)[1]["DECOM"]) >= r.start)
    first, second = r.episodes(child)[:2]
    for f in ("LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"):
        second[f] = first[f]
    second["RNE"] = "P"
    return child


def invalid_reason_ceased(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: bool(x["DEC"])), REC="E99")


def reason_ceased_without_date(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: not x["DEC"]), REC="E11")


def date_ceased_without_reason(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: bool(x["DEC"]) and bool(x["REC"])), REC="")


def invalid_reason_place_change(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: bool(x["REASON_PLACE_CHANGE"])), REASON_PLACE_CHANGE="WHIM")


def malformed_home_postcode(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: _date(x["DECOM"]) >= r.start), HOME_POST="NOT A POSTCODE")


def malformed_placement_postcode(r: Return) -> str:
    return _set(r.pick("episodes.csv", lambda x: bool(x["PL_POST"])), PL_POST="12345")


def decom_before_birth(r: Return) -> str:
    row = r.pick("episodes.csv", lambda x: _date(x["DECOM"]) >= r.start)
    header = r.rows("header.csv", row["CHILD"])[0]
    header["DOB"] = _text(_date(row["DECOM"]) + dt.timedelta(days=40))
    for name in ("reviews.csv", "oc2.csv", "missing.csv", "sw_episodes.csv", "uasc.csv", "prev_perm.csv"):
        for other in r.rows(name, row["CHILD"]):
            other["DOB"] = header["DOB"]
    return row["CHILD"]


# --- other SSDA903 modules ----------------------------------------------------------------


def review_before_care(r: Return) -> str:
    row = r.pick("reviews.csv", lambda x: bool(r.episodes(x["CHILD"])))
    return _set(row, REVIEW=_text(_date(r.episodes(row["CHILD"])[0]["DECOM"]) - dt.timedelta(days=30)))


def invalid_review_code(r: Return) -> str:
    return _set(r.pick("reviews.csv"), REVIEW_CODE="PN9")


def missing_ends_before_it_starts(r: Return) -> str:
    row = r.pick("missing.csv", lambda x: bool(x["MIS_END"]))
    return _set(row, MIS_END=_text(_date(row["MIS_START"]) - dt.timedelta(days=1)))


def invalid_missing_code(r: Return) -> str:
    return _set(r.pick("missing.csv"), MISSING="X")


def uasc_ceased_before_the_year(r: Return) -> str:
    return _set(r.pick("uasc.csv", lambda x: bool(x["DUC"])), DUC=_text(r.start - dt.timedelta(days=400)))


def uasc_ceased_before_birth(r: Return) -> str:
    row = r.pick("uasc.csv", lambda x: bool(x["DUC"]))
    return _set(row, DUC=_text(_date(row["DOB"]) - dt.timedelta(days=1)))


def invalid_sdq_score(r: Return) -> str:
    return _set(r.pick("oc2.csv", lambda x: bool(x["SDQ_SCORE"])), SDQ_SCORE="41")


def invalid_accommodation(r: Return) -> str:
    return _set(r.pick("oc3.csv", lambda x: bool(x["ACCOM"])), ACCOM="Z9")


def invalid_sw_reason(r: Return) -> str:
    return _set(r.pick("sw_episodes.csv", lambda x: bool(x["SW_REASON"])), SW_REASON="WHIM")


def sw_episode_ends_before_it_starts(r: Return) -> str:
    row = r.pick("sw_episodes.csv", lambda x: bool(x["SW_DEC"]) and _date(x["SW_DECOM"]) >= r.start)
    return _set(row, SW_DEC=_text(_date(row["SW_DECOM"]) - dt.timedelta(days=3)))


def adoption_ceased_before_placed(r: Return) -> str:
    row = r.pick("placed_adoption.csv")
    return _set(
        row, DATE_PLACED_CEASED=_text(_date(row["DATE_PLACED"]) - dt.timedelta(days=5)), REASON_PLACED_CEASED="RD1"
    )


def invalid_previous_permanence(r: Return) -> str:
    return _set(r.pick("prev_perm.csv"), PREV_PERM="P9")


# --- CIN census ---------------------------------------------------------------------------


def _cin_set(child: etree._Element, path: str, value: str) -> str:
    node = child.find(path)
    assert node is not None
    node.text = value
    return child.findtext("ChildIdentifiers/LAchildID") or ""


def cin_invalid_sex(r: Return) -> str:
    return _cin_set(r.pick_cin("ChildIdentifiers/Sex"), "ChildIdentifiers/Sex", "X")


def cin_birth_after_reference_date(r: Return) -> str:
    day = (r.end + dt.timedelta(days=30)).isoformat()
    return _cin_set(r.pick_cin("ChildIdentifiers/PersonBirthDate"), "ChildIdentifiers/PersonBirthDate", day)


def cin_invalid_ethnicity(r: Return) -> str:
    return _cin_set(r.pick_cin("ChildCharacteristics/Ethnicity"), "ChildCharacteristics/Ethnicity", "ZZZZ")


def cin_invalid_referral_source(r: Return) -> str:
    return _cin_set(r.pick_cin("CINdetails/ReferralSource"), "CINdetails/ReferralSource", "99")


def cin_invalid_primary_need(r: Return) -> str:
    return _cin_set(r.pick_cin("CINdetails/PrimaryNeedCode"), "CINdetails/PrimaryNeedCode", "N0")


def cin_closure_before_referral(r: Return) -> str:
    child = r.pick_cin("CINdetails/CINclosureDate")
    referral = dt.date.fromisoformat(child.findtext("CINdetails/CINreferralDate") or "")
    return _cin_set(child, "CINdetails/CINclosureDate", (referral - dt.timedelta(days=3)).isoformat())


def cin_assessment_authorised_before_start(r: Return) -> str:
    child = r.pick_cin("CINdetails/Assessments/AssessmentAuthorisationDate")
    start = dt.date.fromisoformat(child.findtext("CINdetails/Assessments/AssessmentActualStartDate") or "")
    path = "CINdetails/Assessments/AssessmentAuthorisationDate"
    return _cin_set(child, path, (start - dt.timedelta(days=2)).isoformat())


def cin_plan_ends_before_it_starts(r: Return) -> str:
    child = r.pick_cin("CINdetails/CINPlanDates/CINPlanEndDate")
    start = dt.date.fromisoformat(child.findtext("CINdetails/CINPlanDates/CINPlanStartDate") or "")
    return _cin_set(child, "CINdetails/CINPlanDates/CINPlanEndDate", (start - dt.timedelta(days=1)).isoformat())


def cin_invalid_category_of_abuse(r: Return) -> str:
    path = "CINdetails/ChildProtectionPlans/InitialCategoryOfAbuse"
    return _cin_set(r.pick_cin(path), path, "XYZ")


def cin_upn_first_letter_o(r: Return) -> str:
    return _cin_set(r.pick_cin("ChildIdentifiers/UPN"), "ChildIdentifiers/UPN", "O813200000111")


def cin_invalid_disability(r: Return) -> str:
    path = "ChildCharacteristics/Disabilities/Disability"
    return _cin_set(r.pick_cin(path), path, "WALK")


MUTATIONS: tuple[Callable[[Return], str], ...] = (
    blank_sex,
    invalid_sex,
    blank_dob,
    impossible_dob,
    dob_after_year,
    invalid_ethnicity,
    upn_first_letter_i,
    upn_unknown_code_un6,
    mother_for_a_male,
    mother_blank_for_a_girl,
    baby_born_before_mother,
    duplicate_header_row,
    blank_decom,
    impossible_decom,
    decom_after_year,
    invalid_rne,
    invalid_legal_status,
    invalid_cin_code,
    invalid_placement,
    invalid_provider,
    provider_for_a_temporary_placement,
    blank_provider_for_foster_care,
    dec_before_decom,
    overlapping_episodes,
    gap_between_episodes,
    episodes_out_of_order,
    duplicate_episode_row,
    rne_l_for_a_new_placement,
    rne_p_with_nothing_changed,
    invalid_reason_ceased,
    reason_ceased_without_date,
    date_ceased_without_reason,
    invalid_reason_place_change,
    malformed_home_postcode,
    malformed_placement_postcode,
    decom_before_birth,
    review_before_care,
    invalid_review_code,
    missing_ends_before_it_starts,
    invalid_missing_code,
    uasc_ceased_before_the_year,
    uasc_ceased_before_birth,
    invalid_sdq_score,
    invalid_accommodation,
    invalid_sw_reason,
    sw_episode_ends_before_it_starts,
    adoption_ceased_before_placed,
    invalid_previous_permanence,
    cin_invalid_sex,
    cin_birth_after_reference_date,
    cin_invalid_ethnicity,
    cin_invalid_referral_source,
    cin_invalid_primary_need,
    cin_closure_before_referral,
    cin_assessment_authorised_before_start,
    cin_plan_ends_before_it_starts,
    cin_invalid_category_of_abuse,
    cin_upn_first_letter_o,
    cin_invalid_disability,
)


def mutate(source: Path, year: int, out: Path) -> dict[str, str]:
    """Write `source` with every mutation planted into `out`; mutation name -> child it was planted on."""
    r = Return.read(source, year)
    planted = {}
    for m in MUTATIONS:
        try:
            planted[m.__name__] = m(r)
        except LookupError:  # the generated council has no child this fault fits: the test counts what was planted
            continue
    r.write(out)
    return planted
