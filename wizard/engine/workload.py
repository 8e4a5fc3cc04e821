"""Hours per week: what each channel's rhythm costs, and the choice of channels and
rhythms that fits the time available.

Per-item times are the modelling assumptions of the knowledge base (effort.yaml),
used at the middle of their range; the low and high ends are kept so the page can show
the estimate as a range. `overrides` lets a person adjust an assumption (hours per item).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wizard.engine.context import Ctx
from wizard.knowledge.models import Activity, Channel
from wizard.strategy import WorkItem

PUBLICATIONS = {"image_post", "story", "short_video", "long_video", "live"}
VALIDATED = {"image_post", "short_video", "long_video", "live"}  # a story or a reply is not validated one by one


@dataclass(frozen=True)
class Costs:
    """Hours per item of each activity: (used, low, high)."""
    table: dict[str, tuple[float, float, float]]

    @classmethod
    def of(cls, effort: dict[str, Activity], overrides: dict[str, float] | None = None) -> "Costs":
        overrides = overrides or {}
        return cls({aid: (overrides.get(aid, a.mid_hours), a.low_hours, a.high_hours) for aid, a in effort.items()})

    def hours(self, activity: str, count: float) -> tuple[float, float, float]:
        used, low, high = self.table[activity]
        return used * count, low * count, high * count


def channel_items(cid: str, ch: Channel, level: str, ctx: Ctx, costs: Costs) -> list[WorkItem]:
    """The weekly work of one channel at one rhythm level ('minimum' or 'recommended')."""
    rhythm = (ch.rhythm_minimum if level == "minimum" else ch.rhythm_recommended).items
    effort = ctx.kb.effort
    items: list[WorkItem] = []

    def add(activity: str, count: float) -> None:
        if count <= 0:
            return
        used, low, high = costs.hours(activity, count)
        items.append(WorkItem(channel=cid, activity=activity, category=effort[activity].category,
                              count_per_week=round(count, 2), hours_per_week=used,
                              low_hours_per_week=low, high_hours_per_week=high))

    for activity, count in rhythm.items():
        add(activity, count)
    # moderation: expected inbound messages from the existing community [SPROUT-2013]
    followers = ctx.profile.presence[cid].followers if cid in ctx.profile.presence else 0
    inbound = ctx.kb.scoring.inbound_messages_per_1000_followers_per_month
    per_week = followers / 1000 * (inbound["low"] + inbound["high"]) / 2 / ctx.kb.scoring.weeks_per_month
    add("moderation", per_week / 100)
    if ctx.profile.constraints.validation_required:
        add("validation", sum(c for a, c in rhythm.items() if a in VALIDATED))
    return items


def shared_items(ctx: Ctx, costs: Costs) -> list[WorkItem]:
    """Work that does not belong to one channel: monitoring and the monthly report."""
    items = []
    for activity, count in (("monitoring", 1.0), ("measurement", 1 / ctx.kb.scoring.weeks_per_month)):
        used, low, high = costs.hours(activity, count)
        items.append(WorkItem(channel=None, activity=activity, category=ctx.kb.effort[activity].category,
                              count_per_week=round(count, 3), hours_per_week=used,
                              low_hours_per_week=low, high_hours_per_week=high))
    return items


def total(items: list[WorkItem]) -> float:
    return sum(i.hours_per_week for i in items)


def max_channels(ctx: Ctx) -> int:
    hours = ctx.profile.resources.hours_per_week
    for rule in ctx.kb.scoring.max_channels:
        if hours < rule["below_hours"]:
            return int(rule["channels"])
    return int(ctx.kb.scoring.max_channels[-1]["channels"])


@dataclass
class Plan:
    channels: list[str]
    levels: dict[str, str]
    items: list[WorkItem]
    stopped_by_cap: bool


def fit(ranked: list[str], ctx: Ctx, costs: Costs) -> Plan:
    """Choose how many of the ranked channels, and at which rhythm, fit the hours.

    1. the largest k (≤ the cap for this many hours) whose top-k channels at their
       minimum rhythm, plus shared work, stay within the 'ok' share of the hours;
       at least one channel (the smallest viable plan), even if it does not fit;
    2. then, best channel first, raise a channel to its recommended rhythm while
       the whole still fits.
    Both steps only ever gain from more hours, so more hours never means fewer
    channels nor a worse status.
    """
    kb = ctx.kb
    budget = ctx.profile.resources.hours_per_week * kb.scoring.status["ok_up_to"]
    shared = shared_items(ctx, costs)
    per = {cid: {lvl: channel_items(cid, kb.channels[cid], lvl, ctx, costs) for lvl in ("minimum", "recommended")}
           for cid in ranked}
    cap = min(max_channels(ctx), len(ranked))
    k = 0
    for n in range(1, cap + 1):
        if total(shared) + sum(total(per[c]["minimum"]) for c in ranked[:n]) <= budget:
            k = n
    k = max(k, 1) if ranked else 0
    chosen = ranked[:k]
    levels = {c: "minimum" for c in chosen}
    for c in chosen:
        trial = {**levels, c: "recommended"}
        if total(shared) + sum(total(per[x][trial[x]]) for x in chosen) <= budget:
            levels = trial
    items = [i for c in chosen for i in per[c][levels[c]]] + shared
    return Plan(chosen, levels, items, stopped_by_cap=k == cap and cap < len(ranked))


def status(estimated: float, available: float, ctx: Ctx) -> tuple[str, float | None]:
    if available <= 0:
        return ("over", None) if estimated > 0 else ("ok", None)
    share = estimated / available
    thresholds = ctx.kb.scoring.status
    if share <= thresholds["ok_up_to"]:
        return "ok", share
    if share <= thresholds["tight_up_to"]:
        return "tight", share
    return "over", share


def by_key(items: list[WorkItem], key) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for i in items:
        out[key(i)] += i.hours_per_week
    return {k: round(v, 2) for k, v in out.items()}
