"""SSDA903 Episodes: column checks, the sequence of episodes and the reasons they start and end."""

from __future__ import annotations

from lineofsight.model.codes import RNE_LEGAL_AND_PLACEMENT, RNE_PLACEMENT_ONLY
from lineofsight.model.ssda903 import EPISODE
from lineofsight.validate.build import (
    ADOPTED,
    EPISODE_SEQUENCE,
    OTHER_PLACEMENTS,
    QUERY,
    TEMPORARY,
    age,
    code_check,
    date_check,
    in_header,
    in_list,
    rule,
)

E = "episode"
SEQ = EPISODE_SEQUENCE
CONTINUATION = "('P', 'L', 'T', 'U', 'B')"
PLACEMENT_CHANGED = (
    "(t.placement_type IS DISTINCT FROM t.prev_place OR t.placement_postcode IS DISTINCT FROM t.prev_post "
    "OR t.urn IS DISTINCT FROM t.prev_urn OR t.placement_provider IS DISTINCT FROM t.prev_provider)"
)
NO_PROVIDER = ("T0", "T1", "T2", "T3", "Z1", *OTHER_PLACEMENTS)

COLUMNS = (
    date_check("141", E, "DECOM", "Date episode began is not a valid date."),
    code_check("143", E, "RNE", "The reason for new episode code is not a valid code."),
    code_check("144", E, "LS", "The legal status code is not a valid code."),
    code_check("145", E, "CIN", "Category of need code is not a valid code."),
    code_check("146", E, "PLACE", "Placement type code is not a valid code."),  # Z1 to 2024/25, Z11-Z14 after
    date_check("147", E, "DEC", "Date episode ceased is not a valid date."),
    code_check("149", E, "REC", "Reason episode ceased code is not valid."),
    # DfE rule 178 (2025/26, 2026/27): if provided, PLACE_PROVIDER must be a valid code, and it is not
    # provided for the placements T0-T3 and Z1 (Z11-Z14 from 2025/26), which have no provider.
    rule(
        "178",
        E,
        ("PLACE_PROVIDER", "PLACE"),
        "Placement provider code is not a valid code.",
        f"t.placement_provider NOT IN {in_list(EPISODE.column('placement_provider').codes.codes)} "  # type: ignore[union-attr]
        f"OR (t.placement_type IN {in_list(NO_PROVIDER)} AND t.placement_provider IS NOT NULL)",
    ),
    rule(
        "1008",
        E,
        ("URN",),
        "Ofsted Unique Reference Number (URN) is not valid.",
        "NOT regexp_full_match(t.urn, '(SC)?[0-9]{6,7}|XXXXXXX')",
    ),
    code_check("1009", E, "REASON_PLACE_CHANGE", "Reason for placement change is not a valid code."),
    in_header("INT03", EPISODE, "Internal Check: Child in Episodes does not exist in Header."),
)

