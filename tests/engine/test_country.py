"""Country-aware strategies (issue 9, point 10): Belgium, Switzerland and Québec get their own legal
points and consent warnings, French law applies only to France, the calendar keeps only the dates
valid in the country, amounts are in the structure's currency, and what is not covered is said."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TODAY, example_data, knowledge_problems
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.documents.blocks import Bullets, Paragraph
from wizard.documents.content_brief import brief_document
from wizard.documents.content_strategy import key_facts
from wizard.engine import build_strategy
from wizard.engine.country import country_warnings, not_covered, not_covered_ids, phrase
from wizard.engine.sections import calendar, legal
from wizard.engine.situation import Situation
from wizard.formatting import money
from wizard.i18n import catalogue
from wizard.knowledge import default
from wizard.profile import Profile
from wizard.views.summary import summary_rows
from wizard.vocabulary import ids

KB = default()
ROOT = Path(__file__).resolve().parents[2]
QUEBEC = example_data("centre-communautaire-quebec")
FRENCH_LAW = {"consent_age_15_fr", "digital_majority_law_not_applied", "image_rights", "cnil_minors_recommendations",
              "public_servants_neutrality_reserve", "right_to_disconnect"}
CHANNELS = ["instagram", "whatsapp", "discord", "linkedin"]


def make(country="fr", bands=("15_17", "18_25"), kind="association", **resources) -> Profile:
    return Profile.model_validate({"structure": {"country": country, "kind": kind}, "goals": ["inform"],
                                   "audience": {"age_bands": list(bands)},
                                   "resources": {"hours_per_week": 10, **resources}})


def ctx(country="fr", bands=("15_17", "18_25"), kind="association", lang="fr", **resources) -> Situation:
    return Situation(make(country, bands, kind, **resources), KB, lang)


def legal_ids(c: Situation, channels=CHANNELS) -> set[str]:
    return {pt.id for pt in legal(c, channels)}


def kb_legal(pid: str):
    return next(pt for pt in KB.legal if pt.id == pid)


# --- legal points ---------------------------------------------------------------------

def test_french_law_is_conditioned_on_france():
    for pid in FRENCH_LAW:
        assert kb_legal(pid).when.countries_any == ("fr",), pid


def test_quebec_example_gets_quebec_law_and_no_french_law():
    c = Situation(Profile.model_validate(QUEBEC), KB)
    got = legal_ids(c)
    assert "qc_privacy_image" in got
    assert not got & FRENCH_LAW
    assert not any("372-1" in pt.rule or "RGPD" in pt.rule for pt in legal(c, CHANNELS))
    young = Situation(Profile.model_validate({**QUEBEC, "audience": {"age_bands": ["11_14", "15_17"]}}), KB)
    assert {"qc_privacy_image", "qc_minor_data_under_14"} <= legal_ids(young)
    assert not legal_ids(young) & FRENCH_LAW


def test_belgium_gets_consent_at_13_and_its_image_rights():
    got = legal_ids(ctx("be", ("11_14",)))
    assert {"be_consent_age_13", "be_image_rights"} <= got and not got & FRENCH_LAW
    assert "be_consent_age_13" not in legal_ids(ctx("be", ("18_25",)))  # only when under-13s may be reached


def test_switzerland_gets_nlpd_and_civil_code_28_marked_to_check():
    points = {pt.id: pt for pt in legal(ctx("ch"), CHANNELS)}
    assert {"ch_data_protection", "ch_personality_image"} <= set(points) and not set(points) & FRENCH_LAW
    check_phrase = phrase("legal_check_official")
    assert points["ch_data_protection"].rule.endswith(check_phrase)
    assert points["ch_personality_image"].rule.endswith(check_phrase)


def test_france_gets_its_law_and_no_foreign_point():
    got = legal_ids(ctx("fr", ("11_14", "15_17"), kind="pij"))
    assert FRENCH_LAW <= got
    assert not {g for g in got if g.startswith(("qc_", "be_", "ch_"))}
    assert not any(pt.title.startswith("Exemple") for pt in legal(ctx("fr", ("11_14",)), CHANNELS))


def test_other_country_sees_french_law_only_as_examples():
    points = legal(ctx("autre", ("11_14", "15_17")), CHANNELS)
    example = phrase("legal_example_fr", title="")
    french = [pt for pt in points if pt.id in FRENCH_LAW]
    assert french and all(pt.title.startswith(example) for pt in french)
    assert not {pt.id for pt in points if pt.id.startswith(("qc_", "be_", "ch_"))}
    assert [pt for pt in legal(ctx("autre", ("11_14",), lang="en"), CHANNELS) if pt.id == "image_rights"][0] \
        .title.startswith("Example from French law")


def test_points_read_only_on_secondary_pages_say_to_check_the_official_text():
    for country in ids("country"):
        for pt in legal(ctx(country, ("11_14", "15_17")), CHANNELS):
            if all(KB.sources[k].secondary for k in pt.sources):
                assert pt.rule.endswith(phrase("legal_check_official")), pt.id
    assert all(KB.sources[k].secondary for k in ("PRP-CCQ", "WATCHDOG", "SWISSPRIVACY", "SCHATZ"))
    assert not KB.sources["BE-LOI-2018"].secondary and not KB.sources["APD-IMAGE"].secondary


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(ids("country")), st.lists(st.sampled_from(ids("age_band")), min_size=1, unique=True),
       st.lists(st.sampled_from(ids("channel")), unique=True, max_size=4))
def test_no_point_of_another_country_and_calendar_of_the_country(country, bands, channels):
    c = ctx(country, tuple(bands))
    for pt in legal(c, channels):
        where = kb_legal(pt.id).when.countries_any
        assert not where or country in where or (country == "autre" and where == ("fr",)), (pt.id, country)
    events = {e.id: e for e in KB.calendar}
    for month in calendar(c, TODAY):
        for e in month.events:
            assert country in events[e.id].countries, (e.id, country)
    assert (not_covered(c) == []) == (country == "fr")
    codes = [w.code for w in country_warnings(c)]
    assert len(codes) <= 1 and ("consent_under_15" not in codes or country == "fr")


# --- warnings -------------------------------------------------------------------------

@pytest.mark.parametrize("country, code", [("fr", "consent_under_15"), ("be", "consent_under_13"),
                                           ("qc", "consent_under_14"), ("ch", "consent_age_not_covered"),
                                           ("autre", "consent_age_not_covered")])
def test_consent_warning_of_each_country(country, code):
    warnings = country_warnings(ctx(country, ("11_14",)))
    assert [w.code for w in warnings] == [code]
    assert all(w.message and w.message == w.message.strip() for w in warnings)


def test_no_consent_warning_for_adults_only():
    for country in ids("country"):
        assert country_warnings(ctx(country, ("18_25", "26_30"))) == []


def test_cited_keys_of_warnings_are_sources():
    for country in ids("country"):
        for w in country_warnings(ctx(country, ("11_14",))):
            assert set(re.findall(r"\[([A-Z0-9-]+)\]", w.message)) <= set(KB.sources), w.code
    assert "[BE-LOI-2018]" in country_warnings(ctx("be", ("11_14",)))[0].message
    assert "[WATCHDOG]" in country_warnings(ctx("qc", ("11_14",)))[0].message


# --- not covered ----------------------------------------------------------------------

def test_not_covered_is_empty_for_france_and_said_elsewhere():
    assert not_covered(ctx("fr", ("11_14",))) == []
    for country in ("be", "ch", "qc"):
        keys = not_covered_ids(ctx(country))
        assert f"nc_calendar_{country}" in keys and f"nc_work_{country}" in keys, country
        assert "nc_law_other" not in keys
    assert "nc_consent_ch" in not_covered_ids(ctx("ch", ("15_17",)))
    assert "nc_consent_ch" not in not_covered_ids(ctx("ch", ("18_25",)))
    other = not_covered_ids(ctx("autre"))
    assert {"nc_law_other", "nc_calendar_other", "nc_currency"} <= set(other)
    assert "nc_currency" not in not_covered_ids(ctx("autre", currency="EUR"))
    assert not_covered(ctx("qc", lang="en"))[0] == catalogue()["country"]["nc_calendar_qc"]["en"]


def test_foreign_calendar_keeps_only_international_days():
    young = ("11_14", "15_17")
    french = {e.id for m in calendar(ctx("fr", young), TODAY) for e in m.events}
    assert "parcoursup_registration" in french and "safer_internet_day" in french
    for country in ("be", "ch", "qc", "autre"):
        got = {e.id for m in calendar(ctx(country, young), TODAY) for e in m.events}
        assert got == {"safer_internet_day"}, country


def test_fixed_french_texts_follow_french_typography():
    for key, entry in catalogue()["country"].items():
        t = entry["fr"]
        assert "'" not in t, key
        assert not re.search(r" [:;!?»]", t) and "« " not in t, key
    for country in ("be", "ch", "qc"):
        for pt in legal(ctx(country, ("11_14",)), CHANNELS):
            for t in (pt.title, pt.rule, pt.action):
                assert not re.search(r"[ \t\n][:;!?»]", t) and "« " not in t and "'" not in t, (pt.id, t)


# --- currency -------------------------------------------------------------------------

@pytest.mark.parametrize("currency, fr, en", [
    ("EUR", "1\u202f500\u00a0€", "€1,500"), ("CHF", "1\u202f500\u00a0CHF", "CHF\u00a01,500"),
    ("CAD", "1\u202f500\u00a0$\u00a0CA", "CA$1,500"), (None, "1\u202f500\u00a0(monnaie non précisée)",
                                                       "1,500 (currency not stated)")])
def test_money(currency, fr, en):
    assert money(1500, currency, "fr") == fr and money(1500, currency, "en") == en


def budget_row(p: Profile, lang="fr") -> str:
    return next(v for _, label, v in summary_rows(p, lang) if label in ("Budget annuel", "Yearly budget"))


def test_summary_budget_in_the_structure_currency():
    assert budget_row(make("ch", budget_per_year=500)) == "500\u00a0CHF"
    assert budget_row(make("qc", budget_per_year=500)) == "500\u00a0$\u00a0CA"
    assert budget_row(make("qc", budget_per_year=500), "en") == "CA$500"
    assert budget_row(make("be", budget_per_year=500)) == "500\u00a0€"
    assert budget_row(make("autre", budget_per_year=500)) == "500\u00a0(monnaie non précisée)"
    legacy = Profile.model_validate({"structure": {"country": "fr"}, "goals": ["inform"],
                                     "audience": {"age_bands": ["18_25"]},
                                     "resources": {"hours_per_week": 4, "budget_eur_per_year": 300}})
    assert budget_row(legacy) == "300\u00a0€"


def doc_texts(doc) -> str:
    out = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        elif isinstance(b, Bullets):
            out += [*b.labels, *b.items]
    return "\n".join(out)


@pytest.mark.parametrize("country, lang, shown", [("qc", "fr", "500\u00a0$\u00a0CA"), ("ch", "fr", "500\u00a0CHF"),
                                                  ("qc", "en", "CA$500"), ("fr", "fr", "500\u00a0€")])
def test_brief_and_strategy_document_show_the_budget_in_the_currency(country, lang, shown):
    data = {**QUEBEC, "structure": {**QUEBEC["structure"], "country": country},
            "resources": {**{k: v for k, v in QUEBEC["resources"].items() if k != "budget_eur_per_year"},
                          "budget_per_year": 500}}
    p = Profile.model_validate(data)
    s = build_strategy(p, KB, TODAY, lang=lang)
    text = doc_texts(brief_document(s, p))
    assert shown in text and ("€" not in text or country == "fr")
    assert shown in dict(key_facts(s, p, lang)).values()


# --- the loader checks what the country data means ------------------------------------

def problems_after(kb_copy, file, change) -> list[str]:
    return knowledge_problems(kb_copy, file, change, by_id=True)

def test_a_point_on_secondary_sources_only_must_say_check(kb_copy):
    found = problems_after(kb_copy, "legal.yaml", lambda d: d["qc_privacy_image"].pop("check_official_text"))
    assert any("legal.yaml : « qc_privacy_image » : toutes ses sources sont secondaires" in p for p in found), found


def test_a_calendar_event_needs_its_countries(kb_copy):
    found = problems_after(kb_copy, "calendar.yaml", lambda d: d["safer_internet_day"].update(countries=[]))
    assert any("calendar.yaml : « safer_internet_day » : countries vide" in p for p in found), found
