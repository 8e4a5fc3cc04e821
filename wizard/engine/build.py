"""build_strategy: the one entry point from a Profile to a Strategy."""
from __future__ import annotations

from datetime import date

from wizard.engine import advocacy, framework
from wizard.engine.context import Ctx, cite
from wizard.engine.phrases import p
from wizard.engine.scoring import Scored, age_cite, score_all
from wizard.engine.text import lower_first
from wizard.engine.workload import PUBLICATIONS, Costs, by_key, fit, status, total
from wizard.knowledge import Knowledge
from wizard.profile import Profile
from wizard.formatting import hours as fmt_hours
from wizard.formatting import number
from wizard.strategy import (Assumption, ChannelRecommendation, ExcludedChannel, SourceRef, Strategy, Warning,
                             Workload)


def build_strategy(profile: Profile, knowledge: Knowledge, today: date, *, lang: str = "fr",
                   assumptions: dict[str, float] | None = None) -> Strategy:
    """Deterministic: the same profile, knowledge, date and assumptions give the same Strategy.

    `assumptions` overrides the hours per item of effort activities (the adjustable estimates).
    """
    ctx = Ctx(profile, knowledge, lang)
    costs = Costs.of(knowledge.effort, assumptions)
    scored = score_all(ctx)
    threshold = knowledge.scoring.recommend_threshold
    allowed = [s for s in scored if not s.age_blocked]
    eligible = [s for s in allowed if s.score >= threshold] or allowed[:1]
    chosen = fit([s.id for s in eligible], ctx, costs)

    by_id = {s.id: s for s in scored}
    channels = [_recommendation(by_id[c], chosen.levels[c], chosen.items, ctx) for c in chosen.channels]
    excluded = [_excluded(s, chosen, eligible, ctx) for s in scored if s.id not in chosen.channels]

    available = profile.resources.hours_per_week
    estimated = total(chosen.items)
    state, share = status(estimated, available, ctx)
    workload = Workload(
        available_hours_per_week=available,
        estimated_hours_per_week=round(estimated, 2),
        low_hours_per_week=round(sum(i.low_hours_per_week for i in chosen.items), 2),
        high_hours_per_week=round(sum(i.high_hours_per_week for i in chosen.items), 2),
        status=state,
        share_of_available=None if share is None else round(share, 3),
        share_of_full_time=round(estimated / knowledge.scoring.full_time_hours, 3),
        full_time_hours=knowledge.scoring.full_time_hours,
        by_channel=by_key([i for i in chosen.items if i.channel], lambda i: i.channel),
        by_activity=by_key(chosen.items, lambda i: i.category),
        items=[i.model_copy(update={"hours_per_week": round(i.hours_per_week, 3),
                                    "low_hours_per_week": round(i.low_hours_per_week, 3),
                                    "high_hours_per_week": round(i.high_hours_per_week, 3)}) for i in chosen.items],
        ways_out=_ways_out(state, estimated, available, channels, ctx),
        assumptions=_assumptions(chosen.items, costs, ctx),
    )
    warnings = _warnings(channels, by_id, workload, ctx)
    strategy = Strategy(
        generated_on=today, lang=lang, structure_name=profile.structure.name,
        summary=_summary(channels, workload, ctx),
        channels=channels, excluded=excluded, workload=workload,
        arguments=advocacy.arguments(ctx), context_arguments=advocacy.context_arguments(ctx),
        warnings=warnings, maturity=framework.maturity(ctx), kpis=framework.kpis(ctx),
        plan=framework.plan(ctx, chosen.channels, today), charter=framework.charter(ctx, chosen.channels),
        legal=framework.legal(ctx, chosen.channels), calendar=framework.calendar(ctx, today), sources=[],
    )
    keys = sorted(strategy.cited_keys())
    strategy.sources = [SourceRef(key=k, publisher=knowledge.sources[k].publisher, title=knowledge.sources[k].title,
                                  year=knowledge.sources[k].year, url=knowledge.sources[k].url,
                                  secondary=knowledge.sources[k].secondary) for k in keys if k in knowledge.sources]
    return strategy


