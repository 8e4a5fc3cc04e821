"""build_strategy: the one entry point from a Profile to a Strategy."""
from __future__ import annotations

from datetime import date

from wizard.engine import advocacy, asks, country, sections
from wizard.engine.phrases import p
from wizard.engine.recommend import exclusion, recommendation
from wizard.engine.scoring import score_all
from wizard.engine.selection import choose
from wizard.engine.situation import Situation
from wizard.engine.usage import usage
from wizard.engine.warnings import warnings as warnings_of
from wizard.engine.workload import Costs, summarize
from wizard.formatting import hours as fmt_hours
from wizard.formatting import lower_first
from wizard.knowledge import Knowledge
from wizard.profile import Profile
from wizard.strategy import SourceRef, Strategy, Workload


def build_strategy(profile: Profile, knowledge: Knowledge, today: date, *, lang: str = "fr",
                   assumptions: dict[str, float] | None = None, forced: tuple[str, ...] = (),
                   refused: tuple[str, ...] = ()) -> Strategy:
    """Deterministic: the same profile, knowledge, date and assumptions give the same Strategy.

    `assumptions` overrides the hours per item of effort activities (the adjustable estimates);
    `forced` and `refused` are channels a what-if imposes or rules out (never the answers).
    """
    ctx = Situation(profile, knowledge, lang, tuple(forced), tuple(c for c in refused if c not in forced))
    costs = Costs.of(knowledge.effort, assumptions)
    scored = score_all(ctx)
    overall = {s.id: s for s in scored}
    plan = choose(ctx, costs, overall)
    channels = sorted((recommendation(pick, plan, ctx) for pick in plan.picks), key=lambda c: -c.score)  # best first
    excluded = [exclusion(s.id, plan, s, ctx) for s in scored if s.id not in plan.channels]
    workload = summarize(plan.items, channels, costs, ctx)
    kpis = sections.kpis(ctx, plan.channels)
    weeks = sections.plan(ctx, plan.channels, today)
    legal = sections.legal(ctx, plan.channels)
    decision = asks.decision(ctx, channels, workload, kpis, weeks, today)
    argued = advocacy.Plan(channels, workload, legal, decision.time)
    strategy = Strategy(
        generated_on=today, lang=lang, structure_name=profile.structure.name,
        summary=_summary(channels, workload, ctx),
        channels=channels, excluded=excluded, workload=workload,
        arguments=advocacy.arguments(ctx, argued), context_arguments=advocacy.context_arguments(ctx, argued),
        standing_arguments=advocacy.standing_arguments(ctx, argued), usage=usage(ctx, channels),
        decision=decision,
        warnings=warnings_of(channels, plan, workload, ctx), maturity=sections.maturity(ctx),
        kpis=kpis, plan=weeks, charter=sections.charter(ctx, plan.channels), legal=legal,
        calendar=sections.calendar(ctx, today), sources=[], currency=profile.resources.currency,
        not_covered=country.not_covered(ctx), not_covered_ids=country.not_covered_ids(ctx),
    )
    keys = sorted(strategy.cited_keys())
    strategy.sources = [source_ref(k, knowledge.sources[k], lang) for k in keys if k in knowledge.sources]
    return strategy


def source_ref(key: str, source, lang: str) -> SourceRef:
    """A source as the documents list it, in the strategy's language: a described title or
    publisher (fr/en) in that language, a published one as published."""
    return SourceRef(key=key, publisher=source.publisher_in(lang), title=source.title_in(lang), year=source.year,
                     url=source.url, secondary=source.secondary, via=source.via,
                     title_published=source.title_published)


def _summary(channels, workload: Workload, ctx: Situation) -> list[str]:
    lang = ctx.lang
    out = [p("sum_goals", lang, goal=lower_first(ctx.label("goal", ctx.profile.goals[0])))]
    if channels:
        out.append(p("sum_channels", lang, channels=", ".join(f"{c.label} ({c.role})" for c in channels)))
    else:
        out.append(p("sum_none", lang))
    estimated, share_post = fmt_hours(workload.estimated_hours_per_week, lang), f"{workload.share_of_full_time * 100:.0f}"
    if workload.available_hours_per_week <= 0:  # no time at all: said, never compared with 0 h
        out.append(p("sum_workload_no_time", lang, estimated=estimated, share_post=share_post))
        out.append(p("sum_status_no_time", lang))
        return out
    out.append(p("sum_workload", lang, estimated=estimated, available=fmt_hours(workload.available_hours_per_week, lang),
                 share_post=share_post))
    out.append(p(f"sum_status_{workload.status}", lang))
    return out
