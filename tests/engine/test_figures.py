"""Right figure, right place (issue 9, point 9): a goal or group appraisal cites only the figures
of the audience's age bands, and a foreign figure only where the structure's country has none,
naming its country and year (wizard.engine.figures, channels.yaml `figures`)."""
from __future__ import annotations

import itertools
import re

from conftest import knowledge_problems
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.engine.figures import (
    figure_text,
    fit_sentence_parts,
    select_figures,
)
from wizard.engine.phrases import p
from wizard.engine.situation import BAND_AGES
from wizard.i18n import Text
from wizard.knowledge import default
from wizard.knowledge.models import Fit, FitFigure
from wizard.vocabulary import ids

KB = default()
BANDS = ids("age_band")
COUNTRIES = ids("country")  # fr, be, ch, qc, autre
FIGURE_COUNTRIES = ("fr", "be", "ch", "qc", "us")
AUDIENCES = [list(c) for n in range(1, len(BANDS) + 1) for c in itertools.combinations(BANDS, n)]
FITS = [(f"{cid}.{section}.{key}", fit) for cid, ch in KB.channels.items()
        for section, fits in (("goals", ch.goals), ("groups", ch.groups)) for key, fit in fits.items()]
AGE_RANGE = re.compile(r"(\d+)–(\d+)\s(?:ans|year)")


def covered_by_local(f: FitFigure, fit: Fit, audience: set[str], country: str) -> bool:
    """A local figure of the same point covers every audience band of f (or, band-less, f itself)."""
    local = [g for g in fit.figures if country in g.countries and g.point == f.point
             and (not g.bands or audience & set(g.bands))]
    if not f.bands:
        return any(not g.bands for g in local)
    return set(f.bands) & audience <= set().union(*(set(g.bands) for g in local)) if local else False


def check_sentence(fit: Fit, bands: list[str], country: str, lang: str) -> None:
    audience = set(bands)
    text, sources = fit_sentence_parts(fit, bands, country, lang)
    kept = select_figures(fit, bands, country)
    assert text.startswith(fit.why.get(lang).rstrip("."))
    for f in kept:
        # rule 1: never a figure of an age band outside the audience
        assert not f.bands or audience & set(f.bands), (f, bands)
        # rule 2: a foreign figure only where no local figure covers it, and then named
        if country not in f.countries:
            assert not covered_by_local(f, fit, audience, country), (f, bands, country)
            cited = figure_text(f, country, lang)
            assert str(f.year) in cited
            assert all(p(f"country_adj_{c}", lang) in cited for c in f.countries), cited
        assert figure_text(f, country, lang) in text
    kept_texts = {f.text.get(lang) for f in kept}
    for f in fit.figures:
        if f not in kept and f.text.get(lang) not in kept_texts:
            assert f.text.get(lang) not in text, (f, bands, country)
    # nothing lost: every audience band a point has figures for keeps one of them
    for point in {f.point for f in fit.figures}:
        same = [f for f in fit.figures if f.point == point]
        for band in audience:
            if any(band in f.bands for f in same):
                assert any(band in f.bands for f in kept if f.point == point), (point, band, country)
        if any(not f.bands for f in same):
            assert any(not f.bands for f in kept if f.point == point), (point, country)
    # sources: the reasoning's, then the kept figures', each once
    assert sources == list(dict.fromkeys([*fit.sources, *(k for f in kept for k in f.sources)]))


def test_every_shipped_sentence_keeps_only_fitting_figures():
    """Every goal and group appraisal of every channel, for every audience and country, in both languages."""
    for (entry, fit), bands, country, lang in itertools.product(FITS, AUDIENCES, COUNTRIES, ("fr", "en")):
        try:
            check_sentence(fit, bands, country, lang)
        except AssertionError as exc:
            raise AssertionError(f"{entry} {bands} {country} {lang}: {exc}") from exc
        text, sources = fit_sentence_parts(fit, bands, country, lang)
        assert set(sources) <= set(KB.sources), entry
        if lang == "fr":  # parse the age ranges back out of the text: each one meets the audience
            ages = [BAND_AGES[b] for b in bands]
            for low, high in AGE_RANGE.findall(text):
                assert any(int(low) <= hi and lo <= int(high) for lo, hi in ages), (entry, bands, text)


