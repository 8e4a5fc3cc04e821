"""Issue 10, points 2 to 5 and 7: what the note for elected officials always holds, under a public
parent body, about platform ethics, how it can be signed as it is, and how it follows the country
and the audience. Assertions find what the note says by the ids its blocks carry (blocks.refs)."""
from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from conftest import changed_data

from wizard.documents.blocks import Bullets, Heading, Paragraph
from wizard.documents.citations import NUMBERED
from wizard.documents.content_brief import addressee, brief_document, subject
from wizard.engine import build_strategy
from wizard.formatting import hours
from wizard.knowledge import default
from wizard.profile import parse_profile
from wizard.vocabulary import ids

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))
TODAY = date(2026, 11, 26)
KB = default()
ALL = list(ids("concern"))
PUBLIC = ("commune", "intercommunalite", "departement", "region", "etat")


def data(name: str) -> dict:
    return json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))


def note(name: str, lang: str = "fr", **changes):
    """(profile, strategy, note) for an example with some fields changed (dotted names)."""
    p = parse_profile(changed_data(name, **changes))
    s = build_strategy(p, KB, TODAY, lang=lang)
    return p, s, brief_document(s, p)


@cache
def cached(name: str, concerns: tuple[str, ...] | None = None, lang: str = "fr"):
    return note(name, lang, **({} if concerns is None else {"concerns": list(concerns)}))


def refs(doc) -> list[str]:
    return [r for b in doc.blocks for r in getattr(b, "refs", ())]


def said(doc, ref: str) -> str:
    """The text of the blocks that carry `ref`."""
    out = []
    for b in doc.blocks:
        if ref in getattr(b, "refs", ()):
            out += [b.label, b.text] if isinstance(b, Paragraph) else [*b.labels, *b.items] \
                if isinstance(b, Bullets) else [b.text]
    return " ".join(x for x in out if x)


def all_text(doc) -> str:
    return " ".join(said(doc, r) for r in dict.fromkeys(refs(doc))) + " " + " ".join(
        b.text for b in doc.blocks if isinstance(b, (Paragraph, Heading)))


def cited(doc, text: str) -> set[str]:
    """The source keys behind the « [n] » of a text of the note."""
    listed = [r.split(":", 1)[1] for r in refs(doc) if r.startswith("source:")]
    return {listed[int(n) - 1] for m in NUMBERED.findall(text) for n in re.split(r",\s", m)}


# --- point 2: always in the note, ticked or not ------------------------------------------------

