"""A score from 0 to 100 per channel, with the sentences that explain it.

Components (weights in knowledge/scoring.yaml): audience (published usage shares for
the chosen age bands, adjusted by audience groups), goals (fit per goal, first goal
weighing most), resources (skills and equipment already there), presence (an existing
community). Platform minimum ages exclude a channel when no target band may use it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from wizard.engine.context import BAND_AGES, Ctx, cite
from wizard.engine.phrases import p
from wizard.engine.text import lower_first
from wizard.knowledge.models import Channel, Usage
from wizard.formatting import number
from wizard.strategy import ScoreParts


@dataclass
class Scored:
    id: str
    score: int
    parts: ScoreParts
    reasons: list[str]
    sources: list[str] = field(default_factory=list)
    age_blocked: bool = False
    blocked_reason: str = ""
    partial_age_bands: list[str] = field(default_factory=list)  # bands partly under the minimum age
    min_age: int = 13
    presence_reason: str = ""  # the "you already have an account" sentence, when there is one


def age_cite(ch: Channel, lang: str) -> str:
    """" [KEYS]" after a minimum age, or a plain "not checked" when no source was read."""
    return f" [{cite(ch.min_age.sources)}]" if ch.min_age.sources else p("age_unverified", lang)


def min_age(ch: Channel, country: str) -> int:
    return ch.min_age.by_country.get(country, ch.min_age.default)


def usage_for(ch: Channel, band: str, country: str) -> Usage | None:
    return ch.usage_by_country.get(country, {}).get(band) or ch.usage.get(band)


def _fit_sentence(ctx: Ctx, key: str, fit, **values) -> str:
    sources = f" [{cite(fit.sources)}]" if fit.sources else ""
    why = ctx.text(fit.why).rstrip(".")
    return p(key, ctx.lang, why=why, cite=sources + ".", **values)


def score_channel(cid: str, ctx: Ctx) -> Scored:
    ch, prof, kb = ctx.kb.channels[cid], ctx.profile, ctx.kb
    w = kb.scoring.weights
    name = ctx.label("channel", cid)
    country = prof.structure.country
    reasons: list[str] = []
    sources: list[str] = []
    age = min_age(ch, country)

    # minimum age: bands entirely below it cannot use the network at all
    allowed = [b for b in prof.audience.age_bands if BAND_AGES[b][1] >= age]
    partial = [b for b in prof.audience.age_bands if BAND_AGES[b][0] < age]  # some of them are too young
    if not allowed:
        where = p("in_country", ctx.lang, country=ctx.label("country", country)) if country in ch.min_age.by_country else ""
        reason = p("age_excluded", ctx.lang, channel=name, age=age, country=where, cite=age_cite(ch, ctx.lang),
                   bands=", ".join(ctx.label("age_band", b) for b in prof.audience.age_bands))
        parts = ScoreParts(audience=0, goals=0, resources=0, presence=0)
        return Scored(cid, 0, parts, [reason], list(ch.min_age.sources), True, reason, [], age)

    # audience: mean published usage over the bands that may use it
    shares = []
    for band in prof.audience.age_bands:
        if band not in allowed:
            shares.append(0.0)
            continue
        usage = usage_for(ch, band, country)
        if usage is None:
            shares.append(0.0)
            reasons.append(p("usage_gap", ctx.lang, channel=name, band=ctx.label("age_band", band)))
            continue
        shares.append(usage.value)
        sources.extend(usage.sources)
        reasons.append(p("usage", ctx.lang, band=ctx.label("age_band", band), value=number(usage.value, ctx.lang),
                         population=_population(ctx, usage), channel=name, sources=cite(usage.sources)))
    audience = sum(shares) / len(shares)
    group_points = []
    for group in prof.audience.groups:
        fit = ch.groups.get(group)
        if fit is None:
            continue
        group_points.append((fit.score - 1.5) / 1.5 * kb.scoring.group_adjustment_points)
        if fit.score >= 2 or fit.score == 0:
            reasons.append(_fit_sentence(ctx, "group_fit", fit, group=ctx.label("group", group)))
            sources.extend(fit.sources)
    if group_points:
        audience = min(100.0, max(0.0, audience + sum(group_points) / len(group_points)))

    # goals, in order of importance
    weights = kb.scoring.goal_order_weights
    total_w = sum(weights[i] for i in range(min(len(prof.goals), len(weights))))
    goal_score = 0.0
    for i, goal in enumerate(prof.goals[: len(weights)]):
        fit = ch.goals[goal]
        goal_score += weights[i] * fit.score / 3 * 100
        if fit.score >= 2 or i == 0:
            reasons.append(_fit_sentence(ctx, "goal_fit", fit, rank=p(f"rank_{i + 1}", ctx.lang),
                                         goal=ctx.label("goal", goal)))
            sources.extend(fit.sources)
    goal_score /= total_w

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
    presence = 0.0
    presence_reason = ""
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
    return Scored(cid, score, parts, reasons, _unique(sources), False, "", partial, age, presence_reason)


def _posts(count: float, lang: str) -> str:
    word = ("publication", "publications") if lang == "fr" else ("post", "posts")
    return f"{number(count, lang)} {word[count > 1]}"


def _population(ctx: Ctx, usage: Usage) -> str:
    text = ctx.text(usage.population)
    return f"({text})" if text else ""


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def score_all(ctx: Ctx) -> list[Scored]:
    """Every channel of the knowledge base, best first (ties broken by id, for determinism)."""
    scored = [score_channel(cid, ctx) for cid in ctx.kb.channels]
    return sorted(scored, key=lambda s: (-s.score, s.id))
