"""Routing as pure functions: conditions, repeated questions, progress, edits, the Profile."""
from __future__ import annotations

import pytest

from wizard.profile import ProfileError
from wizard.questionnaire import conditions, flow
from wizard.questionnaire.load import SHIPPED, check_text, load
from wizard.questionnaire.parse import NotUnderstood, parse

Q = load(SHIPPED / "diagnostic.yaml")


def keys(answers):
    return [s.key for s in flow.steps(Q, answers)]


@pytest.mark.parametrize("cond, answers, expected", [
    ({"equals": ["a", "x"]}, {"a": "x"}, True),
    ({"equals": ["a", "x"]}, {"a": "y"}, False),
    ({"in": ["a", ["x", "y"]]}, {"a": "y"}, True),
    ({"in": ["a", ["x", "y"]]}, {}, False),
    ({"contains": ["m", "tiktok"]}, {"m": ["facebook", "tiktok"]}, True),
    ({"contains": ["m", "tiktok"]}, {"m": "tiktok"}, False),
    ({"answered": "a"}, {"a": None}, False),
    ({"answered": "a"}, {"a": []}, False),
    ({"answered": "a"}, {"a": 0}, True),
    ({"not": {"answered": "a"}}, {}, True),
    ({"all": [{"answered": "a"}, {"equals": ["b", 1]}]}, {"a": 1, "b": 1}, True),
    ({"all": [{"answered": "a"}, {"equals": ["b", 1]}]}, {"a": 1, "b": 2}, False),
    ({"any": [{"answered": "a"}, {"equals": ["b", 1]}]}, {"b": 1}, True),
    ({"any": [{"answered": "a"}, {"equals": ["b", 1]}]}, {}, False),
    (None, {}, True),
])
def test_operator_table(cond, answers, expected):
    assert conditions.evaluate(cond, answers) is expected


def test_every_operator_has_a_test_above():
    assert set(conditions.OPERATORS) == {"equals", "in", "contains", "answered", "not", "all", "any"}


def test_first_question_and_total_of_the_questions_that_may_apply():
    assert flow.current(Q, {}).key == "structure_name"
    n, total = flow.progress(Q, {})
    assert n == 1
    # territory (needs a country), the per-channel and the two maturity questions (need a
    # channel), the two follow-up questions (need the follow-up goal) may all still be asked
    assert total == len(Q.questions)
    with_country = flow.progress(Q, {"structure_name": None, "structure_kind": "pij", "structure_country": "fr"})
    assert with_country == (4, total)  # territory applies: it was counted already (tests/questionnaire/test_progress.py)


def test_for_each_expands_per_channel_in_order():
    answers = {"structure_name": None, "structure_kind": "pij", "structure_country": "autre",
               "structure_parent_body": "commune", "structure_youth_per_year": None, "structure_staff": None,
               "current_channels": ["tiktok", "youtube"]}
    ks = keys(answers)
    i = ks.index("current_channels")
    assert ks[i + 1:i + 5] == ["presence_followers.tiktok", "presence_followers.youtube",
                               "presence_posts.tiktok", "presence_posts.youtube"]
    step = flow.current(Q, answers)
    assert step.key == "presence_followers.tiktok"
    assert "TikTok" in step.text("fr") and "{item}" not in step.text("fr")
    assert step.field == "presence.tiktok.followers"
    assert "structure_territory" not in ks  # country "autre": condition false


def test_changing_an_answer_drops_what_no_longer_applies():
    answers = {"structure_country": "fr", "structure_territory": "rural",
               "current_channels": ["facebook", "instagram"],
               "presence_followers.facebook": 10, "presence_followers.instagram": 20,
               "maturity_interaction": 3}
    changed = flow.answer(Q, answers, "current_channels", ["facebook"])
    assert "presence_followers.instagram" not in changed
    assert changed["presence_followers.facebook"] == 10
    assert changed["maturity_interaction"] == 3
    none = flow.answer(Q, changed, "current_channels", [])
    assert "maturity_interaction" not in none and "presence_followers.facebook" not in none
    other = flow.answer(Q, answers, "structure_country", "autre")
    assert "structure_territory" not in other


def test_build_profile_from_answers_and_its_errors():
    answers = {"structure_name": "MJC <b>", "structure_kind": "maison_jeunes", "current_channels": ["instagram"],
               "presence_followers.instagram": 350, "presence_posts.instagram": None,
               "goals": ["engage_community"], "age_bands": ["11_14", "15_17"], "hours_per_week": 3.5,
               "validation_required": True, "maturity_strategy": 2}
    p = flow.build_profile(Q, answers)
    assert p.structure.name == "MJC <b>"
    assert p.presence["instagram"].followers == 350 and p.presence["instagram"].posts_per_week == 0
    assert p.resources.hours_per_week == 3.5 and p.constraints.validation_required
    assert p.maturity == {"strategy": 2}
    with pytest.raises(ProfileError) as info:
        flow.build_profile(Q, {"goals": ["inform"]})
    assert any("audience" in m for m in info.value.messages)


def step(qid):
    return next(s for s in flow.steps(Q, {"current_channels": ["youtube"], "structure_country": "fr"})
                if s.key == qid)