def _role(s: Scored, ctx: Ctx) -> str:
    ch = ctx.kb.channels[s.id]
    for goal in ctx.profile.goals:
        if goal in ch.roles and ch.goals[goal].score >= 2:
            return ctx.text(ch.roles[goal])
    best = max(ch.roles, key=lambda g: (ch.goals[g].score, g), default=None)
    return ctx.text(ch.roles[best]) if best else p("role_default", ctx.lang)


def _recommendation(s: Scored, level: str, items, ctx: Ctx) -> ChannelRecommendation:
    ch = ctx.kb.channels[s.id]
    rhythm = (ch.rhythm_minimum if level == "minimum" else ch.rhythm_recommended).items
    mine = [i for i in items if i.channel == s.id]
    return ChannelRecommendation(
        id=s.id, label=ctx.label("channel", s.id), score=s.score, role=_role(s, ctx), reasons=s.reasons,
        posts_per_week=round(sum(c for a, c in rhythm.items() if a in PUBLICATIONS), 2),
        hours_per_week=round(total(mine), 2), rhythm=dict(rhythm), rhythm_level=level,
        rhythm_text=_rhythm_text(rhythm, ctx),
        score_parts=s.parts, sources=s.sources)


def _rhythm_text(rhythm: dict[str, float], ctx: Ctx) -> list[str]:
    return [f"{number(c, ctx.lang)} × {lower_first(ctx.text(ctx.kb.effort[a].label))}" for a, c in rhythm.items()]


def _excluded(s: Scored, chosen, eligible: list[Scored], ctx: Ctx) -> ExcludedChannel:
    kb, name = ctx.kb, ctx.label("channel", s.id)
    if s.age_blocked:
        return ExcludedChannel(id=s.id, label=name, score=s.score, reasons=[s.blocked_reason], cause="age")
    hours = fmt_hours(ctx.profile.resources.hours_per_week, ctx.lang)
    if s.id in {e.id for e in eligible}:
        if chosen.stopped_by_cap:
            n = len(chosen.channels)
            first = p("capacity", ctx.lang, hours=hours, n=n, networks=p("networks_one" if n == 1 else "networks_many", ctx.lang),
                      sources=cite(kb.scoring.max_channels_sources))
        else:
            first = p("capacity_time", ctx.lang, hours=hours)
        presence = [r for r in s.reasons if r == s.presence_reason] if s.presence_reason else []
        if presence:  # an account that exists does not just vanish from the strategy
            first = p("capacity_existing", ctx.lang, channel=name, hours=hours)
        return ExcludedChannel(id=s.id, label=name, score=s.score,
                               reasons=[first, *presence, *[r for r in s.reasons[:2] if r not in presence]],
                               cause="capacity")
    first = p("low_fit", ctx.lang, score=s.score, threshold=int(kb.scoring.recommend_threshold))
    return ExcludedChannel(id=s.id, label=name, score=s.score, reasons=[first, *s.reasons], cause="fit")


def _ways_out(state: str, estimated: float, available: float, channels, ctx: Ctx) -> list[str]:
    if state == "ok":
        return []
    lang = ctx.lang
    example = ""
    if channels:
        ch = ctx.kb.channels[channels[0].id]
        example = f"{channels[0].label}\u00a0: " + ", ".join(_rhythm_text(ch.rhythm_minimum.items, ctx))
    out = [p("way_fewer_posts", lang, example=example, sources="ROUNDPEG-2014, NPTECHFORGOOD-2015"),
           p("way_pool", lang), p("way_reuse", lang)]
    if ctx.profile.constraints.validation_required:
        out.append(p("way_validation", lang))
    missing = estimated / ctx.kb.scoring.status["ok_up_to"] - available
    if missing > 0:
        out.append(p("way_hours", lang, hours=fmt_hours(round(missing * 2) / 2 or 0.5, lang)))
    return out


