"""A score from 0 to 100 per channel — overall, or for one role of the plan — with the
sentences that explain it.

Components (weights in knowledge/scoring.yaml, or the role's own in roles.yaml):
audience (engine.audience: the age bands' usage for young people, adult or professional
usage for the roles that address them), goals (fit per goal, first goal weighing most;
for a role, the goals or audience groups that call for it), resources (skills and
equipment already there), presence (an existing community). A network whose minimum age
is above every band of the audience is excluded for direct contact with young people.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from wizard.engine import audience as aud
from wizard.engine.figures import fit_sentence_parts
from wizard.engine.phrases import p
from wizard.engine.situation import Situation, cite
from wizard.formatting import lower_first, number
from wizard.knowledge.models import Channel, Role
from wizard.strategy import ScoreParts

min_age = aud.min_age
usage_for = aud.usage_for
YOUTH = ("youth",)


@dataclass
class Scored:
    id: str
    score: int
    parts: ScoreParts
    reasons: list[str]
    sources: list[str] = field(default_factory=list)
    age_blocked: bool = False
    blocked_reason: str = ""
    partial_age_bands: list[str] = field(default_factory=list)  # bands too young for an account
    min_age: int = 13
    presence_reason: str = ""  # the "you already have an account" sentence, when there is one
    role: str | None = None  # the role this score is for (None: overall)
    without_account: bool = False  # young people below the minimum age only watch, without an account


def age_cite(ch: Channel, lang: str) -> str:
    """" [KEYS]" after a minimum age, or a plain "not checked" when no source was read."""
    return f" [{cite(ch.min_age.sources)}]" if ch.min_age.sources else p("age_unverified", lang)


def _fit_sentence(ctx: Situation, key: str, fit, **values) -> tuple[str, list[str]]:
    """The appraisal's sentence with only the figures that fit the audience and the country."""
    prof = ctx.profile
    why, keys = fit_sentence_parts(fit, prof.audience.age_bands, prof.structure.country, ctx.lang)
    return p(key, ctx.lang, why=why.rstrip("."), cite=(f" [{cite(keys)}]" if keys else "") + ".", **values), keys


def _say(reasons: list[str], sources: list[str], said: tuple[str, list[str]]) -> None:
    reasons.append(said[0])
    sources.extend(said[1])


def _goal_component(ch: Channel, role: Role | None, ctx: Situation, reasons: list[str], sources: list[str]) -> float:
    """Fit for the goals (in order of importance) or, for a role called by an audience group,
    for those groups; 0–100."""
    prof, weights = ctx.profile, ctx.kb.scoring.goal_order_weights
    goals = [g for g in prof.goals if role is None or g in role.fit.goals][: len(weights)]
    if goals:
        total_w = sum(weights[i] for i in range(len(goals)))
        value = 0.0
        for i, goal in enumerate(goals):
            fit = ch.goals[goal]
            rank = prof.goals.index(goal)
            value += weights[i] * fit.score / 3 * 100
            if fit.score >= 2 or i == 0:
                _say(reasons, sources, _fit_sentence(ctx, "goal_fit", fit, rank=p(f"rank_{min(rank, 2) + 1}", ctx.lang),
                                                     goal=ctx.label("goal", goal)))
        return value / total_w
    groups = [g for g in prof.audience.groups if g in role.fit.groups and g in ch.groups]
    if groups:
        for g in groups:
            _say(reasons, sources, _fit_sentence(ctx, "group_fit", ch.groups[g], group=ctx.label("group", g)))
        return sum(ch.groups[g].score for g in groups) / len(groups) / 3 * 100
    fits = [ch.goals[g].score for g in role.fit.goals] or [0]
    return sum(fits) / len(fits) / 3 * 100


def _youth_audience(cid: str, ch: Channel, watch: bool, ctx: Situation, reasons: list[str],
                    sources: list[str]) -> float:
    prof, kb = ctx.profile, ctx.kb
    reach = aud.youth_reach(cid, prof.audience.age_bands, ctx, without_account=watch)
    reasons.extend(reach.reasons)
    sources.extend(reach.sources)
    value = reach.value
    points = []
    for group in prof.audience.groups:
        fit = ch.groups.get(group)
        if fit is None or group in kb.roles.groups:  # adult groups are scored by their own role
            continue
        points.append((fit.score - 1.5) / 1.5 * kb.scoring.group_adjustment_points)
        if fit.score >= 2 or fit.score == 0:
            _say(reasons, sources, _fit_sentence(ctx, "group_fit", fit, group=ctx.label("group", group)))
    if points:
        value = min(100.0, max(0.0, value + sum(points) / len(points)))
    return value


