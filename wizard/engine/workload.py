"""Hours per week: what each channel's rhythm costs, with the replies, the follow-up and
the shared work a community manager would count.

Per-item times are the modelling assumptions of the knowledge base (effort.yaml), used
at the middle of their range, or at the low end when the team has the skill that makes
the work shorter (`with_skill`); monitoring and the monthly review have a light range for
a one-network plan (`light`). The low and high ends are kept so the page can show the
estimate as a range. `overrides` lets a person adjust an assumption (hours per item): an
override wins over the skill and the light level.

What is counted besides the rhythm of posts (effort.yaml `sizing`):
- replies and moderation on every publishing network, from its followers and the
  inbound messages to expect per 1,000 followers [SPROUT-2013], with a floor for a new account;
- one-to-one follow-up on messaging apps, from the people who follow young people and the
  young people followed (Profile resources.followup_*; labelled defaults when not given),
  instead of a flat presence.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wizard.engine.phrases import p
from wizard.engine.situation import Situation
from wizard.formatting import hours as fmt_hours
from wizard.formatting import lower_first, number
from wizard.knowledge.models import Activity, Channel
from wizard.strategy import Assumption, WorkItem, Workload, WorkShare

PUBLICATIONS = {"image_post", "story", "short_video", "long_video", "live"}
VALIDATED = {"image_post", "short_video", "long_video", "live"}  # a story or a reply is not validated one by one
REPLIES = "moderation"  # replies and moderation on a publishing network
FOLLOWUP, INBOX = "followup_message", "followup_inbox"  # one-to-one follow-up on a messaging app
PRESENCE = "participation"  # the flat presence of a messaging rhythm, replaced by the follow-up sizing
SHARED = ("monitoring", "measurement")  # work common to all networks


@dataclass(frozen=True)
class Costs:
    """Hours per item of each activity: (used, low, high); `overridden` names the ones a person set."""
    table: dict[str, tuple[float, float, float]]
    overridden: frozenset[str] = frozenset()

    @classmethod
    def of(cls, effort: dict[str, Activity], overrides: dict[str, float] | None = None) -> Costs:
        overrides = {k: v for k, v in (overrides or {}).items() if k in effort}
        return cls({aid: (overrides.get(aid, a.mid_hours), a.low_hours, a.high_hours) for aid, a in effort.items()},
                   frozenset(overrides))

    def hours(self, activity: str, count: float) -> tuple[float, float, float]:
        used, low, high = self.table[activity]
        return used * count, low * count, high * count


@dataclass(frozen=True)
class Unit:
    """Hours per unit of one activity for this profile and plan, and why."""
    used: float
    low: float
    high: float
    adjusted_for: tuple[str, ...] = ()  # skills that moved `used` to the low end
    light: bool = False


def unit(activity: str, ctx: Situation, costs: Costs, channels: int | None = None) -> Unit:
    """The range (light for a small plan) and the hours used: an override, else the low end
    with a skill that shortens the work, else the middle. `channels` None: the full level."""
    a = ctx.kb.effort[activity]
    light = a.light is not None and channels is not None and channels <= a.light.channels_at_most
    low, high = (a.light.low_hours, a.light.high_hours) if light else (a.low_hours, a.high_hours)
    if activity in costs.overridden:
        return Unit(costs.table[activity][0], low, high, light=light)
    skills = tuple(s for s in a.with_skill.skills if s in ctx.profile.resources.skills) if a.with_skill else ()
    return Unit(low if skills else (low + high) / 2, low, high, skills, light)


def _item(channel: str | None, activity: str, count: float, ctx: Situation, costs: Costs,
          channels: int | None = None) -> WorkItem:
    u = unit(activity, ctx, costs, channels)
    return WorkItem(channel=channel, activity=activity, category=ctx.kb.effort[activity].category,
                    count_per_week=round(count, 3), hours_per_week=u.used * count,
                    low_hours_per_week=u.low * count, high_hours_per_week=u.high * count)


# --- what sizes the replies and the follow-up -------------------------------------

def inbound_per_month(cid: str, ctx: Situation) -> float:
    """Comments and messages a month expected from the account's followers [SPROUT-2013], middle of the range."""
    presence = ctx.profile.presence.get(cid)
    rate = ctx.kb.scoring.inbound_messages_per_1000_followers_per_month
    return (presence.followers if presence else 0) / 1000 * (rate["low"] + rate["high"]) / 2


