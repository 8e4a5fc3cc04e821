"""What frames the work: maturity levels, KPIs, the 90-day plan, the charter, legal points, calendar."""
from __future__ import annotations

from datetime import date, timedelta

from wizard.engine.context import Ctx, applies
from wizard.engine.phrases import p
from wizard.strategy import (CalendarEvent, CalendarMonth, CharterClause, Kpi, LegalPoint, MaturityScore,
                             PlanTask, PlanWeek)
from wizard.vocabulary import ids


def maturity(ctx: Ctx) -> list[MaturityScore]:
    out = []
    for dim in ids("maturity_dimension"):
        score = ctx.profile.maturity.get(dim)
        levels = ctx.kb.maturity[dim].levels
        if score is None:
            out.append(MaturityScore(dimension=dim, label=ctx.label("maturity_dimension", dim), score=None,
                                     level=p("level_not_assessed", ctx.lang),
                                     next_step=p("next_not_assessed", ctx.lang)))
        else:
            lvl = levels[score]
            out.append(MaturityScore(dimension=dim, label=ctx.label("maturity_dimension", dim), score=score,
                                     level=ctx.text(lvl.name), next_step=ctx.text(lvl.next_step)))
    return out


def kpis(ctx: Ctx) -> list[Kpi]:
    """KPIs for the profile's goals, in the order of the goals."""
    seen, out = set(), []
    for goal in ctx.profile.goals:
        for k in ctx.kb.kpis:
            if goal in k.goals and k.id not in seen:
                seen.add(k.id)
                out.append(Kpi(id=k.id, goals=[g for g in k.goals if g in ctx.profile.goals], name=ctx.text(k.name),
                               definition=ctx.text(k.definition), how_to_measure=ctx.text(k.how_to_measure),
                               target=ctx.text(k.target), sources=list(k.sources)))
    return out


def plan(ctx: Ctx, channels: list[str], today: date) -> list[PlanWeek]:
    """13 weeks from the Monday on or after `today`."""
    start = today + timedelta(days=(7 - today.weekday()) % 7)
    weeks: dict[int, list[PlanTask]] = {w: [] for w in range(1, 14)}
    for task in ctx.kb.plan:
        if not applies(task.when, ctx, channels):
            continue
        targets = channels if task.per_channel else [None]
        for cid in targets:
            name = ctx.label("channel", cid) if cid else ""
            weeks[task.week].append(PlanTask(
                id=f"{task.id}.{cid}" if cid else task.id,
                title=ctx.text(task.title).replace("{channel}", name),
                detail=ctx.text(task.detail).replace("{channel}", name),
                channel=cid, sources=list(task.sources)))
    return [PlanWeek(week=w, starts_on=start + timedelta(weeks=w - 1), tasks=t) for w, t in weeks.items()]


def charter(ctx: Ctx, channels: list[str]) -> list[CharterClause]:
    return [CharterClause(id=c.id, title=ctx.text(c.title), text=ctx.text(c.text), sources=list(c.sources))
            for c in ctx.kb.charter if applies(c.when, ctx, channels)]


def legal(ctx: Ctx, channels: list[str]) -> list[LegalPoint]:
    return [LegalPoint(id=pt.id, title=ctx.text(pt.title), rule=ctx.text(pt.rule), action=ctx.text(pt.action),
                       sources=list(pt.sources))
            for pt in ctx.kb.legal if applies(pt.when, ctx, channels)]


def calendar(ctx: Ctx, today: date) -> list[CalendarMonth]:
    """The next twelve months from `today`'s month, with the moments that concern this structure."""
    names = p("months", ctx.lang).split()
    prof = ctx.profile
    out = []
    for i in range(12):
        y, m = divmod(today.month - 1 + i, 12)
        year, month = today.year + y, m + 1
        events = [CalendarEvent(id=e.id, title=ctx.text(e.title), idea=ctx.text(e.idea), verified=e.verified,
                                sources=list(e.sources))
                  for e in ctx.kb.calendar
                  if month in e.months
                  and (not e.countries or prof.structure.country in e.countries)
                  and (not e.age_bands or set(e.age_bands) & set(prof.audience.age_bands))]
        out.append(CalendarMonth(month=f"{year}-{month:02d}", label=f"{names[month - 1]} {year}", events=events))
    return out
