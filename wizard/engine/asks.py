"""What the note for elected officials asks, computed once from the plan (pure).

The hours: each recommended network's share and the shared work (monitoring, monthly review),
each rounded to the half hour, and the total asked is the sum of those rounded parts, so the
note's figures always add up and ask for no false precision. The range of the estimate is
rounded outwards. The equipment the networks use, split into what the team has and lacks. The
decisions asked (accounts, a validator, the charter, the hours, a review) and the review date,
at the end of the 90-day plan.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

from wizard.engine.situation import Situation
from wizard.strategy import (
    Ask,
    ChannelRecommendation,
    Decision,
    Kpi,
    PlanWeek,
    TimeAsked,
    Workload,
)

STEP = 0.5  # hours: what the note asks is rounded to the half hour
PUBLIC_BODIES = ("commune", "intercommunalite", "departement", "region", "etat")
MINOR_BANDS = ("11_14", "15_17")
PLAN_WEEKS = 13
REVIEW_KPIS = 3  # the indicators the three-month review reads


def half_hours(value: float) -> float:
    """To the nearest half hour; work that exists is never rounded down to nothing."""
    if value <= 0:
        return 0.0
    return max(STEP, round(value / STEP) * STEP)


def _down(value: float) -> float:
    return math.floor(value / STEP + 1e-9) * STEP


def _up(value: float) -> float:
    return math.ceil(value / STEP - 1e-9) * STEP


def time_asked(channels: list[ChannelRecommendation], workload: Workload, ctx: Situation) -> TimeAsked:
    by_channel = {c.id: half_hours(workload.by_channel.get(c.id, c.hours_per_week)) for c in channels}
    shared = half_hours(workload.shared_hours_per_week)
    total = sum(by_channel.values()) + shared
    used: list[str] = []
    for c in channels:
        for item in ctx.kb.channels[c.id].equipment if c.id in ctx.kb.channels else ():
            if item not in used and item != "ads_budget":
                used.append(item)
    held = set(ctx.profile.resources.equipment)
    full_time = workload.full_time_hours or 35
    return TimeAsked(
        by_channel=by_channel, shared_hours_per_week=shared, shared_label=workload.shared_label,
        hours_per_week=total, low_hours_per_week=min(_down(workload.low_hours_per_week), total),
        high_hours_per_week=max(_up(workload.high_hours_per_week), total), rounding_hours=STEP,
        share_of_full_time=round(total / full_time, 4), full_time_hours=full_time,
        equipment_needed=[e for e in used if e not in held], equipment_held=[e for e in used if e in held])


def review_date(plan: list[PlanWeek], today: date) -> date:
    """The Monday after the 13th week of the plan: the end of the 90 days."""
    start = plan[0].starts_on if plan else today
    return start + timedelta(weeks=PLAN_WEEKS)


def asks(ctx: Situation, channels: list[ChannelRecommendation], time: TimeAsked, kpis: list[Kpi],
         review_on: date) -> list[Ask]:
    """The decisions asked, in the order a decision-maker takes them."""
    out: list[Ask] = []
    if ctx.profile.constraints.own_accounts_allowed != "yes":
        present = set(ctx.profile.presence)
        new = [c.id for c in channels if c.id not in present]
        existing = [c.id for c in channels if c.id in present]
        if new:
            out.append(Ask(id="open_accounts", channels=new))
        if existing:
            out.append(Ask(id="keep_accounts", channels=existing))
        if not channels:
            out.append(Ask(id="own_accounts"))
    out += [Ask(id="validator"), Ask(id="charter"), Ask(id="hours", hours_per_week=time.hours_per_week),
            Ask(id="review", on=review_on, kpis=[k.id for k in kpis[:REVIEW_KPIS]])]
    return out


def decision(ctx: Situation, channels: list[ChannelRecommendation], workload: Workload, kpis: list[Kpi],
             plan: list[PlanWeek], today: date) -> Decision:
    time = time_asked(channels, workload, ctx)
    review_on = review_date(plan, today)
    return Decision(time=time, asks=asks(ctx, channels, time, kpis, review_on), review_on=review_on,
                    public_body=ctx.profile.structure.parent_body in PUBLIC_BODIES,
                    country=ctx.profile.structure.country,
                    minors=bool(set(MINOR_BANDS) & set(ctx.profile.audience.age_bands)))
