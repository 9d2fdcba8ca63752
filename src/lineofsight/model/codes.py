"""DfE code lists, each declared once with its plain-English labels.

Sources: the DfE's SSDA903 ("Children looked after return") and children in need census guides
for each collection year, declared in `model/sources.py`. Where a code is valid only in some
years, the list's `years` says which (`CodeList.in_year(year)` gives one year's list) and its
reference says why.
"""

from __future__ import annotations

from lineofsight.model.schema import CodeList

SEX = CodeList(
    "sex",
    {"1": "Male", "2": "Female", "M": "Male", "F": "Female", "U": "Not known"},
    "SSDA903 guide: SEX; 1/2 up to 2023/24, M/F/U (as in the CIN census) from 2024/25 (rules 101 and 232)",
    years={"1": (None, 2024), "2": (None, 2024), "M": (2025, None), "F": (2025, None), "U": (2025, None)},
)
# Rules that ask whether a child is male or female read both spellings: a code from the wrong year is
# already rule 101's error, and the rules that compare years (202) must match 1 with M and 2 with F.
MALE = ("1", "M")
FEMALE = ("2", "F")


def sex_code(sex: str, year: int) -> str | None:
    """The SSDA903 SEX code for "M", "F" or "U" in collection year `year` (1/2 before 2024/25, with no U)."""
    if SEX.valid_in(sex, year):
        return sex
    return {"M": "1", "F": "2"}.get(sex)


ETHNICITY = CodeList(
    "ethnicity",
    {
        "WBRI": "White British",
        "WIRI": "White Irish",
        "WIRT": "Traveller of Irish heritage",
        "WOTH": "Any other White background",
        "WROM": "Gypsy/Roma",
        "MWBC": "White and Black Caribbean",
        "MWBA": "White and Black African",
        "MWAS": "White and Asian",
        "MOTH": "Any other mixed background",
        "AIND": "Indian",
        "APKN": "Pakistani",
        "ABAN": "Bangladeshi",
        "AOTH": "Any other Asian background",
        "BCRB": "Caribbean",
        "BAFR": "African",
        "BOTH": "Any other Black background",
        "CHNE": "Chinese",
        "OOTH": "Any other ethnic group",
        "REFU": "Refused",
        "NOBT": "Information not yet obtained",
    },
    "SSDA903 guide: ETHNIC; CIN census: Ethnicity (N00177)",
)

REASON_NEW_EPISODE = CodeList(
    "reason_new_episode",
    {
        "S": "Started to be looked after",
        "L": "Change of legal status only",
        "P": "Change of placement and carer(s) only",
        "T": "Change of placement (but same carer(s)) only",
        "U": "Change of legal status and change of placement (but same carer(s)) at the same time",
        "B": "Change of legal status and placement and carer(s) at the same time",
    },
    "SSDA903 guide: RNE (T and U, the same-carer changes, since 2016/17)",
)

# What each RNE code says changed, so that rules, the generator and the indicators read one definition.
RNE_PLACEMENT_CHANGED = ("P", "T", "U", "B")  # a new placement began (with or without new carers)
RNE_NEW_CARER = ("P", "B")  # the placement changed and so did the carer(s) (rule 380: a temporary placement)
RNE_SAME_CARER = ("T", "U")  # the placement changed but the carer(s) stayed the same
RNE_PLACEMENT_ONLY = ("P", "T")  # the legal status did not change (rule 435)
RNE_LEGAL_AND_PLACEMENT = ("U", "B")  # the legal status changed too (rule 436)

LEGAL_STATUS = CodeList(
    "legal_status",
    {
        "C1": "Interim care order",
        "C2": "Full care order",
        "D1": "Freeing order granted",
        "E1": "Placement order granted",
        "V2": "Single period of accommodation under section 20",
        "V3": "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded",
        "V4": "Accommodated under an agreed series of short-term breaks, when agreements are recorded",
        "J1": "Remanded to local authority accommodation or to youth detention accommodation",
        "J2": "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984",
        "J3": "Sentenced to Youth Rehabilitation Order",
        "L1": "Under police protection and in local authority accommodation",
        "L2": "Emergency protection order",
        "L3": "Under child assessment order and in local authority accommodation",
    },
    "SSDA903 guide: LS",
)

CIN_CATEGORY = CodeList(
    "cin_category",
    {
        "N1": "Abuse or neglect",
        "N2": "Child's disability",
        "N3": "Parental illness or disability",
        "N4": "Family in acute stress",
        "N5": "Family dysfunction",
        "N6": "Socially unacceptable behaviour",
        "N7": "Low income",
        "N8": "Absent parenting",
    },
    "SSDA903 guide: CIN",
)

