"""The CIN census and the local lists (contacts, early help, missing and return interviews) for a year."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lineofsight.generate.entities import Child, Referral
from lineofsight.generate.returns import Row, Year
from lineofsight.generate.simulate import Result

CIN_SEX = {"1": "M", "2": "F"}


def census_children(children: list[Child], year: Year) -> Iterator[dict[str, Any]]:
    """Children in need at any point in the year, as the nested dicts the census writer takes."""
    for child in children:
        referrals = [r for r in child.referrals if year.overlaps(r.date, r.closure)]
        if referrals:
            yield {
                "child": {
                    "child_id": child.child_id,
                    "upn": child.upn if not child.upn.startswith("UN") else None,
                    "upn_unknown": child.upn if child.upn.startswith("UN") else None,
                    "date_of_birth": child.dob,
                    "sex": CIN_SEX[child.sex],
                    "ethnicity": child.ethnicity,
                },
                "disabilities": child.disabilities,
                "referrals": [_referral(r, year) for r in referrals],
            }


def _referral(r: Referral, year: Year) -> dict[str, Any]:
    closure = year.known(r.closure)
    icpcs = [s.icpc for s in r.section47 if s.icpc and s.icpc <= year.end]
    return {
        "referral": {
            "referral_date": r.date,
            "referral_source": r.source,
            "primary_need": r.need,
            "closure_date": closure,
            "reason_for_closure": r.closure_reason if closure else None,
            "date_of_initial_cpc": icpcs[0] if icpcs else None,
            "referral_nfa": "true" if r.nfa else "false",
        },
        "assessments": [
            {
                "assessment": {"start_date": a.start, "authorisation_date": year.known(a.authorised)},
                "factors": a.factors if a.authorised <= year.end else [],
            }
            for a in r.assessments
            if a.start <= year.end
        ],
        "cin_plans": [{"start_date": s, "end_date": year.known(e)} for s, e in r.cin_plans if s <= year.end],
        "section47": [
            {
                "start_date": s.start,
                "icpc_target_date": s.icpc_target,
                "icpc_date": year.known(s.icpc),
                "icpc_not_required": "true" if s.not_required else "false",
            }
            for s in r.section47
            if s.start <= year.end
        ],
        "protection_plans": [
            {
                "plan": {
                    "start_date": p.start,
                    "end_date": year.known(p.end),
                    "initial_category": p.initial_category,
                    "latest_category": p.latest_category,
                    "previous_plans": p.previous,
                },
                "reviews": [d for d in p.reviews if d <= year.end],
            }
            for p in r.plans
            if p.start <= year.end
        ],
    }


def missing_incidents(children: list[Child], year: Year) -> list[Row]:
    """Missing episodes of children in and out of care that overlap the year, with return interviews."""
    rows = []
    for child in children:
        for m in child.missing:
            if not year.overlaps(m.start, m.end):
                continue
            back = year.known(m.end)
            rows.append(
                {
                    "child_id": child.child_id,
                    "date_of_birth": child.dob,
                    "looked_after": m.looked_after,
                    "start_date": m.start,
                    "end_date": back,
                    "rhi_offered": m.rhi_offered if back else False,
                    "rhi_accepted": m.rhi_accepted if back else None,
                    "rhi_date": year.known(m.rhi_date) if back else None,
                }
            )
    return rows


def contacts(result: Result, year: Year) -> Iterator[Row]:
    for child_id, day, source, outcome in result.contacts:  # sorted by date once, in run.py
        if year.start <= day <= year.end:
            yield {"child_id": child_id, "contact_date": day, "contact_source": source, "outcome": outcome}


def early_help(result: Result, year: Year) -> Iterator[Row]:
    for child_id, start, end, organisation in result.early_help:
        if year.overlaps(start, end):
            yield {"child_id": child_id, "start_date": start, "end_date": year.known(end), "organisation": organisation}
