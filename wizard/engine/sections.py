"""The Strategy's sections beyond the channels: maturity, KPIs, the 90-day plan, charter, legal, calendar."""
from __future__ import annotations

from datetime import date, timedelta

from wizard.engine.country import phrase
from wizard.engine.phrases import p
from wizard.engine.situation import Situation, applies
from wizard.strategy import (
    CalendarEvent,
    CalendarMonth,
    CharterClause,
    Kpi,
    LegalPoint,
    MaturityScore,
    PlanTask,
    PlanWeek,
)
from wizard.vocabulary import ids


def maturity(ctx: Situation) -> list[MaturityScore]:
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


def kpis(ctx: Situation, channels: list[str]) -> list[Kpi]:
    """KPIs for the profile's goals, in the order of the goals, that fit the recommended `channels`.

    A KPI scoped to channels or kinds of channel (kpis.yaml `applies_to`) is listed only when one of
    them is recommended, and carries those it measures; an unscoped one measures the plan as a whole."""
    seen, out = set(), []
    for goal in ctx.profile.goals:
        for k in ctx.kb.kpis:
            if goal not in k.goals or k.id in seen:
                continue
            measured = kpi_channels(k, channels, ctx)
            if not k.applies_to.whole_plan and not measured:
                continue
            seen.add(k.id)
            out.append(Kpi(id=k.id, goals=[g for g in k.goals if g in ctx.profile.goals], channels=measured,
                           name=ctx.text(k.name), definition=ctx.text(k.definition),
                           how_to_measure=ctx.text(k.how_to_measure), target=ctx.text(k.target),
                           sources=list(k.sources)))
    return out


def kpi_channels(k, channels: list[str], ctx: Situation) -> list[str]:
    """The recommended channels a KPI measures, in the plan's order (empty for a whole-plan KPI)."""
    return [c for c in channels if c in ctx.kb.channels and k.applies_to.measures(c, ctx.kb.channels[c].messaging)]


def plan(ctx: Situation, channels: list[str], today: date) -> list[PlanWeek]:
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


def charter(ctx: Situation, channels: list[str]) -> list[CharterClause]:
    return [CharterClause(id=c.id, title=ctx.text(c.title), text=ctx.text(c.text), sources=list(c.sources))
            for c in ctx.kb.charter if applies(c.when, ctx, channels)]


def legal(ctx: Situation, channels: list[str]) -> list[LegalPoint]:
    """The legal points that apply to this structure. A point marked `check_official_text` (read only
    through secondary pages) says so. For a country the knowledge base does not cover ("autre"), the
    French points are given only as examples, titled as such (engine/country.py says it is not covered)."""
    out = []
    for pt in ctx.kb.legal:
        example = False
        if not applies(pt.when, ctx, channels):
            french = pt.when.countries_any == ("fr",)
            if not (french and ctx.profile.structure.country == "autre"
                    and applies(pt.when.model_copy(update={"countries_any": ()}), ctx, channels)):
                continue
            example = True
        title, rule = ctx.text(pt.title), ctx.text(pt.rule)
        if example:
            title = phrase("legal_example_fr", ctx.lang, title=title)
        if pt.check_official_text:
            rule = f"{rule} {phrase('legal_check_official', ctx.lang)}"
        out.append(LegalPoint(id=pt.id, title=title, rule=rule, action=ctx.text(pt.action), sources=list(pt.sources)))
    return out


def calendar(ctx: Situation, today: date) -> list[CalendarMonth]:
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
                  and prof.structure.country in e.countries  # French dates stay in France (calendar.yaml)
                  and (not e.age_bands or set(e.age_bands) & set(prof.audience.age_bands))]
        out.append(CalendarMonth(month=f"{year}-{month:02d}", label=f"{names[month - 1]} {year}", events=events))
    return out
