"""« Et si… ? »: the Strategy of the same profile with other hours, skills, main goal,
durations, or channels imposed or ruled out — pure, through build_strategy, and marked as a
simulation with what changed.

The page only draws the controls and shows what this returns; the stored answers are
never touched (the Profile given is not modified).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wizard.engine.build import build_strategy
from wizard.engine.phrases import p
from wizard.formatting import hours as fmt_hours
from wizard.formatting import words_list
from wizard.knowledge import Knowledge
from wizard.profile import Profile
from wizard.strategy import Strategy
from wizard.vocabulary import label


@dataclass(frozen=True)
class Changes:
    """What the person tries: None (or empty) keeps the answer."""
    hours: float | None = None
    skills: tuple[str, ...] | None = None
    first_goal: str | None = None
    durations: dict[str, float] = field(default_factory=dict)  # activity id -> hours per item
    forced: tuple[str, ...] = ()  # channels imposed (« la mairie veut Facebook »)
    refused: tuple[str, ...] = ()  # channels ruled out


def changed_profile(profile: Profile, changes: Changes) -> Profile:
    """A copy of the profile with the changes applied (validated like any profile)."""
    resources = profile.resources.model_copy(update={
        k: v for k, v in (("hours_per_week", changes.hours),
                          ("skills", list(changes.skills) if changes.skills is not None else None)) if v is not None})
    goals = profile.goals
    if changes.first_goal is not None and changes.first_goal != goals[0]:
        goals = ([changes.first_goal] + [g for g in goals if g != changes.first_goal])[: max(3, len(goals))]
    data = profile.model_dump()
    return Profile.model_validate({**data, "resources": {**data["resources"], **resources.model_dump()},
                                   "goals": goals})


def described(base: Profile, other: Profile, changes: Changes, knowledge: Knowledge, lang: str) -> list[str]:
    """What differs from the answers, in words, for the page and the documents."""
    out = []
    if other.resources.hours_per_week != base.resources.hours_per_week:
        out.append(p("wi_hours", lang, hours=fmt_hours(other.resources.hours_per_week, lang)))
    if other.resources.skills != base.resources.skills:
        out.append(p("wi_skills", lang, skills=", ".join(label("skill", s, lang) for s in other.resources.skills) or "—"))
    if other.goals[0] != base.goals[0]:
        out.append(p("wi_goal", lang, goal=label("goal", other.goals[0], lang)))
    for aid, value in changes.durations.items():
        out.append(f"{knowledge.effort[aid].label.get(lang)} = {fmt_hours(value, lang)}")
    if changes.forced:
        out.append(p("wi_forced", lang, channels=words_list([label("channel", c, lang) for c in changes.forced], lang)))
    refused = [c for c in changes.refused if c not in changes.forced]
    if refused:
        out.append(p("wi_refused", lang, channels=words_list([label("channel", c, lang) for c in refused], lang)))
    return out


def simulate(profile: Profile, changes: Changes, knowledge: Knowledge, today: date, lang: str = "fr") -> Strategy:
    """The Strategy under the changes, with `simulation` saying what they are (empty: the answers)."""
    other = changed_profile(profile, changes)
    strategy = build_strategy(other, knowledge, today, lang=lang, assumptions=dict(changes.durations) or None,
                              forced=changes.forced, refused=changes.refused)
    return strategy.model_copy(update={"simulation": described(profile, other, changes, knowledge, lang)})
