"""Who uses the recommended networks: the published figure for each age band of the audience,
as the note for elected officials cites it (pure).

A band counts for a network when it is old enough for an account, or when the network is used
without one (videos watched on YouTube). The figure is the structure's country's when published,
else the headline one (engine.audience.usage_for). A network that plays an adult role (families,
partners) also gets the adult figure of audiences.yaml. A band with no published figure gets none:
the note then says nothing rather than an estimate.
"""
from __future__ import annotations

from wizard.engine.audience import direct_bands, usage_for
from wizard.engine.situation import Situation
from wizard.strategy import ChannelRecommendation, UsageFigure

ADULT_ROLES = ("adult", "professional")


def _adult(cid: str, kind: str, ctx: Situation):
    here = ctx.profile.structure.country
    a = ctx.kb.audiences
    tables = [a.professional, a.adult] if kind == "professional" else [a.adult]
    for country in [here] + [c for c in ("fr", "qc", "be", "ch") if c != here]:
        for table in tables:
            figure = table.get(country, {}).get(cid)
            if figure is not None:
                return figure
    return None


def usage(ctx: Situation, channels: list[ChannelRecommendation]) -> list[UsageFigure]:
    out: list[UsageFigure] = []
    country, bands = ctx.profile.structure.country, ctx.profile.audience.age_bands
    for c in channels:
        ch = ctx.kb.channels.get(c.id)
        if ch is None:
            continue
        role = ctx.kb.roles.roles.get(c.role_id)
        if role is not None and role.audience in ADULT_ROLES:
            figure = _adult(c.id, role.audience, ctx)
            if figure is not None:
                out.append(UsageFigure(channel=c.id, band=role.audience, value=figure.value,
                                       population=ctx.text(figure.population), country=figure.country,
                                       year=figure.year, sources=list(figure.sources)))
            continue
        reachable = direct_bands(ch, bands, country)  # first the bands with an account of their own
        watched = [b for b in bands if b not in reachable] if c.id in ctx.kb.roles.without_account else []
        for band in [*reachable, *watched]:
            u = usage_for(ch, band, country)
            if u is not None:
                out.append(UsageFigure(channel=c.id, band=band, value=u.value, population=ctx.text(u.population),
                                       country=u.country, year=u.year, sources=list(u.sources)))
    return out
