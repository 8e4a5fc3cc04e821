"""Arguments that answer the hierarchy's worries, each with its evidence and sources (pure).

arguments.yaml holds each objection in two voices: advice to the team (`title`, `response`: the
strategy document) and an answer to the officials (`objection`, `answer`, `safeguard`, `cost`: the
note). Only what applies to this structure is kept: an argument, an evidence or an `also` passage
whose `when` does not hold is left out (French law outside France, parents' consent without
minors, a field account about messaging without a messaging channel). The engine fills in what
only the plan knows: the hours behind a cost (rounded to the half hour, or `cost_without` when the
plan counts none), the other ways in for someone who refuses a platform, and which of this
strategy's legal points back an answer.
"""
from __future__ import annotations

from wizard.engine.asks import half_hours
from wizard.engine.situation import Situation, applies
from wizard.formatting import hours as fmt_hours
from wizard.i18n import phrases
from wizard.strategy import (
    Argument,
    ChannelRecommendation,
    Evidence,
    LegalPoint,
    TimeAsked,
    Workload,
)

p = phrases("advocacy")

# When a profile names no concern, the note for elected officials still answers the
# objections they raise most (../shared/DESIGN.md, issue 4).
DEFAULT_CONCERNS = ("time", "cost", "competition_municipal_accounts", "legal")
WHOLE_PLAN = "*"


class Plan:
    """What the arguments read from the plan already built."""

    def __init__(self, channels: list[ChannelRecommendation], workload: Workload, legal: list[LegalPoint],
                 time: TimeAsked):
        self.channels, self.workload, self.legal, self.time = channels, workload, legal, time
        self.ids = [c.id for c in channels]


def _hours(value: float, lang: str) -> str:
    if 0 < value < 0.25:
        return p("under_half_hour", lang)
    return fmt_hours(half_hours(value), lang)


def _cost(a, ctx: Situation, plan: Plan) -> str:
    if a.cost is None:
        return ""
    text = ctx.text(a.cost)
    if "{hours}" not in text:
        return text
    if WHOLE_PLAN in a.counts:
        counted = plan.time.hours_per_week
        said = fmt_hours(counted, ctx.lang)
    else:
        counted = sum(i.hours_per_week for i in plan.workload.items if i.activity in a.counts)
        said = _hours(counted, ctx.lang)
    if counted <= 0:
        return ctx.text(a.cost_without) if a.cost_without is not None else ""
    return text.replace("{hours}", said)


def _alternative(ctx: Situation, plan: Plan) -> str:
    labels = [c.label for c in plan.channels]
    if len(labels) >= 2:
        return p("alt_channels", ctx.lang, channels=", ".join(labels))
    return p("alt_plain", ctx.lang)


def _argument(a, ctx: Situation, plan: Plan) -> Argument:
    evidence = [Evidence(id=e.id, text=ctx.text(e.text), sources=list(e.sources))
                for e in a.evidence if applies(e.when, ctx, plan.ids)]
    kept = {e.id for e in evidence}
    answer = ""
    if a.answer is not None:
        said = [ctx.text(a.answer), *(ctx.text(x.text) for x in a.also if applies(x.when, ctx, plan.ids))]
        answer = " ".join(said).replace("{alternative}", _alternative(ctx, plan))
    legal = {pt.id for pt in plan.legal}
    return Argument(concern=a.concern, title=ctx.text(a.title), response=ctx.text(a.response), evidence=evidence,
                    id=a.id, objection=ctx.text(a.objection), answer=answer, safeguard=ctx.text(a.safeguard),
                    cost=_cost(a, ctx, plan), lead=[e for e in a.lead if e in kept],
                    legal=[pid for pid in a.legal if pid in legal])


def _of(ctx: Situation, plan: Plan, use: str) -> list:
    return [a for a in ctx.kb.arguments if a.use == use and applies(a.when, ctx, plan.ids)]


def arguments(ctx: Situation, plan: Plan) -> list[Argument]:
    """One answer per concern of the profile (the default set when it names none), in its order."""
    concerns = ctx.profile.concerns or list(DEFAULT_CONCERNS)
    answers = _of(ctx, plan, "answer")
    return [_argument(a, ctx, plan) for c in concerns for a in answers if a.concern == c]


def standing_arguments(ctx: Situation, plan: Plan) -> list[Argument]:
    """Answered in every note, ticked or not: which networks, what the hours replace, and, under a
    public parent body in France, public agents' neutrality, réserve and discretion."""
    return [_argument(a, ctx, plan) for a in _of(ctx, plan, "standing")]


def context_arguments(ctx: Situation, plan: Plan) -> list[Argument]:
    """The general arguments that fit this structure; their `lead` evidence opens the note."""
    return [_argument(a, ctx, plan) for a in _of(ctx, plan, "context")]
