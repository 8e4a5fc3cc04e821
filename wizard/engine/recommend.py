"""A chosen network as a recommendation, a network left out as an exclusion: each with the
sentences that explain it, from the numbers of the plan (engine.selection). Pure."""
from __future__ import annotations

from wizard.engine import roles as roles_
from wizard.engine.phrases import p
from wizard.engine.selection import Left, Pick, Plan
from wizard.engine.situation import BAND_AGES, Situation, cite
from wizard.engine.workload import FOLLOWUP, PUBLICATIONS, followup, rhythm_text, total
from wizard.formatting import hours as fmt_hours
from wizard.formatting import number
from wizard.strategy import ChannelRecommendation, ExcludedChannel


def bands_text(bands, ctx: Situation) -> str:
    return ", ".join(ctx.label("age_band", b) for b in bands)


def direct_of(pick: Pick, ctx: Situation) -> list[str]:
    """The audience's bands this network addresses directly (old enough for an account)."""
    return [b for b in ctx.profile.audience.age_bands if b not in pick.scored.partial_age_bands]


def role_text(pick: Pick, ctx: Situation) -> str:
    """What the network does in the plan, and for whom when part of the audience is too young."""
    s, ch = pick.scored, ctx.kb.channels[pick.scored.id]
    if s.without_account:
        return ctx.text(ctx.kb.roles.without_account[s.id].role).replace("{age}", str(s.min_age))
    role = pick.need.role if pick.need else None
    audience = ctx.kb.roles.roles[role].audience if role else "youth"
    text = ""
    if audience == "youth":
        goals = pick.need.goals if pick.need else ctx.profile.goals
        text = next((ctx.text(ch.roles[g]) for g in goals if g in ch.roles), "")
        if not text:
            text = next((ctx.text(ch.roles[g]) for g in ctx.profile.goals if g in ch.roles and ch.goals[g].score >= 2),
                        roles_.label(role, ctx) if role else p("role_default", ctx.lang))
        if s.partial_age_bands:
            text += f" ({p('age_for_older', ctx.lang, bands=bands_text(direct_of(pick, ctx), ctx))})"
        return text
    return roles_.label(role, ctx)


def _kept(pick: Pick, ctx: Situation) -> bool:
    presence = ctx.profile.presence.get(pick.scored.id)
    return bool(presence and presence.followers >= ctx.kb.scoring.keep_existing.followers)


def _reasons(pick: Pick, ctx: Situation) -> list[str]:
    """Why this network is in the plan first (its role, its community), then its score's reasons."""
    s, name = pick.scored, ctx.label("channel", pick.scored.id)
    out = []
    if pick.why == "role" and pick.need is not None:
        need = pick.need
        if need.goals:
            out.append(p("role_picked", ctx.lang, role=roles_.label(need.role, ctx), channel=name,
                         goals=", ".join(ctx.label("goal", g) for g in need.goals)))
        else:
            out.append(p("role_picked_group", ctx.lang, role=roles_.label(need.role, ctx), channel=name,
                         groups=", ".join(ctx.label("group", g) for g in need.groups)))
    elif pick.why == "score":
        out.append(p("fill_by_score", ctx.lang))
    elif pick.why == "forced":
        out.append(p("forced_by_whatif", ctx.lang, channel=name))
    kept = _kept(pick, ctx)
    if kept:
        keep, presence = ctx.kb.scoring.keep_existing, ctx.profile.presence[s.id]
        out.append(p("kept_existing", ctx.lang, channel=name, followers=number(presence.followers, ctx.lang),
                     threshold=number(keep.followers, ctx.lang), sources=cite(keep.sources)))
    return [*out, *(r for r in s.reasons if not (kept and r == s.presence_reason))]