PLACEMENT_TYPE = CodeList(
    "placement_type",
    {
        "A3": "Placed for adoption with parental/guardian consent with current foster carer(s)",
        "A4": "Placed for adoption with parental/guardian consent not with current foster carer(s)",
        "A5": "Placed for adoption with placement order with current foster carer(s)",
        "A6": "Placed for adoption with placement order not with current foster carer(s)",
        "H5": "Semi-independent living accommodation not subject to children's homes regulations",
        "K1": "Secure children's homes",
        "K2": "Children's homes subject to children's homes regulations",
        "K3": "Supported accommodation registered with Ofsted",
        "P1": "Placed with own parent(s) or other person(s) with parental responsibility",
        "P2": "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast (B&B) or with friends, with or without formal support",
        "P3": "Residential employment",
        "R1": "Residential care home",
        "R2": "NHS/health trust or other establishment providing medical or nursing care",
        "R3": "Family centre or mother and baby unit",
        "R5": "Young offender institution or prison",
        "S1": "All residential schools, except where dual-registered as a school and children's home",
        "T0": "Temporary placement: all types (where the child is expected to return to the original placement)",
        "T1": "Temporary periods in hospital",
        "T2": "Temporary absences of the child on holiday",
        "T3": "Temporary accommodation whilst normal foster carer(s) is/are on holiday",
        "T4": "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3",
        "U1": "Foster placement with relative(s) or friend(s) - long term fostering",
        "U2": "Foster placement with relative(s) or friend(s) who is/are also an approved adopter(s) - fostering for adoption or concurrent planning",
        "U3": "Foster placement with relative(s) or friend(s) who is/are not long-term or fostering for adoption or concurrent planning",
        "U4": "Foster placement with other foster carer(s) - long term fostering",
        "U5": "Foster placement with other foster carer(s) who is/are also an approved adopter(s) - fostering for adoption or concurrent planning",
        "U6": "Foster placement with other foster carer(s) - not long term or fostering for adoption or concurrent planning",
        "Z1": "Other placements",
        "Z11": "Other placements: unregistered children's home",
        "Z12": "Other placements: unregistered supported accommodation",
        "Z13": "Other placements: with a non-approved carer",
        "Z14": "Other placements: any other",
    },
    "SSDA903 guide: PLACE; 2025/26 replaces Z1 with Z11-Z14",
    years={"Z1": (None, 2025), **{f"Z1{n}": (2026, None) for n in range(1, 5)}},
)

PLACEMENT_PROVIDER = CodeList(
    "placement_provider",
    {
        "PR0": "Parent(s) or other person(s) with parental responsibility",
        "PR1": "Own provision (by the council)",
        "PR2": "Other local authority provision",
        "PR3": "Other public provision (for example, a primary care trust)",
        "PR4": "Private provision",
        "PR5": "Voluntary/third sector provision",
    },
    "SSDA903 guide: PLACE_PROVIDER",
)

REASON_EPISODE_CEASED = CodeList(
    "reason_episode_ceased",
    {
        "E11": "Adopted: application for an adoption order unopposed",
        "E12": "Adopted: consent dispensed with by the court",
        "E2": "Died",
        "E3": "Care taken over by another local authority in the UK",
        "E4A": "Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility as part of the care planning process",
        "E4B": "Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility which was not part of the current care planning process",
        "E13": "Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility",
        "E41": "Residence order (or, from 22 April 2014, a child arrangement order) granted",
        "E45": "Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)",
        "E46": "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)",
        "E47": "Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)",
        "E48": "Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)",
        "E5": "Moved into independent living arrangement and no longer looked-after: supportive accommodation providing formalised advice/support arrangements",
        "E6": "Moved into independent living arrangement and no longer looked-after: accommodation providing no formalised advice/support arrangements",
        "E7": "Transferred to residential care funded by adult social care",
        "E8": "Period of being looked-after ceased for any other reason",
        "E9": "Sentenced to custody",
        "E14": "Accommodation on remand ended",
        "E15": "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply",
        "E16": "Child moved abroad",
        "E17": "Aged 18 (or over) and remained with current carers (inc under staying put arrangements)",
        "X1": "Episode ceases, and new episode begins on same day, for any reason",
    },
    "SSDA903 guide: REC",
)

