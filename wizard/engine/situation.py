"""The structure's situation as every engine step reads it: the profile, the knowledge, the language, and the
conditions of knowledge entries (`when:`) evaluated against them."""
from __future__ import annotations

from dataclasses import dataclass

from wizard.knowledge import Knowledge
from wizard.knowledge.models import Condition
from wizard.profile import Profile
from wizard.vocabulary import label

BAND_AGES = {"11_14": (11, 14), "15_17": (15, 17), "18_25": (18, 25), "26_30": (26, 30)}


@dataclass(frozen=True)
class Situation:
    profile: Profile
    kb: Knowledge
    lang: str = "fr"
    forced: tuple[str, ...] = ()  # channels a what-if imposes (« la mairie veut Facebook »)
    refused: tuple[str, ...] = ()  # channels a what-if rules out

    def label(self, vocab: str, id_: str) -> str:
        return label(vocab, id_, self.lang)

    def text(self, t) -> str:
        return t.get(self.lang) if t is not None else ""


def applies(when: Condition, ctx: Situation, channels: list[str]) -> bool:
    """Every listed test must hold; an empty condition always applies."""
    p = ctx.profile
    tests = [
        not when.concerns_any or bool(set(when.concerns_any) & set(p.concerns)),
        not when.goals_any or bool(set(when.goals_any) & set(p.goals)),
        not when.age_bands_any or bool(set(when.age_bands_any) & set(p.audience.age_bands)),
        not when.channels_any or bool(set(when.channels_any) & set(channels)),
        not when.countries_any or p.structure.country in when.countries_any,
        not when.kinds_any or p.structure.kind in when.kinds_any,
        not when.parent_bodies_any or p.structure.parent_body in when.parent_bodies_any,
        when.validation_required is None or when.validation_required == p.constraints.validation_required,
        when.working_hours_only is None or when.working_hours_only == p.constraints.working_hours_only,
        not when.own_accounts_allowed_in or p.constraints.own_accounts_allowed in when.own_accounts_allowed_in,
        when.messaging_channel is None
        or when.messaging_channel == any(ctx.kb.channels[c].messaging for c in channels if c in ctx.kb.channels),
        not when.maturity_at_most
        or any(p.maturity.get(dim, 0) <= level and dim in p.maturity for dim, level in when.maturity_at_most.items()),
    ]
    return all(tests)


def cite(keys) -> str:
    return ", ".join(keys)
