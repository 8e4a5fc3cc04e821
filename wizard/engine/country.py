"""What depends on the structure's country, and what the knowledge base does not cover there.

Pure functions of the context. France is the country the knowledge base covers best; Belgium,
Switzerland and Québec get the rules REFERENCE §10.4 gives for them; a country the base does not
know ("autre") gets no country-specific rule, and is told so. Nothing French is applied silently
elsewhere: where a rule is not known, `not_covered` says it in a sentence the strategy shows.
"""
from __future__ import annotations

from wizard.engine.phrases import p
from wizard.engine.situation import Situation
from wizard.i18n import phrases
from wizard.strategy import Warning

MINOR_BANDS = ("11_14", "15_17")

phrase = phrases("country")  # wizard/catalogue/country.yaml


def _minors(ctx: Situation) -> bool:
    return bool(set(MINOR_BANDS) & set(ctx.profile.audience.age_bands))


def country_warnings(ctx: Situation) -> list[Warning]:
    """The warnings the structure's country calls for (today: minors' consent to data processing)."""
    country, bands, lang = ctx.profile.structure.country, set(ctx.profile.audience.age_bands), ctx.lang
    if country == "fr" and "11_14" in bands:  # consent at 15 (RGPD art. 8, LIL art. 45)
        return [Warning(code="consent_under_15", message=p("w_consent_15", lang))]
    if country == "be" and "11_14" in bands:  # consent at 13 (loi 30 juillet 2018, art. 7)
        return [Warning(code="consent_under_13", message=phrase("w_consent_13_be", lang))]
    if country == "qc" and "11_14" in bands:  # P-39.1 s. 4.1: under 14
        return [Warning(code="consent_under_14", message=phrase("w_consent_14_qc", lang))]
    if country == "ch" and _minors(ctx):
        return [Warning(code="consent_age_not_covered", message=phrase("w_consent_ch", lang))]
    if country == "autre" and _minors(ctx):
        return [Warning(code="consent_age_not_covered", message=phrase("w_consent_other", lang))]
    return []


def not_covered_ids(ctx: Situation) -> list[str]:
    """The phrase keys of what the knowledge base does not cover for this structure (empty for France)."""
    country, minors = ctx.profile.structure.country, _minors(ctx)
    if country == "fr":
        return []
    known = country in ("be", "ch", "qc")
    out = [] if known else ["nc_law_other"]
    out.append(f"nc_calendar_{country if known else 'other'}")
    if known:
        out.append(f"nc_work_{country}")
    if country == "ch" and minors:
        out.append("nc_consent_ch")
    if country == "qc" and minors:
        out.append("nc_consent_14_17_qc")
    if minors:
        out.append("nc_platform_ages")
    if ctx.profile.resources.currency is None:
        out.append("nc_currency")
    return out


def not_covered(ctx: Situation) -> list[str]:
    """What the knowledge base does not cover for this structure, in sentences (Strategy.not_covered)."""
    return [phrase(key, ctx.lang) for key in not_covered_ids(ctx)]