REASON_PLACE_CHANGE = CodeList(
    "reason_place_change",
    {
        "CARPL": "Change to/Implementation of care plan",
        "CLOSE": "Resignation/closure of provision",
        "ALLEG": "Allegation (section 47)",
        "STAND": "Standards of care concern",
        "APPRR": "Approval removed",
        "CREQB": "Carer request due to child's behaviour",
        "CREQO": "Carer request for other reason",
        "CHILD": "Child requests placement end",
        "LAREQ": "Responsible/area authority requests placement end",
        "PLACE": "Change in the status of a placement only",
        "CUSTOD": "Custody arrangement",
        "OTHER": "Other",
    },
    "SSDA903 guide: REASON_PLACE_CHANGE",
)

REVIEW_PARTICIPATION = CodeList(
    "review_participation",
    {
        "PN0": "Child aged under 4 at the time of the review",
        "PN1": "Child physically attends and speaks for him or herself",
        "PN2": "Child physically attends and an advocate speaks on his or her behalf",
        "PN3": "Child attends and conveys his or her view symbolically (non-verbally)",
        "PN4": "Child physically attends but does not speak for him or herself, does not convey his or her view symbolically (non-verbally) and does not ask an advocate to speak for him or her",
        "PN5": "Child does not attend physically but briefs an advocate to speak for him or her",
        "PN6": "Child does not attend but conveys his or her feelings to the review by a facilitative medium",
        "PN7": "Child does not attend nor are his or her views conveyed to the review",
    },
    "SSDA903 guide: REVIEW_CODE",
)

YES_NO = CodeList("yes_no", {"0": "No", "1": "Yes"}, "SSDA903 guide: 0/1 flags")

SDQ_REASON = CodeList(
    "sdq_reason",
    {
        "SDQ1": "No form returned as child was aged under 4 or over 17 at date of latest assessment",
        "SDQ2": "Carer(s) refused to complete and return questionnaire",
        "SDQ3": "Not possible to complete the questionnaire due to severity of the child's disability",
        "SDQ4": "Other",
        "SDQ5": "Child or young person refuses to allow an SDQ to be completed",
    },
    "SSDA903 guide: SDQ_REASON",
)

IN_TOUCH = CodeList(
    "in_touch",
    {
        "YES": "Yes",
        "NO": "No",
        "DIED": "Died",
        "REFU": "Young person refuses contact",
        "NREQ": "Young person no longer requires services",
        "RHOM": "Returned home to parents for 6 months or more",
    },
    "SSDA903 guide: IN_TOUCH",
)

ACTIVITY = CodeList(
    "activity",
    {
        "F1": "Full time in higher education",
        "P1": "Part time in higher education",
        "F2": "Full time in education other than higher education",
        "P2": "Part time in education other than higher education",
        "F4": "Young person engaged full time in training or employment",
        "P4": "Young person engaged part time in training or employment",
        "F5": "Young person engaged full time in an apprenticeship",
        "P5": "Young person engaged part time in an apprenticeship",
        "G4": "Not in education, employment or training: illness or disability",
        "G5": "Not in education, employment or training: other reasons",
        "G6": "Not in education, employment or training: pregnancy or parenting",
        "0": "No information",
    },
    "SSDA903 guide: ACTIV",
)

_ACCOMMODATION_TYPES = {
    "B": "With parents or relatives",
    "C": "Community home or other form of residential care",
    "D": "Semi-independent, transitional accommodation",
    "E": "Supported lodgings",
    "K": "Ordinary lodgings, without formal support",
    "S": "No fixed abode/homeless",
    "T": "Foyers and similar supported accommodation",
    "U": "Independent living",
    "V": "Emergency accommodation",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carers",
}
ACCOMMODATION = CodeList(
    "accommodation",
    {
        **{f"{k}1": f"{v}: suitable" for k, v in _ACCOMMODATION_TYPES.items()},
        **{f"{k}2": f"{v}: not suitable" for k, v in _ACCOMMODATION_TYPES.items()},
        "G": "Gone abroad",
        "H": "Deported",
        "R": "Residence not known",
        "0": "No information",
    },
    "SSDA903 guide: ACCOM (suffix 1 suitable, 2 not suitable)",
)