@st.composite
def synthetic_fits(draw):
    figures = draw(st.lists(st.builds(
        lambda n, bands, countries, year, point: FitFigure(
            text=Text(fr=f"chiffre [{n}]", en=f"figure [{n}]"), bands=tuple(bands), countries=tuple(countries),
            year=year, sources=("DIPLOMEO-2025",), point=point),
        st.integers(0, 10_000), st.lists(st.sampled_from(BANDS), max_size=3, unique=True),
        st.lists(st.sampled_from(FIGURE_COUNTRIES), min_size=1, max_size=2, unique=True),
        st.integers(2010, 2026), st.sampled_from(["use", "adult_use", "training_search"])), max_size=8,
        unique_by=lambda f: f.text.fr))
    sources = draw(st.sampled_from([(), ("RADSI-2012",)]))
    return Fit(score=2, why=Text(fr="raison", en="reason"), sources=sources, figures=tuple(figures))


@settings(max_examples=200, deadline=None)
@given(synthetic_fits(), st.lists(st.sampled_from(BANDS), min_size=1, unique=True), st.sampled_from(COUNTRIES),
       st.sampled_from(["fr", "en"]))
def test_the_rule_holds_for_any_fit_audience_and_country(fit, bands, country, lang):
    check_sentence(fit, bands, country, lang)
    text, _ = fit_sentence_parts(fit, bands, country, lang)
    if fit.figures and not select_figures(fit, bands, country) and not fit.sources:
        assert text.endswith("(appréciation Cap Réseaux)" if lang == "fr" else "(Cap Réseaux appraisal)")


def sentence(cid, section, key, bands, country="fr", lang="fr"):
    return fit_sentence_parts(getattr(KB.channels[cid], section)[key], bands, country, lang)


def test_snapchat_inform_for_18_25_cites_no_11_14_figure():
    text, sources = sentence("snapchat", "goals", "inform", ["18_25"])
    assert "11–14" not in text and "52" not in text and "MEDIAMETRIE-2026" not in sources
    assert "63\u00a0% des 16–25 ans l’utilisent (2025)" in text
    assert sources == ["ML-LIMOGES", "DIPLOMEO-2025"]


def test_a_foreign_figure_names_its_country_and_year_only_where_none_is_local():
    text, _ = sentence("youtube", "groups", "parents", ["11_14"])  # no French adult YouTube figure
    assert "61\u00a0% des adultes l’utilisent (chiffre québécois, 2024, faute de chiffre pour la France)" in text
    assert "83,9" not in text  # the Belgian one is not piled on top
    text, _ = sentence("youtube", "groups", "parents", ["11_14"], "qc")
    assert "61\u00a0% des adultes l’utilisent (2024)" in text and "québécois" not in text
    text, _ = sentence("facebook", "goals", "visibility", ["18_25"])  # French parents: a French figure
    assert "72,3" in text and "québécois" not in text and "belge" not in text
    text, _ = sentence("facebook", "goals", "visibility", ["18_25"], "ch")  # none for Switzerland: the first listed
    assert "(chiffre français, 2024, faute de chiffre pour la Suisse)" in text and "76\u00a0%" not in text
    text, _ = sentence("snapchat", "goals", "inform", ["11_14", "18_25"], "be", "en")
    assert "70.7% of 16–24 year-olds use it every day (2024)" not in text  # the year is the figure's
    assert "70.7% of 16–24 year-olds use it every day (2025)" in text and "63%" not in text
    assert "52% audience among 11–14 year-olds (French figure, 2025, no figure for Belgium)" in text
    text, _ = sentence("discord", "groups", "lyceens", ["15_17"], "autre")
    assert "(chiffre américain, 2023, faute de chiffre pour votre pays)" in text


