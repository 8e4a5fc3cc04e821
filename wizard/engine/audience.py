"""Who a network reaches: the published share of the audience using it, with the sentence
that says which figure it is.

Young people are counted by age band (channels.yaml usage, the structure's country
first); adults and professionals by audiences.yaml. A figure of another country is used
only where the structure's country has none, and the sentence names its country and
year. Where nothing is published, the share is a neutral estimate (the median of the
published figures for that band), never zero, and the sentence says it is an estimate.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from wizard.engine.figures import here_phrase
from wizard.engine.phrases import p
from wizard.engine.situation import BAND_AGES, Situation, cite
from wizard.formatting import number
from wizard.knowledge.models import Channel, Usage


@dataclass(frozen=True)
class Share:
    """A share (0–100) of the audience using a network, and why we say so."""
    value: float
    reason: str
    sources: tuple[str, ...] = ()
    estimated: bool = False


@dataclass
class Reach:
    """A network's reach of an audience: the mean share, the sentences, the sources."""
    value: float
    reasons: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def min_age(ch: Channel, country: str) -> int:
    return ch.min_age.by_country.get(country, ch.min_age.default)


def usage_for(ch: Channel, band: str, country: str) -> Usage | None:
    return ch.usage_by_country.get(country, {}).get(band) or ch.usage.get(band)


def direct_bands(ch: Channel, bands: list[str], country: str) -> list[str]:
    """The bands old enough, all of them, for an account of their own on this network."""
    age = min_age(ch, country)
    return [b for b in bands if BAND_AGES[b][0] >= age]


def _elsewhere(ctx: Situation, country: str, year: int) -> str:
    """« (chiffre belge, 2025, faute de chiffre pour la France) » when a figure is foreign."""
    here = ctx.profile.structure.country
    if country == here:
        return ""
    return p("figure_elsewhere", ctx.lang, country=p(f"country_adj_{country}", ctx.lang), here=here_phrase(here, ctx.lang))


def _median_for_band(band: str, ctx: Situation) -> float:
    country = ctx.profile.structure.country
    values = [u.value for ch in ctx.kb.channels.values() if (u := usage_for(ch, band, country))]
    return round(statistics.median(values), 1) if values else 0.0


def youth_share(cid: str, band: str, ctx: Situation) -> Share:
    ch, country = ctx.kb.channels[cid], ctx.profile.structure.country
    name, band_label = ctx.label("channel", cid), ctx.label("age_band", band)
    usage = usage_for(ch, band, country)
    if usage is None:
        value = _median_for_band(band, ctx)
        return Share(value, p("usage_estimate", ctx.lang, channel=name, band=band_label,
                              value=number(value, ctx.lang)), estimated=True)
    population = ctx.text(usage.population)
    return Share(usage.value, p("usage", ctx.lang, band=band_label, value=number(usage.value, ctx.lang),
                                population=f"({population}){_elsewhere(ctx, usage.country, usage.year)}",
                                channel=name, sources=cite(usage.sources)), tuple(usage.sources))


def youth_reach(cid: str, bands: list[str], ctx: Situation, *, without_account: bool = False) -> Reach:
    """Mean share over the audience's bands; a band too young for an account counts 0, unless
    the network is used without one (videos watched on YouTube)."""
    ch, country = ctx.kb.channels[cid], ctx.profile.structure.country
    direct = set(direct_bands(ch, bands, country))
    reach = Reach(0.0)
    shares = []
    for band in bands:
        if band not in direct and not without_account:
            shares.append(0.0)
            continue
        share = youth_share(cid, band, ctx)
        shares.append(share.value)
        reach.reasons.append(share.reason)
        reach.sources.extend(share.sources)
    reach.value = sum(shares) / len(shares) if shares else 0.0
    return reach


def _adult_figure(cid: str, kind: str, ctx: Situation):
    """(figure, general): the structure's country first; for professionals, a figure of use at
    work where published, else the adult figure (general=True: it measures general use)."""
    here = ctx.profile.structure.country
    countries = [here] + [c for c in ("fr", "qc", "be", "ch") if c != here]
    a = ctx.kb.audiences
    tables = [(a.professional, False), (a.adult, True)] if kind == "professional" else [(a.adult, False)]
    for country in countries:
        for table, general in tables:
            figure = table.get(country, {}).get(cid)
            if figure is not None:
                return figure, general
    return None, False


def adult_share(cid: str, kind: str, ctx: Situation) -> Share:
    """The share of adults (kind "adult") or of professionals ("professional") using a network."""
    name, audience = ctx.label("channel", cid), p(f"audience_{kind}", ctx.lang)
    figure, general = _adult_figure(cid, kind, ctx)
    if figure is None:
        adult = ctx.kb.audiences.adult
        values = [f.value for f in adult.get(ctx.profile.structure.country, adult.get("fr", {})).values()]
        value = round(statistics.median(values), 1) if values else 0.0
        return Share(value, p("adult_estimate", ctx.lang, channel=name, audience=audience,
                              value=number(value, ctx.lang)), estimated=True)
    population = ctx.text(figure.population) + _elsewhere(ctx, figure.country, figure.year)
    return Share(figure.value, p("adult_usage_general" if general else "adult_usage", ctx.lang, audience=audience,
                                 value=number(figure.value, ctx.lang), channel=name, population=population,
                                 sources=cite(figure.sources)), tuple(figure.sources))