NUMBER_OF_ADOPTERS = CodeList(
    "number_of_adopters", {"1": "One adopter", "2": "Two adopters"}, "SSDA903 guide: NB_ADOPTR"
)
SEX_OF_ADOPTERS = CodeList(
    "sex_of_adopters",
    {
        "M1": "Single male",
        "F1": "Single female",
        "MM": "Male couple",
        "FF": "Female couple",
        "MF": "Male and female couple",
    },
    "SSDA903 guide: SEX_ADOPTR",
)
LEGAL_STATUS_OF_ADOPTERS = CodeList(
    "legal_status_of_adopters",
    {
        "L0": "Single adopter",
        "L11": "Married couple (opposite sex)",
        "L12": "Married couple (same sex)",
        "L2": "Civil partners",
        "L3": "Unmarried couple (opposite sex)",
        "L4": "Unmarried couple (same sex)",
    },
    "SSDA903 guide: LS_ADOPTR",
)
REASON_PLACED_CEASED = CodeList(
    "reason_placed_ceased",
    {
        "E11": "Adopted: application unopposed",
        "E12": "Adopted: consent dispensed with",
        "RD1": "Decision changed: child's needs",
        "RD2": "Decision changed: prospective adopters",
        "RD3": "Decision changed: court",
        "RD4": "Decision changed: other",
    },
    "SSDA903 guide: REASON_PLACED_CEASED",
)
PREVIOUS_PERMANENCE = CodeList(
    "previous_permanence",
    {
        "P1": "Adoption",
        "P2": "Special guardianship order",
        "P3": "Residence order or child arrangements order",
        "P4": "Special guardianship order (arranged by another authority)",
        "Z1": "Child has not previously had a permanence option or it is not known",
    },
    "SSDA903 guide: PREV_PERM",
)
MISSING_TYPE = CodeList(
    "missing_type", {"M": "Missing", "A": "Away from placement without authorisation"}, "SSDA903 guide: MISSING"
)
SOCIAL_WORKER_CHANGE_REASON = CodeList(
    "social_worker_change_reason",
    {
        "MANAGE": "Management decision",
        "FCONTA": "First contact",
        "LEFTRL": "Social worker left the role",
        "ORGRST": "Organisational restructure",
        "TSPROC": "Transfer of the case between teams as part of the process",
        "ABSENC": "Social worker absence",
        "CHCHAN": "Child requested the change",
        "PCCHAN": "Parent or carer requested the change",
        "SWDIED": "Social worker died",
        "OTHERS": "Other",
    },
    # The DfE's codes for SW_REASON since social worker episodes joined the return (2023/24), checked by
    # rule SW13STG1; the words are this project's short labels for them.
    "SSDA903 guide 2025/26: SW_REASON",
)

# --- CIN census ---------------------------------------------------------------