def replies_per_week(cid: str, ctx: Situation) -> float:
    """Messages a week to answer on a publishing network: from its followers, at least the floor of a new account."""
    floor = ctx.kb.effort[REPLIES].sizing["floor_messages_per_month"].value
    return max(inbound_per_month(cid, ctx), floor) / ctx.kb.scoring.weeks_per_month


@dataclass(frozen=True)
class Followup:
    counsellors: float  # people who follow young people by messaging
    youths: float  # young people followed at the same time
    messages_per_week: float
    defaults: tuple[str, ...]  # Profile fields not given, replaced by a labelled assumption


def followup(ctx: Situation) -> Followup:
    """The one-to-one follow-up: the profile's figures, or the labelled defaults of effort.yaml."""
    r, sizing = ctx.profile.resources, ctx.kb.effort[FOLLOWUP].sizing
    defaults = []
    counsellors = r.followup_counsellors
    if counsellors is None:
        counsellors = r.people * sizing["counsellors_per_person"].value
        defaults.append("resources.followup_counsellors")
    youths = r.followup_youths
    if youths is None:
        youths = counsellors * sizing["youths_per_counsellor"].value
        if ctx.profile.structure.youth_per_year is not None:
            youths = min(youths, ctx.profile.structure.youth_per_year)
        defaults.append("resources.followup_youths")
    return Followup(counsellors, youths, youths * sizing["messages_per_youth_per_week"].value, tuple(defaults))


# --- items ---------------------------------------------------------------------

def channel_items(cid: str, ch: Channel, level: str, ctx: Situation, costs: Costs, *,
                  followup_share: float = 1.0) -> list[WorkItem]:
    """The weekly work of one channel at one rhythm level ('minimum' or 'recommended').

    A publishing network adds its replies and moderation; a messaging app carries
    `followup_share` of the one-to-one follow-up (1: all of it, the default; with several
    messaging apps in a plan, split it; 0: none, the app keeps the flat presence of its rhythm).
    """
    rhythm = (ch.rhythm_minimum if level == "minimum" else ch.rhythm_recommended).items
    one_to_one = ch.messaging and followup_share > 0
    counts = [(a, c) for a, c in rhythm.items() if not (one_to_one and a == PRESENCE)]
    if one_to_one:
        f = followup(ctx)
        counts += [(INBOX, f.counsellors * followup_share), (FOLLOWUP, f.messages_per_week * followup_share)]
    elif not ch.messaging:
        counts.append((REPLIES, replies_per_week(cid, ctx) / 100))
    if ctx.profile.constraints.validation_required:
        counts.append(("validation", sum(c for a, c in rhythm.items() if a in VALIDATED)))
    return [_item(cid, a, c, ctx, costs) for a, c in counts if c > 0]


def shared_items(ctx: Situation, costs: Costs, channels: int | None = None) -> list[WorkItem]:
    """Work that does not belong to one channel: monitoring and the monthly report, light
    for a plan of `channels` ≤ the light level's networks (None: the full level)."""
    counts = {"monitoring": 1.0, "measurement": 1 / ctx.kb.scoring.weeks_per_month}
    return [_item(None, a, counts[a], ctx, costs, channels) for a in SHARED]


def total(items: list[WorkItem]) -> float:
    return sum(i.hours_per_week for i in items)


def status(estimated: float, available: float, ctx: Situation) -> tuple[str, float | None]:
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


def breakdown(items: list[WorkItem]) -> list[WorkShare]:
    """Hours by (channel, category), channels in plan order then the shared work, for the charts."""
    out: dict[tuple[str | None, str], float] = {}
    for i in sorted(items, key=lambda i: i.channel is None):  # stable: the plan's order, shared last
        out[(i.channel, i.category)] = out.get((i.channel, i.category), 0.0) + i.hours_per_week
    return [WorkShare(channel=c, category=cat, hours_per_week=round(h, 2)) for (c, cat), h in out.items() if h > 0]