def _assumptions(items, costs: Costs, ctx: Ctx) -> list[Assumption]:
    used = list(dict.fromkeys(i.activity for i in items))
    out = []
    for aid in used:
        a = ctx.kb.effort[aid]
        out.append(Assumption(activity=aid, label=ctx.text(a.label), unit=ctx.text(a.unit), low_hours=a.low_hours,
                              high_hours=a.high_hours, used_hours=round(costs.table[aid][0], 3),
                              assumption=a.assumption, basis=ctx.text(a.basis), sources=list(a.sources)))
    return out


def _warnings(channels, by_id: dict[str, Scored], workload: Workload, ctx: Ctx) -> list[Warning]:
    prof, lang, out = ctx.profile, ctx.lang, []
    if not channels:
        out.append(Warning(code="no_channel", message=p("w_no_channel", lang)))
    for c in channels:
        s = by_id[c.id]
        if s.partial_age_bands:
            ch = ctx.kb.channels[c.id]
            out.append(Warning(code="age_minimum", channel=c.id, message=p(
                "w_age_partial", lang, channel=c.label, age=s.min_age, cite=age_cite(ch, lang),
                bands=", ".join(ctx.label("age_band", b) for b in s.partial_age_bands))))
    if "11_14" in prof.audience.age_bands and prof.structure.country == "fr":
        out.append(Warning(code="consent_under_15", message=p("w_consent_15", lang)))
    est, avail = fmt_hours(workload.estimated_hours_per_week, lang), fmt_hours(workload.available_hours_per_week, lang)
    if workload.status == "over":
        share = "—" if workload.share_of_available is None else f"{workload.share_of_available * 100:.0f}"
        out.append(Warning(code="overload", message=p("w_over", lang, estimated=est, available=avail, share=share)))
    elif workload.status == "tight":
        out.append(Warning(code="tight", message=p("w_tight", lang, estimated=est, available=avail)))
    own = prof.constraints.own_accounts_allowed
    if own == "no":
        out.append(Warning(code="own_accounts_not_allowed", message=p("w_accounts_no", lang)))
    elif own == "unknown":
        out.append(Warning(code="own_accounts_unknown", message=p("w_accounts_unknown", lang)))
    if "platform_ethics" in prof.concerns:
        for c in channels:
            ethics = ctx.kb.channels[c.id].ethics
            if ethics is not None:
                out.append(Warning(code="platform_ethics", channel=c.id,
                                   message=p("w_ethics", lang, channel=c.label, text=ctx.text(ethics))))
    if prof.constraints.validation_required:
        for c in channels:
            if ctx.kb.channels[c.id].messaging:
                out.append(Warning(code="validation_messaging", channel=c.id,
                                   message=p("w_validation_messaging", lang, channel=c.label)))
    kept = {c.id for c in channels}
    for cid in prof.presence:
        if cid not in kept:
            out.append(Warning(code="existing_account_not_kept", channel=cid, message=p(
                "w_existing_dropped", lang, channel=ctx.label("channel", cid))))
    if prof.resources.people == 1:
        out.append(Warning(code="single_person", message=p("w_single_person", lang)))
    return out


def _summary(channels, workload: Workload, ctx: Ctx) -> list[str]:
    lang = ctx.lang
    out = [p("sum_goals", lang, goal=lower_first(ctx.label("goal", ctx.profile.goals[0])))]
    if channels:
        out.append(p("sum_channels", lang, channels=", ".join(f"{c.label} ({c.role})" for c in channels)))
    else:
        out.append(p("sum_none", lang))
    out.append(p("sum_workload", lang, estimated=fmt_hours(workload.estimated_hours_per_week, lang),
                 available=fmt_hours(workload.available_hours_per_week, lang),
                 share_post=f"{workload.share_of_full_time * 100:.0f}"))
    out.append(p(f"sum_status_{workload.status}", lang))
    return out