@pytest.mark.parametrize("qid, text, value", [
    ("structure_kind", "mjc", "maison_jeunes"),
    ("structure_kind", "Mission locale", "mission_locale"),
    ("structure_kind", "centre socal", "centre_social"),
    ("structure_country", "Québec", "qc"),
    ("current_channels", "youtube, snap", ["youtube", "snapchat"]),
    ("current_channels", "aucun", []),
    ("presence_followers.youtube", "2k", 2000),
    ("presence_posts.youtube", "1,5", 1.5),
    ("goals", "suivi individuel, informer", ["individual_followup", "inform"]),
    ("age_bands", "18-25", ["18_25"]),
    ("hours_per_week", "2h30", 2.5),
    ("hours_per_week", "une demi-journée", 3.5),
    ("hours_per_week", "dix", 10),
    ("validation_required", "oui", True),
    ("working_hours_only", "non", False),
    ("own_accounts_allowed", "je ne sais pas encore", "unknown"),
    ("maturity_strategy", "4", 4),
    ("structure_name", "  PIJ   de Rodez ", "PIJ de Rodez"),
    ("structure_staff", "passer", None),
    ("comms_in_job", "oui", True),
    ("comms_in_job", "je ne sais pas", None),  # « Je ne sais pas » is a skip: the Profile keeps None
    ("budget", "500 CHF", 500),
    ("budget", "300 $", 300),
])
def test_parse_by_kind(qid, text, value):
    assert parse(step(qid), text) == value


@pytest.mark.parametrize("qid, text, fragment", [
    ("goals", "informer, recruter, partenaires, équipe", "au plus 3"),
    ("goals", "passer", "nécessaire"),
    ("hours_per_week", "beaucoup", "heures par semaine"),
    ("hours_per_week", "200", "168"),
    ("maturity_strategy", "9", "1 à 5"),
    ("structure_staff", "2,5", "entier"),
    ("structure_kind", "garage", "Choisissez parmi"),
    ("age_bands", "aucun", "au moins une réponse"),  # a required multiple choice cannot be empty
])
def test_parse_refusals_say_what_is_expected(qid, text, fragment):
    with pytest.raises(NotUnderstood) as info:
        parse(step(qid), text)
    assert fragment in str(info.value).replace("\u00a0", " ")


def test_inline_questionnaire_drives_the_same_flow():
    """A test questionnaire written inline is a fixture like the shipped one."""
    text = """
id: mini
title: {fr: "Mini", en: "Mini"}
questions:
  - {id: goals, field: goals, kind: ranked, max_choices: 2, text: {fr: "Objectifs ?", en: "Goals?"}}
  - {id: ages, field: audience.age_bands, kind: multi, text: {fr: "Âges ?", en: "Ages?"}}
  - {id: channels, field: presence, kind: multi, options: [discord, twitch], text: {fr: "Réseaux ?", en: "Networks?"}}
  - {id: viewers, field: "presence.{item}.followers", for_each: channels, kind: number, text: {fr: "Abonnés sur {item} ?", en: "Followers on {item}?"}}
  - {id: hours, field: resources.hours_per_week, kind: number, unit: hours, when: {contains: [channels, twitch]}, text: {fr: "Heures ?", en: "Hours?"}}
"""
    q = check_text(text, "mini.yaml").questionnaire
    a = {"goals": ["mobilize"], "ages": ["15_17"], "channels": ["twitch"]}
    assert [s.key for s in flow.steps(q, a)] == ["goals", "ages", "channels", "viewers.twitch", "hours"]
    assert flow.current(q, a).text("fr") == "Abonnés sur Twitch ?"
    a = flow.answer(q, a, "viewers.twitch", 40)
    a = flow.answer(q, a, "hours", 1)
    assert flow.current(q, a) is None
    assert flow.build_profile(q, a).presence["twitch"].followers == 40


def test_follow_up_questions_only_for_the_follow_up_goal_and_they_fill_the_profile():
    base = {"structure_name": None, "structure_kind": "mission_locale", "structure_country": "fr",
            "structure_territory": "rural", "structure_parent_body": "commune", "structure_youth_per_year": None,
            "structure_staff": None, "current_channels": [], "age_bands": ["18_25"], "groups": [],
            "hours_per_week": 10, "people": 3}
    assert not {"followup_counsellors", "followup_youths"} & set(keys({**base, "goals": ["inform"]}))
    ks = keys({**base, "goals": ["inform", "individual_followup"]})
    assert ks.index("people") < ks.index("comms_in_job") < ks.index("followup_counsellors") < ks.index("followup_youths")
    for qid in ("comms_in_job", "followup_counsellors", "followup_youths"):
        q = Q.question(qid)
        assert q.optional and q.help and q.help.fr and q.help.en, qid
    assert Q.question("followup_counsellors").suggestions and Q.question("followup_youths").suggestions
    answers = {**base, "goals": ["individual_followup"], "comms_in_job": None,
               "followup_counsellors": 4, "followup_youths": 60}
    resources = flow.build_profile(Q, answers).resources
    assert (resources.comms_in_job, resources.followup_counsellors, resources.followup_youths) == (None, 4, 60)
    answers = flow.answer(Q, answers, "goals", ["inform"])  # the follow-up answers no longer apply
    assert "followup_youths" not in answers and flow.build_profile(Q, answers).resources.followup_youths is None


def test_budget_speaks_no_single_currency():
    """A Swiss or Québec structure is not asked for euros, nor shown « € »."""
    from wizard.questionnaire import describe
    q = Q.question("budget")
    assert q.field == "resources.budget_per_year" and q.unit == "money"
    for lang in ("fr", "en"):
        assert not any(w in q.text.get(lang).lower() for w in ("euro", "€", "franc", "dollar")), lang
    shown = describe.answer(step("budget"), 500, "fr")
    assert "€" not in shown and shown.replace("\u202f", "").replace("\u00a0", "") == "500"


def test_skip_label_names_the_skip_in_the_transcript():
    from wizard.questionnaire import describe
    assert describe.answer(step("comms_in_job"), None, "fr") == "Je ne sais pas"
    assert describe.answer(step("structure_staff"), None, "fr") == "Je passe"