@pytest.mark.parametrize("concerns", [(), tuple(ALL)], ids=["none", "all"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_note_always_says_networks_cost_savings_risks_and_asks(name, concerns):
    p, s, doc = cached(name, concerns)
    found = refs(doc)
    for c in s.channels:  # which networks and why: the usage figure of the audience, with its source
        figure = next((u for u in s.usage if u.channel == c.id), None)
        if figure is not None:
            assert f"usage:{c.id}" in found
            item = next(i for i, label in zip(*next((b.items, b.labels) for b in doc.blocks
                                                    if isinstance(b, Bullets) and f"usage:{c.id}" in b.refs))
                        if label.startswith(c.label))
            assert set(figure.sources) <= cited(doc, item), c.id
    assert "argument:channels_choice" in found  # « les jeunes ne sont plus sur Facebook »
    t = s.decision.time  # what it costs, rounded to the half hour, the share of a post, the equipment
    cost = said(doc, "time:total")
    assert hours(t.hours_per_week) in cost and t.shared_label in cost and "%" in cost
    if t.equipment_needed or t.equipment_held:
        assert "cost:equipment" in found
    assert "argument:savings" in found  # what it saves or replaces
    for clause in ("validation_circuit", "moderation_policy", "account_security"):  # risks and safeguards
        assert f"charter:{clause}" in found, clause
    asked = [r for r in found if r.startswith("ask:")]  # what is asked of the decision-maker
    assert {"ask:validator", "ask:charter", "ask:hours", "ask:review"} <= set(asked)
    if p.constraints.own_accounts_allowed != "yes" and s.channels:
        assert {"ask:open_accounts", "ask:keep_accounts"} & set(asked)


def test_the_review_date_is_the_end_of_the_90_day_plan():
    _, s, doc = cached("bij-urbain")
    review = next(b for b in doc.blocks if isinstance(b, Bullets) and "ask:review" in b.refs).items[-1]
    assert "1er mars 2027" in review and s.decision.review_on == date(2027, 3, 1)


# --- point 3: public bodies ---------------------------------------------------------------------

@pytest.mark.parametrize("body", [*PUBLIC, "association", "autre", None])
def test_public_agents_neutrality_reserve_and_discretion_under_a_public_parent_body(body):
    _, _, doc = note("association-jeunesse", **{"structure.parent_body": body})
    text = said(doc, "argument:public_neutrality")
    if body not in PUBLIC:
        assert not text
        return
    for basis in ("L121-1", "L121-2", "L121-7", "réserve", "discrétion", "neutralité", "412541"):
        assert basis in text, basis
    assert "charte d’équipe" in text and "circuit de validation" in text  # how the charter keeps them
    found = refs(doc)
    assert {"evidence:public_neutrality.cgfp_duties", "evidence:public_neutrality.reserve",
            "safeguard:public_neutrality"} <= set(found)
    assert found.index("argument:public_neutrality") < next(i for i, r in enumerate(found)
                                                             if r.startswith("ask:"))


def test_public_neutrality_is_french_law():
    _, _, doc = note("centre-communautaire-quebec", **{"structure.parent_body": "commune"})
    assert "argument:public_neutrality" not in refs(doc)
    assert "obligations des agents publics" in said(doc, "not_covered")


# --- point 4: platform ethics -------------------------------------------------------------------

@pytest.mark.parametrize("concerns", [("platform_ethics",), tuple(ALL)], ids=["alone", "all"])
@pytest.mark.parametrize("name", ["crij-regional", "association-jeunesse"])
def test_platform_ethics_gets_the_limoges_answer_and_another_way_in(name, concerns):
    _, s, doc = cached(name, concerns)
    text = said(doc, "argument:platform_ethics")
    assert {"evidence:platform_ethics.limoges_not_professional", "evidence:platform_ethics.radsi_refuse"} <= set(
        refs(doc))
    assert {"ML-LIMOGES", "RADSI-2012"} <= cited(doc, text)
    assert "Facebook et Instagram ne l’étaient pas non plus" in text
    others = [c.label for c in s.channels]
    assert "téléphone" in text and (len(others) < 2 or all(label in text for label in others))


# --- point 5: signable --------------------------------------------------------------------------

@pytest.mark.parametrize("name, kind, expected", [
    ("Mission Locale du Haut-Vallon", "mission_locale", "La Mission Locale du Haut-Vallon"),
    ("Centre social des Trois-Cités", "centre_social", "Le Centre social des Trois-Cités"),
    ("PIJ de Saint-Affrique", "pij", "Le PIJ de Saint-Affrique"),
    ("MJC de Brive", "maison_jeunes", "La MJC de Brive"),
    ("Espace jeunes de Rodez", "service_jeunesse", "L’Espace jeunes de Rodez"),
    ("Asso Jeunes Solidaires", "association", "L’Asso Jeunes Solidaires"),
    ("Les Francas du Tarn", "association", "Les Francas du Tarn"),
    ("la Maison des jeunes", "maison_jeunes", "La Maison des jeunes"),
    ("Cap Jeunes", "association", "Notre association Cap Jeunes"),
    ("", "mission_locale", "Notre Mission Locale"),
    ("", "centre_social", "Notre centre social"),
    ("", "autre", "Notre structure"),
])
def test_the_structure_is_named_with_its_article(name, kind, expected):
    assert subject(name, kind, "fr") == expected


@pytest.mark.parametrize("example, opening", [
    ("mission-locale-rurale", "La Mission Locale du Haut-Vallon accueille chaque année"),
    ("centre-social", "Le Centre social des Trois-Cités accueille chaque année"),
    ("pij-petite-ville", "Le PIJ de Saint-Affrique accueille chaque année"),
])
def test_the_context_opens_with_the_structure_s_name_and_article(example, opening):
    _, _, doc = cached(example)
    assert said(doc, "context:structure").startswith(opening)
    _, _, unnamed = note(example, **{"structure.name": ""})
    assert said(unnamed, "context:structure").startswith("Notre ")


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_signature_block_with_the_structure_the_signatory_s_role_place_and_date(name):
    p, s, doc = cached(name)
    signature = [b for b in doc.blocks if "signature" in getattr(b, "refs", ())]
    assert [b.label for b in signature] == ["", "Pour la structure\u00a0: ", "Nom, fonction et signature\u00a0: "]
    assert signature[0].text == "Fait à ……………………, le 26 novembre 2026"  # the place, to fill in
    assert signature[1].text == p.structure.name and signature[2].text.startswith("…")
    _, _, unnamed = note(name, **{"structure.name": ""})
    assert [b for b in unnamed.blocks if "signature" in getattr(b, "refs", ())][1].text.startswith("…")


_PRECISE = re.compile(r"\d+\u00a0h\u00a0(?!30\b)\d\d")  # « 3 h 59 », not « 3 h 30 »


@pytest.mark.parametrize("concerns", [(), tuple(ALL)], ids=["none", "all"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_figures_reconcile_and_nothing_asked_is_falsely_precise(name, concerns):
    _, s, doc = cached(name, concerns)
    t = s.decision.time
    cost = said(doc, "time:total")
    labels = {c.id: c.label for c in s.channels}
    for cid, h in t.by_channel.items():  # per channel + shared = total, the shared part named
        assert f"{labels[cid]} {hours(h)}" in cost
    assert f"{hours(t.shared_hours_per_week)} de {t.shared_label}" in cost
    assert sum(t.by_channel.values()) + t.shared_hours_per_week == t.hours_per_week
    assert "arrondies à la demi-heure" in cost  # the rounding is said
    asked = said(doc, "ask:hours")
    assert hours(t.hours_per_week) in asked and "arrondi à la demi-heure" in asked
    for ref in ("time:total", "ask:hours", "usage:" + (s.channels[0].id if s.channels else "")):
        assert not _PRECISE.search(said(doc, ref)), ref
    for c in s.channels:  # the proposal says the same rounded hours as the cost
        assert f"environ {hours(t.by_channel[c.id])} par semaine" in said(doc, f"usage:{c.id}") or \
            f"usage:{c.id}" not in refs(doc)


# --- point 7: country and audience aware --------------------------------------------------------

@pytest.mark.parametrize("country, body, expected", [
    ("qc", "association", "membres du conseil d’administration"),
    ("qc", "commune", "membres du conseil municipal"),
    ("be", "commune", "Bourgmestre"),
    ("be", "association", "membres du conseil d’administration"),
    ("ch", "commune", "membres de la municipalité"),
    ("ch", "region", "Conseiller d’État"),
    ("qc", "departement", "Madame, Monsieur"),  # a body the country does not have
    ("fr", "departement", "Conseil départemental"),
])
def test_the_addressee_follows_the_country_s_institutions(country, body, expected):
    said_ = addressee(body, "fr", country)
    assert expected in said_
    if country != "fr":
        assert "Préfet" not in said_ and "départemental" not in said_ and "régional" not in said_


@pytest.mark.parametrize("name, country, money", [
    ("centre-communautaire-quebec", "qc", "500\u00a0$\u00a0CA"),
    ("association-jeunesse", "be", "\u00a0€"),
    ("association-jeunesse", "ch", "\u00a0CHF"),
    ("association-jeunesse", "autre", "(monnaie non précisée)"),
])
def test_currency_and_not_covered_follow_the_country(name, country, money):
    _, s, doc = note(name, **{"structure.country": country, "resources.budget_per_year": 500,
                              "resources.budget_eur_per_year": None,
                              "resources.currency": None, "concerns": ALL})
    text = said(doc, "cost:money")
    assert money in text and (country == "be" or "€" not in text)
    assert s.not_covered_ids and "not_covered" in refs(doc)
    covered = said(doc, "not_covered")
    assert {"qc": "pour le Québec", "be": "pour la Belgique", "ch": "pour la Suisse",
            "autre": "pour notre pays"}[country] in covered


def test_french_notes_say_nothing_is_not_covered():
    _, _, doc = cached("pij-petite-ville", tuple(ALL))
    assert "not_covered" not in refs(doc)


def test_legal_references_are_the_strategy_s_own_for_the_country():
    _, s, qc = cached("centre-communautaire-quebec", tuple(ALL))
    text = all_text(qc)
    assert "legal:qc_privacy_image" in refs(qc) and "Code civil du Québec" in text
    for french in ("372-1", "Code civil, art.", "CAF", "CNAF", "Code général de la fonction publique", "€"):
        assert french not in text, french
    _, _, fr = cached("pij-petite-ville", tuple(ALL))
    assert "legal:image_rights" in refs(fr)


@pytest.mark.parametrize("concerns", [(), tuple(ALL)], ids=["none", "all"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_parents_consent_only_when_the_audience_has_minors(name, concerns):
    p, _, doc = cached(name, concerns)
    minors = bool({"11_14", "15_17"} & set(p.audience.age_bands))
    text = all_text(doc)
    mentions = re.findall(r"[^.]*\b(?:parents?|autorité parentale)\b[^.]*", text)
    mentions = [m for m in mentions if "familles" not in m]  # « informer les familles » is a role, not consent
    if not minors:
        assert mentions == [], mentions
    elif {"legal", "privacy"} & set(concerns):
        assert mentions


# --- point 9: a reading test, concern by concern -------------------------------------------------

ANSWERS = {a.concern: a.id for a in KB.arguments if a.use == "answer"}


def test_every_concern_has_an_answer_in_the_knowledge():
    assert set(ANSWERS) == set(ALL)


@pytest.mark.parametrize("many", [False, True], ids=["alone", "with_all"])
@pytest.mark.parametrize("concern", ALL)
def test_each_concern_gets_its_answer_with_a_figure_a_safeguard_or_a_cost(concern, many):
    """A profile with the concern (alone, and among all 13) → the note holds that concern's
    answer, and beside it at least one of its evidence, its safeguard, its cost or its legal point."""
    _, _, doc = note("mission-locale-urbaine", concerns=ALL if many else [concern])
    aid = ANSWERS[concern]
    block = next((b for b in doc.blocks if f"argument:{aid}" in getattr(b, "refs", ())), None)
    assert block is not None, aid
    backing = [r for r in block.refs if r.startswith((f"evidence:{aid}.", f"safeguard:{aid}", f"cost:{aid}", "legal:"))]
    assert backing, (aid, block.refs)
    assert block.label and block.text  # the objection as officials say it, then the answer


def test_an_abbreviation_does_not_end_a_sentence():
    from wizard.documents.brief.texts import sentences
    assert sentences("Le Code du travail (art. L2242-17) le prévoit. Ensuite.", 1).endswith("(art. L2242-17) le prévoit.")
    assert sentences("Selon E. Sinoussi, cela a marché. Ensuite.", 1) == "Selon E. Sinoussi, cela a marché."


def test_the_rhythm_of_a_follow_up_carries_no_false_precision():
    _, s, doc = cached("mission-locale-rurale")
    text = " ".join(b for blk in doc.blocks if isinstance(blk, Bullets) for b in blk.items)
    assert "suivi de" in text or "messages" in text
    assert not re.search(r"\d+,\d\d par semaine", text), text