def summarize(items: list[WorkItem], channels, costs: Costs, ctx: Situation) -> Workload:
    """The Workload of a chosen plan: totals, status, per channel and shared, ways out, assumptions.

    The shared monitoring and review follow the plan's final number of channels (light for
    one network), whatever level the selection counted them at. by_channel + shared = estimated.
    """
    kb, profile = ctx.kb, ctx.profile
    n = len(channels)
    items = [i for i in items if not (i.channel is None and i.activity in SHARED)] + shared_items(ctx, costs, n)
    available = profile.resources.hours_per_week
    estimated = total(items)
    state, share = status(estimated, available, ctx)
    return Workload(
        available_hours_per_week=available,
        estimated_hours_per_week=round(estimated, 2),
        low_hours_per_week=round(sum(i.low_hours_per_week for i in items), 2),
        high_hours_per_week=round(sum(i.high_hours_per_week for i in items), 2),
        status=state,
        share_of_available=None if share is None else round(share, 3),
        share_of_full_time=round(estimated / kb.scoring.full_time_hours, 3),
        full_time_hours=kb.scoring.full_time_hours,
        by_channel=by_key([i for i in items if i.channel], lambda i: i.channel),
        shared_hours_per_week=round(total([i for i in items if i.channel is None]), 2),
        shared_label=p("shared_label", ctx.lang),
        by_activity=by_key(items, lambda i: i.category),
        breakdown=breakdown(items),
        items=[i.model_copy(update={"hours_per_week": round(i.hours_per_week, 3),
                                    "low_hours_per_week": round(i.low_hours_per_week, 3),
                                    "high_hours_per_week": round(i.high_hours_per_week, 3)}) for i in items],
        ways_out=_ways_out(state, estimated, available, channels, ctx),
        assumptions=_assumptions(items, costs, ctx, n),
    )


def _ways_out(state: str, estimated: float, available: float, channels, ctx: Situation) -> list[str]:
    if state == "ok":
        return []
    lang = ctx.lang
    example = ""
    if channels:
        ch = ctx.kb.channels[channels[0].id]
        example = f"{channels[0].label}\u00a0: " + ", ".join(rhythm_text(ch.rhythm_minimum.items, ctx))
    out = [p("way_fewer_posts", lang, example=example, sources="ROUNDPEG-2014, NPTECHFORGOOD-2015"),
           p("way_pool", lang), p("way_reuse", lang)]
    if ctx.profile.constraints.validation_required:
        out.append(p("way_validation", lang))
    missing = estimated / ctx.kb.scoring.status["ok_up_to"] - available
    if missing > 0:
        out.append(p("way_hours", lang, hours=fmt_hours(round(missing * 2) / 2 or 0.5, lang)))
    return out


def _assumptions(items: list[WorkItem], costs: Costs, ctx: Situation, channels: int) -> list[Assumption]:
    """One row per activity of the plan: the range, the hours used and why, how the work was counted."""
    out = []
    for aid in dict.fromkeys(i.activity for i in items):
        a, u = ctx.kb.effort[aid], unit(aid, ctx, costs, channels)
        notes = [a.light] if u.light else []
        notes += [a.with_skill] if u.adjusted_for else []
        sized, defaults = _sizing(aid, items, ctx)
        notes += [_parameter(name, ctx) for name in sized]
        out.append(Assumption(
            activity=aid, label=ctx.text(a.label), unit=ctx.text(a.unit), low_hours=u.low, high_hours=u.high,
            used_hours=round(u.used, 3), assumption=a.assumption,
            basis=" ".join([ctx.text(a.basis), *(ctx.text(n.basis) for n in notes)]),
            sources=list(dict.fromkeys([*a.sources, *(k for n in notes for k in n.sources)])),
            adjusted_for=list(u.adjusted_for), light=u.light, sized_with=sized, defaults=defaults))
    return out


def _sizing(aid: str, items: list[WorkItem], ctx: Situation) -> tuple[list[str], list[str]]:
    """The sizing parameters that counted this activity in the plan, and the Profile fields they stood in for."""
    if aid == REPLIES:
        floor = ctx.kb.effort[REPLIES].sizing["floor_messages_per_month"].value
        new = any(i.activity == REPLIES and inbound_per_month(i.channel, ctx) < floor for i in items)
        return (["floor_messages_per_month"] if new else []), []
    if aid not in (FOLLOWUP, INBOX):
        return [], []
    given = followup(ctx).defaults
    if aid == INBOX:  # the people who follow young people
        default = "resources.followup_counsellors" in given
        return (["counsellors_per_person"] if default else []), (["resources.followup_counsellors"] if default else [])
    default = "resources.followup_youths" in given  # the messages, from the young people followed
    return (["messages_per_youth_per_week", *(["youths_per_counsellor"] if default else [])],
            ["resources.followup_youths"] if default else [])


def _parameter(name: str, ctx: Situation):
    return next(a.sizing[name] for a in ctx.kb.effort.values() if name in a.sizing)


def rhythm_text(rhythm: dict[str, float], ctx: Situation) -> list[str]:
    """« 2 × publication image avec légende » for each activity of a rhythm."""
    return [f"{number(c, ctx.lang)} × {lower_first(ctx.text(ctx.kb.effort[a].label))}" for a, c in rhythm.items()]