CIN_SEX = CodeList(
    "cin_sex", {"M": "Male", "F": "Female", "U": "Unknown or not recorded"}, "CIN census guide: Sex (N00783)"
)
REFERRAL_SOURCE = CodeList(
    "referral_source",
    {
        "1A": "Individual: family member/relative/carer",
        "1B": "Individual: acquaintance",
        "1C": "Individual: self",
        "1D": "Individual: other",
        "2A": "Schools",
        "2B": "Education services",
        "3A": "Health services: GP",
        "3B": "Health services: health visitor",
        "3C": "Health services: school nurse",
        "3D": "Health services: other primary health services",
        "3E": "Health services: A&E",
        "3F": "Health services: other",
        "4": "Housing",
        "5A": "LA services: social care",
        "5B": "LA services: other internal",
        "5C": "LA services: external",
        "5D": "LA services: early help",
        "6": "Police",
        "7": "Other legal agency",
        "8": "Other",
        "9": "Anonymous",
        "10": "Unknown",
    },
    "CIN census guide: ReferralSource (N00152)",
)
PRIMARY_NEED = CodeList(
    "primary_need",
    {
        **CIN_CATEGORY.codes,
        "N9": "Cases other than children in need",
        "N0": "Not stated",
    },
    "CIN census guide: PrimaryNeedCode (N00101)",
)
REASON_FOR_CLOSURE = CodeList(
    "reason_for_closure",
    {
        "RC1": "Adopted",
        "RC2": "Died",
        "RC3": "Child arrangements order",
        "RC4": "Special guardianship order",
        "RC5": "Transferred to services of another local authority",
        "RC6": "Transferred to adult social care services",
        "RC7": "Services ceased for any other reason, including child no longer in need",
        "RC8": "Case closed after assessment, no further action",
        "RC9": "Case closed after assessment, referred to early help",
    },
    "CIN census guide: ReasonForClosure (N00103)",
)
CATEGORY_OF_ABUSE = CodeList(
    "category_of_abuse",
    {
        "NEG": "Neglect",
        "PHY": "Physical abuse",
        "SAB": "Sexual abuse",
        "EMO": "Emotional abuse",
        "MUL": "Multiple/not recommended",
    },
    "CIN census guide: InitialCategoryOfAbuse (N00113), LatestCategoryOfAbuse (N00114)",
)
DISABILITY = CodeList(
    "disability",
    {
        "NONE": "No disability",
        "MOB": "Mobility",
        "HAND": "Hand function",
        "PC": "Personal care",
        "INC": "Incontinence",
        "COMM": "Communication",
        "LD": "Learning",
        "HEAR": "Hearing",
        "VIS": "Vision",
        "BEH": "Behaviour",
        "CON": "Consciousness",
        "AUT": "Diagnosed with autism or Asperger syndrome",
        "DDA": "Other DDA",
    },
    "CIN census guide: Disability (N00099)",
)
_FACTOR_LABELS = {
    "1A": "Alcohol misuse: child",
    "1B": "Alcohol misuse: parent",
    "1C": "Alcohol misuse: other person",
    "2A": "Drug misuse: child",
    "2B": "Drug misuse: parent",
    "2C": "Drug misuse: other person",
    "3A": "Domestic violence: child subject",
    "3B": "Domestic violence: parent subject",
    "3C": "Domestic violence: other person subject",
    "4A": "Mental health: child",
    "4B": "Mental health: parent",
    "4C": "Mental health: other person",
    "5A": "Learning disability: child",
    "5B": "Learning disability: parent",
    "5C": "Learning disability: other person",
    "6A": "Physical disability or illness: child",
    "6B": "Physical disability or illness: parent",
    "6C": "Physical disability or illness: other person",
    "7A": "Young carer",
    "8B": "Privately fostered",
    "8C": "Privately fostered: other",
    "8D": "Privately fostered: other",
    "8E": "Privately fostered: other",
    "8F": "Privately fostered: other",
    "9A": "UASC",
    "10A": "Missing",
    "11A": "Child sexual exploitation",
    "12A": "Trafficking",
    "13A": "Gangs",
    "14A": "Socially unacceptable behaviour",
    "15A": "Self-harm",
    "16A": "Abuse or neglect: neglect",
    "17A": "Abuse or neglect: emotional abuse",
    "18A": "Abuse or neglect: physical abuse (retired 2024/25, query 8945Q)",
    "18B": "Abuse or neglect: physical abuse",
    "18C": "Abuse or neglect: physical abuse (other)",
    "19A": "Abuse or neglect: sexual abuse",
    "19B": "Abuse or neglect: sexual abuse (other)",
    "19C": "Abuse or neglect: sexual abuse by a child",
    "20": "Female genital mutilation",
    "21": "No factors identified",
    "22A": "Faith or belief",
    "23A": "Child criminal exploitation",
    "24A": "Cases other than children in need",
}
ASSESSMENT_FACTOR = CodeList("assessment_factor", _FACTOR_LABELS, "CIN census guide: AssessmentFactors (N00181)")
UPN_UNKNOWN = CodeList(
    "upn_unknown",
    {
        "UN1": "Child is aged under 6 years old and is not yet assigned a UPN",
        "UN2": "Child has never attended a state school in England",
        "UN3": "Child lives outside England",
        "UN4": "Child new to the LA and UPN not yet obtained",
        "UN5": "Sources collating UPNs reflect discrepancy",
        "UN6": "Child aged 6 or over and not yet assigned a UPN",
        "UN7": "Referral with no further action",
    },
    "CIN census guide: UPNunknown (N00135)",
)
TRUE_FALSE = CodeList("true_false", {"true": "Yes", "false": "No", "1": "Yes", "0": "No"}, "XML boolean")

# --- Workforce and local data ----------------------------------------------------

WORKER_ROLE = CodeList(
    "worker_role",
    {
        "1": "Senior manager",
        "2": "Middle manager",
        "3": "First line manager",
        "4": "Senior practitioner",
        "5": "Case holder",
        "6": "Qualified without cases",
    },
    "CSWW census guide: OrgRole",
)
LEAVING_REASON = CodeList(
    "leaving_reason",
    {
        "RES": "Resigned",
        "DIS": "Dismissed",
        "RED": "Made redundant",
        "RET": "Retired",
        "TRN": "Transferred to another local authority",
        "END": "End of agency or fixed-term contract",
        "OTH": "Other",
        "UNK": "Not known",
    },
    "CSWW census guide: ReasonLeave",
)