def score_channel(cid: str, ctx: Situation, role_id: str | None = None) -> Scored:
    """The channel's score overall (role_id None: young people, every goal) or for one role."""
    ch, prof, kb = ctx.kb.channels[cid], ctx.profile, ctx.kb
    role = kb.roles.roles[role_id] if role_id else None
    kind = role.audience if role else "youth"
    w = (role.weights if role and role.weights else None) or kb.scoring.weights
    name, country = ctx.label("channel", cid), prof.structure.country
    reasons: list[str] = []
    sources: list[str] = []
    age = min_age(ch, country)
    bands = prof.audience.age_bands
    direct = aud.direct_bands(ch, bands, country)
    watch = kind == "youth" and not ch.messaging and cid in kb.roles.without_account
    young = [b for b in bands if b not in direct]

    if kind == "youth" and not direct and not watch:
        reason = p("age_excluded", ctx.lang, channel=name, age=age, cite=age_cite(ch, ctx.lang),
                   country=p("in_country", ctx.lang, country=ctx.label("country", country))
                   if country in ch.min_age.by_country else "",
                   bands=", ".join(ctx.label("age_band", b) for b in bands))
        parts = ScoreParts(audience=0, goals=0, resources=0, presence=0)
        return Scored(cid, 0, parts, [reason], list(ch.min_age.sources), True, reason, young, age, role=role_id)

    if kind == "youth":
        audience = _youth_audience(cid, ch, watch, ctx, reasons, sources)
    elif kind in ("adult", "professional"):
        share = aud.adult_share(cid, kind, ctx)
        audience = share.value
        reasons.append(share.reason)
        sources.extend(share.sources)
    else:  # the team chooses its own tool
        audience = 0.0
    goal_score = _goal_component(ch, role, ctx, reasons, sources)
    if role is not None and role.weights_why:
        reasons.append(p("role_weights", ctx.lang, why=ctx.text(role.weights_why)))

    # resources: what the network needs that the team already has
    needs = [("skill", s) for s in ch.skills] + [("equipment", e) for e in ch.equipment]
    have = set(prof.resources.skills) | set(prof.resources.equipment)
    present = [ctx.label(v, x) for v, x in needs if x in have]
    missing = [lower_first(ctx.label(v, x)) for v, x in needs if x not in have]
    resources = 100.0 if not needs else 100.0 * len(present) / len(needs)
    if present:
        reasons.append(p("has_skills", ctx.lang, items=", ".join(lower_first(x) for x in present)))
    if missing:
        reasons.append(p("missing_skills", ctx.lang, items=", ".join(missing)))

    # presence: an existing community is an asset
    existing = prof.presence.get(cid)
    presence, presence_reason = 0.0, ""
    if existing is not None:
        full = kb.scoring.followers_for_full_presence
        presence = 100.0 * min(1.0, math.log10(existing.followers + 1) / math.log10(full + 1))
        presence = max(presence, 25.0 if existing.posts_per_week > 0 else presence)
        presence_reason = p("presence", ctx.lang, channel=name, followers=number(existing.followers, ctx.lang),
                            posts=_posts(existing.posts_per_week, ctx.lang))
        reasons.append(presence_reason)

    adjustment = 0.0
    if "platform_ethics" in prof.concerns and ch.ethics is not None:
        adjustment -= kb.scoring.ethics_penalty_points
        reasons.append(p("ethics", ctx.lang, text=ctx.text(ch.ethics)))
    parts = ScoreParts(audience=round(audience, 1), goals=round(goal_score, 1), resources=round(resources, 1),
                       presence=round(presence, 1), adjustment=adjustment)
    raw = (w["audience"] * audience + w["goals"] * goal_score + w["resources"] * resources
           + w["presence"] * presence) / 100 + adjustment
    score = int(round(min(100.0, max(0.0, raw))))
    partial = young if kind == "youth" else []
    return Scored(cid, score, parts, reasons, _unique(sources), False, "", partial, age, presence_reason,
                  role=role_id, without_account=watch and not direct)


def _posts(count: float, lang: str) -> str:
    word = ("publication", "publications") if lang == "fr" else ("post", "posts")
    return f"{number(count, lang)} {word[count > 1]}"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def score_all(ctx: Situation) -> list[Scored]:
    """Every channel of the knowledge base, scored overall, best first (ties broken by id)."""
    scored = [score_channel(cid, ctx) for cid in ctx.kb.channels]
    return sorted(scored, key=lambda s: (-s.score, s.id))