def test_a_reasoning_left_without_its_figures_says_it_is_an_appraisal():
    text, sources = sentence("facebook", "groups", "lyceens", ["18_25"])
    assert text == "peu utilisé par les lycéens (appréciation Cap Réseaux)" and sources == []


def test_no_goal_or_group_reasoning_holds_a_figure_or_an_age_range():
    for entry, fit in FITS:
        for text in (fit.why.fr, fit.why.en or ""):
            assert not re.search(r"\d[\s\u00a0]*%", text), entry
            assert not AGE_RANGE.search(text), entry


def test_discord_follows_the_pays_salonais_account():
    goals = KB.channels["discord"].goals
    for goal in ("individual_followup", "engage_community", "team", "answer_questions"):
        assert "ML-SALON-2020" in goals[goal].sources and goals[goal].score >= 2, goal
    assert "simulations d’entretien" in goals["individual_followup"].why.fr
    assert "un serveur par groupe" in goals["engage_community"].why.fr
    assert "les conseillers y échangeaient entre eux" in goals["team"].why.fr


def test_linkedin_cites_the_professional_figures():
    for section, key in (("goals", "partners"), ("groups", "partenaires"), ("groups", "employeurs")):
        text, sources = sentence("linkedin", section, key, ["18_25"])
        assert "DEGRAUX-LI" in sources and "11,4\u00a0millions" in text, key
    text, sources = sentence("linkedin", "groups", "employeurs", ["18_25"], "be")
    assert "APEC-2019" in sources and "1,8\u00a0million" in text and "11,4" not in text
    text, sources = sentence("linkedin", "goals", "partners", ["18_25"], "qc")
    assert sources[-1] == "NETENDANCES-2022" and "14\u00a0% des adultes s’en servent pour le travail (2022)" in text


# --- the loader's checks of the figures -------------------------------------------------

def problems_after(kb_copy, change):
    return "\n".join(knowledge_problems(kb_copy, "channels.yaml", change))

def first_figure(data):
    return data["snapchat"]["goals"]["inform"]["figures"][0]


CASES = {
    "a percentage left in why": (
        lambda d: d["snapchat"]["goals"]["inform"]["why"].update(fr="la story (52 % des 11–14 ans)"),
        "« snapchat.goals.inform » : why.fr contient un pourcentage"),
    "an age range left in why": (
        lambda d: d["x"]["groups"]["etudiants"]["why"].update(en="little used by 16–25 year-olds"),
        "« x.groups.etudiants » : why.en cite une tranche d’âge"),
    "unknown band": (lambda d: first_figure(d).update(bands=["3_5"]), "tranche d’âge inconnue « 3_5 »"),
    "unknown country": (lambda d: first_figure(d).update(countries=["de"]), "pays inconnu « de »"),
    "unknown source": (lambda d: first_figure(d).update(sources=["NOPE-2099"]),
                       "« snapchat.goals.inform.figures n° 1 » : source inconnue « NOPE-2099 »"),
    "its year in the text": (lambda d: first_figure(d)["text"].update(fr="52 % d’audience (2025)"),
                             "text.fr contient son année (2025)"),
    "a country in the text": (lambda d: first_figure(d)["text"].update(en="52% of French 11–14 year-olds"),
                              "text.en nomme un pays"),
    "a missing alternative": (
        lambda d: d["snapchat"]["goals"]["inform"].update(
            figures=[f for f in d["snapchat"]["goals"]["inform"]["figures"] if f["countries"] != ["be"]]),
        "chiffre d’usage pour « 18_25 » sans celui de « be »"),
    "a missing adult alternative": (
        lambda d: d["youtube"]["groups"]["parents"].update(
            figures=[f for f in d["youtube"]["groups"]["parents"]["figures"] if f["countries"] != ["be"]]),
        "chiffre d’usage adulte sans celui de « be »"),
}


def test_the_loader_refuses_misplaced_figures(kb_copy):
    """All the cases at once (one load of the knowledge base): each gets its message."""
    found = problems_after(kb_copy, lambda d: [change(d) for change, _ in CASES.values()])
    for case, (_, fragment) in CASES.items():
        assert fragment in found, (case, found)
