"""The roles a plan needs (roles.yaml): from the goals, in their order, then from the adult
audience groups. Pure."""
from __future__ import annotations

from dataclasses import dataclass

from wizard.engine.situation import Situation


@dataclass(frozen=True)
class Need:
    role: str
    goals: tuple[str, ...]  # the profile's goals that call for it
    groups: tuple[str, ...]  # the profile's audience groups that call for it


def needed(ctx: Situation) -> list[Need]:
    r, prof = ctx.kb.roles, ctx.profile
    order: list[str] = []
    for goal in prof.goals:
        order += [x for x in r.goals.get(goal, ()) if x not in order]
    for group in prof.audience.groups:
        order += [x for x in r.groups.get(group, ()) if x not in order]
    return [Need(role,
                 tuple(g for g in prof.goals if role in r.goals.get(g, ())),
                 tuple(g for g in prof.audience.groups if role in r.groups.get(g, ())))
            for role in order]


def label(role: str, ctx: Situation) -> str:
    return ctx.text(ctx.kb.roles.roles[role].label)
