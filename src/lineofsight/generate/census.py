"""The CIN census and the local lists (contacts, early help, missing and return interviews) for a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from lineofsight.generate.entities import Child, Referral
from lineofsight.generate.returns import Row, Year
from lineofsight.generate.returns import upn as returns_upn
from lineofsight.generate.simulate import Result


def census_children(children: list[Child], year: Year) -> Iterator[dict[str, Any]]:
    """Children in need at any point in the year, as the nested dicts the census writer takes."""
    for child in children:
        referrals = [r for r in child.referrals if year.overlaps(r.date, r.closure)]
        if referrals:
            upn = returns_upn(child, year)
            yield {
                "child": {
                    "child_id": child.child_id,
                    "upn": None if upn.startswith("UN") else upn,
                    "upn_unknown": upn if upn.startswith("UN") else None,
                    "date_of_birth": child.dob,
                    "sex": child.sex,
                    "ethnicity": child.ethnicity,
                },
                "disabilities": child.disabilities,
                "referrals": [_referral(r, year) for r in referrals],
            }


def _in_year(year: Year, day: dt.date | None) -> bool:
    return day is not None and year.start <= day <= year.end


def _referral(r: Referral, year: Year) -> dict[str, Any]:
    """One CIN episode as the census guide asks for it: only the year's assessments, enquiries and plans.

    A section 47 enquiry is returned in the year it started; an initial conference held this year after an
    enquiry of an earlier year is recorded on the episode itself (DateOfInitialCPC) instead.
    """
    closure = year.known(r.closure)
    section47 = [s for s in r.section47 if _in_year(year, s.start)]
    carried = [s.icpc for s in r.section47 if s.start < year.start and _in_year(year, s.icpc)]
    return {
        "referral": {
            "referral_date": r.date,
            "referral_source": r.source,
            "primary_need": r.need,
            "closure_date": closure,
            "reason_for_closure": r.closure_reason if closure else None,
            "date_of_initial_cpc": carried[0] if carried else None,
            "referral_nfa": "true" if r.nfa else "false",
        },
        "assessments": [
            {
                "assessment": {"start_date": a.start, "authorisation_date": year.known(a.authorised)},
                "factors": a.factors if a.authorised <= year.end else [],
            }
            for a in r.assessments
            if _in_year(year, a.authorised) or (a.authorised > year.end and _in_year(year, a.start))
        ],
        "cin_plans": [{"start_date": s, "end_date": year.known(e)} for s, e in r.cin_plans if year.overlaps(s, e)],
        "section47": [
            {
                "start_date": s.start,
                "icpc_target_date": s.icpc_target,
                "icpc_date": year.known(s.icpc),
                "icpc_not_required": "true" if s.not_required else "false",
            }
            for s in section47
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
            if year.overlaps(p.start, p.end)
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