SEQUENCE = (
    rule(
        "142",
        E,
        ("DEC", "REC"),
        "A new episode has started, but the previous episode has not ended.",
        "t.end_date IS NULL AND t.seq < t.n_episodes",
        source=SEQ,
    ),
    rule(
        "148",
        E,
        ("DEC", "REC"),
        "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
        "(t.end_date IS NULL) <> (t.reason_episode_ceased IS NULL)",
    ),
    rule("302", E, ("DECOM", "DOB"), "First episode starts before child was born.", "t.start_date < t.dob", source=SEQ),
    rule(
        "352",
        E,
        ("DECOM", "RNE"),
        "Child who started to be looked after was aged 18 or over.",
        f"t.reason_new_episode = 'S' AND {age('t.start_date')} >= 18",
        source=SEQ,
    ),
    rule(
        "353",
        E,
        ("DECOM",),
        "No episode submitted can start before 14 October 1991.",
        "t.start_date < DATE '1991-10-14'",
    ),
    rule(
        "355",
        E,
        ("DECOM", "DEC"),
        "Episode appears to have lasted for less than 24 hours",
        "t.end_date = t.start_date",
        severity=QUERY,
    ),
    rule(
        "356",
        E,
        ("DECOM", "DEC"),
        "The date the episode ceased is before the date the same episode started.",
        "t.end_date < t.start_date",
    ),
    rule(
        "357",
        E,
        ("RNE",),
        "If this is the first episode ever for this child, reason for new episode must be S. Check whether there "
        "is an episode immediately preceding this one, which has been left out. If not the reason for new "
        "episode code must be amended to S.",
        "t.seq = 1 AND t.start_date >= $start AND t.reason_new_episode IS DISTINCT FROM 'S'",
        source=SEQ,
    ),
    rule(
        "385",
        E,
        ("DEC",),
        "Date episode ceased must be on or before the end of the current collection year.",
        "t.end_date > $end",
    ),
    rule(
        "388",
        E,
        ("REC",),
        "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
        "(t.reason_episode_ceased = 'X1' AND t.next_start IS DISTINCT FROM t.end_date) OR "
        "(t.reason_episode_ceased <> 'X1' AND t.next_start = t.end_date)",
        source=SEQ,
    ),
    rule(
        "431",
        E,
        ("RNE", "DECOM"),
        "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
        "t.reason_new_episode = 'S' AND t.prev_end = t.start_date",
        source=SEQ,
        severity=QUERY,
    ),
    rule(
        "432",
        E,
        ("RNE",),
        "The child ceased to be looked after at the end of the previous episode but the reason for the new "
        "episode is not started to be looked after.",
        "t.prev_rec IS NOT NULL AND t.prev_rec <> 'X1' AND t.reason_new_episode <> 'S'",
        source=SEQ,
    ),
    rule(
        "433",
        E,
        ("RNE", "DECOM"),
        "The reason for new episode suggests that this is a continuation episode, but the episode does not start "
        "on the same day as the last episode finished.",
        f"t.reason_new_episode IN {CONTINUATION} AND t.seq > 1 AND t.prev_end IS DISTINCT FROM t.start_date",
        source=SEQ,
    ),
    rule(
        "434",
        E,
        ("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
        "Reason for new episode is that child's legal status has changed but not the placement, but this is not "
        "reflected in the episode data.",
        f"t.reason_new_episode = 'L' AND t.seq > 1 AND (t.legal_status = t.prev_ls OR {PLACEMENT_CHANGED})",
        source=SEQ,
    ),
    rule(
        "435",
        E,
        ("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
        "Reason for new episode is that child's placement has changed but not the legal status, but this is not "
        "reflected in the episode data.",
        f"t.reason_new_episode IN {in_list(RNE_PLACEMENT_ONLY)} AND t.seq > 1 "
        f"AND (t.legal_status <> t.prev_ls OR NOT {PLACEMENT_CHANGED})",
        source=SEQ,
    ),
    rule(
        "436",
        E,
        ("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
        "Reason for new episode is that both child's placement and legal status have changed, but this is not "
        "reflected in the episode data.",
        f"t.reason_new_episode IN {in_list(RNE_LEGAL_AND_PLACEMENT)} AND t.seq > 1 "
        f"AND (t.legal_status = t.prev_ls OR NOT {PLACEMENT_CHANGED})",
        source=SEQ,
    ),
    rule(
        "437",
        E,
        ("REC",),
        "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
        "t.reason_episode_ceased IN ('E2', 'E15') AND t.seq < t.n_episodes",
        source=SEQ,
    ),
    rule(
        "501",
        E,
        ("DECOM", "DEC"),
        "A new episode has started before the end date of the previous episode.",
        "t.start_date < t.prev_end",
        source=SEQ,
    ),
    rule(
        "504",
        E,
        ("CIN",),
        "The category of need code differs from that reported at start of current period of being looked after",
        "t.cin_category <> t.first_cin",
        source="(SELECT p.*, first_value(p.cin_category) OVER (PARTITION BY p.child_id, p.period ORDER BY p.seq) "
        "AS first_cin FROM (SELECT s.*, sum(CASE WHEN s.reason_new_episode = 'S' THEN 1 ELSE 0 END) OVER "
        f"(PARTITION BY s.child_id ORDER BY s.seq) AS period FROM {SEQ} s) p)",
    ),
)

REASONS_CEASED = (
    rule(
        "386",
        E,
        ("REC",),
        "Reason episode ceased is adopted but child has reached age 18.",
        f"t.reason_episode_ceased IN {in_list(ADOPTED)} AND {age('t.end_date')} >= 18",
        source=SEQ,
    ),
    rule(
        "387",
        E,
        ("REC",),
        "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
        f"t.reason_episode_ceased IN ('E5', 'E6') AND {age('t.end_date')} < 14",
        source=SEQ,
    ),
    rule(
        "389",
        E,
        ("REC",),
        "Reason episode ceased is that child transferred to care of adult social care services, but child is aged "
        "under 16.",
        f"t.reason_episode_ceased = 'E7' AND {age('t.end_date')} < 16",
        source=SEQ,
    ),
    rule(
        "390",
        E,
        ("PLACE", "REC"),
        "Reason episode ceased is adopted but child has not been previously placed for adoption.",
        f"t.reason_episode_ceased IN {in_list(ADOPTED)} AND t.placement_type NOT IN ('A3', 'A4', 'A5', 'A6')",
    ),
    rule(
        "407",
        E,
        ("DEC", "DOB", "REC"),
        "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
        f"t.reason_episode_ceased IN ('E45', 'E46', 'E47', 'E48') AND {age('t.end_date')} >= 18",
        source=SEQ,
    ),
    rule(
        "460",
        E,
        ("DEC", "REC"),
        "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged "
        "under 18.",
        f"t.reason_episode_ceased = 'E17' AND {age('t.end_date')} < 18",
        source=SEQ,
    ),
    rule(
        "225",
        E,
        ("REASON_PLACE_CHANGE",),
        "Reason for placement change must be recorded.",
        f"t.reason_episode_ceased = 'X1' AND t.reason_place_change IS NULL AND t.placement_type NOT IN "
        f"{in_list(TEMPORARY)} AND t.next_rne IN ('P', 'B', 'T', 'U') AND t.next_place NOT IN {in_list(TEMPORARY)}",
        source=SEQ,
    ),
    rule(
        "226",
        E,
        ("REASON_PLACE_CHANGE", "PLACE"),
        "Reason for placement change is not required for temporary placements.",
        f"t.placement_type IN {in_list(TEMPORARY)} AND t.reason_place_change IS NOT NULL",
        first_year=2026,
    ),
    rule(
        "233",
        E,
        ("REASON_PLACE_CHANGE",),
        "Reason for placement change is not required when the episode has not ceased.",
        "t.end_date IS NULL AND t.reason_place_change IS NOT NULL",
        first_year=2026,
    ),
    rule(
        "234",
        E,
        ("REASON_PLACE_CHANGE", "DOB"),
        "A child aged under 10 can not change placement due to being admitted to custody",
        f"t.reason_place_change = 'CUSTOD' AND {age('t.end_date')} < 10",
        source=SEQ,
        first_year=2026,
    ),
    rule(
        "213",
        E,
        ("PLACE_PROVIDER",),
        "Placement provider information not required.",
        f"t.placement_type IN {in_list(TEMPORARY + OTHER_PLACEMENTS)} AND t.placement_provider IS NOT NULL",
    ),
    rule(
        "526",
        E,
        ("PLACE", "PLACE_PROVIDER"),
        "Child is missing a placement provider code for at least one episode.",
        f"t.placement_type NOT IN {in_list(TEMPORARY + OTHER_PLACEMENTS)} AND t.placement_provider IS NULL",
    ),
)

RULES = COLUMNS + SEQUENCE + REASONS_CEASED
