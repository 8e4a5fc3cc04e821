"""Right figure, right place: the published figures a goal or group appraisal may cite.

channels.yaml keeps the reasoning of an appraisal (`Fit.why`, figure-free) apart from the
figures that support it (`Fit.figures`, each with the age bands it stands for, the
country where it was measured, its year and its sources). For a given audience and
country, `fit_sentence_parts` returns the sentence with only the figures that fit, and
the sources of what it kept.

The rule, in order:

1. Age band. A figure is kept if it is not about an age band (`bands` empty: adults,
   recruiters, professionals) or if one of its bands is one of the audience's. A reason
   never cites a figure about an age band outside the audience.
2. Country. A figure measured in the structure's country is kept. A figure measured
   elsewhere is kept only where nothing already kept covers it: for each of its audience
   bands (or, for a figure with no band, at all), no kept figure *of another country*
   measures the same thing (`point`) for that band. Figures are read in data order and
   the structure's country comes first, so a local figure always wins; among foreign
   figures, the first listed (the data order is the preference: France, then Belgium,
   Switzerland, Québec, the United States) wins, and later figures of the same country
   stay beside it (a trend, a second source).
3. Wording. Each kept figure is its text followed by its year, « (2025) »; a foreign one
   names its country and year and says why it is there: « (chiffre québécois, 2024,
   faute de chiffre pour la France) ». A structure of another country (« autre ») sees
   every figure as foreign. The figures follow the reasoning, one clause each, after
   « ; ».
4. Nothing left. When the fit has figures but none fits the audience's bands and nothing
   else backs the reasoning (no `Fit.sources`), the sentence says it is an appraisal,
   « (appréciation Cap Réseaux) », unless it already does.

Sources: the fit's own sources (what backs the reasoning), then those of the kept figures,
each once, in that order.

The data keeps the rule honest: the loader checks that a usage figure of a fit comes with
every other country's figure the knowledge base holds for the same channel and band (so
« faute de chiffre pour … » is true), and that no goal or group `why` holds a percentage
or an age range of its own.
"""
from __future__ import annotations

from collections.abc import Iterable

from wizard.engine.phrases import p
from wizard.knowledge.models import Fit, FitFigure

JOIN = {"fr": "\u00a0; ", "en": "; "}

def _p(key: str, lang: str, **values) -> str:
    return p(key, lang, **values)


def here_phrase(country: str, lang: str) -> str:
    """« la France », « le Québec »: the country a structure lacks a figure for."""
    return p(f"for_country_{country}", lang) if country in ("fr", "be", "ch", "qc") else p("your_country", lang)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "fr"


def select_figures(fit: Fit, profile_bands: Iterable[str], country: str) -> list[FitFigure]:
    """The figures of `fit` that a structure of `country` with these age bands may be shown,
    in data order (rules 1 and 2 of the module docstring)."""
    audience = set(profile_bands)
    fitting = [f for f in fit.figures if not f.bands or audience & set(f.bands)]
    kept = [f for f in fitting if country in f.countries]
    for f in fitting:
        if country in f.countries:
            continue
        others = [g for g in kept if g.point == f.point and set(g.countries) != set(f.countries)]
        if f.bands:
            covered = set().union(*(set(g.bands) for g in others)) if others else set()
            if set(f.bands) & audience <= covered:
                continue
        elif any(not g.bands for g in others):
            continue
        kept.append(f)
    return [f for f in fit.figures if f in kept]


def is_foreign(figure: FitFigure, country: str) -> bool:
    return country not in figure.countries


def figure_text(figure: FitFigure, country: str, lang: str) -> str:
    """The figure as cited to a structure of `country`: its text, its year, and its country
    when it is not the structure's."""
    lang = _lang(lang)
    text = figure.text.get(lang).rstrip(".")
    if not is_foreign(figure, country):
        return f"{text} {_p('figure_local', lang, year=figure.year)}"
    adjectives = [p(f"country_adj_{c}", lang) for c in figure.countries]
    adjective = adjectives[0] if len(adjectives) == 1 else ", ".join(adjectives[:-1]) + _p("and_word", lang) + adjectives[-1]
    return f"{text} {_p('figure_foreign', lang, adjective=adjective, year=figure.year, here=here_phrase(country, lang))}"


def fit_sentence_parts(fit: Fit, profile_bands: list[str], country: str, lang: str) -> tuple[str, list[str]]:
    """(text, sources): the appraisal's reasoning followed by the figures that fit this
    audience and country, without a final full stop; the source keys of what it cites."""
    lang = _lang(lang)
    kept = select_figures(fit, profile_bands, country)
    why = fit.why.get(lang).rstrip(".")
    parts = [why] + [figure_text(f, country, lang) for f in kept]
    text = JOIN[lang].join(parts)
    appraisal = _p("appraisal", lang)
    if fit.figures and not kept and not fit.sources and appraisal.strip("()") not in why:
        text = f"{text} {appraisal}"
    sources = list(dict.fromkeys([*fit.sources, *(key for f in kept for key in f.sources)]))
    return text, sources