def recommendation(pick: Pick, plan: Plan, ctx: Situation) -> ChannelRecommendation:
    s, ch = pick.scored, ctx.kb.channels[pick.scored.id]
    level = plan.levels[s.id]
    rhythm = dict((ch.rhythm_minimum if level == "minimum" else ch.rhythm_recommended).items)
    mine = [i for i in plan.items if i.channel == s.id]
    said = rhythm_text(rhythm, ctx)
    carried = next((i for i in mine if i.activity == FOLLOWUP), None)
    if carried is not None:  # the messaging app that carries the follow-up: its rhythm is the follow-up
        f = followup(ctx)
        rhythm = {FOLLOWUP: carried.count_per_week}
        people = p("people_one", ctx.lang) if f.counsellors == 1 else p("people_many", ctx.lang, n=number(f.counsellors, ctx.lang))
        said = [p("rhythm_followup", ctx.lang, youths=number(round(f.youths), ctx.lang), people=people,
                  messages=number(round(carried.count_per_week), ctx.lang))]
    return ChannelRecommendation(
        id=s.id, label=ctx.label("channel", s.id), score=s.score, role=role_text(pick, ctx),
        reasons=_reasons(pick, ctx),
        posts_per_week=round(sum(c for a, c in rhythm.items() if a in PUBLICATIONS), 2),
        hours_per_week=round(total(mine), 2), rhythm=rhythm, rhythm_level=level,
        rhythm_text=said, score_parts=s.parts, sources=s.sources,
        role_id=pick.need.role if pick.need else "",
        kept_existing=_kept(pick, ctx))


def _first_reason(cid: str, left: Left, plan: Plan, scored, ctx: Situation) -> str:
    kb, lang, name = ctx.kb, ctx.lang, ctx.label("channel", cid)
    if left.cause == "age":
        return scored.blocked_reason or p("age_excluded", lang, channel=name, age=scored.min_age, country="",
                                          cite=f" [{cite(kb.channels[cid].min_age.sources)}]",
                                          bands=bands_text(ctx.profile.audience.age_bands, ctx))
    if left.cause == "refused":
        return p("refused_by_whatif", lang, channel=name)
    if left.cause == "ethics":
        return p("excluded_ethics", lang, channel=name, text=ctx.text(kb.channels[cid].ethics))
    if left.cause == "cap":
        return p("excluded_cap", lang, n=len(plan.picks), cap=plan.cap_reason)
    if left.cause == "capacity" and left.detail["hours"] <= 0:
        return p("excluded_no_time", lang, channel=name, cost=fmt_hours(left.detail["cost"], lang))
    if left.cause == "capacity":
        d = left.detail
        return p("excluded_time", lang, channel=name, cost=fmt_hours(d["cost"], lang), total=fmt_hours(d["total"], lang),
                 hours=fmt_hours(d["hours"], lang), limit=p("limit_ok" if d["limit"] == "ok" else "limit_all", lang))
    if left.cause == "role_taken":
        d = left.detail
        return p("excluded_role_taken", lang, role=roles_.label(d["role"], ctx), other=ctx.label("channel", d["other"]),
                 other_score=d["other_score"], score=d["score"])
    if left.cause == "duplicate":
        other = next(ctx.label("channel", c) for c in plan.channels if kb.channels[c].messaging)
        return p("excluded_duplicate", lang, channel=name, other=other)
    return p("low_fit", lang, score=scored.score, threshold=int(kb.scoring.recommend_threshold))


def rest(cid: str, plan: Plan, ctx: Situation) -> list[str]:
    """How to put an existing account to rest: nothing deleted, people pointed elsewhere."""
    kept = ", ".join(ctx.label("channel", c) for c in plan.channels) or "—"
    name = ctx.label("channel", cid)
    return [p("rest_pin", ctx.lang, channel=name, kept=kept), p("rest_admins", ctx.lang), p("rest_keep", ctx.lang)]


def exclusion(cid: str, plan: Plan, scored, ctx: Situation) -> ExcludedChannel:
    left = plan.left[cid]
    first = _first_reason(cid, left, plan, scored, ctx)
    others = [] if left.cause in ("age", "role_taken", "refused") else [r for r in scored.reasons if r != first]
    if left.cause in ("capacity", "cap") and scored.presence_reason:
        others = [scored.presence_reason, *[r for r in others if r != scored.presence_reason][:2]]
    elif left.cause in ("capacity", "cap"):
        others = others[:2]
    cause = {"capacity": "capacity", "cap": "cap", "ethics": "ethics", "age": "age",
             "duplicate": "duplicate", "role_taken": "role_taken", "refused": "refused"}.get(left.cause, "fit")
    existing = cid in ctx.profile.presence
    score = left.detail["score"] if left.cause == "role_taken" else scored.score  # the score its reason cites
    return ExcludedChannel(id=cid, label=ctx.label("channel", cid), score=score, reasons=[first, *others],
                           cause=cause, rest=rest(cid, plan, ctx) if existing else [])


def young_bands(pick: Pick) -> list[str]:
    return sorted(pick.scored.partial_age_bands, key=lambda b: BAND_AGES[b])
