"""Everyday phrases (« pas de budget », « moi toute seule », « just me ») and the labels of a scale
(« jamais », « toujours ») are understood; 0 h is refused by saying why (issue 12, point 5)."""
from __future__ import annotations

import pytest

from wizard.questionnaire import flow
from wizard.questionnaire.freetext import (
    NotUnderstood,
    parse_hours,
    parse_number,
    parse_scale,
)
from wizard.questionnaire.load import SHIPPED, load
from wizard.questionnaire.parse import parse

Q = load(SHIPPED / "diagnostic.yaml")
STEPS = {s.key: s for s in flow.steps(Q, {"current_channels": ["facebook"], "goals": ["individual_followup"]})}


@pytest.mark.parametrize("qid, text, lang, value", [
    ("budget", "pas de budget", "fr", 0),
    ("budget", "Pas de budget !", "fr", 0),
    ("budget", "aucun budget", "fr", 0),
    ("budget", "sans budget", "fr", 0),
    ("budget", "pas d’argent", "fr", 0),
    ("budget", "no budget", "en", 0),
    ("budget", "no money", "en", 0),
    ("budget", "pas de budget", "en", 0),  # French words still understood in English
    ("people", "moi toute seule", "fr", 1),
    ("people", "Moi, tout seul.", "fr", 1),
    ("people", "juste moi", "fr", 1),
    ("people", "seule", "fr", 1),
    ("people", "seul", "fr", 1),
    ("people", "moi", "fr", 1),
    ("people", "just me", "en", 1),
    ("people", "only me", "en", 1),
    ("people", "Just me!", "en", 1),
    ("people", "on my own", "en", 1),
    ("followup_counsellors", "juste moi", "fr", 1),
    ("structure_staff", "moi tout seul", "fr", 1),
    ("maturity_measurement", "jamais", "fr", 1),  # the label of the scale's 1
    ("maturity_measurement", "Jamais", "fr", 1),
    ("maturity_measurement", "chaque mois", "fr", 5),  # « Chaque mois, avec un bilan »: before the comma
    ("maturity_measurement", "never", "en", 1),
    ("maturity_interaction", "toujours", "fr", 5),  # « Toujours, dans un délai annoncé »
    ("maturity_interaction", "rarement", "fr", 1),
    ("maturity_interaction", "always", "en", 5),
    ("maturity_interaction", "rarely", "en", 1),
    ("maturity_strategy", "aucune stratégie", "fr", 1),
    ("maturity_strategy", "Stratégie écrite et suivie", "fr", 5),
    ("maturity_strategy", "jamais", "fr", 1),  # an end word for any scale
    ("maturity_safety", "rien de prévu", "fr", 1),
    ("maturity_safety", "toujours", "fr", 5),
    ("maturity_safety", "nothing in place", "en", 1),
    ("maturity_strategy", "3", "fr", 3),  # marks as before
])
def test_everyday_phrases_and_scale_labels(qid, text, lang, value):
    assert parse(STEPS[qid], text, lang) == value


@pytest.mark.parametrize("text, lang", [("0", "fr"), ("zéro", "fr"), ("aucune", "fr"), ("pas le temps", "fr"),
                                        ("pas de temps", "fr"), ("0", "en"), ("no time", "en"), ("none", "en")])
def test_no_time_is_refused_by_saying_why(text, lang):
    with pytest.raises(NotUnderstood) as info:
        parse(STEPS["hours_per_week"], text, lang)
    assert info.value.key == "hours_none" and info.value.values == {"lo": Q.question("hours_per_week").min}


def test_the_hours_question_asks_for_some_time_and_suggests_the_common_values():
    q = Q.question("hours_per_week")
    assert q.min and q.min > 0
    assert parse(STEPS["hours_per_week"], "30 min") == 0.5  # the smallest accepted
    with pytest.raises(NotUnderstood) as info:
        parse(STEPS["hours_per_week"], "10 min")
    assert info.value.key == "hours_at_least"
    assert {1, 2, 4, 6, 8, 12, 16, 20, 35} <= set(q.suggestions)
    assert {1, 2, 3, 4, 5} <= set(Q.question("people").suggestions)


def test_a_phrase_is_the_whole_answer_and_nothing_else_changes():
    assert parse_number("pas de budget cette année, 200 l’an prochain") == 200  # a number said wins
    assert parse_number("une personne") == 1 and parse_number("deux") == 2
    assert parse_hours("pas le temps") == 0  # the question's minimum refuses it (above)
    with pytest.raises(NotUnderstood):
        parse_scale("super")
    with pytest.raises(NotUnderstood):
        parse_number("personne", minimum=1)  # nobody: 0, below the minimum
